#include "propagator.h"

#include "duepriority.h"
#include "dueupdate.h"
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

double rateFor(const Propagator::Options &o, const ChannelAdapter *adapter)
{
    return o.requestsPerSecond > 0 ? o.requestsPerSecond : adapter->documentedRequestsPerSecond();
}
} // namespace

Propagator::Propagator(Database &db, ChannelAdapter *adapter, const Clock &clock, QObject *parent)
    : Propagator(db, adapter, clock, Options {}, parent)
{
}

Propagator::Propagator(Database &db, ChannelAdapter *adapter, const Clock &clock,
                       const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_deadLetters(db)
    , m_buffers(db)
    , m_attempts(db)
    , m_adapter(adapter)
    , m_clock(clock)
    , m_options(options)
    , m_limiter(clock, rateFor(options, adapter),
                options.burst > 0 ? options.burst : std::max(1.0, rateFor(options, adapter)))
    , m_backoff(options.backoffBaseMs, options.backoffCapMs, options.jitterSeed)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Propagator::pump);
}

Propagator::~Propagator() = default;

QString Propagator::channelId() const
{
    return m_adapter ? m_adapter->channelId() : QString();
}

void Propagator::start()
{
    m_running = true;
    // Letters parked by the channel's failures before a restart: whether it answers now is
    // unknown, so it is asked at once.
    if (const auto parked = m_deadLetters.redrivable(channelId()); parked && *parked > 0) {
        m_channelDown = true;
        m_nextProbeMs = 0;
    }
    wake();
}

void Propagator::stop()
{
    m_running = false;
    m_timer.stop();
}

void Propagator::setSuspended(bool suspended)
{
    m_suspended = suspended;
    if (!suspended)
        wake();
}

void Propagator::wake()
{
    if (!m_running || m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &Propagator::pump, Qt::QueuedConnection);
}

void Propagator::schedule(qint64 delayMs)
{
    delayMs = std::clamp<qint64>(delayMs, 0, m_options.pollIntervalMs);
    if (m_timer.isActive() && m_timer.remainingTime() <= delayMs)
        return;
    m_timer.start(int(delayMs));
}

void Propagator::pump()
{
    m_pumpQueued = false;
    if (!m_running || !m_adapter)
        return;
    const QString channel = channelId();

    // 1. Fold the log into listing state; the cursor moves in the same transaction.
    for (int step = 0; step < 4; ++step) {
        const auto read = m_store.ingest(channel, m_options.ingestLimit);
        if (!read) {
            qCWarning(lcSync) << channel << "cannot read the change feed:" << read.error();
            schedule(m_options.pollIntervalMs);
            return;
        }
        if (*read < m_options.ingestLimit)
            break;
    }

    // 2. A backlog beyond the channel's bulk threshold: one bulk submission takes the least
    // urgent part of it (propagator_bulk.cpp).
    sendBulk();

    // 3. Send what is due, as far as the bucket and the in-flight bound allow.
    const int batch = std::max(1, m_adapter->maxBatchSize());
    QSet<QString> overBudget; // listings that used their revisions for now
    qint64 budgetRetryMs = -1;
    while (!m_suspended && m_inFlight < m_options.maxInFlight) {
        const qint64 now = m_clock.nowMs();
        // The store picks the most urgent candidates by the SKU's own quantity; what each will
        // be shown (DueListing::quantityToSend) decides among them, most urgent first.
        auto found = m_store.due(channel, now, std::max(batch * 4, 32), m_busy + overBudget);
        if (!found) {
            qCWarning(lcSync) << channel << "cannot read the due listings:" << found.error();
            schedule(m_options.pollIntervalMs);
            break;
        }
        QList<DueListing> due = std::move(*found);
        if (due.isEmpty())
            break;
        const auto shown = applyBuffers(due);
        if (!shown) {
            schedule(m_options.pollIntervalMs);
            break;
        }
        DuePriority::sort(due);
        if (due.size() > batch)
            due.resize(batch);
        // No token, no call: wait for one before anything is spent on the call (a listing's
        // daily revision).
        if (const qint64 wait = m_limiter.msUntilAvailable(); wait > 0) {
            schedule(wait);
            break;
        }
        if (m_adapter->maxRevisionsPerListingPerDay() > 0) {
            QList<DueListing> allowed;
            for (const DueListing &d : std::as_const(due)) {
                qint64 retryIn = 0;
                if (takeRevision(d, now, &retryIn)) {
                    allowed.append(d);
                } else {
                    overBudget.insert(d.sku);
                    budgetRetryMs = budgetRetryMs < 0 ? retryIn : std::min(budgetRetryMs, retryIn);
                }
            }
            if (allowed.isEmpty())
                continue;
            due = allowed;
        }
        if (!m_limiter.tryAcquire()) {
            schedule(std::max<qint64>(1, m_limiter.msUntilAvailable()));
            break;
        }
        QList<ListingUpdate> updates;
        updates.reserve(due.size());
        for (const DueListing &d : due) {
            updates.append(dueUpdate(d, shown->value(d.sku).quantity));
            m_busy.insert(d.sku);
        }
        ++m_inFlight;
        QPointer<Propagator> self(this);
        const qint64 sentAtMs = m_clock.nowMs();
        m_adapter->push(updates, [self, due, updates, sentAtMs](const PushReport &report) {
            if (self)
                self->onReport(due, updates, report, sentAtMs);
        });
    }

    if (budgetRetryMs >= 0)
        schedule(std::max<qint64>(1, budgetRetryMs));
    if (m_inFlight == 0) {
        if (const auto next = m_store.nextAttemptAt(channel); next && *next)
            schedule(**next - m_clock.nowMs());
        probe();
        if (!m_probing)
            Q_EMIT idle(channel);
    }
    if (!m_timer.isActive())
        schedule(m_options.pollIntervalMs);
}

