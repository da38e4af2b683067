// Amazon's bulk path: many listings' quantities in one JSON_LISTINGS_FEED of the Feeds API
// 2021-06-30, following its model (amzn/selling-partner-api-models, feeds_2021-06-30.json),
// https://developer-docs.amazon.com/sp-api/docs/feeds-api-v2021-06-30-use-case-guide and the
// listings feed schemas (schemas/feeds/listings-feed-schema-v2.json,
// listings-feed-processing-report-schema-v2.json):
// 1. createFeedDocument: POST /feeds/2021-06-30/documents {contentType} -> 201 {feedDocumentId,
//    url}, the url pre-signed for 5 minutes (0.5 requests/s, burst 15);
// 2. PUT the document to that url with the same Content-Type, no access token;
// 3. createFeed: POST /feeds/2021-06-30/feeds {feedType: "JSON_LISTINGS_FEED", marketplaceIds,
//    inputFeedDocumentId} -> 202 {feedId} (0.0083 requests/s, burst 15);
// 4. getFeed: GET /feeds/2021-06-30/feeds/{feedId} -> {processingStatus: IN_QUEUE, IN_PROGRESS,
//    DONE, CANCELLED or FATAL, resultFeedDocumentId} (2 requests/s, burst 15), until it ends;
// 5. getFeedDocument: GET /feeds/2021-06-30/documents/{id} -> {url, compressionAlgorithm?}
//    (0.0222 requests/s, burst 10), and the processing report from that url: {header, issues
//    [{messageId, sku, code, severity ERROR|WARNING|INFO, message}], summary {errors, warnings,
//    messagesProcessed, messagesAccepted, messagesInvalid}}.
// The document: {header {sellerId, version "2.0", issueLocale}, messages [{messageId, sku,
// operationType "PATCH", productType, patches}]}, the patches those of patchListingsItem.
// Limits of the JSON_LISTINGS_FEED itself (developer-docs.amazon.com/sp-api/changelog, "Feed size
// and rate limit changes for the JSON_LISTINGS_FEED", 2025-05-06): 25,000 messages a feed and
// 5 feed submissions per 5 minutes; "Feeds API Best Practices": documents under 10 MiB, wait for
// the previous feed before the next. Processing takes minutes ("up to eight hours" under load,
// Feeds API use case guide), feeds of a seller one after the other in submission order.
#include "amazonadapter.h"
#include "amazonfeeds_p.h"
#include "channels/httperror.h"
#include "channels/jsonutil.h"

#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcAmazon)

namespace {

const QString kFeedContentType = u"application/json; charset=UTF-8"_s;
constexpr int kInspectorIssues = 20; // issues of a processing report kept with a failed listing

// A document Amazon stored with compressionAlgorithm GZIP; empty when it does not inflate.
QByteArray gunzip(const QByteArray &data)
{
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return {};
    QByteArray out;
    char buffer[64 * 1024];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END)
            break;
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return status == Z_STREAM_END ? out : QByteArray();
}

QString firstErrorText(const HttpResponse &response, QString *code)
{
    const auto root = parseJsonObject(response.body);
    const QJsonObject error =
        root ? root->value(u"errors"_s).toArray().at(0).toObject() : QJsonObject();
    *code = error.value(u"code"_s).toString();
    const QString message = error.value(u"message"_s).toString();
    return message.isEmpty() ? describeFailure(response) : message;
}

// A feed call that failed, or answered without what it must hold (`missing`): how its listings
// fail, with Amazon's code and text.
struct CallFailure
{
    FailureKind kind;
    QString code;
    QString message;
};

CallFailure callFailure(const QString &operation, const HttpResponse &response,
                        const QString &missing)
{
    CallFailure failure {classifyResponse(response), {}, {}};
    const QString text = firstErrorText(response, &failure.code);
    failure.message =
        operation + u": "_s + (failure.kind == FailureKind::None ? u"no "_s + missing : text);
    if (failure.kind == FailureKind::None)
        failure.kind = FailureKind::Transient;
    return failure;
}

} // namespace

