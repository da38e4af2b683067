#include "orders/orderfilterproxy.h"

#include "orders/ordermodel.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk {

OrderFilterProxy::OrderFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(OrderModel::SortRole);
    setDynamicSortFilter(true);
}

void OrderFilterProxy::setChannel(const QString &channel)
{
    m_channel = channel;
    invalidateFilter();
}

void OrderFilterProxy::setStatus(const QString &status)
{
    m_status = status;
    invalidateFilter();
}

void OrderFilterProxy::setSkuText(const QString &text)
{
    m_sku = text.trimmed();
    invalidateFilter();
}

void OrderFilterProxy::setOrders(const QList<std::pair<QString, QString>> &orders)
{
    m_orders.clear();
    for (const auto &[channel, orderId] : orders)
        m_orders.insert(channel + u'\n' + orderId);
    invalidateFilter();
}

bool OrderFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const OrderModel *>(sourceModel());
    const OrderModel::Row *row = model ? model->rowAt(sourceRow) : nullptr;
    if (!row)
        return false;
    if (!m_orders.isEmpty() &&
        !m_orders.contains(row->summary.channel + u'\n' + row->summary.orderId))
        return false;
    if (!m_channel.isEmpty() && row->summary.channel != m_channel)
        return false;
    if (m_status == QLatin1StringView(kAttention)) {
        if (row->attention() > 1)
            return false;
    } else if (!m_status.isEmpty() && row->summary.status != m_status) {
        return false;
    }
    return m_sku.isEmpty() || row->summary.skus.contains(m_sku, Qt::CaseInsensitive);
}

bool OrderFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Whatever the column and direction, the orders that need the merchant come first.
    const int a = left.data(OrderModel::AttentionRole).toInt();
    const int b = right.data(OrderModel::AttentionRole).toInt();
    if (a != b)
        return sortOrder() == Qt::AscendingOrder ? a < b : a > b;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace ChannelDesk
