#include "stock/stockfilterproxy.h"

#include "stock/stockmodel.h"

namespace ChannelDesk {

StockFilterProxy::StockFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(StockModel::SortRole);
    setDynamicSortFilter(true);
    m_resort.setSingleShot(true);
    m_resort.setInterval(kResortIntervalMs);
    connect(&m_resort, &QTimer::timeout, this, &StockFilterProxy::catchUp);
}

void StockFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_stock = qobject_cast<StockModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
    if (model) {
        m_sourceConnections = {connect(model, &QAbstractItemModel::dataChanged, this,
                                       &StockFilterProxy::sourceChanged),
                               connect(model, &QAbstractItemModel::rowsInserted, this,
                                       &StockFilterProxy::sourceChanged)};
    }
}

bool StockFilterProxy::isStableColumn(int column)
{
    return column == StockModel::Sku || column == StockModel::Title;
}

void StockFilterProxy::sort(int column, Qt::SortOrder order)
{
    const bool live = column < 0 || isStableColumn(column);
    if (live != dynamicSortFilter()) {
        m_stale = false;
        m_resort.stop();
        setDynamicSortFilter(live);
        if (live) {
            // Rows that changed while the order only caught up now and then are filtered again.
            invalidateRowsFilter();
        }
    }
    QSortFilterProxyModel::sort(column, order);
}

void StockFilterProxy::sourceChanged()
{
    if (dynamicSortFilter())
        return;
    m_stale = true;
    if (!m_resort.isActive())
        m_resort.start();
}

void StockFilterProxy::catchUp()
{
    if (!m_stale || dynamicSortFilter())
        return;
    m_stale = false;
    invalidateRowsFilter();
    QSortFilterProxyModel::sort(sortColumn(), sortOrder());
}

void StockFilterProxy::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void StockFilterProxy::setOnlyProblems(bool only)
{
    if (only == m_onlyProblems)
        return;
    m_onlyProblems = only;
    invalidateRowsFilter();
}

bool StockFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_stock || sourceParent.isValid())
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const StockRow *row = m_stock->rowAt(sourceRow);
    if (!row)
        return false;
    if (m_onlyProblems && !StockModel::isProblem(*row))
        return false;
    return m_text.isEmpty() || row->sku.contains(m_text, Qt::CaseInsensitive) ||
        row->title.contains(m_text, Qt::CaseInsensitive);
}

bool StockFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const StockRow *a = m_stock ? m_stock->rowAt(left.row()) : nullptr;
    const StockRow *b = m_stock ? m_stock->rowAt(right.row()) : nullptr;
    if (!a || !b)
        return QSortFilterProxyModel::lessThan(left, right);
    return StockModel::lessThan(*a, *b, left.column());
}

} // namespace ChannelDesk
