#pragma once

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace ChannelDesk {

class Database;

// A SKU's listing on one channel: the mapping to the channel's id and where its sync stands.
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
};

QString stateName(ListingState::State state);

// A listing that is due to be sent, with the CURRENT stock (never a stored quantity).
struct DueListing
{
    QString sku;
    QString remoteId;
    qint64 available = 0;
    qint64 version = 0;
    bool paused = false;
    std::optional<qint64> ackedQuantity;
    qint64 ackedVersion = 0;
    bool ackedPaused = false;
    int attempts = 0;
    qint64 pendingSinceMs = 0;
};

struct ListingMapping
{
    QString channel;
    QString sku;
    QString remoteId;
};

// The propagation side of the store (DESIGN §3): listing mappings, per-channel cursors into the
// mutation log, per-listing sync state and the dead-letter queue. Every method is one
// transaction or one statement; callers on one thread share the connection.
class ListingStore
{
public:
    explicit ListingStore(Database &db)
        : m_db(db)
    {
    }

    // Adds or changes mappings; all rows or none. A new listing starts pending at the SKU's
    // current version so its first push sets the channel to our quantity.
    bool importMappings(const QList<ListingMapping> &rows, qint64 nowMs, QString *error);

    // Reads the mutation log past the channel's cursor (at most `limit` rows) and folds it into
    // the channel's listing states, advancing the cursor in the same transaction. Returns the
    // number of log rows read (0 when caught up) or -1 on a database error.
    int ingest(const QString &channel, int limit, QString *error);
    qint64 cursor(const QString &channel) const;

    // Listings due now, oldest change first, skipping `busy` SKUs.
    QList<DueListing> due(const QString &channel, qint64 nowMs, int limit,
                          const QSet<QString> &busy, QString *error) const;
    // The earliest future attempt time of a retrying listing, or 0.
    qint64 nextAttemptAt(const QString &channel) const;

    // The channel acknowledged (sku, version, quantity). Never moves a listing backwards.
    struct Ack
    {
        QString sku;
        qint64 version = 0;
        qint64 quantity = 0;
        bool paused = false;
    };
    // A whole answer at once, in one transaction.
    bool acknowledge(const QString &channel, const QList<Ack> &acks, qint64 atMs, QString *error);
    bool acknowledge(const QString &channel, const QString &sku, qint64 version, qint64 quantity,
                     bool paused, qint64 atMs, QString *error)
    {
        return acknowledge(channel, {{sku, version, quantity, paused}}, atMs, error);
    }
    // The channel now holds `quantity` (read back after a stale compare).
    bool setAckedQuantity(const QString &channel, const QString &sku, qint64 quantity);
    // A transient failure: try again at nextAttemptAtMs.
    bool scheduleRetry(const QString &channel, const QString &sku, int attempts,
                       qint64 nextAttemptAtMs, const QString &error);
    // A permanent failure or exhausted retries: park it. One entry per listing; the history
    // keeps every attempt.
    struct Failure
    {
        qint64 version = 0;
        int attempts = 0;
        QString kind; // "permanent" or "exhausted"
        int httpStatus = 0;
        QString code;
        QString message;
        QString request;
        QString response;
        qint64 atMs = 0;
    };
    bool deadLetter(const QString &channel, const QString &sku, const Failure &failure,
                    QString *error);

    QList<ListingState> listings(const QString &channel = {}, const QString &sku = {}) const;

    // Where polling a channel for orders has read up to (empty: never polled).
    QString highWaterMark(const QString &channel) const;
    bool setHighWaterMark(const QString &channel, const QString &mark, qint64 nowMs);

    // The dead-letter queue. A selector names a channel, a SKU, both, or neither (= all).
    struct DeadLetter
    {
        QString channel;
        QString sku;
        qint64 version = 0;
        int attempts = 0;
        QString errorKind;
        QString lastError;
        QString request;
        QString response;
        QString history; // JSON array of every failed attempt
        qint64 firstFailedAtMs = 0;
        qint64 lastFailedAtMs = 0;
        bool retrying = false; // sent again by hand, answer not in yet
    };
    struct Selector
    {
        QString channel;
        QString sku;
    };
    bool deadLetters(const Selector &selector, QList<DeadLetter> *out, QString *error) const;
    // Queues the selected dead listings to be sent again now, with the CURRENT quantity; each is
    // audited. Returns how many, or -1 on a database error.
    int retryDeadLetters(const Selector &selector, const QString &actor, qint64 nowMs,
                         QString *error);
    // Drops the selected dead letters (audited with the reason); the listing goes back to
    // waiting for the next change. Returns how many, or -1 on a database error.
    int discardDeadLetters(const Selector &selector, const QString &actor, const QString &reason,
                           qint64 nowMs, QString *error);
    int count(const QString &channel, ListingState::State state) const;

private:
    int changeDeadLetters(const Selector &selector, bool discard, const QString &actor,
                          const QString &reason, qint64 nowMs, QString *error);

    Database &m_db;
};

} // namespace ChannelDesk
