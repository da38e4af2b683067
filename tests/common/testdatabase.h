#pragma once

#include "store/database.h"
#include "store/inventorystore.h"
#include "sync/syncengine.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ChannelDesk::Testing {

// A fresh SQLite inventory in a temporary folder, removed with the object.
class TestDatabase
{
public:
    TestDatabase()
    {
        QString error;
        m_db = Database::open(path(), &error);
        if (!m_db)
            qFatal("cannot open the test database: %s", qPrintable(error));
    }
    QString path() const { return m_dir.filePath(QStringLiteral("inventory.sqlite")); }
    Database &db() { return *m_db; }
    std::unique_ptr<Database> another()
    {
        QString error;
        auto db = m_db->openAnother(&error);
        if (!db)
            qFatal("cannot open another connection: %s", qPrintable(error));
        return db;
    }
    qint64 count(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql) || !q.next())
            qFatal("count failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }
    StockLevel stock(const QString &sku)
    {
        const auto s = InventoryStore(*m_db).stock(sku);
        if (!s || !*s)
            qFatal("no stock row for %s", qPrintable(sku));
        return **s;
    }
    QList<Mutation> log(const QString &sku = {})
    {
        InventoryStore::AuditFilter filter;
        filter.sku = sku;
        const auto out = InventoryStore(*m_db).audit(filter);
        if (!out)
            qFatal("audit failed: %s", qPrintable(out.error()));
        return *out;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

inline StockImportRow stockRow(const QString &sku, qint64 available, qint64 buffer = 0)
{
    StockImportRow row;
    row.sku = sku;
    row.available = available;
    row.safetyBuffer = buffer;
    return row;
}

// An order line that names the product only by the channel's id (no SKU in the order).
inline OrderLine byRemoteId(const QString &remoteId, qint64 quantity)
{
    OrderLine line;
    line.remoteId = remoteId;
    line.quantity = quantity;
    return line;
}

inline OrderEvent order(const QString &channel, const QString &id, QList<OrderLine> lines)
{
    return OrderEvent {channel, id, std::move(lines), 0};
}

} // namespace ChannelDesk::Testing
