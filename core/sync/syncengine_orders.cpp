// The order ledger's side of SyncEngine: sales, lifecycle events, owed units and waiting lines
// (issue 9). Transactions, stock rows and the log are in syncengine.cpp.
#include "domain/sku.h"
#include "syncengine.h"
#include "synclog.h"

#include <algorithm>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

const QString kActor = u"order-path"_s;
} // namespace

bool SyncEngine::applyMove(const LedgerOrder &order, LedgerLine &line, const StockMove &move,
                           const QString &eventId, Batch &b)
{
    bool exists = false;
    if (!load(move.sku, b, &exists))
        return false;
    if (!exists) {
        // The ledger names a SKU that is gone from stock: nothing to move it on.
        qCWarning(lcSync).noquote() << "order" << order.orderId << "names SKU" << move.sku
                                    << "which is no longer in stock; move skipped";
        return true;
    }
    Working &w = b.working[move.sku];
    const qint64 before = w.current.available;
    w.current.available += move.available;
    w.current.committed += move.committed;
    if (move.available != 0)
        w.current.version += 1;
    w.touched = true;
    QString reason = move.reason;
    if (move.available < 0) {
        // A sale is a fact: the part that takes the SKU below zero is owed to the customer.
        const qint64 taken = -move.available;
        const qint64 owed = unitsOwed(before, taken);
        if (owed > 0) {
            line.owed += owed;
            reason = (reason.isEmpty() ? QString() : reason + u"; "_s) +
                u"took %1 to %2: %3 owed"_s.arg(move.sku).arg(w.current.available).arg(owed);
        }
    }
    if (w.current.available < 0)
        w.wentNegative = true;
    Mutation m = mutation(move.sku, w, move.kind, b.now);
    m.delta = move.available;
    m.committedDelta = move.committed;
    m.channel = order.channel;
    m.orderId = order.orderId;
    m.eventId = eventId;
    m.actor = kActor;
    m.reason = reason;
    b.pending.append(std::move(m));
    if (move.available != 0)
        planGuard(move.sku, w, order.channel, order.orderId, kActor, b.now, b.pending);
    return true;
}

void SyncEngine::describeOrder(const LedgerOrder &order, ApplyResult &result)
{
    // The lines that say why, each as `describe` puts it (empty: not this line).
    const auto lines = [&order](auto describe) {
        QStringList why;
        for (const LedgerLine &l : order.lines) {
            if (QString w = describe(l); !w.isEmpty())
                why.append(std::move(w));
        }
        return why;
    };
    switch (order.status()) {
    case OrderStatus::Cancelled:
        result.outcome = ApplyOutcome::Cancelled;
        break;
    case OrderStatus::Unmatched:
        result.outcome = ApplyOutcome::Unmatched;
        result.message = u"waiting: "_s +
            lines([](const LedgerLine &l) {
                return l.waiting > 0 ? u"line %1: %2"_s.arg(l.lineNo).arg(l.note) : QString();
            }).join(u"; "_s);
        break;
    case OrderStatus::Oversold:
        result.outcome = ApplyOutcome::Oversold;
        result.message = u"oversold (%1)"_s.arg(lines([](const LedgerLine &l) {
                                                    return l.owed > 0
                                                        ? u"%1: %2 owed"_s.arg(l.sku).arg(l.owed)
                                                        : QString();
                                                }).join(u", "_s));
        break;
    default:
        result.outcome = ApplyOutcome::Applied;
        break;
    }
}

