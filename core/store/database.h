#pragma once

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

namespace ChannelDesk {

struct Migration;
class Statement;

// One connection to the inventory database, owned by the thread that opened it (Qt Sql's rule).
// SQLite (WAL) is the embedded default; a location of the form postgresql://user:pw@host:port/db
// selects PostgreSQL through QPSQL. Opening applies the numbered migrations, so every connection
// sees one schema.
class Database
{
public:
    enum class Dialect { Sqlite, Postgres };
    enum class Synchronous { Normal, Full };
    // ReadOnly: for commands that only look (stock, audit, order, dlq, lag). It never waits for
    // or takes the write lock: no journal-mode change, no migration write when the schema is
    // current (a new or older database is still created or migrated once), and every later
    // write is refused (SQLite's query_only, PostgreSQL's read-only transactions).
    enum class Access { ReadWrite, ReadOnly };
    // Which schema the file holds: the inventory (allMigrations()), or the intake's inbox
    // (inboxMigrations(), a file of its own so that appending never waits on the inventory's
    // write lock).
    enum class Schema { Inventory, Inbox };

    struct Options
    {
        // Normal survives a process crash (the WAL is synced at checkpoints); Full also survives
        // power loss at the price of an fsync per commit.
        Synchronous synchronous = Synchronous::Normal;
        // The level of durable writes (beginWrite(Write::Durable): the order path's), when it is
        // not synchronous's. "durability": "full" syncs the commits an answered delivery or a
        // stock count rests on, and leaves the bookkeeping of propagation (acks, cursors,
        // attempts, metrics: resent or recounted, never skipped, when a power loss takes them
        // back) at Normal. In WAL mode a Full commit syncs the Normal ones before it too, so a
        // power loss takes back a suffix of commits, never one from the middle.
        std::optional<Synchronous> durableSynchronous;
        int busyTimeoutMs = 10'000;
        // SQLite copies the WAL back into the database (a checkpoint, with an fsync of each
        // under Normal) once it holds this many pages. SQLite's default of 1,000 (4 MB)
        // checkpoints every other group commit of 1,000 orders; 10,000 (a 40 MB WAL) copies each
        // hot page once for many commits. Under Normal this is also how much committed work a
        // power loss (not a process crash) may take back, at most: the OS writes dirty pages
        // back within seconds anyway. Under Full every commit is synced and this is only speed.
        int walAutocheckpointPages = 10'000;
        Access access = Access::ReadWrite;
        Schema schema = Schema::Inventory;
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating and migrating when needed) the database at location. Returns null and sets
    // *error when the location cannot be used.
    static std::unique_ptr<Database> open(const QString &location, QString *error);
    static std::unique_ptr<Database> open(const QString &location, const Options &options,
                                          QString *error);
    // Another connection to the same database, for another thread.
    std::unique_ptr<Database> openAnother(QString *error) const;

    // Whether location names a PostgreSQL database (postgresql:// or postgres://).
    static bool isPostgresLocation(const QString &location);

    // The default location: <AppDataLocation>/inventory.sqlite.
    static QString defaultLocation();

    // How long a statement waits for another connection's write lock before failing with
    // "database is locked" (SQLite; PostgreSQL waits on rows, not on a lock of the file).
    void setBusyTimeoutMs(int ms);
    int busyTimeoutMs() const { return m_options.busyTimeoutMs; }

    QSqlDatabase &connection() { return m_db; }
    Dialect dialect() const { return m_dialect; }
    // The location as given (with its password: for opening, never for showing).
    const QString &location() const { return m_location; }
    // The location as it may be shown: the password replaced by *** (util/redact.h).
    QString shownLocation() const;
    int schemaVersion() const;

    // A write transaction. On SQLite it takes the write lock up front (BEGIN IMMEDIATE), so a
    // transaction never fails half way on a lock upgrade. A Durable one commits at
    // Options::durableSynchronous (SQLite), and the connection goes back to its own level after.
    enum class Write { Ordinary, Durable };
    bool beginWrite(Write write = Write::Ordinary);
    bool commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }
    QString lastError() const { return m_lastError; }

    // The transaction changed the mutation log: on PostgreSQL its commit notifies
    // kMutationsChannel (NOTIFY, delivered to every LISTENing session when the commit is), so
    // consoles on a shared inventory read the log at once instead of polling it.
    static constexpr const char *kMutationsChannel = "channeldesk_mutations";
    void noteMutations() { m_notifyMutations = m_inTransaction && m_dialect == Dialect::Postgres; }
    // The other changes such a console follows without polling (docs/architecture.md, "Consoles
    // in monitor mode"): a transaction that noted one notifies kChangesChannel at its commit
    // with the change's name as payload; outside a transaction the notification goes at once.
    // Nothing on SQLite, where the console's own core is the only writer.
    static constexpr const char *kChangesChannel = "channeldesk_changes";
    enum class Change : quint8 {
        Listings = 1, // acknowledgements, retries, dead letters ("listings")
        Metrics = 2, // lag samples and call outcomes ("metrics")
        Deliveries = 4, // the shared inbox ("deliveries")
        Leases = 8, // a channel's lease changed hands ("leases")
    };
    static QString changeName(Change change);
    static std::optional<Change> changeFromName(const QString &name);
    void noteChange(Change change);

    // A lock across processes held by this connection until unlock() or until the connection
    // closes (a process killed drops it with its socket): PostgreSQL's session advisory lock,
    // beside the write locks' keys. tryLock never waits: false while another connection holds
    // it. On SQLite always taken (each lock's user says why that is enough there).
    enum class SessionLock {
        InboxDrain, // one drainer of the shared inbox at a time (CoreRuntime::drainInbox)
    };
    Result<bool> tryLock(SessionLock lock);
    Status unlock(SessionLock lock);

    // Runs one statement without results; records the error on failure.
    bool exec(const QString &sql);

    // A prepared statement for a hot path, made once per connection and text and kept until the
    // connection closes; null (with lastError()) when sql does not compile. On SQLite it runs on
    // the connection's own sqlite3 handle, without QSqlQuery and QVariant in between.
    Statement *statement(const QString &sql);

private:
    Database() = default;
    bool migrate(QString *error);
    // The table of applied migrations (schema_migrations; the inbox's own on PostgreSQL).
    QString versionsTable() const;
    // NOTIFY kChangesChannel for each bit of changes.
    bool notifyChanges(quint8 changes);
    // The schema's migrations (Options::schema): the inventory's or the inbox's.
    const QList<Migration> &migrations() const;
    bool schemaIsCurrent() const;
    bool refuseWrites(QString *error);
    bool transactionStatement(const QString &sql);
    bool setSynchronous(Synchronous level);
    void endTransaction();

    QSqlDatabase m_db;
    sqlite3 *m_sqlite = nullptr; // QSQLITE's handle, owned by m_db
    QHash<QString, std::shared_ptr<Statement>> m_statements;
    QString m_connectionName;
    QString m_location;
    Options m_options;
    Dialect m_dialect = Dialect::Sqlite;
    bool m_inTransaction = false;
    bool m_durableLevel = false; // the transaction raised synchronous for a durable write
    bool m_notifyMutations = false; // noteMutations(): NOTIFY before this transaction's COMMIT
    quint8 m_notifyChanges = 0; // noteChange(): the Change bits to notify before COMMIT
    QString m_lastError;
};

} // namespace ChannelDesk
