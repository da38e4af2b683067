#pragma once

#include "mutation.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// The outcome of one order event on the order path (DESIGN §2).
enum class ApplyOutcome {
    Applied, // a sale: every line took its stock; mutations logged, committed
    Oversold, // a sale applied that took some SKU below zero: units owed, listed until resolved
    Unmatched, // a sale with at least one line waiting for a mapping or a SKU; the rest applied
    Duplicate, // the event was seen before; nothing changed
    Cancelled, // a cancel gave back what the order held (or a sale arrived already cancelled)
    Refunded, // a refund restocked or wrote off its units
    Edited, // an edit changed the order's quantities and moved the difference
    Shipped, // a shipment took its units out of committed stock
    Ignored, // a lifecycle event with nothing left to do (kept when its order is not seen yet)
    Invalid, // the event is malformed; nothing recorded
    ConcurrentUpdate, // the compare-and-swap kept missing; nothing changed, safe to retry
    StorageError, // the database failed; nothing changed, safe to retry
};

QString outcomeName(ApplyOutcome outcome);
bool outcomeFromName(const QString &text, ApplyOutcome *outcome);

struct ApplyResult
{
    ApplyOutcome outcome = ApplyOutcome::Invalid;
    QString message; // why, for anything but Applied and Duplicate
    QList<Mutation> mutations; // what was logged for this event (empty for Duplicate/Invalid)
    // A sale received before, delivered again (a channel's retry, a poll, a replay from the
    // inbox): its outcome says what its waiting lines did now, but the sale was counted when it
    // first arrived, so the order counters count this delivery as a duplicate.
    bool redelivered = false;

    bool isFinal() const
    {
        return outcome != ApplyOutcome::ConcurrentUpdate && outcome != ApplyOutcome::StorageError;
    }
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::ApplyResult)
