// The simulated Feeds API 2021-06-30, for JSON_LISTINGS_FEED only, following its model
// (amzn/selling-partner-api-models, feeds_2021-06-30.json) and the listings feed schemas
// (listings-feed-schema-v2.json, listings-feed-processing-report-schema-v2.json):
// createFeedDocument (201 {feedDocumentId, url}, the url pre-signed for 5 minutes), the upload
// by PUT to that url with the content type given, createFeed (202 {feedId}), getFeed ({feedId,
// feedType, marketplaceIds, createdTime, processingStatus, processingStartTime,
// processingEndTime, resultFeedDocumentId}), getFeeds (GET /feeds/2021-06-30/feeds: feedTypes
// or nextToken required, nextToken alone; processingStatuses, marketplaceIds, createdSince,
// createdUntil, pageSize 1 to 100, default 10 -> {feeds, nextToken?}), cancelFeed (DELETE
// /feeds/2021-06-30/feeds/{feedId}: 200 with no body, only for a feed IN_QUEUE; it then shows
// CANCELLED), getFeedDocument ({feedDocumentId, url}) and the processing report ({header,
// issues [{messageId, sku, code, severity, message, attributeName}], summary}). Usage plans as
// documented (createFeedDocument 0.5/s burst 15, createFeed 0.0083/s burst 15, getFeed 2/s
// burst 15, getFeeds 0.0222/s burst 10, cancelFeed 2/s burst 15, getFeedDocument 0.0222/s
// burst 10) and
// JSON_LISTINGS_FEED's own 5 feeds per 5 minutes; 429 QuotaExceeded beyond them. Feeds are
// processed one after the other in creation order (Feeds API FAQ), each for
// feed_processing_s; a message is applied as patchListingsItem applies its patches.
#include "sim/amazonsim.h"
#include "util/timeformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

SimResponse feedError(int status, const QString &code, const QString &message)
{
    return SimResponse::json(
        status,
        QJsonObject {
            {u"errors"_s, QJsonArray {QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}}});
}

SimResponse quotaExceeded()
{
    return feedError(429, u"QuotaExceeded"_s,
                     u"You exceeded your quota for the requested resource."_s);
}

constexpr qint64 kPresignedUrlMs = 5 * 60 * 1000;
constexpr int kListingsFeedsPerWindow = 5;
constexpr qint64 kListingsFeedWindowMs = 5 * 60 * 1000;
constexpr int kMaxMessages = 25'000;
constexpr int kMaxPageSize = 100;

const QStringList kProcessingStatuses {u"CANCELLED"_s, u"DONE"_s, u"FATAL"_s, u"IN_PROGRESS"_s,
                                       u"IN_QUEUE"_s};

// A comma-separated list parameter (the model's collectionFormat csv), without empty items.
QStringList csv(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
}

} // namespace

bool AmazonSim::isFeedsPath(const QStringList &s) const
{
    return s.size() >= 3 && s.at(0) == "feeds"_L1 && s.at(1) == "2021-06-30"_L1 &&
        (s.at(2) == "documents"_L1 || s.at(2) == "feeds"_L1);
}

