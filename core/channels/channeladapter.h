#pragma once

#include "channels/channelreader.h"
#include "channels/failurekind.h"
#include "domain/orderevent.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <algorithm>
#include <functional>
#include <optional>

namespace ChannelDesk {

// One listing's desired state on a channel. A paused listing is sent the channel's own way
// (quantity 0 on every channel ChannelDesk speaks).
struct ListingUpdate
{
    QString sku;
    QString remoteId; // the channel's id for the listing (mapping: channel,sku,remote_id)
    qint64 quantity = 0; // what the channel should show: available under its buffer rule
    qint64 version = 0;
    bool paused = false; // available is at or below the channel's pause_at
    // The quantity the channel last acknowledged, when known (Shopify's changeFromQuantity).
    std::optional<qint64> lastAckedQuantity;

    // Channels are never sent less than 0: a negative balance is units owed, shown as none.
    qint64 quantityToSend() const { return paused ? 0 : std::max<qint64>(0, quantity); }
};

// What became of one listing's update.
struct PushOutcome
{
    QString sku;
    qint64 version = 0;
    // None: the channel acknowledged it. The adapter's reading of the answer; errorCode keeps
    // the channel's own code for people, never for decisions.
    FailureKind failure = FailureKind::None;
    int httpStatus = 0; // 0 when no HTTP answer came (timeout, reset)
    QString errorCode; // the channel's own code, when it gave one
    QString message; // the channel's own text, preserved
    std::optional<qint64> ackedQuantity; // what the channel now holds, when it says

    bool ok() const { return failure == FailureKind::None; }
};

// The answer to one push call (which may carry many listings).
struct PushReport
{
    QList<PushOutcome> outcomes; // one per update sent, in the same order
    // Wait at least this long before the next call to this channel (Retry-After, Shopify's
    // cost bucket, ...); empty when the channel said nothing.
    std::optional<qint64> retryAfterMs;
    // The channel's current allowance when it tells it (x-amzn-RateLimit-Limit, Shopify's
    // restore rate converted to calls/s); empty when it does not.
    std::optional<double> rateLimitPerSecond;
    bool throttled = false; // the channel answered 429 or its throttled equivalent
    QString request; // the request body sent (secrets removed), for the DLQ inspector
    QString response; // the response body received, for the DLQ inspector
};

// A bulk submission made before a restart that the channel may still be processing (Amazon's
// JSON_LISTINGS_FEED), as the propagator kept it (BulkSubmissionStore).
struct BulkSubmission
{
    QString id; // the channel's id for it; empty when no answer came before the restart
    qint64 submittedAtMs = 0;
    QList<ListingUpdate> updates; // what it carries, in order
};

// How a bulk submission goes: the first `carried` of its updates are in it (the rest did not
// fit and are answered as not sent), and `id` is the channel's id for it once the channel took
// it. Called before the channel is asked (id empty), and again with the id.
using BulkProgress = std::function<void(const QString &id, qsizetype carried)>;

struct ReadListingResult
{
    FailureKind failure = FailureKind::None;
    QString message;
    qint64 quantity = 0;
};

// A channel's API for writes, as ChannelDesk needs it (its reads are ChannelReader). Adapters run
// on the core's thread and never block: every call answers through its callback, on the same
// thread, exactly once. readListing() is the write side's own read-back of one listing (the
// propagator refreshes a stale compare value with it); bulk reads are ChannelReader's.
class ChannelAdapter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ChannelAdapter() override = default;

    virtual QString channelId() const = 0;
    virtual QString type() const = 0; // "shopify", "woocommerce", "ebay", "amazon"
    // How many listings one push call may carry.
    virtual int maxBatchSize() const = 0;
    // The channel's documented request rate, seeding the token bucket.
    virtual double documentedRequestsPerSecond() const = 0;

    virtual void push(const QList<ListingUpdate> &updates,
                      std::function<void(const PushReport &)> done) = 0;
    virtual void readListing(const QString &remoteId,
                             std::function<void(const ReadListingResult &)> done) = 0;
    // How often one listing may be changed per calendar day, or 0 for no such limit (eBay: 250
    // revisions per listing a day).
    virtual int maxRevisionsPerListingPerDay() const { return 0; }
    // The channel's read side (catalogue, quantities, orders), or null when it has none (test
    // doubles). The real adapters implement both and answer `this`.
    virtual ChannelReader *reader() { return nullptr; }

    // The channel's bulk path (Amazon's JSON_LISTINGS_FEED), for a backlog: when more than
    // bulkThreshold() listings are due, the propagator keeps that many of the most urgent for
    // push() and hands up to bulkBatchSize() of the rest to one pushBulk(), whose answer may take
    // minutes; the listings stay in flight until it comes. bulkBatchSize() is 0 while no bulk
    // submission may start (one is under way, or the channel's own limit on them is used up).
    // pushBulk() paces its own calls (they have their own usage plans): its report never sets
    // throttled, retryAfterMs or rateLimitPerSecond, which would slow push()'s bucket. It says
    // how the submission goes through `progress`, so that the propagator keeps it across a
    // restart; it answers only once the submission can no longer change the channel.
    virtual int bulkThreshold() const { return 0; } // 0: no bulk path
    virtual int bulkBatchSize() const { return 0; }
    virtual void pushBulk(const QList<ListingUpdate> &updates, BulkProgress progress,
                          std::function<void(const PushReport &)> done)
    {
        progress({}, updates.size());
        push(updates, std::move(done));
    }
    // A bulk submission made before a restart: followed until it can no longer change the
    // channel (ended, or cancelled before it started), then answered as pushBulk() answers.
    // A channel that cannot follow one answers each update as a transient failure, to be sent
    // again.
    virtual void resumeBulk(const BulkSubmission &submission,
                            std::function<void(const PushReport &)> done)
    {
        PushReport report;
        for (const ListingUpdate &u : submission.updates)
            report.outcomes.append({u.sku,
                                    u.version,
                                    FailureKind::Transient,
                                    0,
                                    {},
                                    QStringLiteral("a bulk submission from before the restart"),
                                    {}});
        QMetaObject::invokeMethod(
            this, [done = std::move(done), report] { done(report); }, Qt::QueuedConnection);
    }
};

} // namespace ChannelDesk
