#pragma once

#include "channels/channeladapter.h"
#include "channels/httpexchange.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

class QNetworkAccessManager;

namespace ChannelDesk {

struct WooSettings
{
    QString channelId;
    QUrl baseUrl; // the site root: https://shop.example (the adapter appends /wp-json/wc/v3)
    QString apiVersion; // empty: "v3"
    QByteArray consumerKey;
    QByteArray consumerSecret;
    int timeoutMs = 10000;
    qint64 initialLookbackMs = 10 * 60 * 1000; // first order poll, without a high-water mark
};

// Where a listing lives in WooCommerce. The remote_id of the mapping is "<product id>" for a simple
// product and "<product id>/<variation id>" for a variation, as the REST paths nest them.
struct WooTarget
{
    qint64 productId = 0;
    qint64 variationId = 0; // 0 for a simple product

    bool isVariation() const { return variationId != 0; }
    QString remoteId() const;
    static std::optional<WooTarget> parse(const QString &remoteId);
};

// WooCommerce through its REST API v3: one listing is set with PUT products/<id> (or
// products/<pid>/variations/<id>), several with POST products/batch (and the variations batch of
// their parent), at most 100 per call. Authenticated with HTTP Basic (consumer key and secret);
// WooCommerce accepts Basic over HTTPS, which is how a real shop must be configured. Reads: the
// catalogue from GET products (and the variations of variable products), quantities from
// products?include= (and variations?include= per parent), orders from GET
// orders?modified_after= (wooorderpoll.cpp), read like the order webhooks.
class WooAdapter final : public ChannelAdapter, public ChannelReader
{
    Q_OBJECT
public:
    static constexpr IntakeMode kDefaultIntake = IntakeMode::Both;
    static constexpr int kDefaultPollIntervalSeconds = 30;
    static constexpr int kMaxBatchSize = 100; // create + update + delete per batch request
    // WooCommerce sets no limit of its own; hosts do. A polite default, tightened by 429/503.
    static constexpr double kDocumentedRequestsPerSecond = 5.0;
    static constexpr int kPageSize = 100; // per_page's maximum

    WooAdapter(WooSettings settings, QNetworkAccessManager *network, const Clock &clock,
               QObject *parent = nullptr);

    QString channelId() const override { return m_settings.channelId; }
    QString type() const override { return QStringLiteral("woocommerce"); }
    int maxBatchSize() const override { return kMaxBatchSize; }
    double documentedRequestsPerSecond() const override { return kDocumentedRequestsPerSecond; }

    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override;
    void readListing(const QString &remoteId,
                     std::function<void(const ReadListingResult &)> done) override;

    ChannelReader *reader() override { return this; }

    // ChannelReader
    void listListings(const QString &pageToken,
                      std::function<void(const ListingPage &)> done) override;
    int maxQuantitiesPerRead() const override { return kPageSize; }
    void fetchOrders(const QString &highWaterMark,
                     std::function<void(const FetchOrdersResult &)> done) override;
    void checkConnection(std::function<void(const ConnectionCheck &)> done) override;
    // GET orders/<id>/refunds: one Refund event per refund that names line items.
    void fetchRefunds(const QString &orderId,
                      std::function<void(const FetchOrdersResult &)> done) override;
    bool hasOrderWebhooks() const override { return true; }
    IntakeMode defaultIntake() const override { return kDefaultIntake; }
    int defaultPollIntervalSeconds() const override { return kDefaultPollIntervalSeconds; }
    // The refunds of that answer as Refund events (lines by the order's line id from
    // _refunded_item_id, SKU and product id; every refunded unit restocked, see the .cpp).
    static QList<OrderEvent> refundEvents(const QJsonArray &refunds, const QString &orderId);

    QUrl endpoint(const QString &path) const;
    // A GET of `path` with `query`, authenticated.
    void get(const QString &path, const QUrlQuery &query,
             std::function<void(const HttpResponse &)> done);
    // A failed answer as a ReadStatus: WooCommerce's {code, message} when it sent one.
    static ReadStatus readFailure(const HttpResponse &response, const Clock &clock);
    const WooSettings &settings() const { return m_settings; }
    const Clock &clock() const { return m_clock; }

protected:
    void readQuantityBatch(const QStringList &remoteIds,
                           std::function<void(const QuantitiesRead &)> done) override;
    QObject *readContext() override { return this; }

private:
    struct ListingsRead;
    void readVariations(std::shared_ptr<ListingsRead> read);
    struct OrderPoll;
    void fetchOrderPage(std::shared_ptr<OrderPoll> poll);
    struct Group;
    void sendGroup(const Group &group, std::function<void(const PushReport &)> done);
    QNetworkRequest request(const QString &path) const;

    WooSettings m_settings;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
};

} // namespace ChannelDesk
