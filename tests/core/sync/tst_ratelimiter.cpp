// RateLimiter's jitter margin: after a burst, the next call waits until the bucket also holds
// what refills in kArrivalJitterMs, so calls that reach the channel a few ms nearer each other
// than they left still find its bucket (the same size as ours) with a token; the long-run rate
// is unchanged.
#include "sync/ratelimiter.h"

#include <QTest>

using namespace ChannelDesk;

class TestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstLeavesTheJitterMargin_data();
    void burstLeavesTheJitterMargin();
    void longRunRateIsTheConfiguredOne_data();
    void longRunRateIsTheConfiguredOne();
    void largerReserveCoversTheMargin();
};

void TestRateLimiter::burstLeavesTheJitterMargin_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burst");
    QTest::addColumn<int>("atOnce"); // calls from a full bucket before the margin holds one back
    QTest::addColumn<qint64>("waitMs"); // then, until the next
    // 2 a second, burst 2 (the flash sale's channels): the second call waits 10 ms.
    QTest::newRow("2/s burst 2") << 2.0 << 2.0 << 1 << qint64(10);
    QTest::newRow("10/s burst 10") << 10.0 << 10.0 << 9 << qint64(10);
    // A burst of 1 has no room for a margin: calls go at the rate.
    QTest::newRow("1/s burst 1") << 1.0 << 1.0 << 1 << qint64(1000);
}

void TestRateLimiter::burstLeavesTheJitterMargin()
{
    QFETCH(double, rate);
    QFETCH(double, burst);
    QFETCH(int, atOnce);
    QFETCH(qint64, waitMs);
    ManualClock clock;
    RateLimiter limiter(clock, rate, burst);
    for (int i = 0; i < atOnce; ++i)
        QVERIFY2(limiter.tryAcquire(), qPrintable(QString::number(i)));
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.msUntilAvailable(), waitMs);
    clock.advance(waitMs - 1);
    QVERIFY(!limiter.tryAcquire());
    clock.advance(1);
    QVERIFY(limiter.tryAcquire());
}

void TestRateLimiter::longRunRateIsTheConfiguredOne_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burst");
    QTest::newRow("2/s burst 2") << 2.0 << 2.0;
    QTest::newRow("40/s burst 40") << 40.0 << 40.0;
}

void TestRateLimiter::longRunRateIsTheConfiguredOne()
{
    QFETCH(double, rate);
    QFETCH(double, burst);
    ManualClock clock;
    RateLimiter limiter(clock, rate, burst);
    while (limiter.tryAcquire()) { }
    // From an empty bucket, 60 s of calls as soon as allowed: the rate's worth, give or take
    // the one call the margin shifts.
    int calls = 0;
    for (qint64 t = 0; t < 60'000; ++t) {
        clock.advance(1);
        while (limiter.tryAcquire())
            ++calls;
    }
    QVERIFY2(qAbs(calls - int(rate * 60)) <= 1, qPrintable(QString::number(calls)));
}

void TestRateLimiter::largerReserveCoversTheMargin()
{
    // Reads keep half the bucket for pushes (ReadPacer): that reserve already leaves the
    // channel room, so the margin adds nothing to it.
    ManualClock clock;
    RateLimiter limiter(clock, 10, 10);
    int reads = 0;
    while (limiter.tryAcquireAbove(5))
        ++reads;
    QCOMPARE(reads, 5);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
