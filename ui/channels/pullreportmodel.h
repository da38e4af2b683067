#pragma once

#include "sync/listingpull.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// One table of a listing pull's report, as the Import listings dialog shows it: the listings on
// the channel that match none of our SKUs (remote id, SKU, quantity), or the new listings that
// show another quantity than ours (SKU, remote id, what the channel shows, what we would show).
// A report replaces the whole table.
class PullReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Table { UnmatchedRemote, Drift };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit PullReportModel(Table table, QObject *parent = nullptr);

    void setReport(const ChannelDesk::PullReport &report);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant unmatchedData(int row, int column, int role) const;
    QVariant driftData(int row, int column, int role) const;

    Table m_table;
    QList<RemoteListing> m_unmatched;
    QList<DriftRow> m_drift;
};

} // namespace ChannelDesk
