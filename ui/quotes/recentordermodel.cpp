#include "quotes/recentordermodel.h"

#include <QColor>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

RecentOrderModel::RecentOrderModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RecentOrderModel::addOrders(const QList<OrderEvent> &orders)
{
    if (orders.isEmpty())
        return;
    // More than fit: only the newest matter.
    const qsizetype skip = std::max<qsizetype>(0, orders.size() - m_maxRows);
    const int count = int(orders.size() - skip);
    beginInsertRows({}, 0, count - 1);
    QList<OrderEvent> merged;
    merged.reserve(count + m_orders.size());
    for (qsizetype i = orders.size() - 1; i >= skip; --i)
        merged.append(orders.at(i));
    merged.append(m_orders);
    m_orders = std::move(merged);
    endInsertRows();
    trim();
}

void RecentOrderModel::setMaxRows(int rows)
{
    m_maxRows = std::max(1, rows);
    trim();
}

void RecentOrderModel::trim()
{
    if (m_orders.size() <= m_maxRows)
        return;
    beginRemoveRows({}, m_maxRows, int(m_orders.size()) - 1);
    m_orders.resize(m_maxRows);
    endRemoveRows();
}

const OrderEvent *RecentOrderModel::orderAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_orders.at(row) : nullptr;
}

QString RecentOrderModel::shipToText(const ChannelDesk::ShipTo &to)
{
    if (to.isEmpty())
        return tr("not given");
    const QString place =
        (to.city.isEmpty() ? to.postalCode : to.city + u' ' + to.postalCode).trimmed();
    return to.country.isEmpty() ? place : tr("%1, %2").arg(place, to.country);
}

int RecentOrderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

int RecentOrderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant RecentOrderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OrderEvent &o = m_orders.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(o.receivedAtMs).toString(u"HH:mm:ss"_s);
        case Channel:
            return o.channel;
        case Order:
            return o.orderId;
        case Items: {
            qint64 units = 0;
            for (const OrderLine &l : o.lines)
                units += l.quantity;
            return o.lines.size() == 1 ? tr("%1 \u00d7 %2").arg(units).arg(o.lines.constFirst().sku)
                                       : tr("%1 items").arg(units);
        }
        case Destination:
            return shipToText(o.shipTo);
        }
    } else if (role == Qt::ToolTipRole && index.column() == Items) {
        QStringList lines;
        for (const OrderLine &l : o.lines)
            lines.append(tr("%1 \u00d7 %2").arg(l.quantity).arg(l.sku));
        return lines.join(u'\n');
    } else if (role == Qt::ForegroundRole && index.column() == Destination && o.shipTo.isEmpty()) {
        return QColor(0x8a, 0x8a, 0x8a);
    }
    return {};
}

QVariant RecentOrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Channel:
        return tr("Channel");
    case Order:
        return tr("Order");
    case Items:
        return tr("Items");
    case Destination:
        return tr("Ship to");
    }
    return {};
}

} // namespace ChannelDesk
