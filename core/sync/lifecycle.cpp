#include "lifecycle.h"

#include <algorithm>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

// The ledger lines an event's line names, in the order's sequence.
QList<int> matching(const LedgerOrder &order, const OrderLine &line)
{
    QList<int> out;
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        const LedgerLine &l = order.lines.at(i);
        const bool match = !line.lineId.isEmpty() ? l.lineId == line.lineId
            : !line.sku.isEmpty()                 ? l.sku == line.sku
                                                  : l.remoteId == line.remoteId;
        if (match)
            out.append(int(i));
    }
    return out;
}

QString what(const OrderEvent &event)
{
    return event.eventId.isEmpty() ? eventKindName(event.kind)
                                   : eventKindName(event.kind) + u' ' + event.eventId;
}

// Up to n units the line holds leave committed stock: back to available (restocked) or gone
// (written off: they will not ship and do not come back).
enum class Leave { Restocked, WrittenOff };
qint64 releaseOpen(LedgerOrder &order, int index, qint64 n, Leave how, MutationKind kind,
                   const QString &reason, LifecyclePlan &plan)
{
    LedgerLine &l = order.lines[index];
    const qint64 a = std::min(n, l.open());
    if (a <= 0)
        return 0;
    const bool back = how == Leave::Restocked;
    (back ? l.restocked : l.writtenOff) += a;
    plan.moves.append({index, l.sku, back ? a : 0, -a, kind, reason});
    return a;
}

// Units that never took stock stop waiting.
qint64 dropWaiting(LedgerOrder &order, int index, qint64 n)
{
    LedgerLine &l = order.lines[index];
    const qint64 a = std::min(n, l.waiting);
    if (a <= 0)
        return 0;
    l.waiting -= a;
    l.ordered -= a;
    return a;
}

LifecyclePlan finish(LifecyclePlan plan, ApplyOutcome done, const QString &nothing)
{
    if (!plan.changed) {
        plan.outcome = ApplyOutcome::Ignored;
        plan.message = nothing;
    } else {
        plan.outcome = done;
    }
    return plan;
}
} // namespace

namespace Lifecycle {

LifecyclePlan cancel(LedgerOrder &order, const OrderEvent &event)
{
    LifecyclePlan plan;
    if (order.cancelled) {
        plan.outcome = ApplyOutcome::Ignored;
        plan.message = u"order %1 is already cancelled"_s.arg(order.orderId);
        return plan;
    }
    const QString reason = u"order cancelled"_s;
    // Lines the channel says will not come back are written off first.
    for (const OrderLine &line : event.lines) {
        if (line.restock)
            continue;
        qint64 left = line.quantity;
        for (int i : matching(order, line)) {
            left -= dropWaiting(order, i, left);
            left -= releaseOpen(order, i, left, Leave::WrittenOff, MutationKind::Cancel,
                                reason + u" (not restocked)"_s, plan);
        }
    }
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        releaseOpen(order, int(i), order.lines.at(i).open(), Leave::Restocked, MutationKind::Cancel,
                    reason, plan);
        LedgerLine &l = order.lines[i];
        if (l.waiting > 0) {
            l.waiting = 0;
            l.note = u"cancelled before it was matched"_s;
        }
    }
    order.cancelled = true;
    plan.changed = true;
    plan.outcome = ApplyOutcome::Cancelled;
    boundOwed(order);
    return plan;
}

LifecyclePlan refund(LedgerOrder &order, const OrderEvent &event)
{
    LifecyclePlan plan;
    const QString id = what(event);
    for (const OrderLine &line : event.lines) {
        qint64 left = line.quantity;
        for (int i : matching(order, line)) {
            if (left <= 0)
                break;
            const qint64 dropped = dropWaiting(order, i, left);
            plan.changed = plan.changed || dropped > 0;
            left -= dropped;
            if (line.restock) {
                left -= releaseOpen(order, i, left, Leave::Restocked, MutationKind::Refund,
                                    id + u": restocked"_s, plan);
                // A shipped unit comes back as a return: available grows, committed does not.
                LedgerLine &l = order.lines[i];
                const qint64 back = std::min(left, l.returnable());
                if (back > 0) {
                    l.restocked += back;
                    l.returned += back;
                    plan.moves.append(
                        {i, l.sku, back, 0, MutationKind::Refund, id + u": returned"_s});
                    left -= back;
                }
            } else {
                left -= releaseOpen(order, i, left, Leave::WrittenOff, MutationKind::Refund,
                                    id + u": not restocked"_s, plan);
            }
        }
    }
    plan.changed = plan.changed || !plan.moves.isEmpty();
    boundOwed(order);
    return finish(std::move(plan), ApplyOutcome::Refunded,
                  u"%1: nothing left to refund on order %2"_s.arg(id, order.orderId));
}

