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
    // for pushes, ReadPacer): a token is taken only when reserve + 1 are there (or more: the
    // jitter margin below, when it is larger than the reserve).
    bool tryAcquireAbove(double reserve);
    qint64 msUntilAvailableAbove(double reserve) const;
    double burst() const { return m_burst; }
    // A call is only taken once the bucket also holds what refills in kArrivalJitterMs (within
    // the burst; a caller's larger reserve covers it): calls that leave at the exact rate can reach
    // the channel nearer each other than they left (a few ms of transit jitter), and the channel's
    // own bucket, the same size as ours, would then be a hair short and answer 429. Only the first
    // call after a burst waits this long; the long-run rate is unchanged.
    static constexpr qint64 kArrivalJitterMs = 10;

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
    // The tokens a call must find: its own, and `reserve` or the jitter margin, the larger.
    double needed(double reserve) const;

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
