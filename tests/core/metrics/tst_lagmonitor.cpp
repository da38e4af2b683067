#include "metrics/lagmonitor.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestLagMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void samplesAgeOutOfEachWindow_data();
    void samplesAgeOutOfEachWindow();
    void percentilesOverManySlots();
    void outcomesAndGauges();
    void successRateCountsListingUpdates_data();
    void successRateCountsListingUpdates();
    void statusTransitions();
    void stallCountsFromWhenWorkArrived();
    void oneTimeoutIsNotUnreachable();
    void seriesCutsTheWindow();
    void distributionCountsTheWindow_data();
    void distributionCountsTheWindow();
    void lateSamplesAndUnknownChannels();
    void orderProblemsAgeOut();
    void clockNearZero();

private:
    const QString shop = u"shop-us"_s;
};

namespace {
constexpr qint64 kSec = 1000;
constexpr qint64 kMin = 60 * kSec;
constexpr qint64 kHour = 60 * kMin;

// Percentiles are within 1% of exact (LatencyHistogram), so compare that way.
bool near(double got, double expected)
{
    return std::abs(got - expected) <= 0.01 * expected;
}
} // namespace

void TestLagMonitor::samplesAgeOutOfEachWindow_data()
{
    QTest::addColumn<qint64>("offsetInSlot"); // where in its 10-s slot the sample falls
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<qint64>("lastSeenAfter"); // still in the window this long after recording
    QTest::addColumn<qint64>("goneAfter");

    const qint64 fiveMin = LagMonitor::kFiveMinutesMs;
    QTest::newRow("5 min, slot start") << qint64(0) << fiveMin << 5 * kMin - 1 << 5 * kMin;
    QTest::newRow("5 min, slot end")
        << 9 * kSec << fiveMin << 5 * kMin - 9 * kSec - 1 << 5 * kMin - 9 * kSec;
    QTest::newRow("1 h") << qint64(0) << LagMonitor::kOneHourMs << kHour - 1 << kHour;
    // The day window counts 5-minute slots.
    QTest::newRow("24 h") << qint64(0) << LagMonitor::kOneDayMs << 24 * kHour - 1 << 24 * kHour;
    QTest::newRow("24 h, mid slot")
        << 2 * kMin << LagMonitor::kOneDayMs << 24 * kHour - 2 * kMin - 1 << 24 * kHour - 2 * kMin;
}

void TestLagMonitor::samplesAgeOutOfEachWindow()
{
    QFETCH(qint64, offsetInSlot);
    QFETCH(qint64, windowMs);
    QFETCH(qint64, lastSeenAfter);
    QFETCH(qint64, goneAfter);

    ManualClock clock; // starts on a 5-minute boundary
    clock.advance(offsetInSlot);
    const qint64 t0 = clock.nowMs();
    LagMonitor monitor(clock);
    monitor.recordLag(shop, 250'000);
    QCOMPARE(monitor.snapshot(shop, windowMs).count, 1);
    QVERIFY(near(monitor.snapshot(shop, windowMs).p99Ms, 250.0));
    QCOMPARE(monitor.snapshot(shop, windowMs).maxMs, 250.0);

    clock.set(t0 + lastSeenAfter);
    QCOMPARE(monitor.snapshot(shop, windowMs).count, 1);
    clock.set(t0 + goneAfter);
    const ChannelLagStats gone = monitor.snapshot(shop, windowMs);
    QCOMPARE(gone.count, 0);
    QCOMPARE(gone.p99Ms, 0.0);
    QCOMPARE(gone.maxMs, 0.0);
    QCOMPARE(monitor.totals(shop).lagCount, 1); // lifetime totals never age
}

void TestLagMonitor::percentilesOverManySlots()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    // 1..1000 ms, one every 250 ms: 250 s of samples spread over 25 slots.
    for (int ms = 1; ms <= 1000; ++ms) {
        monitor.recordLag(shop, qint64(ms) * 1000);
        clock.advance(250);
    }
    const ChannelLagStats s = monitor.snapshot(shop);
    QCOMPARE(s.count, 1000);
    QVERIFY2(near(s.p50Ms, 500), qPrintable(QString::number(s.p50Ms)));
    QVERIFY2(near(s.p95Ms, 950), qPrintable(QString::number(s.p95Ms)));
    QVERIFY2(near(s.p99Ms, 990), qPrintable(QString::number(s.p99Ms)));
    QCOMPARE(s.maxMs, 1000.0);
    QVERIFY(near(s.meanMs, 500.5));

    // Two minutes later the first 120 s (the smallest lags) have left the 5-minute window.
    clock.advance(2 * kMin);
    const ChannelLagStats later = monitor.snapshot(shop);
    QVERIFY2(later.count < 1000 && later.count >= 500, qPrintable(QString::number(later.count)));
    QVERIFY(later.p50Ms > s.p50Ms);
    QCOMPARE(monitor.snapshot(shop, LagMonitor::kOneHourMs).count, 1000);
}