bool SyncEngine::planSale(const OrderEvent &event, Batch &b, ApplyResult &result)
{
    LedgerOrder order;
    order.channel = event.channel;
    order.orderId = event.orderId;
    order.cancelled = event.cancelled;
    order.receivedAtMs = event.receivedAtMs > 0 ? event.receivedAtMs : b.now;
    order.updatedAtMs = b.now;
    // The order's row is the sale's idempotency act, not a check.
    bool inserted = false;
    if (!m_ledger->insertOrder(order, &inserted))
        return fail(m_ledger->lastError());
    if (!inserted)
        return planRedeliveredSale(event, b, result);
    const OrderStatus first = order.status();
    order.lines.reserve(event.lines.size());
    for (qsizetype i = 0; i < event.lines.size(); ++i) {
        const OrderLine &l = event.lines.at(i);
        LedgerLine line;
        line.lineNo = int(i + 1);
        line.lineId = l.lineId;
        line.sku = l.sku;
        line.remoteId = l.remoteId;
        line.ordered = l.quantity;
        line.atMs = b.now;
        if (event.cancelled)
            line.note = u"cancelled when it arrived"_s;
        else
            line.waiting = l.quantity;
        order.lines.append(line);
        bool taken = false;
        if (!event.cancelled && !takeLine(order, int(i), {}, b, &taken))
            return false;
        if (!m_ledger->insertLine(order.channel, order.orderId, order.lines.at(i)))
            return fail(m_ledger->lastError());
    }

    // Events that arrived before their order wait for it: now they apply, in arrival order.
    int earlyApplied = 0;
    // Which orders have kept events is read once per transaction (the write lock keeps the set
    // exact until it ends); kept events of this batch are added as they are kept.
    if (!b.waitingOrders) {
        b.waitingOrders.emplace();
        if (!m_ledger->ordersWithWaitingEvents(&*b.waitingOrders))
            return fail(m_ledger->lastError());
    }
    if (b.waitingOrders->contains(OrderLedger::orderKey(order.channel, order.orderId)) &&
        !replayWaiting(order.channel, order.orderId, b, &earlyApplied))
        return false;
    if (earlyApplied > 0) {
        bool found = false;
        if (!m_ledger->readOrder(order.channel, order.orderId, &order, &found))
            return fail(m_ledger->lastError());
    }

    const OrderStatus status = order.status();
    if ((status != first || earlyApplied > 0) && !m_ledger->updateOrder(order))
        return fail(m_ledger->lastError());
    describeOrder(order, result);
    if (earlyApplied > 0)
        result.message += (result.message.isEmpty() ? QString() : u"; "_s) +
            u"%1 earlier event(s) of this order applied"_s.arg(earlyApplied);
    return true;
}

bool SyncEngine::replayWaiting(const QString &channel, const QString &orderId, Batch &b,
                               int *replayed)
{
    *replayed = 0;
    QList<OrderLedger::EventRecord> kept;
    if (!m_ledger->waitingEvents(channel, orderId, &kept))
        return fail(m_ledger->lastError());
    for (OrderLedger::EventRecord &record : kept) {
        OrderEvent event;
        if (!OrderLedger::eventFromJson(record.payload, &event)) {
            // Written by this program, so this does not happen; if it does, say so once.
            qCWarning(lcSync).noquote() << "a kept event of order" << orderId << "from" << channel
                                        << "cannot be read back; it stays waiting";
            continue;
        }
        ApplyResult outcome;
        if (!planEvent(event, b, outcome, &record))
            return false;
        if (outcome.outcome != ApplyOutcome::Ignored)
            ++*replayed;
    }
    return true;
}

