#pragma once

#include "util/result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ChannelDesk {

class Database;

// Where a SKU's listing on one channel stands: what the channel acknowledged, what waits to be
// sent, and how its attempts go.
struct ListingState
{
    enum class State { InSync, Pending, Retrying, Dead };

    QString channel;
    QString sku;
    QString remoteId;
    qint64 ackedVersion = 0;
    std::optional<qint64> ackedQuantity;
    bool ackedPaused = false;
    qint64 ackedAtMs = 0;
    qint64 pendingVersion = 0;
    qint64 pendingSinceMs = 0; // when the oldest unacknowledged change was committed
    int attempts = 0;
    qint64 nextAttemptAtMs = 0;
    State state = State::InSync;
    QString lastError;

    friend bool operator==(const ListingState &, const ListingState &) = default;
};

// "in_sync", "pending", "retrying", "dead": the words stored in listings.state.
QString stateName(ListingState::State state);

// A listing that is due to be sent, with the CURRENT stock (never a stored quantity).
struct DueListing
{
    QString sku;
    QString remoteId;
    qint64 available = 0;
    qint64 version = 0;
    bool paused = false;
    // What the channel will be shown: 0 when paused or owed, else available. A per-channel rule
    // (buffers) replaces it; the order of urgency (DuePriority) reads only this.
    qint64 quantityToSend = 0;
    std::optional<qint64> ackedQuantity;
    qint64 ackedVersion = 0;
    bool ackedPaused = false;
    int attempts = 0;
    qint64 pendingSinceMs = 0;
};

// The propagation state of every listing (DESIGN §3): each channel's cursor into the mutation
// log, the per-listing sync state folded from it (acknowledged, pending, retrying), and where
// polling a channel for orders has read up to. Every write is one transaction or one statement;
// callers on one thread share the connection.
class PropagationStore
{
public:
    explicit PropagationStore(Database &db)
        : m_db(db)
    {
    }

    // Reads the mutation log past the channel's cursor (at most `limit` rows) and folds it into
    // the channel's listing states, advancing the cursor in the same transaction. Answers the
    // number of log rows read (0 when caught up). A channel seen for the first time starts at
    // the end of the log. A newer version re-arms a dead listing: it is pending again with no
    // attempts used, and its dead letter keeps the history (noting the re-arm) until the
    // channel acknowledges it.
    Result<int> ingest(const QString &channel, int limit);
    // The channel's cursor (the last log row folded), or nullopt before its first ingest.
    Result<std::optional<qint64>> cursor(const QString &channel) const;

    // Up to `limit` listings due now, skipping `busy` SKUs: pauses first, then those with the
    // least stock shown relative to their change, then the oldest change (DuePriority's rule on
    // the SKU's own quantity; a caller with per-channel quantities asks for more and sorts).
    Result<QList<DueListing>> due(const QString &channel, qint64 nowMs, int limit,
                                  const QSet<QString> &busy = {}) const;
    // The earliest attempt time of a retrying listing, or nullopt when none retries.
    Result<std::optional<qint64>> nextAttemptAt(const QString &channel) const;

    // The channel acknowledged (sku, version, quantity). Never moves a listing backwards; closes
    // the listing's dead letter.
    struct Ack
    {
        QString sku;
        qint64 version = 0;
        qint64 quantity = 0;
        bool paused = false;
    };
    // A whole answer at once, in one transaction.
    Status acknowledge(const QString &channel, const QList<Ack> &acks, qint64 atMs);
    // The channel now holds `quantity` (read back after a stale compare).
    Status setAckedQuantity(const QString &channel, const QString &sku, qint64 quantity);
    // A transient failure: try again at nextAttemptAtMs (a dead listing stays dead).
    Status scheduleRetry(const QString &channel, const QString &sku, int attempts,
                         qint64 nextAttemptAtMs, const QString &error);

    // What one channel's propagator changed in memory since its last write (ListingMemory):
    // whole listing rows as memory holds them, the listings delivered (their dead letter and
    // failed attempts are history), dead listings re-armed by a newer version, the cursor.
    struct Batch
    {
        QString channel;
        QList<ListingState> rows;
        QStringList delivered;
        struct Rearm
        {
            QString sku;
            qint64 version = 0;
            qint64 atMs = 0;
        };
        QList<Rearm> rearmed;
        std::optional<qint64> cursor;
        // Written only while this worker holds the channel's lease with this token (empty: no
        // fence), checked in the same transaction.
        QString fenceWorker;
        qint64 fenceToken = 0;
        bool isEmpty() const
        {
            return rows.isEmpty() && delivered.isEmpty() && rearmed.isEmpty() && !cursor;
        }
    };
    // The batches of every channel in one transaction (PropagationHub's tick). A channel whose
    // fence no longer holds is left out (its name in *refused) and the others are written; any
    // other error writes nothing. Statements prepared once per connection.
    Status writeBatches(const QList<Batch> &batches, QStringList *refused);
    // The channel's listings that are not in sync (pending, retrying, dead).
    Result<QList<ListingState>> unsettled(const QString &channel) const;

    // The listings of a channel, of a SKU, of both or (both empty) all, by channel and SKU.
    Result<QList<ListingState>> listings(const QString &channel = {},
                                         const QString &sku = {}) const;
    // Each listing of the channel, by SKU, handed over one at a time (a channel of 100,000
    // listings is never held twice while memory is rebuilt from it).
    Status forEachListing(const QString &channel,
                          const std::function<void(const ListingState &)> &take) const;
    // The channel's listings of the SKUs from `firstSku` to `lastSku` (both included), by SKU.
    Result<QList<ListingState>> listingsBetween(const QString &channel, const QString &firstSku,
                                                const QString &lastSku) const;
    // How many of the channel's listings are in that state.
    Result<int> count(const QString &channel, ListingState::State state) const;

    // Where polling a channel for orders has read up to (empty: never polled).
    Result<QString> highWaterMark(const QString &channel) const;
    Status setHighWaterMark(const QString &channel, const QString &mark, qint64 nowMs);

    // From now on acknowledge, setAckedQuantity and scheduleRetry write only while `worker`
    // holds the channel's lease with `token` (LeaseStore), checked in the same transaction: a
    // worker that lost its lease gets an error ("lease lost") and changes nothing.
    void setFence(const QString &worker, qint64 token)
    {
        m_fenceWorker = worker;
        m_fenceToken = token;
    }

private:
    // An error when a fence is set and no longer held (inside the caller's write transaction).
    Status checkFence(const QString &channel) const;
    Status checkFence(const QString &channel, const QString &worker, qint64 token) const;
    // A single-statement write under the fence: a write transaction that checked it, or none
    // without a fence.
    Status fenced(const QString &channel, const std::function<Status()> &write);

    Database &m_db;
    QString m_fenceWorker;
    qint64 m_fenceToken = 0;
};

} // namespace ChannelDesk
