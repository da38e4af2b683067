#include "shippoadapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
QJsonObject address(const ShippingAddress &a)
{
    QJsonObject o {{u"zip"_s, a.postalCode}, {u"country"_s, a.country}};
    if (!a.name.isEmpty())
        o.insert(u"name"_s, a.name);
    if (!a.street1.isEmpty())
        o.insert(u"street1"_s, a.street1);
    if (!a.city.isEmpty())
        o.insert(u"city"_s, a.city);
    if (!a.state.isEmpty())
        o.insert(u"state"_s, a.state);
    if (a.residential)
        o.insert(u"is_residential"_s, true);
    return o;
}

QString number(double v)
{
    return QString::number(v, 'f', 2).remove(QRegularExpression(u"\\.?0+$"_s));
}

// Shippo's error bodies: {"detail": "..."} or {"field": ["...", ...], "__all__": [...]}.
QString errorText(const QJsonObject &root)
{
    if (root.value("detail"_L1).isString())
        return root.value("detail"_L1).toString();
    QStringList parts;
    for (auto it = root.begin(); it != root.end(); ++it) {
        QStringList texts;
        const QJsonArray list = jsonList(it.value());
        for (const QJsonValue &t : list)
            texts.append(t.isString()
                             ? t.toString()
                             : QString::fromUtf8(
                                   QJsonDocument(t.toObject()).toJson(QJsonDocument::Compact)));
        if (it.value().isString())
            texts.append(it.value().toString());
        if (!texts.isEmpty())
            parts.append(it.key() + u": "_s + texts.join(u", "_s));
    }
    return parts.join(u"; "_s);
}
} // namespace

QJsonObject ShippoAdapter::buildBody(const ShipmentRequest &request)
{
    QJsonArray parcels;
    for (const Parcel &p : request.parcels) {
        parcels.append(QJsonObject {{u"length"_s, number(p.lengthCm)},
                                    {u"width"_s, number(p.widthCm)},
                                    {u"height"_s, number(p.heightCm)},
                                    {u"distance_unit"_s, u"cm"_s},
                                    {u"weight"_s, QString::number(p.weightGrams)},
                                    {u"mass_unit"_s, u"g"_s}});
    }
    QJsonObject body {{u"address_from"_s, address(request.from)},
                      {u"address_to"_s, address(request.to)},
                      {u"parcels"_s, parcels},
                      {u"async"_s, false}};
    if (!request.orderId.isEmpty())
        body.insert(u"metadata"_s, u"order %1"_s.arg(request.orderId));
    if (request.shipDate.isValid())
        body.insert(u"shipment_date"_s,
                    QString(request.shipDate.toString(Qt::ISODate) + u"T12:00:00Z"_s));
    return body;
}

CarrierResult ShippoAdapter::parseResponse(int httpStatus, const QByteArray &body,
                                           const QString &source, QDate shipDate)
{
    CarrierResult result;
    auto addError = [&](const QString &carrier, CarrierErrorKind kind, const QString &message) {
        result.errors.append(CarrierError {source, carrier, kind, message, httpStatus});
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = doc.object();
    if (httpStatus < 200 || httpStatus > 299) {
        QString message = errorText(root);
        if (message.isEmpty())
            message = u"HTTP %1"_s.arg(httpStatus);
        addError({}, classify(httpStatus, {}, message, CarrierErrorKind::BadResponse), message);
        return result;
    }
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        addError({}, CarrierErrorKind::BadResponse, u"the answer is not a JSON object"_s);
        return result;
    }
    const QJsonArray rates = root.value("rates"_L1).toArray();
    for (const QJsonValue &v : rates) {
        const QJsonObject r = v.toObject();
        const QJsonObject level = r.value("servicelevel"_L1).toObject();
        CarrierQuote q;
        q.source = source;
        q.carrier = r.value("provider"_L1).toString();
        q.service = level.value("name"_L1).toString();
        q.serviceCode = level.value("token"_L1).toString();
        q.currency = r.value("currency"_L1).toString();
        if (!Money::parse(r.value("amount"_L1).toString(), &q.costCents) || q.currency.isEmpty()) {
            addError(q.carrier, CarrierErrorKind::BadResponse,
                     u"rate for %1 has no usable \"amount\"/\"currency\""_s.arg(q.service));
            continue;
        }
        const QJsonValue days = r.value("estimated_days"_L1);
        if (days.isDouble()) {
            q.transitDays = days.toInt();
            if (shipDate.isValid())
                q.estimatedDelivery = addBusinessDays(shipDate, *q.transitDays);
        }
        if (r.value("duration_terms"_L1).toString().contains("guarantee"_L1, Qt::CaseInsensitive))
            q.guaranteed = Guarantee::Guaranteed;
        result.quotes.append(q);
    }
    // Per-carrier failures: {"source": "UPS", "code": "carrier_timeout", "text": "..."}.
    const QJsonArray messages = root.value("messages"_L1).toArray();
    for (const QJsonValue &v : messages) {
        const QJsonObject m = v.toObject();
        const QString code = m.value("code"_L1).toString();
        const QString text = m.value("text"_L1).toString();
        CarrierErrorKind kind = classify(0, code, text, CarrierErrorKind::NoService);
        if (code.contains("timeout"_L1))
            kind = CarrierErrorKind::Timeout;
        addError(m.value("source"_L1).toString(), kind,
                 code.isEmpty() ? text : code + u": "_s + text);
    }
    if (result.quotes.isEmpty() && result.errors.isEmpty())
        addError({}, CarrierErrorKind::NoService, u"no rates for this shipment"_s);
    return result;
}

void ShippoAdapter::startRequest(quint64 call, const ShipmentRequest &request)
{
    QString token;
    if (!readSecret(call, u"api_key"_s, config().apiKeyEnv, &token))
        return;
    QNetworkRequest http = jsonRequest(u"/shipments/"_s);
    http.setRawHeader("Authorization"_ba, "ShippoToken "_ba + token.toUtf8());
    const QByteArray body = QJsonDocument(buildBody(request)).toJson(QJsonDocument::Compact);
    const QDate ships = shipDate(request);
    post(call, http, body, [this, call, ships](const HttpAnswer &answer) {
        if (answer.status == 0) {
            finish(call, CarrierResult {{}, {transportError(answer)}});
            return;
        }
        finish(call, parseResponse(answer.status, answer.body, source(), ships));
    });
}

} // namespace ChannelDesk