int AmazonAdapter::bulkBatchSize() const
{
    if (m_settings.feedThreshold <= 0 || !m_feeds.isEmpty())
        return 0;
    const qint64 now = m_clock.nowMs();
    const qsizetype recent = std::count_if(m_feedTimes.cbegin(), m_feedTimes.cend(),
                                           [&](qint64 at) { return now - at < kFeedWindowMs; });
    const double tokens = m_createFeedRefilledMs < 0
        ? m_createFeedTokens
        : std::min(kCreateFeedBurst,
                   m_createFeedTokens +
                       double(now - m_createFeedRefilledMs) * kCreateFeedPerSecond / 1000.0);
    return recent < kFeedsPerWindow && tokens >= 1.0 ? kFeedMaxMessages : 0;
}

bool AmazonAdapter::takeFeedAllowance()
{
    const qint64 now = m_clock.nowMs();
    if (m_createFeedRefilledMs >= 0)
        m_createFeedTokens =
            std::min(kCreateFeedBurst,
                     m_createFeedTokens +
                         double(now - m_createFeedRefilledMs) * kCreateFeedPerSecond / 1000.0);
    m_createFeedRefilledMs = now;
    m_feedTimes.removeIf([&](qint64 at) { return now - at >= kFeedWindowMs; });
    if (m_createFeedTokens < 1.0 || m_feedTimes.size() >= kFeedsPerWindow)
        return false;
    m_createFeedTokens -= 1.0;
    m_feedTimes.append(now);
    return true;
}

QUrl AmazonAdapter::feedsUrl(const QString &path) const
{
    return apiUrl(m_settings.baseUrl, u"/feeds/2021-06-30"_s + path);
}

void AmazonAdapter::pushBulk(const QList<ListingUpdate> &updates, BulkProgress progress,
                             std::function<void(const PushReport &)> done)
{
    if (updates.isEmpty() || !m_feeds.isEmpty()) {
        // One feed at a time (Amazon processes a seller's feeds one after the other anyway):
        // a second is answered as not sent, to go again as it is.
        PushReport report;
        for (const ListingUpdate &u : updates)
            report.outcomes.append({u.sku,
                                    u.version,
                                    FailureKind::Collateral,
                                    0,
                                    {},
                                    u"another feed is under way"_s,
                                    {}});
        answerLater(this, std::move(done), report);
        return;
    }
    auto feed = std::make_shared<Feed>();
    feed->updates = updates;
    feed->done = std::move(done);
    feed->startedMs = m_clock.nowMs();
    feed->pollMs = m_settings.feedFirstPollMs;
    feed->progress = std::move(progress);
    m_feeds.append(feed);

    const QByteArray header = compactJson(QJsonObject {{u"sellerId"_s, m_settings.sellerId},
                                                       {u"version"_s, u"2.0"_s},
                                                       {u"issueLocale"_s, m_settings.issueLocale}});
    QByteArray messages;
    for (const ListingUpdate &u : std::as_const(feed->updates)) {
        const QJsonObject message {
            {u"messageId"_s, feed->sent + 1},
            {u"sku"_s, u.remoteId.isEmpty() ? u.sku : u.remoteId},
            {u"operationType"_s, u"PATCH"_s},
            {u"productType"_s, u"PRODUCT"_s},
            {u"patches"_s, quantityPatches(u.quantityToSend())},
        };
        const QByteArray text = compactJson(message);
        // At most 25,000 messages, under 10 MiB; what does not fit waits for the next feed.
        if (feed->sent == kFeedMaxMessages ||
            header.size() + messages.size() + text.size() + 32 > kFeedMaxBytes)
            break;
        messages += (messages.isEmpty() ? "" : ",") + text;
        ++feed->sent;
    }
    feed->document = "{\"header\":" + header + ",\"messages\":[" + messages + "]}";
    // Kept before Amazon is asked: what the feed carries, should the process end before it does.
    if (feed->progress)
        feed->progress({}, feed->sent);
    createFeedDocument(feed);
}

