#include "upsadapter.h"

#include "carriers/addressjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QUuid>

#include <cmath>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
constexpr double kGramsPerPound = 453.59237;
constexpr double kCmPerInch = 2.54;

QString decimal(double v, int places)
{
    QString s = QString::number(v, 'f', places);
    if (s.contains(u'.')) {
        while (s.endsWith(u'0'))
            s.chop(1);
        if (s.endsWith(u'.'))
            s.chop(1);
    }
    return s;
}

QJsonObject address(const ShippingAddress &a)
{
    static const AddressKeys keys {.postalCode = u"PostalCode"_s,
                                   .country = u"CountryCode"_s,
                                   .name = {}, // the party carries the name
                                   .street = u"AddressLine"_s,
                                   .city = u"City"_s,
                                   .state = u"StateProvinceCode"_s,
                                   .residential = u"ResidentialAddressIndicator"_s,
                                   .streetAsList = true,
                                   .residentialValue = u"Y"_s};
    return addressJson(a, keys);
}

QJsonObject party(const ShippingAddress &a, const QString &fallbackName)
{
    return {{u"Name"_s, a.name.isEmpty() ? fallbackName : a.name}, {u"Address"_s, address(a)}};
}

bool readMoney(const QJsonObject &charges, qint64 *cents, QString *currency)
{
    *currency = charges.value("CurrencyCode"_L1).toString();
    return Money::parse(charges.value("MonetaryValue"_L1).toString(), cents) &&
        !currency->isEmpty();
}
} // namespace

QString UpsAdapter::ratePath()
{
    return u"/api/rating/%1/Shoptimeintransit"_s.arg(QLatin1StringView(kVersion));
}

QString UpsAdapter::serviceName(const QString &code)
{
    static const QHash<QString, QString> names {
        {u"01"_s, u"Next Day Air"_s},
        {u"02"_s, u"2nd Day Air"_s},
        {u"03"_s, u"Ground"_s},
        {u"07"_s, u"Worldwide Express"_s},
        {u"08"_s, u"Worldwide Expedited"_s},
        {u"11"_s, u"Standard"_s},
        {u"12"_s, u"3 Day Select"_s},
        {u"13"_s, u"Next Day Air Saver"_s},
        {u"14"_s, u"Next Day Air Early"_s},
        {u"54"_s, u"Worldwide Express Plus"_s},
        {u"59"_s, u"2nd Day Air A.M."_s},
        {u"65"_s, u"Saver"_s},
        {u"75"_s, u"Heavy Goods"_s},
        {u"93"_s, u"Ground Saver"_s},
    };
    return names.value(code);
}

