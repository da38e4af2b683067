#include "quoteranker.h"

#include <algorithm>
#include <cmath>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

QString toString(QuoteFate fate)
{
    switch (fate) {
    case QuoteFate::Chosen:
        return u"chosen"_s;
    case QuoteFate::Ranked:
        return u"ranked"_s;
    case QuoteFate::Dropped:
        break;
    }
    return u"dropped"_s;
}

QString toString(ReliabilitySource source)
{
    switch (source) {
    case ReliabilitySource::Zone:
        return u"zone"_s;
    case ReliabilitySource::AllZones:
        return u"all_zones"_s;
    case ReliabilitySource::Prior:
        break;
    }
    return u"prior"_s;
}

namespace {
QString plural(qsizetype n, const QString &one, const QString &many)
{
    return u"%1 %2"_s.arg(n).arg(n == 1 ? one : many);
}

QString displayName(const CarrierQuote &q)
{
    return u"%1 %2 (%3)"_s.arg(q.carrier, q.service, q.source);
}

QString historyText(const ScoredQuote &q)
{
    switch (q.reliabilitySource) {
    case ReliabilitySource::Zone:
        return u"%1 of %2 deliveries to %3 on time"_s.arg(q.history.onTime)
            .arg(q.history.total())
            .arg(q.reliabilityZone);
    case ReliabilitySource::AllZones:
        return u"no history to %1; %2 of %3 deliveries to all zones on time"_s
            .arg(q.reliabilityZone)
            .arg(q.history.onTime)
            .arg(q.history.total());
    case ReliabilitySource::Prior:
        break;
    }
    return u"no delivery history yet, the prior"_s;
}

QString scoreText(const ScoredQuote &q, const QString &currency)
{
    return u"score %1 = %2 %3 / %4 reliability (%5)"_s.arg(*q.score, 0, 'f', 2)
        .arg(Money::format(*q.comparableCostCents), currency)
        .arg(q.reliability, 0, 'f', 3)
        .arg(historyText(q));
}
} // namespace

QuoteRanker::QuoteRanker(const QuoteSettings &settings, HistoryLookup history)
    : m_settings(settings)
    , m_history(std::move(history))
{
}

QString QuoteRanker::zoneOf(const ShippingAddress &to)
{
    QString postal = to.postalCode;
    postal.remove(u' ');
    postal.remove(u'-');
    return to.country.toUpper() + u'-' + postal.left(3).toUpper();
}

void QuoteRanker::score(ScoredQuote *q, const QString &zone) const
{
    OnTimeCounts inZone;
    OnTimeCounts allZones;
    if (m_history)
        m_history(q->quote.carrier, q->quote.service, zone, &inZone, &allZones);
    if (inZone.total() > 0) {
        q->history = inZone;
        q->reliabilitySource = ReliabilitySource::Zone;
        q->reliabilityZone = zone;
    } else if (allZones.total() > 0) {
        q->history = allZones;
        q->reliabilitySource = ReliabilitySource::AllZones;
        q->reliabilityZone = zone;
    } else {
        q->reliabilitySource = ReliabilitySource::Prior;
    }
    const double a = m_settings.priorOnTimeRate * m_settings.priorWeight;
    const double b = (1.0 - m_settings.priorOnTimeRate) * m_settings.priorWeight;
    q->reliability = (double(q->history.onTime) + a) / (double(q->history.total()) + a + b);
    q->score = (double(*q->comparableCostCents) / 100.0) / q->reliability;
}

