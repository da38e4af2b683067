#pragma once

#include "domain/applyresult.h"
#include "domain/ledger.h"
#include "domain/mutation.h"
#include "domain/orderevent.h"

#include <QList>
#include <QString>

namespace ChannelDesk {

// One change of a SKU's stock that a lifecycle event asks for, planned against the order's
// ledger. The engine applies it to the stock row, logs it, and runs the listing guard.
struct StockMove
{
    int line = -1; // index into LedgerOrder::lines
    QString sku;
    qint64 available = 0; // change of available (+ comes back, - is taken)
    qint64 committed = 0; // change of committed
    MutationKind kind = MutationKind::Cancel;
    QString reason;
};

struct LifecyclePlan
{
    ApplyOutcome outcome = ApplyOutcome::Ignored;
    QString message;
    QList<StockMove> moves;
    // Lines the edit added that are not in the order yet: the engine resolves their SKU and
    // takes their stock as a sale would (indexes into LedgerOrder::lines).
    QList<int> newLines;
    bool changed = false; // the ledger changed (even when no stock moved)
};

// The rules of an order's life (issue 9), as pure functions of the ledger: cancel, refund, edit
// and ship change `order` in place and say which stock moves they need. Each is bounded by the
// ledger: an order never gives back more than it took, a refund never restocks more than was
// applied and not yet restocked or shipped (a shipped unit comes back only as a return), nothing
// is restocked twice, a shipment takes only what is held. Lines are matched by the channel's
// line id, else by SKU, else by the channel's product id.
namespace Lifecycle {
// All that the order still holds comes back (the lines named with restock false are written off
// instead); waiting lines stop waiting. A second cancel is Ignored.
LifecyclePlan cancel(LedgerOrder &order, const OrderEvent &event);
LifecyclePlan refund(LedgerOrder &order, const OrderEvent &event);
// New quantity per line (or a change, with editDelta); a SKU the order does not have yet is a
// new line for the engine to take.
LifecyclePlan edit(LedgerOrder &order, const OrderEvent &event, qint64 nowMs);
// A shipment without lines ships everything the order holds.
LifecyclePlan ship(LedgerOrder &order, const OrderEvent &event);
// Whether a shipment names units of lines that still wait for their SKU: it then waits too,
// and is applied when they are taken (or given up), so those units are not lost.
bool shipWaitsForLines(const LedgerOrder &order, const OrderEvent &event);

// After any event: a line owes no more than it has still sold (given-back units owe nothing;
// shipping settles nothing: the SKU is as short as before).
void boundOwed(LedgerOrder &order);
} // namespace Lifecycle

} // namespace ChannelDesk
