#pragma once

#include "carriers/carrierconfig.h"
#include "carriers/quoteresult.h"

#include <functional>

namespace ChannelDesk {

// The choice among quotes, without I/O: drops what misses the promise or cannot be compared,
// scores the rest by cost / reliability, orders them, and explains the choice in one sentence.
//
// reliability = (on-time + a) / (deliveries + a + b), a Beta(a, b) prior with mean
// QuoteSettings::priorOnTimeRate and weight a + b = priorWeight, over the carrier-service's
// deliveries to the destination zone; with none there, over all zones; with none at all, the
// prior alone. Ties (equal scores) go to the earlier delivery, then the lower cost.
class QuoteRanker
{
public:
    // Reads a carrier-service's on-time history: to the zone, and over all zones.
    using HistoryLookup =
        std::function<void(const QString &carrier, const QString &service, const QString &zone,
                           OnTimeCounts *inZone, OnTimeCounts *allZones)>;

    QuoteRanker(const QuoteSettings &settings, HistoryLookup history);

    QuoteResult rank(const ShipmentRequest &request, const QList<CarrierQuote> &quotes,
                     const QList<CarrierError> &errors) const;

    // "US-941": the destination country and the first three characters of its postal code
    // (letters upper-cased, spaces removed).
    static QString zoneOf(const ShippingAddress &to);

private:
    void score(ScoredQuote *q, const QString &zone) const;
    static QString explain(const QuoteResult &result);

    QuoteSettings m_settings;
    HistoryLookup m_history;
};

} // namespace ChannelDesk
