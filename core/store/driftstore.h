#pragma once

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ChannelDesk {

class Database;

// A listing whose channel shows another quantity than it should (issue 10, reconciliation).
struct DriftRow
{
    QString channel;
    QString sku;
    QString remoteId;
    qint64 shown = 0; // what the channel answered when read back
    qint64 expected = 0; // what it should show for our stock (expectedShown)
    qint64 sinceMs = 0; // the first reconciliation that saw it, kept across restarts
    qint64 seenAtMs = 0; // the last reconciliation that saw it
    int runs = 1; // reconciliations in a row that saw it (2 or more: it outlived one)

    friend bool operator==(const DriftRow &, const DriftRow &) = default;
};

// The drift the last reconciliation of each channel found (table `drift`). Durable, so `since`
// survives a restart and an alert can tell drift that outlived a reconciliation.
class DriftStore
{
public:
    explicit DriftStore(Database &db)
        : m_db(db)
    {
    }

    // One reconciliation of `channel` compared the listings `checked` (SKUs) and found `drifted`
    // (a subset): those are stored (a listing already drifting keeps its `since` and counts one
    // more run), the other checked ones are cleared; listings not checked (in flight, unread)
    // keep their row as it was. Answers the drifted rows as stored. One transaction.
    Result<QList<DriftRow>> record(const QString &channel, const QStringList &checked,
                                   const QList<DriftRow> &drifted, qint64 nowMs);
    // The channel's drift (everyone's when empty), by channel and SKU.
    Result<QList<DriftRow>> drift(const QString &channel = {}) const;
    // Listings fixed or no longer mapped: forget their drift.
    Status clear(const QString &channel, const QStringList &skus);
    // Sends these drifting listings their quantity again by normal propagation: each is made
    // pending at its SKU's current version, with the quantity the channel really shows as the
    // last acknowledged one (so a compare-and-swap push, Shopify's changeFromQuantity, compares
    // with the truth), audited as a `reconcile` row of the mutation log; their drift is
    // cleared. Listings gone from the listings table are skipped. Answers how many were armed.
    Result<int> resend(const QList<DriftRow> &rows, const QString &actor, qint64 nowMs);
    // Drifting listings per channel (channels without drift are absent).
    Result<QHash<QString, int>> countByChannel() const;

private:
    Database &m_db;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::DriftRow)
