#include "shippoadapter.h"

#include "carriers/addressjson.h"
#include "carriers/aggregatoranswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
QJsonObject address(const ShippingAddress &a)
{
    return addressJson(a, aggregatorAddressKeys(u"is_residential"_s));
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
    static const AggregatorFormat format {
        .errorText = [](const QJsonObject &root, QString *) { return errorText(root); },
        .amountKey = u"amount"_s,
        .readRate =
            [](const QJsonObject &r, QDate shipDate, CarrierQuote *q) {
                const QJsonObject level = r.value("servicelevel"_L1).toObject();
                q->carrier = r.value("provider"_L1).toString();
                q->service = level.value("name"_L1).toString();
                q->serviceCode = level.value("token"_L1).toString();
                const QJsonValue days = r.value("estimated_days"_L1);
                if (days.isDouble()) {
                    q->transitDays = days.toInt();
                    if (shipDate.isValid())
                        q->estimatedDelivery = addBusinessDays(shipDate, *q->transitDays);
                }
                const QString terms = r.value("duration_terms"_L1).toString();
                if (terms.contains("guarantee"_L1, Qt::CaseInsensitive))
                    q->guaranteed = Guarantee::Guaranteed;
            },
        // Per-carrier failures: {"source": "UPS", "code": "carrier_timeout", "text": "..."}.
        .readMessage =
            [](const QJsonObject &m) {
                const QString code = m.value("code"_L1).toString();
                const QString text = m.value("text"_L1).toString();
                CarrierErrorKind kind = classify(0, code, text, CarrierErrorKind::NoService);
                if (code.contains("timeout"_L1))
                    kind = CarrierErrorKind::Timeout;
                return CarrierError {{},
                                     m.value("source"_L1).toString(),
                                     kind,
                                     code.isEmpty() ? text : code + u": "_s + text};
            },
    };
    return parseAggregatorAnswer(httpStatus, body, source, shipDate, format);
}

void ShippoAdapter::startRequest(quint64 call, const ShipmentRequest &request)
{
    QString token;
    if (!readSecret(call, u"api_key"_s, config().apiKeyEnv, &token))
        return;
    QNetworkRequest http = jsonRequest(u"/shipments/"_s);
    http.setRawHeader("Authorization"_ba, "ShippoToken "_ba + token.toUtf8());
    const QDate ships = shipDate(request);
    const QByteArray body = QJsonDocument(buildBody(request)).toJson(QJsonDocument::Compact);
    postForRates(call, http, body, [this, ships](int status, const QByteArray &answer) {
        return parseResponse(status, answer, source(), ships);
    });
}

} // namespace ChannelDesk
