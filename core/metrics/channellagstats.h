#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// What a channel is doing right now, as the lag CLI, the console and the alerts name it.
enum class ChannelStatus {
    Idle, // nothing pending and nothing sent or acknowledged in the last 5 minutes
    Ok,
    Slow, // acknowledging, but the 5-minute p99 lag is over the slow threshold
    Stalled, // listings pending and nothing acknowledged for longer than the stall threshold
    Unreachable, // the recent attempts all went unanswered (timeouts, refused connections)
};

// "idle", "ok", "slow", "stalled", "unreachable": stable words for JSON, the CLI and /metrics.
QString channelStatusName(ChannelStatus status);

// One channel's lag and delivery figures over a window, as LagMonitor::snapshot() reports them.
struct ChannelLagStats
{
    QString channel;
    qint64 windowMs = 0;
    qint64 count = 0; // lag samples (acknowledged listing updates) in the window
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double meanMs = 0;
    // (updates - failedUpdates) / updates: listing updates, not calls; 1 when there were none.
    double successRate = 1.0;
    qint64 updates = 0; // listing updates sent
    qint64 failedUpdates = 0; // listing updates the channel did not take (throttled, unanswered,
                              // refused items of a batch that otherwise succeeded)
    qint64 attempts = 0; // calls
    qint64 failures = 0; // all failed calls, throttled and unanswered ones included
    qint64 throttled = 0; // answered 429 (or the channel's own "throttled")
    qint64 unanswered = 0; // timeouts, resets, refused connections
    qint64 deadLetters = 0; // current depth, not windowed
    qint64 driftListings = 0; // listings the last reconciliation found drifting
    qint64 driftOutlived = 0; // of those, seen by more than one reconciliation in a row
    qint64 pending = 0; // listings waiting to be sent, not windowed
    qint64 lastAckAtMs = -1; // -1: never
    qint64 lastAttemptAtMs = -1;
    ChannelStatus status = ChannelStatus::Idle; // always judged on the recent past, not the window
};

// One point of a lag chart: the percentiles of the samples in [tMs, tMs + spanMs).
struct LagPoint
{
    qint64 tMs = 0;
    qint64 spanMs = 0;
    qint64 count = 0; // 0: no samples, percentiles are 0
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::ChannelLagStats)
Q_DECLARE_METATYPE(ChannelDesk::LagPoint)
