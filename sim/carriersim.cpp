#include "carriersim.h"

#include "carriersim_p.h"
#include "sim/simtcpserver.h"
#include "util/clock.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace CarrierSimWire {
QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject bodyOf(const QHttpServerRequest &r)
{
    return QJsonDocument::fromJson(r.body()).object();
}

// "Basic base64(user:password)" -> (user, password)
std::pair<QString, QString> basicCredentials(const QHttpServerRequest &r)
{
    const QByteArray header = r.value("Authorization"_ba);
    if (!header.startsWith("Basic "))
        return {};
    const QString decoded = QString::fromUtf8(QByteArray::fromBase64(header.mid(6)));
    const qsizetype colon = decoded.indexOf(u':');
    if (colon < 0)
        return {decoded, QString()};
    return {decoded.left(colon), decoded.mid(colon + 1)};
}

QByteArray bearer(const QHttpServerRequest &r)
{
    const QByteArray header = r.value("Authorization"_ba);
    return header.startsWith("Bearer ") ? header.mid(7) : QByteArray();
}

QString money(qint64 cents)
{
    return Money::format(cents);
}

QString dayOfWeek(QDate d)
{
    static const QStringList days {u"MON"_s, u"TUE"_s, u"WED"_s, u"THU"_s,
                                   u"FRI"_s, u"SAT"_s, u"SUN"_s};
    return days.at(d.dayOfWeek() - 1);
}

} // namespace CarrierSimWire

namespace {
using namespace CarrierSimWire;

bool parseService(const QJsonValue &v, const QString &where, SimService *s, QString *error)
{
    const QJsonObject o = v.toObject();
    s->code = o.value("code"_L1).toString();
    s->name = o.value("name"_L1).toString(s->code);
    s->carrier = o.value("carrier"_L1).toString();
    if (!v.isObject() || s->code.isEmpty()) {
        *error = where + u".code: expected the service's code"_s;
        return false;
    }
    if (!Money::parse(o.value("price"_L1).toString(), &s->priceCents) || s->priceCents < 0) {
        *error = where + u".price: expected a decimal string like \"12.34\""_s;
        return false;
    }
    s->transitDays = o.value("transit_days"_L1).toInt(3);
    if (s->transitDays < 1) {
        *error = where + u".transit_days: expected a positive whole number"_s;
        return false;
    }
    s->estimate = o.value("estimate"_L1).toBool(true);
    s->guaranteed = o.value("guaranteed"_L1).toBool(false);
    const QJsonArray surcharges = o.value("surcharges"_L1).toArray();
    for (qsizetype i = 0; i < surcharges.size(); ++i) {
        const QJsonObject c = surcharges.at(i).toObject();
        Surcharge sc;
        sc.name = c.value("name"_L1).toString();
        if (!Money::parse(c.value("amount"_L1).toString(), &sc.amountCents)) {
            *error = where + u".surcharges[%1].amount: expected a decimal string"_s.arg(i);
            return false;
        }
        s->surcharges.append(sc);
    }
    return true;
}
} // namespace

