#include "metrics/latencyhistogram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

using Samples = std::vector<qint64>;
Q_DECLARE_METATYPE(Samples)

class TestLatencyHistogram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void percentilesMatchExact_data();
    void percentilesMatchExact();
    void everyValueIsWithinOnePercent();
    void exactStatistics();
    void mergeEqualsRecordingEverything();
    void emptyAndClear();
    void negativeAndHugeValues();
    void memoryStaysCompact();
    void rankDefinition_data();
    void rankDefinition();
};

namespace {
constexpr qint64 kHourMicros = 3'600'000'000;

double exactPercentile(Samples sorted, double p)
{
    std::sort(sorted.begin(), sorted.end());
    return double(sorted[size_t(nearestRank(p, qint64(sorted.size())) - 1)]);
}

Samples logUniform(qint64 lo, qint64 hi, int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> d(std::log(double(lo)), std::log(double(hi)));
    Samples s;
    for (int i = 0; i < n; ++i)
        s.push_back(qint64(std::llround(std::exp(d(rng)))));
    return s;
}

Samples uniform(qint64 lo, qint64 hi, int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<qint64> d(lo, hi);
    Samples s;
    for (int i = 0; i < n; ++i)
        s.push_back(d(rng));
    return s;
}

Samples exponential(double meanMicros, int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::exponential_distribution<double> d(1.0 / meanMicros);
    Samples s;
    for (int i = 0; i < n; ++i)
        s.push_back(qint64(std::llround(d(rng))));
    return s;
}

LatencyHistogram histogramOf(const Samples &samples)
{
    LatencyHistogram h;
    for (qint64 v : samples)
        h.record(v);
    return h;
}
} // namespace

