#pragma once

#include "channels/channeladapter.h"
#include "domain/buffer.h"
#include "metrics/lagmonitor.h" // AttemptOutcome
#include "store/attemptlog.h"
#include "store/bufferstore.h"
#include "store/bulksubmissionstore.h"
#include "store/deadletterqueue.h"
#include "store/propagationstore.h"
#include "store/pushlog.h"
#include "sync/backoff.h"
#include "sync/listingmemory.h"
#include "sync/ratelimiter.h"
#include "util/clock.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace ChannelDesk {

class Database;
class PropagationHub;

// Pushes the source of truth to one channel (DESIGN §3). Its listings are held in memory
// (ListingMemory), folded from the change feed the PropagationHub reads once for every channel
// (so only the newest version of a listing is ever sent; the hub writes the state of all
// channels in one transaction per tick, and a restart rebuilds memory from the database), and
// it sends what the channel should show of the CURRENT quantity (the channel's
// buffer rule, overridden per listing) of due listings in batches the channel's API takes,
// within a token bucket. Transient failures retry with jittered exponential backoff, honouring
// Retry-After; permanent failures and exhausted retries go to the dead-letter queue with their
// history. Lives on the core's thread; talks to the outside world through signals.
class Propagator : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxAttempts = 8; // transient failures before a listing goes to the DLQ
        qint64 backoffBaseMs = 1000;
        qint64 backoffCapMs = 30'000;
        double requestsPerSecond = 0; // 0: the adapter's documented rate
        double burst = 0; // 0: one second's worth, at least 1
        int maxInFlight = 4; // concurrent calls to this channel
        // Group commit for a channel that takes many listings a call: while one call is in
        // flight, what becomes due waits for its answer and leaves in the next call, unless it
        // fills a call, must stop selling (a pause), or has waited this long.
        qint64 lingerMs = 50;
        int pollIntervalMs = 1000; // look for work from other processes (DLQ retries)
        int ingestLimit = 5000; // log rows folded per step (a propagator's own hub)
        int flushTickMs = 10; // how long its changes wait to be written (its own hub)
        quint32 jitterSeed = 0; // 0: random
        // The channel's config rule for what it is shown; the listings' own overrides come
        // with each batch from the hub (PropagationHub::bufferInputs).
        BufferOverride buffer;
        // While the channel is down and has dead letters that are its fault: how often one of
        // their listings is read to learn whether it answers again.
        qint64 probeIntervalMs = 10'000;
        // Under a lease (setFence): nothing is sent unless the lease was renewed less than
        // leaseTtlMs - leaseSafetyMarginMs ago by this propagator's own monotonic clock.
        qint64 leaseTtlMs = 3'000;
        qint64 leaseSafetyMarginMs = 1'000;
    };

    Propagator(Database &db, ChannelAdapter *adapter, const Clock &clock, const Options &options,
               QObject *parent = nullptr);
    Propagator(Database &db, ChannelAdapter *adapter, const Clock &clock,
               QObject *parent = nullptr);
    // One of many channels' propagators fed by the runtime's hub (which must outlive it).
    Propagator(Database &db, ChannelAdapter *adapter, const Clock &clock, const Options &options,
               PropagationHub *hub, QObject *parent = nullptr);
    ~Propagator() override;

    QString channelId() const;
    const RateLimiter &rateLimiter() const { return m_limiter; }
    // The channel's one bucket, shared with its reads (ReadPacer), so both see the same limits.
    RateLimiter &rateLimiter() { return m_limiter; }

    void start();
    void stop();
    // Acknowledgements and retries written only while worker holds the channel's lease with
    // token (PropagationStore::setFence): several workers on one PostgreSQL inventory. From then
    // on nothing is sent either unless leaseRenewed() was called recently enough (Options).
    void setFence(const QString &worker, qint64 token);
    // The lease was taken or renewed by a call that began at `monotonicNs` (the Clock's).
    void leaseRenewed(qint64 monotonicNs) { m_leaseRenewedNs = monotonicNs; }
    // Whether a call may go out now: no fence, or the lease renewed with a safety margin left.
    bool leaseAllowsSending() const;
    PropagationHub *hub() const { return m_hub; }
    // Propagation on/off for this channel, as the merchant decides (not the listing guard).
    void setSuspended(bool suspended);
    bool isSuspended() const { return m_suspended; }
    int inFlight() const { return m_inFlight; }

public Q_SLOTS:
    // Something was committed (or retried by hand): look for work soon.
    void wake();

Q_SIGNALS:
    void acknowledged(const QString &channel, const QString &sku, qint64 version, qint64 quantity,
                      qint64 lagMs);
    void attemptFailed(const QString &channel, const QString &sku, qint64 version, bool permanent,
                       const QString &message);
    // Each listing's part of one call: the version it carried, when it was sent, and how it
    // ended (acknowledged, failed, dead_lettered). Only built when something listens.
    void pushed(const QList<ChannelDesk::PushRecord> &records);
    void deadLettered(const QString &channel, const QString &sku, const QString &message);
    // One call to the channel ended: Acknowledged when some listing was acknowledged or only
    // found our compare value stale (the channel did its part), else Throttled, Failed (another
    // error answer) or Unanswered (timeouts and resets). `failedListings` of the `listings` it
    // carried were not taken (a refused item of a batch that otherwise went through counts).
    void callFinished(const QString &channel, ChannelDesk::AttemptOutcome outcome, int listings,
                      int failedListings);
    // Nothing in flight and nothing it may send now (work may wait for a retry time or a
    // token).
    void idle(const QString &channel);
    // The channel answers again after failing: its retryable dead letters were queued to be
    // sent again (audited as "auto-redrive").
    void redriven(const QString &channel, int listings);

