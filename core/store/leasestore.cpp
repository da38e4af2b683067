#include "leasestore.h"

#include "database.h"
#include "storequery.h"
#include "writetransaction.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

Result<std::optional<qint64>> LeaseStore::acquire(const QString &channel, const QString &worker,
                                                  qint64 nowMs, qint64 ttlMs)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT holder, token, expires_at FROM channel_leases WHERE channel = ?"_s);
    q.addBindValue(channel);
    if (!q.exec())
        return queryError(q, "cannot read a channel's lease:");
    qint64 token = 1;
    QSqlQuery w(m_db.connection());
    if (q.next()) {
        const QString holder = q.value(0).toString();
        const qint64 held = q.value(1).toLongLong();
        const qint64 expires = q.value(2).toLongLong();
        q.finish();
        if (holder != worker && expires > nowMs)
            return std::optional<qint64>(); // another worker holds it
        // Renewed by its holder (same token), or taken over once expired (the next token).
        token = holder == worker && expires > nowMs ? held : held + 1;
        if (token != held)
            m_db.noteChange(Database::Change::Leases); // changes hands: consoles show the holder
        w.prepare(u"UPDATE channel_leases SET holder = ?, token = ?, acquired_at = CASE WHEN "
                  "token = ? THEN acquired_at ELSE ? END, expires_at = ? WHERE channel = ?"_s);
        w.addBindValue(worker);
        w.addBindValue(token);
        w.addBindValue(token);
        w.addBindValue(nowMs);
        w.addBindValue(nowMs + ttlMs);
        w.addBindValue(channel);
    } else {
        q.finish();
        m_db.noteChange(Database::Change::Leases);
        w.prepare(u"INSERT INTO channel_leases (channel, holder, token, acquired_at, expires_at) "
                  "VALUES (?, ?, ?, ?, ?)"_s);
        w.addBindValue(channel);
        w.addBindValue(worker);
        w.addBindValue(token);
        w.addBindValue(nowMs);
        w.addBindValue(nowMs + ttlMs);
    }
    if (!w.exec())
        return queryError(w, "cannot write a channel's lease:");
    if (const Status done = tx.commit(); !done)
        return Error {done.error()};
    return std::optional<qint64>(token);
}

Status LeaseStore::release(const QString &channel, const QString &worker, qint64 token)
{
    // Expired at once, keeping its token: the next holder's is one more.
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE channel_leases SET expires_at = 0 WHERE channel = ? AND holder = ? "
              "AND token = ?"_s);
    q.addBindValue(channel);
    q.addBindValue(worker);
    q.addBindValue(token);
    if (!q.exec())
        return queryError(q, "cannot release a channel's lease:");
    if (q.numRowsAffected() > 0)
        m_db.noteChange(Database::Change::Leases);
    return {};
}

Result<bool> LeaseStore::holds(const QString &channel, const QString &worker, qint64 token,
                               qint64 nowMs) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT 1 FROM channel_leases WHERE channel = ? AND holder = ? AND token = ? "
              "AND expires_at > ?"_s);
    q.addBindValue(channel);
    q.addBindValue(worker);
    q.addBindValue(token);
    q.addBindValue(nowMs);
    if (!q.exec())
        return queryError(q, "cannot read a channel's lease:");
    return q.next();
}

Status LeaseStore::heartbeat(const Worker &worker, qint64 nowMs)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO workers (worker_id, host, pid, started_at, heartbeat_at) "
              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (worker_id) DO UPDATE SET "
              "heartbeat_at = excluded.heartbeat_at"_s);
    q.addBindValue(worker.id);
    q.addBindValue(nonNull(worker.host));
    q.addBindValue(worker.pid);
    q.addBindValue(worker.startedAtMs);
    q.addBindValue(nowMs);
    if (!q.exec())
        return queryError(q, "cannot record a worker's heartbeat:");
    return {};
}

Result<QList<LeaseStore::Worker>> LeaseStore::workers(qint64 nowMs) const
{
    auto rows = selectRows<Worker>(
        m_db,
        u"SELECT worker_id, host, pid, started_at, heartbeat_at FROM workers "
        "ORDER BY heartbeat_at DESC, worker_id"_s,
        {},
        [](const QSqlQuery &q) {
            return Worker {q.value(0).toString(),   q.value(1).toString(),
                           q.value(2).toLongLong(), q.value(3).toLongLong(),
                           q.value(4).toLongLong(), {}};
        },
        "cannot read the workers:");
    if (!rows)
        return rows;
    const auto held = leases();
    if (!held)
        return Error {held.error()};
    for (Worker &w : *rows) {
        for (const Lease &l : *held) {
            if (l.holder == w.id && l.expiresAtMs > nowMs)
                w.channels.append(l.channel);
        }
    }
    return rows;
}

Result<QList<LeaseStore::Lease>> LeaseStore::leases() const
{
    return selectRows<Lease>(
        m_db,
        u"SELECT channel, holder, token, acquired_at, expires_at FROM channel_leases "
        "ORDER BY channel"_s,
        {},
        [](const QSqlQuery &q) {
            return Lease {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                          q.value(3).toLongLong(), q.value(4).toLongLong()};
        },
        "cannot read the channel leases:");
}

} // namespace ChannelDesk
