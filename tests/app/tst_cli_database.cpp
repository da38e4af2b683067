// The CLI and its --db location: a password in it is never printed, and the commands that only
// look (stock, audit, order, dlq, lag, deliveries) run while another process holds the write lock.
#include "clirun.h"
#include "intake/inboxstore.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestCliDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void passwordIsNeverPrinted_data();
    void passwordIsNeverPrinted();
    void readOnlyCommandsTakeNoWriteLock_data();
    void readOnlyCommandsTakeNoWriteLock();
    void readOnlyCommandsCreateANewDatabase();
    void deliveriesTakesNoWriteLockOfTheInbox();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCliDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(u"inv.sqlite"_s);
}

void TestCliDatabase::passwordIsNeverPrinted_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("stock (read-only open)") << QStringList {u"stock"_s};
    QTest::newRow("adjust (read-write open)")
        << QStringList {u"adjust"_s, u"A"_s, u"1"_s, u"--reason"_s, u"count"_s};
    QTest::newRow("demo") << QStringList {u"demo"_s, u"--duration"_s, u"1"_s};
}

void TestCliDatabase::passwordIsNeverPrinted()
{
    // Nothing listens on port 1, so the open fails and the error names the location.
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        QSKIP("the PostgreSQL driver (QPSQL) is not installed");
    QFETCH(QStringList, args);
    const QString location = u"postgresql://sync:s3cret-pw@127.0.0.1:1/inventory"_s;
    const Testing::CliRun r = Testing::runCli(args << u"--db"_s << location, m_db);
    QCOMPARE(r.code, 2);
    QVERIFY2(!r.err.contains("s3cret-pw") && !r.out.contains("s3cret-pw"), r.err.constData());
    QVERIFY2(r.err.contains("postgresql://sync:***@127.0.0.1:1/inventory"), r.err.constData());
}

void TestCliDatabase::readOnlyCommandsTakeNoWriteLock_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("stock") << QStringList {u"stock"_s, u"--json"_s} << 0;
    QTest::newRow("audit") << QStringList {u"audit"_s} << 0;
    QTest::newRow("order") << QStringList {u"order"_s, u"shop"_s, u"nope"_s} << 1; // unknown
    QTest::newRow("dlq") << QStringList {u"dlq"_s} << 0;
    QTest::newRow("lag") << QStringList {u"lag"_s} << 0;
}

void TestCliDatabase::readOnlyCommandsTakeNoWriteLock()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QString error;
    Database::Options options;
    options.busyTimeoutMs = 100;
    auto writer = Database::open(m_db, options, &error);
    QVERIFY2(writer, qPrintable(error));
    StockImportRow row;
    row.sku = u"A"_s;
    row.available = 7;
    QVERIFY(SyncEngine(*writer).importStock({row}, u"t"_s, u"seed"_s).ok());
    // A serve in the middle of a long commit: it holds the write lock throughout.
    QVERIFY(writer->beginWrite());
    const Testing::CliRun r = Testing::runCli(args, m_db);
    QVERIFY2(r.code == code, r.err.constData());
    QVERIFY2(!r.err.contains("lock"), r.err.constData());
    if (args.first() == "stock"_L1)
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
    writer->rollback();
    // Once the lock is let go, a command that writes works as before.
    QCOMPARE(Testing::runCli({u"adjust"_s, u"A"_s, u"1"_s, u"--reason"_s, u"count"_s}, m_db).code,
             0);
}

void TestCliDatabase::readOnlyCommandsCreateANewDatabase()
{
    // A location with no database yet: created and migrated once, like any open.
    const Testing::CliRun r = Testing::runCli({u"stock"_s, u"--json"_s}, m_db);
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
    QVERIFY(QFile::exists(m_db));
}

void TestCliDatabase::deliveriesTakesNoWriteLockOfTheInbox()
{
    // The inbox is a file of its own, with its own schema (not the inventory's migrations):
    // deliveries reads it while a running intake holds its write lock.
    QString error;
    auto writer = InboxStore::open(InboxStore::locationFor(m_db), true, &error);
    QVERIFY2(writer, qPrintable(error));
    Delivery delivery;
    delivery.channel = u"shop"_s;
    delivery.topic = "orders/create";
    delivery.body = "{}";
    delivery.receivedAtMs = 1;
    QVERIFY(InboxStore(*writer).append({delivery}).ok());
    QVERIFY(writer->beginWrite());
    const Testing::CliRun r = Testing::runCli({u"deliveries"_s, u"--json"_s}, m_db);
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(!r.err.contains("lock"), r.err.constData());
    const QJsonArray listed = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value(u"status"_s).toString(), u"pending"_s);
    writer->rollback();
}

QTEST_GUILESS_MAIN(TestCliDatabase)
#include "tst_cli_database.moc"
