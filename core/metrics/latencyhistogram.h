#pragma once

#include <QtGlobal>

#include <vector>

namespace ChannelDesk {

// A log-bucketed histogram of latencies in microseconds: constant-cost record(), exact count,
// min, max and mean, and any percentile within 1% of the exact nearest-rank value.
//
// Buckets grow by a fixed ratio (kBucketRatio), so a bucket's geometric middle is never more
// than sqrt(kBucketRatio) - 1 (< 0.95%) away from a value inside it, from 1 µs to ~50 days.
// Counters are kept only for the span of buckets actually used, so a window slot that saw lags
// between 5 ms and 500 ms holds about 250 counters, and an empty histogram allocates nothing.
class LatencyHistogram
{
public:
    static constexpr double kBucketRatio = 1.019;
    // Values above this land in the top bucket; max() stays exact.
    static constexpr qint64 kMaxTrackedMicros = qint64(1) << 42;
    // The bound on percentile()'s relative error against the exact value.
    static double relativeErrorBound();

    // Negative values (a clock step) count as 0.
    void record(qint64 micros) { record(micros, 1); }
    void record(qint64 micros, qint64 times);

    qint64 count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    // 0 when empty.
    qint64 min() const { return m_count ? m_min : 0; }
    qint64 max() const { return m_count ? m_max : 0; }
    qint64 sum() const { return m_sum; }
    double mean() const;
    // The nearest-rank percentile (the smallest recorded value with at least p% of the values at
    // or below it), p in [0, 100]; p = 0 is min(), p = 100 is max(). 0 when empty.
    double percentile(double p) const;

    // How many values are at or below `micros` (to the bucket: within 1%, like percentile()).
    qint64 countAtMost(qint64 micros) const;

    void merge(const LatencyHistogram &other);
    void clear();

    // How many counters are allocated (for memory accounting and tests).
    qsizetype allocatedBuckets() const { return qsizetype(m_counts.size()); }

private:
    static int bucketIndex(qint64 micros);
    static double bucketValue(int index);
    void ensureRange(int lo, int hi);

    // m_counts[i] counts bucket m_first + i; bucket -1 holds the zeros.
    std::vector<qint64> m_counts;
    int m_first = 0;
    qint64 m_count = 0;
    qint64 m_sum = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
};

// The nearest-rank position (1-based) of percentile p among n values, shared by the histogram and
// its tests so both agree on what "exact" means.
qint64 nearestRank(double p, qint64 n);

} // namespace ChannelDesk
