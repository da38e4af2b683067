#include "propagator.h"

#include "duepriority.h"
#include "dueupdate.h"
#include "propagationhub.h"
#include "store/database.h"
#include "synclog.h"

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

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
    : Propagator(db, adapter, clock, options, nullptr, parent)
{
}

Propagator::Propagator(Database &db, ChannelAdapter *adapter, const Clock &clock,
                       const Options &options, PropagationHub *hub, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_hub(hub)
    , m_memory(adapter ? adapter->channelId() : QString())
    , m_deadLetters(db)
    , m_attempts(db)
    , m_bulkSubmissions(db)
    , m_adapter(adapter)
    , m_clock(clock)
    , m_options(options)
    , m_limiter(clock, rateFor(options, adapter),
                options.burst > 0 ? options.burst : std::max(1.0, rateFor(options, adapter)))
    , m_backoff(options.backoffBaseMs, options.backoffCapMs, options.jitterSeed)
{
    if (!m_hub) {
        m_ownHub = std::make_unique<PropagationHub>(
            db,
            PropagationHub::Options {options.ingestLimit, options.flushTickMs,
                                     options.pollIntervalMs});
        m_hub = m_ownHub.get();
    }
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Propagator::pump);
}

Propagator::~Propagator()
{
    // What memory holds and the database does not yet is written before it goes.
    if (m_memory.isLoaded() && m_memory.isDirty())
        m_hub->flush();
    m_hub->detach(this);
}

QString Propagator::channelId() const
{
    return m_adapter ? m_adapter->channelId() : QString();
}

void Propagator::setFence(const QString &worker, qint64 token)
{
    m_fenceWorker = worker;
    m_fenceToken = token;
}

bool Propagator::leaseAllowsSending() const
{
    if (m_fenceWorker.isEmpty())
        return true;
    // Our own monotonic clock since the renewal began: a worker that was stopped (SIGSTOP, a
    // long pause) and wakes up past the margin sends nothing, whatever the database says.
    const qint64 sinceMs = (m_clock.monotonicNs() - m_leaseRenewedNs) / 1'000'000;
    return m_leaseRenewedNs != 0 && sinceMs >= 0 &&
        sinceMs < m_options.leaseTtlMs - m_options.leaseSafetyMarginMs;
}

void Propagator::start()
{
    // Memory is rebuilt from the database: what another worker, or this one before a restart,
    // wrote is the record.
    if (!rebuild()) {
        m_running = true;
        schedule(m_options.pollIntervalMs);
        return;
    }
    m_running = true;
    // Feeds still at the channel from before: their listings are in flight before anything
    // is picked to send.
    resumeBulk();
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
    if (m_memory.isLoaded() && m_memory.isDirty())
        m_hub->flush();
}

void Propagator::setSuspended(bool suspended)
{
    m_suspended = suspended;
    if (!suspended)
        wake();
}

void Propagator::wake()
{
    if (!m_running)
        return;
    // Whoever wakes us may have committed: the hub reads the feed (once for every channel)
    // before this pump looks at memory.
    m_hub->wake();
    pumpSoon();
}

void Propagator::pumpSoon()
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
    if (!m_memory.isLoaded() && !rebuild()) {
        schedule(m_options.pollIntervalMs);
        return;
    }
    const QString channel = channelId();
    // 1. What was committed is folded into every channel's memory by one read of the log.
    m_hub->ingestIfWoken();

    // 2. A backlog beyond the channel's bulk threshold: one bulk submission takes the least
    // urgent part of it (propagator_bulk.cpp).
    if (leaseAllowsSending())
        sendBulk();

    // 3. Send what is due, as far as the bucket, the in-flight bound and the lease allow.
    QSet<QString> overBudget; // listings that used their revisions for now
    qint64 budgetRetryMs = -1;
    while (!m_suspended && m_inFlight < m_options.maxInFlight) {
        if (!leaseAllowsSending()) {
            // The lease may be lost (or about to be): not one call until it is renewed.
            schedule(std::min<qint64>(100, m_options.pollIntervalMs));
            break;
        }
        bool stop = false;
        const Batch batch = pickBatch(&overBudget, &budgetRetryMs, &stop);
        if (stop)
            break;
        if (batch.due.isEmpty())
            continue;
        if (!send(batch))
            break;
    }

    if (budgetRetryMs >= 0)
        schedule(std::max<qint64>(1, budgetRetryMs));
    if (m_inFlight == 0) {
        if (const auto next = m_memory.nextAttemptAt())
            schedule(*next - m_clock.nowMs());
        probe();
        if (!m_probing) {
            // Idle once what memory changed is written: whoever waits for idle reads the
            // database.
            if (m_memory.isDirty()) {
                m_idleAfterFlush = true;
                m_hub->requestFlush();
            } else {
                Q_EMIT idle(channel);
            }
        }
    }
    if (!m_timer.isActive())
        schedule(m_options.pollIntervalMs);
}

