// The bulk side of Propagator (issue 13, "Flash sale"): a channel with a bulk path (Amazon's
// JSON_LISTINGS_FEED) is sent a backlog in one submission instead of one call per listing. The
// most urgent listings (pauses first, then by risk: DuePriority) stay for push(), which answers
// in milliseconds; the bulk submission carries the rest and may take minutes. Its listings are
// in flight (busy) until its answer, which is recorded like any other (onReport): nothing is
// sent twice while it runs, and nothing is acknowledged before the channel reported it.
// Each submission is kept in the database (BulkSubmissionStore) from before the channel is asked
// until its answer is written, so a restart does not forget one still running at the channel:
// the adapter follows it again (resumeBulk) and its listings stay in flight until it can no
// longer land, so an older quantity never lands after a newer one.
#include "duepriority.h"
#include "dueupdate.h"
#include "propagationhub.h"
#include "propagator.h"
#include "synclog.h"

#include <QUuid>

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
    StoredBulkSubmission stored;
    stored.channel = channel;
    stored.submission = QUuid::createUuid().toString(QUuid::WithoutBraces);
    stored.submittedAtMs = m_clock.nowMs();
    for (const DueListing &d : std::as_const(bulk)) {
        updates.append(dueUpdate(d, shown->value(d.sku).quantity));
        const ListingUpdate &u = updates.constLast();
        stored.listings.append({u.sku, u.remoteId, u.version, u.quantityToSend(), u.paused});
    }
    // Kept before the channel is asked: a submission the database does not know of is not made.
    if (const Status recorded = m_bulkSubmissions.record(stored); !recorded) {
        qCWarning(lcSync) << channel << "no bulk submission:" << recorded.error();
        return;
    }
    for (const DueListing &d : std::as_const(bulk))
        m_busy.insert(d.sku);
    m_bulkFollowed.insert(stored.submission);
    ++m_inFlight;
    QPointer<Propagator> self(this);
    const QString key = stored.submission;
    const qint64 sentAtMs = stored.submittedAtMs;
    m_adapter->pushBulk(
        updates,
        [self, channel, key](const QString &id, qsizetype carried) {
            if (!self)
                return;
            if (const Status kept = self->m_bulkSubmissions.accepted(channel, key, id, carried);
                !kept)
                qCWarning(lcSync) << channel << "cannot keep bulk submission" << id << kept.error();
        },
        [self, key, bulk, updates, sentAtMs](const PushReport &report) {
            if (self)
                self->onBulkReport(key, bulk, updates, report, sentAtMs);
        });
}

void Propagator::resumeBulk()
{
    if (!m_adapter)
        return;
    const QString channel = channelId();
    const auto kept = m_bulkSubmissions.forChannel(channel);
    if (!kept) {
        // Not known: the next start asks again; meanwhile the listings go as usual.
        qCWarning(lcSync) << channel << "cannot read its bulk submissions:" << kept.error();
        return;
    }
    for (const StoredBulkSubmission &s : *kept) {
        if (m_bulkFollowed.contains(s.submission))
            continue;
        m_bulkFollowed.insert(s.submission);
        BulkSubmission submission {s.remoteId, s.submittedAtMs, {}};
        QList<DueListing> sent;
        for (const StoredBulkSubmission::Listing &l : s.listings) {
            DueListing d;
            d.sku = l.sku;
            d.remoteId = l.remoteId;
            d.version = l.version;
            d.paused = l.paused;
            d.quantityToSend = l.quantity;
            if (const ListingMemory::Listing *now = m_memory.listing(l.sku)) {
                d.attempts = now->attempts;
                d.pendingSinceMs = now->pendingSinceMs;
                d.ackedVersion = now->ackedVersion;
                d.ackedQuantity = now->ackedQuantity();
            }
            submission.updates.append(dueUpdate(d, l.quantity));
            sent.append(d);
            m_busy.insert(l.sku);
        }
        qCInfo(lcSync) << channel << "follows bulk submission" << s.remoteId << "of"
                       << s.listings.size() << "listings from before the restart";
        ++m_inFlight;
        QPointer<Propagator> self(this);
        m_adapter->resumeBulk(submission,
                              [self, key = s.submission, sent, updates = submission.updates,
                               at = s.submittedAtMs](const PushReport &report) {
                                  if (self)
                                      self->onBulkReport(key, sent, updates, report, at);
                              });
    }
}

void Propagator::onBulkReport(const QString &submission, const QList<DueListing> &sent,
                              const QList<ListingUpdate> &updates, const PushReport &report,
                              qint64 sentAtMs)
{
    m_bulkFollowed.remove(submission);
    onReport(sent, updates, report, sentAtMs);
    // The outcome is written now, not with the next tick: until it is, the row must stay (a
    // restart in between follows the feed again and reads the same report).
    if (m_memory.isDirty() && !m_hub->flush()) {
        qCWarning(lcSync) << channelId() << "keeps bulk submission" << submission
                          << "until its outcome is written";
        return;
    }
    if (const Status removed = m_bulkSubmissions.remove(channelId(), submission); !removed)
        qCWarning(lcSync) << channelId() << "cannot remove bulk submission" << submission << ":"
                          << removed.error();
}

} // namespace ChannelDesk