CarrierSim::CarrierSim(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_random(1)
{
}

CarrierSim::~CarrierSim() = default;

bool CarrierSim::parseConfig(const QJsonArray &carriers, QList<SimCarrier> *out, QString *error)
{
    QList<SimCarrier> parsed;
    for (qsizetype i = 0; i < carriers.size(); ++i) {
        const QString where = u"carriers[%1]"_s.arg(i);
        const QJsonObject o = carriers.at(i).toObject();
        SimCarrier c;
        c.id = o.value("id"_L1).toString();
        if (c.id.isEmpty() || c.id.contains(u'/')) {
            *error = where + u".id: expected a name usable as a path segment"_s;
            return false;
        }
        const QString type = o.value("type"_L1).toString();
        if (type == "easypost"_L1)
            c.type = CarrierType::EasyPost;
        else if (type == "shippo"_L1)
            c.type = CarrierType::Shippo;
        else if (type == "ups"_L1)
            c.type = CarrierType::Ups;
        else if (type == "fedex"_L1)
            c.type = CarrierType::Fedex;
        else {
            *error = where + u".type: expected \"ups\", \"fedex\", \"easypost\" or \"shippo\""_s;
            return false;
        }
        c.currency = o.value("currency"_L1).toString(u"USD"_s);
        c.apiKey = o.value("api_key"_L1).toString();
        c.clientId = o.value("client_id"_L1).toString();
        c.clientSecret = o.value("client_secret"_L1).toString();
        c.latencyMs = o.value("latency_ms"_L1).toInt(0);
        c.timeout = o.value("timeout"_L1).toBool(false);
        const QJsonObject fail = o.value("fail"_L1).toObject();
        c.failStatus = fail.value("status"_L1).toInt(0);
        c.failMessage = fail.value("message"_L1).toString(u"simulated failure"_s);
        if (c.latencyMs < 0 ||
            (o.contains("fail"_L1) && (c.failStatus < 400 || c.failStatus > 599))) {
            *error = where + u": latency_ms must be >= 0 and fail.status a 4xx or 5xx code"_s;
            return false;
        }
        c.timeoutShare = o.value("timeout_share"_L1).toDouble(0);
        c.failShare = o.value("fail_share"_L1).toDouble(o.contains("fail"_L1) ? 1.0 : 0.0);
        if (c.timeoutShare < 0 || c.timeoutShare > 1 || c.failShare < 0 || c.failShare > 1) {
            *error = where + u": timeout_share and fail_share must be between 0 and 1"_s;
            return false;
        }
        if (c.failShare > 0 && c.failStatus == 0)
            c.failStatus = 503;
        const QJsonArray messages = o.value("messages"_L1).toArray();
        for (const QJsonValue &m : messages) {
            c.messages.append({m.toObject().value("carrier"_L1).toString(),
                               m.toObject().value("message"_L1).toString()});
        }
        const QJsonArray services = o.value("services"_L1).toArray();
        for (qsizetype s = 0; s < services.size(); ++s) {
            SimService service;
            if (!parseService(services.at(s), where + u".services[%1]"_s.arg(s), &service, error))
                return false;
            c.services.append(service);
        }
        parsed.append(c);
    }
    *out = parsed;
    return true;
}

void CarrierSim::setCarriers(const QList<SimCarrier> &carriers)
{
    m_carriers.clear();
    for (const SimCarrier &c : carriers)
        m_carriers.insert(c.id, c);
}

QDate CarrierSim::today() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).date();
}

void CarrierSim::attach(QHttpServer *server, SimTcpServer *tcp)
{
    m_tcp = tcp;
    for (const SimCarrier &c : std::as_const(m_carriers)) {
        const QString base = u"/"_s + c.id;
        switch (c.type) {
        case CarrierType::EasyPost:
            addRoute(server, c.id, base + u"/v2/shipments"_s, true,
                     [this](const SimCarrier &sc, const QHttpServerRequest &r) {
                         return easyPost(sc, r);
                     });
            addRoute(server, c.id, base + u"/v2/orders"_s, true,
                     [this](const SimCarrier &sc, const QHttpServerRequest &r) {
                         return easyPost(sc, r);
                     });
            break;
        case CarrierType::Shippo:
            addRoute(server, c.id, base + u"/shipments/"_s, true,
                     [this](const SimCarrier &sc, const QHttpServerRequest &r) {
                         return shippo(sc, r);
                     });
            break;
        case CarrierType::Ups:
            addRoute(server, c.id, base + u"/security/v1/oauth/token"_s, false,
                     [this](const SimCarrier &sc, const QHttpServerRequest &r) {
                         return upsToken(sc, r);
                     });
            addRoute(
                server, c.id, base + u"/api/rating/<arg>/<arg>"_s, true,
                [this](const SimCarrier &sc, const QHttpServerRequest &r) { return ups(sc, r); });
            break;
        case CarrierType::Fedex:
            addRoute(server, c.id, base + u"/oauth/token"_s, false,
                     [this](const SimCarrier &sc, const QHttpServerRequest &r) {
                         return fedexToken(sc, r);
                     });
            addRoute(
                server, c.id, base + u"/rate/v1/rates/quotes"_s, true,
                [this](const SimCarrier &sc, const QHttpServerRequest &r) { return fedex(sc, r); });
            break;
        }
    }
}

void CarrierSim::addRoute(QHttpServer *server, const QString &id, const QString &path, bool isRate,
                          Handler handler)
{
    // The UPS path has two placeholders (version, request option); they are not needed here.
    auto respondTo = [this, id, isRate, handler](const QHttpServerRequest &request,
                                                 QHttpServerResponder &&responder) {
        const auto it = m_carriers.constFind(id);
        if (it == m_carriers.constEnd())
            return;
        if (isRate)
            m_rateRequests[id] += 1;
        const bool timesOut =
            it->timeout || (it->timeoutShare > 0 && m_random.generateDouble() < it->timeoutShare);
        if (isRate && timesOut) {
            // Never answered: held until the simulator goes away.
            m_held.push_back(std::make_unique<QHttpServerResponder>(std::move(responder)));
            return;
        }
        SimCarrier carrier = *it;
        if (!isRate || (carrier.failShare < 1 && m_random.generateDouble() >= carrier.failShare))
            carrier.failStatus = 0; // this request goes through
        respond(id, isRate, handler(carrier, request), std::move(responder));
    };
    if (path.contains("<arg>"_L1)) {
        server->route(path, QHttpServerRequest::Method::Post,
                      [respondTo](const QString &, const QString &,
                                  const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder) {
                          respondTo(request, std::move(responder));
                      });
    } else {
        server->route(path, QHttpServerRequest::Method::Post, respondTo);
    }
}

