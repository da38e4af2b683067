#pragma once

#include "domain/mutation.h"
#include "util/result.h"

#include <QList>
#include <QString>

namespace ChannelDesk {

class Database;

// One channel call's part for one listing: which stock version it carried and how it ended.
struct PushRecord
{
    QString channel;
    QString sku;
    qint64 version = 0;
    QString state; // acknowledged, failed, dead_lettered
    qint64 sentAtMs = 0;
    qint64 ackedAtMs = 0; // 0 unless acknowledged
    qint64 lagMs = -1; // commit to acknowledgement; -1 unless acknowledged
    QString error;
};

// The push history behind an order's timeline (issue 9): every attempt of every listing, per
// version, kept for 7 days and at most kMaxRows rows. Written in batches by the runtime.
class PushLog
{
public:
    static constexpr qint64 kKeepMs = 7LL * 24 * 3600 * 1000;
    static constexpr qint64 kMaxRows = 2'000'000;

    explicit PushLog(Database &db)
        : m_db(db)
    {
    }

    // Every record or none, in one transaction.
    Status record(const QList<PushRecord> &records);
    // Drops what is older than kKeepMs, and the oldest beyond kMaxRows.
    Status prune(qint64 nowMs);
    // The attempts that carried the versions these mutations made: per channel and SKU, each
    // attempt from the first version at or after the mutation's until one was acknowledged.
    Result<QList<PushRecord>> forMutations(const QList<Mutation> &mutations) const;

private:
    Database &m_db;
};

} // namespace ChannelDesk
