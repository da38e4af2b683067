#include "inboxstore.h"

#include "store/database.h"
#include "store/storequery.h"
#include "store/writetransaction.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

const QString kColumns =
    u"id, channel, delivery_id, topic, received_at, headers, body, status, error, applied_at"_s;

QByteArray headersJson(const QHash<QByteArray, QByteArray> &headers)
{
    QJsonObject o;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        o.insert(QString::fromLatin1(it.key()), QString::fromUtf8(it.value()));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QHash<QByteArray, QByteArray> headersFrom(const QByteArray &json)
{
    QHash<QByteArray, QByteArray> headers;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        headers.insert(it.key().toLatin1(), it.value().toString().toUtf8());
    return headers;
}

InboxEntry entryFrom(const QSqlQuery &q)
{
    InboxEntry e;
    e.id = q.value(0).toLongLong();
    e.delivery.channel = q.value(1).toString();
    e.delivery.deliveryId = q.value(2).toString();
    e.delivery.topic = q.value(3).toString().toUtf8();
    e.delivery.receivedAtMs = q.value(4).toLongLong();
    e.delivery.headers = headersFrom(q.value(5).toByteArray());
    e.delivery.body = q.value(6).toByteArray();
    e.status = deliveryStatusFromName(q.value(7).toString()).value_or(DeliveryStatus::Invalid);
    e.error = q.value(8).toString();
    e.appliedAtMs = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
    return e;
}
} // namespace

QString InboxStore::locationFor(const QString &inventoryLocation)
{
    if (Database::isPostgresLocation(inventoryLocation))
        return inventoryLocation; // the inventory's own database, drained by every worker
    const QFileInfo info(inventoryLocation);
    return info.dir().filePath(info.completeBaseName() + u".inbox.sqlite"_s);
}

namespace {
Database::Options inboxOptions(bool full)
{
    Database::Options options;
    options.schema = Database::Schema::Inbox;
    options.synchronous = full ? Database::Synchronous::Full : Database::Synchronous::Normal;
    // Only the intake writes here (and a CLI replay, briefly): a short wait is plenty, and the
    // answer to a channel must not hang on it.
    options.busyTimeoutMs = 2000;
    // Rows are written once and updated once: a small WAL keeps checkpoints short.
    options.walAutocheckpointPages = 1000;
    return options;
}
} // namespace

std::unique_ptr<Database> InboxStore::open(const QString &location, bool full, QString *error)
{
    return Database::open(location, inboxOptions(full), error);
}

std::unique_ptr<Database> InboxStore::openReadOnly(const QString &location, QString *error)
{
    Database::Options options = inboxOptions(false); // writes nothing: no sync to ask for
    options.access = Database::Access::ReadOnly;
    return Database::open(location, options, error);
}

Result<QList<qint64>> InboxStore::append(const QList<Delivery> &deliveries)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO deliveries (channel, delivery_id, topic, received_at, headers, body) "
              "VALUES (?, ?, ?, ?, ?, ?)"_s);
    QList<qint64> ids;
    ids.reserve(deliveries.size());
    for (const Delivery &d : deliveries) {
        q.addBindValue(d.channel);
        q.addBindValue(nonNull(d.deliveryId));
        // A delivery may name no topic (WooCommerce's save-time ping sends none): '' not NULL.
        q.addBindValue(nonNull(QString::fromUtf8(d.topic)));
        q.addBindValue(d.receivedAtMs);
        q.addBindValue(QString::fromUtf8(headersJson(d.headers)));
        q.addBindValue(d.body.isNull() ? QByteArray("") : d.body);
        if (!q.exec())
            return queryError(q, "inbox: cannot append a delivery:");
        ids.append(q.lastInsertId().toLongLong());
    }
    m_db.noteChange(Database::Change::Deliveries);
    if (Status committed = tx.commit(); !committed)
        return Error {committed.error()};
    return ids;
}

