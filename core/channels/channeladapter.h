#pragma once

#include "domain/orderevent.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <algorithm>
#include <functional>
#include <optional>

namespace ChannelDesk {

// How a failed call should be treated (DESIGN §3): a transient failure is retried with backoff,
// a permanent one goes to the dead-letter queue at once.
enum class FailureKind { None, Transient, Permanent };

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
    FailureKind failure = FailureKind::None; // None: the channel acknowledged it
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

struct ReadListingResult
{
    FailureKind failure = FailureKind::None;
    QString message;
    qint64 quantity = 0;
};

struct FetchOrdersResult
{
    FailureKind failure = FailureKind::None;
    QString message;
    // Sales and lifecycle events (cancels, refunds, shipments), in the order to apply them;
    // lines carry SKUs as the channel reports them.
    QList<OrderEvent> orders;
    QString nextHighWaterMark; // pass back on the next fetch
};

// A channel's API as ChannelDesk needs it. Adapters run on the core's thread and never block:
// every call answers through its callback, on the same thread, exactly once.
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
    // Channels without order webhooks (eBay, Amazon) are polled for orders.
    // How often one listing may be changed per calendar day, or 0 for no such limit (eBay: 250
    // revisions per listing a day).
    virtual int maxRevisionsPerListingPerDay() const { return 0; }
    virtual bool pollsOrders() const { return false; }
    virtual void fetchOrders(const QString &highWaterMark,
                             std::function<void(const FetchOrdersResult &)> done);
    // Channels whose order webhooks name refunds without their lines (WooCommerce) read an
    // order's refunds here: one Refund event per refund (eventId the refund id), lines by the
    // channel's line id, SKU or product id. Others answer Permanent.
    virtual void fetchRefunds(const QString &orderId,
                              std::function<void(const FetchOrdersResult &)> done);
};

} // namespace ChannelDesk
