#pragma once

#include <QJsonObject>
#include <QString>

#include <array>

namespace ChannelDesk {

// A failure the simulator injects instead of (or, for LostResponse, after) doing the work.
enum class SimFault {
    None,
    TooManyRequests, // 429 with Retry-After
    InternalError, // 500
    Unavailable, // 503 with Retry-After
    Timeout, // never answer; the client gives up
    Reset, // close the connection without an answer
    Unauthorized, // the channel's own auth failure (Amazon answers 403)
    NotFound, // 404
    LostResponse, // do the work, then never answer (tests idempotent retries)
};

QString simFaultName(SimFault fault);

// The per-channel fault mix, changeable at run time (POST /_sim/<id>/faults).
struct SimFaultConfig
{
    enum class RetryAfterForm { Seconds, Decimal, HttpDate, None };

    static constexpr int kFaultCount = 8; // every SimFault but None
    int latencyMs = 0;
    std::array<double, kFaultCount> probability {}; // index: int(SimFault) - 1
    RetryAfterForm retryAfterForm = RetryAfterForm::Seconds;
    double retryAfterSeconds = 1.0;

    double &chance(SimFault fault) { return probability.at(size_t(fault) - 1); }
    double chance(SimFault fault) const { return probability.at(size_t(fault) - 1); }

    // Merges the keys present in `json` into this configuration; on error changes nothing.
    bool merge(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    // Picks a fault for one request from a uniform draw in [0, 1).
    SimFault pick(double draw) const;
};

// A token bucket on the simulator's clock: `capacity` tokens, refilled at `ratePerSecond`.
class SimTokenBucket
{
public:
    void configure(double capacity, double ratePerSecond, qint64 nowMs);
    bool enabled() const { return m_rate > 0 && m_capacity > 0; }
    double capacity() const { return m_capacity; }
    double rate() const { return m_rate; }
    double available(qint64 nowMs);
    bool take(double cost, qint64 nowMs);
    // Gives back part of what take() took (Shopify refunds requested minus actual cost).
    void give(double cost);

private:
    void refill(qint64 nowMs);

    double m_capacity = 0;
    double m_rate = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};

} // namespace ChannelDesk
