#pragma once

#include "channels/amazon/lwatokensource.h"
#include "channels/channeladapter.h"
#include "channels/httpexchange.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QJsonObject>
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
    // The JSON_LISTINGS_FEED path (config "feed_threshold"): a feed carries the backlog beyond
    // this many due listings; 0: never.
    int feedThreshold = 20;
    qint64 feedFirstPollMs = 1000; // getFeed after this long, then twice as long each time...
    qint64 feedPollMs = 5000; // ...up to this
    // A feed not DONE after this long is cancelled if it is still IN_QUEUE (its listings are
    // then sent again); one IN_PROGRESS is waited for, however long it takes.
    qint64 feedDeadlineMs = 30 * 60 * 1000;
    QString issueLocale = QStringLiteral("en_US"); // the feed header's language of issues
};

// Amazon through the Selling Partner API: quantities with Listings Items patchListingsItem (a
// JSON Patch replacing fulfillment_availability, one SKU a call), orders polled from Orders v0.
// A validation failure comes back as HTTP 200 with status INVALID and is permanent. A 403 is
// retried once with a new LWA token when the cached one may have expired. The remote id of a
// listing is the seller SKU on Amazon (the ChannelDesk SKU when empty). Reads: the catalogue
// and quantities from Listings Items searchListingsItems (by SKU, up to 20 a call). A backlog
// goes by the Feeds API in one JSON_LISTINGS_FEED (pushBulk, amazonfeeds.cpp), one at a time;
// a feed from before a restart is followed again (resumeBulk, amazonfeeds_resume.cpp).
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
    // JSON_LISTINGS_FEED (amazonfeeds.cpp has the sources): at most 25,000 messages a feed, a
    // document under 10 MiB, 5 feeds per 5 minutes, and createFeed's own plan of 0.0083
    // requests/s with a burst of 15.
    static constexpr int kFeedMaxMessages = 25'000;
    static constexpr qint64 kFeedMaxBytes = 10 * 1024 * 1024;
    static constexpr int kFeedsPerWindow = 5;
    static constexpr qint64 kFeedWindowMs = 5 * 60 * 1000;
    static constexpr double kCreateFeedPerSecond = 0.0083;
    static constexpr double kCreateFeedBurst = 15;

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
    int bulkThreshold() const override { return m_settings.feedThreshold; }
    // kFeedMaxMessages while no feed is under way and the feed limits allow one now, else 0.
    int bulkBatchSize() const override;
    void pushBulk(const QList<ListingUpdate> &updates, BulkProgress progress,
                  std::function<void(const PushReport &)> done) override;
    // A feed from before a restart (amazonfeeds_resume.cpp): getFeeds says whether it may still
    // run; it is waited for (or cancelled while IN_QUEUE past its deadline) and then answered
    // from its processing report.
    void resumeBulk(const BulkSubmission &submission,
                    std::function<void(const PushReport &)> done) override;

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
    // The JSON Patch that sets the merchant-fulfilled quantity, as patchListingsItem and the
    // JSON_LISTINGS_FEED's messages carry it.
    static QJsonArray quantityPatches(qint64 quantity);
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

    // One JSON_LISTINGS_FEED under way (amazonfeeds.cpp).
    struct Feed;
    QUrl feedsUrl(const QString &path) const;
    void createFeedDocument(std::shared_ptr<Feed> feed);
    void uploadFeed(std::shared_ptr<Feed> feed, const QUrl &url);
    void createFeed(std::shared_ptr<Feed> feed);
    void pollFeed(std::shared_ptr<Feed> feed);
    void pollFeedLater(std::shared_ptr<Feed> feed);
    // A feed past its deadline still IN_QUEUE or IN_PROGRESS (amazonfeeds_resume.cpp): it may
    // still land, so its listings are not given back; one IN_QUEUE is cancelled (cancelFeed),
    // one IN_PROGRESS waited for.
    void lateFeed(std::shared_ptr<Feed> feed, const QString &status);
    void cancelFeed(std::shared_ptr<Feed> feed);
    // getFeeds: the JSON_LISTINGS_FEEDs of the marketplace still IN_QUEUE or IN_PROGRESS,
    // created since a resumed feed was submitted (every page), then followFound().
    struct OpenFeeds;
    void findFeed(std::shared_ptr<Feed> feed);
    void listOpenFeeds(std::shared_ptr<OpenFeeds> query);
    void followFound(std::shared_ptr<Feed> feed, const QList<QJsonObject> &open);
    void fetchReport(std::shared_ptr<Feed> feed, const QString &documentId);
    void readReport(std::shared_ptr<Feed> feed, const QByteArray &document);
    // Every listing of the feed failed the same way (kind, HTTP status, Amazon's code, text).
    void failFeed(std::shared_ptr<Feed> feed, FailureKind kind, int httpStatus, const QString &code,
                  const QString &message, const QString &response = {});
    void finishFeed(std::shared_ptr<Feed> feed, PushReport report);
    // Takes createFeed's token and a place in the JSON_LISTINGS_FEED window, when both have one.
    bool takeFeedAllowance();

    AmazonSettings m_settings;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    LwaTokenSource *m_tokens;
    // The feeds under way: the one pushBulk() made, or those of before a restart.
    QList<std::shared_ptr<Feed>> m_feeds;
    double m_createFeedTokens = kCreateFeedBurst;
    qint64 m_createFeedRefilledMs = -1;
    QList<qint64> m_feedTimes; // when feeds were created, within the last kFeedWindowMs
};

} // namespace ChannelDesk
