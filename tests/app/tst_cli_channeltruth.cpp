// channeldesk-cli map-pull and reconcile, as a merchant runs them, against the eBay simulator in
// this process: the exit codes and the exact JSON fields of issue 10.
#include "simfixture.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestCliChannelTruth : public QObject, public SimFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { tearDown(); }
    void badInvocations_data();
    void badInvocations();
    void mapPullReportsAndReconcileFixes();
    void dryRunMapsNothing();
    void unreachableChannelIsExitFour();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs the CLI while this process's simulator answers (its clock moves as we wait).
    Run cli(QStringList args)
    {
        args << u"--db"_s << m_dir.filePath(u"inv.sqlite"_s);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"EBAY_TOKEN"_s, u"v^1.1#ebay"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CLI_PATH), args);
        const bool done = QTest::qWaitFor(
            [&] {
                m_clock->advance(100);
                return p.state() == QProcess::NotRunning;
            },
            120'000);
        if (!done)
            qFatal("channeldesk-cli did not finish");
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    QString config(quint16 port)
    {
        const QJsonObject channel {
            {u"id"_s, u"ebay"_s},
            {u"type"_s, u"ebay"_s},
            {u"base_url"_s, u"http://127.0.0.1:%1/ebay"_s.arg(port)},
            {u"credentials"_s, QJsonObject {{u"token_env"_s, u"EBAY_TOKEN"_s}}}};
        return write(u"channels.json"_s,
                     QJsonDocument(QJsonObject {{u"channels"_s, QJsonArray {channel}}}).toJson());
    }

    QTemporaryDir m_dir;
};

void TestCliChannelTruth::init()
{
    setUp();
    // Every test on a fresh inventory: mappings made by one are not there for the next.
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(m_dir.filePath(u"inv.sqlite"_s + suffix));
    QString error;
    QVERIFY(m_sim->channel(u"ebay"_s)->seedListings(
        {{u"Z-9"_s, QJsonObject {{u"quantity"_s, 1}, {u"sku"_s, u"Z-9"_s}}}}, &error));
    QCOMPARE(cli({u"import-stock"_s,
                  write(u"stock.csv"_s,
                        "sku,available\nA-1,10\nA-2,5\n"
                        "LOCAL,3\n")})
                 .code,
             0);
}

void TestCliChannelTruth::badInvocations_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("map-pull without channel")
        << QStringList {u"map-pull"_s, u"--config"_s, u"@"_s} << QByteArray("CHANNEL");
    QTest::newRow("map-pull unknown channel")
        << QStringList {u"map-pull"_s, u"etsy"_s, u"--config"_s, u"@"_s}
        << QByteArray("no channel \"etsy\"");
    QTest::newRow("map-pull bad adopt")
        << QStringList {u"map-pull"_s, u"ebay"_s, u"--config"_s, u"@"_s, u"--adopt"_s, u"mine"_s}
        << QByteArray("--adopt must be ours or theirs");
    QTest::newRow("map-pull without config")
        << QStringList {u"map-pull"_s, u"ebay"_s} << QByteArray("--config FILE is required");
    QTest::newRow("reconcile unknown channel")
        << QStringList {u"reconcile"_s, u"--config"_s, u"@"_s, u"--channel"_s, u"etsy"_s}
        << QByteArray("no channel \"etsy\"");
}

void TestCliChannelTruth::badInvocations()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const QString path = config(m_port);
    for (QString &a : args) {
        if (a == "@"_L1)
            a = path;
    }
    const Run r = cli(args);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(message), r.err.constData());
}

