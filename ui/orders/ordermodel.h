#pragma once

#include "console/consoletypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ChannelDesk {

// The Orders tab's table: the most recently changed orders with their status, and every order
// that needs the merchant (units owed, lines waiting) even when it is older than those. Each
// snapshot from the core is merged by (channel, order id): rows that left are removed, new ones
// appended, changed ones signalled with dataChanged, so a selection survives the refreshes.
// The order on screen is OrderFilterProxy's.
class OrderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Updated, Channel, Order, Status, Units, Owed, Waiting, Skus, Count };
    enum Role {
        SortRole = Qt::UserRole + 1,
        AttentionRole, // int: 0 oversold, 1 lines waiting, 2 nothing to do
        ChannelRole,
        OrderIdRole,
        StatusRole, // the status key: "oversold", "shipped", ...
    };
    struct Row
    {
        OrderLedger::OrderSummary summary;
        QList<OversoldEntry> oversold; // the SKUs it owes
        QList<UnmatchedEntry> waiting; // its waiting lines
        int attention() const;
    };

    explicit OrderModel(QObject *parent = nullptr);

    void setSnapshot(const ChannelDesk::OrdersSnapshot &snapshot);
    const Row *rowAt(int row) const;
    int rowOf(const QString &channel, const QString &orderId) const;
    int oversoldCount() const { return m_oversold; }
    int waitingLines() const { return m_waitingLines; }

    // The status as the merchant reads it ("oversold" -> "Oversold").
    static QString statusText(const QString &status);
    // Every status key, in the order the filter lists them.
    static QStringList statuses();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    QHash<QString, int> m_index; // "channel\norder id" -> row
    int m_oversold = 0;
    int m_waitingLines = 0;
};

} // namespace ChannelDesk
