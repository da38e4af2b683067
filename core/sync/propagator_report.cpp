// The answering side of Propagator: a call's answer becomes acknowledgements, retries and dead
// letters in the channel's memory (ListingMemory), written with every other channel's by the
// hub's next tick; acknowledgements are announced once written.
#include "propagationhub.h"
#include "propagator.h"
#include "store/database.h"
#include "synclog.h"

#include <QMetaMethod>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

// The channel holds another quantity than we compared with: it sold something we have not
// heard of yet. The channel is healthy; our compare value was behind.
bool isStaleCompare(const PushOutcome &outcome)
{
    return outcome.failure == FailureKind::StaleCompare;
}

// Failures that are not the listing's: retried without using up an attempt, and not counted
// against the channel's success rate (the adapter says which, FailureKind).
bool notTheListingsFault(const PushOutcome &outcome)
{
    return isNotTheListingsFault(outcome.failure);
}

// The channel refused the call itself (credentials, scope, a frozen shop), not this listing.
bool refusedByChannel(const PushOutcome &outcome)
{
    return outcome.httpStatus == 401 || outcome.httpStatus == 402 || outcome.httpStatus == 403;
}

// A failure that says the channel is not working (no answer, a server error, a refusal of the
// call), as opposed to one about the listing (an unknown id, a rejected value).
bool isChannelsFault(const PushOutcome &outcome)
{
    return outcome.httpStatus == 0 || outcome.httpStatus == 408 || outcome.httpStatus >= 500 ||
        refusedByChannel(outcome);
}

} // namespace

