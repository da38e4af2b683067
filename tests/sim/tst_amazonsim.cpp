// The simulated Amazon SP-API over loopback HTTP: the LWA token exchange and listing patches,
// the rate limit, the orders API, and the Feeds API's calls (getFeeds' filters and paging,
// cancelFeed only while a feed is IN_QUEUE).
#include "simfixture.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestAmazonSim : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void amazonTokenAndPatch();
    void amazonRateLimit();
    void amazonOrders();
    void amazonFeedRefusals_data();
    void amazonFeedRefusals();
    void amazonFeedQuota();
    void amazonGetFeeds_data();
    void amazonGetFeeds();
    void amazonGetFeedsPages();
    void amazonCancelFeed();

private:
    // A JSON_LISTINGS_FEED of one message created with `auth`: createFeed's answer.
    Reply createListingsFeed(const QByteArray &auth);
    // Three feeds: the first IN_PROGRESS, the second IN_QUEUE behind it, the third cancelled
    // while queued; their ids.
    QStringList threeFeeds(const QByteArray &auth);
    QStringList feedIds(const Reply &reply) const;
    // createFeedDocument, then the upload to its pre-signed URL (path and query below the
    // server) with `contentType`; answers the document id and the upload's status.
    std::pair<QString, int> feedDocument(const QByteArray &auth, const QByteArray &contentType,
                                         const QByteArray &body, bool forgeSignature = false);
};

std::pair<QString, int> TestAmazonSim::feedDocument(const QByteArray &auth,
                                                    const QByteArray &contentType,
                                                    const QByteArray &body, bool forgeSignature)
{
    const Reply created = call("POST", u"/amz/feeds/2021-06-30/documents"_s,
                               R"({"contentType":"application/json; charset=UTF-8"})",
                               {{"x-amz-access-token", auth}});
    if (created.status != 201)
        return {QString(), created.status};
    QUrl url(created.json.value("url"_L1).toString());
    if (forgeSignature)
        url.setQuery(u"X-Amz-Signature=00"_s);
    const Reply upload = call("PUT", url.path() + u'?' + url.query(QUrl::FullyEncoded), body,
                              {{"Content-Type", contentType}});
    return {created.json.value("feedDocumentId"_L1).toString(), upload.status};
}

void TestAmazonSim::amazonTokenAndPatch()
{
    const Reply badGrant = call("POST", u"/amz/auth/o2/token"_s,
                                "grant_type=refresh_token&refresh_token=wrong&client_id=amzn1."
                                "application-oa2-client.x&client_secret=lwa-secret",
                                {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(badGrant.status, 400);
    QCOMPARE(badGrant.json.value("error"_L1).toString(), u"invalid_grant"_s);
    const QString token = amazonToken();
    QVERIFY(token.startsWith("Atza|"_L1));

    const QString path =
        u"/amz/listings/2021-08-01/items/A2SELLER/%1?marketplaceIds=ATVPDKIKX0DER"_s;
    auto patch = [&](const QString &sku, const QJsonValue &value, const QString &accessToken) {
        const QJsonObject body {
            {u"productType"_s, u"PRODUCT"_s},
            {u"patches"_s,
             QJsonArray {QJsonObject {{u"op"_s, u"replace"_s},
                                      {u"path"_s, u"/attributes/fulfillment_availability"_s},
                                      {u"value"_s, value}}}}};
        return call("PATCH", path.arg(sku), QJsonDocument(body).toJson(),
                    {{"x-amz-access-token", accessToken.toUtf8()}});
    };
    const QJsonArray eleven {
        QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s}, {u"quantity"_s, 11}}};
    const Reply accepted = patch(u"B-1"_s, eleven, token);
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.json.value("status"_L1).toString(), u"ACCEPTED"_s);
    QCOMPARE(accepted.json.value("sku"_L1).toString(), u"B-1"_s);
    QCOMPARE(accepted.header("x-amzn-RateLimit-Limit"), "5.0"_ba);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"B-1"_s)->quantity, qint64(11));

    const QJsonArray negative {
        QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s}, {u"quantity"_s, -3}}};
    const Reply invalid = patch(u"B-1"_s, negative, token);
    QCOMPARE(invalid.status, 200);
    QCOMPARE(invalid.json.value("status"_L1).toString(), u"INVALID"_s);
    QCOMPARE(invalid.json.value("issues"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("severity"_L1)
                 .toString(),
             u"ERROR"_s);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"B-1"_s)->quantity, qint64(11));

    const Reply forbidden = patch(u"B-1"_s, eleven, u"Atza|forged"_s);
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(
        forbidden.json.value("errors"_L1).toArray().first().toObject().value("code"_L1).toString(),
        u"Unauthorized"_s);
    QCOMPARE(patch(u"NOPE"_s, eleven, token).status, 404);

    m_clock->advance(3600 * 1000); // the token expires after expires_in
    QCOMPARE(patch(u"B-1"_s, eleven, token).status, 403);
}

