// Amazon's bulk path after a restart and past a feed's deadline (issue 13): a JSON_LISTINGS_FEED
// Amazon may still process must not land after a newer quantity sent by patchListingsItem or by
// a later feed, so its listings stay in flight until it can no longer change anything. From the
// Feeds API 2021-06-30 reference (amzn/selling-partner-api-models, feeds_2021-06-30.json):
// - getFeeds: GET /feeds/2021-06-30/feeds?feedTypes=...&processingStatuses=...&marketplaceIds=
//   ...&createdSince=...&pageSize=1..100 -> {feeds [Feed], nextToken?}; "Either feedTypes or
//   nextToken is required", nextToken alone on the next page; 0.0222 requests/s, burst 10.
// - cancelFeed: DELETE /feeds/2021-06-30/feeds/{feedId} -> 200, no body; "Only feeds with
//   processingStatus=IN_QUEUE can be cancelled. Cancelled feeds are returned in subsequent calls
//   to the getFeed and getFeeds operations"; 2 requests/s, burst 15.
// - Feeds are kept 90 days (getFeeds' createdSince): getFeed answers 404 for one it no longer
//   has, which cannot land any more either.
#include "amazonfeeds_p.h"
#include "channels/jsonutil.h"
#include "util/timeformat.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcAmazon)

namespace {

// getFeeds' documented rate, 0.0222 requests/s: one call every 45 s once its burst is used.
constexpr qint64 kGetFeedsIntervalMs = 45'046;
// Our clock and Amazon's may differ: feeds created this much before a submission are looked at.
constexpr qint64 kClockSkewMs = 5 * 60 * 1000;

} // namespace

struct AmazonAdapter::OpenFeeds
{
    qint64 sinceMs = 0;
    QString nextToken;
    QList<QJsonObject> feeds;
    // The open feeds, or none and when to ask again.
    std::function<void(const std::optional<QList<QJsonObject>> &, qint64 retryMs)> done;
};

void AmazonAdapter::resumeBulk(const BulkSubmission &submission,
                               std::function<void(const PushReport &)> done)
{
    auto feed = std::make_shared<Feed>();
    feed->updates = submission.updates;
    feed->sent = submission.updates.size();
    feed->feedId = submission.id;
    feed->startedMs = submission.submittedAtMs;
    feed->pollMs = m_settings.feedFirstPollMs;
    feed->done = std::move(done);
    // It holds the feed path like one of ours: no new feed starts before it ends.
    m_feeds.append(feed);
    findFeed(feed);
}

void AmazonAdapter::findFeed(std::shared_ptr<Feed> feed)
{
    auto query = std::make_shared<OpenFeeds>();
    query->sinceMs = feed->startedMs - kClockSkewMs;
    query->done = [this, feed](const std::optional<QList<QJsonObject>> &open, qint64 retryMs) {
        if (open)
            followFound(feed, *open);
        else
            QTimer::singleShot(retryMs, this, [this, feed] { findFeed(feed); });
    };
    listOpenFeeds(query);
}

void AmazonAdapter::listOpenFeeds(std::shared_ptr<OpenFeeds> query)
{
    QUrl url = feedsUrl(u"/feeds"_s);
    QUrlQuery params;
    if (query->nextToken.isEmpty()) {
        params.addQueryItem(u"feedTypes"_s, u"JSON_LISTINGS_FEED"_s);
        params.addQueryItem(u"processingStatuses"_s, u"IN_QUEUE,IN_PROGRESS"_s);
        params.addQueryItem(u"marketplaceIds"_s, m_settings.marketplaceId);
        params.addQueryItem(u"createdSince"_s, isoUtc(query->sinceMs));
        params.addQueryItem(u"pageSize"_s, u"100"_s);
    } else {
        params.addQueryItem(u"nextToken"_s,
                            QString::fromLatin1(QUrl::toPercentEncoding(query->nextToken)));
    }
    url.setQuery(params);
    call(url, "GET", {},
         [this, query](const HttpResponse &response, const LwaTokenSource::Token &token) {
             const auto root = parseJsonObject(response.body);
             if (token.failure != FailureKind::None ||
                 classifyResponse(response) != FailureKind::None || !root) {
                 qCInfo(lcAmazon) << m_settings.channelId << "getFeeds:"
                                  << (token.failure != FailureKind::None
                                          ? token.message
                                          : describeFailure(response));
                 // A refusal (429 or another 4xx) waits for getFeeds' own pace.
                 const bool refused = response.status >= 400 && response.status < 500;
                 query->done(std::nullopt,
                             refused ? kGetFeedsIntervalMs
                                     : std::max<qint64>(1, m_settings.feedPollMs));
                 return;
             }
             for (const QJsonValue &feed : root->value(u"feeds"_s).toArray())
                 query->feeds.append(feed.toObject());
             query->nextToken = root->value(u"nextToken"_s).toString();
             if (!query->nextToken.isEmpty())
                 listOpenFeeds(query);
             else
                 query->done(query->feeds, 0);
         });
}

