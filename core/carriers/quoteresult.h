#pragma once

#include "carriers/carrierquote.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace ChannelDesk {

enum class QuoteFate { Chosen, Ranked, Dropped };
QString toString(QuoteFate fate);

// How a quote's estimated delivery compares with the order's promised date.
enum class PromiseCheck { Meets, Late, Unknown, NoPromise };

// Where a quote's reliability came from: the destination zone's history, the carrier-service's
// history over all zones, or the prior alone.
enum class ReliabilitySource { Zone, AllZones, Prior };
QString toString(ReliabilitySource source);

struct OnTimeCounts
{
    qint64 onTime = 0;
    qint64 late = 0;
    qint64 total() const { return onTime + late; }
};

// One carrier quote with everything the choice used, so the choice can be explained.
struct ScoredQuote
{
    CarrierQuote quote;
    QuoteFate fate = QuoteFate::Dropped;
    QString reason; // why dropped, or how it ranked
    int rank = 0; // 1 for the chosen quote, 2.. for the ranked ones, 0 when dropped
    PromiseCheck promise = PromiseCheck::NoPromise;
    // The cost in the comparison currency and the rate used (1 for the same currency); empty when
    // no configured rate converts the quote's currency.
    std::optional<qint64> comparableCostCents;
    double exchangeRate = 1.0;
    double reliability = 0; // the posterior mean on-time rate
    ReliabilitySource reliabilitySource = ReliabilitySource::Prior;
    QString reliabilityZone; // the zone whose history counted ("US-941", "all zones", "")
    OnTimeCounts history; // the deliveries behind reliability
    std::optional<double> score; // comparable cost / reliability (in cents); lower is better

    bool meetsPromise() const
    {
        return promise == PromiseCheck::Meets || promise == PromiseCheck::NoPromise;
    }
};

// The answer to one quote request: every quote with its fate, every carrier's error, the choice.
struct QuoteResult
{
    QString orderId;
    QString zone; // the destination zone ("US-941")
    QDate promisedBy;
    QString currency; // the comparison currency
    QList<ScoredQuote> quotes; // chosen first, then ranked in order, then dropped
    QList<CarrierError> errors;
    QString explanation; // one sentence
    qint64 elapsedMs = 0;

    const ScoredQuote *chosen() const
    {
        return !quotes.isEmpty() && quotes.constFirst().fate == QuoteFate::Chosen
            ? &quotes.constFirst()
            : nullptr;
    }
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::QuoteResult)