void TestLagMonitor::outcomesAndGauges()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    for (int i = 0; i < 95; ++i)
        monitor.recordOutcome(shop, AttemptOutcome::Acknowledged);
    const qint64 ackAt = clock.nowMs();
    clock.advance(kSec);
    for (int i = 0; i < 2; ++i)
        monitor.recordOutcome(shop, AttemptOutcome::Failed);
    monitor.recordOutcome(shop, AttemptOutcome::Throttled);
    monitor.recordOutcome(shop, AttemptOutcome::Throttled);
    monitor.recordOutcome(shop, AttemptOutcome::Unanswered);
    monitor.setDeadLetterDepth(shop, 4);
    monitor.setPending(shop, 12);

    const ChannelLagStats s = monitor.snapshot(shop);
    QCOMPARE(s.attempts, 100);
    QCOMPARE(s.failures, 5);
    QCOMPARE(s.throttled, 2);
    QCOMPARE(s.unanswered, 1);
    QCOMPARE(s.successRate, 0.95);
    QCOMPARE(s.deadLetters, 4);
    QCOMPARE(s.pending, 12);
    QCOMPARE(s.lastAckAtMs, ackAt);
    QCOMPARE(s.lastAttemptAtMs, ackAt + kSec);
    QCOMPARE(s.count, 0); // outcomes are not lag samples

    const LagMonitor::Totals t = monitor.totals(shop);
    QCOMPARE(t.attempts, 100);
    QCOMPARE(t.failures, 5);
    QCOMPARE(t.throttled, 2);

    clock.advance(10 * kMin);
    const ChannelLagStats quiet = monitor.snapshot(shop);
    QCOMPARE(quiet.attempts, 0);
    QCOMPARE(quiet.successRate, 1.0); // no attempts, nothing failed
    QCOMPARE(quiet.deadLetters, 4); // gauges do not age
    QCOMPARE(monitor.snapshot(shop, LagMonitor::kOneHourMs).successRate, 0.95);
}

void TestLagMonitor::successRateCountsListingUpdates_data()
{
    QTest::addColumn<QList<QList<int>>>("calls"); // {outcome, updates, failed updates}
    QTest::addColumn<qint64>("updates");
    QTest::addColumn<qint64>("failedUpdates");
    QTest::addColumn<qint64>("failedCalls");
    QTest::addColumn<double>("successRate");

    const int ok = int(AttemptOutcome::Acknowledged);
    const int failed = int(AttemptOutcome::Failed);
    const int throttled = int(AttemptOutcome::Throttled);
    QTest::newRow("one batch, 3 of 25 refused")
        << QList<QList<int>> {{ok, 25, 3}} << qint64(25) << qint64(3) << qint64(0) << 0.88;
    QTest::newRow("a refused call counts each of its updates")
        << QList<QList<int>> {{ok, 10, 0}, {failed, 10, 10}} << qint64(20) << qint64(10)
        << qint64(1) << 0.5;
    QTest::newRow("throttled batch")
        << QList<QList<int>> {{ok, 1, 0}, {ok, 1, 0}, {ok, 1, 0}, {throttled, 5, 5}} << qint64(8)
        << qint64(5) << qint64(1) << 3.0 / 8.0;
    QTest::newRow("failed more than carried is clamped")
        << QList<QList<int>> {{failed, 2, 7}} << qint64(2) << qint64(2) << qint64(1) << 0.0;
    QTest::newRow("nothing sent") << QList<QList<int>> {} << qint64(0) << qint64(0) << qint64(0)
                                  << 1.0;
}