void CarrierSim::respond(const QString &id, bool isRate, const Answer &answer,
                         QHttpServerResponder &&responder)
{
    Q_UNUSED(isRate);
    const int latency = m_carriers.value(id).latencyMs;
    const auto status = QHttpServerResponder::StatusCode(answer.status);
    if (latency <= 0) {
        responder.write(answer.body, "application/json"_ba, status);
        return;
    }
    const QPointer<QTcpSocket> connection = m_tcp ? m_tcp->currentConnection() : nullptr;
    m_held.push_back(std::make_unique<QHttpServerResponder>(std::move(responder)));
    QHttpServerResponder *held = m_held.back().get();
    QTimer::singleShot(latency, this, [this, held, connection, answer, status] {
        const auto it = std::find_if(m_held.begin(), m_held.end(),
                                     [held](const auto &p) { return p.get() == held; });
        if (it == m_held.end())
            return;
        if (connection && connection->state() == QAbstractSocket::ConnectedState)
            held->write(answer.body, "application/json"_ba, status);
        m_held.erase(it);
    });
}

// EasyPost: https://docs.easypost.com/docs/shipments, /docs/orders, /docs/errors
CarrierSim::Answer CarrierSim::easyPost(const SimCarrier &c, const QHttpServerRequest &r)
{
    auto error = [](int status, const QString &code, const QString &message,
                    const QJsonArray &fields = {}) {
        return Answer {
            status,
            json({{u"error"_s,
                   QJsonObject {
                       {u"code"_s, code}, {u"message"_s, message}, {u"errors"_s, fields}}}})};
    };
    const auto [key, password] = basicCredentials(r);
    if (key.isEmpty() || (!c.apiKey.isEmpty() && key != c.apiKey))
        return error(401, u"APIKEY.INACTIVE"_s, u"This api key is no longer active."_s);
    if (c.failStatus)
        return error(c.failStatus,
                     c.failStatus == 429 ? u"RATE_LIMITED"_s : u"INTERNAL_SERVER_ERROR"_s,
                     c.failMessage);
    const bool isOrder = r.url().path().endsWith("/orders"_L1);
    const QJsonObject root = bodyOf(r).value(isOrder ? "order"_L1 : "shipment"_L1).toObject();
    const QJsonObject to = root.value("to_address"_L1).toObject();
    if (to.value("zip"_L1).toString().isEmpty() || to.value("country"_L1).toString().isEmpty()) {
        return error(422, isOrder ? u"ORDER.INVALID_PARAMS"_s : u"SHIPMENT.INVALID_PARAMS"_s,
                     u"Unable to create shipment, one or more parameters were invalid."_s,
                     {QJsonObject {{u"field"_s, u"to_address.zip"_s},
                                   {u"message"_s, u"cannot be blank"_s}}});
    }
    const qsizetype pieces =
        isOrder ? std::max<qsizetype>(1, root.value("shipments"_L1).toArray().size()) : 1;
    QDate ships = QDate::fromString(
        root.value("options"_L1).toObject().value("label_date"_L1).toString().left(10),
        Qt::ISODate);
    if (!ships.isValid())
        ships = today();
    const QString shipmentId = u"shp_sim%1"_s.arg(m_nextToken++);
    QJsonArray rates;
    for (const SimService &s : c.services) {
        const QDate arrival = addBusinessDays(ships, s.transitDays);
        rates.append(QJsonObject {
            {u"id"_s, u"rate_%1%2"_s.arg(s.code).arg(m_nextToken++)},
            {u"object"_s, u"Rate"_s},
            {u"mode"_s, u"test"_s},
            {u"service"_s, s.code},
            {u"carrier"_s, s.carrier.isEmpty() ? u"USPS"_s : s.carrier},
            {u"rate"_s, money(s.priceCents * pieces)},
            {u"currency"_s, c.currency},
            {u"list_rate"_s, money(s.priceCents * pieces)},
            {u"list_currency"_s, c.currency},
            {u"delivery_days"_s, s.estimate ? QJsonValue(s.transitDays) : QJsonValue()},
            {u"delivery_date"_s,
             s.estimate ? QJsonValue(QString(arrival.toString(Qt::ISODate) + u"T17:00:00Z"_s))
                        : QJsonValue()},
            {u"delivery_date_guaranteed"_s, s.estimate ? QJsonValue(s.guaranteed) : QJsonValue()},
            {u"est_delivery_days"_s, s.estimate ? QJsonValue(s.transitDays) : QJsonValue()},
            {u"shipment_id"_s, shipmentId},
            {u"carrier_account_id"_s, u"ca_sim"_s},
        });
    }
    QJsonArray messages;
    for (const auto &[carrier, message] : c.messages) {
        messages.append(QJsonObject {{u"carrier"_s, carrier},
                                     {u"carrier_account_id"_s, u"ca_sim"_s},
                                     {u"type"_s, u"rate_error"_s},
                                     {u"message"_s, message}});
    }
    QJsonObject answer {{u"id"_s, isOrder ? u"order_sim%1"_s.arg(m_nextToken++) : shipmentId},
                        {u"object"_s, isOrder ? u"Order"_s : u"Shipment"_s},
                        {u"mode"_s, u"test"_s},
                        {u"reference"_s, root.value("reference"_L1)},
                        {u"from_address"_s, root.value("from_address"_L1)},
                        {u"to_address"_s, to},
                        {u"rates"_s, rates},
                        {u"messages"_s, messages}};
    if (!isOrder)
        answer.insert(u"parcel"_s, root.value("parcel"_L1));
    return {isOrder ? 200 : 201, json(answer)};
}