void TestAmazonSim::amazonRateLimit()
{
    const QString token = amazonToken();
    const QString path =
        u"/amz/listings/2021-08-01/items/A2SELLER/B-1?marketplaceIds=ATVPDKIKX0DER"_s;
    auto patch = [&](qint64 value) {
        const QJsonObject body {
            {u"productType"_s, u"PRODUCT"_s},
            {u"patches"_s,
             QJsonArray {QJsonObject {
                 {u"op"_s, u"replace"_s},
                 {u"path"_s, u"/attributes/fulfillment_availability"_s},
                 {u"value"_s,
                  QJsonArray {QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s},
                                           {u"quantity"_s, value}}}}}}}};
        return call("PATCH", path, QJsonDocument(body).toJson(),
                    {{"x-amz-access-token", token.toUtf8()}});
    };
    for (int i = 0; i < 5; ++i)
        QCOMPARE(patch(20 + i).status, 200); // burst 5
    const Reply limited = patch(1);
    QCOMPARE(limited.status, 429);
    QCOMPARE(
        limited.json.value("errors"_L1).toArray().first().toObject().value("code"_L1).toString(),
        u"QuotaExceeded"_s);
    QCOMPARE(limited.header("x-amzn-RateLimit-Limit"), "5.0"_ba);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"B-1"_s)->quantity, qint64(24));
    m_clock->advance(200); // one token at 5/s
    QCOMPARE(patch(1).status, 200);
    QCOMPARE(patch(2).status, 429);
}

void TestAmazonSim::amazonOrders()
{
    const QString token = amazonToken();
    const QString since =
        QDateTime::fromMSecsSinceEpoch(m_clock->nowMs() - 60000, Qt::UTC).toString(Qt::ISODate);
    QCOMPARE(
        sim("POST", u"amz"_s, u"orders"_s,
            {{u"order_id"_s, u"113-1234567-1234567"_s},
             {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"B-1"_s}, {u"quantity"_s, 3}}}}})
            .status,
        201);
    const QList<std::pair<QByteArray, QByteArray>> auth {{"x-amz-access-token", token.toUtf8()}};
    QCOMPARE(call("GET", u"/amz/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER"_s, {}, auth).status,
             400);
    const Reply orders =
        call("GET",
             u"/amz/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter="_s +
                 QString::fromLatin1(QUrl::toPercentEncoding(since)),
             {}, auth);
    QCOMPARE(orders.status, 200);
    const QJsonArray list = orders.json.value("payload"_L1).toObject().value("Orders"_L1).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value("AmazonOrderId"_L1).toString(),
             u"113-1234567-1234567"_s);
    QCOMPARE(list.first().toObject().value("OrderStatus"_L1).toString(), u"Unshipped"_s);

    const Reply items =
        call("GET", u"/amz/orders/v0/orders/113-1234567-1234567/orderItems"_s, {}, auth);
    QCOMPARE(items.status, 200);
    const QJsonObject item = items.json.value("payload"_L1)
                                 .toObject()
                                 .value("OrderItems"_L1)
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(item.value("SellerSKU"_L1).toString(), u"B-1"_s);
    QCOMPARE(item.value("QuantityOrdered"_L1).toInt(), 3);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"B-1"_s)->quantity, qint64(27));

    // Paging: two more orders, two per page; the token alone fetches the rest.
    for (const QString &id : {u"113-0000000-0000002"_s, u"113-0000000-0000003"_s}) {
        m_clock->advance(1000);
        QCOMPARE(
            sim("POST", u"amz"_s, u"orders"_s,
                {{u"order_id"_s, id},
                 {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"B-1"_s}, {u"quantity"_s, 1}}}}})
                .status,
            201);
    }
    const Reply first =
        call("GET",
             u"/amz/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&MaxResultsPerPage=2"
             u"&LastUpdatedAfter="_s +
                 QString::fromLatin1(QUrl::toPercentEncoding(since)),
             {}, auth);
    const QJsonObject firstPage = first.json.value("payload"_L1).toObject();
    QCOMPARE(firstPage.value("Orders"_L1).toArray().size(), 2);
    const QString nextToken = firstPage.value("NextToken"_L1).toString();
    QVERIFY(!nextToken.isEmpty());
    const Reply second = call("GET",
                              u"/amz/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&NextToken="_s +
                                  QString::fromLatin1(QUrl::toPercentEncoding(nextToken)),
                              {}, auth);
    const QJsonObject secondPage = second.json.value("payload"_L1).toObject();
    QCOMPARE(secondPage.value("Orders"_L1).toArray().size(), 1);
    QCOMPARE(secondPage.value("Orders"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("AmazonOrderId"_L1)
                 .toString(),
             u"113-0000000-0000003"_s);
    QVERIFY(!secondPage.contains("NextToken"_L1));
}