void AmazonAdapter::createFeedDocument(std::shared_ptr<Feed> feed)
{
    const QByteArray body = compactJson(QJsonObject {{u"contentType"_s, kFeedContentType}});
    call(feedsUrl(u"/documents"_s), "POST", body,
         [this, feed](const HttpResponse &response, const LwaTokenSource::Token &token) {
             if (token.failure != FailureKind::None) {
                 failFeed(feed, token.failure, token.httpStatus, token.errorCode, token.message);
                 return;
             }
             const auto root = parseJsonObject(response.body);
             const QString id = root ? root->value(u"feedDocumentId"_s).toString() : QString();
             const QUrl url(root ? root->value(u"url"_s).toString() : QString());
             if (classifyResponse(response) != FailureKind::None || id.isEmpty() ||
                 !url.isValid()) {
                 const CallFailure f =
                     callFailure(u"createFeedDocument"_s, response, u"feedDocumentId or url"_s);
                 failFeed(feed, f.kind, response.status, f.code, f.message, excerpt(response.body));
                 return;
             }
             feed->documentId = id;
             uploadFeed(feed, url);
         });
}

void AmazonAdapter::uploadFeed(std::shared_ptr<Feed> feed, const QUrl &url)
{
    // A pre-signed url: its query signs the request, no access token goes with it.
    QNetworkRequest request = makeApiRequest(url, m_settings.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, kFeedContentType);
    sendHttp(m_network, this, request, "PUT", feed->document,
             [this, feed](const HttpResponse &response) {
                 if (const FailureKind kind = classifyResponse(response);
                     kind != FailureKind::None) {
                     failFeed(feed, kind, response.status, {},
                              u"feed document upload: "_s + describeFailure(response),
                              excerpt(response.body));
                     return;
                 }
                 createFeed(feed);
             });
}

void AmazonAdapter::createFeed(std::shared_ptr<Feed> feed)
{
    if (!takeFeedAllowance()) {
        failFeed(feed, FailureKind::Throttled, 0, {},
                 u"createFeed: the JSON_LISTINGS_FEED allowance (5 per 5 minutes, createFeed "
                 u"0.0083/s) is used up"_s);
        return;
    }
    const QByteArray body =
        compactJson(QJsonObject {{u"feedType"_s, u"JSON_LISTINGS_FEED"_s},
                                 {u"marketplaceIds"_s, QJsonArray {m_settings.marketplaceId}},
                                 {u"inputFeedDocumentId"_s, feed->documentId}});
    call(feedsUrl(u"/feeds"_s), "POST", body,
         [this, feed](const HttpResponse &response, const LwaTokenSource::Token &token) {
             if (token.failure != FailureKind::None) {
                 failFeed(feed, token.failure, token.httpStatus, token.errorCode, token.message);
                 return;
             }
             const auto root = parseJsonObject(response.body);
             const QString id = root ? root->value(u"feedId"_s).toString() : QString();
             const FailureKind kind = classifyResponse(response);
             if (kind != FailureKind::None || id.isEmpty()) {
                 if (response.status == 429)
                     m_createFeedTokens = 0; // Amazon's count says none is left
                 const CallFailure f = callFailure(u"createFeed"_s, response, u"feedId"_s);
                 failFeed(feed, f.kind, response.status, f.code, f.message, excerpt(response.body));
                 return;
             }
             feed->feedId = id;
             if (feed->progress)
                 feed->progress(id, feed->sent);
             qCInfo(lcAmazon) << m_settings.channelId << "feed" << id << "carries" << feed->sent
                              << "listings";
             pollFeedLater(feed);
         });
}

void AmazonAdapter::pollFeedLater(std::shared_ptr<Feed> feed)
{
    QTimer::singleShot(feed->pollMs, this, [this, feed] { pollFeed(feed); });
}

