#pragma once

#include "channels/failurekind.h"
#include "channels/intakemode.h"
#include "domain/orderevent.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ChannelDesk {

struct ConnectionCheck; // connectioncheck.h

// What every read answers besides its data: whether it failed and how (the adapter's reading of
// the channel's answer), and what the channel said about its limits, so whoever paces the reads
// (ReadPacer) can hold back as it would for a push.
struct ReadStatus
{
    FailureKind failure = FailureKind::None;
    QString message; // the channel's own words, or why the answer could not be read
    int httpStatus = 0; // 0: no HTTP answer (timeout, reset) or not one call
    QString errorCode; // the channel's code, for people
    std::optional<qint64> retryAfterMs; // wait at least this long before the next call
    bool throttled = false; // 429, THROTTLED, QuotaExceeded

    bool ok() const { return failure == FailureKind::None; }
};

// One listing of a channel's catalogue, as the channel shows it.
struct RemoteListing
{
    // The channel's id for the listing, in the form a mapping (channel,sku,remote_id) and a push
    // use: Shopify the inventory item's number, WooCommerce "<product>" or
    // "<product>/<variation>", eBay and Amazon the SKU on the channel.
    QString remoteId;
    QString sku; // the SKU the channel has for it; empty when it has none
    // What buyers can buy there now; empty when the channel keeps no count for it (WooCommerce
    // without managed stock, a Shopify item not stocked at the configured location).
    std::optional<qint64> quantity;
    QString title; // for people (map-pull's report), may be empty

    friend bool operator==(const RemoteListing &, const RemoteListing &) = default;
};

// A page of the catalogue.
struct ListingPage : ReadStatus
{
    QList<RemoteListing> listings;
    // Pass back to listListings() for the next page; empty on the last page. Opaque: each
    // channel writes its own cursor (a GraphQL cursor, a page number, a token).
    QString nextPageToken;
};

// Quantities read back by remote id.
struct QuantitiesRead : ReadStatus
{
    QHash<QString, qint64> quantities; // by the remote id as asked
    // Ids the channel answered for without a count: unknown there, or no count kept (why).
    QHash<QString, QString> missing;
};

struct FetchOrdersResult
{
    FailureKind failure = FailureKind::None;
    QString message;
    // The channel's word on when to ask again, when it throttled the poll (Retry-After).
    std::optional<qint64> retryAfterMs;
    // Sales and lifecycle events (cancels, refunds, edits, shipments), in the order to apply
    // them; lines carry SKUs as the channel reports them.
    QList<OrderEvent> orders;
    // Pass back on the next fetch. A fetch cut short (failure set) still hands over the orders
    // of the pages it read and a mark to resume from, never past a page it has not read.
    QString nextHighWaterMark;
    // Orders whose events apply only when their sale is already recorded (WooCommerce gives
    // stock back on pending or failed only after having taken it): for an order never seen,
    // nothing is applied.
    QSet<QString> onlyForKnownOrders;
    // Per order, refund ids the poll saw without their lines (WooCommerce): the runtime reads
    // those not applied yet with fetchRefunds().
    QHash<QString, QStringList> refundsToRead;
};

// A channel's API for reads, beside ChannelAdapter for writes (issue 10): the catalogue, the
// quantities it shows, and its orders. Implemented by each channel's adapter, which runs on the
// core's thread; every call answers through its callback, on that thread, exactly once, never
// from inside the call. Reads are not paced here: ReadPacer (core/sync) paces them with the
// channel's push limiter so they never starve pushes; callers outside the runtime (the CLI)
// call them directly.
class ChannelReader
{
public:
    virtual ~ChannelReader() = default;

    // One page of the channel's catalogue; start with an empty token.
    virtual void listListings(const QString &pageToken,
                              std::function<void(const ListingPage &)> done) = 0;
    // The quantity each listing shows now, in as few calls as the API allows: at most
    // maxQuantitiesPerRead() ids a call; more are read in several calls, one after the other,
    // and answered together (a failed call ends the read: what was read before it is kept).
    void readQuantities(const QStringList &remoteIds,
                        std::function<void(const QuantitiesRead &)> done);
    virtual int maxQuantitiesPerRead() const = 0;

    // Orders changed since the high-water mark (empty: a short look-back), every page of them.
    virtual void fetchOrders(const QString &highWaterMark,
                             std::function<void(const FetchOrdersResult &)> done) = 0;
    // An order's refunds, for channels whose order answers name refunds without their lines
    // (WooCommerce): one Refund event per refund. Others answer Permanent.
    virtual void fetchRefunds(const QString &orderId,
                              std::function<void(const FetchOrdersResult &)> done);

    // "Test connection" (issue 15): one real, cheap read with the configured address and
    // credentials (Shopify `shop { name }`, WooCommerce one product, eBay one inventory item,
    // Amazon one listing), answered with the channel's own words on failure. Not paced: the
    // merchant asks for it once, before the channel runs.
    virtual void checkConnection(std::function<void(const ConnectionCheck &)> done);

    // Whether the channel can push orders to us at all (Shopify and WooCommerce webhooks).
    virtual bool hasOrderWebhooks() const = 0;
    // How orders come in when the config does not say, and how often a poll runs.
    virtual IntakeMode defaultIntake() const = 0;
    virtual int defaultPollIntervalSeconds() const = 0;

protected:
    // One call's worth of readQuantities(): at most maxQuantitiesPerRead() ids.
    virtual void readQuantityBatch(const QStringList &remoteIds,
                                   std::function<void(const QuantitiesRead &)> done) = 0;
    // The QObject the adapter's callbacks run on.
    virtual QObject *readContext() = 0;
};

} // namespace ChannelDesk
