#include "driftstore.h"

#include "database.h"
#include "mutationlog.h"
#include "storequery.h"
#include "writetransaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

const QString kColumns =
    u"SELECT channel, sku, remote_id, shown, expected, since, seen_at, runs FROM drift"_s;

DriftRow driftFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
            q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong(),
            q.value(6).toLongLong(), q.value(7).toInt()};
}
} // namespace

Result<QList<DriftRow>> DriftStore::record(const QString &channel, const QStringList &checked,
                                           const QList<DriftRow> &drifted, qint64 nowMs)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSet<QString> drifting;
    for (const DriftRow &d : drifted)
        drifting.insert(d.sku);
    QSqlQuery drop(m_db.connection());
    drop.prepare(u"DELETE FROM drift WHERE channel = ? AND sku = ?"_s);
    for (const QString &sku : checked) {
        if (drifting.contains(sku))
            continue;
        drop.addBindValue(channel);
        drop.addBindValue(sku);
        if (!drop.exec())
            return queryError(drop, "cannot clear drift:");
    }
    // A listing still drifting keeps its since and counts a run more.
    QSqlQuery upsert(m_db.connection());
    upsert.prepare(u"INSERT INTO drift (channel, sku, remote_id, shown, expected, since, seen_at, "
                   "runs) VALUES (?, ?, ?, ?, ?, ?, ?, 1) "
                   "ON CONFLICT (channel, sku) DO UPDATE SET remote_id = excluded.remote_id, "
                   "shown = excluded.shown, expected = excluded.expected, "
                   "seen_at = excluded.seen_at, runs = drift.runs + 1"_s);
    for (const DriftRow &d : drifted) {
        upsert.addBindValue(channel);
        upsert.addBindValue(d.sku);
        upsert.addBindValue(nonNull(d.remoteId));
        upsert.addBindValue(d.shown);
        upsert.addBindValue(d.expected);
        upsert.addBindValue(nowMs);
        upsert.addBindValue(nowMs);
        if (!upsert.exec())
            return queryError(upsert, "cannot record drift:");
    }
    QList<DriftRow> out;
    if (!drifted.isEmpty()) {
        const auto rows = drift(channel);
        if (!rows)
            return Error {rows.error()};
        for (const DriftRow &d : *rows) {
            if (drifting.contains(d.sku))
                out.append(d);
        }
    }
    if (const Status done = tx.commit(); !done)
        return Error {done.error()};
    return out;
}

Result<QList<DriftRow>> DriftStore::drift(const QString &channel) const
{
    if (channel.isEmpty())
        return selectRows(m_db, kColumns + u" ORDER BY channel, sku"_s, {}, driftFrom,
                          "cannot read drift:");
    return selectRows(m_db, kColumns + u" WHERE channel = ? ORDER BY sku"_s, {channel}, driftFrom,
                      "cannot read drift:");
}

Status DriftStore::clear(const QString &channel, const QStringList &skus)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery drop(m_db.connection());
    drop.prepare(u"DELETE FROM drift WHERE channel = ? AND sku = ?"_s);
    for (const QString &sku : skus) {
        drop.addBindValue(channel);
        drop.addBindValue(sku);
        if (!drop.exec())
            return queryError(drop, "cannot clear drift:");
    }
    return tx.commit();
}

Result<int> DriftStore::resend(const QList<DriftRow> &rows, const QString &actor, qint64 nowMs)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery stock(m_db.connection());
    stock.setForwardOnly(true);
    stock.prepare(u"SELECT s.available, s.committed, s.version FROM stock s JOIN listings l "
                  "ON l.sku = s.sku WHERE l.channel = ? AND l.sku = ?"_s);
    // Due again at the current version: due() sends a listing whose stock version is past its
    // acknowledged one, so the acknowledged version steps back by one (never below 0).
    QSqlQuery arm(m_db.connection());
    arm.prepare(u"UPDATE listings SET acked_version = CASE WHEN acked_version >= ? THEN ? "
                "ELSE acked_version END, acked_quantity = ?, pending_version = ?, "
                "pending_since = COALESCE(pending_since, ?), state = 'pending', attempts = 0, "
                "next_attempt_at = NULL, last_error = '' WHERE channel = ? AND sku = ?"_s);
    QSqlQuery drop(m_db.connection());
    drop.prepare(u"DELETE FROM drift WHERE channel = ? AND sku = ?"_s);
    MutationLog log(m_db);
    int armed = 0;
    for (const DriftRow &d : rows) {
        stock.addBindValue(d.channel);
        stock.addBindValue(d.sku);
        if (!stock.exec())
            return queryError(stock, "cannot read a drifting listing:");
        if (!stock.next())
            continue;
        const qint64 available = stock.value(0).toLongLong();
        const qint64 committed = stock.value(1).toLongLong();
        const qint64 version = stock.value(2).toLongLong();
        stock.finish();
        arm.addBindValue(version);
        arm.addBindValue(std::max<qint64>(0, version - 1));
        arm.addBindValue(d.shown);
        arm.addBindValue(version);
        arm.addBindValue(nowMs);
        arm.addBindValue(d.channel);
        arm.addBindValue(d.sku);
        if (!arm.exec())
            return queryError(arm, "cannot send a drifting listing again:");
        drop.addBindValue(d.channel);
        drop.addBindValue(d.sku);
        if (!drop.exec())
            return queryError(drop, "cannot clear drift:");
        Mutation m;
        m.sku = d.sku;
        m.availableAfter = available;
        m.committedAfter = committed;
        m.version = version;
        m.kind = MutationKind::Reconcile;
        m.channel = d.channel;
        m.actor = nonNull(actor);
        m.reason = u"%1 showed %2, should show %3: sent again"_s.arg(d.channel).arg(d.shown).arg(
            d.expected);
        m.atMs = nowMs;
        if (!log.append(m))
            return Error {log.lastError()};
        ++armed;
    }
    if (const Status done = tx.commit(); !done)
        return Error {done.error()};
    return armed;
}

Result<QHash<QString, int>> DriftStore::countByChannel() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT channel, COUNT(*) FROM drift GROUP BY channel"_s))
        return queryError(q, "cannot count drift:");
    QHash<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

} // namespace ChannelDesk
