#include "inventorystore.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

StockLevel stockFrom(const QSqlQuery &q)
{
    StockLevel s;
    s.sku = q.value(0).toString();
    s.title = q.value(1).toString();
    s.available = q.value(2).toLongLong();
    s.safetyBuffer = q.value(3).toLongLong();
    s.version = q.value(4).toLongLong();
    s.paused = q.value(5).toInt() != 0;
    s.committed = q.value(6).toLongLong();
    return s;
}

const QString kStockColumns = u"SELECT sku, title, available, safety_buffer, version, paused, "
                              "committed FROM stock"_s;
} // namespace

Result<QList<StockLevel>> InventoryStore::allStock() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(kStockColumns + u" ORDER BY sku"_s))
        return Error {q.lastError().text()};
    QList<StockLevel> levels;
    while (q.next())
        levels.append(stockFrom(q));
    return levels;
}

bool InventoryStore::allStock(QList<StockLevel> *out, QString *error) const
{
    auto levels = allStock();
    if (!levels) {
        *error = levels.error();
        return false;
    }
    out->append(*levels);
    return true;
}

Result<std::optional<StockLevel>> InventoryStore::stock(const QString &sku) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(kStockColumns + u" WHERE sku = ?"_s);
    q.addBindValue(sku);
    if (!q.exec())
        return Error {q.lastError().text()};
    if (!q.next())
        return std::optional<StockLevel>();
    return std::optional<StockLevel>(stockFrom(q));
}

Result<QList<Mutation>> InventoryStore::audit(const AuditFilter &filter) const
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
    QList<Mutation> out;
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
        out.append(m);
    }
    return out;
}

Result<qint64> InventoryStore::lastMutationId() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT COALESCE(MAX(id), 0) FROM mutations"_s) || !q.next())
        return Error {q.lastError().text()};
    return q.value(0).toLongLong();
}

} // namespace ChannelDesk