void TestAmazonSim::amazonFeedRefusals_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("uploadStatus");
    QTest::addColumn<int>("createStatus");
    QTest::newRow("a good feed") << u"good"_s << 200 << 202;
    QTest::newRow("upload with a forged signature") << u"forged"_s << 403 << 400;
    QTest::newRow("upload with another content type") << u"content type"_s << 403 << 400;
    QTest::newRow("another feed type") << u"feed type"_s << 200 << 400;
    QTest::newRow("another marketplace") << u"marketplace"_s << 200 << 400;
}

void TestAmazonSim::amazonFeedRefusals()
{
    QFETCH(QString, what);
    QFETCH(int, uploadStatus);
    QFETCH(int, createStatus);
    const QByteArray auth = amazonToken().toUtf8();
    const QByteArray json = "application/json; charset=UTF-8";
    const auto [document, uploaded] = feedDocument(
        auth, what == "content type"_L1 ? "text/plain" : json,
        R"({"header":{"sellerId":"A2SELLER","version":"2.0"},"messages":[]})", what == "forged"_L1);
    QCOMPARE(uploaded, uploadStatus);
    const QJsonObject feed {
        {u"feedType"_s, what == "feed type"_L1 ? u"POST_PRODUCT_DATA"_s : u"JSON_LISTINGS_FEED"_s},
        {u"marketplaceIds"_s,
         QJsonArray {what == "marketplace"_L1 ? u"A1F83G8C2ARO7P"_s : u"ATVPDKIKX0DER"_s}},
        {u"inputFeedDocumentId"_s, document}};
    const Reply created = call("POST", u"/amz/feeds/2021-06-30/feeds"_s,
                               QJsonDocument(feed).toJson(), {{"x-amz-access-token", auth}});
    QCOMPARE(created.status, createStatus);
    if (createStatus != 202) {
        QCOMPARE(created.json.value("errors"_L1).toArray().first().toObject().value("code"_L1),
                 QJsonValue(u"InvalidInput"_s));
        return;
    }
    const QString id = created.json.value("feedId"_L1).toString();
    const Reply queued =
        call("GET", u"/amz/feeds/2021-06-30/feeds/"_s + id, {}, {{"x-amz-access-token", auth}});
    QCOMPARE(queued.json.value("processingStatus"_L1).toString(), u"IN_PROGRESS"_s);
    m_clock->advance(60'000); // feed_processing_s: 60 by default
    const Reply done =
        call("GET", u"/amz/feeds/2021-06-30/feeds/"_s + id, {}, {{"x-amz-access-token", auth}});
    QCOMPARE(done.json.value("processingStatus"_L1).toString(), u"DONE"_s);
    // No message: the report says so, by a feed-level issue without a messageId.
    const Reply result = call("GET",
                              u"/amz/feeds/2021-06-30/documents/"_s +
                                  done.json.value("resultFeedDocumentId"_L1).toString(),
                              {}, {{"x-amz-access-token", auth}});
    const QUrl url(result.json.value("url"_L1).toString());
    const Reply report = call("GET", url.path() + u'?' + url.query(QUrl::FullyEncoded));
    QCOMPARE(report.status, 200);
    const QJsonObject issue = report.json.value("issues"_L1).toArray().first().toObject();
    QCOMPARE(issue.value("severity"_L1).toString(), u"ERROR"_s);
    QVERIFY(!issue.contains("messageId"_L1));
    QCOMPARE(report.json.value("summary"_L1).toObject().value("messagesProcessed"_L1).toInt(-1), 0);
}

Reply TestAmazonSim::createListingsFeed(const QByteArray &auth)
{
    const auto [document, uploaded] = feedDocument(
        auth, "application/json; charset=UTF-8",
        R"({"header":{"sellerId":"A2SELLER","version":"2.0"},"messages":[{"messageId":1,)"
        R"("sku":"B-1","operationType":"PATCH","productType":"PRODUCT","patches":[]}]})");
    const QJsonObject feed {{u"feedType"_s, u"JSON_LISTINGS_FEED"_s},
                            {u"marketplaceIds"_s, QJsonArray {u"ATVPDKIKX0DER"_s}},
                            {u"inputFeedDocumentId"_s, document}};
    return call("POST", u"/amz/feeds/2021-06-30/feeds"_s, QJsonDocument(feed).toJson(),
                {{"x-amz-access-token", auth}});
}

void TestAmazonSim::amazonFeedQuota()
{
    const QByteArray auth = amazonToken().toUtf8();
    auto createFeed = [&] { return createListingsFeed(auth); };
    // JSON_LISTINGS_FEED: 5 feeds per 5 minutes (createFeed's own burst is 15).
    for (int i = 0; i < 5; ++i)
        QCOMPARE(createFeed().status, 202);
    const Reply limited = createFeed();
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.json.value("errors"_L1).toArray().first().toObject().value("code"_L1),
             QJsonValue(u"QuotaExceeded"_s));
    m_clock->advance(5 * 60 * 1000);
    QCOMPARE(createFeed().status, 202);
}

