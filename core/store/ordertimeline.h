#pragma once

#include "domain/ledger.h"
#include "domain/mutation.h"
#include "store/pushlog.h"
#include "util/result.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

class Database;

// One order's life as the CLI's `order` command and the console's timeline show it (issue 9):
// its ledger, what happened to it in time order (received, every stock change it made with
// the version, every lifecycle event that arrived) and the channel pushes that carried those
// versions.
struct OrderTimeline
{
    struct Entry
    {
        qint64 atMs = 0;
        QString kind; // "received", a mutation kind ("order", "ship", ...), "<event> received"
        QString eventId;
        QString detail;
        qint64 version = 0; // the stock version a stock change made; 0 for anything else
        QString sku; // the SKU a stock change moved

        friend bool operator==(const Entry &, const Entry &) = default;
    };

    bool found = false; // false: no such order was ever seen
    LedgerOrder order;
    QList<Entry> entries; // oldest first; entries at the same time keep the order above
    QList<PushRecord> pushes;

    OrderStatus status() const { return order.status(); }
};

// Reads an order's timeline. An order never seen is not an error: found is then false.
Result<OrderTimeline> loadOrderTimeline(Database &db, const QString &channel,
                                        const QString &orderId);

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::OrderTimeline)
