#pragma once

#include "sim/simchannel.h"

#include <QHash>
#include <QTimer>
#include <QUrl>

namespace ChannelDesk {

// Amazon's Selling Partner API as far as stock and orders go: the Login with Amazon token
// exchange (/auth/o2/token), Listings Items patch/get (JSON Patch of
// /attributes/fulfillment_availability, 200 ACCEPTED or 200 INVALID with issues, 403 for bad
// tokens, a token bucket with x-amzn-RateLimit-Limit and 429 QuotaExceeded), and Orders v0
// getOrders/getOrderItems for the orders placed here, and searchListingsItems (by SKU or the
// whole catalogue, 20 a page, at most 1,000 results a search). Remote ids are seller SKUs.
// The Feeds API 2021-06-30 for JSON_LISTINGS_FEED (amazonsim_feeds.cpp): feed documents behind
// pre-signed URLs, feeds processed one after the other, each taking "feed_processing_s" (config,
// default 60 s), and a processing report with the issues of each message.
class AmazonSim final : public SimChannel
{
    Q_OBJECT
public:
    using SimChannel::SimChannel;
    QString type() const override { return QStringLiteral("amazon"); }

    // For tests: how long each feed is processed from now on, and the next `count` feeds end
    // FATAL (nothing applied).
    void setFeedProcessingMs(qint64 ms) { m_feedProcessingMs = ms; }
    void failNextFeeds(int count) { m_failNextFeeds = count; }
    // For tests: while held, no feed starts (Amazon's queue busy with other sellers' work): new
    // feeds stay IN_QUEUE, where cancelFeed can still reach them.
    void holdFeedQueue(bool held);
    // Feeds created so far, by processing status.
    QHash<QString, int> feedCounts();

protected:
    SimResponse handleApi(const SimRequest &request) override;
    SimResponse faultResponse(SimFault fault) override;
    bool configureType(const QJsonObject &config, QString *error) override;
    bool configureRateLimit(const QJsonObject &rateLimit, QString *error) override;
    QJsonObject rateLimitJson() const override;
    void deliverOrder(const SimOrder &order, int deliveries) override;
    void seedListingExtras(SimListing &listing, const QJsonObject &seed) override;

private:
    SimResponse token(const SimRequest &request);
    bool tokenValid(const QByteArray &token) const;
    SimResponse listingsItem(const SimRequest &request, const QString &sellerId,
                             const QString &sku);
    SimResponse patchListing(const SimRequest &request, SimListing &listing);
    // searchListingsItems: GET /listings/2021-08-01/items/{sellerId} (amazonsim_search.cpp)
    SimResponse searchListings(const SimRequest &request, const QString &sellerId);
    QJsonObject itemJson(const SimListing &listing, const QStringList &includedData) const;
    SimResponse getOrders(const SimRequest &request);
    SimResponse getOrderItems(const QString &orderId);
    SimResponse withRate(SimResponse response, double rate) const;
    // The quantity a patchListingsItem (or feed message) sets: -1 when it sets none; each
    // refused patch is appended to *issues.
    qint64 patchedQuantity(const QJsonArray &patches, QJsonArray *issues) const;

    // Feeds API (amazonsim_feeds.cpp)
    struct FeedDocument
    {
        QString contentType;
        QByteArray content;
        QByteArray signature; // of the pre-signed URL
        qint64 createdMs = 0;
        bool uploaded = false;
    };
    struct Feed
    {
        QString feedId;
        QStringList marketplaceIds;
        QString inputDocumentId;
        QString resultDocumentId;
        QString status = QStringLiteral("IN_QUEUE");
        qint64 createdMs = 0;
        qint64 startMs = -1;
        qint64 endMs = -1;
        bool fatal = false;
    };
    bool isFeedsPath(const QStringList &segments) const;
    SimResponse feedsApi(const SimRequest &request);
    // PUT or GET of a document at its pre-signed URL (no access token).
    SimResponse feedDocumentTransfer(const SimRequest &request, const QString &documentId);
    SimResponse createFeedDocument(const SimRequest &request);
    SimResponse getFeedDocument(const SimRequest &request, const QString &documentId);
    SimResponse createFeed(const SimRequest &request);
    SimResponse getFeeds(const SimRequest &request);
    SimResponse cancelFeed(const QString &feedId);
    QJsonObject feedJson(const Feed &feed) const;
    // Starts and finishes the feeds whose time has come (one at a time, in creation order).
    void advanceFeeds();
    void processFeed(Feed &feed);
    QUrl documentUrl(const SimRequest &request, const QString &documentId) const;

    QString m_sellerId; // empty: any
    QString m_marketplaceId = QStringLiteral("ATVPDKIKX0DER");
    QString m_clientId;
    QString m_clientSecret;
    QString m_refreshToken;
    QString m_staticToken; // an access token accepted without the exchange (optional)
    int m_tokenTtlSeconds = 3600;
    QHash<QByteArray, qint64> m_tokens; // access token -> expiry (ms since epoch)
    SimTokenBucket m_patchBucket;
    SimTokenBucket m_readBucket;
    SimTokenBucket m_ordersBucket; // off unless configured
    // The Feeds API's usage plans, and JSON_LISTINGS_FEED's own 5 per 5 minutes.
    SimTokenBucket m_createDocumentBucket;
    SimTokenBucket m_getDocumentBucket;
    SimTokenBucket m_createFeedBucket;
    SimTokenBucket m_getFeedBucket;
    SimTokenBucket m_getFeedsBucket;
    SimTokenBucket m_cancelFeedBucket;
    bool m_feedQueueHeld = false;
    QList<qint64> m_listingsFeedTimes;
    QHash<QString, FeedDocument> m_feedDocuments;
    QList<Feed> m_feeds; // in creation order
    qint64 m_nextFeedId = 50'001'019'900;
    qint64 m_feedProcessingMs = 60'000;
    int m_failNextFeeds = 0;
    QTimer *m_feedTimer = nullptr;
};

} // namespace ChannelDesk