LifecyclePlan edit(LedgerOrder &order, const OrderEvent &event, qint64 nowMs)
{
    LifecyclePlan plan;
    const QString id = what(event);
    if (order.cancelled) {
        plan.outcome = ApplyOutcome::Ignored;
        plan.message = u"%1: order %2 is cancelled"_s.arg(id, order.orderId);
        return plan;
    }
    for (const OrderLine &line : event.lines) {
        const QList<int> lines = matching(order, line);
        qint64 current = 0;
        for (int i : lines)
            current += order.lines.at(i).current();
        const qint64 diff = event.editDelta ? line.quantity : line.quantity - current;
        if (diff == 0)
            continue;
        if (lines.isEmpty()) {
            if (diff < 0)
                continue; // removing what the order never had: nothing to do
            LedgerLine added;
            added.lineNo = order.lines.isEmpty() ? 1 : order.lines.constLast().lineNo + 1;
            added.lineId = line.lineId;
            added.sku = line.sku;
            added.remoteId = line.remoteId;
            added.ordered = diff;
            added.waiting = diff; // until the engine takes it
            added.note = id + u": added"_s;
            added.atMs = nowMs;
            order.lines.append(added);
            plan.newLines.append(int(order.lines.size() - 1));
            plan.changed = true;
            continue;
        }
        if (diff > 0) {
            // More of a line the order has: the last one takes it, as the sale would have.
            const int i = lines.constLast();
            LedgerLine &l = order.lines[i];
            l.ordered += diff;
            if (l.waiting > 0 || l.sku.isEmpty()) {
                l.waiting += diff;
            } else {
                l.applied += diff;
                plan.moves.append(
                    {i, l.sku, -diff, diff, MutationKind::Edit, id + u": %1 more"_s.arg(diff)});
            }
            plan.changed = true;
            continue;
        }
        qint64 left = -diff;
        for (auto it = lines.crbegin(); it != lines.crend() && left > 0; ++it) {
            const qint64 dropped = dropWaiting(order, *it, left);
            left -= dropped;
            // Units the order no longer has were never sold: applied shrinks, not a refund.
            LedgerLine &l = order.lines[*it];
            const qint64 back = std::max<qint64>(0, std::min(left, l.open()));
            if (back > 0) {
                l.applied -= back;
                l.ordered -= back;
                plan.moves.append(
                    {*it, l.sku, back, -back, MutationKind::Edit, id + u": %1 fewer"_s.arg(back)});
            }
            left -= back;
            plan.changed = plan.changed || dropped > 0 || back > 0;
        }
    }
    boundOwed(order);
    return finish(std::move(plan), ApplyOutcome::Edited,
                  u"%1: nothing changes on order %2"_s.arg(id, order.orderId));
}

LifecyclePlan ship(LedgerOrder &order, const OrderEvent &event)
{
    LifecyclePlan plan;
    const QString id = what(event);
    auto shipLine = [&](int i, qint64 n) {
        LedgerLine &l = order.lines[i];
        const qint64 a = std::min(n, l.open());
        if (a <= 0)
            return qint64(0);
        l.shipped += a;
        plan.moves.append({i, l.sku, 0, -a, MutationKind::Ship, id + u": shipped"_s});
        return a;
    };
    if (event.lines.isEmpty()) {
        for (qsizetype i = 0; i < order.lines.size(); ++i)
            shipLine(int(i), order.lines.at(i).open());
    }
    for (const OrderLine &line : event.lines) {
        qint64 left = line.quantity;
        for (int i : matching(order, line))
            left -= shipLine(i, left);
    }
    plan.changed = !plan.moves.isEmpty();
    boundOwed(order);
    return finish(std::move(plan), ApplyOutcome::Shipped,
                  u"%1: nothing left to ship on order %2"_s.arg(id, order.orderId));
}

bool shipWaitsForLines(const LedgerOrder &order, const OrderEvent &event)
{
    if (event.kind != OrderEventKind::Ship || order.cancelled)
        return false;
    if (event.lines.isEmpty()) {
        return std::any_of(order.lines.cbegin(), order.lines.cend(),
                           [](const LedgerLine &l) { return l.waiting > 0; });
    }
    for (const OrderLine &line : event.lines) {
        for (int i : matching(order, line)) {
            if (order.lines.at(i).waiting > 0)
                return true;
        }
    }
    return false;
}

void boundOwed(LedgerOrder &order)
{
    for (LedgerLine &l : order.lines)
        l.owed = std::clamp(l.owed, qint64(0), std::max<qint64>(0, l.sold()));
}

} // namespace Lifecycle

} // namespace ChannelDesk
