#include "dlq/deadletterfilterproxy.h"

#include "dlq/deadlettergroupmodel.h"
#include "dlq/deadlettermodel.h"

namespace ChannelDesk {

DeadLetterFilterProxy::DeadLetterFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DeadLetterModel::SortRole);
    setDynamicSortFilter(true);
}

void DeadLetterFilterProxy::setGroup(const QString &channel, const QString &group)
{
    if (channel == m_channel && group == m_group)
        return;
    m_channel = channel;
    m_group = group;
    invalidateFilter();
}

bool DeadLetterFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_channel.isEmpty())
        return true;
    const auto *model = qobject_cast<const DeadLetterModel *>(sourceModel());
    const DeadLetter *d = model ? model->letterAt(sourceRow) : nullptr;
    if (!d || d->channel != m_channel)
        return false;
    return m_group.isEmpty() || DeadLetterGroupModel::groupOf(*d) == m_group;
}

} // namespace ChannelDesk
