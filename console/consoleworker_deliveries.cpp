// ConsoleWorker's side of the Deliveries view (issue 11): the inbox as the `deliveries` command
// shows it, under the view's filter, read again with the figures (every statsEveryFlushes
// flushes) after a drain; and a refused delivery put back in the queue (`delivery-replay`). Runs
// on the worker thread.
#include "console/consoleworker.h"
#include "intake/inboxstore.h"
#include "runtime/coreruntime.h"

namespace ChannelDesk {

void ConsoleWorker::setDeliveryFilter(const QString &channel, const QString &status)
{
    m_deliveryFilter = {channel, status};
    refreshDeliveries();
}

void ConsoleWorker::refreshDeliveries()
{
    m_deliveriesDirty = false;
    Database *inbox = m_runtime ? m_runtime->inboxDatabase() : nullptr;
    if (!inbox)
        return;
    InboxStore store(*inbox);
    InboxStore::Filter filter;
    filter.channel = m_deliveryFilter.first;
    if (!m_deliveryFilter.second.isEmpty())
        filter.status = deliveryStatusFromName(m_deliveryFilter.second);
    filter.limit = kDeliveriesShown;
    const auto rows = store.list(filter);
    const auto backlog = store.backlog();
    if (!rows || !backlog) {
        Q_EMIT logMessage(
            tr("Cannot read the deliveries: %1").arg(!rows ? rows.error() : backlog.error()));
        return;
    }
    Q_EMIT deliveriesChanged(*rows, *backlog);
}

void ConsoleWorker::replayDelivery(qint64 id)
{
    if (!m_runtime)
        return;
    if (const Status replayed = m_runtime->replayDelivery(id); !replayed)
        Q_EMIT logMessage(tr("Delivery %1 not replayed: %2").arg(id).arg(replayed.error()));
    else
        Q_EMIT logMessage(tr("Delivery %1 is back in the queue.").arg(id));
    refreshDeliveries();
}

void ConsoleWorker::connectDeliveries()
{
    connect(m_runtime.get(), &CoreRuntime::deliveriesDrained, this,
            [this] { m_deliveriesDirty = true; });
    refreshDeliveries();
}

} // namespace ChannelDesk
