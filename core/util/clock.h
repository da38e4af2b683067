#pragma once

#include <QtGlobal>

#include <atomic>

namespace ChannelDesk {

// Everything that waits or measures asks a Clock, so tests can move time by hand (DESIGN §10).
class Clock
{
public:
    virtual ~Clock() = default;
    // Wall-clock milliseconds since the Unix epoch (UTC).
    virtual qint64 nowMs() const = 0;
    // A monotonic reading in nanoseconds, for measuring durations.
    virtual qint64 monotonicNs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    qint64 monotonicNs() const override;
    // A process-wide instance for code that is not handed a clock.
    static const SystemClock &instance();
};

// A clock that only moves when told to; thread-safe so a test can drive a worker's time.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) // 2026-01-01T00:00:00Z
        : m_ms(startMs)
    {
    }
    qint64 nowMs() const override { return m_ms.load(); }
    qint64 monotonicNs() const override { return m_ms.load() * 1'000'000; }
    void advance(qint64 ms) { m_ms.fetch_add(ms); }
    void set(qint64 ms) { m_ms.store(ms); }

private:
    std::atomic<qint64> m_ms;
};

} // namespace ChannelDesk
