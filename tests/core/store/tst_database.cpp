#include "store/database.h"
#include "store/mappingstore.h"
#include "store/migrations.h"
#include "store/statement.h"
#include "sync/syncengine.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
qint64 synchronousLevel(Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(u"PRAGMA synchronous"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

// Every statement the connection runs, as SQLite traces it.
int traceStatement(unsigned, void *context, void *, void *sql)
{
    static_cast<QStringList *>(context)->append(QString::fromUtf8(static_cast<const char *>(sql)));
    return 0;
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshFileIsMigrated();
    void reopenKeepsDataAndSchema();
    void walMode();
    void refusesNewerSchema();
    void refusesNonDatabase_data();
    void refusesNonDatabase();
    void errorsHideThePassword();
    void committedNeverNegativeAtTheSchemaLevel();
    void idempotencyKeysMoveToAClusteredTable();
    void statementsBindByPosition();
    void statementsShareTheTransaction();
    void durableWritesCommitAtTheirOwnLevel();
    void theOrderPathCommitsDurably();
};

void TestDatabase::freshFileIsMigrated()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"sub/inv.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), allMigrations().constLast().version);
    for (const QString &table :
         {u"stock"_s, u"orders"_s, u"order_lines"_s, u"order_events"_s, u"push_log"_s,
          u"mutations"_s, u"channel_cursors"_s, u"listings"_s, u"dead_letters"_s}) {
        QVERIFY2(db->connection().tables().contains(table), qPrintable(table));
    }
}

void TestDatabase::reopenKeepsDataAndSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inv.sqlite"_s);
    QString error;
    {
        auto db = Database::open(path, &error);
        QVERIFY(db);
        QVERIFY(db->exec(u"INSERT INTO stock (sku, available) VALUES ('A', 3)"_s));
    }
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM schema_migrations"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), allMigrations().size());
    QVERIFY(q.exec(u"SELECT available FROM stock WHERE sku = 'A'"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 3);
}

void TestDatabase::walMode()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"inv.sqlite"_s), &error);
    QVERIFY(db);
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"wal"_s);
}

void TestDatabase::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inv.sqlite"_s);
    QString error;
    {
        auto db = Database::open(path, &error);
        QVERIFY(db);
        QVERIFY(db->exec(u"INSERT INTO schema_migrations VALUES (9999, 'future', 0)"_s));
    }
    QVERIFY(!Database::open(path, &error));
    QVERIFY2(error.contains(u"newer than this program knows"_s), qPrintable(error));
}

void TestDatabase::refusesNonDatabase_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the path is a folder
    QTest::newRow("text file") << QByteArray("this is not a database, just some text\n");
    QTest::newRow("folder") << QByteArray();
}

void TestDatabase::refusesNonDatabase()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inv.sqlite"_s);
    if (content.isEmpty()) {
        QVERIFY(QDir().mkpath(path));
    } else {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content.repeated(200));
    }
    QString error;
    QVERIFY(!Database::open(path, &error));
    QVERIFY(!error.isEmpty());
}

