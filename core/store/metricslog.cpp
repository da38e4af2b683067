#include "metricslog.h"

#include "database.h"
#include "metrics/latencyhistogram.h"
#include "writetransaction.h"

#include <QVariant>

#include <algorithm>
#include <map>
#include <optional>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

QString attemptOutcomeName(AttemptOutcome outcome)
{
    switch (outcome) {
    case AttemptOutcome::Acknowledged:
        return u"acknowledged"_s;
    case AttemptOutcome::Failed:
        return u"failed"_s;
    case AttemptOutcome::Throttled:
        return u"throttled"_s;
    case AttemptOutcome::Unanswered:
        return u"unanswered"_s;
    }
    return u"failed"_s;
}

std::optional<AttemptOutcome> attemptOutcomeFromName(const QString &name)
{
    for (AttemptOutcome o : {AttemptOutcome::Acknowledged, AttemptOutcome::Failed,
                             AttemptOutcome::Throttled, AttemptOutcome::Unanswered}) {
        if (name == attemptOutcomeName(o))
            return o;
    }
    return std::nullopt;
}

namespace {
const QString kInsertLag = u"INSERT INTO lag_samples (channel, at, lag_ms) VALUES (?, ?, ?)"_s;
const QString kInsertCall = u"INSERT INTO propagation_calls (channel, at, outcome, listings, "
                            "failed_listings) VALUES (?, ?, ?, ?, ?)"_s;
} // namespace

MetricsLog::MetricsLog(Database &db)
    : m_db(db)
    , m_statements(db)
{
}

MetricsLog::~MetricsLog() = default;

Error MetricsLog::writeError(StatementIndex statement) const
{
    return Error {u"metrics log: "_s + m_statements.error(statement)};
}

Status MetricsLog::insertLag(const LagSample &sample)
{
    Statement *insert = m_statements.get(InsertLag, kInsertLag);
    if (!insert)
        return writeError(InsertLag);
    insert->bind(0, sample.channel);
    insert->bind(1, sample.atMs);
    insert->bind(2, std::max<qint64>(sample.lagMs, 0));
    if (!insert->exec())
        return writeError(InsertLag);
    return {};
}

Status MetricsLog::insertCall(const PropagationCall &call)
{
    Statement *insert = m_statements.get(InsertCall, kInsertCall);
    if (!insert)
        return writeError(InsertCall);
    insert->bind(0, call.channel);
    insert->bind(1, call.atMs);
    insert->bind(2, attemptOutcomeName(call.outcome));
    insert->bind(3, call.listings);
    const int failedListings = call.failedListings >= 0 ? call.failedListings
        : call.outcome == AttemptOutcome::Acknowledged  ? 0
                                                        : call.listings;
    insert->bind(4, failedListings);
    if (!insert->exec())
        return writeError(InsertCall);
    return {};
}

Status MetricsLog::recordLag(const QString &channel, qint64 atMs, qint64 lagMs)
{
    return insertLag({channel, atMs, lagMs});
}

Status MetricsLog::recordCall(const QString &channel, qint64 atMs, AttemptOutcome outcome,
                              int listings, int failedListings)
{
    return insertCall({channel, atMs, outcome, listings, failedListings});
}

Status MetricsLog::record(const QList<LagSample> &lags, const QList<PropagationCall> &calls)
{
    if (lags.isEmpty() && calls.isEmpty())
        return {};
    // Joining the caller's transaction lets a report commit with the state it describes (and
    // fail with it: the caller rolls back).
    std::optional<WriteTransaction> own;
    if (!m_db.inTransaction()) {
        own.emplace(m_db);
        if (!own->ok())
            return own->error();
    }
    for (const LagSample &s : lags) {
        if (Status inserted = insertLag(s); !inserted)
            return inserted;
    }
    for (const PropagationCall &c : calls) {
        if (Status inserted = insertCall(c); !inserted)
            return inserted;
    }
    m_db.noteChange(Database::Change::Metrics);
    return own ? own->commit() : Status();
}

Status MetricsLog::prune(qint64 beforeMs)
{
    for (const QString &table : {u"lag_samples"_s, u"propagation_calls"_s}) {
        QSqlQuery q(m_db.connection());
        q.prepare(u"DELETE FROM %1 WHERE at < ?"_s.arg(table));
        q.addBindValue(beforeMs);
        if (!q.exec())
            return queryError(q, "cannot prune the metrics log:");
    }
    return {};
}