// Shippo: https://docs.goshippo.com/docs/shipments/shipments/
CarrierSim::Answer CarrierSim::shippo(const SimCarrier &c, const QHttpServerRequest &r)
{
    const QByteArray auth = r.value("Authorization"_ba);
    const QByteArray token = auth.startsWith("ShippoToken ") ? auth.mid(12) : QByteArray();
    if (token.isEmpty() || (!c.apiKey.isEmpty() && token != c.apiKey.toUtf8()))
        return {401, json({{u"detail"_s, u"Invalid token."_s}})};
    if (c.failStatus)
        return {c.failStatus, json({{u"detail"_s, c.failMessage}})};
    const QJsonObject body = bodyOf(r);
    const QJsonObject to = body.value("address_to"_L1).toObject();
    if (to.value("zip"_L1).toString().isEmpty())
        return {400, json({{u"address_to"_s, QJsonArray {u"zip: This field is required."_s}}})};
    QDate ships =
        QDate::fromString(body.value("shipment_date"_L1).toString().left(10), Qt::ISODate);
    if (!ships.isValid())
        ships = today();
    Q_UNUSED(ships); // Shippo answers estimated_days, not a date
    const qsizetype pieces = std::max<qsizetype>(1, body.value("parcels"_L1).toArray().size());
    const QString shipmentId = u"sim%1"_s.arg(m_nextToken++);
    QJsonArray rates;
    for (const SimService &s : c.services) {
        rates.append(QJsonObject {
            {u"object_id"_s, u"rate%1"_s.arg(m_nextToken++)},
            {u"amount"_s, money(s.priceCents * pieces)},
            {u"currency"_s, c.currency},
            {u"amount_local"_s, money(s.priceCents * pieces)},
            {u"currency_local"_s, c.currency},
            {u"attributes"_s, QJsonArray {}},
            {u"provider"_s, s.carrier.isEmpty() ? u"USPS"_s : s.carrier},
            {u"servicelevel"_s, QJsonObject {{u"name"_s, s.name}, {u"token"_s, s.code}}},
            {u"estimated_days"_s, s.estimate ? QJsonValue(s.transitDays) : QJsonValue()},
            {u"duration_terms"_s,
             s.estimate ? QJsonValue(u"Delivery in %1 business days%2."_s.arg(s.transitDays)
                                         .arg(s.guaranteed ? u", guaranteed"_s : QString()))
                        : QJsonValue(u""_s)},
            {u"arrives_by"_s, QJsonValue()},
            {u"shipment"_s, shipmentId},
            {u"test"_s, true},
        });
    }
    QJsonArray messages;
    for (const auto &[carrier, message] : c.messages) {
        messages.append(QJsonObject {
            {u"source"_s, carrier}, {u"code"_s, u"carrier_error"_s}, {u"text"_s, message}});
    }
    return {201,
            json({{u"object_id"_s, shipmentId},
                  {u"status"_s, u"SUCCESS"_s},
                  {u"address_from"_s, body.value("address_from"_L1)},
                  {u"address_to"_s, to},
                  {u"parcels"_s, body.value("parcels"_L1)},
                  {u"rates"_s, rates},
                  {u"messages"_s, messages},
                  {u"test"_s, true}})};
}

} // namespace ChannelDesk