QStringList TestAmazonSim::threeFeeds(const QByteArray &auth)
{
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(createListingsFeed(auth).json.value("feedId"_L1).toString());
    const Reply cancelled = call("DELETE", u"/amz/feeds/2021-06-30/feeds/"_s + ids.at(2), {},
                                 {{"x-amz-access-token", auth}});
    if (cancelled.status != 200)
        qWarning() << "cancelFeed answered" << cancelled.status << cancelled.body;
    m_clock->advance(1000);
    return ids;
}

QStringList TestAmazonSim::feedIds(const Reply &reply) const
{
    QStringList ids;
    for (const QJsonValue &feed : reply.json.value("feeds"_L1).toArray())
        ids.append(feed.toObject().value("feedId"_L1).toString());
    return ids;
}

void TestAmazonSim::amazonGetFeeds_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QList<int>>("feeds"); // indexes into threeFeeds()
    QTest::newRow("still running") << u"feedTypes=JSON_LISTINGS_FEED&processingStatuses="
                                      u"IN_QUEUE,IN_PROGRESS&marketplaceIds=ATVPDKIKX0DER"_s
                                   << 200 << QList<int> {0, 1};
    QTest::newRow("in queue") << u"feedTypes=JSON_LISTINGS_FEED&processingStatuses=IN_QUEUE"_s
                              << 200 << QList<int> {1};
    QTest::newRow("cancelled") << u"feedTypes=JSON_LISTINGS_FEED&processingStatuses=CANCELLED"_s
                               << 200 << QList<int> {2};
    QTest::newRow("every status") << u"feedTypes=JSON_LISTINGS_FEED"_s << 200
                                  << QList<int> {0, 1, 2};
    QTest::newRow("another feed type") << u"feedTypes=POST_PRODUCT_DATA"_s << 200 << QList<int> {};
    QTest::newRow("another marketplace")
        << u"feedTypes=JSON_LISTINGS_FEED&marketplaceIds=A1F83G8C2ARO7P"_s << 200 << QList<int> {};
    QTest::newRow("created since after them")
        << u"feedTypes=JSON_LISTINGS_FEED&createdSince=2099-01-01T00:00:00Z"_s << 200
        << QList<int> {};
    QTest::newRow("created until before them")
        << u"feedTypes=JSON_LISTINGS_FEED&createdUntil=2000-01-01T00:00:00Z"_s << 200
        << QList<int> {};
    QTest::newRow("no feedTypes") << u"processingStatuses=IN_QUEUE"_s << 400 << QList<int> {};
    QTest::newRow("unknown status")
        << u"feedTypes=JSON_LISTINGS_FEED&processingStatuses=WAITING"_s << 400 << QList<int> {};
    QTest::newRow("pageSize 0") << u"feedTypes=JSON_LISTINGS_FEED&pageSize=0"_s << 400
                                << QList<int> {};
    QTest::newRow("pageSize 101") << u"feedTypes=JSON_LISTINGS_FEED&pageSize=101"_s << 400
                                  << QList<int> {};
    QTest::newRow("createdSince not a time")
        << u"feedTypes=JSON_LISTINGS_FEED&createdSince=yesterday"_s << 400 << QList<int> {};
}

