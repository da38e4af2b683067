#pragma once

#include "console/consoletypes.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// One row per channel: health, success rate, lag percentiles, pending and dead letters,
// rate-limit headroom, last error, whether propagation is paused by the merchant, and which
// worker propagates the channel (its lease's holder, on a shared PostgreSQL inventory).
class ChannelModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Channel,
        Type,
        Health,
        Propagation,
        Holder,
        Success,
        P50,
        P95,
        P99,
        Pending,
        DeadLetters,
        Headroom,
        LastError,
        Count
    };
    enum Role { ChannelIdRole = Qt::UserRole + 1, SuspendedRole };

    explicit ChannelModel(QObject *parent = nullptr);

    void setRows(const QList<ChannelDesk::ChannelRow> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ChannelRow> m_rows;
};

} // namespace ChannelDesk
