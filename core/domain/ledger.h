#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// One line of an order's ledger (DESIGN §2): what the order asked for and where its units are.
// Every lifecycle event is bounded by it: nothing is given back that was not taken, nothing
// restocked twice, nothing shipped that is not held.
struct LedgerLine
{
    int lineNo = 0; // 1-based, in the order's original sequence
    QString lineId; // the channel's id of the line, when it has one
    QString sku; // empty while a line names only the channel's product id
    QString remoteId;
    qint64 ordered = 0; // what the customer has on the order now (after edits)
    qint64 applied = 0; // units taken from available (moved to committed)
    qint64 restocked = 0; // units given back to available
    qint64 returned = 0; // the part of restocked that had shipped (a return: on hand grows)
    qint64 shipped = 0; // units that left committed stock for the customer
    qint64 writtenOff = 0; // units that left committed stock without shipping or coming back
    qint64 owed = 0; // units of applied that took the SKU below zero, until resolved
    qint64 waiting = 0; // units not applied yet: no mapping for remoteId, or no such SKU
    QString note; // why a line waits, or how it was resolved
    qint64 atMs = 0; // What the customer has on the order now: ordered, less what was refunded
                     // (restocked, not
    // as a return, or written off). An edit's new quantity is compared with this.
    qint64 current() const { return ordered - (restocked - returned) - writtenOff; }
    // Units still sold to the customer (not given back or written off): what may be owed.
    qint64 sold() const { return applied - restocked - writtenOff; }
    // Units this line still holds in committed stock (sold, not shipped, not given back).
    qint64 open() const { return applied - shipped - (restocked - returned) - writtenOff; }
    // Shipped units that may still come back as a return.
    qint64 returnable() const { return shipped - returned; }
    // Whether the line is within its bounds (the conservation test checks every order).
    bool withinBounds() const
    {
        return applied >= 0 && restocked >= 0 && returned >= 0 && shipped >= 0 && writtenOff >= 0 &&
            owed >= 0 && waiting >= 0 && open() >= 0 && returned <= shipped &&
            restocked <= applied && owed <= applied;
    }

    friend bool operator==(const LedgerLine &, const LedgerLine &) = default;
};

// What an order's status says, in the order CLI and the console (issue 9).
enum class OrderStatus {
    Applied,
    Oversold, // some line took its SKU below zero and is not resolved
    Unmatched, // some line waits for a mapping or a SKU
    Cancelled,
    PartiallyRefunded,
    Refunded,
    Shipped,
    Refused, // refused whole before sales were facts (orders from before schema 6)
    Legacy, // applied before the order ledger (schema 6): no lines, nothing to move
};
QString orderStatusName(OrderStatus status);
bool orderStatusFromName(const QString &text, OrderStatus *status);

struct LedgerOrder
{
    QString channel;
    QString orderId;
    bool cancelled = false;
    bool refused = false; // refused before schema 6: no ledger lines, nothing to give back
    bool legacy = false; // applied before schema 6: no ledger lines, its life moves nothing
    qint64 receivedAtMs = 0;
    qint64 updatedAtMs = 0;
    QString note;
    QList<LedgerLine> lines;

    // Derived from the lines: cancelled, unmatched, oversold, refunded, partially refunded,
    // shipped, or applied, in that order of precedence.
    OrderStatus status() const;
    qint64 owed() const;
    qint64 waiting() const;
};

// One row of the oversold list: an order that took a SKU below zero, and how many units of it
// are owed to its customer.
struct OversoldEntry
{
    QString channel;
    QString orderId;
    QString sku;
    qint64 owed = 0;
    qint64 atMs = 0;

    friend bool operator==(const OversoldEntry &, const OversoldEntry &) = default;
};

// One waiting line: a sale's line that has not taken stock yet.
struct UnmatchedEntry
{
    QString channel;
    QString orderId;
    int line = 0;
    QString sku; // the unknown SKU it names, or empty when it names only remoteId
    QString remoteId;
    qint64 quantity = 0;
    qint64 atMs = 0;
    QString note;

    friend bool operator==(const UnmatchedEntry &, const UnmatchedEntry &) = default;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::LedgerOrder)
Q_DECLARE_METATYPE(ChannelDesk::OversoldEntry)
Q_DECLARE_METATYPE(ChannelDesk::UnmatchedEntry)
