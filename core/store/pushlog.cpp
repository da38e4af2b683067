#include "pushlog.h"

#include "database.h"
#include "statement.h"
#include "writetransaction.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

Status PushLog::record(const QList<PushRecord> &records)
{
    if (records.isEmpty())
        return {};
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // Prepared once for the connection (Database keeps it): a row per listing of every call.
    Statement *insert =
        m_db.statement(u"INSERT INTO push_log (channel, sku, version, state, sent_at, acked_at, "
                       "lag_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!insert)
        return Error {u"cannot record pushes: "_s + m_db.lastError()};
    for (const PushRecord &r : records) {
        insert->bind(0, r.channel);
        insert->bind(1, r.sku);
        insert->bind(2, r.version);
        insert->bind(3, r.state);
        insert->bind(4, r.sentAtMs);
        if (r.ackedAtMs > 0)
            insert->bind(5, r.ackedAtMs);
        else
            insert->bindNull(5);
        if (r.lagMs >= 0)
            insert->bind(6, r.lagMs);
        else
            insert->bindNull(6);
        insert->bind(7, r.error.left(500));
        if (!insert->exec())
            return Error {u"cannot record pushes: "_s + insert->lastError()};
    }
    return tx.commit();
}

Status PushLog::prune(qint64 nowMs)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM push_log WHERE sent_at < ? OR id <= "
              "(SELECT COALESCE(MAX(id), 0) FROM push_log) - ?"_s);
    q.addBindValue(nowMs - kKeepMs);
    q.addBindValue(kMaxRows);
    if (!q.exec())
        return queryError(q, "cannot prune the push log:");
    return {};
}

Result<QList<PushRecord>> PushLog::forMutations(const QList<Mutation> &mutations) const
{
    QList<PushRecord> out;
    // The lowest version each SKU reached through these mutations that channels are sent.
    QHash<QString, qint64> first;
    for (const Mutation &m : mutations) {
        if (!changesStock(m.kind) || m.version <= 0)
            continue;
        const auto it = first.constFind(m.sku);
        if (it == first.cend() || m.version < *it)
            first.insert(m.sku, m.version);
    }
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT channel, version, state, sent_at, acked_at, lag_ms, error FROM push_log "
              "WHERE sku = ? AND version >= ? ORDER BY id LIMIT 200"_s);
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        q.addBindValue(it.key());
        q.addBindValue(it.value());
        if (!q.exec())
            return queryError(q, "cannot read the push log:");
        QSet<QString> done; // channels whose push of these versions was acknowledged
        while (q.next()) {
            const QString channel = q.value(0).toString();
            if (done.contains(channel))
                continue;
            PushRecord r;
            r.channel = channel;
            r.sku = it.key();
            r.version = q.value(1).toLongLong();
            r.state = q.value(2).toString();
            r.sentAtMs = q.value(3).toLongLong();
            r.ackedAtMs = q.value(4).isNull() ? 0 : q.value(4).toLongLong();
            r.lagMs = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
            r.error = q.value(6).toString();
            if (r.state == "acknowledged"_L1)
                done.insert(channel);
            out.append(r);
        }
    }
    return out;
}

} // namespace ChannelDesk