void TestDatabase::committedNeverNegativeAtTheSchemaLevel()
{
    // Available may go below zero (units owed: a sale is a fact); committed units may not.
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"inv.sqlite"_s), &error);
    QVERIFY(db);
    QVERIFY(db->exec(u"INSERT INTO stock (sku, available) VALUES ('A', 1)"_s));
    QVERIFY(db->exec(u"UPDATE stock SET available = -1 WHERE sku = 'A'"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
    QVERIFY(!db->exec(u"UPDATE stock SET committed = -1 WHERE sku = 'A'"_s));
}

void TestDatabase::idempotencyKeysMoveToAClusteredTable()
{
    // A database from before migration 6 (the order ledger): its idempotency keys become orders
    // and still refuse a duplicate, its stock keeps its rows with nothing committed, and an
    // order refused back then takes nothing from a later cancel.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inv.sqlite"_s);
    QString error;
    {
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        for (const QString &sql :
             {// what later migrations made goes too (8: buffers per channel, 9: drift, 10:
              // attempts, 11: workers and leases, 13: bulk submissions)
              u"DROP TABLE bulk_submissions"_s,
              u"DROP TABLE workers"_s,
              u"DROP TABLE channel_leases"_s,
              u"DROP TABLE listing_buffers"_s,
              u"DROP TABLE channel_buffers"_s,
              u"DROP TABLE drift"_s,
              u"DROP TABLE listing_attempts"_s,
              u"DROP TABLE orders"_s,
              u"DROP TABLE order_lines"_s,
              u"DROP TABLE order_events"_s,
              u"DROP TABLE push_log"_s,
              u"DROP INDEX listings_by_remote_id"_s,
              u"ALTER TABLE propagation_calls DROP COLUMN failed_listings"_s,
              u"ALTER TABLE mutations DROP COLUMN committed_delta"_s,
              u"ALTER TABLE mutations DROP COLUMN committed_after"_s,
              u"ALTER TABLE mutations DROP COLUMN event_id"_s,
              u"DROP TABLE stock"_s,
              u"CREATE TABLE stock (sku TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', "
              "available BIGINT NOT NULL CHECK (available >= 0), safety_buffer BIGINT NOT NULL "
              "DEFAULT 0 CHECK (safety_buffer >= 0), version BIGINT NOT NULL DEFAULT 0, paused "
              "INTEGER NOT NULL DEFAULT 0, updated_at BIGINT NOT NULL DEFAULT 0)"_s,
              u"INSERT INTO stock (sku, available, version) VALUES ('A', 7, 3)"_s,
              u"CREATE TABLE idempotency_keys (channel TEXT NOT NULL, order_id TEXT NOT NULL, "
              "outcome TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (channel, order_id)) "
              "WITHOUT ROWID"_s,
              u"INSERT INTO idempotency_keys VALUES ('shop', '1', 'applied', 5)"_s,
              u"INSERT INTO idempotency_keys VALUES ('shop', '2', 'insufficient_stock', 6)"_s,
              u"DELETE FROM schema_migrations WHERE version >= 6"_s})
            QVERIFY2(db->exec(sql), qPrintable(sql + u": "_s + db->lastError()));
    }
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), allMigrations().constLast().version);
    QVERIFY(!db->connection().tables().contains(u"idempotency_keys"_s));
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(u"SELECT sql FROM sqlite_master WHERE name = 'orders'"_s) && q.next());
    QVERIFY2(q.value(0).toString().contains(u"WITHOUT ROWID"_s), qPrintable(q.value(0).toString()));
    QVERIFY(q.exec(u"SELECT status, received_at FROM orders WHERE channel = 'shop' AND "
                   "order_id = '1'"_s) &&
            q.next());
    QCOMPARE(q.value(0).toString(), u"legacy"_s);
    QCOMPARE(q.value(1).toLongLong(), 5);
    QVERIFY(q.exec(u"SELECT available, committed, version FROM stock WHERE sku = 'A'"_s) &&
            q.next());
    QCOMPARE(q.value(0).toLongLong(), 7);
    QCOMPARE(q.value(1).toLongLong(), 0);
    QCOMPARE(q.value(2).toLongLong(), 3);

    SyncEngine engine(*db);
    QCOMPARE(engine.apply(OrderEvent {u"shop"_s, u"1"_s, {{u"A"_s, 1}}, 0}).outcome,
             ApplyOutcome::Duplicate);
    OrderEvent cancel {u"shop"_s, u"2"_s, {}, 0};
    cancel.kind = OrderEventKind::Cancel;
    QCOMPARE(engine.apply(cancel).outcome, ApplyOutcome::Ignored);
    // An order applied back then has no ledger lines: its later life moves nothing (an edit
    // would otherwise take its units a second time).
    OrderEvent edit {u"shop"_s, u"1"_s, {{u"A"_s, 3}}, 0};
    edit.kind = OrderEventKind::Edit;
    edit.eventId = u"E1"_s;
    QCOMPARE(engine.apply(edit).outcome, ApplyOutcome::Ignored);
    cancel.orderId = u"1"_s;
    QCOMPARE(engine.apply(cancel).outcome, ApplyOutcome::Ignored);
    QVERIFY(q.exec(u"SELECT available FROM stock WHERE sku = 'A'"_s) && q.next());
    QCOMPARE(q.value(0).toLongLong(), 7);
    // Below zero is allowed now: the CHECK went with the rebuild.
    QCOMPARE(engine.apply(OrderEvent {u"shop"_s, u"3"_s, {{u"A"_s, 9}}, 0}).outcome,
             ApplyOutcome::Oversold);
}