SimResponse AmazonSim::feedsApi(const SimRequest &request)
{
    advanceFeeds();
    const QStringList &s = request.segments;
    const bool documents = s.at(2) == "documents"_L1;
    if (s.size() == 3 && request.method == "GET" && !documents) {
        if (!m_getFeedsBucket.take(1, monotonicMs())) {
            countEvent(u"throttled"_s);
            return withRate(quotaExceeded(), m_getFeedsBucket.rate());
        }
        return withRate(getFeeds(request), m_getFeedsBucket.rate());
    }
    if (s.size() == 4 && request.method == "DELETE" && !documents) {
        if (!m_cancelFeedBucket.take(1, monotonicMs())) {
            countEvent(u"throttled"_s);
            return withRate(quotaExceeded(), m_cancelFeedBucket.rate());
        }
        return withRate(cancelFeed(s.at(3)), m_cancelFeedBucket.rate());
    }
    if (s.size() == 3 && request.method == "POST") {
        SimTokenBucket &bucket = documents ? m_createDocumentBucket : m_createFeedBucket;
        if (!bucket.take(1, monotonicMs())) {
            countEvent(u"throttled"_s);
            return withRate(quotaExceeded(), bucket.rate());
        }
        return withRate(documents ? createFeedDocument(request) : createFeed(request),
                        bucket.rate());
    }
    if (s.size() == 4 && request.method == "GET") {
        SimTokenBucket &bucket = documents ? m_getDocumentBucket : m_getFeedBucket;
        if (!bucket.take(1, monotonicMs())) {
            countEvent(u"throttled"_s);
            return withRate(quotaExceeded(), bucket.rate());
        }
        if (documents)
            return withRate(getFeedDocument(request, s.at(3)), bucket.rate());
        for (const Feed &feed : std::as_const(m_feeds)) {
            if (feed.feedId == s.at(3))
                return withRate(SimResponse::json(200, feedJson(feed)), bucket.rate());
        }
        return withRate(feedError(404, u"NotFound"_s, u"Feed %1 not found."_s.arg(s.at(3))),
                        bucket.rate());
    }
    return feedError(s.size() > 4 ? 404 : 405, s.size() > 4 ? u"NotFound"_s : u"MethodNotAllowed"_s,
                     s.size() > 4 ? u"Resource not found."_s : u"Method not allowed."_s);
}

QUrl AmazonSim::documentUrl(const SimRequest &request, const QString &documentId) const
{
    // The real URL points at S3; this one at the simulator, pre-signed the same way (the
    // signature in the query is the only credential).
    const QByteArray host = request.header("host");
    QUrl url(u"http://%1/%2/_feed-documents/%3"_s.arg(
        host.isEmpty() ? u"127.0.0.1"_s : QString::fromLatin1(host), id(), documentId));
    url.setQuery(u"X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature="_s +
                 QString::fromLatin1(m_feedDocuments.value(documentId).signature));
    return url;
}

SimResponse AmazonSim::createFeedDocument(const SimRequest &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    const QString contentType = doc.object().value("contentType"_L1).toString();
    if (contentType.isEmpty())
        return feedError(400, u"InvalidInput"_s, u"Missing required field 'contentType'."_s);
    FeedDocument document;
    document.contentType = contentType;
    document.signature = randomHex(32).toLatin1();
    document.createdMs = nowMs();
    const QString id = u"amzn1.tortuga.4.na."_s + randomHex(16);
    m_feedDocuments.insert(id, document);
    countEvent(u"feed_documents_created"_s);
    return SimResponse::json(
        201,
        QJsonObject {{u"feedDocumentId"_s, id},
                     {u"url"_s, documentUrl(request, id).toString(QUrl::FullyEncoded)}});
}

SimResponse AmazonSim::feedDocumentTransfer(const SimRequest &request, const QString &documentId)
{
    auto s3Error = [](int status, const char *code, const char *message) {
        SimResponse r;
        r.status = status;
        r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + QByteArray(code) +
            "</Code><Message>" + QByteArray(message) + "</Message></Error>";
        r.setHeader("Content-Type", "application/xml");
        return r;
    };
    const auto it = m_feedDocuments.find(documentId);
    if (it == m_feedDocuments.end())
        return s3Error(404, "NoSuchKey", "The specified key does not exist.");
    if (request.query.queryItemValue(u"X-Amz-Signature"_s).toLatin1() != it->signature)
        return s3Error(403, "SignatureDoesNotMatch",
                       "The request signature we calculated does not match the signature you "
                       "provided.");
    if (nowMs() - it->createdMs > kPresignedUrlMs)
        return s3Error(403, "AccessDenied", "Request has expired");
    if (request.method == "GET") {
        SimResponse r;
        r.body = it->content;
        r.setHeader("Content-Type", it->contentType.toLatin1());
        return r;
    }
    if (request.method != "PUT")
        return s3Error(405, "MethodNotAllowed",
                       "The specified method is not allowed against this resource.");
    // The content type is part of what was signed.
    if (request.header("content-type") != it->contentType.toLatin1())
        return s3Error(403, "SignatureDoesNotMatch",
                       "The request signature we calculated does not match the signature you "
                       "provided.");
    it->content = request.body;
    it->uploaded = true;
    return SimResponse {};
}