private:
    friend class PropagationHub;
    // Looks for work on the next event-loop turn (without asking the hub to read the feed).
    void pumpSoon();
    void pump();
    // The most urgent listings due now, at most the adapter's batch, with what each will be
    // shown; empty when nothing may go (then *stop says whether to stop looking this pump).
    struct Batch
    {
        QList<DueListing> due;
        QHash<QString, ShownQuantity> shown;
    };
    Batch pickBatch(QSet<QString> *overBudget, qint64 *budgetRetryMs, bool *stop);
    // How long a batch that does not fill a call waits for the call in flight (0: it goes now;
    // Options::lingerMs).
    qint64 lingerFor(const QList<DueListing> &due, int size, qint64 nowMs);
    // One call to the channel with the batch (takes a token first; false when none).
    bool send(const Batch &batch);
    void schedule(qint64 delayMs);
    // The hub wrote (or, written false, could not write) what memory changed: acknowledgements
    // are announced, or memory is rebuilt from the database.
    void afterFlush(bool written);
    // Rebuilds memory from the database and joins the hub.
    bool rebuild();
    void refreshMemory();
    // The database is about to be written directly (a dead letter, a re-drive): memory first.
    void flushNow();
    void onReport(const QList<DueListing> &sent, const QList<ListingUpdate> &updates,
                  const PushReport &report, qint64 sentAtMs);
    // Schedules a retry, or parks the listing in the dead-letter queue (returns true then); the
    // attempt is added to *attemptLog, to be recorded with the rest of the answer.
    bool handleFailure(const DueListing &listing, const PushOutcome &outcome,
                       const PushReport &report, QList<AttemptLog::Entry> *attemptLog);
    void refreshStale(const DueListing &listing);
    // A backlog beyond the adapter's bulkThreshold(): its least urgent listings (never a pause)
    // in one pushBulk(), in flight until it answers (propagator_bulk.cpp).
    void sendBulk();
    // The bulk submissions kept (from before a restart, or by the worker that held the lease
    // before) and not yet followed: followed by the adapter until they can no longer change
    // the channel, their listings in flight meanwhile.
    void resumeBulk();
    // A bulk submission's answer: recorded like any other, then its row removed once written.
    void onBulkReport(const QString &submission, const QList<DueListing> &sent,
                      const QList<ListingUpdate> &updates, const PushReport &report,
                      qint64 sentAtMs);
    // What the channel should show of each due listing under its buffer rule; the listings'
    // `paused` becomes the channel's own pause (available at or below its pause_at). Empty on a
    // database error, when nothing must be sent.
    std::optional<QHash<QString, ShownQuantity>> applyBuffers(QList<DueListing> &due);

    // A call ended: the channel did its part (Answered), failed as a whole (Down: no answer, a
    // server error, a refusal of the call), or neither (throttling, a listing's own failure).
    enum class CallHealth { Answered, Down, Neutral };
    void noteCall(CallHealth health);
    // While the channel is down with retryable dead letters: reads one of their listings now
    // and then; an answer is the channel's recovery.
    void probe();
    void redrive();
    // Whether the channel's per-listing daily revision limit lets this listing be sent now;
    // takes the revision when it does. *retryInMs says when it may go otherwise.
    bool takeRevision(const DueListing &listing, qint64 now, qint64 *retryInMs);

    // Per listing, for channels that limit revisions a day: a bucket that spreads the day's
    // budget and allows bursts, and the hard count for the calendar day (UTC). Kept in memory.
    struct RevisionBudget
    {
        double tokens = 0;
        qint64 lastMs = 0;
        qint64 day = -1;
        int countToday = 0;
        qint64 lastSentMs = -1;
    };
    QHash<QString, RevisionBudget> m_revisions;

    Database &m_db;
    std::unique_ptr<PropagationHub> m_ownHub; // made on its own: a hub of its own
    PropagationHub *m_hub = nullptr;
    ListingMemory m_memory;
    // Acknowledged, to be announced once written (sku, version, quantity, lag at the answer).
    struct Announced
    {
        QString sku;
        qint64 version, quantity, lagMs;
    };
    QList<Announced> m_announce;
    bool m_idleAfterFlush = false;
    QString m_fenceWorker;
    qint64 m_fenceToken = 0;
    qint64 m_leaseRenewedNs = 0;

    DeadLetterQueue m_deadLetters;
    AttemptLog m_attempts;
    BulkSubmissionStore m_bulkSubmissions;
    QSet<QString> m_bulkFollowed; // our ids of the bulk submissions in flight
    QPointer<ChannelAdapter> m_adapter;
    const Clock &m_clock;
    Options m_options;
    RateLimiter m_limiter;
    Backoff m_backoff;
    QTimer m_timer;
    QSet<QString> m_busy; // SKUs in flight
    int m_inFlight = 0;
    // When the current linger began, on the monotonic clock (-1: none): a linger never outlasts
    // Options::lingerMs, whatever the changes' (wall-clock, maybe another worker's) times say.
    qint64 m_lingerSinceMs = -1;
    bool m_running = false;
    bool m_suspended = false;
    bool m_pumpQueued = false;
    bool m_channelDown = false; // the last calls failed as a whole; no answer since
    bool m_probing = false;
    qint64 m_nextProbeMs = 0;
};

} // namespace ChannelDesk