void TestCliChannelTruth::mapPullReportsAndReconcileFixes()
{
    const QString path = config(m_port);
    Run r = cli({u"map-pull"_s, u"ebay"_s, u"--config"_s, path, u"--json"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject pull = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(pull.value("channel"_L1).toString(), u"ebay"_s);
    QCOMPARE(pull.value("listings"_L1).toInt(), 3);
    QCOMPARE(pull.value("mapped"_L1).toInt(), 2);
    QCOMPARE(pull.value("already_mapped"_L1).toInt(), 0);
    QCOMPARE(pull.value("unmatched_remote"_L1).toArray(),
             (QJsonArray {QJsonObject {
                 {u"remote_id"_s, u"Z-9"_s}, {u"sku"_s, u"Z-9"_s}, {u"quantity"_s, 1}}}));
    QCOMPARE(pull.value("unmatched_local"_L1).toArray(), QJsonArray {u"LOCAL"_s});
    QCOMPARE(pull.value("drift"_L1).toArray(),
             (QJsonArray {QJsonObject {{u"sku"_s, u"A-2"_s},
                                       {u"remote_id"_s, u"A-2"_s},
                                       {u"shown"_s, 3},
                                       {u"expected"_s, 5}}}));
    QCOMPARE(stats(u"ebay"_s).value("write_count"_L1).toInt(), 0); // nothing pushed unasked

    // A second pull finds them mapped.
    r = cli({u"map-pull"_s, u"ebay"_s, u"--config"_s, path, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value("already_mapped"_L1).toInt(), 2);

    QVERIFY(m_sim->channel(u"ebay"_s)->setShownQuantity(u"A-1"_s, 7)); // typed in eBay
    r = cli({u"reconcile"_s, u"--config"_s, path, u"--json"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    QJsonArray drift = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(drift.size(), 2);
    const QJsonObject first = drift.at(0).toObject();
    const QStringList keys = first.keys();
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()),
             (QSet<QString> {u"channel"_s, u"sku"_s, u"remote_id"_s, u"shown"_s, u"expected"_s,
                             u"since"_s}));
    QCOMPARE(first.value("sku"_L1).toString(), u"A-1"_s);
    QCOMPARE(first.value("shown"_L1).toInt(), 7);
    QCOMPARE(first.value("expected"_L1).toInt(), 10);
    QVERIFY(!first.value("since"_L1).toString().isEmpty());

    r = cli(
        {u"reconcile"_s, u"--config"_s, path, u"--channel"_s, u"ebay"_s, u"--fix"_s, u"--json"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    drift = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(drift.size(), 2);
    QCOMPARE(drift.at(0).toObject().value("fixed"_L1), QJsonValue(true));
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-1"_s)->quantity, 10);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-2"_s)->quantity, 5);

    r = cli({u"reconcile"_s, u"--config"_s, path, u"--json"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array(), QJsonArray {});
    r = cli({u"audit"_s, u"--sku"_s, u"A-1"_s});
    QVERIFY2(r.out.contains("reconcile"), r.out.constData());
}

void TestCliChannelTruth::dryRunMapsNothing()
{
    const QString path = config(m_port);
    Run r = cli({u"map-pull"_s, u"ebay"_s, u"--config"_s, path, u"--json"_s, u"--dry-run"_s,
                 u"--adopt"_s, u"ours"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    QJsonObject pull = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(pull.value("dry_run"_L1), QJsonValue(true));
    QCOMPARE(pull.value("mapped"_L1).toInt(), 2); // would be
    QCOMPARE(pull.value("pushed"_L1).toArray(), QJsonArray {u"A-2"_s}); // would be
    QCOMPARE(pull.value("drift"_L1).toArray().size(), 1);
    QCOMPARE(stats(u"ebay"_s).value("write_count"_L1).toInt(), 0);
    r = cli({u"map-pull"_s, u"ebay"_s, u"--config"_s, path, u"--dry-run"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.contains("2 would be mapped, 0 already mapped (dry run"), r.out.constData());

    // Nothing was mapped: the real pull maps both, and has no dry_run field.
    r = cli({u"map-pull"_s, u"ebay"_s, u"--config"_s, path, u"--json"_s});
    pull = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(pull.value("mapped"_L1).toInt(), 2);
    QCOMPARE(pull.value("already_mapped"_L1).toInt(), 0);
    QVERIFY(!pull.contains("dry_run"_L1));
}

void TestCliChannelTruth::unreachableChannelIsExitFour()
{
    const Run r = cli({u"reconcile"_s, u"--config"_s, config(1), u"--json"_s});
    QVERIFY(r.code == 0 || r.code == 4); // no mapped listing yet: nothing to read
    const Run pull = cli({u"map-pull"_s, u"ebay"_s, u"--config"_s, config(1)});
    QCOMPARE(pull.code, 4);
    QVERIFY2(pull.err.contains("nothing was mapped"), pull.err.constData());
}

QTEST_MAIN(TestCliChannelTruth)
#include "tst_cli_channeltruth.moc"
