#include "mutationlog.h"

#include "database.h"
#include "statement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

MutationLog::MutationLog(Database &db)
    : m_db(db)
{
}

MutationLog::~MutationLog() = default;

bool MutationLog::append(Mutation &m)
{
    const bool postgres = m_db.dialect() == Database::Dialect::Postgres;
    if (!m_insert) {
        m_insert = m_db.statement(
            u"INSERT INTO mutations (sku, delta, available_after, committed_delta, "
            "committed_after, version, kind, channel, order_id, event_id, actor, reason, "
            "paused_after, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s +
            (postgres ? u" RETURNING id"_s : QString()));
        if (!m_insert) {
            m_lastError = m_db.lastError();
            return false;
        }
    }
    Statement *q = m_insert;
    q->bind(0, m.sku);
    q->bind(1, m.delta);
    q->bind(2, m.availableAfter);
    q->bind(3, m.committedDelta);
    q->bind(4, m.committedAfter);
    q->bind(5, m.version);
    q->bind(6, kindName(m.kind));
    q->bind(7, m.channel);
    q->bind(8, m.orderId);
    q->bind(9, m.eventId);
    q->bind(10, m.actor);
    q->bind(11, m.reason);
    q->bind(12, qint64(m.pausedAfter ? 1 : 0));
    q->bind(13, m.atMs);
    if (!q->exec()) {
        m_lastError = q->lastError();
        return false;
    }
    m_db.noteMutations();
    if (postgres) {
        if (!q->next()) {
            m_lastError = q->lastError();
            return false;
        }
        m.id = q->int64(0);
        q->finish();
    } else {
        m.id = q->lastInsertId();
    }
    return true;
}

Result<QList<Mutation>> MutationLog::read(const Filter &filter) const
{
    QList<Mutation> out;
    if (const Status scanned = scan(filter, [&out](const Mutation &m) { out.append(m); }); !scanned)
        return Error {scanned.error()};
    return out;
}

Status MutationLog::scan(const Filter &filter,
                         const std::function<void(const Mutation &)> &visit) const
{
    QString sql = u"SELECT id, sku, delta, available_after, version, kind, channel, order_id, "
                  "actor, reason, paused_after, at, committed_delta, committed_after, event_id "
                  "FROM mutations WHERE id > ?"_s;
    QVariantList binds {filter.afterId};
    if (!filter.sku.isEmpty()) {
        sql += u" AND sku = ?"_s;
        binds.append(filter.sku);
    }
    if (!filter.orderId.isEmpty()) {
        sql += u" AND order_id = ?"_s;
        binds.append(filter.orderId);
    }
    if (!filter.channel.isEmpty()) {
        sql += u" AND channel = ?"_s;
        binds.append(filter.channel);
    }
    if (filter.kind) {
        sql += u" AND kind = ?"_s;
        binds.append(kindName(*filter.kind));
    }
    if (filter.fromMs > 0) {
        sql += u" AND at >= ?"_s;
        binds.append(filter.fromMs);
    }
    if (filter.toMs > 0) {
        sql += u" AND at < ?"_s;
        binds.append(filter.toMs);
    }
    sql += filter.newestFirst ? u" ORDER BY id DESC"_s : u" ORDER BY id"_s;
    if (filter.limit > 0)
        sql += u" LIMIT %1"_s.arg(filter.limit);

    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return Error {q.lastError().text()};
    while (q.next()) {
        Mutation m;
        m.id = q.value(0).toLongLong();
        m.sku = q.value(1).toString();
        m.delta = q.value(2).toLongLong();
        m.availableAfter = q.value(3).toLongLong();
        m.version = q.value(4).toLongLong();
        kindFromName(q.value(5).toString(), &m.kind);
        m.channel = q.value(6).toString();
        m.orderId = q.value(7).toString();
        m.actor = q.value(8).toString();
        m.reason = q.value(9).toString();
        m.pausedAfter = q.value(10).toInt() != 0;
        m.atMs = q.value(11).toLongLong();
        m.committedDelta = q.value(12).toLongLong();
        m.committedAfter = q.value(13).toLongLong();
        m.eventId = q.value(14).toString();
        visit(m);
    }
    return {};
}

Result<QList<Mutation>> MutationLog::feed(qint64 afterId, int limit) const
{
    Filter filter;
    filter.afterId = afterId;
    filter.limit = limit;
    return read(filter);
}

Result<std::optional<qint64>> MutationLog::firstAt() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT MIN(at) FROM mutations"_s) || !q.next())
        return Error {q.lastError().text()};
    if (q.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<qint64> MutationLog::lastId() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT COALESCE(MAX(id), 0) FROM mutations"_s) || !q.next())
        return Error {q.lastError().text()};
    return q.value(0).toLongLong();
}

} // namespace ChannelDesk
