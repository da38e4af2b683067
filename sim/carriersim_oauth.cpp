// The carriers that sign in with OAuth client credentials: UPS and FedEx, their token endpoints
// and their rating APIs, as CarrierSim serves them (carriersim.cpp has the others and the
// routing).
#include "carriersim.h"
#include "carriersim_p.h"
#include "util/clock.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
using namespace CarrierSimWire;

QString fedexTransitWord(int days)
{
    static const QStringList words {u"ONE"_s, u"TWO"_s,   u"THREE"_s, u"FOUR"_s, u"FIVE"_s,
                                    u"SIX"_s, u"SEVEN"_s, u"EIGHT"_s, u"NINE"_s, u"TEN"_s};
    if (days < 1 || days > words.size())
        return u"UNKNOWN"_s;
    return words.at(days - 1) + (days == 1 ? u"_DAY"_s : u"_DAYS"_s);
}

QByteArray upsError(const QString &code, const QString &message)
{
    return json(
        {{u"response"_s,
          QJsonObject {{u"errors"_s,
                        QJsonArray {QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}}}}});
}

QByteArray fedexError(const QString &code, const QString &message)
{
    return json(
        {{u"transactionId"_s, u"sim-transaction"_s},
         {u"errors"_s, QJsonArray {QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}}});
}
} // namespace

// UPS OAuth client credentials: https://developer.ups.com/api/reference/oauth/client-credentials
CarrierSim::Answer CarrierSim::upsToken(const SimCarrier &c, const QHttpServerRequest &r)
{
    const auto [id, secret] = basicCredentials(r);
    const QUrlQuery form(QString::fromUtf8(r.body()));
    if (form.queryItemValue(u"grant_type"_s) != "client_credentials"_L1)
        return {400, upsError(u"10400"_s, u"Invalid/Missing grant_type"_s)};
    if (id.isEmpty() || (!c.clientId.isEmpty() && (id != c.clientId || secret != c.clientSecret)))
        return {401, upsError(u"10401"_s, u"ClientId is Invalid"_s)};
    const QByteArray token = "ups-sim-token-" + QByteArray::number(m_nextToken++);
    m_tokens.insert(token);
    return {200,
            json({{u"token_type"_s, u"Bearer"_s},
                  {u"issued_at"_s, QString::number(m_clock.nowMs())},
                  {u"client_id"_s, id},
                  {u"access_token"_s, QString::fromLatin1(token)},
                  {u"expires_in"_s, u"14399"_s},
                  {u"status"_s, u"approved"_s}})};
}