SimResponse AmazonSim::getFeedDocument(const SimRequest &request, const QString &documentId)
{
    const auto it = m_feedDocuments.find(documentId);
    if (it == m_feedDocuments.end())
        return feedError(404, u"NotFound"_s, u"Feed document %1 not found."_s.arg(documentId));
    // Each answer is a fresh pre-signed URL, valid for 5 minutes.
    it->createdMs = nowMs();
    return SimResponse::json(
        200,
        QJsonObject {{u"feedDocumentId"_s, documentId},
                     {u"url"_s, documentUrl(request, documentId).toString(QUrl::FullyEncoded)}});
}

SimResponse AmazonSim::createFeed(const SimRequest &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return feedError(400, u"InvalidInput"_s, u"The request body is not valid JSON."_s);
    const QJsonObject body = doc.object();
    const QString type = body.value("feedType"_L1).toString();
    if (type.isEmpty())
        return feedError(400, u"InvalidInput"_s, u"Missing required field 'feedType'."_s);
    if (type != "JSON_LISTINGS_FEED"_L1)
        return feedError(400, u"InvalidInput"_s,
                         u"Feed type %1 is not simulated (only JSON_LISTINGS_FEED)."_s.arg(type));
    QStringList marketplaces;
    for (const QJsonValue &value : body.value("marketplaceIds"_L1).toArray())
        marketplaces.append(value.toString());
    if (marketplaces.isEmpty() || marketplaces.size() > 25)
        return feedError(400, u"InvalidInput"_s,
                         u"'marketplaceIds' must hold 1 to 25 marketplace ids."_s);
    if (!marketplaces.contains(m_marketplaceId))
        return feedError(400, u"InvalidInput"_s,
                         u"Invalid marketplaceIds: %1"_s.arg(marketplaces.join(u',')));
    const QString input = body.value("inputFeedDocumentId"_L1).toString();
    const auto document = m_feedDocuments.constFind(input);
    if (document == m_feedDocuments.cend() || !document->uploaded)
        return feedError(400, u"InvalidInput"_s,
                         u"Feed document '%1' does not exist or has no content."_s.arg(input));
    const qint64 now = nowMs();
    m_listingsFeedTimes.removeIf([&](qint64 at) { return now - at >= kListingsFeedWindowMs; });
    if (m_listingsFeedTimes.size() >= kListingsFeedsPerWindow) {
        countEvent(u"throttled"_s);
        return quotaExceeded();
    }
    m_listingsFeedTimes.append(now);
    Feed feed;
    feed.feedId = QString::number(m_nextFeedId++);
    feed.marketplaceIds = marketplaces;
    feed.inputDocumentId = input;
    feed.createdMs = now;
    m_feeds.append(feed);
    countEvent(u"feeds_created"_s);
    advanceFeeds();
    return SimResponse::json(202, QJsonObject {{u"feedId"_s, feed.feedId}});
}