void TestLagMonitor::successRateCountsListingUpdates()
{
    QFETCH(QList<QList<int>>, calls);
    QFETCH(qint64, updates);
    QFETCH(qint64, failedUpdates);
    QFETCH(qint64, failedCalls);
    QFETCH(double, successRate);

    ManualClock clock;
    LagMonitor monitor(clock);
    for (const QList<int> &c : std::as_const(calls))
        monitor.recordCall(shop, AttemptOutcome(c.at(0)), c.at(1), c.at(2));
    const ChannelLagStats s = monitor.snapshot(shop);
    QCOMPARE(s.updates, updates);
    QCOMPARE(s.failedUpdates, failedUpdates);
    QCOMPARE(s.attempts, qint64(calls.size()));
    QCOMPARE(s.failures, failedCalls);
    QCOMPARE(s.successRate, successRate);
    const LagMonitor::Totals t = monitor.totals(shop);
    QCOMPARE(t.updates, updates);
    QCOMPARE(t.failedUpdates, failedUpdates);
}

void TestLagMonitor::statusTransitions()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    monitor.setPending(shop, 0);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Idle);

    // Fast acknowledgements: ok.
    for (int i = 0; i < 50; ++i) {
        monitor.recordOutcome(shop, AttemptOutcome::Acknowledged);
        monitor.recordLag(shop, 40'000);
        clock.advance(100);
    }
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Ok);

    // A few 8-second lags push the 5-minute p99 over 5 s: slow.
    for (int i = 0; i < 3; ++i) {
        monitor.recordOutcome(shop, AttemptOutcome::Acknowledged);
        monitor.recordLag(shop, 8'000'000);
    }
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Slow);
    const qint64 lastAck = clock.nowMs();

    // Work pending, the channel answers only 429: stalled once 30 s pass without an ack.
    monitor.setPending(shop, 10);
    for (int i = 0; i < 6; ++i) {
        clock.advance(5 * kSec);
        monitor.recordOutcome(shop, AttemptOutcome::Throttled);
    }
    QCOMPARE(clock.nowMs(), lastAck + 30 * kSec);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Slow); // exactly 30 s: not yet
    clock.advance(1);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Stalled);

    // Then it stops answering at all: unreachable once the recent attempts are all unanswered.
    for (int i = 0; i < 8; ++i) {
        clock.advance(5 * kSec);
        monitor.recordOutcome(shop, AttemptOutcome::Unanswered);
    }
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Unreachable);
    QCOMPARE(monitor.snapshot(shop).successRate < 1.0, true);

    // It comes back: one fast ack ends both stalled and unreachable; the slow lags of a few
    // minutes ago still count.
    monitor.recordOutcome(shop, AttemptOutcome::Acknowledged);
    monitor.recordLag(shop, 30'000);
    monitor.setPending(shop, 9);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Slow);

    // Five minutes on, the slow lags are gone, the work is done: ok, then idle.
    monitor.setPending(shop, 0);
    clock.advance(4 * kMin);
    monitor.recordLag(shop, 30'000);
    monitor.recordOutcome(shop, AttemptOutcome::Acknowledged);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Ok);
    clock.advance(LagMonitor::kFiveMinutesMs);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Idle);
    QCOMPARE(channelStatusName(monitor.snapshot(shop).status), u"idle"_s);
}

void TestLagMonitor::stallCountsFromWhenWorkArrived()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    monitor.recordLag(shop, 10'000);
    clock.advance(2 * kHour); // long quiet: the last ack is old
    monitor.setPending(shop, 3);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Ok);
    clock.advance(30 * kSec);
    monitor.setPending(shop, 4); // more work does not restart the stall clock
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Ok);
    clock.advance(1);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Stalled);
    monitor.setPending(shop, 0);
    QVERIFY(monitor.snapshot(shop).status != ChannelStatus::Stalled);
}

