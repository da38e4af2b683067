#pragma once

#include <QtGlobal>

namespace ChannelDesk {

// Lifetime counts of order events by outcome, as /metrics reports them; the order path owns them.
// Each event once, by its outcome when it first arrived: a sale delivered again (a channel's
// retry, a poll, a replay from the inbox) counts as a duplicate, also when it applies lines that
// waited; what an order owes or waits for now is in LedgerGauges.
struct OrderCounters
{
    qint64 applied = 0;
    qint64 oversold = 0;
    qint64 unmatched = 0;
    qint64 duplicate = 0;
    qint64 cancelled = 0;
    qint64 refunded = 0;
    qint64 edited = 0;
    qint64 shipped = 0;
    qint64 ignored = 0;
    qint64 invalid = 0;
};

// What the order ledger holds open now, as /metrics gauges; the runtime refreshes them.
struct LedgerGauges
{
    qint64 oversoldOrders = 0; // orders with units owed, not yet settled
    qint64 unitsOwed = 0;
    qint64 unmatchedLines = 0; // sale lines waiting for a mapping or a SKU
};

} // namespace ChannelDesk