QJsonObject UpsAdapter::buildBody(const ShipmentRequest &request, QDate shipDate,
                                  const QString &shipperNumber)
{
    QJsonArray packages;
    double totalPounds = 0;
    for (const Parcel &p : request.parcels) {
        const double pounds = std::max(0.1, double(p.weightGrams) / kGramsPerPound);
        totalPounds += pounds;
        packages.append(QJsonObject {
            {u"PackagingType"_s,
             QJsonObject {{u"Code"_s, u"02"_s}, {u"Description"_s, u"Package"_s}}},
            {u"Dimensions"_s,
             QJsonObject {{u"UnitOfMeasurement"_s, QJsonObject {{u"Code"_s, u"IN"_s}}},
                          {u"Length"_s, decimal(p.lengthCm / kCmPerInch, 1)},
                          {u"Width"_s, decimal(p.widthCm / kCmPerInch, 1)},
                          {u"Height"_s, decimal(p.heightCm / kCmPerInch, 1)}}},
            {u"PackageWeight"_s,
             QJsonObject {{u"UnitOfMeasurement"_s, QJsonObject {{u"Code"_s, u"LBS"_s}}},
                          {u"Weight"_s, decimal(pounds, 1)}}},
        });
    }
    QJsonObject shipper = party(request.from, u"Shipper"_s);
    if (!shipperNumber.isEmpty())
        shipper.insert(u"ShipperNumber"_s, shipperNumber);
    QJsonObject shipment {
        {u"Shipper"_s, shipper},
        {u"ShipFrom"_s, party(request.from, u"Shipper"_s)},
        {u"ShipTo"_s, party(request.to, u"Recipient"_s)},
        {u"NumOfPieces"_s, QString::number(request.parcels.size())},
        {u"Package"_s, packages},
        {u"ShipmentTotalWeight"_s,
         QJsonObject {{u"UnitOfMeasurement"_s, QJsonObject {{u"Code"_s, u"LBS"_s}}},
                      {u"Weight"_s, decimal(totalPounds, 1)}}},
        // Asking for time in transit: without this container UPS returns no TimeInTransit.
        {u"DeliveryTimeInformation"_s,
         QJsonObject {{u"PackageBillType"_s, u"03"_s},
                      {u"Pickup"_s, QJsonObject {{u"Date"_s, shipDate.toString(u"yyyyMMdd"_s)}}}}},
    };
    if (request.declaredValueCents) {
        shipment.insert(
            u"InvoiceLineTotal"_s,
            QJsonObject {{u"CurrencyCode"_s, request.declaredCurrency},
                         {u"MonetaryValue"_s, Money::format(*request.declaredValueCents)}});
    }
    return {{u"RateRequest"_s,
             QJsonObject {
                 {u"Request"_s,
                  QJsonObject {{u"RequestOption"_s, u"Shoptimeintransit"_s},
                               {u"TransactionReference"_s,
                                QJsonObject {{u"CustomerContext"_s, request.orderId}}}}},
                 {u"Shipment"_s, shipment},
             }}};
}

CarrierError UpsAdapter::parseErrorBody(int httpStatus, const QByteArray &body,
                                        const QString &source)
{
    // {"response": {"errors": [{"code": "250002", "message": "Invalid Authentication ..."}]}}
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonArray errors = jsonList(root.value("response"_L1).toObject().value("errors"_L1));
    QString codes;
    const QString message = errorListText(errors, httpStatus, &codes);
    CarrierErrorKind kind = classify(httpStatus, codes, message, CarrierErrorKind::BadResponse);
    // 111210: "The requested service is unavailable between the selected locations."
    if (httpStatus < 500 && codes.contains("111210"_L1))
        kind = CarrierErrorKind::NoService;
    return CarrierError {source, u"UPS"_s, kind, message, httpStatus};
}

