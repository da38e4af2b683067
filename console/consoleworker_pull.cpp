// ConsoleWorker's side of the Channels tab's "Import listings…" (issue 10): the same listing
// pull as `channeldesk-cli map-pull`, read through the channel's ReadPacer so it never starves
// the channel's pushes, first as a dry run and then for real; runs on the worker thread.
#include "console/consoleworker.h"
#include "runtime/coreruntime.h"
#include "store/propagationstore.h"
#include "sync/propagator.h"
#include "sync/readpacer.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

void ConsoleWorker::pullListings(quint64 requestId, const QString &channel, AdoptPolicy adopt,
                                 PullMode mode)
{
    ListingPullAnswer answer;
    answer.requestId = requestId;
    answer.report.channel = channel;
    answer.report.dryRun = mode == PullMode::DryRun;
    ReadPacer *pacer = m_runtime ? m_runtime->reads(channel) : nullptr;
    if (!pacer) {
        answer.report.error = m_runtime ? tr("%1 is not a channel of the running core").arg(channel)
                                        : tr("The core is not running");
        Q_EMIT listingPullFinished(answer);
        return;
    }
    // Shared with the reads: set when the pull is cancelled (or abandoned), so that no further
    // page is read and a late answer is dropped.
    auto stopped = std::make_shared<bool>(false);
    m_listingPulls.insert(requestId, stopped);
    CatalogueWatch watch;
    watch.pageRead = [this, requestId, stopped](int listingsRead) {
        if (!*stopped)
            Q_EMIT listingPullProgress(requestId, listingsRead);
    };
    watch.cancelled = [stopped] { return *stopped; };
    pullCatalogue(
        listingReadsOf(pacer),
        [this, answer, adopt, mode, stopped](const QList<RemoteListing> &listings,
                                             const QString &error) mutable {
            if (*stopped)
                return; // answered when it was cancelled
            m_listingPulls.remove(answer.requestId);
            if (!error.isEmpty()) {
                answer.report.error = error;
            } else if (!m_runtime) {
                answer.report.error = tr("The core is not running");
            } else {
                answer.report =
                    applyPull(*m_runtime->database(), *m_runtime->engine(), answer.report.channel,
                              listings, adopt, m_options.actor, m_clock.nowMs(), mode,
                              m_runtime->bufferRules().channel(answer.report.channel));
                if (mode == PullMode::Map && answer.report.ok())
                    afterListingPull(answer.report);
            }
            Q_EMIT listingPullFinished(answer);
        },
        std::move(watch));
}

void ConsoleWorker::cancelListingPull(quint64 requestId)
{
    const auto stopped = m_listingPulls.take(requestId);
    if (!stopped)
        return; // answered already
    *stopped = true;
    ListingPullAnswer answer;
    answer.requestId = requestId;
    answer.cancelled = true;
    answer.report.error = QString::fromLatin1(kPullCancelled);
    Q_EMIT listingPullFinished(answer);
}

void ConsoleWorker::abandonListingPulls(const QString &why)
{
    const auto pulls = std::exchange(m_listingPulls, {});
    for (auto it = pulls.cbegin(); it != pulls.cend(); ++it) {
        *it.value() = true;
        ListingPullAnswer answer;
        answer.requestId = it.key();
        answer.report.error = why;
        Q_EMIT listingPullFinished(answer);
    }
}

void ConsoleWorker::afterListingPull(const PullReport &report)
{
    // The stock table's cells of the new listings, what is left to send, the drift left alone.
    if (m_propagation) {
        if (const auto listings = m_propagation->listings(report.channel))
            m_stock.applyListings(*listings);
    }
    if (!report.pushed.isEmpty()) {
        const QList<Propagator *> propagators = m_runtime->propagators();
        for (Propagator *p : propagators) {
            if (p->channelId() == report.channel)
                p->wake(); // now rather than at its next poll
        }
    }
    if (report.waitingLinesApplied > 0)
        m_ordersDirty = true;
    if (!report.drift.isEmpty())
        refreshDrift();
}

} // namespace ChannelDesk