bool SyncEngine::planEvent(const OrderEvent &event, Batch &b, ApplyResult &result,
                           OrderLedger::EventRecord *kept)
{
    OrderLedger::EventRecord record;
    if (kept) {
        record = *kept;
    } else {
        record.channel = event.channel;
        record.orderId = event.orderId;
        record.kind = event.kind;
        record.eventId = event.eventId;
        record.state = u"applied"_s;
        record.seq = b.now * 1000 + (m_eventSeq++ % 1000);
        record.atMs = b.now;
        bool inserted = false;
        if (!m_ledger->insertEvent(record, &inserted))
            return fail(m_ledger->lastError());
        if (!inserted) {
            result =
                ApplyResult {ApplyOutcome::Duplicate,
                             u"%1 of order %2 from %3 was already received"_s.arg(
                                 eventKindName(event.kind) +
                                     (event.eventId.isEmpty() ? QString() : u' ' + event.eventId),
                                 event.orderId, event.channel),
                             {},
                             false};
            return true;
        }
    }

    LedgerOrder order;
    bool found = false;
    if (!m_ledger->readOrder(event.channel, event.orderId, &order, &found))
        return fail(m_ledger->lastError());
    if (!found || order.refused || order.legacy) {
        result.outcome = ApplyOutcome::Ignored;
        if (!found) {
            // Reordered delivery: kept, and applied when its order arrives.
            result.message = u"order %1 from %2 not seen yet: kept until it arrives"_s.arg(
                event.orderId, event.channel);
            record.state = u"waiting"_s;
            if (b.waitingOrders)
                b.waitingOrders->insert(OrderLedger::orderKey(event.channel, event.orderId));
            record.payload = OrderLedger::eventToJson(event);
        } else {
            result.message = order.refused
                ? u"order %1 took no stock (refused before sales were facts)"_s.arg(event.orderId)
                : u"order %1 was received before the order ledger: it has no lines to move; "
                  "settle its stock by hand (adjust)"_s.arg(event.orderId);
            record.state = u"ignored"_s;
        }
        record.outcome = outcomeName(result.outcome);
        record.detail = result.message;
        return m_ledger->updateEvent(record) || fail(m_ledger->lastError());
    }

    if (Lifecycle::shipWaitsForLines(order, event)) {
        // Shipped units of a line that has not taken its stock yet: applied when it does, or
        // those units would never leave committed stock.
        result.outcome = ApplyOutcome::Ignored;
        result.message =
            u"%1 of order %2 ships lines that wait for their SKU: kept until they "
            "are matched"_s.arg(eventKindName(event.kind) + u' ' + event.eventId, event.orderId);
        record.state = u"waiting"_s;
        if (b.waitingOrders)
            b.waitingOrders->insert(OrderLedger::orderKey(event.channel, event.orderId));
        record.outcome = outcomeName(result.outcome);
        record.detail = result.message;
        record.payload = OrderLedger::eventToJson(event);
        return m_ledger->updateEvent(record) || fail(m_ledger->lastError());
    }

    const QList<LedgerLine> before = order.lines;
    LifecyclePlan plan;
    switch (event.kind) {
    case OrderEventKind::Cancel:
        plan = Lifecycle::cancel(order, event);
        break;
    case OrderEventKind::Refund:
        plan = Lifecycle::refund(order, event);
        break;
    case OrderEventKind::Edit:
        plan = Lifecycle::edit(order, event, b.now);
        break;
    case OrderEventKind::Ship:
        plan = Lifecycle::ship(order, event);
        break;
    case OrderEventKind::Sale:
        return fail(u"a sale is not a lifecycle event"_s);
    }
    for (const StockMove &move : std::as_const(plan.moves)) {
        if (!applyMove(order, order.lines[move.line], move, event.eventId, b))
            return false;
    }
    for (int index : std::as_const(plan.newLines)) {
        bool taken = false;
        if (!takeLine(order, index, event.eventId, b, &taken))
            return false;
    }
    if (plan.changed) {
        for (qsizetype i = 0; i < order.lines.size(); ++i) {
            const LedgerLine &line = order.lines.at(i);
            const bool ok = i < before.size()
                ? line == before.at(i) || m_ledger->updateLine(order.channel, order.orderId, line)
                : m_ledger->insertLine(order.channel, order.orderId, line);
            if (!ok)
                return fail(m_ledger->lastError());
        }
        order.updatedAtMs = b.now;
        if (!m_ledger->updateOrder(order))
            return fail(m_ledger->lastError());
    }
    result.outcome = plan.outcome;
    result.message = plan.message;
    record.state = plan.outcome == ApplyOutcome::Ignored ? u"ignored"_s : u"applied"_s;
    record.outcome = outcomeName(plan.outcome);
    record.detail = plan.message;
    record.payload.clear();
    return m_ledger->updateEvent(record) || fail(m_ledger->lastError());
}