void TestLagMonitor::oneTimeoutIsNotUnreachable()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    monitor.setPending(shop, 1);
    monitor.recordOutcome(shop, AttemptOutcome::Unanswered);
    monitor.recordOutcome(shop, AttemptOutcome::Unanswered);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Ok);
    monitor.recordOutcome(shop, AttemptOutcome::Unanswered);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Unreachable);

    // One answered attempt among them: the channel is there, just failing.
    monitor.recordOutcome(shop, AttemptOutcome::Failed);
    QCOMPARE(monitor.snapshot(shop).status, ChannelStatus::Ok);
}

void TestLagMonitor::distributionCountsTheWindow_data()
{
    QTest::addColumn<QList<qint64>>("lagsMs");
    QTest::addColumn<QList<qint64>>("boundsMs");
    QTest::addColumn<QList<qint64>>("counts");
    const QList<qint64> bounds {50, 100, 1000, 5000};
    QTest::newRow("empty") << QList<qint64> {} << bounds << QList<qint64> {0, 0, 0, 0, 0};
    QTest::newRow("one per bin") << QList<qint64> {10, 70, 500, 3000, 9000} << bounds
                                 << QList<qint64> {1, 1, 1, 1, 1};
    // Just inside each bound (more than the histogram's 1% away from it).
    QTest::newRow("below the bounds")
        << QList<qint64> {48, 97, 980, 4900} << bounds << QList<qint64> {1, 1, 1, 1, 0};
    QTest::newRow("above the bounds")
        << QList<qint64> {52, 103, 1020, 5100} << bounds << QList<qint64> {0, 1, 1, 1, 1};
    QTest::newRow("all slow") << QList<qint64> {6000, 7000, 40000} << bounds
                              << QList<qint64> {0, 0, 0, 0, 3};
    QTest::newRow("no bounds") << QList<qint64> {1, 2, 3} << QList<qint64> {} << QList<qint64> {3};
}

void TestLagMonitor::distributionCountsTheWindow()
{
    QFETCH(QList<qint64>, lagsMs);
    QFETCH(QList<qint64>, boundsMs);
    QFETCH(QList<qint64>, counts);
    ManualClock clock;
    LagMonitor monitor(clock);
    for (qint64 lag : std::as_const(lagsMs))
        monitor.recordLag(shop, lag * 1000);
    QCOMPARE(monitor.distribution(shop, LagMonitor::kFiveMinutesMs, boundsMs), counts);
    // Out of the window, nothing is counted.
    clock.advance(LagMonitor::kFiveMinutesMs + 10 * kSec);
    QCOMPARE(monitor.distribution(shop, LagMonitor::kFiveMinutesMs, boundsMs),
             QList<qint64>(boundsMs.size() + 1, 0));
}

