// CoreRuntime's side of the inbox: the order path drains what the intake kept, in arrival order,
// in group commits, and writes each delivery's outcome back (issue 11).
#include "channels/webhook.h"
#include "coreruntime.h"
#include "coreruntime_p.h"
#include "intake/orderintake.h"
#include "intake/polleddelivery.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSet>

#include <algorithm>

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcRuntime)

namespace {
using namespace Qt::StringLiterals;

constexpr int kDrainBatch = 512;
// While draining, the inventory's write lock is waited for this long at a time, not the
// connection's usual 10 s: this thread has pushes and the console to serve meanwhile.
constexpr int kDrainLockWaitMs = 20;
constexpr int kDrainRetryMs = 200;
// Another worker drains the shared inbox: looked at again this soon.
constexpr int kDrainBusyRetryMs = 20;
// Pruned at most this often.
constexpr qint64 kInboxPruneEveryMs = 60'000;

// A delivery's outcome from its events' results: the worst that happened to any of them.
DeliveryStatus statusOf(const QList<ApplyResult> &results, QString *error)
{
    const auto any = [&](ApplyOutcome o) {
        return std::any_of(results.cbegin(), results.cend(),
                           [o](const ApplyResult &r) { return r.outcome == o; });
    };
    // Refused, owed or waiting, in that order: the event's message says why (the reason it was
    // refused, the units owed, the lines that wait and for what).
    constexpr std::pair<ApplyOutcome, DeliveryStatus> kWorst[] = {
        {ApplyOutcome::Invalid, DeliveryStatus::Invalid},
        {ApplyOutcome::Oversold, DeliveryStatus::Oversold},
        {ApplyOutcome::Unmatched, DeliveryStatus::Unmatched}};
    for (const auto &[outcome, status] : kWorst) {
        for (const ApplyResult &r : results) {
            if (r.outcome == outcome) {
                *error = r.message;
                return status;
            }
        }
    }
    for (ApplyOutcome o : {ApplyOutcome::Applied, ApplyOutcome::Cancelled, ApplyOutcome::Refunded,
                           ApplyOutcome::Edited, ApplyOutcome::Shipped}) {
        if (any(o))
            return DeliveryStatus::Applied;
    }
    if (any(ApplyOutcome::Duplicate))
        return DeliveryStatus::Duplicate;
    return DeliveryStatus::Ignored;
}
} // namespace

void CoreRuntime::scheduleDrain(int delayMs)
{
    if (!m_drainTimer.isActive() || m_drainTimer.remainingTime() > delayMs)
        m_drainTimer.start(delayMs);
}

void CoreRuntime::drainInbox()
{
    if (!m_intake || !m_engine || m_options.monitor)
        return;
    m_drainTimer.stop();
    // One drain at a time: until the intake's writer has written a drain's outcomes, its
    // deliveries read as pending still. The next drain comes once they are written, and takes
    // everything that arrived meanwhile in one batch.
    if (!m_outcomesInFlight.isEmpty()) {
        m_drainAfterOutcomes = true;
        return;
    }
    // A PostgreSQL inbox is shared by every worker and drained by one at a time, so deliveries
    // are applied in arrival order and none twice: the drain lock is held until the drain's
    // outcomes are written (until then its deliveries read as pending to the others too). While
    // another worker holds it this one looks again shortly (a worker killed mid-drain drops the
    // lock with its connection). A SQLite inbox has one drainer, its process (the lock is always
    // taken there).
    const auto locked = m_intake->database().tryLock(Database::SessionLock::InboxDrain);
    if (!locked || !*locked) {
        if (!locked)
            qCWarning(lcRuntime).noquote() << "cannot take the drain lock:" << locked.error();
        scheduleDrain(locked ? kDrainBusyRetryMs : kDrainRetryMs);
        return;
    }
    m_drainLocked = true;
    int drained = 0;
    const bool applied = drainOnce(kDrainBatch, &drained);
    if (m_outcomesInFlight.isEmpty())
        releaseDrainLock(); // nothing handed to the writer
    if (!applied)
        scheduleDrain(kDrainRetryMs);
    else if (drained == kDrainBatch)
        m_drainAfterOutcomes = true; // more wait
    pruneInbox(m_clock.nowMs());
}