SimResponse AmazonSim::getFeeds(const SimRequest &request)
{
    QUrlQuery query = request.query;
    const QString nextToken = query.queryItemValue(u"nextToken"_s);
    if (!nextToken.isEmpty()) {
        // "Specifying nextToken with any other parameters will cause the request to fail."
        if (query.queryItems().size() > 1)
            return feedError(400, u"InvalidInput"_s,
                             u"nextToken must be the only parameter when it is given."_s);
        query = QUrlQuery(QString::fromUtf8(QByteArray::fromBase64(
            nextToken.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors)));
        if (query.isEmpty())
            return feedError(400, u"InvalidInput"_s, u"Invalid nextToken."_s);
    }
    const QStringList types = csv(query, u"feedTypes"_s);
    if (types.isEmpty())
        return feedError(400, u"InvalidInput"_s, u"Either feedTypes or nextToken is required."_s);
    if (types.size() > 10)
        return feedError(400, u"InvalidInput"_s, u"feedTypes may hold at most 10 feed types."_s);
    const QStringList statuses = csv(query, u"processingStatuses"_s);
    for (const QString &status : statuses) {
        if (!kProcessingStatuses.contains(status))
            return feedError(400, u"InvalidInput"_s,
                             u"Invalid processingStatuses value: %1"_s.arg(status));
    }
    const QStringList marketplaces = csv(query, u"marketplaceIds"_s);
    if (marketplaces.size() > 10)
        return feedError(400, u"InvalidInput"_s,
                         u"marketplaceIds may hold at most 10 marketplace ids."_s);
    bool sizeOk = true;
    const int pageSize =
        query.hasQueryItem(u"pageSize"_s) ? query.queryItemValue(u"pageSize"_s).toInt(&sizeOk) : 10;
    if (!sizeOk || pageSize < 1 || pageSize > kMaxPageSize)
        return feedError(400, u"InvalidInput"_s, u"pageSize must be from 1 to 100."_s);
    const qint64 now = nowMs();
    auto time = [&](const QString &name, qint64 otherwise, qint64 *out) {
        if (!query.hasQueryItem(name)) {
            *out = otherwise;
            return true;
        }
        const QDateTime at =
            QDateTime::fromString(query.queryItemValue(name, QUrl::FullyDecoded), Qt::ISODate);
        *out = at.isValid() ? at.toMSecsSinceEpoch() : 0;
        return at.isValid();
    };
    qint64 since = 0;
    qint64 until = 0;
    // Feeds are kept 90 days, the default createdSince.
    if (!time(u"createdSince"_s, now - 90LL * 24 * 3600 * 1000, &since) ||
        !time(u"createdUntil"_s, now, &until))
        return feedError(400, u"InvalidInput"_s,
                         u"createdSince and createdUntil must be ISO 8601 date-times."_s);
    const int offset = query.queryItemValue(u"offset"_s).toInt();
    QJsonArray feeds;
    int matched = 0;
    bool more = false;
    for (const Feed &feed : std::as_const(m_feeds)) {
        const bool sameMarketplace = marketplaces.isEmpty() ||
            std::any_of(feed.marketplaceIds.cbegin(), feed.marketplaceIds.cend(),
                        [&](const QString &m) { return marketplaces.contains(m); });
        if (!types.contains("JSON_LISTINGS_FEED"_L1) || !sameMarketplace ||
            (!statuses.isEmpty() && !statuses.contains(feed.status)) || feed.createdMs < since ||
            feed.createdMs > until)
            continue;
        if (matched++ < offset)
            continue;
        if (feeds.size() == pageSize) {
            more = true;
            break;
        }
        feeds.append(feedJson(feed));
    }
    QJsonObject body {{u"feeds"_s, feeds}};
    if (more) {
        // Opaque to the client: the filters and how far they were read.
        QUrlQuery next = query;
        next.removeAllQueryItems(u"offset"_s);
        next.addQueryItem(u"offset"_s, QString::number(offset + pageSize));
        body.insert(u"nextToken"_s,
                    QString::fromLatin1(next.toString(QUrl::FullyEncoded)
                                            .toUtf8()
                                            .toBase64(QByteArray::Base64UrlEncoding)));
    }
    return SimResponse::json(200, body);
}

