// SimChannel's order side: placing and cancelling orders through /_sim, and delivering them
// to ChannelDesk by webhook (with retries), unless the channel's webhooks are switched off.
#include "sim/simchannel.h"
#include "util/clock.h"
#include "util/timeformat.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSimChannel)

namespace ChannelDesk {

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
    if (!m_webhooksEnabled) {
        countEvent(u"webhooks_suppressed"_s);
        return;
    }
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
