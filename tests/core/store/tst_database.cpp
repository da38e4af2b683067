#include "store/database.h"
#include "store/migrations.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

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
    void stockNeverNegativeAtTheSchemaLevel();
};

void TestDatabase::freshFileIsMigrated()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"sub/inv.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), allMigrations().constLast().version);
    for (const QString &table : {u"stock"_s, u"idempotency_keys"_s, u"mutations"_s,
                                 u"channel_cursors"_s, u"listings"_s, u"dead_letters"_s}) {
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

void TestDatabase::stockNeverNegativeAtTheSchemaLevel()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"inv.sqlite"_s), &error);
    QVERIFY(db);
    QVERIFY(db->exec(u"INSERT INTO stock (sku, available) VALUES ('A', 1)"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
    QVERIFY(!db->exec(u"UPDATE stock SET available = -1 WHERE sku = 'A'"_s));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
