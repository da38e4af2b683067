#pragma once

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ChannelDesk {

class Database;

// Several `serve` workers on one inventory (issue 12): each worker's heartbeat, and the lease
// that lets exactly one worker at a time run a channel's propagator. A lease is a row
// (channel, holder, token, expires_at): its holder renews it before it expires; once it has
// expired any worker may take it, and the token grows by one. The token fences a worker that
// lost its lease (paused past the expiry, partitioned): PropagationStore checks (holder, token)
// in the same transaction as every acknowledgement and retry it writes for the channel, so a
// late answer from the old holder is refused instead of written (docs/architecture.md).
class LeaseStore
{
public:
    explicit LeaseStore(Database &db)
        : m_db(db)
    {
    }

    struct Lease
    {
        QString channel;
        QString holder;
        qint64 token = 0;
        qint64 acquiredAtMs = 0;
        qint64 expiresAtMs = 0;
    };
    struct Worker
    {
        QString id;
        QString host;
        qint64 pid = 0;
        qint64 startedAtMs = 0;
        qint64 heartbeatAtMs = 0;
        QStringList channels; // the channels whose unexpired lease it holds
    };

    // Takes the channel's lease for worker until nowMs + ttlMs, or renews it when worker holds
    // it already. Answers the lease's token, or nullopt while another worker holds an unexpired
    // one. One write transaction.
    Result<std::optional<qint64>> acquire(const QString &channel, const QString &worker,
                                          qint64 nowMs, qint64 ttlMs);
    // Gives the lease up (a clean shutdown), so another worker takes it without waiting for the
    // expiry; nothing when worker no longer holds it with that token.
    Status release(const QString &channel, const QString &worker, qint64 token);
    // Whether worker still holds the channel's lease with token at nowMs. Inside the caller's
    // transaction, so the answer holds until it commits (the write lock).
    Result<bool> holds(const QString &channel, const QString &worker, qint64 token,
                       qint64 nowMs) const;

    // The worker is alive: its row is written (created the first time) with nowMs.
    Status heartbeat(const Worker &worker, qint64 nowMs);
    // Every worker, newest heartbeat first, with the channels it holds at nowMs.
    Result<QList<Worker>> workers(qint64 nowMs) const;
    // Every channel's lease, by channel (expired ones too).
    Result<QList<Lease>> leases() const;

private:
    Database &m_db;
};

} // namespace ChannelDesk
