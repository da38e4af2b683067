#pragma once

#include "domain/mutation.h"
#include "domain/stocklevel.h"
#include "store/mutationlog.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ChannelDesk {

class Database;

// Read side of the source of truth: stock rows, and the mutation log through MutationLog. Writes
// go through SyncEngine only, so every change is audited.
class InventoryStore
{
public:
    explicit InventoryStore(Database &db)
        : m_db(db)
    {
    }

    using AuditFilter = MutationLog::Filter;

    // Every SKU, ordered by SKU.
    Result<QList<StockLevel>> allStock() const;
    // At most `limit` SKUs after `afterSku` (empty: from the first), ordered by SKU: the stock
    // read a part at a time (the console's first rows show before the last are read).
    Result<QList<StockLevel>> stockPage(const QString &afterSku, int limit) const;
    // The SKU's row; nullopt when there is no such SKU.
    Result<std::optional<StockLevel>> stock(const QString &sku) const;
    // The mutation log, oldest first (or newest first, see AuditFilter::newestFirst).
    Result<QList<Mutation>> audit(const AuditFilter &filter) const;
    // The newest mutation's id (0 for an empty log).
    Result<qint64> lastMutationId() const;

private:
    Database &m_db;
};

} // namespace ChannelDesk
