#pragma once

#include "intake/inboxstore.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// The Deliveries view's table: one row per delivery the inbox kept, newest first, with what the
// order path made of it. A new snapshot is merged in by delivery id (rows that left are removed,
// changed ones signal dataChanged, new ones are inserted in place), so the selection survives the
// refresh that every drain brings.
class DeliveryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Received, Channel, Topic, DeliveryId, Status, Detail, Count };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole, SortRole };

    explicit DeliveryModel(QObject *parent = nullptr);

    void setRows(const QList<ChannelDesk::InboxEntry> &rows);
    const InboxEntry *rowAt(int row) const;
    const QList<InboxEntry> &rows() const { return m_rows; }

    // Whether a delivery in this state can be put back in the queue (the inbox's own rule).
    static bool canReplay(DeliveryStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<InboxEntry> m_rows; // newest (highest id) first
};

// The status as the console names it (translated), e.g. "Applied", "Invalid".
QString deliveryStatusText(DeliveryStatus status);

} // namespace ChannelDesk
