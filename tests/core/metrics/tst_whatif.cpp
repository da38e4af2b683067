// WhatIf: the seeds' arithmetic (500 orders a day is 5.2 orders per 15-minute window taken
// against stale stock, 555 a day 5.8, a 10x flash sale 57.8) reproduced from an order log, and
// what makes an order stale: a change from elsewhere younger than the polling interval (or the
// measured lag), never the channel's own sales.
#include "metrics/whatif.h"
#include "salelog.h"
#include "store/metricslog.h"
#include "store/mutationlog.h"
#include "store/writetransaction.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QTest>

#include <optional>

using namespace ChannelDesk;
using ChannelDesk::Testing::sale;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMin;
constexpr qint64 kStart = 1'780'000'000'000; // a Monday in 2026, any time works

Mutation adjustment(const QString &sku, qint64 atMs)
{
    Mutation m;
    m.sku = sku;
    m.delta = 5;
    m.kind = MutationKind::Adjust;
    m.actor = u"ops"_s;
    m.atMs = atMs;
    return m;
}

// `count` orders spread evenly over [kStart, kStart + span), taking turns on the channels, each
// from one of `skus` SKUs in turn.
QList<Mutation> evenOrders(qint64 count, qint64 span, const QStringList &channels, int skus)
{
    QList<Mutation> log;
    for (qint64 i = 0; i < count; ++i) {
        log.append(sale(channels.at(i % channels.size()), u"o%1"_s.arg(i),
                        u"SKU-%1"_s.arg(i % skus), kStart + i * span / count));
    }
    return log;
}

double oneDecimal(double x)
{
    return qRound64(x * 10) / 10.0;
}

WhatIf::Report replay(const QList<Mutation> &log, qint64 span, int pollMinutes,
                      std::optional<qint64> lagMs)
{
    WhatIf whatIf(kStart, kStart + span, pollMinutes, lagMs);
    for (const Mutation &m : log)
        whatIf.add(m);
    return whatIf.report();
}

} // namespace

class TestWhatIf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedsArithmetic_data();
    void seedsArithmetic();
    void staleByChangeAge_data();
    void staleByChangeAge();
    void newestChangeFromElsewhere_data();
    void newestChangeFromElsewhere();
    void linesOfOneOrderCountOnce();
    void worstWindowsFirst();
    void noLagMeasured();
    void aYoungLogIsOneWindow();
    void replayFromTheDatabase();
};