void AmazonAdapter::pollFeed(std::shared_ptr<Feed> feed)
{
    call(feedsUrl(u"/feeds/"_s + QString::fromLatin1(QUrl::toPercentEncoding(feed->feedId))), "GET",
         {}, [this, feed](const HttpResponse &response, const LwaTokenSource::Token &) {
             const auto root = parseJsonObject(response.body);
             const QString status =
                 root ? root->value(u"processingStatus"_s).toString() : QString();
             if (status == u"DONE"_s && feed->adopted) {
                 // Found by getFeeds after a restart, not named by createFeed: its report may
                 // be another tool's, so nothing is acknowledged from it; it ended, so what it
                 // carried goes again, after it.
                 failFeed(feed, FailureKind::Transient, response.status, status,
                          u"feed %1 (found after a restart) is DONE"_s.arg(feed->feedId));
                 return;
             }
             if (status == u"DONE"_s) {
                 const QString result = root->value(u"resultFeedDocumentId"_s).toString();
                 if (result.isEmpty())
                     failFeed(feed, FailureKind::Transient, response.status, {},
                              u"feed %1 is DONE without a processing report"_s.arg(feed->feedId),
                              excerpt(response.body));
                 else
                     fetchReport(feed, result);
                 return;
             }
             if (status == u"FATAL"_s || status == u"CANCELLED"_s) {
                 // "Some, none, or all of the operations within the feed may have completed":
                 // every listing is sent again.
                 failFeed(feed, FailureKind::Transient, response.status, status,
                          u"feed %1 ended %2"_s.arg(feed->feedId, status), excerpt(response.body));
                 return;
             }
             if (response.status == 404) {
                 // Amazon has no such feed (they are kept 90 days): nothing of it can land.
                 QString code;
                 const QString text = firstErrorText(response, &code);
                 failFeed(feed, FailureKind::Transient, response.status, code,
                          u"getFeed %1: "_s.arg(feed->feedId) + text, excerpt(response.body));
                 return;
             }
             // IN_QUEUE, IN_PROGRESS, or no answer this time: the feed is still Amazon's, so
             // its listings stay in flight until it ends, however long it takes.
             feed->pollMs = std::min(m_settings.feedPollMs, feed->pollMs * 2);
             if (m_clock.nowMs() - feed->startedMs >= m_settings.feedDeadlineMs) {
                 lateFeed(feed, status);
                 return;
             }
             pollFeedLater(feed);
         });
}

void AmazonAdapter::fetchReport(std::shared_ptr<Feed> feed, const QString &documentId)
{
    call(feedsUrl(u"/documents/"_s + QString::fromLatin1(QUrl::toPercentEncoding(documentId))),
         "GET", {}, [this, feed](const HttpResponse &response, const LwaTokenSource::Token &token) {
             const auto root = parseJsonObject(response.body);
             const QUrl url(root ? root->value(u"url"_s).toString() : QString());
             if (token.failure != FailureKind::None ||
                 classifyResponse(response) != FailureKind::None || !url.isValid() ||
                 url.isEmpty()) {
                 // The feed ran; only its report is out of reach: sent again, harmlessly (the
                 // quantities are absolute).
                 QString code;
                 const QString message = token.failure != FailureKind::None
                     ? token.message
                     : firstErrorText(response, &code);
                 failFeed(feed, FailureKind::Transient, response.status, code,
                          u"getFeedDocument: "_s + message, excerpt(response.body));
                 return;
             }
             const bool gzip = root->value(u"compressionAlgorithm"_s).toString() == u"GZIP"_s;
             QNetworkRequest request = makeApiRequest(url, m_settings.timeoutMs);
             sendHttp(m_network, this, request, "GET", {},
                      [this, feed, gzip](const HttpResponse &report) {
                          if (classifyResponse(report) != FailureKind::None) {
                              failFeed(feed, FailureKind::Transient, report.status, {},
                                       u"processing report download: "_s + describeFailure(report));
                              return;
                          }
                          readReport(feed, gzip ? gunzip(report.body) : report.body);
                      });
         });
}

