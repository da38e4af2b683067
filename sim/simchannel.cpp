#include "sim/simchannel.h"

#include "util/clock.h"
#include "util/timeformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSimChannel, "channeldesk.sim")

namespace ChannelDesk {

SimResponse SimResponse::json(int status, const QJsonValue &value)
{
    SimResponse response;
    response.status = status;
    response.body = value.isArray()
        ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
        : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    return response;
}

SimResponse SimResponse::hold()
{
    SimResponse response;
    response.delivery = Delivery::Hold;
    return response;
}

SimResponse SimResponse::reset()
{
    SimResponse response;
    response.delivery = Delivery::Reset;
    return response;
}

void SimResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray SimResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

SimChannel::SimChannel(const Clock &clock, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(network)
    , m_random(QRandomGenerator::global()->generate())
{
}

SimChannel::~SimChannel() = default;

bool SimChannel::configure(const QJsonObject &config, QString *error)
{
    static const QRegularExpression idPattern(u"^[A-Za-z0-9][A-Za-z0-9_-]*$"_s);
    m_config = config;
    m_id = config.value("id"_L1).toString();
    if (!idPattern.match(m_id).hasMatch()) {
        *error = u"channels[].id must be letters, digits, '-' or '_' (got \"%1\")"_s.arg(m_id);
        return false;
    }
    const QString where = u"channels[%1]."_s.arg(m_id);
    if (config.contains("webhook_url"_L1)) {
        m_webhookUrl = QUrl(config.value("webhook_url"_L1).toString());
        if (!m_webhookUrl.isValid() || m_webhookUrl.scheme().isEmpty()) {
            *error = where + u"webhook_url is not a valid URL"_s;
            return false;
        }
    }
    m_webhookSecret = config.value("webhook_secret"_L1).toString().toUtf8();
    m_webhookAttempts = config.value("webhook_attempts"_L1).toInt(m_webhookAttempts);
    m_webhookRetryMs = config.value("webhook_retry_ms"_L1).toInt(m_webhookRetryMs);
    if (m_webhookAttempts < 1 || m_webhookRetryMs < 0) {
        *error = where + u"webhook_attempts must be >= 1 and webhook_retry_ms >= 0"_s;
        return false;
    }
    if (config.contains("seed"_L1))
        m_random.seed(quint32(config.value("seed"_L1).toInteger()));

    QJsonObject faults = config.value("faults"_L1).toObject();
    if (config.contains("latency_ms"_L1))
        faults.insert(u"latency_ms"_s, config.value("latency_ms"_L1));
    QString faultError;
    if (!m_faults.merge(faults, &faultError)) {
        *error = where + faultError;
        return false;
    }
    if (!configureType(config, error))
        return false;
    QString rateError;
    if (!configureRateLimit(config.value("rate_limit"_L1).toObject(), &rateError)) {
        *error = where + u"rate_limit: "_s + rateError;
        return false;
    }
    QString listingError;
    if (!seedListings(config.value("listings"_L1).toObject(), &listingError)) {
        *error = where + u"listings: "_s + listingError;
        return false;
    }
    return true;
}

SimResponse SimChannel::serve(const SimRequest &request)
{
    ++m_calls;
    const SimFault fault = m_faults.pick(m_random.generateDouble());
    switch (fault) {
    case SimFault::None:
        break;
    case SimFault::Timeout:
        countEvent(u"fault_timeout"_s);
        return SimResponse::hold();
    case SimFault::Reset:
        countEvent(u"fault_reset"_s);
        return SimResponse::reset();
    case SimFault::LostResponse: {
        countEvent(u"fault_lost_response"_s);
        handleApi(request); // the work is done, the answer never arrives
        return SimResponse::hold();
    }
    case SimFault::TooManyRequests:
    case SimFault::InternalError:
    case SimFault::Unavailable:
    case SimFault::Unauthorized:
    case SimFault::NotFound: {
        countEvent(u"fault_"_s + simFaultName(fault));
        SimResponse response = faultResponse(fault);
        if ((fault == SimFault::TooManyRequests || fault == SimFault::Unavailable) &&
            m_faults.retryAfterForm != SimFaultConfig::RetryAfterForm::None &&
            response.header("Retry-After").isEmpty())
            response.setHeader("Retry-After", retryAfterValue());
        return response;
    }
    }
    return handleApi(request);
}

QByteArray SimChannel::retryAfterValue() const
{
    const double seconds = m_faults.retryAfterSeconds;
    switch (m_faults.retryAfterForm) {
    case SimFaultConfig::RetryAfterForm::Seconds:
        return QByteArray::number(qint64(std::ceil(seconds)));
    case SimFaultConfig::RetryAfterForm::Decimal:
        return QByteArray::number(seconds, 'f', 1);
    case SimFaultConfig::RetryAfterForm::HttpDate: {
        // IMF-fixdate (RFC 9110 §5.6.7), whole seconds rounded up so it never means "sooner".
        const qint64 whenMs = (nowMs() + qint64(std::ceil(seconds * 1000.0)) + 999) / 1000 * 1000;
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(whenMs, Qt::UTC);
        return QLocale::c().toString(when, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
    }
    case SimFaultConfig::RetryAfterForm::None:
        break;
    }
    return {};
}

QJsonObject SimChannel::listingsJson() const
{
    QJsonObject listings;
    for (const SimListing &listing : m_listings) {
        QJsonObject entry {{u"quantity"_s, listing.effectiveQuantity()},
                           {u"status"_s, isActive(listing) ? u"active"_s : u"paused"_s}};
        if (!listing.sku.isEmpty())
            entry.insert(u"sku"_s, listing.sku);
        listings.insert(listing.remoteId, entry);
    }
    return listings;
}

bool SimChannel::isActive(const SimListing &listing) const
{
    return listing.active && listing.effectiveQuantity() > 0;
}

void SimChannel::seedListingExtras(SimListing &, const QJsonObject &) { }

bool SimChannel::seedListings(const QJsonObject &listings, QString *error)
{
    // Validate everything first so a bad entry changes nothing.
    for (auto it = listings.begin(); it != listings.end(); ++it) {
        const QJsonValue value = it.value();
        const QJsonValue quantity =
            value.isObject() ? value.toObject().value("quantity"_L1) : value;
        if (it.key().isEmpty()) {
            *error = u"a listing needs a non-empty remote id"_s;
            return false;
        }
        if (!(value.isObject() && quantity.isUndefined()) &&
            (!quantity.isDouble() || quantity.toDouble() != std::floor(quantity.toDouble()))) {
            *error = u"\"%1\": quantity must be an integer"_s.arg(it.key());
            return false;
        }
    }
    for (auto it = listings.begin(); it != listings.end(); ++it) {
        const bool isNew = !m_listings.contains(it.key());
        SimListing &listing = m_listings[it.key()];
        listing.remoteId = it.key();
        const QJsonValue value = it.value();
        const QJsonObject seed = value.isObject() ? value.toObject() : QJsonObject();
        if (value.isDouble())
            listing.quantity = value.toInteger();
        else if (seed.contains("quantity"_L1))
            listing.quantity = seed.value("quantity"_L1).toInteger();
        if (seed.contains("status"_L1)) {
            static const QStringList inactive {u"paused"_s, u"inactive"_s, u"draft"_s, u"private"_s,
                                               u"pending"_s};
            listing.active = !inactive.contains(seed.value("status"_L1).toString());
        }
        listing.sku = seed.value("sku"_L1).toString(listing.sku);
        listing.title =
            seed.value("title"_L1)
                .toString(listing.title.isEmpty() ? u"Simulated item %1"_s.arg(listing.remoteId)
                                                  : listing.title);
        listing.price = seed.value("price"_L1).toString(listing.price);
        if (isNew || !seed.isEmpty())
            seedListingExtras(listing, seed);
    }
    return true;
}

SimChannel::Result SimChannel::setFaults(const QJsonObject &body)
{
    QString error;
    SimFaultConfig next = m_faults;
    if (!next.merge(body, &error))
        return {400, QJsonObject {{u"error"_s, error}}};
    if (body.contains("rate_limit"_L1)) {
        if (!body.value("rate_limit"_L1).isObject()) {
            return {400, QJsonObject {{u"error"_s, u"faults.rate_limit must be an object"_s}}};
        }
        if (!configureRateLimit(body.value("rate_limit"_L1).toObject(), &error))
            return {400, QJsonObject {{u"error"_s, QString(u"faults.rate_limit: "_s + error)}}};
    }
    m_faults = next;
    qCInfo(lcSimChannel) << "faults of" << m_id << "now" << faultsJson();
    return {200, faultsJson()};
}

QJsonObject SimChannel::faultsJson() const
{
    QJsonObject json = m_faults.toJson();
    json.insert(u"rate_limit"_s, rateLimitJson());
    return json;
}

QJsonObject SimChannel::statsJson() const
{
    QJsonObject writes;
    qint64 writeCount = 0;
    for (const SimListing &listing : m_listings) {
        if (listing.writes.isEmpty())
            continue;
        QJsonArray entries;
        for (const SimWrite &write : listing.writes) {
            QJsonObject entry {{u"at"_s, isoUtc(write.atMs)},
                               {u"at_ms"_s, write.atMs},
                               {u"quantity"_s, write.quantity},
                               {u"previous"_s, write.previous},
                               {u"applied"_s, write.applied}};
            if (!write.key.isEmpty())
                entry.insert(u"key"_s, write.key);
            if (!write.error.isEmpty())
                entry.insert(u"error"_s, write.error);
            entries.append(entry);
        }
        writeCount += listing.writes.size();
        writes.insert(listing.remoteId, entries);
    }
    QJsonObject events;
    for (auto it = m_events.begin(); it != m_events.end(); ++it)
        events.insert(it.key(), it.value());
    return QJsonObject {{u"channel"_s, m_id},
                        {u"type"_s, type()},
                        {u"calls"_s, m_calls},
                        {u"events"_s, events},
                        {u"write_count"_s, writeCount},
                        {u"writes"_s, writes},
                        {u"orders"_s, qint64(m_orders.size())}};
}

void SimChannel::resetStats()
{
    m_calls = 0;
    m_events.clear();
    for (SimListing &listing : m_listings)
        listing.writes.clear();
}

const SimListing *SimChannel::listing(const QString &remoteId) const
{
    const auto it = m_listings.constFind(remoteId);
    return it == m_listings.cend() ? nullptr : &*it;
}

SimListing *SimChannel::findListing(const QString &remoteId)
{
    const auto it = m_listings.find(remoteId);
    return it == m_listings.end() ? nullptr : &*it;
}

SimListing *SimChannel::findBySku(const QString &sku)
{
    if (sku.isEmpty())
        return nullptr;
    for (SimListing &listing : m_listings) {
        if (listing.sku == sku)
            return &listing;
    }
    return findListing(sku);
}

void SimChannel::recordWrite(SimListing &listing, qint64 quantity, const QString &key, bool applied,
                             const QString &error)
{
    // A long demo run keeps the most recent writes per listing only.
    constexpr qsizetype kMaxWritesPerListing = 10'000;
    if (listing.writes.size() >= kMaxWritesPerListing) {
        listing.writes.removeFirst();
        countEvent(u"writes_dropped"_s);
    }
    listing.writes.append(SimWrite {nowMs(), quantity, listing.quantity, key, applied, error});
}

void SimChannel::countEvent(const QString &name)
{
    ++m_events[name];
}

QString SimChannel::isoNow() const
{
    return isoUtc(nowMs());
}

qint64 SimChannel::nowMs() const
{
    return m_clock.nowMs();
}

qint64 SimChannel::monotonicMs() const
{
    return m_clock.monotonicNs() / 1'000'000;
}

QString SimChannel::randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(m_random.bounded(256));
    return QString::fromLatin1(raw.toHex());
}

QString SimChannel::channelOrderId(const QString &requested, qint64) const
{
    return requested;
}

namespace {
// Real US destinations, so orders from the simulator can be quoted by carriers and fall into
// different zones ("US-941").
const struct
{
    const char *name;
    const char *street;
    const char *city;
    const char *state;
    const char *postalCode;
} kDestinations[] = {
    {"Ava Thompson", "415 Mission St", "San Francisco", "CA", "94105"},
    {"Liam Carter", "225 W 34th St", "New York", "NY", "10001"},
    {"Mia Rossi", "2430 N Cannon Dr", "Chicago", "IL", "60614"},
    {"Noah Patel", "500 W 2nd St", "Austin", "TX", "78701"},
    {"Emma Larsen", "1301 2nd Ave", "Seattle", "WA", "98101"},
    {"Lucas Moreno", "701 Brickell Ave", "Miami", "FL", "33131"},
    {"Olivia Chen", "24 Beacon St", "Boston", "MA", "02108"},
    {"Ethan Brooks", "1701 Wynkoop St", "Denver", "CO", "80202"},
    {"Sofia Nguyen", "55 Trinity Ave SW", "Atlanta", "GA", "30303"},
    {"Mason Reed", "200 W Washington St", "Phoenix", "AZ", "85004"},
    {"Chloe Martin", "1219 SW Park Ave", "Portland", "OR", "97205"},
    {"Jack Wilson", "250 Marquette Ave", "Minneapolis", "MN", "55401"},
};

SimAddress destination(const QJsonObject &shipTo, qint64 number, const QString &channel)
{
    if (!shipTo.isEmpty()) {
        return SimAddress {shipTo.value("name"_L1).toString(),
                           shipTo.value("street"_L1).toString(),
                           shipTo.value("city"_L1).toString(),
                           shipTo.value("state"_L1).toString(),
                           shipTo.value("postal_code"_L1).toString(),
                           shipTo.value("country"_L1).toString(u"US"_s)};
    }
    const auto &d =
        kDestinations[(quint64(number) * 7 + quint64(channel.size())) % std::size(kDestinations)];
    return SimAddress {QString::fromLatin1(d.name),       QString::fromLatin1(d.street),
                       QString::fromLatin1(d.city),       QString::fromLatin1(d.state),
                       QString::fromLatin1(d.postalCode), u"US"_s};
}
} // namespace

SimChannel::Result SimChannel::placeOrder(const QJsonObject &body)
{
    const QString requested = body.value("order_id"_L1).toString();
    const QJsonArray lines = body.value("lines"_L1).toArray();
    const int deliveries = body.value("deliveries"_L1).toInt(1);
    const bool allowOversell = body.value("allow_oversell"_L1).toBool(false);
    auto fail = [](int status, const QString &message) {
        return Result {status, QJsonObject {{u"error"_s, message}}};
    };
    if (requested.isEmpty())
        return fail(400, u"order_id is required (a non-empty string)"_s);
    if (lines.isEmpty())
        return fail(400, u"lines must be a non-empty array"_s);
    if (deliveries < 1 || deliveries > 10)
        return fail(400, u"deliveries must be 1..10"_s);
    if (m_requestedOrderIds.contains(requested))
        return fail(
            409, u"order %1 was already placed (use \"deliveries\" to redeliver)"_s.arg(requested));

    struct Resolved
    {
        SimListing *listing;
        qint64 quantity;
    };
    QList<Resolved> resolved;
    QMap<QString, qint64> wanted; // remote id -> total quantity
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject line = lines.at(i).toObject();
        SimListing *listing = nullptr;
        QString name;
        if (line.contains("remote_id"_L1)) {
            const QJsonValue rid = line.value("remote_id"_L1);
            name = rid.isDouble() ? QString::number(rid.toInteger()) : rid.toString();
            listing = findListing(name);
        } else {
            name = line.value("sku"_L1).toString();
            listing = findBySku(name);
        }
        if (!listing)
            return fail(404, u"lines[%1]: no listing \"%2\" on %3"_s.arg(i).arg(name, m_id));
        const QJsonValue quantity = line.value("quantity"_L1);
        if (!quantity.isDouble() || quantity.toInteger() < 1 ||
            double(quantity.toInteger()) != quantity.toDouble())
            return fail(400, u"lines[%1].quantity must be an integer >= 1"_s.arg(i));
        if (listing->sku.isEmpty() && line.contains("sku"_L1) && line.contains("remote_id"_L1))
            listing->sku = line.value("sku"_L1).toString();
        resolved.append({listing, quantity.toInteger()});
        wanted[listing->remoteId] += quantity.toInteger();
    }
    if (!allowOversell) {
        for (auto it = wanted.begin(); it != wanted.end(); ++it) {
            const SimListing *listing = findListing(it.key());
            if (!isActive(*listing) || listing->effectiveQuantity() < it.value())
                return fail(409,
                            u"listing %1 has %2 available (%3), %4 ordered"_s.arg(it.key())
                                .arg(listing->effectiveQuantity())
                                .arg(isActive(*listing) ? u"active"_s : u"paused"_s)
                                .arg(it.value()));
        }
    }

    SimOrder order;
    order.number = m_nextOrderNumber++;
    order.orderId = channelOrderId(requested, order.number);
    order.createdMs = order.lastModifiedMs = nowMs();
    order.shipTo = destination(body.value("ship_to"_L1).toObject(), order.number, m_id);
    QJsonArray placed;
    for (const Resolved &r : std::as_const(resolved)) {
        SimListing &listing = *r.listing;
        listing.quantity -= r.quantity;
        if (listing.offerQuantity >= 0)
            listing.offerQuantity -= r.quantity;
        order.lines.append(SimOrderLine {listing.remoteId, listing.sku, listing.title,
                                         listing.price, r.quantity, listing.productId,
                                         listing.variantId, listing.legacyItemId, listing.asin});
        placed.append(QJsonObject {{u"remote_id"_s, listing.remoteId},
                                   {u"sku"_s, listing.sku},
                                   {u"quantity"_s, r.quantity},
                                   {u"quantity_after"_s, listing.effectiveQuantity()}});
    }
    m_orders.append(order);
    m_requestedOrderIds.insert(requested);
    countEvent(u"orders_placed"_s);
    deliverOrder(order, deliveries);
    return {201,
            QJsonObject {
                {u"order_id"_s, order.orderId}, {u"number"_s, order.number}, {u"lines"_s, placed}}};
}

void SimChannel::deliverCancel(const SimOrder &, int)
{
    countEvent(u"cancels_queued"_s);
}

SimChannel::Result SimChannel::cancelOrder(const QJsonObject &body)
{
    const QJsonValue idValue = body.value("order_id"_L1);
    const QString orderId =
        idValue.isDouble() ? QString::number(idValue.toInteger()) : idValue.toString();
    const int deliveries = body.value("deliveries"_L1).toInt(1);
    if (deliveries < 1 || deliveries > 10)
        return {400, QJsonObject {{u"error"_s, u"deliveries must be 1..10"_s}}};
    auto it = std::find_if(m_orders.begin(), m_orders.end(),
                           [&](const SimOrder &o) { return o.orderId == orderId; });
    if (it == m_orders.end())
        return {404, QJsonObject {{u"error"_s, u"no order \"%1\" on %2"_s.arg(orderId, m_id)}}};
    if (it->cancelled)
        return {409, QJsonObject {{u"error"_s, u"order %1 is already cancelled"_s.arg(orderId)}}};
    it->cancelled = true;
    it->lastModifiedMs = std::max(nowMs(), it->lastModifiedMs + 1);
    for (const SimOrderLine &line : std::as_const(it->lines)) {
        if (SimListing *listing = findListing(line.remoteId)) {
            listing->quantity += line.quantity;
            if (listing->offerQuantity >= 0)
                listing->offerQuantity += line.quantity;
        }
    }
    countEvent(u"orders_cancelled"_s);
    deliverCancel(*it, deliveries);
    return {200, QJsonObject {{u"order_id"_s, orderId}, {u"cancelled"_s, true}}};
}

void SimChannel::sendWebhook(const QString &orderId, const QByteArray &body,
                             const HeaderList &headers, std::function<HeaderList()> freshHeaders)
{
    if (!m_webhookUrl.isValid()) {
        qCWarning(lcSimChannel) << m_id << "has no webhook_url; order" << orderId
                                << "is not delivered";
        countEvent(u"webhook_no_url"_s);
        return;
    }
    attemptWebhook(orderId, body, headers, freshHeaders, 1);
}

void SimChannel::attemptWebhook(const QString &orderId, const QByteArray &body,
                                const HeaderList &headers,
                                const std::function<HeaderList()> &freshHeaders, int attempt)
{
    QNetworkRequest request(m_webhookUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("User-Agent", "ChannelDesk-Simulator/" + m_id.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (freshHeaders) {
        for (const auto &[name, value] : freshHeaders())
            request.setRawHeader(name, value);
    }
    request.setTransferTimeout(5000); // channels give a receiver about 5 s
    countEvent(u"webhook_attempts"_s);
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, orderId, body, headers, freshHeaders, attempt] {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const bool ok = status >= 200 && status < 300;
                if (ok) {
                    countEvent(u"webhook_delivered"_s);
                    Q_EMIT webhookDelivered(orderId, attempt, status, true);
                    return;
                }
                qCInfo(lcSimChannel) << m_id << "webhook for order" << orderId << "attempt"
                                     << attempt << "failed:" << status << reply->errorString();
                if (attempt >= m_webhookAttempts) {
                    countEvent(u"webhook_failed"_s);
                    Q_EMIT webhookDelivered(orderId, attempt, status, false);
                    return;
                }
                Q_EMIT webhookDelivered(orderId, attempt, status, false);
                const int delay = m_webhookRetryMs * (1 << qMin(attempt - 1, 10));
                QTimer::singleShot(delay, this, [=, this] {
                    attemptWebhook(orderId, body, headers, freshHeaders, attempt + 1);
                });
            });
}

} // namespace ChannelDesk
