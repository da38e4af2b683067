#include "store/ordertimeline.h"

#include "store/database.h"
#include "store/mutationlog.h"
#include "store/orderledger.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Result<OrderTimeline> loadOrderTimeline(Database &db, const QString &channel,
                                        const QString &orderId)
{
    OrderTimeline out;
    OrderLedger ledger(db);
    if (!ledger.readOrder(channel, orderId, &out.order, &out.found))
        return Error {u"cannot read the order: %1"_s.arg(ledger.lastError())};
    if (!out.found)
        return out;
    const LedgerOrder &order = out.order;
    MutationLog::Filter filter;
    filter.orderId = orderId;
    filter.channel = channel;
    const auto audit = MutationLog(db).read(filter);
    if (!audit)
        return Error {u"cannot read the order's history: %1"_s.arg(audit.error())};
    const QList<Mutation> &log = *audit;
    const auto events = ledger.events(channel, orderId);
    if (!events)
        return Error {u"cannot read the order's history: %1"_s.arg(events.error())};
    auto pushes = PushLog(db).forMutations(log);
    if (!pushes)
        return Error {u"cannot read the order's history: %1"_s.arg(pushes.error())};
    out.pushes = std::move(*pushes);

    // Received, then every stock change the order made and every later event.
    QList<OrderTimeline::Entry> &timeline = out.entries;
    timeline.append(
        {order.receivedAtMs,
         u"received"_s,
         {},
         u"%1 line(s)%2"_s.arg(order.lines.size())
             .arg(order.cancelled && !order.lines.isEmpty() && order.lines.constFirst().applied == 0
                      ? u", cancelled"_s
                      : QString()),
         0,
         {}});
    for (const Mutation &m : log) {
        QString detail = u"%1 %2%3 (available %4, version %5)"_s.arg(m.sku)
                             .arg(m.delta > 0 ? u"+"_s : QString())
                             .arg(m.delta)
                             .arg(m.availableAfter)
                             .arg(m.version);
        if (m.delta == 0)
            detail = m.sku;
        if (!m.reason.isEmpty())
            detail += u": "_s + m.reason;
        timeline.append({m.atMs, kindName(m.kind), m.eventId, detail, m.version, m.sku});
    }
    for (const OrderLedger::EventRecord &e : *events) {
        timeline.append({e.atMs,
                         eventKindName(e.kind) + u" received"_s,
                         e.eventId,
                         e.outcome + (e.detail.isEmpty() ? QString() : u": "_s + e.detail),
                         0,
                         {}});
    }
    std::stable_sort(timeline.begin(), timeline.end(),
                     [](const OrderTimeline::Entry &a, const OrderTimeline::Entry &b) {
                         return a.atMs < b.atMs;
                     });
    return out;
}

} // namespace ChannelDesk
