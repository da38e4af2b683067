#pragma once

#include "store/driftstore.h"
#include "store/propagationstore.h"
#include "sync/expectedshown.h"
#include "sync/listingreads.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ChannelDesk {

class Clock;
class Database;

// What one reconciliation of a channel found.
struct ReconcileReport
{
    QString channel;
    QString error; // empty when the read and the compare went through
    int listings = 0; // mapped listings asked for
    int compared = 0; // compared with what they should show
    int onTheirWay = 0; // pending, retrying, dead or acknowledged during the read: not compared
    int unread = 0; // the channel gave no count for them
    QList<DriftRow> drift; // as stored: since the first run that saw them

    bool ok() const { return error.isEmpty(); }
};

// How one listing compares (pure; the race rules of reconciliation live here).
enum class ListingVerdict {
    InSync, // shows what it should
    Drift, // shows another quantity, and nothing of ours is on its way to it
    OnItsWay, // a push is pending, in flight or retrying, or landed while we read: not drift
    Unread, // the channel gave no count
};
// `before` and `after` are the listing's propagation state read just before the channel was
// asked and just after it answered; `stock` is read after the answer. A listing is compared only
// when it was in sync both times with the same acknowledgement, and the channel acknowledged the
// stock row's current version: so a sale committed between the read and the compare (a newer
// version), a push acknowledged while we read (another acknowledgement), and anything queued or
// in flight (not in sync) are on their way, never drift.
ListingVerdict compareListing(const ListingState &before, const ListingState &after,
                              const StockLevel &stock, std::optional<qint64> shown,
                              const ExpectedShown &expected);

// Reads back every mapped listing of `channel` in bulk, compares each with what it should show
// under the channel's buffer rule (`channelRule`, the config's) and its listings' overrides
// (expectedShown), and records the drift (DriftStore, so `since` survives restarts). Answers on
// the reads' thread, once. `db` must outlive the answer.
void reconcileChannel(Database &db, const QString &channel, const ListingReads &reads,
                      const Clock &clock, std::function<void(const ReconcileReport &)> done,
                      const BufferOverride &channelRule = {});

} // namespace ChannelDesk
