#pragma once

#include "carriers/quoteresult.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace ChannelDesk {

class Clock;
class Database;

// One delivered parcel: was the carrier-service on time to that zone?
struct DeliveryOutcome
{
    QString carrier; // as the quotes name it ("UPS", "USPS")
    QString service; // as the quotes name it ("Ground")
    QString zone; // "US-941"
    QDate promised;
    QDate delivered;
    bool onTime() const { return delivered <= promised; }
};

// The database side of carrier quotes (migration 2): delivery outcomes in, on-time counts out,
// and the audit record of each quote request and its choice. Carrier and service names match
// case-insensitively. Use from the thread that opened the Database.
class ReliabilityStore
{
public:
    ReliabilityStore(Database &db, const Clock &clock);

    // Records every outcome not recorded yet, or none; returns how many were new. Outcomes carry
    // no parcel id: identical ones (same carrier, service, zone and dates) count as many times
    // as the list that named them most often, so importing the same file twice counts it once.
    Result<qsizetype> recordOutcomes(const QList<DeliveryOutcome> &outcomes);
    // A carrier-service's on-time counts to one zone and over all zones.
    struct History
    {
        OnTimeCounts inZone;
        OnTimeCounts allZones;
    };
    Result<History> history(const QString &carrier, const QString &service,
                            const QString &zone) const;
    // Records one quote request: every quote with its fate, the errors, the choice.
    Status recordQuoteRequest(const QuoteResult &result);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace ChannelDesk