void TestDatabase::statementsBindByPosition()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"inv.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot prepare"_s));
    QVERIFY(!db->statement(u"SELECT nothing FROM nowhere"_s));
    QVERIFY(!db->lastError().isEmpty());

    Statement *insert = db->statement(
        u"INSERT INTO stock (sku, title, safety_buffer, available) VALUES (?, ?, ?, 0)"_s);
    QVERIFY(insert);
    QCOMPARE(db->statement(
                 u"INSERT INTO stock (sku, title, safety_buffer, available) VALUES (?, ?, ?, 0)"_s),
             insert);
    const QString sku = u"Ä-1"_s;
    insert->bind(0, sku);
    insert->bind(1, u"Grün "_s + QString::number(7)); // a temporary: copied before it goes
    insert->bind(2, qint64(5'000'000'000));
    QVERIFY2(insert->exec(), qPrintable(insert->lastError()));
    QCOMPARE(insert->rowsAffected(), 1);
    QVERIFY(insert->lastInsertId() > 0);
    // A null string is the empty string (text columns are NOT NULL).
    insert->bind(0, u"B"_s);
    insert->bind(1, QString());
    insert->bind(2, qint64(1));
    QVERIFY2(insert->exec(), qPrintable(insert->lastError()));
    // The schema's CHECK (safety_buffer >= 0) is reported, and the statement is usable again.
    insert->bind(0, u"C"_s);
    insert->bind(1, QString());
    insert->bind(2, qint64(-1));
    QVERIFY(!insert->exec());
    QVERIFY(insert->lastError().contains(u"CHECK"_s, Qt::CaseInsensitive));
    // ... and the error does not stick to the next run.
    insert->bind(0, u"C"_s);
    insert->bind(1, QString());
    insert->bind(2, qint64(0));
    QVERIFY2(insert->exec(), qPrintable(insert->lastError()));
    QVERIFY(insert->lastError().isEmpty());
    QVERIFY(db->exec(u"DELETE FROM stock WHERE sku = 'C'"_s));

    Statement *select =
        db->statement(u"SELECT sku, title, safety_buffer FROM stock ORDER BY sku"_s);
    QVERIFY(select && select->exec());
    QVERIFY(select->next());
    QCOMPARE(select->text(0), u"B"_s);
    QCOMPARE(select->text(1), u""_s);
    QVERIFY(!select->text(1).isNull());
    QVERIFY(select->next());
    QCOMPARE(select->text(0), sku);
    QCOMPARE(select->text(1), u"Grün 7"_s);
    QCOMPARE(select->int64(2), qint64(5'000'000'000));
    QVERIFY(!select->next());
    QVERIFY(select->lastError().isEmpty());
}

void TestDatabase::statementsShareTheTransaction()
{
    // A statement runs in the connection's transaction: rolled back with it, and visible to
    // QSqlQuery on the same connection before the commit.
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"inv.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    Statement *insert = db->statement(u"INSERT INTO stock (sku, available) VALUES (?, 1)"_s);
    QVERIFY(insert);
    auto count = [&] {
        QSqlQuery q(db->connection());
        return q.exec(u"SELECT COUNT(*) FROM stock"_s) && q.next() ? q.value(0).toInt() : -1;
    };
    QVERIFY(db->beginWrite());
    insert->bind(0, u"A"_s);
    QVERIFY(insert->exec());
    QCOMPARE(count(), 1);
    db->rollback();
    QCOMPARE(count(), 0);
    QVERIFY(db->beginWrite());
    insert->bind(0, u"A"_s);
    QVERIFY(insert->exec());
    QVERIFY(db->commit());
    auto other = db->openAnother(&error);
    QVERIFY2(other, qPrintable(error));
    QSqlQuery q(other->connection());
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM stock"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestDatabase::errorsHideThePassword()
{
    // Nothing listens on port 1: the open fails, and its error names the location without the
    // password (it goes to the CLI's stderr, serve's log and the console's event log).
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        QSKIP("the PostgreSQL driver (QPSQL) is not installed");
    QString error;
    const auto db = Database::open(u"postgresql://sync:s3cret-pw@127.0.0.1:1/inventory"_s, &error);
    QVERIFY(!db);
    QVERIFY2(!error.contains(u"s3cret-pw"_s), qPrintable(error));
    QVERIFY2(error.contains(u"postgresql://sync:***@127.0.0.1:1/inventory"_s), qPrintable(error));
}

void TestDatabase::durableWritesCommitAtTheirOwnLevel()
{
    // "durability": "full": the connection at Normal (1), a durable write at Full (2), and back.
    QTemporaryDir dir;
    QString error;
    Database::Options options;
    options.synchronous = Database::Synchronous::Normal;
    options.durableSynchronous = Database::Synchronous::Full;
    auto db = Database::open(dir.filePath(u"inv.sqlite"_s), options, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(synchronousLevel(*db), 1);
    QVERIFY(db->beginWrite(Database::Write::Durable));
    QCOMPARE(synchronousLevel(*db), 2);
    QVERIFY(db->commit());
    QCOMPARE(synchronousLevel(*db), 1);
    QVERIFY(db->beginWrite());
    QCOMPARE(synchronousLevel(*db), 1);
    db->rollback();
    QVERIFY(db->beginWrite(Database::Write::Durable));
    db->rollback();
    QCOMPARE(synchronousLevel(*db), 1);
}

void TestDatabase::theOrderPathCommitsDurably()
{
    // The engine's commits (orders, stock changes) are durable writes; a store's bookkeeping
    // (here the mappings) is not.
    QTemporaryDir dir;
    QString error;
    Database::Options options;
    options.durableSynchronous = Database::Synchronous::Full;
    auto db = Database::open(dir.filePath(u"inv.sqlite"_s), options, &error);
    QVERIFY2(db, qPrintable(error));
    const QVariant handle = db->connection().driver()->handle();
    QVERIFY(handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0);
    sqlite3 *sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    QStringList traced;
    sqlite3_trace_v2(sqlite, SQLITE_TRACE_STMT, traceStatement, &traced);
    const auto durable = [&traced] {
        const qsizetype full = traced.indexOf(u"PRAGMA synchronous=FULL"_s);
        return full >= 0 && full < traced.indexOf(u"COMMIT"_s) &&
            traced.constLast() == u"PRAGMA synchronous=NORMAL"_s;
    };

    SyncEngine engine(*db);
    StockImportRow row;
    row.sku = u"A"_s;
    row.available = 5;
    QVERIFY(engine.importStock({row}, u"t"_s, u"seed"_s).ok());
    QVERIFY2(durable(), qPrintable(traced.join(u" | "_s)));
    traced.clear();
    const auto applied = engine.applyBatch({Testing::order(u"shop"_s, u"1"_s, {{u"A"_s, 1}})});
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().outcome, ApplyOutcome::Applied);
    QVERIFY2(durable(), qPrintable(traced.join(u" | "_s)));
    traced.clear();
    QVERIFY(MappingStore(*db).importMappings({{u"shop"_s, u"A"_s, u"shop-A"_s}}, 1));
    QVERIFY2(traced.contains(u"COMMIT"_s) && !traced.contains(u"PRAGMA synchronous=FULL"_s),
             qPrintable(traced.join(u" | "_s)));
    sqlite3_trace_v2(sqlite, 0, nullptr, nullptr);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