SimResponse AmazonSim::cancelFeed(const QString &feedId)
{
    for (Feed &feed : m_feeds) {
        if (feed.feedId != feedId)
            continue;
        // "Only feeds with processingStatus=IN_QUEUE can be cancelled."
        if (feed.status != "IN_QUEUE"_L1)
            return feedError(400, u"InvalidInput"_s,
                             u"Feed %1 cannot be cancelled: its processingStatus is %2."_s.arg(
                                 feedId, feed.status));
        feed.status = u"CANCELLED"_s;
        feed.endMs = nowMs();
        countEvent(u"feeds_cancelled"_s);
        advanceFeeds();
        SimResponse r;
        r.status = 200;
        return r;
    }
    return feedError(404, u"NotFound"_s, u"Feed %1 not found."_s.arg(feedId));
}

void AmazonSim::holdFeedQueue(bool held)
{
    m_feedQueueHeld = held;
    advanceFeeds();
}

QJsonObject AmazonSim::feedJson(const Feed &feed) const
{
    QJsonArray marketplaces;
    for (const QString &m : feed.marketplaceIds)
        marketplaces.append(m);
    QJsonObject json {{u"feedId"_s, feed.feedId},
                      {u"feedType"_s, u"JSON_LISTINGS_FEED"_s},
                      {u"marketplaceIds"_s, marketplaces},
                      {u"createdTime"_s, isoUtc(feed.createdMs)},
                      {u"processingStatus"_s, feed.status}};
    if (feed.startMs >= 0)
        json.insert(u"processingStartTime"_s, isoUtc(feed.startMs));
    if (feed.status == "DONE"_L1 || feed.status == "FATAL"_L1)
        json.insert(u"processingEndTime"_s, isoUtc(feed.endMs));
    if (!feed.resultDocumentId.isEmpty())
        json.insert(u"resultFeedDocumentId"_s, feed.resultDocumentId);
    return json;
}

QHash<QString, int> AmazonSim::feedCounts()
{
    advanceFeeds();
    QHash<QString, int> counts;
    for (const Feed &feed : std::as_const(m_feeds))
        ++counts[feed.status];
    return counts;
}

void AmazonSim::advanceFeeds()
{
    const qint64 now = nowMs();
    qint64 free = 0; // when the feed before has ended
    qint64 nextEvent = -1;
    for (Feed &feed : m_feeds) {
        if (feed.status == "DONE"_L1 || feed.status == "FATAL"_L1 ||
            feed.status == "CANCELLED"_L1) {
            free = std::max(free, feed.endMs);
            continue;
        }
        if (feed.startMs < 0) {
            if (m_feedQueueHeld)
                break;
            const qint64 start = std::max(feed.createdMs, free);
            if (start > now)
                break;
            feed.startMs = start;
            feed.endMs = start + m_feedProcessingMs;
            feed.status = u"IN_PROGRESS"_s;
        }
        if (feed.endMs > now) {
            nextEvent = feed.endMs;
            break;
        }
        processFeed(feed);
        free = feed.endMs;
    }
    // On a real clock the feed ends on time even when nobody asks (a manual clock moves only
    // when a test says, and the next request finds it).
    if (nextEvent >= 0) {
        if (!m_feedTimer) {
            m_feedTimer = new QTimer(this);
            m_feedTimer->setSingleShot(true);
            connect(m_feedTimer, &QTimer::timeout, this, &AmazonSim::advanceFeeds);
        }
        m_feedTimer->start(int(std::clamp<qint64>(nextEvent - now, 0, 3'600'000)));
    }
}

