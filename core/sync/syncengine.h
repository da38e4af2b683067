#pragma once

#include "domain/applyresult.h"
#include "domain/orderevent.h"
#include "domain/stocklevel.h"
#include "store/mutationlog.h"
#include "store/orderledger.h"
#include "store/preparedstatements.h"
#include "sync/lifecycle.h"
#include "util/clock.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace ChannelDesk {

class Database;
class Statement;

// One row of a stock import: sets `available` (or `on_hand`, from which available = on hand -
// committed) absolutely; title and safety buffer when given.
struct StockImportRow
{
    QString sku;
    qint64 available = 0;
    std::optional<QString> title;
    std::optional<qint64> safetyBuffer;
    std::optional<qint64> onHand {}; // when set, available is derived and ignored
};

// The order path (DESIGN §2). Every change to stock goes through here, each in one transaction:
// a sale is idempotent on (channel, order id) and a lifecycle event on its own id, every event
// is bounded by the order's ledger (store/orderledger.h), stock rows change by compare-and-swap
// on their version (and committed units), and each change is appended to the mutation log. The
// listing guard's pause and resume ride in the same transaction.
//
// A sale is a fact: every mapped line is applied, even below zero (the order is then oversold
// until a cancel, refund, restock or the merchant resolves it); a line with no mapping or no
// such SKU waits, and is applied when its mapping appears. Only manual adjustments and imports
// refuse to go below zero.
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
        NotFound, // no such order or line, or nothing to resolve on it
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

    // Waiting lines that name these product ids of the channel take their stock now (a mapping
    // for them was just added), in the orders' original sequence.
    ChangeResult applyWaiting(const QString &channel, const QStringList &remoteIds,
                              const QString &actor);
    // The merchant settles a waiting line: applies it to `sku`, or (sku empty) ignores it as
    // not stock (a gift card, say), with a reason. Audited.
    ChangeResult resolveUnmatched(const QString &channel, const QString &orderId, int line,
                                  const QString &sku, const QString &actor, const QString &reason);
    // The merchant marks an oversold order resolved (the customer was told, a unit was found).
    ChangeResult resolveOversold(const QString &channel, const QString &orderId,
                                 const QString &actor, const QString &reason);

    // A sale's outcome and message from its order's status (applied, oversold, unmatched with
    // the lines that wait and why, ...).
    static void describeOrder(const LedgerOrder &order, ApplyResult &result);

Q_SIGNALS:
    // After every commit that logged something, in log order.
    void mutationsCommitted(const QList<ChannelDesk::Mutation> &mutations);

private:
    struct Row
    {
        qint64 available = 0;
        qint64 committed = 0;
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
        bool wentNegative = false; // below zero at some point of this transaction
    };
    // What one transaction has planned so far.
    struct Batch
    {
        QHash<QString, Working> working;
        QList<Mutation> pending;
        qint64 now = 0;
        bool freshReads = false;
        // The orders with kept events, read on the first sale of the transaction.
        std::optional<QSet<QString>> waitingOrders;
    };
    enum class TxStatus { Committed, CasMiss, StorageError };

    // On commit, fills results and, when mutationsCommitted has a receiver, committed.
    TxStatus runBatch(const QList<OrderEvent> &events, QList<ApplyResult> &results, bool freshReads,
                      QList<Mutation> &committed);
    // Writes the planned rows (compare-and-swap), logs the mutations and commits; rolls back on
    // anything else.
    TxStatus finishBatch(Batch &b);
    bool planSale(const OrderEvent &event, Batch &b, ApplyResult &result);
    // A sale whose order was received before: Duplicate, but its lines that waited and resolve
    // now (their product id mapped, their SKU created since) take their stock, once.
    bool planRedeliveredSale(const OrderEvent &event, Batch &b, ApplyResult &result);
    // A lifecycle event; `kept` is its record when it waited for its order (already keyed).
    bool planEvent(const OrderEvent &event, Batch &b, ApplyResult &result,
                   OrderLedger::EventRecord *kept = nullptr);
    // Takes a line's waiting units from its SKU, or leaves them waiting (and, when recordWaiting,
    // says why in the line's note and an unmatched row of the log).
    bool takeLine(LedgerOrder &order, int index, const QString &eventId, Batch &b, bool *taken,
                  bool recordWaiting = true);
    bool applyMove(const LedgerOrder &order, LedgerLine &line, const StockMove &move,
                   const QString &eventId, Batch &b);
    // Lines owed on SKUs that are back at zero or more are resolved, with a Resolve row each.
    bool resolveRestocked(Batch &b);
    // Applies the events kept for an order (it had not arrived, or they ship lines that waited),
    // in arrival order; those that still cannot apply stay kept.
    bool replayWaiting(const QString &channel, const QString &orderId, Batch &b, int *replayed);
    // The order a merchant's change is about: NotFound when it was never seen.
    ChangeResult readOrderToChange(const QString &channel, const QString &orderId,
                                   LedgerOrder *order);
    bool load(const QString &sku, Batch &b, bool *exists);
    // The stock row as the database holds it; *found is false for an unknown SKU.
    bool readRow(const QString &sku, Row *row, bool *found);
    bool skuForRemoteId(const QString &channel, const QString &remoteId, QString *sku);
    bool writeRow(const QString &sku, const Working &w, qint64 now, bool *casHit);
    Mutation mutation(const QString &sku, const Working &w, MutationKind kind, qint64 now) const;
    void planGuard(const QString &sku, Working &w, const QString &channel, const QString &orderId,
                   const QString &actor, qint64 now, QList<Mutation> &out);
    ChangeResult runChange(const std::function<ChangeResult(Batch &)> &plan);
    // Records why (for the results); the caller rolls back.
    bool fail(const QString &why);
    // The statements live in the Database (one set per connection); these are shortcuts.
    Statement *prepared(int index, const QString &sql);
    QString sqlError(int index) const;

    Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<OrderLedger> m_ledger;
    std::unique_ptr<MutationLog> m_log;
    QHash<QString, Row> m_cache;
    PreparedStatements<4> m_statements;
    QString m_lastError;
    qint64 m_eventSeq = 0;
    // How often a compare-and-swap miss is retried before giving up with ConcurrentUpdate.
    static constexpr int kMaxAttempts = 8;
};

} // namespace ChannelDesk