void AmazonAdapter::readReport(std::shared_ptr<Feed> feed, const QByteArray &document)
{
    const auto root = parseJsonObject(document);
    if (!root) {
        failFeed(feed, FailureKind::Transient, 200, u"BAD_RESPONSE"_s,
                 u"feed %1: the processing report is not JSON"_s.arg(feed->feedId),
                 excerpt(document));
        return;
    }
    // ERROR issues by message; WARNING and INFO do not keep a message from being accepted.
    QHash<qint64, QStringList> errors;
    QHash<qint64, QString> codes;
    QStringList feedErrors; // not about one message (a formatting issue of the whole feed)
    for (const QJsonValue &value : root->value(u"issues"_s).toArray()) {
        const QJsonObject issue = value.toObject();
        if (issue.value(u"severity"_s).toString() != u"ERROR"_s)
            continue;
        const QString text = issue.value(u"message"_s).toString();
        const std::optional<qint64> id = jsonInteger(issue.value(u"messageId"_s));
        if (!id) {
            feedErrors.append(text);
            continue;
        }
        errors[*id].append(text);
        if (!codes.contains(*id))
            codes.insert(*id, issue.value(u"code"_s).toString());
    }
    PushReport report;
    // Kept with each failed listing's attempt: the report's summary and first issues, not the
    // whole report (a feed carries up to 25,000 listings).
    QJsonArray firstIssues;
    for (const QJsonValue &issue : root->value(u"issues"_s).toArray()) {
        if (firstIssues.size() == kInspectorIssues)
            break;
        firstIssues.append(issue);
    }
    report.response =
        QString::fromUtf8(compactJson(QJsonObject {{u"header"_s, root->value(u"header"_s)},
                                                   {u"summary"_s, root->value(u"summary"_s)},
                                                   {u"issues"_s, firstIssues}}));
    for (qsizetype i = 0; i < feed->sent; ++i) {
        const ListingUpdate &u = feed->updates.at(i);
        PushOutcome outcome;
        outcome.sku = u.sku;
        outcome.version = u.version;
        outcome.httpStatus = 200;
        if (const auto it = errors.constFind(i + 1); it != errors.cend()) {
            // The message was refused as patchListingsItem refuses INVALID: permanent.
            outcome.failure = FailureKind::Permanent;
            outcome.errorCode = codes.value(i + 1);
            outcome.message = it->join(u"; "_s);
        } else if (!feedErrors.isEmpty()) {
            outcome.failure = FailureKind::Transient;
            outcome.message = feedErrors.join(u"; "_s);
        } else {
            outcome.ackedQuantity = u.quantityToSend();
        }
        report.outcomes.append(outcome);
    }
    finishFeed(feed, std::move(report));
}

void AmazonAdapter::failFeed(std::shared_ptr<Feed> feed, FailureKind kind, int httpStatus,
                             const QString &code, const QString &message, const QString &response)
{
    qCInfo(lcAmazon) << m_settings.channelId << "feed" << feed->feedId << "failed:" << message;
    PushReport report;
    report.response = response;
    for (qsizetype i = 0; i < feed->sent; ++i) {
        const ListingUpdate &u = feed->updates.at(i);
        report.outcomes.append({u.sku, u.version, kind, httpStatus, code, message, {}});
    }
    finishFeed(feed, std::move(report));
}

void AmazonAdapter::finishFeed(std::shared_ptr<Feed> feed, PushReport report)
{
    // What did not fit the document is not the listings' fault: it goes again as it is.
    for (qsizetype i = feed->sent; i < feed->updates.size(); ++i) {
        const ListingUpdate &u = feed->updates.at(i);
        report.outcomes.append(
            {u.sku,
             u.version,
             FailureKind::Collateral,
             0,
             {},
             u"not in feed %1: it was full (25,000 messages or 10 MiB)"_s.arg(feed->feedId),
             {}});
    }
    // The request as the dead-letter inspector shows it, once for each listing: the feed, not its
    // document (up to 10 MiB).
    report.request =
        u"POST /feeds/2021-06-30/feeds JSON_LISTINGS_FEED %1: %2 messages (%3 bytes) "
        u"in feed document %4"_s.arg(feed->feedId, QString::number(feed->sent),
                                     QString::number(feed->document.size()), feed->documentId);
    // Feed calls have their own usage plans: nothing here paces patchListingsItem.
    report.throttled = false;
    report.retryAfterMs.reset();
    report.rateLimitPerSecond.reset();
    m_feeds.removeOne(feed);
    feed->done(report);
}

} // namespace ChannelDesk