// UPS Rating: https://developer.ups.com/api/reference/rating
CarrierSim::Answer CarrierSim::ups(const SimCarrier &c, const QHttpServerRequest &r)
{
    if (!m_tokens.contains(bearer(r)))
        return {401, upsError(u"250002"_s, u"Invalid Authentication Information."_s)};
    if (c.failStatus)
        return {c.failStatus,
                upsError(c.failStatus == 429 ? u"10429"_s : u"10500"_s, c.failMessage)};
    const QJsonObject shipment =
        bodyOf(r).value("RateRequest"_L1).toObject().value("Shipment"_L1).toObject();
    const QJsonObject to = shipment.value("ShipTo"_L1).toObject().value("Address"_L1).toObject();
    if (to.value("PostalCode"_L1).toString().isEmpty())
        return {400,
                upsError(u"111285"_s, u"The postal code is invalid for the ship to address."_s)};
    const QJsonObject pickup =
        shipment.value("DeliveryTimeInformation"_L1).toObject().value("Pickup"_L1).toObject();
    QDate ships = QDate::fromString(pickup.value("Date"_L1).toString(), u"yyyyMMdd"_s);
    const bool wantsTransit = ships.isValid();
    if (!ships.isValid())
        ships = today();
    const qsizetype pieces = std::max<qsizetype>(1, shipment.value("Package"_L1).toArray().size());
    QJsonArray rated;
    for (const SimService &s : c.services) {
        const qint64 total = s.priceCents * pieces;
        qint64 extra = 0;
        QJsonArray itemized;
        for (const Surcharge &sc : s.surcharges) {
            extra += sc.amountCents;
            itemized.append(QJsonObject {{u"Code"_s, u"375"_s},
                                         {u"Description"_s, sc.name},
                                         {u"CurrencyCode"_s, c.currency},
                                         {u"MonetaryValue"_s, money(sc.amountCents)}});
        }
        auto charges = [&c](qint64 cents) {
            return QJsonObject {{u"CurrencyCode"_s, c.currency},
                                {u"MonetaryValue"_s, money(cents)}};
        };
        QJsonObject entry {
            {u"Service"_s, QJsonObject {{u"Code"_s, s.code}, {u"Description"_s, u""_s}}},
            {u"RatedShipmentAlert"_s, QJsonArray {}},
            {u"BillingWeight"_s,
             QJsonObject {
                 {u"UnitOfMeasurement"_s,
                  QJsonObject {{u"Code"_s, u"LBS"_s}, {u"Description"_s, u"Pounds"_s}}},
                 {u"Weight"_s,
                  shipment.value("ShipmentTotalWeight"_L1).toObject().value("Weight"_L1)}}},
            {u"TransportationCharges"_s, charges(total - extra)},
            {u"BaseServiceCharge"_s, charges(total - extra)},
            {u"ItemizedCharges"_s, itemized},
            {u"ServiceOptionsCharges"_s, charges(0)},
            {u"TotalCharges"_s, charges(total)},
            {u"RatedPackage"_s, QJsonArray {QJsonObject {{u"TotalCharges"_s, charges(total)}}}},
        };
        if (s.estimate && wantsTransit) {
            const QDate arrival = addBusinessDays(ships, s.transitDays);
            QJsonObject summary {
                {u"Service"_s, QJsonObject {{u"Description"_s, QString(u"UPS "_s + s.name)}}},
                {u"EstimatedArrival"_s,
                 QJsonObject {{u"Arrival"_s,
                               QJsonObject {{u"Date"_s, arrival.toString(u"yyyyMMdd"_s)},
                                            {u"Time"_s, u"233000"_s}}},
                              {u"BusinessDaysInTransit"_s, QString::number(s.transitDays)},
                              {u"Pickup"_s,
                               QJsonObject {{u"Date"_s, ships.toString(u"yyyyMMdd"_s)},
                                            {u"Time"_s, u"160000"_s}}},
                              {u"DayOfWeek"_s, dayOfWeek(arrival)}}},
                {u"SaturdayDelivery"_s, u"0"_s},
            };
            if (s.guaranteed)
                summary.insert(u"GuaranteedIndicator"_s, u""_s);
            entry.insert(u"TimeInTransit"_s,
                         QJsonObject {{u"PickupDate"_s, ships.toString(u"yyyyMMdd"_s)},
                                      {u"PackageBillType"_s, u"03"_s},
                                      {u"AutoDutyCode"_s, u"02"_s},
                                      {u"Disclaimer"_s, u"Simulated"_s},
                                      {u"ServiceSummary"_s, summary}});
            if (s.guaranteed) {
                entry.insert(
                    u"GuaranteedDelivery"_s,
                    QJsonObject {{u"BusinessDaysInTransit"_s, QString::number(s.transitDays)},
                                 {u"DeliveryByTime"_s, u"10:30 A.M."_s}});
            }
        }
        rated.append(entry);
    }
    const QJsonObject context = bodyOf(r)
                                    .value("RateRequest"_L1)
                                    .toObject()
                                    .value("Request"_L1)
                                    .toObject()
                                    .value("TransactionReference"_L1)
                                    .toObject();
    return {200,
            json({{u"RateResponse"_s,
                   QJsonObject {{u"Response"_s,
                                 QJsonObject {{u"ResponseStatus"_s,
                                               QJsonObject {{u"Code"_s, u"1"_s},
                                                            {u"Description"_s, u"Success"_s}}},
                                              {u"Alert"_s, QJsonArray {}},
                                              {u"TransactionReference"_s, context}}},
                                {u"RatedShipment"_s, rated}}}})};
}

// FedEx API Authorization: https://developer.fedex.com/api/en-us/catalog/authorization/docs.html
CarrierSim::Answer CarrierSim::fedexToken(const SimCarrier &c, const QHttpServerRequest &r)
{
    const QUrlQuery form(QString::fromUtf8(r.body()));
    const QString id =
        QUrl::fromPercentEncoding(form.queryItemValue(u"client_id"_s, QUrl::FullyEncoded).toUtf8());
    const QString secret = QUrl::fromPercentEncoding(
        form.queryItemValue(u"client_secret"_s, QUrl::FullyEncoded).toUtf8());
    if (form.queryItemValue(u"grant_type"_s) != "client_credentials"_L1 || id.isEmpty() ||
        (!c.clientId.isEmpty() && (id != c.clientId || secret != c.clientSecret))) {
        return {401,
                fedexError(u"NOT.AUTHORIZED.ERROR"_s,
                           u"The given client credentials were not valid. Please modify your "
                           "request and try again."_s)};
    }
    const QByteArray token = "fedex-sim-token-" + QByteArray::number(m_nextToken++);
    m_tokens.insert(token);
    return {200,
            json({{u"access_token"_s, QString::fromLatin1(token)},
                  {u"token_type"_s, u"bearer"_s},
                  {u"expires_in"_s, 3599},
                  {u"scope"_s, u"CXS"_s}})};
}

