// CoreRuntime's order polls: every channel whose intake polls is asked for the orders changed
// since its durable high-water mark when the clock says its interval has passed, and what comes
// back takes the order path webhooks take.
#include "coreruntime.h"
#include "coreruntime_p.h"
#include "intake/orderintake.h"
#include "intake/polleddelivery.h"
#include "store/propagationstore.h"

#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcRuntime)

namespace {
// How soon a poll the channel throttled after it made progress goes on, when the channel did
// not say (Retry-After).
constexpr qint64 kThrottledPollDelayMs = 1'000;
} // namespace

void CoreRuntime::pollDueChannels()
{
    const qint64 now = m_clock.nowMs();
    for (auto &c : m_channels) {
        if (c->pollIntervalMs > 0 && !c->polling && now >= c->nextPollAtMs)
            pollOrders(*c);
    }
}

void CoreRuntime::pollOrders(Channel &channel)
{
    if (channel.polling || !m_running)
        return;
    channel.polling = true;
    channel.nextPollAtMs = m_clock.nowMs() + channel.pollIntervalMs;
    const QString id = channel.config.id;
    const auto read = m_propagation->highWaterMark(id);
    if (!read) {
        channel.polling = false;
        qCWarning(lcRuntime).noquote() << id << "cannot read the order-poll mark:" << read.error();
        return;
    }
    channel.adapter->reader()->fetchOrders(
        *read, [this, &channel](const FetchOrdersResult &r) { applyPolled(channel, r); });
}

void CoreRuntime::applyPolled(Channel &channel, const FetchOrdersResult &r)
{
    const QString id = channel.config.id;
    if (r.failure != FailureKind::None)
        qCWarning(lcRuntime).noquote() << id << "order fetch failed:" << r.message;
    // A failed poll may still hand over the orders it finished, and a mark to resume from.
    // Polled orders take the path webhooks take: kept in the inbox first (one delivery per
    // order), then applied by the drain; an order seen both ways is a duplicate there.
    QList<PolledOrder> orders;
    QHash<QString, qsizetype> index;
    auto orderFor = [&](const QString &orderId) -> PolledOrder & {
        auto found = index.constFind(orderId);
        if (found == index.cend()) {
            found = index.insert(orderId, orders.size());
            orders.append(PolledOrder {orderId, {}, r.onlyForKnownOrders.contains(orderId), {}});
        }
        return orders[*found];
    };
    for (const OrderEvent &event : r.orders)
        orderFor(event.orderId).events.append(event);
    for (auto it = r.refundsToRead.cbegin(); it != r.refundsToRead.cend(); ++it)
        orderFor(it.key()).refundsToRead = it.value();
    QList<Delivery> deliveries;
    const qint64 now = m_clock.nowMs();
    for (const PolledOrder &order : std::as_const(orders))
        deliveries.append(polledDelivery(id, order, now));
    // The channel's poll ends when they are kept (by the intake's writer), so that the next
    // one starts from the mark they moved.
    m_intake->appendPolled(deliveries, [this, &channel, r](const Status &kept) {
        channel.polling = false;
        polledKept(channel, r, kept);
    });
}

void CoreRuntime::polledKept(Channel &channel, const FetchOrdersResult &r, const Status &kept)
{
    const QString id = channel.config.id;
    if (!kept) {
        // Keep the mark where it was, so these orders are fetched again.
        qCWarning(lcRuntime).noquote() << id << "polled orders not kept:" << kept.error();
        return;
    }
    if (!r.nextHighWaterMark.isEmpty()) {
        // Not kept: the next poll reads these orders again, and they are duplicates then.
        if (const Status marked =
                m_propagation->setHighWaterMark(id, r.nextHighWaterMark, m_clock.nowMs());
            !marked)
            qCWarning(lcRuntime).noquote() << id << "order-poll mark not kept:" << marked.error();
    }
    // A poll cut short after it made progress goes on at once, unless the channel throttled
    // it: asked again straight away it would only refuse again, and take the tokens its pushes
    // need, so it goes on when the channel said (Retry-After), or after a short pause. One that
    // made no progress waits for its interval.
    if (r.failure == FailureKind::Throttled && !r.orders.isEmpty())
        channel.nextPollAtMs = std::min(
            channel.nextPollAtMs,
            m_clock.nowMs() + std::max<qint64>(0, r.retryAfterMs.value_or(kThrottledPollDelayMs)));
    else if (r.failure != FailureKind::None && !r.orders.isEmpty())
        QMetaObject::invokeMethod(
            this, [this, &channel] { pollOrders(channel); }, Qt::QueuedConnection);
}

} // namespace ChannelDesk
