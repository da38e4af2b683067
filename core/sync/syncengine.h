#pragma once

#include "domain/applyresult.h"
#include "domain/orderevent.h"
#include "domain/stocklevel.h"
#include "util/clock.h"

#include <QHash>
#include <QObject>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace ChannelDesk {

class Database;
class Statement;

// One row of a stock import: sets `available` absolutely; title and safety buffer when given.
struct StockImportRow
{
    QString sku;
    qint64 available = 0;
    std::optional<QString> title;
    std::optional<qint64> safetyBuffer;
};

// The order path (DESIGN §2). Every change to stock goes through here, each in one transaction:
// orders are idempotent on (channel, order id), stock rows change by compare-and-swap on their
// version, never below zero, all lines of an order or none, and each change is appended to the
// mutation log. The listing guard's pause and resume ride in the same transaction.
//
// An engine owns prepared statements on one connection and so belongs to that connection's
// thread. It keeps the stock rows it has seen in a cache; the cache is only ever a guess, which
// the compare-and-swap checks: a miss re-reads the rows inside the transaction and tries again.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    explicit SyncEngine(Database &db, const Clock &clock = SystemClock::instance(),
                        QObject *parent = nullptr);
    ~SyncEngine() override;

    ApplyResult apply(const OrderEvent &event);
    // Group commit: all events in one transaction, each with its own outcome. An event that
    // fails on the database does not take the others down: the batch is retried one by one.
    QList<ApplyResult> applyBatch(const QList<OrderEvent> &events);

    enum class ChangeError {
        None,
        InvalidInput,
        UnknownSku,
        WouldGoNegative,
        ConcurrentUpdate,
        StorageError
    };
    struct ChangeResult
    {
        ChangeError error = ChangeError::None;
        QString message;
        QList<Mutation> mutations;
        bool ok() const { return error == ChangeError::None; }
    };
    // A manual correction by a person, audited with actor and reason; refuses to go below zero.
    ChangeResult adjust(const QString &sku, qint64 delta, const QString &actor,
                        const QString &reason);
    // Sets stock absolutely for every row, creating SKUs as needed; all rows or none.
    ChangeResult importStock(const QList<StockImportRow> &rows, const QString &actor,
                             const QString &reason);

Q_SIGNALS:
    // After every commit that logged something, in log order.
    void mutationsCommitted(const QList<ChannelDesk::Mutation> &mutations);

private:
    struct Row
    {
        qint64 available = 0;
        qint64 safetyBuffer = 0;
        qint64 version = 0;
        bool paused = false;
        QString title;
    };
    struct Working
    {
        Row seen; // as read (or cached) before this transaction wrote it
        Row current; // after the events planned so far
        bool touched = false;
        bool isNew = false; // not in the table yet (imports create SKUs)
        bool fresh = false; // read in this transaction, not taken from the cache
    };
    enum class TxStatus { Committed, CasMiss, StorageError };

    // On commit, fills results and, when mutationsCommitted has a receiver, committed.
    TxStatus runBatch(const QList<OrderEvent> &events, QList<ApplyResult> &results, bool freshReads,
                      QList<Mutation> &committed);
    // Rolls back, keeps why for the results, and returns false.
    bool fail(const QString &why);
    bool load(const QString &sku, bool fresh, QHash<QString, Working> &working, bool *exists);
    // Whether a cached row still has the version it had when cached; a refusal rests on it.
    bool confirm(const QString &sku, Working &w, bool *current);
    // The stock row as the database holds it; *found is false for an unknown SKU.
    bool readRow(const QString &sku, Row *row, bool *found);
    bool insertKey(const OrderEvent &event, ApplyOutcome outcome, qint64 now, bool *inserted);
    bool writeRow(const QString &sku, const Working &w, qint64 now, bool *casHit);
    bool appendMutation(Mutation &m);
    void planGuard(const QString &sku, Working &w, const QString &channel, const QString &orderId,
                   const QString &actor, qint64 now, QList<Mutation> &out);
    ChangeResult runChange(
        const std::function<ChangeResult(QHash<QString, Working> &, QList<Mutation> &)> &plan);
    // The statements live in the Database (one set per connection); these are shortcuts.
    Statement *prepared(int index, const QString &sql);
    QString sqlError(int index) const;

    Database &m_db;
    const Clock &m_clock;
    QHash<QString, Row> m_cache;
    std::array<Statement *, 5> m_statements {};
    QString m_lastError;
    // How often a compare-and-swap miss is retried before giving up with ConcurrentUpdate.
    static constexpr int kMaxAttempts = 8;
};

} // namespace ChannelDesk
