// The real channeldesk-cli's whatif on a database holding the seeds' order streams: `whatif
// --json` prints exactly {"poll_minutes","orders_per_window","stale_per_window_polling",
// "stale_per_window_measured","worst_windows"} and reproduces their 5.2 / 5.8 / 57.8 at 15-minute
// polling; bad --poll and --since values are refused with exit 1 and nothing printed.
#include "clirun.h"
#include "salelog.h"
#include "store/metricslog.h"
#include "store/mutationlog.h"
#include "store/writetransaction.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDay = 24 * 60 * 60 * 1000;

// An import two days ago, then perDay sales of one SKU over the last day, taking turns on two
// shops, and one lag sample of lagMs a minute ago.
void writeOrders(Database &db, qint64 perDay, qint64 lagMs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        WriteTransaction tx(db);
        QVERIFY(tx.ok());
        Mutation import;
        import.sku = u"MUG-1"_s;
        import.delta = 100'000;
        import.kind = MutationKind::Import;
        import.atMs = now - 2 * kDay;
        QVERIFY(MutationLog(db).append(import));
        QVERIFY(tx.commit());
    }
    appendEvenSales(db, perDay, now - kDay, kDay, {u"shop-us"_s, u"ebay-de"_s}, u"MUG-1"_s);
    QVERIFY(MetricsLog(db).recordLag(u"ebay-de"_s, now - 60'000, lagMs));
}

} // namespace

class TestCliWhatIf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedsFigures_data();
    void seedsFigures();
    void tableOutput();
    void badValues_data();
    void badValues();
};

void TestCliWhatIf::seedsFigures_data()
{
    QTest::addColumn<qint64>("perDay");
    QTest::addColumn<qint64>("lagMs");
    QTest::addColumn<double>("perWindow");
    QTest::addColumn<double>("staleMeasured");
    QTest::newRow("500/day") << qint64(500) << qint64(60) << 5.2 << 0.0;
    QTest::newRow("555/day") << qint64(555) << qint64(60) << 5.8 << 0.0;
    QTest::newRow("10x flash sale") << qint64(5550) << qint64(60) << 57.8 << 0.0;
    // A lag longer than the gap between sales leaves them stale even with push.
    QTest::newRow("10x flash sale, 20 s lag") << qint64(5550) << qint64(20'000) << 57.8 << 57.8;
}

void TestCliWhatIf::seedsFigures()
{
    QFETCH(qint64, perDay);
    QFETCH(qint64, lagMs);
    QFETCH(double, perWindow);
    QFETCH(double, staleMeasured);
    TestDatabase t;
    writeOrders(t.db(), perDay, lagMs);

    const CliRun r = runCli({u"whatif"_s, u"--json"_s, u"--since"_s, u"1"_s}, t.path());
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(
        json.keys(),
        (QStringList {u"orders_per_window"_s, u"poll_minutes"_s, u"stale_per_window_measured"_s,
                      u"stale_per_window_polling"_s, u"worst_windows"_s}));
    QCOMPARE(json[u"poll_minutes"_s].toInt(), 15);
    QCOMPARE(json[u"orders_per_window"_s].toDouble(), perWindow);
    QCOMPARE(json[u"stale_per_window_polling"_s].toDouble(), perWindow);
    QCOMPARE(json[u"stale_per_window_measured"_s].toDouble(), staleMeasured);
    const QJsonArray worst = json[u"worst_windows"_s].toArray();
    QCOMPARE(worst.size(), 10);
    const QJsonObject first = worst.first().toObject();
    QCOMPARE(first.keys(),
             (QStringList {u"orders"_s, u"stale_measured"_s, u"stale_polling"_s, u"start"_s}));
    QVERIFY(first[u"stale_polling"_s].toInt() >=
            worst.last().toObject()[u"stale_polling"_s].toInt());
}

void TestCliWhatIf::tableOutput()
{
    TestDatabase t;
    writeOrders(t.db(), 500, 60);
    const CliRun r = runCli({u"whatif"_s, u"--poll"_s, u"60"_s, u"--since"_s, u"1"_s}, t.path());
    QCOMPARE(r.code, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(u"24.0 polling windows of 60 min"_s), r.out.constData());
    // 500 / 24 (or 499 / 24, the first sale being a few milliseconds older than the day).
    QVERIFY2(out.contains(QRegularExpression(u"orders per window +20\\.8"_s)), r.out.constData());
    QVERIFY2(out.contains(QRegularExpression(u"polling every 60 min +20\\.8"_s)),
             r.out.constData());
    QVERIFY2(out.contains(QRegularExpression(u"measured lag \\(p99 60 ms\\) +0\\.0"_s)),
             r.out.constData());
    QVERIFY2(out.contains(u"STALE POLLING"_s), r.out.constData());
}

void TestCliWhatIf::badValues_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("poll 0") << QStringList {u"--poll"_s, u"0"_s} << u"--poll"_s;
    QTest::newRow("poll over a day") << QStringList {u"--poll"_s, u"1441"_s} << u"--poll"_s;
    QTest::newRow("poll not a number") << QStringList {u"--poll"_s, u"15m"_s} << u"--poll"_s;
    QTest::newRow("poll negative") << QStringList {u"--poll"_s, u"-15"_s} << u"--poll"_s;
    QTest::newRow("since 0") << QStringList {u"--since"_s, u"0"_s} << u"--since"_s;
    QTest::newRow("since over a year") << QStringList {u"--since"_s, u"367"_s} << u"--since"_s;
    QTest::newRow("since a fraction") << QStringList {u"--since"_s, u"1.5"_s} << u"--since"_s;
    QTest::newRow("stray argument") << QStringList {u"extra"_s} << u"extra"_s;
}

void TestCliWhatIf::badValues()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    TestDatabase t;
    const CliRun r = runCli(QStringList {u"whatif"_s, u"--json"_s} + args, t.path());
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliWhatIf)
#include "tst_cli_whatif.moc"