void TestWhatIf::seedsArithmetic_data()
{
    QTest::addColumn<qint64>("perDay");
    QTest::addColumn<QStringList>("channels");
    QTest::addColumn<int>("skus");
    QTest::addColumn<int>("pollMinutes");
    QTest::addColumn<qint64>("lagMs");
    QTest::addColumn<double>("ordersPerWindow");
    QTest::addColumn<double>("stalePolling");
    QTest::addColumn<double>("staleMeasured");

    const QStringList two {u"shop-us"_s, u"ebay-de"_s};
    // The seeds: one SKU sold on several shops, polled every 15 minutes (96 windows a day).
    QTest::newRow("seeds: 500/day")
        << qint64(500) << two << 1 << 15 << qint64(60) << 5.2 << 5.2 << 0.0;
    QTest::newRow("seeds: 555/day")
        << qint64(555) << two << 1 << 15 << qint64(60) << 5.8 << 5.8 << 0.0;
    QTest::newRow("seeds: 10x flash sale")
        << qint64(5550) << two << 1 << 15 << qint64(60) << 57.8 << 57.8 << 0.0;
    QTest::newRow("flash sale, lag above the order spacing")
        << qint64(5550) << two << 1 << 15 << qint64(20'000) << 57.8 << 57.8 << 57.8;
    QTest::newRow("hourly polling")
        << qint64(500) << two << 1 << 60 << qint64(60) << 20.8 << 20.8 << 0.0;
    // A shop knows its own sales: with one shop nothing is stale.
    QTest::newRow("one channel") << qint64(500) << QStringList {u"shop-us"_s} << 1 << 15
                                 << qint64(60) << 5.2 << 0.0 << 0.0;
    // Every order on a SKU of its own: no earlier change to have missed.
    QTest::newRow("a SKU per order")
        << qint64(500) << two << 500 << 15 << qint64(60) << 5.2 << 0.0 << 0.0;
    // 72 a day is one every 20 minutes: the previous sale is older than the interval.
    QTest::newRow("sales further apart than the interval")
        << qint64(72) << two << 1 << 15 << qint64(60) << 0.8 << 0.0 << 0.0;
}

void TestWhatIf::seedsArithmetic()
{
    QFETCH(qint64, perDay);
    QFETCH(QStringList, channels);
    QFETCH(int, skus);
    QFETCH(int, pollMinutes);
    QFETCH(qint64, lagMs);
    QFETCH(double, ordersPerWindow);
    QFETCH(double, stalePolling);
    QFETCH(double, staleMeasured);

    const WhatIf::Report r =
        replay(evenOrders(perDay, kDay, channels, skus), kDay, pollMinutes, lagMs);
    QCOMPARE(r.orders, perDay);
    QCOMPARE(r.windows, 24.0 * 60 / pollMinutes);
    QCOMPARE(oneDecimal(r.ordersPerWindow), ordersPerWindow);
    QCOMPARE(oneDecimal(r.stalePerWindowPolling), stalePolling);
    QVERIFY(r.stalePerWindowMeasured);
    QCOMPARE(oneDecimal(*r.stalePerWindowMeasured), staleMeasured);

    // The JSON carries the same figures, to one decimal, under the names.
    const QJsonObject json = r.toJson();
    QCOMPARE(
        json.keys(),
        (QStringList {u"orders_per_window"_s, u"poll_minutes"_s, u"stale_per_window_measured"_s,
                      u"stale_per_window_polling"_s, u"worst_windows"_s}));
    QCOMPARE(json[u"poll_minutes"_s].toInt(), pollMinutes);
    QCOMPARE(json[u"orders_per_window"_s].toDouble(), ordersPerWindow);
    QCOMPARE(json[u"stale_per_window_polling"_s].toDouble(), stalePolling);
    QCOMPARE(json[u"stale_per_window_measured"_s].toDouble(), staleMeasured);
}

void TestWhatIf::staleByChangeAge_data()
{
    QTest::addColumn<Mutation>("change");
    QTest::addColumn<qint64>("orderAfterMs");
    QTest::addColumn<bool>("stalePolling");
    QTest::addColumn<bool>("staleMeasured");

    const qint64 at = kStart + kMin;
    // Measured lag 2 s, polling every 15 minutes.
    QTest::newRow("adjustment 1 s before")
        << adjustment(u"A"_s, at) << qint64(1000) << true << true;
    QTest::newRow("adjustment 5 min before") << adjustment(u"A"_s, at) << 5 * kMin << true << false;
    QTest::newRow("adjustment 15 min before")
        << adjustment(u"A"_s, at) << 15 * kMin << false << false;
    QTest::newRow("other shop's sale 1 s before")
        << sale(u"ebay-de"_s, u"e1"_s, u"A"_s, at) << qint64(1000) << true << true;
    QTest::newRow("own shop's sale 1 s before")
        << sale(u"shop-us"_s, u"s0"_s, u"A"_s, at) << qint64(1000) << false << false;
    QTest::newRow("other SKU 1 s before")
        << adjustment(u"B"_s, at) << qint64(1000) << false << false;
    // A change before the replayed span still counts against the span's first orders.
    QTest::newRow("change before the span")
        << adjustment(u"A"_s, kStart - kMin) << qint64(2 * kMin) << true << false;
    // Lines waiting for a mapping took nothing: they change no stock.
    Mutation waiting = sale(u"ebay-de"_s, u"e2"_s, u"A"_s, at);
    waiting.kind = MutationKind::Unmatched;
    waiting.delta = 0;
    QTest::newRow("unmatched line 1 s before") << waiting << qint64(1000) << false << false;
}

void TestWhatIf::staleByChangeAge()
{
    QFETCH(Mutation, change);
    QFETCH(qint64, orderAfterMs);
    QFETCH(bool, stalePolling);
    QFETCH(bool, staleMeasured);

    const QList<Mutation> log {change,
                               sale(u"shop-us"_s, u"s1"_s, u"A"_s, change.atMs + orderAfterMs)};
    const WhatIf::Report r = replay(log, kDay, 15, 2000);
    QCOMPARE(r.orders, change.kind == MutationKind::Order ? 2 : 1); // the earlier one is first
    QCOMPARE(r.stalePolling, stalePolling ? 1 : 0);
    QCOMPARE(r.staleMeasured, staleMeasured ? 1 : 0);
}

void TestWhatIf::newestChangeFromElsewhere_data()
{
    // Several sources of change to one SKU: each order is stale when the newest change from
    // anything but its own channel is younger than 15 minutes (whatever its own sales did since).
    QTest::addColumn<QList<Mutation>>("log");
    QTest::addColumn<qint64>("stalePolling");

    const qint64 t = kStart + kDay / 2;
    QTest::newRow("adjustment under the shop's own sales")
        << QList<Mutation> {adjustment(u"A"_s, t - 10 * kMin),
                            sale(u"shop-us"_s, u"s0"_s, u"A"_s, t - 1000),
                            sale(u"shop-us"_s, u"s1"_s, u"A"_s, t)}
        << qint64(2);
    QTest::newRow("the newer of two other shops")
        << QList<Mutation> {sale(u"ebay"_s, u"e1"_s, u"A"_s, t - 20 * kMin),
                            sale(u"woo"_s, u"w1"_s, u"A"_s, t - 10 * kMin),
                            sale(u"shop-us"_s, u"s1"_s, u"A"_s, t)}
        << qint64(2);
    QTest::newRow("the shop that changed last sells again")
        << QList<Mutation> {sale(u"ebay"_s, u"e1"_s, u"A"_s, t - 20 * kMin),
                            sale(u"shop-us"_s, u"s0"_s, u"A"_s, t - 19 * kMin),
                            sale(u"ebay"_s, u"e2"_s, u"A"_s, t - 18 * kMin),
                            sale(u"ebay"_s, u"e3"_s, u"A"_s, t)}
        << qint64(2);
    QTest::newRow("only old changes from elsewhere")
        << QList<Mutation> {adjustment(u"A"_s, t - 30 * kMin),
                            sale(u"shop-us"_s, u"s0"_s, u"A"_s, t - 1000),
                            sale(u"shop-us"_s, u"s1"_s, u"A"_s, t)}
        << qint64(0);
}

void TestWhatIf::newestChangeFromElsewhere()
{
    QFETCH(QList<Mutation>, log);
    QFETCH(qint64, stalePolling);
    const WhatIf::Report r = replay(log, kDay, 15, std::nullopt);
    QCOMPARE(r.stalePolling, stalePolling);
}

void TestWhatIf::linesOfOneOrderCountOnce()
{
    const QList<Mutation> log {
        adjustment(u"A"_s, kStart),
        adjustment(u"B"_s, kStart),
        sale(u"shop-us"_s, u"s1"_s, u"A"_s, kStart + 1000),
        sale(u"shop-us"_s, u"s1"_s, u"B"_s, kStart + 1000),
        sale(u"shop-us"_s, u"s1"_s, u"C"_s, kStart + 1000),
        // The same order id on another channel is another order.
        sale(u"ebay-de"_s, u"s1"_s, u"C"_s, kStart + 2000),
    };
    const WhatIf::Report r = replay(log, kDay, 15, 5000);
    QCOMPARE(r.orders, 2);
    QCOMPARE(r.stalePolling, 2);
    QCOMPARE(r.staleMeasured, 2);
}

void TestWhatIf::worstWindowsFirst()
{
    // Window 0: 3 orders, 1 stale. Window 2: 3 orders, 2 stale. Window 5: 1 order, 0 stale.
    const qint64 w = 15 * kMin;
    const QList<Mutation> log {
        sale(u"a"_s, u"1"_s, u"X"_s, kStart + 1000),
        sale(u"b"_s, u"2"_s, u"X"_s, kStart + 2000),
        sale(u"a"_s, u"3"_s, u"Y"_s, kStart + 3000),
        sale(u"a"_s, u"4"_s, u"Z"_s, kStart + 2 * w + 1000),
        sale(u"b"_s, u"5"_s, u"Z"_s, kStart + 2 * w + 2000),
        sale(u"a"_s, u"6"_s, u"Z"_s, kStart + 2 * w + 3000),
        sale(u"a"_s, u"7"_s, u"Q"_s, kStart + 5 * w),
    };
    const WhatIf::Report r = replay(log, kDay, 15, 1500);
    QCOMPARE(r.worstWindows,
             (QList<WhatIf::Window> {
                 {kStart + 2 * w, 3, 2, 2}, {kStart, 3, 1, 1}, {kStart + 5 * w, 1, 0, 0}}));
    WhatIf limited(kStart, kStart + kDay, 15, 1500);
    for (const Mutation &m : log)
        limited.add(m);
    QCOMPARE(limited.report(1).worstWindows.size(), 1);
    const QJsonArray worst = r.toJson()[u"worst_windows"_s].toArray();
    QCOMPARE(worst.size(), 3);
    QCOMPARE(worst[0].toObject(),
             (QJsonObject {{u"start"_s, u"2026-05-28T20:56:40.000Z"_s},
                           {u"orders"_s, 3},
                           {u"stale_polling"_s, 2},
                           {u"stale_measured"_s, 2}}));
}

void TestWhatIf::noLagMeasured()
{
    const WhatIf::Report r = replay(evenOrders(500, kDay, {u"a"_s, u"b"_s}, 1), kDay, 15, {});
    QVERIFY(!r.stalePerWindowMeasured);
    const QJsonObject json = r.toJson();
    QVERIFY(json[u"stale_per_window_measured"_s].isNull());
    QVERIFY(json[u"worst_windows"_s].toArray()[0].toObject()[u"stale_measured"_s].isNull());
    QCOMPARE(json[u"stale_per_window_polling"_s].toDouble(), 5.2);
}

void TestWhatIf::aYoungLogIsOneWindow()
{
    // Ten sales in the first minute of an installation: ten in the window so far, not 150.
    const WhatIf::Report r =
        replay(evenOrders(10, 60'000, {u"a"_s, u"b"_s}, 1), 60'000, 15, 60'000);
    QCOMPARE(r.windows, 1.0 / 15);
    QCOMPARE(r.ordersPerWindow, 10.0);
    QCOMPARE(r.stalePerWindowPolling, 9.0);
    QCOMPARE(*r.stalePerWindowMeasured, 9.0);
}

void TestWhatIf::replayFromTheDatabase()
{
    Testing::TestDatabase t;
    // Two days of log: an import, then 500 sales a day on two shops, and a lag sample.
    const qint64 now = kStart + 2 * kDay;
    {
        WriteTransaction tx(t.db());
        QVERIFY(tx.ok());
        Mutation import = adjustment(u"SKU-0"_s, kStart - kDay);
        import.kind = MutationKind::Import;
        QVERIFY(MutationLog(t.db()).append(import));
        QVERIFY(tx.commit());
    }
    Testing::appendEvenSales(t.db(), 1000, kStart, 2 * kDay, {u"a"_s, u"b"_s}, u"SKU-0"_s);
    MetricsLog metrics(t.db());
    QVERIFY(metrics.recordLag(u"a"_s, now - kMin, 250));
    QVERIFY(metrics.recordLag(u"b"_s, now - 2 * kDay - kMin, 90'000)); // before the span

    // --since 1: the last day only.
    auto r = WhatIf::replay(t.db(), {15, 1}, now);
    QVERIFY2(r, qPrintable(r.error()));
    QCOMPARE(r->fromMs, now - kDay);
    QCOMPARE(r->orders, 500);
    QCOMPARE(oneDecimal(r->ordersPerWindow), 5.2);
    // The day before the span ended in a sale from the other shop: every order is stale.
    QCOMPARE(oneDecimal(r->stalePerWindowPolling), 5.2);
    QCOMPARE(r->measuredLagMs, std::optional<qint64>(250));
    QCOMPARE(oneDecimal(*r->stalePerWindowMeasured), 0.0);

    // --since 30 on a log three days old: the replay starts at the log's first row.
    r = WhatIf::replay(t.db(), {15, 30}, now);
    QVERIFY2(r, qPrintable(r.error()));
    QCOMPARE(r->fromMs, kStart - kDay);
    QCOMPARE(r->orders, 1000);
    QCOMPARE(r->windows, 3 * 96.0);
    // p99 of 250 ms and 90 s, within the histogram's 1%.
    QVERIFY(r->measuredLagMs);
    QVERIFY2(std::abs(*r->measuredLagMs - 90'000) <= 900,
             qPrintable(QString::number(*r->measuredLagMs)));
}

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
