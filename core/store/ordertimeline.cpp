#include "store/ordertimeline.h"

#include "store/database.h"
#include "store/mutationlog.h"
#include "store/orderledger.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

bool loadOrderTimeline(Database &db, const QString &channel, const QString &orderId,
                       OrderTimeline *out, QString *error)
{
    *out = OrderTimeline();
    OrderLedger ledger(db);
    if (!ledger.readOrder(channel, orderId, &out->order, &out->found)) {
        *error = u"cannot read the order: %1"_s.arg(ledger.lastError());
        return false;
    }
    if (!out->found)
        return true;
    const LedgerOrder &order = out->order;
    QList<OrderLedger::EventRecord> events;
    QString readError;
    MutationLog::Filter filter;
    filter.orderId = orderId;
    filter.channel = channel;
    const auto audit = MutationLog(db).read(filter);
    const QList<Mutation> log = audit.valueOr({});
    if (!audit)
        readError = audit.error();
    if (!audit || !ledger.events(channel, orderId, &events, &readError) ||
        !PushLog(db).forMutations(log, &out->pushes, &readError)) {
        *error = u"cannot read the order's history: %1"_s.arg(readError);
        return false;
    }

    // Received, then every stock change the order made and every later event.
    QList<OrderTimeline::Entry> &timeline = out->entries;
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
    for (const Mutation &m : std::as_const(log)) {
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
    for (const OrderLedger::EventRecord &e : std::as_const(events)) {
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
    return true;
}

} // namespace ChannelDesk
