// The CLI contract of buffers per channel, on the real channeldesk-cli binary: buffer-import
// (all rows or none, line-numbered errors, exit codes like import-stock, audited) and what
// `stock --channels` says each channel should show.
#include "clirun.h"
#include "store/database.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliBuffers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void importSetsAndAudits();
    void badFiles_data();
    void badFiles();
    void needsTheConfig();
    void unusableDatabase();
    void stockShowsExpectedPerChannel();

private:
    using Run = ChannelDesk::Testing::CliRun;
    Run cli(QStringList args);
    QString write(const QString &name, const QByteArray &content);
    Run import(const QByteArray &csv)
    {
        return cli({u"buffer-import"_s, write(u"b.csv"_s, csv), u"--config"_s, m_config});
    }
    qint64 overrides();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_config;
};

// (After the class: moc reads the "//" of a URL in a raw string as a comment.)
namespace {
// Two channels; the shop shows half of what is left after a reserve of 2. Secrets are named but
// not needed: nothing here talks to a channel.
const QByteArray kConfig = R"({"channels": [
  {"id": "shop", "type": "ebay", "base_url": "http://127.0.0.1:9",
   "credentials": {"token_env": "CHANNELDESK_TEST_UNSET_VARIABLE"},
   "buffer": {"reserve": 2, "percent": 50}},
  {"id": "ebay", "type": "ebay", "base_url": "http://127.0.0.1:9",
   "credentials": {"token_env": "CHANNELDESK_TEST_UNSET_VARIABLE"}}]})";
const QByteArray kHeader = "channel,sku,reserve,percent,max,pause_at\n";
} // namespace

void TestCliBuffers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(u"inv.sqlite"_s);
    m_config = write(u"channeldesk.json"_s, kConfig);
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA,20\nB,3\n")}).code, 0);
    QCOMPARE(cli({u"map-import"_s,
                  write(u"m.csv"_s, "channel,sku,remote_id\nshop,A,1\nshop,B,2\nebay,A,A\n")})
                 .code,
             0);
}

TestCliBuffers::Run TestCliBuffers::cli(QStringList args)
{
    return ChannelDesk::Testing::runCli(std::move(args), m_db);
}

QString TestCliBuffers::write(const QString &name, const QByteArray &content)
{
    return ChannelDesk::Testing::writeFile(m_dir->filePath(name), content);
}

qint64 TestCliBuffers::overrides()
{
    QString error;
    auto db = ChannelDesk::Database::open(m_db, &error);
    if (!db)
        qFatal("%s", qPrintable(error));
    QSqlQuery q(db->connection());
    if (!q.exec(u"SELECT COUNT(*) FROM listing_buffers"_s) || !q.next())
        qFatal("cannot count the overrides");
    return q.value(0).toLongLong();
}

void TestCliBuffers::importSetsAndAudits()
{
    const Run r = import(kHeader + "shop,A,,100,,\nebay,A,,,5,\nshop,B,,,,\n");
    QVERIFY2(r.code == 0, r.err.constData());
    // shop A: 10 -> 20; eBay A: 20 -> 5; shop B inherits everything, as it did.
    QCOMPARE(r.out.trimmed(),
             QByteArray("imported 3 rows: 2 changed, 1 unchanged; 2 listings to send again"));
    QCOMPARE(overrides(), 2);

    const Run audit = cli({u"audit"_s, u"--sku"_s, u"A"_s, u"--json"_s});
    QCOMPARE(audit.code, 0);
    QJsonArray rows;
    for (const QJsonValue &v : QJsonDocument::fromJson(audit.out).array()) {
        if (v[u"kind"_s].toString() == "buffer"_L1)
            rows.append(v);
    }
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0)[u"channel"_s].toString(), u"shop"_s);
    QCOMPARE(rows.at(0)[u"actor"_s].toString(), u"cli"_s);
    QVERIFY2(rows.at(0)[u"reason"_s].toString().startsWith(u"buffer import: reserve inherited, "
                                                           "percent 100"_s),
             qPrintable(rows.at(0)[u"reason"_s].toString()));

    // The same file again changes nothing; a row of empty cells removes an override.
    QCOMPARE(import(kHeader + "shop,A,,100,,\nebay,A,,,5,\n").out.trimmed(),
             QByteArray("imported 2 rows: 0 changed, 2 unchanged; 0 listings to send again"));
    QCOMPARE(import(kHeader + "ebay,A,,,,\n").code, 0);
    QCOMPARE(overrides(), 1);
}