Propagator::Batch Propagator::pickBatch(QSet<QString> *overBudget, qint64 *budgetRetryMs,
                                        bool *stop)
{
    const int size = std::max(1, m_adapter->maxBatchSize());
    const qint64 now = m_clock.nowMs();
    // The most urgent candidates by the SKU's own quantity; what each will be shown
    // (DueListing::quantityToSend) decides among them, most urgent first.
    Batch batch;
    // In flight, or out of revisions for now (eBay): a copy only when some are.
    const QSet<QString> skipped = overBudget->isEmpty() ? QSet<QString>() : m_busy + *overBudget;
    batch.due = m_memory.due(now, std::max(size * 4, 32), overBudget->isEmpty() ? m_busy : skipped,
                             [this](const QString &sku) { return m_hub->stock(sku); });
    if (batch.due.isEmpty()) {
        *stop = true;
        return batch;
    }
    const auto shown = applyBuffers(batch.due);
    if (!shown) {
        schedule(m_options.pollIntervalMs);
        *stop = true;
        return {};
    }
    batch.shown = *shown;
    DuePriority::sort(batch.due);
    if (batch.due.size() > size)
        batch.due.resize(size);
    if (const qint64 wait = lingerFor(batch.due, size, now); wait > 0) {
        schedule(wait);
        *stop = true;
        return {};
    }
    // No token, no call: wait for one before anything is spent on the call (a listing's daily
    // revision).
    if (const qint64 wait = m_limiter.msUntilAvailable(); wait > 0) {
        schedule(wait);
        *stop = true;
        return {};
    }
    if (m_adapter->maxRevisionsPerListingPerDay() > 0) {
        QList<DueListing> allowed;
        for (const DueListing &d : std::as_const(batch.due)) {
            qint64 retryIn = 0;
            if (takeRevision(d, now, &retryIn)) {
                allowed.append(d);
            } else {
                overBudget->insert(d.sku);
                *budgetRetryMs = *budgetRetryMs < 0 ? retryIn : std::min(*budgetRetryMs, retryIn);
            }
        }
        batch.due = allowed;
    }
    return batch;
}

qint64 Propagator::lingerFor(const QList<DueListing> &due, int size, qint64 nowMs)
{
    // Every call costs the same work here (two threads' turns, a request built and an answer
    // parsed), on the network and at the channel, whatever it carries. At 40 channels that fixed
    // cost is what saturates two cores, and more calls in flight each carrying less made every
    // answer later (issue 13, BENCHMARKS.md): so while a call is in flight, a batch that does not
    // fill a call waits for its answer, as a group commit waits for the one before it. A pause
    // never waits (DuePriority sorts it first), and nothing waits past the linger: a slow or
    // stuck call holds the others back no longer than that. A channel that takes one listing a
    // call fills a call with every batch, so it keeps its concurrency: waiting would not make
    // its calls carry more.
    if (m_inFlight == 0 || due.size() >= size ||
        DuePriority::tierOf(due.constFirst()) == DuePriority::Tier::Pause) {
        m_lingerSinceMs = -1;
        return 0;
    }
    qint64 oldest = nowMs;
    for (const DueListing &d : due) {
        if (d.pendingSinceMs > 0)
            oldest = std::min(oldest, d.pendingSinceMs);
    }
    const qint64 monotonicMs = m_clock.monotonicNs() / 1'000'000;
    if (m_lingerSinceMs < 0)
        m_lingerSinceMs = monotonicMs;
    const qint64 wait = std::min(oldest + m_options.lingerMs - nowMs,
                                 m_lingerSinceMs + m_options.lingerMs - monotonicMs);
    if (wait <= 0)
        m_lingerSinceMs = -1;
    return std::max<qint64>(0, wait);
}

bool Propagator::send(const Batch &batch)
{
    if (!m_limiter.tryAcquire()) {
        schedule(std::max<qint64>(1, m_limiter.msUntilAvailable()));
        return false;
    }
    QList<ListingUpdate> updates;
    updates.reserve(batch.due.size());
    for (const DueListing &d : batch.due) {
        updates.append(dueUpdate(d, batch.shown.value(d.sku).quantity));
        m_busy.insert(d.sku);
    }
    ++m_inFlight;
    QPointer<Propagator> self(this);
    const qint64 sentAtMs = m_clock.nowMs();
    const QList<DueListing> due = batch.due;
    m_adapter->push(updates, [self, due, updates, sentAtMs](const PushReport &report) {
        if (self)
            self->onReport(due, updates, report, sentAtMs);
    });
    return true;
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
    // The hub keeps the buffer inputs until the feed brings a row that may change them, and the
    // listings' versions come from the same feed: a rule changed with the version that made a
    // listing due is never sent under the rule it replaced.
    const QString &channel = channelId();
    QHash<QString, ShownQuantity> shown;
    shown.reserve(due.size());
    for (DueListing &d : due) {
        const auto inputs = m_hub->bufferInputs(d.sku, channel);
        if (!inputs) {
            qCWarning(lcSync) << channel << "cannot read the buffer rules:" << inputs.error();
            return std::nullopt;
        }
        const BufferStore::SendInputs in = inputs->value_or(BufferStore::SendInputs {});
        const ShownQuantity s = shownQuantity(resolveBufferRule(in.buffer, m_options.buffer),
                                              d.available, in.safetyBuffer);
        d.paused = s.paused;
        d.quantityToSend = s.quantity;
        shown.insert(d.sku, s);
    }
    return shown;
}

} // namespace ChannelDesk
