#include "easypostadapter.h"

#include "carriers/addressjson.h"
#include "carriers/aggregatoranswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>

#include <cmath>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
constexpr double kGramsPerOunce = 28.349523125;
constexpr double kCmPerInch = 2.54;

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QJsonObject address(const ShippingAddress &a)
{
    return addressJson(a, aggregatorAddressKeys(u"residential"_s));
}

QJsonObject parcel(const Parcel &p)
{
    return {{u"length"_s, round2(p.lengthCm / kCmPerInch)},
            {u"width"_s, round2(p.widthCm / kCmPerInch)},
            {u"height"_s, round2(p.heightCm / kCmPerInch)},
            {u"weight"_s, round2(double(p.weightGrams) / kGramsPerOunce)}};
}

// "2026-11-28T00:00:00Z" or "2026-11-28"
QDate parseDate(const QJsonValue &v)
{
    const QString text = v.toString();
    if (text.size() < 10)
        return {};
    return QDate::fromString(text.left(10), Qt::ISODate);
}
} // namespace

QString EasyPostAdapter::path(const ShipmentRequest &request)
{
    return request.parcels.size() > 1 ? u"/v2/orders"_s : u"/v2/shipments"_s;
}

QJsonObject EasyPostAdapter::buildBody(const ShipmentRequest &request)
{
    if (request.parcels.size() > 1) {
        QJsonArray shipments;
        for (const Parcel &p : request.parcels)
            shipments.append(QJsonObject {{u"parcel"_s, parcel(p)}});
        return {{u"order"_s,
                 QJsonObject {{u"reference"_s, request.orderId},
                              {u"from_address"_s, address(request.from)},
                              {u"to_address"_s, address(request.to)},
                              {u"shipments"_s, shipments}}}};
    }
    QJsonObject shipment {{u"reference"_s, request.orderId},
                          {u"from_address"_s, address(request.from)},
                          {u"to_address"_s, address(request.to)},
                          {u"parcel"_s, parcel(request.parcels.value(0))}};
    if (request.shipDate.isValid()) {
        shipment.insert(u"options"_s,
                        QJsonObject {{u"label_date"_s, request.shipDate.toString(Qt::ISODate)}});
    }
    return {{u"shipment"_s, shipment}};
}

CarrierResult EasyPostAdapter::parseResponse(int httpStatus, const QByteArray &body,
                                             const QString &source, QDate shipDate)
{
    static const AggregatorFormat format {
        // {"error": {"code": "...", "message": "...", "errors": [{"field", "message"}]}}
        .errorText =
            [](const QJsonObject &root, QString *code) {
                const QJsonObject e = root.value("error"_L1).toObject();
                QString message = e.value("message"_L1).toString();
                const QJsonArray fields = e.value("errors"_L1).toArray();
                for (const QJsonValue &f : fields) {
                    const QString text = f.isString() ? f.toString()
                                                      : f.toObject().value("field"_L1).toString() +
                            u": "_s + f.toObject().value("message"_L1).toString();
                    message += u"; "_s + text;
                }
                *code = e.value("code"_L1).toString();
                return message;
            },
        .amountKey = u"rate"_s,
        .readRate =
            [](const QJsonObject &r, QDate shipDate, CarrierQuote *q) {
                q->carrier = r.value("carrier"_L1).toString();
                q->service = r.value("service"_L1).toString();
                q->serviceCode = q->service;
                const QJsonValue days = r.value("delivery_days"_L1);
                const QJsonValue estDays = r.value("est_delivery_days"_L1);
                if (days.isDouble())
                    q->transitDays = days.toInt();
                else if (estDays.isDouble())
                    q->transitDays = estDays.toInt();
                q->estimatedDelivery = parseDate(r.value("delivery_date"_L1));
                if (!q->estimatedDelivery.isValid() && q->transitDays && shipDate.isValid())
                    q->estimatedDelivery = addBusinessDays(shipDate, *q->transitDays);
                const QJsonValue guaranteed = r.value("delivery_date_guaranteed"_L1);
                if (guaranteed.isBool()) {
                    q->guaranteed =
                        guaranteed.toBool() ? Guarantee::Guaranteed : Guarantee::NotGuaranteed;
                }
            },
        // Per-carrier failures beside the good rates: {"carrier", "type": "rate_error", "message"}.
        .readMessage =
            [](const QJsonObject &m) {
                const QString text = m.value("message"_L1).toString();
                return CarrierError {
                    {},
                    m.value("carrier"_L1).toString(),
                    classify(0, m.value("type"_L1).toString(), text, CarrierErrorKind::NoService),
                    text};
            },
    };
    return parseAggregatorAnswer(httpStatus, body, source, shipDate, format);
}

void EasyPostAdapter::startRequest(quint64 call, const ShipmentRequest &request)
{
    QString apiKey;
    if (!readSecret(call, u"api_key"_s, config().apiKeyEnv, &apiKey))
        return;
    QNetworkRequest http = jsonRequest(path(request));
    // HTTP Basic with the API key as the user name and no password.
    http.setRawHeader("Authorization"_ba,
                      "Basic "_ba + QByteArray(apiKey.toUtf8() + ':').toBase64());
    postForRates(call, http, QJsonDocument(buildBody(request)).toJson(QJsonDocument::Compact),
                 [this, ships = shipDate(request)](int status, const QByteArray &answer) {
                     return parseResponse(status, answer, source(), ships);
                 });
}

} // namespace ChannelDesk
