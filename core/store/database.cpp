#include "database.h"

#include "migrations.h"
#include "statement_p.h"
#include "storelog.h"
#include "util/redact.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <sqlite3.h>
#include <utility>

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcStore, "channeldesk.store")

namespace {
using namespace Qt::StringLiterals;

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"channeldesk-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// The PostgreSQL advisory lock every write transaction takes first (pg_advisory_xact_lock, held
// until COMMIT or ROLLBACK): PostgreSQL's counterpart of SQLite's BEGIN IMMEDIATE. One writer at
// a time per database, across processes, so a compare-and-swap reads what no one else is about to
// change, an idempotency key is checked and written with no other writer in between, migrations
// run one process at a time, and mutations.id (a sequence value taken inside the transaction) is
// handed out in commit order, which the change feed relies on (docs/architecture.md, "One store,
// two engines"). The value spells "ChDsk" + the schema's number.
constexpr qint64 kWriteLockKey = 0x436844736b00;

QString dialectSql(QString sql, Database::Dialect dialect)
{
    if (dialect == Database::Dialect::Sqlite) {
        sql.replace("{{ID}}"_L1, "INTEGER PRIMARY KEY AUTOINCREMENT"_L1);
        sql.replace("{{BLOB}}"_L1, "BLOB"_L1);
        sql.replace("{{WITHOUT_ROWID}}"_L1, " WITHOUT ROWID"_L1);
    } else {
        sql.replace("{{ID}}"_L1, "BIGSERIAL PRIMARY KEY"_L1);
        sql.replace("{{BLOB}}"_L1, "BYTEA"_L1);
        sql.replace("{{WITHOUT_ROWID}}"_L1, ""_L1);
    }
    return sql;
}
} // namespace

bool Database::isPostgresLocation(const QString &location)
{
    return location.startsWith("postgresql://"_L1) || location.startsWith("postgres://"_L1);
}

Database::~Database()
{
    if (m_db.isValid()) {
        if (m_inTransaction)
            rollback();
        // Finalized before the handle closes, or sqlite3_close would refuse to.
        m_statements.clear();
        m_db.close();
    }
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::defaultLocation()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(u"inventory.sqlite"_s);
}

std::unique_ptr<Database> Database::open(const QString &location, QString *error)
{
    return open(location, Options {}, error);
}