void Propagator::onReport(const QList<DueListing> &sent, const QList<ListingUpdate> &updates,
                          const PushReport &report, qint64 sentAtMs)
{
    --m_inFlight;
    const QString channel = channelId();
    // Failures write the dead-letter queue and the attempt log at once: what memory holds
    // (an earlier acknowledgement that closes a listing's letter) is written before them.
    bool anyFailed = report.outcomes.size() < sent.size();
    for (const PushOutcome &o : report.outcomes)
        anyFailed = anyFailed || !o.ok();
    if (anyFailed)
        flushNow();
    const qint64 now = m_clock.nowMs();
    if (report.retryAfterMs)
        m_limiter.blockUntil(now + *report.retryAfterMs);
    if (report.throttled)
        m_limiter.onThrottled();
    if (report.rateLimitPerSecond)
        m_limiter.capRate(*report.rateLimitPerSecond);

    bool anyOk = false;
    bool healthy = false; // the channel did its part (a stale compare value is ours to fix)
    bool answered = false;
    // Listings the channel did not take. Ours to fix (a stale compare value, a refusal caused by
    // another item) and throttling (the channel pacing us: the bucket slows down, nothing is
    // wrong with the update) are not held against the channel's success rate.
    int failedUpdates = 0;
    bool channelsFault = true; // every failure said the channel is not working
    QList<PropagationStore::Ack> acks;
    QList<qsizetype> acked; // indexes into sent
    // What each listing's part of this call was, for the orders' timelines (push_log).
    const bool recordPushes = isSignalConnected(QMetaMethod::fromSignal(&Propagator::pushed));
    QList<PushRecord> pushes;
    QList<AttemptLog::Entry> failedAttempts;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const DueListing &listing = sent.at(i);
        m_busy.remove(listing.sku);
        PushOutcome outcome;
        if (i < report.outcomes.size()) {
            outcome = report.outcomes.at(i);
        } else {
            outcome.failure = FailureKind::Transient;
            outcome.message = u"the channel's answer did not mention this listing"_s;
        }
        answered = answered || outcome.ok() || outcome.httpStatus > 0;
        healthy = healthy || outcome.ok() || notTheListingsFault(outcome);
        failedUpdates += !outcome.ok() && !notTheListingsFault(outcome) &&
            outcome.failure != FailureKind::Throttled && !report.throttled;
        channelsFault = channelsFault && (outcome.ok() || isChannelsFault(outcome));
        PushRecord push;
        if (recordPushes) {
            push.channel = channel;
            push.sku = listing.sku;
            push.version = i < updates.size() ? updates.at(i).version : listing.version;
            push.sentAtMs = sentAtMs;
        }
        if (outcome.ok()) {
            anyOk = true;
            const ListingUpdate &u = updates.at(i);
            acks.append({listing.sku, u.version, u.quantityToSend(), u.paused});
            acked.append(i);
            push.state = u"acknowledged"_s;
            push.ackedAtMs = now;
            push.lagMs =
                listing.pendingSinceMs > 0 ? std::max<qint64>(0, now - listing.pendingSinceMs) : 0;
        } else {
            const bool dead = handleFailure(listing, outcome, report, &failedAttempts);
            push.state = dead ? u"dead_lettered"_s : u"failed"_s;
            push.error = outcome.httpStatus > 0
                ? u"HTTP %1 %2"_s.arg(outcome.httpStatus).arg(outcome.message)
                : outcome.message;
        }
        if (recordPushes)
            pushes.append(std::move(push));
    }
    if (!pushes.isEmpty())
        Q_EMIT pushed(pushes);
    if (const Status kept = m_attempts.record(failedAttempts); !kept)
        qCWarning(lcSync) << channel << "cannot keep" << failedAttempts.size()
                          << "failed attempts:" << kept.error();
    for (const AttemptLog::Entry &e : std::as_const(failedAttempts))
        m_memory.noteHistory(e.sku);
    // The whole answer goes into memory, written with every channel's at the hub's next tick;
    // the lag is the channel's answer now, announced once written. Not written (an error, a
    // lost lease): memory is rebuilt from the database and the listings are sent again.
    for (qsizetype k = 0; k < acks.size(); ++k) {
        const DueListing &listing = sent.at(acked.at(k));
        m_memory.acknowledge(acks.at(k), now);
        const qint64 lag =
            listing.pendingSinceMs > 0 ? std::max<qint64>(0, now - listing.pendingSinceMs) : 0;
        m_announce.append({listing.sku, acks.at(k).version, acks.at(k).quantity, lag});
    }
    if (m_memory.isDirty())
        m_hub->requestFlush();
    if (anyOk)
        m_limiter.onSuccess();
    const AttemptOutcome outcome = healthy ? AttemptOutcome::Acknowledged
        : report.throttled                 ? AttemptOutcome::Throttled
        : answered                         ? AttemptOutcome::Failed
                                           : AttemptOutcome::Unanswered;
    Q_EMIT callFinished(channel, outcome, int(sent.size()), failedUpdates);
    noteCall(healthy                                  ? CallHealth::Answered
                 : !report.throttled && channelsFault ? CallHealth::Down
                                                      : CallHealth::Neutral);
    pumpSoon();
}

