// The bulk side of Propagator (issue 13, "Flash sale"): a channel with a bulk path (Amazon's
// JSON_LISTINGS_FEED) is sent a backlog in one submission instead of one call per listing. The
// most urgent listings (pauses first, then by risk: DuePriority) stay for push(), which answers
// in milliseconds; the bulk submission carries the rest and may take minutes. Its listings are
// in flight (busy) until its answer, which is recorded like any other (onReport): nothing is
// sent twice while it runs, and nothing is acknowledged before the channel reported it, so a
// restart finds the listings still pending and sends them again.
#include "duepriority.h"
#include "dueupdate.h"
#include "propagationhub.h"
#include "propagator.h"
#include "synclog.h"

#include <algorithm>

namespace ChannelDesk {

void Propagator::sendBulk()
{
    const int threshold = m_adapter->bulkThreshold();
    const int size = m_adapter->bulkBatchSize();
    // It holds a place among the calls in flight for its whole run: one is left for push().
    if (threshold <= 0 || size <= 0 || m_suspended || m_inFlight + 1 >= m_options.maxInFlight)
        return;
    const QString channel = channelId();
    QList<DueListing> due = m_memory.due(m_clock.nowMs(), threshold + size, m_busy,
                                         [this](const QString &sku) { return m_hub->stock(sku); });
    if (due.size() <= threshold)
        return;
    const auto shown = applyBuffers(due);
    if (!shown)
        return;
    DuePriority::sort(due);
    QList<DueListing> bulk = due.mid(threshold, size);
    // Pauses never wait for a bulk answer.
    bulk.removeIf(
        [](const DueListing &d) { return DuePriority::tierOf(d) == DuePriority::Tier::Pause; });
    if (bulk.isEmpty())
        return;
    QList<ListingUpdate> updates;
    updates.reserve(bulk.size());
    for (const DueListing &d : std::as_const(bulk)) {
        updates.append(dueUpdate(d, shown->value(d.sku).quantity));
        m_busy.insert(d.sku);
    }
    ++m_inFlight;
    QPointer<Propagator> self(this);
    const qint64 sentAtMs = m_clock.nowMs();
    m_adapter->pushBulk(updates, [self, bulk, updates, sentAtMs](const PushReport &report) {
        if (self)
            self->onReport(bulk, updates, report, sentAtMs);
    });
}

} // namespace ChannelDesk