std::unique_ptr<Database> Database::open(const QString &location, const Options &options,
                                         QString *error)
{
    std::unique_ptr<Database> db(new Database);
    db->m_location = location;
    db->m_options = options;
    const QString shown = redactedLocation(location); // errors never carry the password
    db->m_connectionName = nextConnectionName();

    if (isPostgresLocation(location)) {
        db->m_dialect = Dialect::Postgres;
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
            *error = u"the PostgreSQL driver (QPSQL) is not installed"_s;
            return nullptr;
        }
        const QUrl url(location);
        db->m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, db->m_connectionName);
        db->m_db.setHostName(url.host().isEmpty() ? u"localhost"_s : url.host());
        db->m_db.setPort(url.port(5432));
        db->m_db.setUserName(url.userName());
        db->m_db.setPassword(url.password());
        db->m_db.setDatabaseName(url.path().mid(1));
        // With no password in the URL, libpq reads PGPASSWORD or ~/.pgpass itself.
    } else {
        db->m_dialect = Dialect::Sqlite;
        if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
            *error = u"the SQLite driver (QSQLITE) is not installed"_s;
            return nullptr;
        }
        const QFileInfo info(location);
        if (info.exists() && !info.isFile()) {
            *error = u"%1 is not a file"_s.arg(shown);
            return nullptr;
        }
        if (!QDir().mkpath(info.absolutePath())) {
            *error = u"cannot create the folder %1"_s.arg(info.absolutePath());
            return nullptr;
        }
        db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, db->m_connectionName);
        db->m_db.setDatabaseName(location);
        db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeoutMs));
    }

    if (!db->m_db.open()) {
        *error = u"cannot open %1: %2"_s.arg(shown, db->m_db.lastError().text());
        return nullptr;
    }

    if (db->m_dialect == Dialect::Sqlite) {
        // QSQLITE links the system libsqlite3 (Debian's libqt6sql6-sqlite), the same library
        // this program links, so the handle can be used directly.
        const QVariant handle = db->m_db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            db->m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
        if (!db->m_sqlite) {
            *error = u"%1: the SQLite driver gives no connection handle"_s.arg(shown);
            return nullptr;
        }
        const QString sync = options.synchronous == Synchronous::Full ? u"FULL"_s : u"NORMAL"_s;
        QSqlQuery q(db->m_db);
        // journal_mode answers with the mode in force; a file that is not SQLite fails here.
        // Setting it needs the write lock on a database not yet in WAL mode: a read-only open
        // only asks (and a database it has to create or migrate is switched below).
        const bool readOnly = options.access == Access::ReadOnly;
        if (!q.exec(readOnly ? u"PRAGMA journal_mode"_s : u"PRAGMA journal_mode=WAL"_s) ||
            !q.next()) {
            *error = u"%1 is not a usable SQLite database: %2"_s.arg(shown, q.lastError().text());
            return nullptr;
        }
        for (const QString &pragma :
             {u"PRAGMA synchronous=%1"_s.arg(sync), u"PRAGMA foreign_keys=ON"_s,
              u"PRAGMA temp_store=MEMORY"_s, u"PRAGMA cache_size=-16384"_s,
              u"PRAGMA wal_autocheckpoint=%1"_s.arg(options.walAutocheckpointPages)}) {
            if (!db->exec(pragma)) {
                *error = u"%1: %2"_s.arg(shown, db->lastError());
                return nullptr;
            }
        }
    }

    if (db->m_dialect == Dialect::Postgres) {
        // A statement waiting on a lock (the write lock or a row) fails after the busy timeout,
        // like SQLite's busy handler, instead of waiting forever behind a stuck writer.
        db->setBusyTimeoutMs(options.busyTimeoutMs);
        // The server's notices (an IF NOT EXISTS that skipped) are not the user's business.
        db->exec(u"SET client_min_messages TO warning"_s);
        if (!db->m_lastError.isEmpty()) {
            *error = u"%1: %2"_s.arg(shown, db->m_lastError);
            return nullptr;
        }
    }

    if (options.access == Access::ReadOnly) {
        if (!db->schemaIsCurrent()) {
            // New or older: created or migrated once, like any open, then read-only.
            if (db->m_dialect == Dialect::Sqlite && !db->exec(u"PRAGMA journal_mode=WAL"_s)) {
                *error = u"%1: %2"_s.arg(shown, db->lastError());
                return nullptr;
            }
            if (!db->migrate(error))
                return nullptr;
        }
        if (!db->refuseWrites(error))
            return nullptr;
        return db;
    }
    if (!db->migrate(error))
        return nullptr;
    return db;
}

QString Database::versionsTable() const
{
    // On PostgreSQL the inbox shares the inventory's database (InboxStore::locationFor), so its
    // versions, numbered on their own, need a table of their own; a SQLite inbox is a file of its
    // own and keeps the usual name.
    return m_options.schema == Schema::Inbox && m_dialect == Dialect::Postgres
        ? u"inbox_schema_migrations"_s
        : u"schema_migrations"_s;
}

const QList<Migration> &Database::migrations() const
{
    return m_options.schema == Schema::Inbox ? inboxMigrations() : allMigrations();
}

bool Database::schemaIsCurrent() const
{
    const QList<Migration> &migrations = this->migrations();
    return !migrations.isEmpty() && schemaVersion() == migrations.constLast().version;
}

bool Database::refuseWrites(QString *error)
{
    const QString sql = m_dialect == Dialect::Sqlite
        ? u"PRAGMA query_only=ON"_s
        : u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s;
    if (!exec(sql)) {
        *error = u"%1: cannot open read-only: %2"_s.arg(shownLocation(), m_lastError);
        return false;
    }
    return true;
}

QString Database::shownLocation() const
{
    return redactedLocation(m_location);
}

std::unique_ptr<Database> Database::openAnother(QString *error) const
{
    return open(m_location, m_options, error);
}

bool Database::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        qCWarning(lcStore) << "statement failed:" << sql.left(80) << m_lastError;
        return false;
    }
    return true;
}