bool Propagator::handleFailure(const DueListing &listing, const PushOutcome &outcome,
                               const PushReport &report, QList<AttemptLog::Entry> *attemptLog)
{
    const QString channel = channelId();
    const qint64 now = m_clock.nowMs();
    // A stale compare value is not the channel failing: the shop sold something we have not
    // heard of yet (its webhook is on the way). It is refreshed and tried again without using up
    // an attempt, or a flash sale on the shop itself would fill the dead-letter queue. Nor is a
    // rejection for another item's sake: the listings refused with a stale one are sent again
    // as they are.
    // Nor is throttling: the channel pacing us uses no attempt, however long it takes.
    const bool throttled = report.throttled || outcome.failure == FailureKind::Throttled;
    const int attempts =
        notTheListingsFault(outcome) || throttled ? listing.attempts : listing.attempts + 1;
    QString message = outcome.message;
    if (!outcome.errorCode.isEmpty())
        message = outcome.errorCode + u": "_s + message;
    if (outcome.httpStatus > 0)
        message = u"HTTP %1 %2"_s.arg(outcome.httpStatus).arg(message);

    const bool permanent = outcome.failure == FailureKind::Permanent;
    Q_EMIT attemptFailed(channel, listing.sku, listing.version, permanent, message);

    ListingAttempt kept;
    kept.atMs = now;
    kept.version = listing.version;
    kept.attempt = attempts;
    kept.kind = permanent         ? AttemptLog::kPermanent
        : throttled               ? AttemptLog::kThrottled
        : outcome.httpStatus == 0 ? AttemptLog::kUnanswered
                                  : AttemptLog::kTransient;
    kept.httpStatus = outcome.httpStatus;
    kept.code = outcome.errorCode;
    kept.message = outcome.message;
    kept.request = report.request;
    kept.response = report.response;
    attemptLog->append({channel, listing.sku, std::move(kept)});

    if (permanent || attempts >= m_options.maxAttempts) {
        DeadLetterQueue::Failure f;
        f.version = listing.version;
        f.attempts = attempts;
        f.kind = !permanent             ? DeadLetterQueue::kExhausted
            : refusedByChannel(outcome) ? DeadLetterQueue::kUnauthorized
                                        : DeadLetterQueue::kPermanent;
        f.httpStatus = outcome.httpStatus;
        f.code = outcome.errorCode;
        f.message = message; // "HTTP 401 code: the channel's words", as the DLQ shows it
        f.request = report.request;
        f.response = report.response;
        f.atMs = now;
        if (const Status parked = m_deadLetters.deadLetter(channel, listing.sku, f); !parked)
            qCWarning(lcSync) << channel << listing.sku << "cannot dead-letter:" << parked.error();
        else
            m_memory.markDead(listing.sku, attempts, message);
        qCInfo(lcSync) << channel << listing.sku << "dead-lettered after" << attempts
                       << "attempts:" << message;
        Q_EMIT deadLettered(channel, listing.sku, message);
        return true;
    }
    if (isStaleCompare(outcome))
        refreshStale(listing);
    const qint64 floor = report.retryAfterMs.value_or(0);
    const qint64 delay = m_backoff.delayMs(std::max(0, attempts - 1), floor);
    m_memory.scheduleRetry(listing.sku, attempts, now + delay, message);
    return false;
}

void Propagator::refreshStale(const DueListing &listing)
{
    // The channel sold something we have not heard of yet, or was changed by hand: learn what
    // it holds now, so the retry compares against the truth instead of overwriting it blindly.
    const QString channel = channelId();
    const QString sku = listing.sku;
    QPointer<Propagator> self(this);
    m_adapter->readListing(listing.remoteId, [self, channel, sku](const ReadListingResult &r) {
        if (!self || r.failure != FailureKind::None)
            return;
        self->m_memory.setAckedQuantity(sku, r.quantity);
        self->m_hub->requestFlush();
    });
}

void Propagator::flushNow()
{
    if (m_memory.isLoaded() && m_memory.isDirty())
        m_hub->flush();
}

void Propagator::afterFlush(bool written)
{
    const QString channel = channelId();
    if (!written) {
        // Not recorded: memory goes back to what the database holds, and what was answered
        // since the last write is sent again (at most once more).
        if (!m_announce.isEmpty())
            qCWarning(lcSync) << channel << "cannot record" << m_announce.size() << "acks";
        m_announce.clear();
        m_idleAfterFlush = false;
        if (m_running)
            rebuild();
        pumpSoon();
        return;
    }
    const QList<Announced> announce = std::exchange(m_announce, {});
    for (const Announced &a : announce)
        Q_EMIT acknowledged(channel, a.sku, a.version, a.quantity, a.lagMs);
    if (std::exchange(m_idleAfterFlush, false) && m_inFlight == 0 && !m_probing)
        Q_EMIT idle(channel);
}

bool Propagator::rebuild()
{
    const auto shared = [this](const QString &sku) { return m_hub->sharedSku(sku); };
    if (const Status loaded = m_memory.load(m_db, shared); !loaded) {
        qCWarning(lcSync) << channelId() << "cannot read its listings:" << loaded.error();
        return false;
    }
    if (const Status joined = m_hub->attach(this); !joined) {
        qCWarning(lcSync) << channelId() << "cannot read the change feed:" << joined.error();
        return false;
    }
    return true;
}

void Propagator::refreshMemory()
{
    if (!m_memory.isLoaded())
        return;
    if (const Status read = m_memory.refresh(m_db); !read)
        qCWarning(lcSync) << channelId() << "cannot re-read its listings:" << read.error();
    pumpSoon();
}

} // namespace ChannelDesk
