#pragma once

#include "mutation.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// The outcome of one order event on the order path (DESIGN §2).
enum class ApplyOutcome {
    Applied, // stock taken, mutations logged, committed
    Duplicate, // (channel, order id) was seen before; nothing changed
    InsufficientStock, // some line asked for more than available; nothing taken, attempt logged
    UnknownSku, // some line names a SKU we do not hold; nothing taken, recorded
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

    bool isFinal() const
    {
        return outcome != ApplyOutcome::ConcurrentUpdate && outcome != ApplyOutcome::StorageError;
    }
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::ApplyResult)