void AmazonSim::processFeed(Feed &feed)
{
    if (m_failNextFeeds > 0) {
        --m_failNextFeeds;
        feed.status = u"FATAL"_s;
        countEvent(u"feeds_fatal"_s);
        return;
    }
    const QJsonDocument doc =
        QJsonDocument::fromJson(m_feedDocuments.value(feed.inputDocumentId).content);
    const QJsonObject root = doc.object();
    const QJsonObject header = root.value("header"_L1).toObject();
    QJsonArray issues;
    int processed = 0;
    int accepted = 0;
    auto feedIssue = [&](const QString &message) {
        issues.append(QJsonObject {
            {u"code"_s, u"100001"_s}, {u"severity"_s, u"ERROR"_s}, {u"message"_s, message}});
    };
    const QJsonArray messages = root.value("messages"_L1).toArray();
    if (!doc.isObject()) {
        feedIssue(u"The feed document is not valid JSON."_s);
    } else if (header.value("version"_L1).toString() != "2.0"_L1) {
        feedIssue(u"The header's 'version' must be \"2.0\"."_s);
    } else if ((!m_sellerId.isEmpty() && header.value("sellerId"_L1).toString() != m_sellerId)) {
        feedIssue(u"The header's 'sellerId' is not the submitting seller."_s);
    } else if (messages.isEmpty() || messages.size() > kMaxMessages) {
        feedIssue(u"'messages' must hold 1 to 25000 messages."_s);
    } else {
        for (const QJsonValue &value : messages) {
            const QJsonObject message = value.toObject();
            const qint64 messageId = message.value("messageId"_L1).toInteger(0);
            const QString sku = message.value("sku"_L1).toString();
            ++processed;
            QJsonArray found;
            auto add = [&](const QString &code, const QString &text) {
                found.append(QJsonObject {{u"code"_s, code}, {u"message"_s, text}});
            };
            SimListing *listing = sku.isEmpty() ? nullptr : findListing(sku);
            qint64 quantity = -1;
            if (messageId < 1)
                add(u"4000001"_s, u"'messageId' must be a whole number of 1 or more."_s);
            else if (message.value("operationType"_L1).toString() != "PATCH"_L1)
                add(u"4000001"_s, u"Only the PATCH operationType is simulated."_s);
            else if (message.value("productType"_L1).toString().isEmpty())
                add(u"90220"_s, u"'productType' is required but not supplied."_s);
            else if (!listing)
                add(u"4000004"_s,
                    u"SKU '%1' not found in marketplace %2"_s.arg(sku, m_marketplaceId));
            else
                quantity = patchedQuantity(message.value("patches"_L1).toArray(), &found);
            for (const QJsonValue &f : std::as_const(found)) {
                QJsonObject issue = f.toObject();
                issue.remove(u"attributeNames"_s);
                issue.insert(u"severity"_s, u"ERROR"_s);
                if (messageId >= 1)
                    issue.insert(u"messageId"_s, messageId);
                if (!sku.isEmpty())
                    issue.insert(u"sku"_s, sku);
                issue.insert(u"attributeName"_s, u"fulfillment_availability"_s);
                issues.append(issue);
            }
            if (!found.isEmpty()) {
                if (listing)
                    recordWrite(*listing, quantity, {}, false, u"INVALID"_s);
                continue;
            }
            ++accepted;
            if (quantity >= 0) {
                recordWrite(*listing, quantity, {}, true, {});
                listing->quantity = quantity;
            }
        }
    }
    const QJsonObject report {{u"header"_s,
                               QJsonObject {{u"sellerId"_s, header.value("sellerId"_L1).toString()},
                                            {u"version"_s, u"2.0"_s},
                                            {u"feedId"_s, feed.feedId}}},
                              {u"issues"_s, issues},
                              {u"summary"_s,
                               QJsonObject {{u"errors"_s, issues.size()},
                                            {u"warnings"_s, 0},
                                            {u"messagesProcessed"_s, processed},
                                            {u"messagesAccepted"_s, accepted},
                                            {u"messagesInvalid"_s, processed - accepted}}}};
    FeedDocument result;
    result.contentType = u"application/json"_s;
    result.content = QJsonDocument(report).toJson(QJsonDocument::Compact);
    result.signature = randomHex(32).toLatin1();
    result.createdMs = feed.endMs;
    result.uploaded = true;
    feed.resultDocumentId = u"amzn1.tortuga.4.na."_s + randomHex(16);
    m_feedDocuments.insert(feed.resultDocumentId, result);
    feed.status = u"DONE"_s;
    countEvent(u"feeds_done"_s);
}

} // namespace ChannelDesk
