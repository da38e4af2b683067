#include "inventorystore.h"

#include "database.h"
#include "mutationlog.h"

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

Result<QList<StockLevel>> InventoryStore::stockPage(const QString &afterSku, int limit) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // Without a SKU to start after, every SKU (a bound null would compare as unknown).
    q.prepare(kStockColumns + (afterSku.isEmpty() ? u""_s : u" WHERE sku > ?"_s) +
              u" ORDER BY sku LIMIT ?"_s);
    if (!afterSku.isEmpty())
        q.addBindValue(afterSku);
    q.addBindValue(limit);
    if (!q.exec())
        return Error {q.lastError().text()};
    QList<StockLevel> levels;
    levels.reserve(limit);
    while (q.next())
        levels.append(stockFrom(q));
    return levels;
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
    return MutationLog(m_db).read(filter);
}

Result<qint64> InventoryStore::lastMutationId() const
{
    return MutationLog(m_db).lastId();
}

} // namespace ChannelDesk