// FedEx Rates and Transit Times: https://developer.fedex.com/api/en-us/catalog/rate/v1/docs.html
CarrierSim::Answer CarrierSim::fedex(const SimCarrier &c, const QHttpServerRequest &r)
{
    if (!m_tokens.contains(bearer(r)))
        return {401,
                fedexError(u"NOT.AUTHORIZED.ERROR"_s,
                           u"The given JWT is invalid. Please modify your request and try "
                           "again."_s)};
    if (c.failStatus) {
        return {c.failStatus,
                fedexError(c.failStatus == 429 ? u"RATE.LIMIT.EXCEEDED"_s
                                               : u"SERVICE.UNAVAILABLE.ERROR"_s,
                           c.failMessage)};
    }
    const QJsonObject shipment = bodyOf(r).value("requestedShipment"_L1).toObject();
    const QJsonObject to = shipment.value("recipient"_L1).toObject().value("address"_L1).toObject();
    if (to.value("postalCode"_L1).toString().isEmpty())
        return {400,
                fedexError(u"RECIPIENT.POSTALCODE.INVALID"_s,
                           u"Recipient postal code is invalid or missing."_s)};
    QDate ships = QDate::fromString(shipment.value("shipDateStamp"_L1).toString(), Qt::ISODate);
    if (!ships.isValid())
        ships = today();
    const qsizetype pieces =
        std::max<qsizetype>(1, shipment.value("requestedPackageLineItems"_L1).toArray().size());
    QJsonArray details;
    for (const SimService &s : c.services) {
        const double total = double(s.priceCents * pieces) / 100.0;
        double extra = 0;
        QJsonArray surcharges;
        for (const Surcharge &sc : s.surcharges) {
            extra += double(sc.amountCents) / 100.0;
            surcharges.append(QJsonObject {{u"type"_s, u"FUEL"_s},
                                           {u"description"_s, sc.name},
                                           {u"level"_s, u"PACKAGE"_s},
                                           {u"amount"_s, double(sc.amountCents) / 100.0}});
        }
        QJsonObject operational {{u"ineligibleForMoneyBackGuarantee"_s, !s.guaranteed},
                                 {u"serviceCode"_s, s.code}};
        QJsonObject commit {{u"saturdayDelivery"_s, false}};
        if (s.estimate) {
            const QDate arrival = addBusinessDays(ships, s.transitDays);
            operational.insert(u"transitTime"_s, fedexTransitWord(s.transitDays));
            operational.insert(u"deliveryDay"_s, dayOfWeek(arrival));
            commit.insert(u"dateDetail"_s,
                          QJsonObject {{u"dayOfWeek"_s, dayOfWeek(arrival)},
                                       {u"dayFormat"_s,
                                        QString(arrival.toString(Qt::ISODate) + u"T20:00:00"_s)}});
        } else {
            commit.insert(u"label"_s, u"Delivery date unavailable"_s);
        }
        details.append(QJsonObject {
            {u"serviceType"_s, s.code},
            {u"serviceName"_s, s.name},
            {u"packagingType"_s, u"YOUR_PACKAGING"_s},
            {u"commit"_s, commit},
            {u"ratedShipmentDetails"_s,
             QJsonArray {QJsonObject {
                 {u"rateType"_s, u"ACCOUNT"_s},
                 {u"ratedWeightMethod"_s, u"ACTUAL"_s},
                 {u"totalDiscounts"_s, 0},
                 {u"totalBaseCharge"_s, total - extra},
                 {u"totalNetCharge"_s, total},
                 {u"totalNetFedExCharge"_s, total},
                 {u"shipmentRateDetail"_s,
                  QJsonObject {{u"rateZone"_s, u"8"_s},
                               {u"totalSurcharges"_s, extra},
                               {u"surCharges"_s, surcharges},
                               {u"currency"_s, c.currency}}},
                 {u"currency"_s, c.currency},
             }}},
            {u"operationalDetail"_s, operational},
        });
    }
    return {200,
            json({{u"transactionId"_s, u"sim-%1"_s.arg(m_nextToken++)},
                  {u"output"_s,
                   QJsonObject {{u"rateReplyDetails"_s, details},
                                {u"quoteDate"_s, ships.toString(Qt::ISODate)},
                                {u"encoded"_s, false}}}})};
}

} // namespace ChannelDesk