void TestLatencyHistogram::percentilesMatchExact_data()
{
    QTest::addColumn<Samples>("samples");
    QTest::newRow("uniform 1 ms .. 10 s") << uniform(1'000, 10'000'000, 50'000, 1);
    QTest::newRow("uniform 1 µs .. 1 h") << uniform(1, kHourMicros, 50'000, 2);
    QTest::newRow("log-uniform 1 µs .. 1 h") << logUniform(1, kHourMicros, 50'000, 3);
    QTest::newRow("exponential, mean 20 ms") << exponential(20'000, 50'000, 4);
    QTest::newRow("exponential, mean 2 s") << exponential(2'000'000, 10'000, 5);
    QTest::newRow("small integers") << uniform(1, 100, 10'000, 6);
    QTest::newRow("fixed multiset")
        << Samples {1,     1,     2,     3,     5,     8,      13,     21,     34,    55,
                    89,    144,   233,   377,   610,   987,    1597,   2584,   4181,  6765,
                    10946, 17711, 28657, 46368, 75025, 121393, 196418, 317811, 514229};
    QTest::newRow("two clusters") << Samples {1000, 1000, 1000, 1000, 1000,
                                              1000, 1000, 1000, 1000, 5'000'000};
    QTest::newRow("single value") << Samples {123'456};
    QTest::newRow("one hour") << Samples {kHourMicros - 1, kHourMicros, kHourMicros + 1};
}

void TestLatencyHistogram::percentilesMatchExact()
{
    QFETCH(Samples, samples);
    const LatencyHistogram h = histogramOf(samples);
    QCOMPARE(h.count(), qint64(samples.size()));
    for (double p : {0.0, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0}) {
        const double exact = exactPercentile(samples, p);
        const double got = h.percentile(p);
        QVERIFY2(std::abs(got - exact) <= 0.01 * exact,
                 qPrintable(u"p%1: histogram %2, exact %3"_s.arg(p).arg(got).arg(exact)));
    }
}

// The median of {1, v, 2^40} is v itself, unclamped by min or max, so this checks the bucket
// holding every value from 2 µs to beyond an hour.
void TestLatencyHistogram::everyValueIsWithinOnePercent()
{
    std::vector<qint64> values;
    for (qint64 v = 2; v <= 5000; ++v)
        values.push_back(v);
    for (double v = 5000; v < 2.0 * double(kHourMicros); v *= 1.0007)
        values.push_back(qint64(v));
    double worst = 0;
    for (qint64 v : values) {
        LatencyHistogram h;
        h.record(1);
        h.record(v);
        h.record(qint64(1) << 40);
        const double err = std::abs(h.percentile(50) - double(v)) / double(v);
        worst = std::max(worst, err);
        if (err > 0.01)
            QFAIL(qPrintable(u"value %1 came back as %2"_s.arg(v).arg(h.percentile(50))));
    }
    QVERIFY(worst <= LatencyHistogram::relativeErrorBound() + 1e-12);
    // The bound is not slack: some value sits near a bucket edge.
    QVERIFY(worst > LatencyHistogram::relativeErrorBound() * 0.9);
}

void TestLatencyHistogram::exactStatistics()
{
    const LatencyHistogram h = histogramOf({7, 3, 1000, 42, 3});
    QCOMPARE(h.count(), 5);
    QCOMPARE(h.min(), 3);
    QCOMPARE(h.max(), 1000);
    QCOMPARE(h.sum(), 1055);
    QCOMPARE(h.mean(), 211.0);
    QCOMPARE(h.percentile(0), 3.0);
    QCOMPARE(h.percentile(100), 1000.0);
}

void TestLatencyHistogram::mergeEqualsRecordingEverything()
{
    const Samples a = exponential(5'000, 5'000, 11);
    const Samples b = logUniform(100'000, 60'000'000, 5'000, 12);
    LatencyHistogram merged = histogramOf(b); // the higher range first: merge must grow downwards
    merged.merge(histogramOf(a));
    Samples all = a;
    all.insert(all.end(), b.begin(), b.end());
    const LatencyHistogram direct = histogramOf(all);
    QCOMPARE(merged.count(), direct.count());
    QCOMPARE(merged.min(), direct.min());
    QCOMPARE(merged.max(), direct.max());
    QCOMPARE(merged.sum(), direct.sum());
    for (double p : {1.0, 50.0, 90.0, 99.0, 99.9})
        QCOMPARE(merged.percentile(p), direct.percentile(p));

    LatencyHistogram empty;
    empty.merge(merged);
    QCOMPARE(empty.percentile(99), direct.percentile(99));
    QCOMPARE(empty.min(), direct.min());
}

void TestLatencyHistogram::emptyAndClear()
{
    LatencyHistogram h;
    QVERIFY(h.isEmpty());
    QCOMPARE(h.percentile(99), 0.0);
    QCOMPARE(h.mean(), 0.0);
    QCOMPARE(h.allocatedBuckets(), 0);
    h.record(5000);
    h.record(7000);
    QCOMPARE(h.count(), 2);
    h.clear();
    QVERIFY(h.isEmpty());
    QCOMPARE(h.max(), 0);
    h.record(10);
    QCOMPARE(h.min(), 10);
    QCOMPARE(h.max(), 10);
    QCOMPARE(h.percentile(50), 10.0);
}

void TestLatencyHistogram::negativeAndHugeValues()
{
    LatencyHistogram h;
    h.record(-5);
    h.record(0);
    h.record(0);
    QCOMPARE(h.min(), 0);
    QCOMPARE(h.percentile(50), 0.0);
    const qint64 huge = LatencyHistogram::kMaxTrackedMicros * 4;
    h.record(huge);
    QCOMPARE(h.max(), huge);
    QCOMPARE(h.percentile(100), double(huge));
    h.record(10, 3); // a count of three
    QCOMPARE(h.count(), 7);
    QCOMPARE(h.percentile(50), 10.0);
}

void TestLatencyHistogram::memoryStaysCompact()
{
    LatencyHistogram full;
    full.record(1);
    full.record(kHourMicros);
    QVERIFY2(full.allocatedBuckets() <= 1200, qPrintable(QString::number(full.allocatedBuckets())));
    // A narrow band of lags (5 ms .. 500 ms) needs only its own buckets.
    const LatencyHistogram narrow = histogramOf(logUniform(5'000, 500'000, 10'000, 13));
    QVERIFY2(narrow.allocatedBuckets() <= 260,
             qPrintable(QString::number(narrow.allocatedBuckets())));
}

void TestLatencyHistogram::rankDefinition_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("rank");
    QTest::newRow("p99 of 100") << 99.0 << qint64(100) << qint64(99);
    QTest::newRow("p99.9 of 1000") << 99.9 << qint64(1000) << qint64(999);
    QTest::newRow("p50 of 3") << 50.0 << qint64(3) << qint64(2);
    QTest::newRow("p50 of 4") << 50.0 << qint64(4) << qint64(2);
    QTest::newRow("p0 of 10") << 0.0 << qint64(10) << qint64(1);
    QTest::newRow("p100 of 10") << 100.0 << qint64(10) << qint64(10);
    QTest::newRow("p95 of 1") << 95.0 << qint64(1) << qint64(1);
    QTest::newRow("above 100") << 150.0 << qint64(10) << qint64(10);
}

void TestLatencyHistogram::rankDefinition()
{
    QFETCH(double, p);
    QFETCH(qint64, n);
    QFETCH(qint64, rank);
    QCOMPARE(nearestRank(p, n), rank);
}

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