Statement *Database::statement(const QString &sql)
{
    const auto found = m_statements.constFind(sql);
    if (found != m_statements.cend())
        return found->get();
    QString error;
    std::shared_ptr<Statement> made;
    if (m_sqlite)
        made = SqliteStatement::prepare(m_sqlite, sql, &error);
    else if (auto q = std::make_shared<QueryStatement>(m_db, sql, &error); error.isEmpty())
        made = std::move(q);
    if (!made) {
        m_lastError = error.isEmpty() ? u"cannot prepare a statement"_s : error;
        qCWarning(lcStore) << "cannot prepare" << sql.left(80) << m_lastError;
        return nullptr;
    }
    m_statements.insert(sql, made);
    return made.get();
}

bool Database::transactionStatement(const QString &sql)
{
    // On SQLite prepared once: a commit per order pays for BEGIN and COMMIT on every order.
    // PostgreSQL cannot PREPARE transaction control, so it runs them as plain statements.
    if (!m_sqlite)
        return exec(sql);
    Statement *statement = this->statement(sql);
    if (!statement)
        return false;
    if (!statement->exec()) {
        m_lastError = statement->lastError();
        qCWarning(lcStore) << "statement failed:" << sql << m_lastError;
        return false;
    }
    return true;
}

bool Database::setSynchronous(Synchronous level)
{
    const char *sql =
        level == Synchronous::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
    if (sqlite3_exec(m_sqlite, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
        return false;
    }
    return true;
}

bool Database::beginWrite(Write write)
{
    Q_ASSERT(!m_inTransaction);
    // Outside any transaction: the level is read when the commit syncs.
    const Synchronous durable = m_options.durableSynchronous.value_or(m_options.synchronous);
    if (write == Write::Durable && m_sqlite && durable != m_options.synchronous) {
        if (!setSynchronous(durable))
            return false;
        m_durableLevel = true;
    }
    bool ok =
        transactionStatement(m_dialect == Dialect::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
    m_inTransaction = ok;
    if (ok && m_dialect == Dialect::Postgres) {
        // The write lock (kWriteLockKey), released by COMMIT or ROLLBACK.
        const qint64 key = kWriteLockKey + (m_options.schema == Schema::Inbox ? 1 : 0);
        ok = exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(key));
        if (!ok) {
            rollback();
            return false;
        }
    }
    if (!ok)
        endTransaction();
    return ok;
}

namespace {
constexpr std::pair<Database::Change, QLatin1StringView> kChangeNames[] = {
    {Database::Change::Listings, "listings"_L1},
    {Database::Change::Metrics, "metrics"_L1},
    {Database::Change::Deliveries, "deliveries"_L1},
    {Database::Change::Leases, "leases"_L1},
};
} // namespace

QString Database::changeName(Change change)
{
    for (const auto &[c, name] : kChangeNames) {
        if (c == change)
            return name;
    }
    return {};
}

std::optional<Database::Change> Database::changeFromName(const QString &name)
{
    for (const auto &[c, n] : kChangeNames) {
        if (n == name)
            return c;
    }
    return std::nullopt;
}

void Database::noteChange(Change change)
{
    if (m_dialect != Dialect::Postgres)
        return;
    if (m_inTransaction)
        m_notifyChanges |= quint8(change);
    else
        notifyChanges(quint8(change)); // a statement of its own has committed already
}

bool Database::notifyChanges(quint8 changes)
{
    for (const auto &[c, name] : kChangeNames) {
        if ((changes & quint8(c)) != 0 &&
            !exec(u"NOTIFY %1, '%2'"_s.arg(QLatin1StringView(kChangesChannel), name)))
            return false;
    }
    return true;
}

namespace {
qint64 sessionLockKey(Database::SessionLock lock)
{
    switch (lock) {
    case Database::SessionLock::InboxDrain:
        return kWriteLockKey + 2; // + 0: the inventory's writes, + 1: the inbox's
    }
    return kWriteLockKey + 2;
}
} // namespace

Result<bool> Database::tryLock(SessionLock lock)
{
    if (m_dialect != Dialect::Postgres)
        return true;
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT pg_try_advisory_lock(%1)"_s.arg(sessionLockKey(lock))) || !q.next())
        return Error {u"cannot take a lock: %1"_s.arg(q.lastError().text())};
    return q.value(0).toBool();
}

Status Database::unlock(SessionLock lock)
{
    if (m_dialect != Dialect::Postgres)
        return {};
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(sessionLockKey(lock))))
        return Error {u"cannot release a lock: %1"_s.arg(q.lastError().text())};
    return {};
}