bool CoreRuntime::drainOnce(int limit, int *drained)
{
    *drained = 0;
    const auto pending = m_intake->inbox().pending(limit);
    if (!pending) {
        qCWarning(lcRuntime).noquote() << "cannot read the inbox:" << pending.error();
        return false;
    }
    if (pending->isEmpty())
        return true;

    // Take the inventory's write lock for a moment first: while another connection holds it,
    // the deliveries stay in the inbox (answered already) and the drain comes back later.
    const int usualWaitMs = m_db->busyTimeoutMs();
    m_db->setBusyTimeoutMs(kDrainLockWaitMs);
    const auto restore = qScopeGuard([&] { m_db->setBusyTimeoutMs(usualWaitMs); });
    if (!m_db->beginWrite())
        return false;
    m_db->rollback();

    struct Work
    {
        const InboxEntry *entry = nullptr;
        QString channel;
        QString orderId;
        qsizetype firstEvent = 0;
        qsizetype events = 0;
        QStringList refundsToRead;
        std::optional<DeliveryStatus> decided; // before applying: invalid or ignored
        bool sale = false; // one of its events is a sale
        QString error;
    };
    QList<Work> work;
    QList<OrderEvent> events;
    QSet<QString> salesInBatch; // channel + order id of the sales before this delivery
    for (const InboxEntry &e : std::as_const(*pending)) {
        Work w;
        w.entry = &e;
        w.channel = e.delivery.channel;
        auto it = std::find_if(m_channels.begin(), m_channels.end(),
                               [&](const auto &c) { return c->config.id == w.channel; });
        QList<OrderEvent> mine;
        bool onlyForKnownOrder = false;
        if (it == m_channels.end()) {
            w.decided = DeliveryStatus::Invalid;
            w.error = u"no channel \"%1\" is configured"_s.arg(w.channel);
        } else if (e.delivery.topic == kPolledTopic) {
            PolledOrder polled;
            if (!readPolledDelivery(e.delivery.body, &polled, &w.error)) {
                w.decided = DeliveryStatus::Invalid;
            } else {
                w.orderId = polled.orderId;
                mine = polled.events;
                onlyForKnownOrder = polled.onlyForKnownOrder;
                w.refundsToRead = polled.refundsToRead;
            }
        } else if (!(*it)->parser) {
            w.decided = DeliveryStatus::Invalid;
            w.error = u"channel %1 takes no webhooks"_s.arg(w.channel);
        } else {
            WebhookRequest request {e.delivery.body, e.delivery.headers};
            request.signatureVerified = true;
            const WebhookResult parsed =
                (*it)->parser->parse(request, (*it)->config.webhookSecrets);
            switch (parsed.kind) {
            case WebhookResult::Kind::Order:
                w.orderId = parsed.orderId;
                mine = parsed.events;
                onlyForKnownOrder = parsed.onlyForKnownOrder;
                w.refundsToRead = parsed.refundsToRead;
                break;
            case WebhookResult::Kind::Ignored:
                w.decided = DeliveryStatus::Ignored;
                w.error = parsed.message;
                break;
            case WebhookResult::Kind::BadSignature:
            case WebhookResult::Kind::BadRequest:
                w.decided = DeliveryStatus::Invalid;
                w.error = parsed.message;
                break;
            }
        }
        if (!w.decided && onlyForKnownOrder &&
            !salesInBatch.contains(w.channel + u'\n' + w.orderId) &&
            !orderKnown(w.channel, w.orderId)) {
            w.decided = DeliveryStatus::Ignored;
            w.error = u"order %1 took no stock here"_s.arg(w.orderId);
        }
        if (!w.decided) {
            mine = prepareEvents(w.channel, mine, w.orderId);
            for (const OrderEvent &event : std::as_const(mine)) {
                if (event.kind == OrderEventKind::Sale) {
                    salesInBatch.insert(w.channel + u'\n' + event.orderId);
                    w.sale = true;
                }
            }
            w.firstEvent = events.size();
            w.events = mine.size();
            events.append(mine);
            if (mine.isEmpty() && w.refundsToRead.isEmpty()) {
                w.decided = DeliveryStatus::Ignored;
                w.error = u"nothing to apply"_s;
            }
        }
        work.append(w);
    }

    // One group commit for every event of the batch, each with its own result.
    QList<ApplyResult> results;
    if (!events.isEmpty())
        applyOrders(QString(), events, &results);

    QList<InboxStore::Outcome> outcomes;
    QStringList outcomeChannels;
    bool retry = false;
    for (const Work &w : std::as_const(work)) {
        InboxStore::Outcome o {w.entry->id, DeliveryStatus::Applied, w.error};
        if (w.decided) {
            o.status = *w.decided;
        } else {
            const QList<ApplyResult> mine = results.mid(w.firstEvent, w.events);
            if (!std::all_of(mine.cbegin(), mine.cend(),
                             [](const ApplyResult &r) { return r.isFinal(); })) {
                retry = true; // stays pending; the next drain applies it (or finds it applied)
                continue;
            }
            o.status = mine.isEmpty() ? DeliveryStatus::Applied : statusOf(mine, &o.error);
            // A sale delivered again (a retry, a poll, a replay) whose order still has lines
            // waiting is unmatched, not duplicate: it stays one to replay after the fix.
            if (o.status == DeliveryStatus::Duplicate && w.sale) {
                if (QString waiting = stillWaiting(w.channel, w.orderId); !waiting.isEmpty()) {
                    o.status = DeliveryStatus::Unmatched;
                    o.error = std::move(waiting);
                }
            }
            // Refunds the delivery names without their lines are read from the channel's API
            // and applied when the read answers.
            if (!w.refundsToRead.isEmpty() && o.status != DeliveryStatus::Invalid) {
                const QStringList unseen = unseenRefunds(w.channel, w.orderId, w.refundsToRead);
                if (!unseen.isEmpty())
                    readRefunds(w.channel, w.orderId, unseen, 0);
            }
        }
        outcomes.append(o);
        outcomeChannels.append(w.channel);
    }
    // The outcomes are written by the intake's writer, the inbox's one writer, between its
    // group commits; this thread goes on. Applied but the outcome not written (a crash before
    // it is, or a write that fails): the next drain applies the delivery again and the order
    // path's idempotency keys answer duplicate; nothing is applied twice.
    QList<qint64> ids;
    for (const InboxStore::Outcome &o : std::as_const(outcomes)) {
        m_outcomesInFlight.insert(o.id);
        ids.append(o.id);
    }
    m_intake->recordOutcomes(
        outcomes, m_clock.nowMs(), [this, ids, outcomes, outcomeChannels](const Status &recorded) {
            for (qint64 id : ids)
                m_outcomesInFlight.remove(id);
            if (m_outcomesInFlight.isEmpty())
                releaseDrainLock();
            if (!recorded) {
                qCWarning(lcRuntime).noquote()
                    << "cannot record delivery outcomes:" << recorded.error();
                scheduleDrain(kDrainRetryMs);
                return;
            }
            if (std::exchange(m_drainAfterOutcomes, false))
                scheduleDrain();
            for (qsizetype i = 0; i < outcomes.size(); ++i)
                ++m_deliveryCounts[{outcomeChannels.at(i),
                                    deliveryStatusName(outcomes.at(i).status)}];
            Q_EMIT deliveriesDrained(int(outcomes.size()));
        });
    *drained = int(outcomes.size());
    return !retry;
}

void CoreRuntime::releaseDrainLock()
{
    if (!std::exchange(m_drainLocked, false))
        return;
    if (const Status released = m_intake->database().unlock(Database::SessionLock::InboxDrain);
        !released)
        qCWarning(lcRuntime).noquote() << released.error();
}

Status CoreRuntime::replayDelivery(qint64 id)
{
    if (!m_intake)
        return Error {u"the core is not running"_s};
    if (Status replayed = m_intake->inbox().replay(id); !replayed)
        return replayed;
    scheduleDrain();
    return {};
}

void CoreRuntime::pruneInbox(qint64 now)
{
    static constexpr qint64 kDayMs = 24 * 3600 * 1000;
    if (now - m_lastInboxPruneMs < kInboxPruneEveryMs)
        return;
    m_lastInboxPruneMs = now;
    m_intake->prune(now - qint64(m_options.config.inboxRetentionDays) * kDayMs);
}

} // namespace ChannelDesk