void TestLagMonitor::seriesCutsTheWindow()
{
    ManualClock clock;
    const qint64 t0 = clock.nowMs();
    LagMonitor monitor(clock);
    monitor.recordLag(shop, 100'000); // in the first 10-s slot
    clock.advance(20 * kSec);
    monitor.recordLag(shop, 200'000);
    monitor.recordLag(shop, 400'000);
    clock.advance(4 * kMin + 35 * kSec); // now in the 30th slot since t0

    const QList<LagPoint> fine = monitor.series(shop, LagMonitor::kFiveMinutesMs, 30);
    QCOMPARE(fine.size(), 30);
    QCOMPARE(fine.first().tMs, t0);
    QCOMPARE(fine.first().spanMs, 10 * kSec);
    QCOMPARE(fine.at(0).count, 1);
    QVERIFY(near(fine.at(0).p99Ms, 100));
    QCOMPARE(fine.at(1).count, 0);
    QCOMPARE(fine.at(2).count, 2);
    QVERIFY(near(fine.at(2).p50Ms, 200));
    QVERIFY(near(fine.at(2).p99Ms, 400));

    const QList<LagPoint> coarse = monitor.series(shop, LagMonitor::kFiveMinutesMs, 3);
    QCOMPARE(coarse.size(), 3);
    QCOMPARE(coarse.at(0).count, 3);
    QCOMPARE(coarse.at(0).spanMs, 100 * kSec);
    QCOMPARE(coarse.at(1).tMs, t0 + 100 * kSec);

    // More points than slots: one per slot. A day: 5-minute slots.
    QCOMPARE(monitor.series(shop, LagMonitor::kFiveMinutesMs, 1000).size(), 30);
    const QList<LagPoint> day = monitor.series(shop, LagMonitor::kOneDayMs, 24);
    QCOMPARE(day.size(), 24);
    QCOMPARE(day.last().spanMs, kHour);
    QCOMPARE(day.last().count, 3);
    QCOMPARE(monitor.series(u"nobody"_s, LagMonitor::kOneHourMs, 6).size(), 6);
}

void TestLagMonitor::lateSamplesAndUnknownChannels()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    monitor.recordLag(shop, 1000, clock.nowMs() - 2 * kHour); // acked long ago: only the day
    QCOMPARE(monitor.snapshot(shop).count, 0);
    QCOMPARE(monitor.snapshot(shop, LagMonitor::kOneDayMs).count, 1);
    monitor.recordLag(shop, 1000, clock.nowMs() - 2 * LagMonitor::kOneDayMs); // outside every ring
    QCOMPARE(monitor.snapshot(shop, LagMonitor::kOneDayMs).count, 1);
    QCOMPARE(monitor.totals(shop).lagCount, 2);

    const ChannelLagStats none = monitor.snapshot(u"nobody"_s);
    QCOMPARE(none.channel, u"nobody"_s);
    QCOMPARE(none.status, ChannelStatus::Idle);
    QCOMPARE(none.count, 0);
    QCOMPARE(monitor.channels(), QStringList {shop});

    monitor.setPending(u"b-shop"_s, 1);
    QCOMPARE(monitor.channels(), (QStringList {u"b-shop"_s, shop}));
    QCOMPARE(monitor.snapshots().size(), 2);
    monitor.removeChannel(shop);
    QCOMPARE(monitor.channels(), QStringList {u"b-shop"_s});
}

void TestLagMonitor::orderProblemsAgeOut()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    monitor.noteOversold({-1, u"MUG-1"_s, shop, u"1"_s, {}});
    clock.advance(kMin);
    monitor.noteOversold({-1, u"MUG-2"_s, {}, {}, {}});
    monitor.noteUnmatched({-1, u"GHOST"_s, shop, u"2"_s, {}});
    QCOMPARE(monitor.oversoldOrders(LagMonitor::kFiveMinutesMs), 2);
    QCOMPARE(monitor.recentOversoldOrders(LagMonitor::kFiveMinutesMs).first().sku, u"MUG-1"_s);
    QCOMPARE(monitor.recentOversoldOrders(LagMonitor::kFiveMinutesMs).first().orderId, u"1"_s);
    QCOMPARE(monitor.unmatchedOrders(LagMonitor::kFiveMinutesMs), 1);
    clock.advance(4 * kMin);
    QCOMPARE(monitor.oversoldOrders(LagMonitor::kFiveMinutesMs), 1);
    clock.advance(kMin);
    QCOMPARE(monitor.oversoldOrders(LagMonitor::kFiveMinutesMs), 0);
    QCOMPARE(monitor.oversoldOrdersTotal(), 2);
    QCOMPARE(monitor.unmatchedOrdersTotal(), 1);
}

// A clock started at 0 (as some tests do) puts window starts before the first slot.
void TestLagMonitor::clockNearZero()
{
    ManualClock clock(5 * kSec);
    LagMonitor monitor(clock);
    monitor.recordLag(shop, 1000);
    monitor.recordLag(shop, 1000, 0);
    QCOMPARE(monitor.snapshot(shop, LagMonitor::kOneDayMs).count, 2);
    QCOMPARE(monitor.snapshot(shop).count, 2);
    QCOMPARE(monitor.series(shop, LagMonitor::kOneHourMs, 60).last().count, 2);
}

QTEST_GUILESS_MAIN(TestLagMonitor)
#include "tst_lagmonitor.moc"