bool Database::commit()
{
    Q_ASSERT(m_inTransaction);
    if (m_notifyMutations) {
        m_notifyMutations = false;
        if (!exec(u"NOTIFY "_s + QLatin1StringView(kMutationsChannel))) {
            rollback();
            return false;
        }
    }
    if (const quint8 changes = std::exchange(m_notifyChanges, 0); !notifyChanges(changes)) {
        rollback();
        return false;
    }
    if (!transactionStatement(u"COMMIT"_s)) {
        rollback();
        return false;
    }
    m_inTransaction = false;
    endTransaction();
    return true;
}

void Database::rollback()
{
    if (!m_inTransaction)
        return;
    const QString error = m_lastError; // the reason for rolling back, not the rollback's
    if (!transactionStatement(u"ROLLBACK"_s))
        qCWarning(lcStore) << "rollback failed:" << m_lastError;
    m_lastError = error;
    m_inTransaction = false;
    m_notifyMutations = false;
    m_notifyChanges = 0;
    endTransaction();
}

void Database::endTransaction()
{
    if (!m_durableLevel)
        return;
    m_durableLevel = false;
    const QString error = m_lastError;
    if (!setSynchronous(m_options.synchronous))
        qCWarning(lcStore) << "cannot set synchronous back:" << m_lastError;
    m_lastError = error;
}

void Database::setBusyTimeoutMs(int ms)
{
    m_options.busyTimeoutMs = ms;
    if (m_sqlite)
        sqlite3_busy_timeout(m_sqlite, ms);
    else if (m_dialect == Dialect::Postgres && m_db.isOpen())
        exec(u"SET lock_timeout = %1"_s.arg(ms));
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT COALESCE(MAX(version), 0) FROM %1"_s.arg(versionsTable())) && q.next())
        return q.value(0).toInt();
    return 0;
}

bool Database::migrate(QString *error)
{
    // The write lock (SQLite's file lock, PostgreSQL's advisory lock) serialises migrations
    // between processes opening the same database at once; the table of versions is made under
    // it too, since two PostgreSQL sessions creating it at once collide even with IF NOT EXISTS.
    if (!beginWrite()) {
        *error = u"cannot lock %1 to migrate it: %2"_s.arg(shownLocation(), m_lastError);
        return false;
    }
    if (!exec(u"CREATE TABLE IF NOT EXISTS %1 (version INTEGER PRIMARY KEY, "
              "description TEXT NOT NULL, applied_at BIGINT NOT NULL)"_s.arg(versionsTable()))) {
        const QString why = m_lastError;
        rollback();
        *error = u"cannot prepare the schema of %1: %2"_s.arg(shownLocation(), why);
        return false;
    }
    const int current = schemaVersion();
    const QList<Migration> &migrations = this->migrations();
    const int newest = migrations.isEmpty() ? 0 : migrations.constLast().version;
    if (current > newest) {
        rollback();
        *error = u"%1 has schema version %2, newer than this program knows (%3)"_s.arg(
            shownLocation(), QString::number(current), QString::number(newest));
        return false;
    }
    for (const Migration &m : migrations) {
        if (m.version <= current)
            continue;
        for (const QString &statement : m.statements) {
            if (!exec(dialectSql(statement, m_dialect))) {
                const QString why = m_lastError;
                rollback();
                *error = u"migration %1 (%2) failed: %3"_s.arg(
                    QString::number(m.version), QString::fromLatin1(m.description), why);
                return false;
            }
        }
        QSqlQuery q(m_db);
        q.prepare(u"INSERT INTO %1 (version, description, applied_at) "
                  "VALUES (?, ?, ?)"_s.arg(versionsTable()));
        q.addBindValue(m.version);
        q.addBindValue(QString::fromLatin1(m.description));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!q.exec()) {
            rollback();
            *error = u"cannot record migration %1: %2"_s.arg(QString::number(m.version),
                                                             q.lastError().text());
            return false;
        }
        qCInfo(lcStore) << "applied migration" << m.version << m.description;
    }
    if (!commit()) {
        *error = u"cannot commit the schema of %1: %2"_s.arg(shownLocation(), m_lastError);
        return false;
    }
    return true;
}

} // namespace ChannelDesk
