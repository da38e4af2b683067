// SyncEngine's waiting lines (issue 9, DESIGN §2): a sale's line whose SKU is unknown here (no
// listing maps its product id, or its SKU is not in stock) waits, and takes its stock exactly
// once when it resolves: when a mapping for it is added (applyWaiting), when the merchant settles
// it (resolveUnmatched), or when the sale is delivered again after the fix (a channel's retry, a
// poll, a replay from the inbox: planRedeliveredSale).
#include "domain/sku.h"
#include "syncengine.h"
#include "synclog.h"

#include <algorithm>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

const QString kActor = u"order-path"_s;
} // namespace

bool SyncEngine::takeLine(LedgerOrder &order, int index, const QString &eventId, Batch &b,
                          bool *taken, bool recordWaiting)
{
    LedgerLine &line = order.lines[index];
    *taken = false;
    const qint64 quantity = line.waiting;
    if (quantity <= 0)
        return true;
    QString sku = line.sku;
    if (sku.isEmpty() && !skuForRemoteId(order.channel, line.remoteId, &sku))
        return false;
    bool exists = false;
    if (!sku.isEmpty() && !load(sku, b, &exists))
        return false;
    if (!exists && !recordWaiting)
        return true;
    if (!exists) {
        // The units left the shelf, but we cannot tell which: the line waits.
        line.note = sku.isEmpty()
            ? u"no listing of %1 maps product id %2"_s.arg(order.channel, line.remoteId)
            : u"no SKU %1 in stock"_s.arg(sku);
        Mutation m;
        // Under its SKU when it names one; a product id is no SKU (the reason names it).
        m.sku = sku;
        m.kind = MutationKind::Unmatched;
        m.channel = order.channel;
        m.orderId = order.orderId;
        m.eventId = eventId;
        m.actor = kActor;
        m.reason = u"line %1 (%2 units) waits: %3"_s.arg(line.lineNo).arg(quantity).arg(line.note);
        m.atMs = b.now;
        b.pending.append(std::move(m));
        return true;
    }
    line.sku = sku;
    line.waiting = 0;
    line.applied += quantity;
    StockMove move {index, sku, -quantity, quantity, MutationKind::Order, {}};
    *taken = true;
    return applyMove(order, line, move, eventId, b);
}

bool SyncEngine::planRedeliveredSale(const OrderEvent &event, Batch &b, ApplyResult &result)
{
    result =
        ApplyResult {ApplyOutcome::Duplicate,
                     u"order %1 from %2 was already received"_s.arg(event.orderId, event.channel),
                     {},
                     true};
    LedgerOrder order;
    bool found = false;
    if (!m_ledger->readOrder(event.channel, event.orderId, &order, &found))
        return fail(m_ledger->lastError());
    // Nothing is taken twice: a line's waiting units go to zero in the transaction that takes
    // them. A line that still cannot resolve waits as it was, with nothing logged again.
    int taken = 0;
    for (qsizetype i = 0; found && i < order.lines.size(); ++i) {
        if (order.lines.at(i).waiting <= 0)
            continue;
        bool took = false;
        if (!takeLine(order, int(i), {}, b, &took, false))
            return false;
        if (!took)
            continue;
        order.lines[i].note = u"applied when the order was delivered again"_s;
        if (!m_ledger->updateLine(order.channel, order.orderId, order.lines.at(i)))
            return fail(m_ledger->lastError());
        ++taken;
    }
    if (taken == 0)
        return true;
    order.updatedAtMs = b.now;
    if (!m_ledger->updateOrder(order))
        return fail(m_ledger->lastError());
    // A shipment that waited for these lines goes now.
    int replayed = 0;
    if (!replayWaiting(order.channel, order.orderId, b, &replayed))
        return false;
    if (replayed > 0 && !m_ledger->readOrder(order.channel, order.orderId, &order, &found))
        return fail(m_ledger->lastError());
    result = {};
    result.redelivered = true;
    describeOrder(order, result);
    result.message = u"%1 waiting line(s) of order %2 applied"_s.arg(taken).arg(event.orderId) +
        (result.message.isEmpty() ? QString() : u"; "_s + result.message);
    return true;
}

