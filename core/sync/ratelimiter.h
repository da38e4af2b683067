#pragma once

#include "util/clock.h"

namespace ChannelDesk {

// A token bucket per channel, seeded from the channel's documented limit and tightened by what
// the channel says: a Retry-After blocks it until then, a 429 halves the rate (slowly recovered
// on success), and a rate the channel reports (x-amzn-RateLimit-Limit, Shopify's restore rate)
// caps it.
class RateLimiter
{
public:
    RateLimiter(const Clock &clock, double ratePerSecond, double burst);

    // Takes a token when one is there.
    bool tryAcquire();
    // How long until a token is there (0 when one is).
    qint64 msUntilAvailable() const;
    // The same for a caller that must leave `reserve` tokens in the bucket (reads leave room
    // for pushes, ReadPacer): a token is taken only when more than reserve + 1 are there.
    bool tryAcquireAbove(double reserve);
    qint64 msUntilAvailableAbove(double reserve) const;
    double burst() const { return m_burst; }

    void blockUntil(qint64 atMs);
    void onThrottled();
    void onSuccess();
    void capRate(double ratePerSecond);

    double rate() const { return m_rate; }
    double configuredRate() const { return m_configured; }
    // Tokens left now, for the "rate-limit headroom" the console shows.
    double tokens() const;

private:
    void refill() const;

    const Clock &m_clock;
    double m_configured;
    double m_ceiling; // the configured rate, lowered by what the channel reports
    double m_rate;
    double m_burst;
    mutable double m_tokens;
    mutable qint64 m_lastMs;
    qint64 m_blockedUntilMs = 0;
};

} // namespace ChannelDesk
