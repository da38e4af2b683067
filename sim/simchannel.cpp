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
    m_webhooksEnabled = config.value("webhooks"_L1).toBool(true);
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
        if (isNew) {
            // One second apart, in the order seeded (a channel sorts its catalogue by them).
            m_nextListingCreatedMs = std::max(m_nextListingCreatedMs + 1000, nowMs());
            listing.createdMs = m_nextListingCreatedMs;
        }
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

bool SimChannel::setShownQuantity(const QString &remoteId, qint64 quantity)
{
    SimListing *found = findListing(remoteId);
    if (!found)
        return false;
    found->quantity = quantity;
    if (found->offerQuantity >= 0)
        found->offerQuantity = quantity;
    countEvent(u"merchant_edits"_s);
    qCInfo(lcSimChannel) << m_id << "listing" << remoteId << "set to" << quantity
                         << "behind ChannelDesk's back";
    return true;
}

SimChannel::Result SimChannel::adjustListing(const QJsonObject &body)
{
    const QJsonValue rid = body.value("remote_id"_L1);
    const QString remoteId = rid.isDouble() ? QString::number(rid.toInteger()) : rid.toString();
    const SimListing *found = listing(remoteId);
    if (!found)
        return {404, QJsonObject {{u"error"_s, u"no listing \"%1\" on %2"_s.arg(remoteId, m_id)}}};
    const QJsonValue quantity = body.value("quantity"_L1);
    const QJsonValue delta = body.value("delta"_L1);
    auto integral = [](const QJsonValue &v) {
        return v.isDouble() && v.toDouble() == std::floor(v.toDouble());
    };
    qint64 next = 0;
    if (integral(quantity) && delta.isUndefined())
        next = quantity.toInteger();
    else if (integral(delta) && quantity.isUndefined())
        next = found->quantity + delta.toInteger();
    else
        return {400, QJsonObject {{u"error"_s, u"give an integer \"quantity\" or \"delta\""_s}}};
    if (next < 0)
        return {400, QJsonObject {{u"error"_s, u"a listing cannot show less than 0"_s}}};
    setShownQuantity(remoteId, next);
    return {200, QJsonObject {{u"remote_id"_s, remoteId}, {u"quantity"_s, next}}};
}

void SimChannel::setWebhooksEnabled(bool enabled)
{
    m_webhooksEnabled = enabled;
    qCInfo(lcSimChannel) << m_id << "webhooks" << (enabled ? "on" : "off");
}

SimChannel::Result SimChannel::setWebhooks(const QJsonObject &body)
{
    const QJsonValue enabled = body.value("enabled"_L1);
    if (!enabled.isBool())
        return {400, QJsonObject {{u"error"_s, u"\"enabled\" must be true or false"_s}}};
    setWebhooksEnabled(enabled.toBool());
    return {200, QJsonObject {{u"enabled"_s, m_webhooksEnabled}}};
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

} // namespace ChannelDesk
