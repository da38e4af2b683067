#pragma once

#include "domain/mutation.h"
#include "store/propagationstore.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>

namespace ChannelDesk {

class Database;

// What a SKU's stock row holds now, as the change feed last said (PropagationHub keeps it).
struct StockSnapshot
{
    qint64 available = 0;
    qint64 version = 0;
    bool paused = false;
    // The SKU's safety buffer, read with its overrides when a listing of it is first sent, and
    // again after a row that may change them (-1: to read; PropagationHub::bufferInputs).
    qint64 safetyBuffer = -1;
};

// One channel's listings held in memory (DESIGN §3, issue 13): the propagation state
// PropagationStore keeps in `listings`, folded from the change feed the PropagationHub reads
// once for every channel, picked from for sending, and changed by the channel's answers. The
// database stays the record: every change marks its listing dirty, and takeBatch() hands the
// dirty rows to the hub, which writes the rows of all channels in one transaction per tick. A
// restart (or a failed write) rebuilds memory from the database with load(); the feed past the
// stored cursor is folded again, so what was not written is sent again, never lost, and only
// the current stock is ever sent (never an older version after a newer one).
class ListingMemory
{
public:
    // One listing, small: a console holds every listing of every channel (six channels of
    // 100,000 SKUs are 600,000 of these), nearly all in sync. What only a listing in trouble or
    // in flight has (its error, its unacknowledged changes) is kept beside it (Detail).
    struct Listing
    {
        QString remoteId;
        qint64 ackedVersion = 0;
        qint64 ackedQuantityValue = 0; // when hasAckedQuantity
        qint64 ackedAtMs = 0;
        qint64 pendingVersion = 0;
        qint64 pendingSinceMs = 0; // 0: nothing pending
        qint64 nextAttemptAtMs = 0;
        qint32 attempts = 0;
        ListingState::State state = ListingState::State::InSync;
        bool hasAckedQuantity = false;
        bool ackedPaused = false;
        // Failed attempts or a dead letter may be stored for it (cleared by an acknowledgement).
        bool hasHistory = false;

        std::optional<qint64> ackedQuantity() const
        {
            return hasAckedQuantity ? std::optional<qint64>(ackedQuantityValue) : std::nullopt;
        }
        void setAckedQuantity(std::optional<qint64> quantity)
        {
            hasAckedQuantity = quantity.has_value();
            ackedQuantityValue = quantity.value_or(0);
        }
    };
    // Beside a listing that has an error or changes not yet acknowledged.
    struct Detail
    {
        QString lastError;
        // The changes not yet acknowledged, (version, committed at), oldest first: an
        // acknowledgement of an older version than the newest starts the clock at the next one.
        QList<std::pair<qint64, qint64>> changes;
    };

    // The rows of the channel to write, as memory holds them now (the state of the listing
    // itself; the pending changes stay in memory).
    using Batch = PropagationStore::Batch;

    explicit ListingMemory(QString channel)
        : m_channel(std::move(channel))
    {
    }

    const QString &channel() const { return m_channel; }
    // The last log row folded (-1 before load()).
    qint64 cursor() const { return m_cursor; }
    bool isLoaded() const { return m_cursor >= 0; }

    // Rebuilds everything from the database: the channel's listings and its cursor (a channel
    // seen for the first time starts at the end of the log, written at once). SKU names are
    // taken through `shared` when given, so every channel's memory holds one copy of each.
    Status load(Database &db, const std::function<QString(const QString &)> &shared = {});
    // Re-reads the listings the database holds as not in sync, and those memory holds so, after
    // their state was written: other writers (the dead-letter queue, drift, mappings, another
    // process) change listings too. Their pending changes are kept.
    Status refresh(Database &db);

    // Folds the log rows past the cursor into the listings, like PropagationStore::ingest;
    // answers whether a listing became due.
    bool fold(const QList<Mutation> &rows);

    // Up to `limit` listings due at `nowMs` by DuePriority on the SKU's own quantity (the order
    // PropagationStore::due gives), skipping `busy`; `stock` says what each SKU holds now.
    QList<DueListing> due(qint64 nowMs, int limit, const QSet<QString> &busy,
                          const std::function<const StockSnapshot *(const QString &)> &stock) const;
    // The earliest attempt time of a retrying listing.
    std::optional<qint64> nextAttemptAt() const;
    const Listing *listing(const QString &sku) const;
    // Its error, its changes not yet acknowledged (nullptr: none).
    const Detail *detail(const QString &sku) const;

    // The channel acknowledged: never moves a listing backwards.
    void acknowledge(const PropagationStore::Ack &ack, qint64 atMs);
    void setAckedQuantity(const QString &sku, qint64 quantity);
    // A transient failure: try again at nextAttemptAtMs (a dead listing stays dead).
    void scheduleRetry(const QString &sku, int attempts, qint64 nextAttemptAtMs,
                       const QString &error);
    // DeadLetterQueue::deadLetter wrote it: memory follows.
    void markDead(const QString &sku, int attempts, const QString &error);
    // A failed attempt was recorded for it.
    void noteHistory(const QString &sku);

    bool isDirty() const;
    Batch takeBatch();

private:
    void touch(const QString &sku) { m_dirty.insert(sku); }
    // Changes a listing's state, keeping the set of unsettled listings (pending, retrying)
    // that due() looks through.
    void setState(const QString &sku, Listing &l, ListingState::State state);
    void put(const QString &sku, const ListingState &row);
    void setError(const QString &sku, const QString &error);
    // Drops its detail once it holds nothing.
    void tidyDetail(const QString &sku);

    QString m_channel;
    QHash<QString, Listing> m_listings;
    QHash<QString, Detail> m_details;
    QSet<QString> m_unsettled; // pending or retrying
    QSet<QString> m_dirty;
    QStringList m_delivered;
    QList<Batch::Rearm> m_rearmed;
    qint64 m_cursor = -1;
    bool m_cursorDirty = false;
};

} // namespace ChannelDesk