void TestCliBuffers::badFiles_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown channel") << kHeader + "shop,A,1,,,\netsy,A,1,,,\n"
                                     << QByteArray("line 3: unknown channel \"etsy\"");
    QTest::newRow("unknown SKU") << kHeader + "shop,A,1,,,\nshop,ZZ,1,,,\n"
                                 << QByteArray("line 3: unknown SKU \"ZZ\" (import stock first)");
    QTest::newRow("percent 150")
        << kHeader + "shop,A,1,,,\nshop,B,,150,,\n"
        << QByteArray("line 3: percent \"150\" must be a whole number from 0 to 100");
    QTest::newRow("missing field") << kHeader + "shop,A,1,,,\nshop,B\n"
                                   << QByteArray("line 3: expected 6 fields, found 2");
    QTest::newRow("twice") << kHeader + "shop,A,1,,,\nshop,A,2,,,\n"
                           << QByteArray("line 3: A on shop is set twice (first on line 2)");
    QTest::newRow("bad header") << QByteArray("channel,sku,buffer\nshop,A,1\n")
                                << QByteArray("line 1: unknown column \"buffer\"");
}

void TestCliBuffers::badFiles()
{
    QFETCH(QByteArray, csv);
    QFETCH(QByteArray, message);
    const Run r = import(csv);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(r.err.contains("nothing was imported"));
    QCOMPARE(overrides(), 0); // not even the good first row
}

void TestCliBuffers::needsTheConfig()
{
    const Run r = cli({u"buffer-import"_s, write(u"b.csv"_s, kHeader + "shop,A,1,,,\n")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("--config is required"), r.err.constData());
    const Run bad =
        cli({u"buffer-import"_s, write(u"b.csv"_s, kHeader + "shop,A,1,,,\n"), u"--config"_s,
             write(u"bad.json"_s, R"({"channels": [{"id": "shop", "type": "ebay",
                               "base_url": "http://x", "credentials": {"token_env": "T"},
                               "buffer": {"percent": 101}}]})")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains("channels[0].buffer.percent"), bad.err.constData());
    QCOMPARE(overrides(), 0);
}

void TestCliBuffers::unusableDatabase()
{
    const QString notADb =
        write(u"junk.sqlite"_s, QByteArray("definitely not sqlite ").repeated(100));
    const Run r = cli({u"buffer-import"_s, write(u"b.csv"_s, kHeader + "shop,A,1,,,\n"),
                       u"--config"_s, m_config, u"--db"_s, notADb});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("unusable database"));
}

void TestCliBuffers::stockShowsExpectedPerChannel()
{
    QCOMPARE(import(kHeader + "ebay,A,,,5,\n").code, 0);
    // Nothing sent yet: nothing acknowledged; the config's rule and the override give expected.
    const Run r = cli({u"stock"_s, u"--json"_s, u"--channels"_s, u"--config"_s, m_config});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray stock = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(stock.size(), 2);
    QCOMPARE(stock.at(0)[u"sku"_s].toString(), u"A"_s);
    QCOMPARE(stock.at(0)[u"available"_s].toInteger(), 20); // the fields of plain --json stay
    QHash<QString, QJsonObject> a;
    for (const QJsonValue &c : stock.at(0)[u"channels"_s].toArray())
        a.insert(c[u"channel"_s].toString(), c.toObject());
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.value(u"shop"_s).value(u"expected"_s).toInteger(), 9); // (20 - 2) / 2
    QCOMPARE(a.value(u"ebay"_s).value(u"expected"_s).toInteger(), 5);
    QVERIFY(a.value(u"shop"_s).value(u"acked_quantity"_s).isNull());
    QCOMPARE(a.value(u"shop"_s).value(u"remote_id"_s).toString(), u"1"_s);
    QCOMPARE(a.value(u"shop"_s).value(u"state"_s).toString(), u"pending"_s);
    const QJsonObject b = stock.at(1)[u"channels"_s].toArray().first().toObject();
    QCOMPARE(b.value(u"expected"_s).toInteger(), 0); // (3 - 2) / 2 rounds down
    QCOMPARE(b.value(u"expected_paused"_s).toBool(), false);

    // Once a channel acknowledged, it is shown beside what is expected.
    {
        QString error;
        auto db = ChannelDesk::Database::open(m_db, &error);
        QVERIFY(db);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(u"SELECT version FROM stock WHERE sku = 'A'"_s) && q.next());
        QVERIFY(ChannelDesk::PropagationStore(*db).acknowledge(
            u"shop"_s, {{u"A"_s, q.value(0).toLongLong(), 9, false}}, 0));
    }
    const Run text = cli({u"stock"_s, u"--channels"_s, u"--config"_s, m_config});
    QCOMPARE(text.code, 0);
    const QList<QByteArray> lines = text.out.trimmed().split('\n');
    QVERIFY2(lines.at(0).contains("EBAY") && lines.at(0).contains("SHOP"), lines.at(0).constData());
    QVERIFY2(lines.at(1).contains("5/?") && lines.at(1).contains("9/9"), lines.at(1).constData());

    // Plain --json is unchanged: no per-channel part.
    const Run plain = cli({u"stock"_s, u"--json"_s});
    QVERIFY(!QJsonDocument::fromJson(plain.out).array().at(0).toObject().contains(u"channels"_s));
}

QTEST_GUILESS_MAIN(TestCliBuffers)
#include "tst_clibuffers.moc"
