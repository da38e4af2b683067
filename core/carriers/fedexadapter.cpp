#include "fedexadapter.h"

#include "carriers/addressjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <cmath>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
constexpr double kGramsPerPound = 453.59237;
constexpr double kCmPerInch = 2.54;

QJsonObject address(const ShippingAddress &a)
{
    static const AddressKeys keys {.postalCode = u"postalCode"_s,
                                   .country = u"countryCode"_s,
                                   .name = {}, // FedEx rates without names
                                   .street = u"streetLines"_s,
                                   .city = u"city"_s,
                                   .state = u"stateOrProvinceCode"_s,
                                   .residential = u"residential"_s,
                                   .streetAsList = true};
    return addressJson(a, keys);
}

// FedEx's transit time words: "ONE_DAY" ... "TWENTY_DAYS", "UNKNOWN".
std::optional<int> transitWords(const QString &text)
{
    static const QStringList words {u"ONE"_s,       u"TWO"_s,      u"THREE"_s,    u"FOUR"_s,
                                    u"FIVE"_s,      u"SIX"_s,      u"SEVEN"_s,    u"EIGHT"_s,
                                    u"NINE"_s,      u"TEN"_s,      u"ELEVEN"_s,   u"TWELVE"_s,
                                    u"THIRTEEN"_s,  u"FOURTEEN"_s, u"FIFTEEN"_s,  u"SIXTEEN"_s,
                                    u"SEVENTEEN"_s, u"EIGHTEEN"_s, u"NINETEEN"_s, u"TWENTY"_s};
    const QString head = text.section(u'_', 0, 0);
    const qsizetype i = words.indexOf(head);
    if (i < 0 || !(text.endsWith("_DAY"_L1) || text.endsWith("_DAYS"_L1)))
        return std::nullopt;
    return int(i + 1);
}

QDate dateOf(const QJsonValue &v)
{
    const QString text = v.toString();
    return text.size() >= 10 ? QDate::fromString(text.left(10), Qt::ISODate) : QDate();
}

// ACCOUNT (the shipper's own rates) over LIST; PREFERRED_CURRENCY restates one of them.
QJsonObject pickRatedDetail(const QJsonArray &details)
{
    QJsonObject best;
    int bestRank = 99;
    for (const QJsonValue &v : details) {
        const QJsonObject d = v.toObject();
        const QString type = d.value("rateType"_L1).toString();
        const int rank = type == "ACCOUNT"_L1 ? 0
            : type == "LIST"_L1               ? 1
            : type == "PREFERRED_CURRENCY"_L1 ? 3
                                              : 2;
        if (rank < bestRank) {
            best = d;
            bestRank = rank;
        }
    }
    return best;
}
} // namespace

QJsonObject FedexAdapter::buildBody(const ShipmentRequest &request, QDate shipDate,
                                    const QString &accountNumber)
{
    const bool imperial = request.from.country == "US"_L1;
    QJsonArray items;
    for (const Parcel &p : request.parcels) {
        const double weight =
            imperial ? double(p.weightGrams) / kGramsPerPound : double(p.weightGrams) / 1000.0;
        auto dim = [imperial](double cm) {
            return qint64(std::max(1.0, std::ceil(imperial ? cm / kCmPerInch : cm)));
        };
        items.append(QJsonObject {
            {u"weight"_s,
             QJsonObject {{u"units"_s, imperial ? u"LB"_s : u"KG"_s},
                          {u"value"_s, std::max(0.1, std::round(weight * 10.0) / 10.0)}}},
            {u"dimensions"_s,
             QJsonObject {{u"length"_s, dim(p.lengthCm)},
                          {u"width"_s, dim(p.widthCm)},
                          {u"height"_s, dim(p.heightCm)},
                          {u"units"_s, imperial ? u"IN"_s : u"CM"_s}}},
        });
    }
    QJsonObject shipment {
        {u"shipper"_s, QJsonObject {{u"address"_s, address(request.from)}}},
        {u"recipient"_s, QJsonObject {{u"address"_s, address(request.to)}}},
        {u"shipDateStamp"_s, shipDate.toString(Qt::ISODate)},
        {u"pickupType"_s, u"DROPOFF_AT_FEDEX_LOCATION"_s},
        {u"packagingType"_s, u"YOUR_PACKAGING"_s},
        {u"rateRequestType"_s, QJsonArray {u"ACCOUNT"_s, u"LIST"_s}},
        {u"totalPackageCount"_s, request.parcels.size()},
        {u"requestedPackageLineItems"_s, items},
    };
    if (request.declaredValueCents) {
        shipment.insert(u"totalDeclaredValue"_s,
                        QJsonObject {{u"amount"_s, double(*request.declaredValueCents) / 100.0},
                                     {u"currency"_s, request.declaredCurrency}});
    }
    return {{u"accountNumber"_s, QJsonObject {{u"value"_s, accountNumber}}},
            {u"rateRequestControlParameters"_s, QJsonObject {{u"returnTransitTimes"_s, true}}},
            {u"requestedShipment"_s, shipment}};
}

CarrierError FedexAdapter::parseErrorBody(int httpStatus, const QByteArray &body,
                                          const QString &source)
{
    // {"transactionId": "...", "errors": [{"code": "NOT.AUTHORIZED.ERROR", "message": "..."}]}
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value("errors"_L1).toArray();
    QString codes;
    const QString message = errorListText(errors, httpStatus, &codes);
    return CarrierError {source, u"FedEx"_s,
                         classify(httpStatus, codes, message, CarrierErrorKind::BadResponse),
                         message, httpStatus};
}