Status InboxStore::recordOutcomes(const QList<Outcome> &outcomes, qint64 nowMs)
{
    if (outcomes.isEmpty())
        return {};
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE deliveries SET status = ?, error = ?, applied_at = ? WHERE id = ?"_s);
    for (const Outcome &o : outcomes) {
        q.addBindValue(deliveryStatusName(o.status));
        q.addBindValue(nonNull(o.error));
        q.addBindValue(nowMs);
        q.addBindValue(o.id);
        if (!q.exec())
            return queryError(q, "inbox: cannot record an outcome:");
    }
    m_db.noteChange(Database::Change::Deliveries);
    return tx.commit();
}

Result<QList<InboxEntry>> InboxStore::pending(int limit) const
{
    return selectRows(
        m_db,
        u"SELECT %1 FROM deliveries WHERE status = 'pending' ORDER BY id LIMIT ?"_s.arg(kColumns),
        {limit}, &entryFrom, "inbox: cannot read the pending deliveries:");
}

Result<QList<InboxEntry>> InboxStore::list(const Filter &filter) const
{
    QString sql = u"SELECT %1 FROM deliveries WHERE 1 = 1"_s.arg(kColumns);
    QVariantList binds;
    if (!filter.channel.isEmpty()) {
        sql += u" AND channel = ?"_s;
        binds.append(filter.channel);
    }
    if (filter.status) {
        sql += u" AND status = ?"_s;
        binds.append(deliveryStatusName(*filter.status));
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    binds.append(filter.limit);
    return selectRows(m_db, sql, binds, &entryFrom, "inbox: cannot list deliveries:");
}

Result<std::optional<InboxEntry>> InboxStore::entry(qint64 id) const
{
    const auto rows = selectRows(m_db, u"SELECT %1 FROM deliveries WHERE id = ?"_s.arg(kColumns),
                                 {id}, &entryFrom, "inbox: cannot read a delivery:");
    if (!rows)
        return Error {rows.error()};
    if (rows->isEmpty())
        return std::optional<InboxEntry> {};
    return std::optional<InboxEntry> {rows->first()};
}

Status InboxStore::replay(qint64 id)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const auto found = entry(id);
    if (!found)
        return Error {found.error()};
    if (!*found)
        return Error {u"no delivery %1 in the inbox"_s.arg(id)};
    const DeliveryStatus status = (*found)->status;
    if (status != DeliveryStatus::Invalid && status != DeliveryStatus::Ignored &&
        status != DeliveryStatus::Unmatched)
        return Error {
            u"delivery %1 is %2; only an invalid, ignored or unmatched one is replayed"_s.arg(id)
                .arg(deliveryStatusName(status))};
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE deliveries SET status = 'pending', error = '', applied_at = NULL "
              "WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return queryError(q, "inbox: cannot replay a delivery:");
    m_db.noteChange(Database::Change::Deliveries);
    return tx.commit();
}

Result<qint64> InboxStore::backlog() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT COUNT(*) FROM deliveries WHERE status = 'pending'"_s) || !q.next())
        return queryError(q, "inbox: cannot count the backlog:");
    return q.value(0).toLongLong();
}

Result<QHash<QPair<QString, QString>, qint64>> InboxStore::counts() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT channel, status, COUNT(*) FROM deliveries GROUP BY channel, status"_s))
        return queryError(q, "inbox: cannot count deliveries:");
    QHash<QPair<QString, QString>, qint64> counts;
    while (q.next())
        counts.insert({q.value(0).toString(), q.value(1).toString()}, q.value(2).toLongLong());
    return counts;
}

Result<qint64> InboxStore::prune(qint64 cutoffMs)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM deliveries WHERE status <> 'pending' AND received_at < ?"_s);
    q.addBindValue(cutoffMs);
    if (!q.exec())
        return queryError(q, "inbox: cannot prune:");
    const qint64 removed = q.numRowsAffected();
    if (Status committed = tx.commit(); !committed)
        return Error {committed.error()};
    return removed;
}

} // namespace ChannelDesk
