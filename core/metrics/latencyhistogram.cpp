#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>

namespace ChannelDesk {

namespace {
const double kLogRatio = std::log(LatencyHistogram::kBucketRatio);
const double kInvLogRatio = 1.0 / kLogRatio;
constexpr int kZeroBucket = -1;
} // namespace

double LatencyHistogram::relativeErrorBound()
{
    return std::sqrt(kBucketRatio) - 1.0;
}

qint64 nearestRank(double p, qint64 n)
{
    if (n <= 0)
        return 0;
    // The small epsilon keeps 99% of 100 values at rank 99 despite 0.99 * 100 = 99.000000000001.
    const auto rank = qint64(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(n) - 1e-9));
    return std::clamp<qint64>(rank, 1, n);
}

int LatencyHistogram::bucketIndex(qint64 micros)
{
    if (micros <= 0)
        return kZeroBucket;
    micros = std::min(micros, kMaxTrackedMicros);
    return int(std::floor(std::log(double(micros)) * kInvLogRatio));
}

double LatencyHistogram::bucketValue(int index)
{
    if (index == kZeroBucket)
        return 0.0;
    // The geometric middle of [ratio^i, ratio^(i+1)), or the one integer in it: below ~50 µs
    // buckets are narrower than a microsecond, and those values come back exactly.
    const double lo = std::ceil(std::exp(double(index) * kLogRatio));
    const double hi = std::ceil(std::exp(double(index + 1) * kLogRatio)) - 1.0;
    return lo == hi ? lo : std::exp((double(index) + 0.5) * kLogRatio);
}

void LatencyHistogram::ensureRange(int lo, int hi)
{
    if (m_counts.empty()) {
        m_first = lo;
        m_counts.assign(size_t(hi - lo + 1), 0);
        return;
    }
    const int last = m_first + int(m_counts.size()) - 1;
    if (lo < m_first) {
        m_counts.insert(m_counts.begin(), size_t(m_first - lo), 0);
        m_first = lo;
    }
    if (hi > last)
        m_counts.resize(m_counts.size() + size_t(hi - last), 0);
}

void LatencyHistogram::record(qint64 micros, qint64 times)
{
    if (times <= 0)
        return;
    micros = std::max<qint64>(micros, 0);
    const int index = bucketIndex(micros);
    ensureRange(index, index);
    m_counts[size_t(index - m_first)] += times;
    if (m_count == 0) {
        m_min = micros;
        m_max = micros;
    } else {
        m_min = std::min(m_min, micros);
        m_max = std::max(m_max, micros);
    }
    m_count += times;
    m_sum += micros * times;
}

double LatencyHistogram::mean() const
{
    return m_count ? double(m_sum) / double(m_count) : 0.0;
}

double LatencyHistogram::percentile(double p) const
{
    if (m_count == 0)
        return 0.0;
    if (p <= 0.0)
        return double(m_min);
    if (p >= 100.0)
        return double(m_max);
    const qint64 rank = nearestRank(p, m_count);
    qint64 seen = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank) {
            // The extremes are exact, so a bucket's middle never reaches past them.
            return std::clamp(bucketValue(m_first + int(i)), double(m_min), double(m_max));
        }
    }
    return double(m_max);
}

qint64 LatencyHistogram::countAtMost(qint64 micros) const
{
    if (m_count == 0 || micros < m_min)
        return 0;
    if (micros >= m_max)
        return m_count;
    qint64 seen = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        if (bucketValue(m_first + int(i)) > double(micros))
            break;
        seen += m_counts[i];
    }
    return seen;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    const int otherLast = other.m_first + int(other.m_counts.size()) - 1;
    ensureRange(other.m_first, otherLast);
    for (size_t i = 0; i < other.m_counts.size(); ++i)
        m_counts[size_t(other.m_first - m_first) + i] += other.m_counts[i];
    if (m_count == 0) {
        m_min = other.m_min;
        m_max = other.m_max;
    } else {
        m_min = std::min(m_min, other.m_min);
        m_max = std::max(m_max, other.m_max);
    }
    m_count += other.m_count;
    m_sum += other.m_sum;
}

void LatencyHistogram::clear()
{
    // Keeps the capacity: a LagMonitor slot is cleared and refilled every time its ring turns.
    m_counts.clear();
    m_first = 0;
    m_count = 0;
    m_sum = 0;
    m_min = 0;
    m_max = 0;
}

} // namespace ChannelDesk
