#include "stock/stockfilterproxy.h"

#include "stock/stockmodel.h"

namespace ChannelDesk {

StockFilterProxy::StockFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(StockModel::SortRole);
    setDynamicSortFilter(true);
}

void StockFilterProxy::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void StockFilterProxy::setOnlyProblems(bool only)
{
    if (only == m_onlyProblems)
        return;
    m_onlyProblems = only;
    invalidateFilter();
}

bool StockFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_onlyProblems &&
        !model->index(sourceRow, 0, sourceParent).data(StockModel::ProblemRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    const QString sku = model->index(sourceRow, StockModel::Sku, sourceParent).data().toString();
    const QString title =
        model->index(sourceRow, StockModel::Title, sourceParent).data().toString();
    return sku.contains(m_text, Qt::CaseInsensitive) || title.contains(m_text, Qt::CaseInsensitive);
}

} // namespace ChannelDesk
