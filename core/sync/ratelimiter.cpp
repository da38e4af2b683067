#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace ChannelDesk {

namespace {
constexpr double kMinRate = 0.05; // one call every 20 s at the very least
// Token counts are sums of rate * ms / 1000: compared with this much slack, so that the bucket
// holds 1.02 tokens after the 10 ms it was told to wait, not 1.0199999.
constexpr double kEpsilon = 1e-9;
} // namespace

RateLimiter::RateLimiter(const Clock &clock, double ratePerSecond, double burst)
    : m_clock(clock)
    , m_configured(std::max(ratePerSecond, kMinRate))
    , m_ceiling(m_configured)
    , m_rate(m_configured)
    , m_burst(std::max(burst, 1.0))
    , m_tokens(m_burst)
    , m_lastMs(clock.nowMs())
{
}

void RateLimiter::refill() const
{
    const qint64 now = m_clock.nowMs();
    if (now > m_lastMs) {
        m_tokens = std::min(m_burst, m_tokens + double(now - m_lastMs) * m_rate / 1000.0);
        m_lastMs = now;
    }
}

double RateLimiter::tokens() const
{
    refill();
    return m_tokens;
}

bool RateLimiter::tryAcquire()
{
    return tryAcquireAbove(0);
}

qint64 RateLimiter::msUntilAvailable() const
{
    return msUntilAvailableAbove(0);
}

double RateLimiter::needed(double reserve) const
{
    // A call leaves at least the jitter margin behind (a reserve larger than it covers it),
    // never more than the burst allows.
    const double margin = std::min(m_rate * double(kArrivalJitterMs) / 1000.0, m_burst - 1.0);
    return 1.0 + std::max(reserve, margin);
}

bool RateLimiter::tryAcquireAbove(double reserve)
{
    if (m_clock.nowMs() < m_blockedUntilMs)
        return false;
    refill();
    if (m_tokens + kEpsilon < needed(reserve))
        return false;
    m_tokens -= 1.0;
    return true;
}

qint64 RateLimiter::msUntilAvailableAbove(double reserve) const
{
    const qint64 now = m_clock.nowMs();
    if (now < m_blockedUntilMs)
        return m_blockedUntilMs - now;
    refill();
    const double need = needed(reserve);
    if (m_tokens + kEpsilon >= need)
        return 0;
    return qint64(std::ceil((need - m_tokens) * 1000.0 / m_rate - kEpsilon));
}

void RateLimiter::blockUntil(qint64 atMs)
{
    m_blockedUntilMs = std::max(m_blockedUntilMs, atMs);
    refill();
    m_tokens = std::min(m_tokens, 0.0);
}

void RateLimiter::onThrottled()
{
    refill();
    m_rate = std::max(kMinRate, m_rate / 2.0);
    m_tokens = std::min(m_tokens, 0.0);
}

void RateLimiter::onSuccess()
{
    refill();
    // Additive recovery towards the ceiling: a tenth of it per successful call.
    m_rate = std::min(m_ceiling, m_rate + m_ceiling / 10.0);
}

void RateLimiter::capRate(double ratePerSecond)
{
    if (ratePerSecond <= 0)
        return;
    refill();
    m_ceiling = std::max(kMinRate, std::min(m_configured, ratePerSecond));
    m_rate = std::min(m_rate, m_ceiling);
}

} // namespace ChannelDesk
