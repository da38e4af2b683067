#pragma once

#include "domain/orderevent.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// The last orders the core applied, newest first, for the quotes panel to pick from. Batches
// from the core are inserted at the top in one go; the oldest rows fall off past maxRows().
class RecentOrderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Channel, Order, Items, Destination, Count };

    explicit RecentOrderModel(QObject *parent = nullptr);

    // orders: oldest first, as the core sends them.
    void addOrders(const QList<ChannelDesk::OrderEvent> &orders);
    const OrderEvent *orderAt(int row) const;
    int maxRows() const { return m_maxRows; }
    void setMaxRows(int rows);

    // "San Francisco 94105, US"
    static QString shipToText(const ChannelDesk::ShipTo &to);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void trim();

    QList<OrderEvent> m_orders; // newest first
    int m_maxRows = 200;
};

} // namespace ChannelDesk