CarrierResult FedexAdapter::parseResponse(int httpStatus, const QByteArray &body,
                                          const QString &source, QDate shipDate)
{
    CarrierResult result;
    const auto output =
        answerObject(httpStatus, body, "output"_L1, source, u"FedEx"_s, &parseErrorBody, &result);
    if (!output)
        return result;
    const QJsonArray details = output->value("rateReplyDetails"_L1).toArray();
    for (const QJsonValue &v : details) {
        const QJsonObject d = v.toObject();
        CarrierQuote q;
        q.source = source;
        q.carrier = u"FedEx"_s;
        q.serviceCode = d.value("serviceType"_L1).toString();
        q.service = d.value("serviceName"_L1).toString();
        if (q.service.isEmpty())
            q.service = q.serviceCode;
        const QJsonObject rated = pickRatedDetail(d.value("ratedShipmentDetails"_L1).toArray());
        const QJsonObject shipmentDetail = rated.value("shipmentRateDetail"_L1).toObject();
        q.currency = rated.value("currency"_L1).toString();
        if (q.currency.isEmpty())
            q.currency = shipmentDetail.value("currency"_L1).toString();
        // Money comes as JSON numbers here, unlike UPS.
        const QJsonValue net = rated.value("totalNetCharge"_L1);
        const bool ok = net.isDouble() ? Money::fromDouble(net.toDouble(), &q.costCents)
                                       : Money::parse(net.toString(), &q.costCents);
        if (!ok || q.currency.isEmpty()) {
            result.errors.append(CarrierError {
                source, u"FedEx"_s, CarrierErrorKind::BadResponse,
                u"service %1 has no usable totalNetCharge/currency"_s.arg(q.serviceCode),
                httpStatus});
            continue;
        }
        if (q.costCents <= 0) {
            result.errors.append(
                CarrierError {source, u"FedEx"_s, CarrierErrorKind::BadResponse,
                              u"service %1 costs %2: a quote must cost more than 0"_s.arg(
                                  q.serviceCode, Money::format(q.costCents)),
                              httpStatus});
            continue;
        }
        const QJsonArray surcharges = shipmentDetail.value("surCharges"_L1).toArray();
        for (const QJsonValue &s : surcharges) {
            const QJsonObject o = s.toObject();
            qint64 cents = 0;
            if (Money::fromDouble(o.value("amount"_L1).toDouble(), &cents) && cents != 0) {
                const QString name = o.value("description"_L1).toString();
                q.surcharges.append({name.isEmpty() ? o.value("type"_L1).toString() : name, cents});
            }
        }
        const QJsonObject commit = d.value("commit"_L1).toObject();
        const QJsonObject operational = d.value("operationalDetail"_L1).toObject();
        q.estimatedDelivery =
            dateOf(commit.value("dateDetail"_L1).toObject().value("dayFormat"_L1));
        if (!q.estimatedDelivery.isValid())
            q.estimatedDelivery = dateOf(operational.value("deliveryDate"_L1));
        if (!q.estimatedDelivery.isValid())
            q.estimatedDelivery = dateOf(operational.value("commitDate"_L1));
        q.transitDays = transitWords(operational.value("transitTime"_L1).toString());
        if (!q.transitDays) {
            q.transitDays = transitWords(commit.value("transitDays"_L1)
                                             .toObject()
                                             .value("minimumTransitTime"_L1)
                                             .toString());
        }
        if (!q.estimatedDelivery.isValid() && q.transitDays && shipDate.isValid())
            q.estimatedDelivery = addBusinessDays(shipDate, *q.transitDays);
        const QJsonValue ineligible = operational.value("ineligibleForMoneyBackGuarantee"_L1);
        if (ineligible.isBool())
            q.guaranteed = ineligible.toBool() ? Guarantee::NotGuaranteed : Guarantee::Guaranteed;
        result.quotes.append(q);
    }
    if (result.quotes.isEmpty()) {
        result.errors.append(CarrierError {source, u"FedEx"_s, CarrierErrorKind::NoService,
                                           u"no rated services for this shipment"_s, httpStatus});
    }
    return result;
}

QNetworkRequest FedexAdapter::tokenRequest(const QString &clientId, const QString &clientSecret,
                                           QByteArray *body) const
{
    QNetworkRequest request(endpoint(u"/oauth/token"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, QString::fromLatin1(QUrl::toPercentEncoding(clientId)));
    form.addQueryItem(u"client_secret"_s,
                      QString::fromLatin1(QUrl::toPercentEncoding(clientSecret)));
    *body = form.toString(QUrl::FullyEncoded).toUtf8();
    return request;
}

QNetworkRequest FedexAdapter::rateRequest(const ShipmentRequest &request, QDate shipDate,
                                          QByteArray *body) const
{
    QNetworkRequest http = jsonRequest(u"/rate/v1/rates/quotes"_s);
    http.setRawHeader("X-locale"_ba, "en_US"_ba);
    *body = QJsonDocument(buildBody(request, shipDate, config().accountNumber))
                .toJson(QJsonDocument::Compact);
    return http;
}

} // namespace ChannelDesk