SyncEngine::ChangeResult
SyncEngine::applyWaiting(const QString &channel, const QStringList &remoteIds, const QString &actor)
{
    return runChange([&](Batch &b) -> ChangeResult {
        int applied = 0;
        for (const QString &remoteId : remoteIds) {
            QList<OrderLedger::LineRef> refs;
            if (!m_ledger->waitingLines(channel, remoteId, &refs))
                return {ChangeError::StorageError, m_ledger->lastError(), {}};
            for (const OrderLedger::LineRef &ref : std::as_const(refs)) {
                LedgerOrder order;
                bool found = false;
                if (!m_ledger->readOrder(ref.channel, ref.orderId, &order, &found))
                    return {ChangeError::StorageError, m_ledger->lastError(), {}};
                for (qsizetype i = 0; i < order.lines.size(); ++i) {
                    if (order.lines.at(i).lineNo != ref.lineNo)
                        continue;
                    bool taken = false;
                    if (!takeLine(order, int(i), {}, b, &taken))
                        return {ChangeError::StorageError, m_lastError, {}};
                    if (!taken)
                        continue;
                    LedgerLine &line = order.lines[i];
                    line.note = u"applied when %1 mapped product id %2 to %3 (%4)"_s.arg(
                        channel, remoteId, line.sku, actor);
                    if (!m_ledger->updateLine(order.channel, order.orderId, line))
                        return {ChangeError::StorageError, m_ledger->lastError(), {}};
                    ++applied;
                }
                order.updatedAtMs = b.now;
                if (!m_ledger->updateOrder(order))
                    return {ChangeError::StorageError, m_ledger->lastError(), {}};
                // A shipment that waited for these lines goes now.
                int replayed = 0;
                if (!replayWaiting(ref.channel, ref.orderId, b, &replayed))
                    return {ChangeError::StorageError, m_lastError, {}};
            }
        }
        return {ChangeError::None, u"%1 waiting line(s) applied"_s.arg(applied), {}};
    });
}

SyncEngine::ChangeResult SyncEngine::resolveUnmatched(const QString &channel,
                                                      const QString &orderId, int lineNo,
                                                      const QString &sku, const QString &actor,
                                                      const QString &reason)
{
    if (!sku.isEmpty()) {
        if (const QString e = Sku::validationError(sku); !e.isEmpty())
            return {ChangeError::InvalidInput, e, {}};
    } else if (reason.trimmed().isEmpty()) {
        return {ChangeError::InvalidInput, u"a reason is required to ignore a line"_s, {}};
    }
    return runChange([&](Batch &b) -> ChangeResult {
        LedgerOrder order;
        if (ChangeResult read = readOrderToChange(channel, orderId, &order); !read.ok())
            return read;
        const auto it = std::find_if(order.lines.begin(), order.lines.end(),
                                     [&](const LedgerLine &l) { return l.lineNo == lineNo; });
        if (it == order.lines.end() || it->waiting <= 0)
            return {ChangeError::NotFound,
                    u"order %1 from %2 has no waiting line %3"_s.arg(orderId, channel).arg(lineNo),
                    {}};
        const int index = int(it - order.lines.begin());
        LedgerLine &line = order.lines[index];
        Mutation m;
        m.kind = MutationKind::Resolve;
        m.channel = channel;
        m.orderId = orderId;
        m.actor = actor;
        m.atMs = b.now;
        if (sku.isEmpty()) {
            m.sku = line.sku;
            m.reason =
                u"line %1 (%2 units) ignored: %3"_s.arg(lineNo).arg(line.waiting).arg(reason);
            line.note = u"ignored by %1: %2"_s.arg(actor, reason);
            line.waiting = 0;
            b.pending.append(std::move(m));
        } else {
            bool exists = false;
            if (!load(sku, b, &exists))
                return {ChangeError::StorageError, m_lastError, {}};
            if (!exists)
                return {ChangeError::UnknownSku, u"unknown SKU %1"_s.arg(sku), {}};
            const Mutation base = mutation(sku, b.working.value(sku), MutationKind::Resolve, b.now);
            m.sku = sku;
            m.availableAfter = base.availableAfter;
            m.committedAfter = base.committedAfter;
            m.version = base.version;
            m.pausedAfter = base.pausedAfter;
            m.reason = u"line %1 (%2 units) applied to %3%4"_s.arg(lineNo)
                           .arg(line.waiting)
                           .arg(sku, reason.isEmpty() ? QString() : u": "_s + reason);
            b.pending.append(std::move(m));
            line.sku = sku;
            bool taken = false;
            if (!takeLine(order, index, {}, b, &taken))
                return {ChangeError::StorageError, m_lastError, {}};
            order.lines[index].note = u"resolved by %1"_s.arg(actor);
        }
        order.updatedAtMs = b.now;
        if (!m_ledger->updateLine(channel, orderId, order.lines.at(index)) ||
            !m_ledger->updateOrder(order))
            return {ChangeError::StorageError, m_ledger->lastError(), {}};
        // A shipment that waited for this line goes now (without it, if the line was ignored).
        int replayed = 0;
        if (!replayWaiting(channel, orderId, b, &replayed))
            return {ChangeError::StorageError, m_lastError, {}};
        return {};
    });
}

} // namespace ChannelDesk
