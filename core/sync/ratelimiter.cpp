#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace ChannelDesk {

namespace {
constexpr double kMinRate = 0.05; // one call every 20 s at the very least
}

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

bool RateLimiter::tryAcquireAbove(double reserve)
{
    if (m_clock.nowMs() < m_blockedUntilMs)
        return false;
    refill();
    if (m_tokens < 1.0 + reserve)
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
    if (m_tokens >= 1.0 + reserve)
        return 0;
    return qint64(std::ceil((1.0 + reserve - m_tokens) * 1000.0 / m_rate));
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
