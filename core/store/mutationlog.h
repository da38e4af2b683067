#pragma once

#include "domain/mutation.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <array>
#include <functional>
#include <optional>

namespace ChannelDesk {

class Database;
class Statement;

// The mutation log (DESIGN §2.3): the audit trail and the change feed propagation reads, in one
// table and behind one class, its only writer and reader. The order path appends through a
// prepared statement inside its own transaction; the audit, the console and the propagators read.
class MutationLog
{
public:
    explicit MutationLog(Database &db);
    ~MutationLog();
    MutationLog(const MutationLog &) = delete;
    MutationLog &operator=(const MutationLog &) = delete;

    struct Filter
    {
        QString sku;
        QString orderId;
        QString channel;
        std::optional<MutationKind> kind;
        qint64 fromMs = 0; // inclusive; 0 = from the start
        qint64 toMs = 0; // exclusive; 0 = to the end
        qint64 afterId = 0; // only rows with a greater id (for incremental reads)
        qint64 limit = 0; // 0 = no limit
        bool newestFirst = false; // with a limit: the newest rows, still returned newest first
    };

    // Appends one row inside the caller's transaction and sets m.id. False on a database error
    // (lastError()).
    bool append(Mutation &m);
    QString lastError() const { return m_lastError; }

    // The log, oldest first (or newest first, see Filter::newestFirst).
    Result<QList<Mutation>> read(const Filter &filter) const;
    // The same rows, one at a time, without holding them all (a replay of months of orders).
    Status scan(const Filter &filter, const std::function<void(const Mutation &)> &visit) const;
    // The change feed: up to `limit` rows after `afterId`, oldest first.
    Result<QList<Mutation>> feed(qint64 afterId, int limit) const;
    // The newest row's id (0 for an empty log).
    Result<qint64> lastId() const;
    // When the oldest row was written (nullopt for an empty log).
    Result<std::optional<qint64>> firstAt() const;

private:
    Database &m_db;
    Statement *m_insert = nullptr;
    QString m_lastError;
};

} // namespace ChannelDesk