void TestAmazonSim::amazonGetFeeds()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QList<int>, feeds);
    const QByteArray auth = amazonToken().toUtf8();
    const QStringList ids = threeFeeds(auth);
    const Reply listed =
        call("GET", u"/amz/feeds/2021-06-30/feeds?"_s + query, {}, {{"x-amz-access-token", auth}});
    QCOMPARE(listed.status, status);
    if (status != 200) {
        QCOMPARE(listed.json.value("errors"_L1).toArray().first().toObject().value("code"_L1),
                 QJsonValue(u"InvalidInput"_s));
        return;
    }
    QStringList expected;
    for (int i : feeds)
        expected.append(ids.at(i));
    QCOMPARE(feedIds(listed), expected);
    QVERIFY(!listed.json.contains("nextToken"_L1));
    for (const QJsonValue &feed : listed.json.value("feeds"_L1).toArray()) {
        const QJsonObject f = feed.toObject();
        QCOMPARE(f.value("feedType"_L1).toString(), u"JSON_LISTINGS_FEED"_s);
        QVERIFY(f.value("createdTime"_L1).toString().endsWith(u'Z'));
        QVERIFY(!f.value("processingStatus"_L1).toString().isEmpty());
    }
    QVERIFY(!listed.header("x-amzn-ratelimit-limit").isEmpty());
}

void TestAmazonSim::amazonGetFeedsPages()
{
    const QByteArray auth = amazonToken().toUtf8();
    const QStringList ids = threeFeeds(auth);
    const QList<std::pair<QByteArray, QByteArray>> headers {{"x-amz-access-token", auth}};
    Reply page =
        call("GET", u"/amz/feeds/2021-06-30/feeds?feedTypes=JSON_LISTINGS_FEED&pageSize=2"_s, {},
             headers);
    QCOMPARE(feedIds(page), ids.mid(0, 2));
    const QString next = page.json.value("nextToken"_L1).toString();
    QVERIFY(!next.isEmpty());
    // nextToken alone, never with other parameters.
    QCOMPARE(call("GET",
                  u"/amz/feeds/2021-06-30/feeds?feedTypes=JSON_LISTINGS_FEED&nextToken="_s + next,
                  {}, headers)
                 .status,
             400);
    page = call("GET", u"/amz/feeds/2021-06-30/feeds?nextToken="_s + next, {}, headers);
    QCOMPARE(page.status, 200);
    QCOMPARE(feedIds(page), ids.mid(2));
    QVERIFY(!page.json.contains("nextToken"_L1));
}

void TestAmazonSim::amazonCancelFeed()
{
    const QByteArray auth = amazonToken().toUtf8();
    const QList<std::pair<QByteArray, QByteArray>> headers {{"x-amz-access-token", auth}};
    const QString running = createListingsFeed(auth).json.value("feedId"_L1).toString();
    const QString queued = createListingsFeed(auth).json.value("feedId"_L1).toString();
    const QString path = u"/amz/feeds/2021-06-30/feeds/"_s;
    // Only a feed IN_QUEUE can be cancelled.
    const Reply refused = call("DELETE", path + running, {}, headers);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json.value("errors"_L1).toArray().first().toObject().value("code"_L1),
             QJsonValue(u"InvalidInput"_s));
    QCOMPARE(call("GET", path + running, {}, headers).json.value("processingStatus"_L1),
             QJsonValue(u"IN_PROGRESS"_s));
    const Reply cancelled = call("DELETE", path + queued, {}, headers);
    QCOMPARE(cancelled.status, 200);
    QVERIFY(cancelled.body.isEmpty());
    QCOMPARE(call("GET", path + queued, {}, headers).json.value("processingStatus"_L1),
             QJsonValue(u"CANCELLED"_s));
    QCOMPARE(call("DELETE", path + queued, {}, headers).status, 400);
    QCOMPARE(call("DELETE", path + u"123"_s, {}, headers).status, 404);
    // The cancelled feed never runs: the queue goes on without it.
    m_clock->advance(60'000);
    QCOMPARE(call("GET", path + running, {}, headers).json.value("processingStatus"_L1),
             QJsonValue(u"DONE"_s));
    QCOMPARE(call("GET", path + queued, {}, headers).json.value("processingStatus"_L1),
             QJsonValue(u"CANCELLED"_s));
}

QTEST_GUILESS_MAIN(TestAmazonSim)
#include "tst_amazonsim.moc"
