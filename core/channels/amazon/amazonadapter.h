#pragma once

#include "channels/amazon/lwatokensource.h"
#include "channels/channeladapter.h"
#include "channels/httpexchange.h"
#include "util/clock.h"

#include <QUrl>

class QNetworkAccessManager;

namespace ChannelDesk {

struct AmazonSettings
{
    QString channelId;
    QUrl baseUrl; // https://sellingpartnerapi-na.amazon.com
    QString sellerId;
    QString marketplaceId;
    LwaCredentials lwa;
    int timeoutMs = 10000;
    qint64 initialLookbackMs = 10 * 60 * 1000; // first order poll, without a high-water mark
};

// Amazon through the Selling Partner API: quantities with Listings Items patchListingsItem (a
// JSON Patch replacing fulfillment_availability, one SKU a call), orders polled from Orders v0.
// A validation failure comes back as HTTP 200 with status INVALID and is permanent. A 403 is
// retried once with a new LWA token when the cached one may have expired. The remote id of a
// listing is the seller SKU on Amazon (the ChannelDesk SKU when empty). Reads: the catalogue
// and quantities from Listings Items searchListingsItems (by SKU, up to 20 a call).
class AmazonAdapter final : public ChannelAdapter, public ChannelReader
{
    Q_OBJECT
public:
    static constexpr IntakeMode kDefaultIntake = IntakeMode::Poll;
    static constexpr int kDefaultPollIntervalSeconds = 60;
    static constexpr int kMaxBatchSize = 1;
    static constexpr double kDocumentedRequestsPerSecond = 5.0; // patchListingsItem: 5/s, burst 5
    static constexpr int kSearchPageSize = 20; // searchListingsItems' pageSize maximum
    // searchListingsItems pages through at most this many results of one search; the
    // catalogue goes on with a new search from the last creation date reached.
    static constexpr int kSearchResultsLimit = 1000;

    AmazonAdapter(AmazonSettings settings, QNetworkAccessManager *network, const Clock &clock,
                  QObject *parent = nullptr);

    QString channelId() const override { return m_settings.channelId; }
    QString type() const override { return QStringLiteral("amazon"); }
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
    int maxQuantitiesPerRead() const override { return kSearchPageSize; }
    void fetchOrders(const QString &highWaterMark,
                     std::function<void(const FetchOrdersResult &)> done) override;
    void checkConnection(std::function<void(const ConnectionCheck &)> done) override;
    bool hasOrderWebhooks() const override { return false; }
    IntakeMode defaultIntake() const override { return kDefaultIntake; }
    int defaultPollIntervalSeconds() const override { return kDefaultPollIntervalSeconds; }

    QUrl listingUrl(const QString &sellerSku) const;
    // searchListingsItems: GET /listings/2021-08-01/items/{sellerId}?marketplaceIds=...
    QUrl searchUrl() const;

protected:
    void readQuantityBatch(const QStringList &remoteIds,
                           std::function<void(const QuantitiesRead &)> done) override;
    QObject *readContext() override { return this; }

private:
    // A failed answer (or a failed token) as a ReadStatus, with Amazon's first error.
    ReadStatus readFailure(const HttpResponse &response, const LwaTokenSource::Token &token) const;
    struct OrderPoll;
    // Sends an authenticated SP-API request; on a 403 with a cached token, renews the token and
    // sends it once more.
    void call(const QUrl &url, const QByteArray &verb, const QByteArray &body,
              std::function<void(const HttpResponse &, const LwaTokenSource::Token &)> done,
              bool retried = false);
    void pushOne(const ListingUpdate &update, std::function<void(const PushReport &)> done);
    void fetchOrderList(std::shared_ptr<OrderPoll> poll);
    void fetchNextOrderItems(std::shared_ptr<OrderPoll> poll);
    void finishPoll(std::shared_ptr<OrderPoll> poll, FailureKind failure, const QString &message,
                    std::optional<qint64> retryAfterMs = {});

    AmazonSettings m_settings;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    LwaTokenSource *m_tokens;
};

} // namespace ChannelDesk