Status MetricsLog::loadInto(LagMonitor &monitor, qint64 sinceMs)
{
    struct Gauges
    {
        qint64 dead = 0;
        qint64 pending = 0;
        qint64 pendingSinceMs = LagMonitor::kNow;
    };
    std::map<QString, Gauges> channels;

    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // Channels with rows, whatever their age, so a channel that went quiet is still listed.
    if (!q.exec(u"SELECT DISTINCT channel FROM lag_samples UNION "
                "SELECT DISTINCT channel FROM propagation_calls"_s))
        return queryError(q, "cannot read the metrics log:");
    while (q.next())
        channels[q.value(0).toString()];

    q.prepare(u"SELECT channel, at, lag_ms FROM lag_samples WHERE at >= ?"_s);
    q.addBindValue(sinceMs);
    if (!q.exec())
        return queryError(q, "cannot read the metrics log:");
    while (q.next()) {
        monitor.recordLag(q.value(0).toString(), q.value(2).toLongLong() * 1000,
                          q.value(1).toLongLong());
    }

    q.prepare(u"SELECT channel, at, outcome, listings, failed_listings FROM propagation_calls "
              "WHERE at >= ?"_s);
    q.addBindValue(sinceMs);
    if (!q.exec())
        return queryError(q, "cannot read the metrics log:");
    while (q.next()) {
        const QString outcome = q.value(2).toString();
        // An unknown word (a newer writer) counts as a failure rather than vanishing.
        monitor.recordCall(q.value(0).toString(),
                           attemptOutcomeFromName(outcome).value_or(AttemptOutcome::Failed),
                           q.value(3).toInt(), q.value(4).toInt(), q.value(1).toLongLong());
    }

    if (!q.exec(u"SELECT channel, "
                "SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN state IN ('pending', 'retrying') THEN 1 ELSE 0 END), "
                "MIN(CASE WHEN state IN ('pending', 'retrying') THEN pending_since END) "
                "FROM listings GROUP BY channel"_s))
        return queryError(q, "cannot read the metrics log:");
    while (q.next()) {
        Gauges &g = channels[q.value(0).toString()];
        g.dead = q.value(1).toLongLong();
        g.pending = q.value(2).toLongLong();
        if (!q.value(3).isNull())
            g.pendingSinceMs = q.value(3).toLongLong();
    }
    for (const auto &[channel, g] : channels) {
        monitor.setDeadLetterDepth(channel, g.dead);
        monitor.setPending(channel, g.pending, g.pendingSinceMs);
    }
    return {};
}

Status MetricsLog::follow(LagMonitor &monitor, qint64 sinceMs, Position *position)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, channel, at, lag_ms FROM lag_samples WHERE id > ? AND at >= ? "
              "ORDER BY id"_s);
    q.addBindValue(position->lag);
    q.addBindValue(sinceMs);
    if (!q.exec())
        return queryError(q, "cannot read the metrics log:");
    while (q.next()) {
        position->lag = q.value(0).toLongLong();
        monitor.recordLag(q.value(1).toString(), q.value(3).toLongLong() * 1000,
                          q.value(2).toLongLong());
    }
    q.prepare(u"SELECT id, channel, at, outcome, listings, failed_listings FROM "
              "propagation_calls WHERE id > ? AND at >= ? ORDER BY id"_s);
    q.addBindValue(position->call);
    q.addBindValue(sinceMs);
    if (!q.exec())
        return queryError(q, "cannot read the metrics log:");
    while (q.next()) {
        position->call = q.value(0).toLongLong();
        monitor.recordCall(
            q.value(1).toString(),
            attemptOutcomeFromName(q.value(3).toString()).value_or(AttemptOutcome::Failed),
            q.value(4).toInt(), q.value(5).toInt(), q.value(2).toLongLong());
    }
    return {};
}

Result<std::optional<qint64>> MetricsLog::lastAckAt(const QString &channel) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT MAX(t) FROM ("
              "SELECT MAX(at) AS t FROM lag_samples WHERE channel = ? UNION ALL "
              "SELECT MAX(at) FROM propagation_calls WHERE channel = ? AND "
              "outcome = 'acknowledged' UNION ALL "
              "SELECT MAX(acked_at) FROM listings WHERE channel = ?) acks"_s);
    q.addBindValue(channel);
    q.addBindValue(channel);
    q.addBindValue(channel);
    if (!q.exec() || !q.next())
        return queryError(q, "cannot read the metrics log:");
    if (q.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<std::optional<qint64>> MetricsLog::lagP99(qint64 fromMs, qint64 toMs) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT lag_ms FROM lag_samples WHERE at >= ? AND at < ?"_s);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return queryError(q, "cannot read the metrics log:");
    LatencyHistogram lags;
    while (q.next())
        lags.record(q.value(0).toLongLong() * 1000);
    if (lags.isEmpty())
        return std::optional<qint64>();
    return std::optional<qint64>(qRound64(lags.percentile(99) / 1000));
}

} // namespace ChannelDesk
