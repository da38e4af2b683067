#pragma once

#include "metrics/lagmonitor.h"
#include "store/preparedstatements.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ChannelDesk {

class Database;

// One acknowledged listing update: its sync lag, and when the channel answered.
struct LagSample
{
    QString channel;
    qint64 atMs = 0;
    qint64 lagMs = 0;
};

// One call to a channel (batched or not) and how it ended.
struct PropagationCall
{
    QString channel;
    qint64 atMs = 0;
    AttemptOutcome outcome = AttemptOutcome::Acknowledged;
    int listings = 1; // listings the call carried
    // Of which the channel did not take; < 0: all of them when the call failed, none when it
    // was acknowledged.
    int failedListings = -1;
};

// "acknowledged", "failed", "throttled", "unanswered": the words stored in propagation_calls.
QString attemptOutcomeName(AttemptOutcome outcome);
std::optional<AttemptOutcome> attemptOutcomeFromName(const QString &name);

// The propagation metrics on disk (tables lag_samples and propagation_calls), so that a process
// other than the one propagating, the lag CLI, reports the same figures. The writer appends rows
// and prunes them to a day; a reader rebuilds a LagMonitor from them, so both sides judge
// percentiles and status with the same code. Used on the thread that owns the Database, which
// must outlive it; the statements are prepared once and kept.
class MetricsLog
{
public:
    // How long rows are worth keeping: the longest LagMonitor window.
    static constexpr qint64 kRetentionMs = LagMonitor::kOneDayMs;

    explicit MetricsLog(Database &db);
    ~MetricsLog();
    MetricsLog(const MetricsLog &) = delete;
    MetricsLog &operator=(const MetricsLog &) = delete;

    // One row each. Inside the caller's transaction when one is open, else a statement each.
    Status recordLag(const QString &channel, qint64 atMs, qint64 lagMs);
    Status recordCall(const QString &channel, qint64 atMs, AttemptOutcome outcome, int listings,
                      int failedListings = -1);
    // A propagator report at once: every row in one transaction (or the caller's), all or none.
    Status record(const QList<LagSample> &lags, const QList<PropagationCall> &calls);
    Status recordLags(const QList<LagSample> &lags) { return record(lags, {}); }
    Status recordCalls(const QList<PropagationCall> &calls) { return record({}, calls); }

    // Deletes the rows recorded before beforeMs (the runtime passes now - kRetentionMs).
    Status prune(qint64 beforeMs);

    // Replays the rows recorded since sinceMs into monitor (recordLag / recordOutcome, at their
    // own times, so the monitor's clock must read now), and sets each channel's pending and
    // dead-letter gauges from the listings table: pending = pending + retrying listings since
    // the oldest one's change, dead = dead listings. Every channel with listings or rows is
    // registered, so it shows up even when idle.
    Status loadInto(LagMonitor &monitor, qint64 sinceMs);
    // Where a follower has read the log up to: the last row of each table.
    struct Position
    {
        qint64 lag = 0;
        qint64 call = 0;
    };
    // Replays into monitor the rows recorded after *position and at or after sinceMs (like
    // loadInto, without the gauges) and moves *position past them: a console in monitor mode
    // keeps its LagMonitor with what the workers record, reading each row once. Rows are
    // numbered in commit order (record() writes under the write lock).
    Status follow(LagMonitor &monitor, qint64 sinceMs, Position *position);
    // The channel's last acknowledgement, whatever its age (nullopt: never), for when it is
    // older than what loadInto() replayed.
    Result<std::optional<qint64>> lastAckAt(const QString &channel) const;
    // The p99 of every channel's lags recorded in [fromMs, toMs) (nullopt: none recorded).
    Result<std::optional<qint64>> lagP99(qint64 fromMs, qint64 toMs) const;

private:
    Status insertLag(const LagSample &sample);
    Status insertCall(const PropagationCall &call);

    enum StatementIndex { InsertLag, InsertCall, StatementCount };
    // What a failed insert says: the statement's own error (preparing or running it).
    Error writeError(StatementIndex statement) const;

    Database &m_db;
    // Prepared once (one sample per acknowledgement: thousands a second under load).
    PreparedStatements<StatementCount> m_statements;
};

} // namespace ChannelDesk
