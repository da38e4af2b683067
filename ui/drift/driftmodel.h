#pragma once

#include "store/driftstore.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// The Drift view's table: one row per (channel, SKU) that a reconciliation found showing another
// quantity than it should. A new snapshot (ordered by channel and SKU, as DriftStore gives it) is
// merged in: rows that left are removed, changed rows signal dataChanged, new rows are inserted
// in order, so the selection survives a scheduled run.
class DriftModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Channel, Sku, RemoteId, Shown, Expected, Since, Count };
    enum Role { KeyChannelRole = Qt::UserRole + 1, KeySkuRole, SortRole };

    explicit DriftModel(QObject *parent = nullptr);

    void setRows(const QList<ChannelDesk::DriftRow> &rows);
    const DriftRow *rowAt(int row) const;
    const QList<DriftRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<DriftRow> m_rows;
};

} // namespace ChannelDesk