QuoteResult QuoteRanker::rank(const ShipmentRequest &request, const QList<CarrierQuote> &quotes,
                              const QList<CarrierError> &errors) const
{
    QuoteResult result;
    result.orderId = request.orderId;
    result.zone = zoneOf(request.to);
    result.promisedBy = request.promisedBy;
    result.currency = m_settings.currency;
    result.errors = errors;

    QList<ScoredQuote> candidates;
    QList<ScoredQuote> dropped;
    for (const CarrierQuote &quote : quotes) {
        ScoredQuote q;
        q.quote = quote;
        if (!request.promisedBy.isValid())
            q.promise = PromiseCheck::NoPromise;
        else if (!quote.estimatedDelivery.isValid())
            q.promise = PromiseCheck::Unknown;
        else if (quote.estimatedDelivery > request.promisedBy)
            q.promise = PromiseCheck::Late;
        else
            q.promise = PromiseCheck::Meets;

        if (quote.currency == m_settings.currency) {
            q.comparableCostCents = quote.costCents;
        } else if (m_settings.exchangeRates.contains(quote.currency)) {
            q.exchangeRate = m_settings.exchangeRates.value(quote.currency);
            q.comparableCostCents = qint64(std::llround(double(quote.costCents) * q.exchangeRate));
        }

        if (q.promise == PromiseCheck::Late) {
            q.reason = u"arrives %1, after the promised %2"_s.arg(
                quote.estimatedDelivery.toString(Qt::ISODate),
                request.promisedBy.toString(Qt::ISODate));
        } else if (q.promise == PromiseCheck::Unknown && !m_settings.allowUnknownDelivery) {
            q.reason = u"no delivery estimate, and unknown estimates are not allowed"_s;
        } else if (!q.comparableCostCents) {
            q.reason = u"quoted in %1 and no exchange rate converts %1 to %2"_s.arg(
                quote.currency, m_settings.currency);
        }
        if (q.comparableCostCents)
            score(&q, result.zone);
        if (q.reason.isEmpty())
            candidates.append(q);
        else
            dropped.append(q);
    }

    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const ScoredQuote &x, const ScoredQuote &y) {
                         const double sx = *x.score;
                         const double sy = *y.score;
                         const double tolerance = 1e-9 * std::max(std::fabs(sx), std::fabs(sy));
                         if (std::fabs(sx - sy) > tolerance)
                             return sx < sy;
                         const QDate dx = x.quote.estimatedDelivery;
                         const QDate dy = y.quote.estimatedDelivery;
                         if (dx != dy) {
                             if (!dx.isValid() || !dy.isValid())
                                 return dx.isValid(); // a known date beats an unknown one
                             return dx < dy;
                         }
                         return *x.comparableCostCents < *y.comparableCostCents;
                     });
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        ScoredQuote &q = candidates[i];
        q.rank = int(i + 1);
        q.fate = i == 0 ? QuoteFate::Chosen : QuoteFate::Ranked;
        q.reason =
            (i == 0 ? u"best "_s : u"rank %1: "_s.arg(i + 1)) + scoreText(q, m_settings.currency);
    }
    result.quotes = candidates + dropped;
    result.explanation = explain(result);
    return result;
}

QString QuoteRanker::explain(const QuoteResult &result)
{
    QStringList failed;
    for (const CarrierError &e : result.errors)
        failed.append(u"%1%2: %3"_s.arg(
            e.source, e.carrier.isEmpty() ? QString() : u"/"_s + e.carrier, toString(e.kind)));
    failed.removeDuplicates();
    const QString failures = failed.isEmpty()
        ? QString()
        : u"; %1 (%2)"_s.arg(plural(failed.size(), u"carrier error"_s, u"carrier errors"_s),
                             failed.join(u", "_s));

    const ScoredQuote *chosen = result.chosen();
    qsizetype ranked = 0;
    qsizetype late = 0;
    qsizetype unknown = 0;
    qsizetype currency = 0;
    for (const ScoredQuote &q : result.quotes) {
        if (q.fate == QuoteFate::Ranked)
            ++ranked;
        else if (q.fate == QuoteFate::Dropped && q.promise == PromiseCheck::Late)
            ++late;
        else if (q.fate == QuoteFate::Dropped && q.promise == PromiseCheck::Unknown)
            ++unknown;
        else if (q.fate == QuoteFate::Dropped)
            ++currency;
    }
    QStringList drops;
    if (late > 0)
        drops.append(u"%1 after the promised %2"_s.arg(plural(late, u"arrives"_s, u"arrive"_s),
                                                       result.promisedBy.toString(Qt::ISODate)));
    if (unknown > 0)
        drops.append(
            plural(unknown, u"has no delivery estimate"_s, u"have no delivery estimate"_s));
    if (currency > 0)
        drops.append(plural(currency, u"is in a currency with no exchange rate"_s,
                            u"are in currencies with no exchange rate"_s));

    if (!chosen) {
        if (result.quotes.isEmpty() && result.errors.isEmpty())
            return u"No quote qualified: no carrier is enabled."_s;
        QString why = drops.isEmpty() ? u"no carrier returned a quote"_s : drops.join(u", "_s);
        return u"No quote qualified: %1%2."_s.arg(why, failures);
    }
    const CarrierQuote &q = chosen->quote;
    QString arrival = q.estimatedDelivery.isValid()
        ? u"arriving %1"_s.arg(q.estimatedDelivery.toString(Qt::ISODate))
        : u"with no delivery estimate"_s;
    if (result.promisedBy.isValid())
        arrival += u" (promised %1)"_s.arg(result.promisedBy.toString(Qt::ISODate));
    QString others =
        u"%1 ranked behind it"_s.arg(plural(ranked, u"other quote"_s, u"other quotes"_s));
    if (!drops.isEmpty())
        others += u", dropped: "_s + drops.join(u", "_s);
    return u"Chose %1 for %2 %3, %4: the lowest cost for its reliability, %5; %6%7."_s.arg(
        displayName(q), Money::format(q.costCents), q.currency, arrival,
        scoreText(*chosen, result.currency), others, failures);
}

} // namespace ChannelDesk
