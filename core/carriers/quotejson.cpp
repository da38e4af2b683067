#include "quotejson.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
QJsonValue dateOrNull(QDate d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

double amount(qint64 cents)
{
    return double(cents) / 100.0;
}
} // namespace

QJsonObject toJson(const ScoredQuote &s, const QString &currency)
{
    const CarrierQuote &q = s.quote;
    QJsonArray surcharges;
    for (const Surcharge &c : q.surcharges)
        surcharges.append(QJsonObject {{u"name"_s, c.name}, {u"amount"_s, amount(c.amountCents)}});
    QJsonValue meets = QJsonValue::Null;
    if (s.promise == PromiseCheck::Meets || s.promise == PromiseCheck::NoPromise)
        meets = true;
    else if (s.promise == PromiseCheck::Late)
        meets = false;
    QJsonObject o {
        {u"source"_s, q.source},
        {u"carrier"_s, q.carrier},
        {u"service"_s, q.service},
        {u"service_code"_s, q.serviceCode},
        {u"cost"_s, amount(q.costCents)},
        {u"currency"_s, q.currency},
        {u"surcharges"_s, surcharges},
        {u"transit_days"_s, q.transitDays ? QJsonValue(*q.transitDays) : QJsonValue()},
        {u"estimated_delivery"_s, dateOrNull(q.estimatedDelivery)},
        {u"guaranteed"_s,
         q.guaranteed == Guarantee::Unknown ? QJsonValue()
                                            : QJsonValue(q.guaranteed == Guarantee::Guaranteed)},
        {u"meets_promise"_s, meets},
        {u"reliability"_s, s.score ? QJsonValue(s.reliability) : QJsonValue()},
        {u"reliability_source"_s,
         s.score ? QJsonValue(toString(s.reliabilitySource)) : QJsonValue()},
        {u"history"_s,
         s.score ? QJsonValue(QJsonObject {{u"on_time"_s, s.history.onTime},
                                           {u"late"_s, s.history.late},
                                           {u"zone"_s, s.reliabilityZone}})
                 : QJsonValue()},
        {u"comparable_cost"_s,
         s.comparableCostCents ? QJsonValue(amount(*s.comparableCostCents)) : QJsonValue()},
        {u"comparable_currency"_s, currency},
        {u"score"_s, s.score ? QJsonValue(*s.score) : QJsonValue()},
        {u"rank"_s, s.rank > 0 ? QJsonValue(s.rank) : QJsonValue()},
        {u"fate"_s, toString(s.fate)},
        {u"reason"_s, s.reason},
    };
    return o;
}

QJsonObject toJson(const CarrierError &e)
{
    QJsonObject o {
        {u"source"_s, e.source}, {u"kind"_s, toString(e.kind)}, {u"message"_s, e.message}};
    if (!e.carrier.isEmpty())
        o.insert(u"carrier"_s, e.carrier);
    if (e.httpStatus != 0)
        o.insert(u"http_status"_s, e.httpStatus);
    return o;
}

QJsonObject toJson(const QuoteResult &result)
{
    QJsonArray quotes;
    for (const ScoredQuote &q : result.quotes)
        quotes.append(toJson(q, result.currency));
    QJsonArray errors;
    for (const CarrierError &e : result.errors)
        errors.append(toJson(e));
    const ScoredQuote *chosen = result.chosen();
    return {{u"order_id"_s, result.orderId},
            {u"zone"_s, result.zone},
            {u"promised_by"_s, dateOrNull(result.promisedBy)},
            {u"currency"_s, result.currency},
            {u"chosen"_s, chosen ? QJsonValue(toJson(*chosen, result.currency)) : QJsonValue()},
            {u"quotes"_s, quotes},
            {u"errors"_s, errors},
            {u"explanation"_s, result.explanation},
            {u"elapsed_ms"_s, result.elapsedMs}};
}

} // namespace ChannelDesk
