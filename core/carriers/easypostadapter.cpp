#include "easypostadapter.h"

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
        o.insert(u"residential"_s, true);
    return o;
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
    CarrierResult result;
    auto addError = [&](const QString &carrier, CarrierErrorKind kind, const QString &message) {
        result.errors.append(CarrierError {source, carrier, kind, message, httpStatus});
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = doc.object();
    if (httpStatus < 200 || httpStatus > 299) {
        // {"error": {"code": "...", "message": "...", "errors": [{"field", "message"}]}}
        const QJsonObject e = root.value("error"_L1).toObject();
        QString message = e.value("message"_L1).toString();
        const QJsonArray fields = e.value("errors"_L1).toArray();
        for (const QJsonValue &f : fields) {
            const QString text = f.isString() ? f.toString()
                                              : f.toObject().value("field"_L1).toString() +
                    u": "_s + f.toObject().value("message"_L1).toString();
            message += u"; "_s + text;
        }
        const QString code = e.value("code"_L1).toString();
        if (message.isEmpty())
            message = u"HTTP %1"_s.arg(httpStatus);
        if (!code.isEmpty())
            message = code + u": "_s + message;
        addError({}, classify(httpStatus, code, message, CarrierErrorKind::BadResponse), message);
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
        q.carrier = r.value("carrier"_L1).toString();
        q.service = r.value("service"_L1).toString();
        q.serviceCode = q.service;
        q.currency = r.value("currency"_L1).toString();
        if (!Money::parse(r.value("rate"_L1).toString(), &q.costCents) || q.currency.isEmpty()) {
            addError(q.carrier, CarrierErrorKind::BadResponse,
                     u"rate for %1 has no usable \"rate\"/\"currency\""_s.arg(q.service));
            continue;
        }
        const QJsonValue days = r.value("delivery_days"_L1);
        const QJsonValue estDays = r.value("est_delivery_days"_L1);
        if (days.isDouble())
            q.transitDays = days.toInt();
        else if (estDays.isDouble())
            q.transitDays = estDays.toInt();
        q.estimatedDelivery = parseDate(r.value("delivery_date"_L1));
        if (!q.estimatedDelivery.isValid() && q.transitDays && shipDate.isValid())
            q.estimatedDelivery = addBusinessDays(shipDate, *q.transitDays);
        const QJsonValue guaranteed = r.value("delivery_date_guaranteed"_L1);
        if (guaranteed.isBool())
            q.guaranteed = guaranteed.toBool() ? Guarantee::Guaranteed : Guarantee::NotGuaranteed;
        result.quotes.append(q);
    }
    // Per-carrier failures beside the good rates: {"carrier", "type": "rate_error", "message"}.
    const QJsonArray messages = root.value("messages"_L1).toArray();
    for (const QJsonValue &v : messages) {
        const QJsonObject m = v.toObject();
        const QString text = m.value("message"_L1).toString();
        addError(m.value("carrier"_L1).toString(),
                 classify(0, m.value("type"_L1).toString(), text, CarrierErrorKind::NoService),
                 text);
    }
    if (result.quotes.isEmpty() && result.errors.isEmpty())
        addError({}, CarrierErrorKind::NoService, u"no rates for this shipment"_s);
    return result;
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
