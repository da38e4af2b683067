#include "mappingstore.h"

#include "database.h"
#include "writetransaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

const QString kColumns = u"SELECT channel, sku, remote_id FROM listings"_s;

ListingMapping mappingFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
}

// The first mapping the statement finds, or nullopt.
Result<std::optional<ListingMapping>> first(Database &db, const QString &where,
                                            const QVariantList &binds)
{
    const auto rows =
        selectRows(db, kColumns + where, binds, mappingFrom, "cannot read a listing mapping:");
    if (!rows)
        return Error {rows.error()};
    if (rows->isEmpty())
        return std::optional<ListingMapping>();
    return std::optional<ListingMapping>(rows->constFirst());
}
} // namespace

Status MappingStore::importMappings(const QList<ListingMapping> &rows, qint64 nowMs)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery version(m_db.connection());
    version.prepare(u"SELECT version FROM stock WHERE sku = ?"_s);
    QSqlQuery upsert(m_db.connection());
    upsert.prepare(
        u"INSERT INTO listings (channel, sku, remote_id, pending_version, pending_since, "
        "state) VALUES (?, ?, ?, ?, ?, 'pending') "
        "ON CONFLICT (channel, sku) DO UPDATE SET remote_id = excluded.remote_id, "
        "pending_version = excluded.pending_version, "
        "pending_since = COALESCE(listings.pending_since, excluded.pending_since), "
        "state = CASE WHEN listings.remote_id = excluded.remote_id THEN listings.state "
        "ELSE 'pending' END"_s);
    for (const ListingMapping &row : rows) {
        version.addBindValue(row.sku);
        if (!version.exec())
            return queryError(version, "cannot import mappings:");
        if (!version.next())
            return Error {u"unknown SKU %1 (import stock first)"_s.arg(row.sku)};
        const qint64 v = version.value(0).toLongLong();
        version.finish();
        upsert.addBindValue(row.channel);
        upsert.addBindValue(row.sku);
        upsert.addBindValue(row.remoteId);
        upsert.addBindValue(v);
        upsert.addBindValue(nowMs);
        if (!upsert.exec())
            return queryError(upsert, "cannot import mappings:");
    }
    return tx.commit();
}

Result<QList<ListingMapping>> MappingStore::mappings(const QString &channel) const
{
    if (channel.isEmpty())
        return selectRows(m_db, kColumns + u" ORDER BY channel, sku"_s, {}, mappingFrom,
                          "cannot read listing mappings:");
    return selectRows(m_db, kColumns + u" WHERE channel = ? ORDER BY sku"_s, {channel}, mappingFrom,
                      "cannot read listing mappings:");
}

Result<std::optional<ListingMapping>> MappingStore::byRemoteId(const QString &channel,
                                                               const QString &remoteId) const
{
    return first(m_db, u" WHERE channel = ? AND remote_id = ? ORDER BY sku LIMIT 1"_s,
                 {channel, remoteId});
}

Result<std::optional<ListingMapping>> MappingStore::bySku(const QString &channel,
                                                          const QString &sku) const
{
    return first(m_db, u" WHERE channel = ? AND sku = ?"_s, {channel, sku});
}

} // namespace ChannelDesk
