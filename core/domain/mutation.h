#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// What a row of the mutation log records. The log is both the audit trail and the change feed
// that propagation reads (DESIGN §2.3).
enum class MutationKind {
    Order, // a sale took stock: available down, committed up (available may go below zero)
    Adjust, // a manual correction by a person
    Import, // an absolute set from an import
    Pause, // the listing guard paused the SKU (delta 0)
    Resume, // the listing guard resumed the SKU (delta 0)
    OversellAttempt, // before sales were facts: an order refused for stock (history only)
    UnknownSku, // before lines could wait: an order naming an unknown SKU (history only)
    DeadLetterRetry, // a person sent a dead-lettered listing again (delta 0)
    DeadLetterDiscard, // a person gave up on a dead-lettered update (delta 0)
    Cancel, // a cancel gave units back to available (or wrote off what will not come back)
    Refund, // a refund restocked units, or wrote off unshipped ones it does not restock
    Edit, // an order edit took more units or gave some back
    Ship, // a shipment took units out of committed (available unchanged)
    Unmatched, // a sale line waits for a mapping or a SKU (delta 0)
    Resolve, // an oversold order or a waiting line was resolved (by a person or a restock)
    Buffer, // a channel's buffer rule for the SKU changed (delta 0; a new version when what a
            // channel should show changed, so its listing is sent again)
    Reconcile, // a listing found drifting is sent its quantity again (delta 0)
};

QString kindName(MutationKind kind);
// Returns false when the text names no kind.
bool kindFromName(const QString &text, MutationKind *kind);
// Whether a mutation of this kind may change what channels show (available or paused), and so
// the stock row's version. A shipment moves only committed units and keeps the version.
bool changesStock(MutationKind kind);

// Of `taken` units sold from `availableBefore`, how many took the SKU below zero: the units
// owed to the customer (a sale is a fact, DESIGN §2).
constexpr qint64 unitsOwed(qint64 availableBefore, qint64 taken)
{
    return taken <= 0 ? 0
                      : taken -
            (availableBefore < 0           ? 0
                 : availableBefore > taken ? taken
                                           : availableBefore);
}

struct Mutation
{
    qint64 id = 0; // assigned by the store on append
    QString sku;
    qint64 delta = 0; // change of available
    qint64 availableAfter = 0;
    qint64 committedDelta = 0; // change of committed (sold, not yet shipped)
    qint64 committedAfter = 0;
    qint64 version = 0; // the stock row's version after this mutation
    MutationKind kind = MutationKind::Order;
    QString channel;
    QString orderId;
    QString eventId {}; // the refund, edit or shipment id of a lifecycle event
    QString actor;
    QString reason;
    qint64 atMs = 0;
    bool pausedAfter = false;

    // The units this row took below zero: a sale's or an edit's take, else 0.
    qint64 owed() const
    {
        return delta < 0 && committedDelta > 0 ? unitsOwed(availableAfter - delta, -delta) : 0;
    }

    friend bool operator==(const Mutation &, const Mutation &) = default;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::Mutation)