void AmazonAdapter::followFound(std::shared_ptr<Feed> feed, const QList<QJsonObject> &open)
{
    QString status;
    if (feed->feedId.isEmpty()) {
        // The process ended before createFeed answered: the feed may exist. The earliest open
        // feed created since that no other feed of ours is, is taken as this one.
        QStringList ours;
        for (const auto &f : std::as_const(m_feeds))
            ours.append(f->feedId);
        QDateTime earliest;
        for (const QJsonObject &candidate : open) {
            const QString id = candidate.value(u"feedId"_s).toString();
            const QDateTime created =
                QDateTime::fromString(candidate.value(u"createdTime"_s).toString(), Qt::ISODate);
            if (id.isEmpty() || ours.contains(id) || (earliest.isValid() && created >= earliest))
                continue;
            earliest = created;
            feed->feedId = id;
            status = candidate.value(u"processingStatus"_s).toString();
        }
        if (feed->feedId.isEmpty()) {
            failFeed(feed, FailureKind::Transient, 0, {},
                     u"a feed submitted before the restart is not IN_QUEUE or IN_PROGRESS at "
                     u"Amazon: sent again"_s);
            return;
        }
        feed->adopted = true;
    } else {
        for (const QJsonObject &candidate : open) {
            if (candidate.value(u"feedId"_s).toString() == feed->feedId)
                status = candidate.value(u"processingStatus"_s).toString();
        }
        if (status.isEmpty()) {
            // Not running any more: getFeed says how it ended, and its report what it did.
            pollFeed(feed);
            return;
        }
    }
    qCInfo(lcAmazon) << m_settings.channelId << "feed" << feed->feedId
                     << "from before the restart is" << status << "- its" << feed->sent
                     << "listings wait for it";
    if (m_clock.nowMs() - feed->startedMs >= m_settings.feedDeadlineMs)
        lateFeed(feed, status);
    else
        pollFeedLater(feed);
}

void AmazonAdapter::lateFeed(std::shared_ptr<Feed> feed, const QString &status)
{
    if (status == u"IN_QUEUE"_s && !feed->cancelAsked) {
        cancelFeed(feed);
        return;
    }
    if (!feed->lateLogged) {
        feed->lateLogged = true;
        qCWarning(lcAmazon) << m_settings.channelId << "feed" << feed->feedId << "is still"
                            << (status.isEmpty() ? u"unanswered"_s : status) << "after"
                            << (m_clock.nowMs() - feed->startedMs) / 1000
                            << "s: its listings wait for it";
    }
    pollFeedLater(feed);
}

void AmazonAdapter::cancelFeed(std::shared_ptr<Feed> feed)
{
    call(feedsUrl(u"/feeds/"_s + QString::fromLatin1(QUrl::toPercentEncoding(feed->feedId))),
         "DELETE", {}, [this, feed](const HttpResponse &response, const LwaTokenSource::Token &) {
             if (response.status == 200) {
                 // getFeed will say CANCELLED: its listings are then sent again.
                 feed->cancelAsked = true;
                 qCInfo(lcAmazon) << m_settings.channelId << "feed" << feed->feedId
                                  << "cancelled past its deadline";
                 feed->pollMs = m_settings.feedFirstPollMs;
             } else if (response.status == 400) {
                 // No longer IN_QUEUE: it runs, and is waited for.
                 feed->cancelAsked = true;
             }
             // Throttled, a server error or no answer: asked again after the next getFeed.
             pollFeedLater(feed);
         });
}

} // namespace ChannelDesk