void Propagator::onReport(const QList<DueListing> &sent, const QList<ListingUpdate> &updates,
                          const PushReport &report, qint64 sentAtMs)
{
    --m_inFlight;
    const QString channel = channelId();
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
    // The whole answer in one transaction.
    if (const Status recorded = m_store.acknowledge(channel, acks, now); !recorded) {
        // Not recorded: the listings stay pending and are sent again (at most once more).
        qCWarning(lcSync) << channel << "cannot record" << acks.size()
                          << "acks:" << recorded.error();
    } else {
        for (qsizetype k = 0; k < acks.size(); ++k) {
            const DueListing &listing = sent.at(acked.at(k));
            const qint64 lag =
                listing.pendingSinceMs > 0 ? std::max<qint64>(0, now - listing.pendingSinceMs) : 0;
            Q_EMIT acknowledged(channel, listing.sku, acks.at(k).version, acks.at(k).quantity, lag);
        }
    }
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
    wake();
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
        qCInfo(lcSync) << channel << listing.sku << "dead-lettered after" << attempts
                       << "attempts:" << message;
        Q_EMIT deadLettered(channel, listing.sku, message);
        return true;
    }
    if (isStaleCompare(outcome))
        refreshStale(listing);
    const qint64 floor = report.retryAfterMs.value_or(0);
    const qint64 delay = m_backoff.delayMs(std::max(0, attempts - 1), floor);
    if (const Status scheduled =
            m_store.scheduleRetry(channel, listing.sku, attempts, now + delay, message);
        !scheduled)
        qCWarning(lcSync) << channel << listing.sku
                          << "cannot schedule a retry:" << scheduled.error();
    return false;
}

bool Propagator::takeRevision(const DueListing &listing, qint64 now, qint64 *retryInMs)
{
    // A flash sale changes a hot listing many times a second; spending a revision on each would
    // use the day's budget on quantities superseded a moment later, and leave the final one
    // waiting for a refill. So a listing is revised at most every kSpacingMs (what changes in
    // between is coalesced), half the day's budget may go in a burst, the rest is spread over
    // the day, and the calendar day's count (UTC) is a hard cap.
    constexpr qint64 kDayMs = 86'400'000;
    constexpr qint64 kSpacingMs = 2'000;
    const int limit = m_adapter->maxRevisionsPerListingPerDay();
    const double capacity = std::max(1.0, limit / 2.0);
    const double perMs = double(limit) / double(kDayMs);
    RevisionBudget &b = m_revisions[listing.sku];
    if (b.day < 0) {
        b.tokens = capacity;
        b.lastMs = now;
    }
    if (b.day != now / kDayMs) {
        b.day = now / kDayMs;
        b.countToday = 0;
    }
    b.tokens = std::min(capacity, b.tokens + double(now - b.lastMs) * perMs);
    b.lastMs = now;
    // A pause or a resume goes out at once while any revision is left today: overselling is
    // worse than a stale quantity.
    const bool pauseChange = listing.paused != listing.ackedPaused;
    const bool spaced = b.lastSentMs < 0 || now - b.lastSentMs >= kSpacingMs;
    if (b.countToday < limit && (pauseChange || (spaced && b.tokens >= 1.0))) {
        b.tokens = std::max(0.0, b.tokens - 1.0);
        ++b.countToday;
        b.lastSentMs = now;
        return true;
    }
    if (b.countToday >= limit)
        *retryInMs = (b.day + 1) * kDayMs - now;
    else if (!spaced)
        *retryInMs = kSpacingMs - (now - b.lastSentMs);
    else
        *retryInMs = qint64((1.0 - b.tokens) / perMs) + 1;
    return false;
}

std::optional<QHash<QString, ShownQuantity>> Propagator::applyBuffers(QList<DueListing> &due)
{
    QStringList skus;
    skus.reserve(due.size());
    for (const DueListing &d : std::as_const(due))
        skus.append(d.sku);
    // Read after the listings: a rule changed with the version that made a listing due is
    // never sent under the rule it replaced.
    const auto inputs = m_buffers.sendInputs(channelId(), skus);
    if (!inputs) {
        qCWarning(lcSync) << channelId() << "cannot read the buffer rules:" << inputs.error();
        return std::nullopt;
    }
    QHash<QString, ShownQuantity> shown;
    shown.reserve(due.size());
    for (DueListing &d : due) {
        const BufferStore::SendInputs in = inputs->value(d.sku);
        const ShownQuantity s = shownQuantity(resolveBufferRule(in.buffer, m_options.buffer),
                                              d.available, in.safetyBuffer);
        d.paused = s.paused;
        d.quantityToSend = s.quantity;
        shown.insert(d.sku, s);
    }
    return shown;
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
        if (const Status set = self->m_store.setAckedQuantity(channel, sku, r.quantity); !set)
            qCWarning(lcSync) << channel << sku << "cannot record what it holds:" << set.error();
    });
}

} // namespace ChannelDesk
