#pragma once

#include <QRandomGenerator>

namespace ChannelDesk {

// Exponential backoff with full jitter (DESIGN §3): the delay before retry n is drawn uniformly
// from [0, min(cap, base * 2^n)], so a fleet of retries does not stampede. The default schedule is
// the seeds' min(1000 * 2^n, 30000) ms.
class Backoff
{
public:
    explicit Backoff(qint64 baseMs = 1000, qint64 capMs = 30'000, quint32 seed = 0)
        : m_baseMs(baseMs)
        , m_capMs(capMs)
        , m_random(seed ? seed : QRandomGenerator::global()->generate())
    {
    }

    // The upper bound for attempt n (0-based): min(cap, base * 2^n).
    qint64 ceilingMs(int attempt) const
    {
        if (attempt >= 30)
            return m_capMs;
        return std::min(m_capMs, m_baseMs << std::max(0, attempt));
    }
    // A jittered delay for attempt n, never below floorMs (a channel's Retry-After).
    qint64 delayMs(int attempt, qint64 floorMs = 0)
    {
        const qint64 ceiling = ceilingMs(attempt);
        const qint64 jittered = qint64(m_random.bounded(double(ceiling) + 1.0));
        return std::max(jittered, floorMs);
    }

private:
    qint64 m_baseMs;
    qint64 m_capMs;
    QRandomGenerator m_random;
};

} // namespace ChannelDesk