CarrierResult UpsAdapter::parseResponse(int httpStatus, const QByteArray &body,
                                        const QString &source, QDate shipDate)
{
    CarrierResult result;
    const auto response = answerObject(httpStatus, body, "RateResponse"_L1, source, u"UPS"_s,
                                       &parseErrorBody, &result);
    if (!response)
        return result;
    const QJsonArray shipments = jsonList(response->value("RatedShipment"_L1));
    for (const QJsonValue &v : shipments) {
        const QJsonObject s = v.toObject();
        CarrierQuote q;
        q.source = source;
        q.carrier = u"UPS"_s;
        q.serviceCode = s.value("Service"_L1).toObject().value("Code"_L1).toString();
        q.service = serviceName(q.serviceCode);
        // Negotiated rates, when the account has them, are what the shipper pays: one that is
        // there but unreadable refuses the service rather than quoting the list price, which
        // is not what the merchant would be charged.
        const QJsonObject negotiated =
            s.value("NegotiatedRateCharges"_L1).toObject().value("TotalCharge"_L1).toObject();
        const bool ok = negotiated.isEmpty()
            ? readMoney(s.value("TotalCharges"_L1).toObject(), &q.costCents, &q.currency)
            : readMoney(negotiated, &q.costCents, &q.currency);
        if (!ok) {
            result.errors.append(CarrierError {
                source, u"UPS"_s, CarrierErrorKind::BadResponse,
                u"service %1 has no usable %2"_s.arg(
                    q.serviceCode,
                    negotiated.isEmpty() ? u"TotalCharges"_s : u"NegotiatedRateCharges"_s),
                httpStatus});
            continue;
        }
        if (q.costCents <= 0) {
            result.errors.append(
                CarrierError {source, u"UPS"_s, CarrierErrorKind::BadResponse,
                              u"service %1 costs %2: a quote must cost more than 0"_s.arg(
                                  q.serviceCode, Money::format(q.costCents)),
                              httpStatus});
            continue;
        }
        const QJsonArray itemized = jsonList(s.value("ItemizedCharges"_L1));
        for (const QJsonValue &c : itemized) {
            const QJsonObject charge = c.toObject();
            qint64 cents = 0;
            if (Money::parse(charge.value("MonetaryValue"_L1).toString(), &cents) && cents != 0) {
                QString name = charge.value("Description"_L1).toString();
                if (name.isEmpty())
                    name = charge.value("SubType"_L1).toString();
                q.surcharges.append(
                    {name.isEmpty() ? u"UPS charge "_s + charge.value("Code"_L1).toString() : name,
                     cents});
            }
        }
        qint64 options = 0;
        if (Money::parse(
                s.value("ServiceOptionsCharges"_L1).toObject().value("MonetaryValue"_L1).toString(),
                &options) &&
            options != 0)
            q.surcharges.append({u"Service options"_s, options});

        const QJsonObject summary =
            s.value("TimeInTransit"_L1).toObject().value("ServiceSummary"_L1).toObject();
        const QJsonObject arrival = summary.value("EstimatedArrival"_L1).toObject();
        if (q.service.isEmpty())
            q.service = summary.value("Service"_L1).toObject().value("Description"_L1).toString();
        if (q.service.isEmpty())
            q.service = u"UPS service "_s + q.serviceCode;
        bool daysOk = false;
        const int days = arrival.value("BusinessDaysInTransit"_L1).toString().toInt(&daysOk);
        if (daysOk)
            q.transitDays = days;
        q.estimatedDelivery = QDate::fromString(
            arrival.value("Arrival"_L1).toObject().value("Date"_L1).toString(), u"yyyyMMdd"_s);
        const QJsonObject guaranteed = s.value("GuaranteedDelivery"_L1).toObject();
        if (!q.transitDays) {
            const int g = guaranteed.value("BusinessDaysInTransit"_L1).toString().toInt(&daysOk);
            if (daysOk)
                q.transitDays = g;
        }
        if (!q.estimatedDelivery.isValid() && q.transitDays && shipDate.isValid())
            q.estimatedDelivery = addBusinessDays(shipDate, *q.transitDays);
        if (!guaranteed.isEmpty() || summary.contains("GuaranteedIndicator"_L1))
            q.guaranteed = Guarantee::Guaranteed;
        else if (!summary.isEmpty())
            q.guaranteed = Guarantee::NotGuaranteed;
        result.quotes.append(q);
    }
    if (result.quotes.isEmpty() && result.errors.isEmpty()) {
        result.errors.append(CarrierError {source, u"UPS"_s, CarrierErrorKind::NoService,
                                           u"no rated services for this shipment"_s, httpStatus});
    }
    return result;
}

QNetworkRequest UpsAdapter::tokenRequest(const QString &clientId, const QString &clientSecret,
                                         QByteArray *body) const
{
    QNetworkRequest request(endpoint(u"/security/v1/oauth/token"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    request.setRawHeader("Authorization"_ba,
                         "Basic "_ba + QString(clientId + u':' + clientSecret).toUtf8().toBase64());
    if (!config().accountNumber.isEmpty())
        request.setRawHeader("x-merchant-id"_ba, config().accountNumber.toUtf8());
    *body = "grant_type=client_credentials"_ba;
    return request;
}

QNetworkRequest UpsAdapter::rateRequest(const ShipmentRequest &request, QDate shipDate,
                                        QByteArray *body) const
{
    QNetworkRequest http = jsonRequest(ratePath());
    http.setRawHeader("transId"_ba, QUuid::createUuid().toByteArray(QUuid::Id128));
    http.setRawHeader("transactionSrc"_ba, "ChannelDesk"_ba);
    *body = QJsonDocument(buildBody(request, shipDate, config().accountNumber))
                .toJson(QJsonDocument::Compact);
    return http;
}

} // namespace ChannelDesk