bool SyncEngine::resolveRestocked(Batch &b)
{
    for (auto it = b.working.begin(); it != b.working.end(); ++it) {
        Working &w = *it;
        if (w.current.available < 0 || (w.seen.available >= 0 && !w.wentNegative))
            continue;
        QList<OrderLedger::LineRef> owed;
        if (!m_ledger->owedLines(it.key(), &owed))
            return fail(m_ledger->lastError());
        for (const OrderLedger::LineRef &ref : std::as_const(owed)) {
            LedgerOrder order;
            bool found = false;
            if (!m_ledger->readOrder(ref.channel, ref.orderId, &order, &found))
                return fail(m_ledger->lastError());
            for (LedgerLine &line : order.lines) {
                if (line.lineNo != ref.lineNo || line.owed <= 0)
                    continue;
                Mutation m = mutation(it.key(), w, MutationKind::Resolve, b.now);
                m.channel = order.channel;
                m.orderId = order.orderId;
                m.actor = kActor;
                m.reason = u"%1 back at %2: the %3 unit(s) owed are covered"_s.arg(it.key())
                               .arg(w.current.available)
                               .arg(line.owed);
                b.pending.append(std::move(m));
                line.owed = 0;
                line.note = u"owed units covered by a restock"_s;
                if (!m_ledger->updateLine(order.channel, order.orderId, line))
                    return fail(m_ledger->lastError());
            }
            order.updatedAtMs = b.now;
            if (!m_ledger->updateOrder(order))
                return fail(m_ledger->lastError());
        }
    }
    return true;
}

SyncEngine::ChangeResult SyncEngine::readOrderToChange(const QString &channel,
                                                       const QString &orderId, LedgerOrder *order)
{
    bool found = false;
    if (!m_ledger->readOrder(channel, orderId, order, &found))
        return {ChangeError::StorageError, m_ledger->lastError(), {}};
    if (!found)
        return {ChangeError::NotFound, u"no order %1 from %2"_s.arg(orderId, channel), {}};
    return {};
}

SyncEngine::ChangeResult SyncEngine::resolveOversold(const QString &channel, const QString &orderId,
                                                     const QString &actor, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return {ChangeError::InvalidInput, u"a reason is required"_s, {}};
    return runChange([&](Batch &b) -> ChangeResult {
        LedgerOrder order;
        if (ChangeResult read = readOrderToChange(channel, orderId, &order); !read.ok())
            return read;
        int resolved = 0;
        for (LedgerLine &line : order.lines) {
            if (line.owed <= 0)
                continue;
            bool exists = false;
            if (!load(line.sku, b, &exists))
                return {ChangeError::StorageError, m_lastError, {}};
            Mutation m = exists
                ? mutation(line.sku, b.working.value(line.sku), MutationKind::Resolve, b.now)
                : Mutation {};
            m.kind = MutationKind::Resolve;
            m.sku = line.sku;
            m.channel = channel;
            m.orderId = orderId;
            m.actor = actor;
            m.atMs = b.now;
            m.reason = u"%1 unit(s) owed marked resolved: %2"_s.arg(line.owed).arg(reason);
            b.pending.append(std::move(m));
            line.owed = 0;
            line.note = u"owed units resolved by %1: %2"_s.arg(actor, reason);
            if (!m_ledger->updateLine(channel, orderId, line))
                return {ChangeError::StorageError, m_ledger->lastError(), {}};
            ++resolved;
        }
        if (resolved == 0)
            return {ChangeError::NotFound,
                    u"order %1 from %2 owes nothing"_s.arg(orderId, channel),
                    {}};
        order.updatedAtMs = b.now;
        if (!m_ledger->updateOrder(order))
            return {ChangeError::StorageError, m_ledger->lastError(), {}};
        return {};
    });
}

} // namespace ChannelDesk
