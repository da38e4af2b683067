#include "aggregatoranswer.h"

#include "carriers/carrieradapter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

CarrierResult parseAggregatorAnswer(int httpStatus, const QByteArray &body, const QString &source,
                                    QDate shipDate, const AggregatorFormat &format)
{
    CarrierResult result;
    auto addError = [&](const QString &carrier, CarrierErrorKind kind, const QString &message) {
        result.errors.append(CarrierError {source, carrier, kind, message, httpStatus});
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = doc.object();
    if (httpStatus < 200 || httpStatus > 299) {
        QString code;
        QString message = format.errorText(root, &code);
        if (message.isEmpty())
            message = u"HTTP %1"_s.arg(httpStatus);
        if (!code.isEmpty())
            message = code + u": "_s + message;
        addError({},
                 CarrierAdapter::classify(httpStatus, code, message, CarrierErrorKind::BadResponse),
                 message);
        return result;
    }
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        addError({}, CarrierErrorKind::BadResponse, u"the answer is not a JSON object"_s);
        return result;
    }
    const QJsonArray rates = root.value("rates"_L1).toArray();
    for (const QJsonValue &v : rates) {
        const QJsonObject r = v.toObject();
        CarrierQuote q;
        q.source = source;
        format.readRate(r, shipDate, &q);
        q.currency = r.value("currency"_L1).toString();
        if (!Money::parse(r.value(format.amountKey).toString(), &q.costCents) ||
            q.currency.isEmpty()) {
            addError(q.carrier, CarrierErrorKind::BadResponse,
                     u"rate for %1 has no usable \"%2\"/\"currency\""_s.arg(q.service,
                                                                            format.amountKey));
            continue;
        }
        if (q.costCents <= 0) {
            // A rate of nothing or less is a broken answer, never the cheapest choice.
            addError(q.carrier, CarrierErrorKind::BadResponse,
                     u"rate for %1 costs %2: a quote must cost more than 0"_s.arg(
                         q.service, Money::format(q.costCents)));
            continue;
        }
        result.quotes.append(q);
    }
    const QJsonArray messages = root.value("messages"_L1).toArray();
    for (const QJsonValue &v : messages) {
        const CarrierError e = format.readMessage(v.toObject());
        addError(e.carrier, e.kind, e.message);
    }
    if (result.quotes.isEmpty() && result.errors.isEmpty())
        addError({}, CarrierErrorKind::NoService, u"no rates for this shipment"_s);
    return result;
}

} // namespace ChannelDesk
