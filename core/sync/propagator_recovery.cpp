// The recovery side of Propagator (DESIGN §3, "a recovered channel's retryable letters are
// re-driven by themselves"): it follows whether the channel fails as a whole from how its calls
// end, probes a channel that is down with a read of one parked listing, and when the channel
// answers again queues its retryable dead letters to be sent again, audited as "auto-redrive".
// Health is judged here, from the calls themselves, rather than from LagMonitor's status: a
// channel refusing every call (HTTP 401) dead-letters its listings at once and never looks
// stalled, and one that used up its retries looks idle.
#include "propagator.h"
#include "synclog.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

void Propagator::noteCall(CallHealth health)
{
    switch (health) {
    case CallHealth::Neutral:
        return;
    case CallHealth::Down:
        if (!m_channelDown) {
            m_channelDown = true;
            m_nextProbeMs = m_clock.nowMs() + m_options.probeIntervalMs;
        }
        return;
    case CallHealth::Answered:
        if (m_channelDown) {
            m_channelDown = false;
            redrive();
        }
        return;
    }
}

void Propagator::probe()
{
    if (!m_channelDown || m_probing || m_suspended || !m_adapter)
        return;
    const qint64 now = m_clock.nowMs();
    if (now < m_nextProbeMs) {
        schedule(m_nextProbeMs - now);
        return;
    }
    const QString channel = channelId();
    const auto oldest = m_deadLetters.oldestRedrivable(channel);
    if (!oldest || !*oldest)
        return; // nothing to re-drive: the next call says whether the channel is back
    const ListingMemory::Listing *listing = m_memory.listing(**oldest);
    if (!listing)
        return;
    if (!m_limiter.tryAcquire()) {
        schedule(std::max<qint64>(1, m_limiter.msUntilAvailable()));
        return;
    }
    m_probing = true;
    QPointer<Propagator> self(this);
    m_adapter->readListing(listing->remoteId, [self, channel](const ReadListingResult &r) {
        if (!self)
            return;
        self->m_probing = false;
        if (r.failure == FailureKind::None) {
            self->noteCall(CallHealth::Answered);
        } else {
            qCInfo(lcSync) << channel << "still down:" << r.message;
            self->m_nextProbeMs = self->m_clock.nowMs() + self->m_options.probeIntervalMs;
        }
        self->pumpSoon();
    });
}

void Propagator::redrive()
{
    const QString channel = channelId();
    flushNow(); // the re-drive writes the listings itself
    const auto sent = m_deadLetters.redrive(channel, u"auto-redrive"_s, m_clock.nowMs());
    if (!sent) {
        qCWarning(lcSync) << channel << "cannot re-drive its dead letters:" << sent.error();
        return;
    }
    if (*sent == 0)
        return;
    qCInfo(lcSync) << channel << "answers again:" << *sent << "dead letters re-driven";
    Q_EMIT redriven(channel, *sent);
    refreshMemory();
}

} // namespace ChannelDesk
