#include "channels/amazon/amazonadapter.h"
#include "eventtext.h"
#include "fakechannelserver.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ChannelDesk::Test;

namespace ChannelDesk {

namespace {

ListingUpdate update(const QString &sku, qint64 quantity, qint64 version)
{
    ListingUpdate u;
    u.sku = sku;
    u.remoteId = sku;
    u.quantity = quantity;
    u.version = version;
    return u;
}

const QByteArray kAccepted =
    R"({"sku":"AMZ-1 blue","status":"ACCEPTED","submissionId":"f1dc2914-75dd-11ea-bc55-0242ac130003","issues":[]})";

// A fake SP-API and LWA on one loopback server. Token answers and listing answers come from
// separate queues so a test can say what each endpoint does.
struct AmazonFake
{
    FakeChannelServer server;
    std::deque<CannedResponse> tokens;
    std::deque<CannedResponse> api;
    int tokenCount = 0;

    AmazonFake()
    {
        server.setHandler([this](const RecordedRequest &request) {
            std::deque<CannedResponse> &queue = request.path == u"/auth/o2/token"_s ? tokens : api;
            if (request.path == u"/auth/o2/token"_s) {
                ++tokenCount;
                if (queue.empty())
                    return CannedResponse::json(
                        200,
                        R"({"access_token":"Atza|token)" + QByteArray::number(tokenCount) +
                            R"(","token_type":"bearer","expires_in":3600})");
            }
            if (queue.empty())
                return CannedResponse::json(
                    500, R"({"errors":[{"code":"InternalFailure","message":"no canned answer"}]})");
            CannedResponse next = queue.front();
            queue.pop_front();
            return next;
        });
    }
    QList<RecordedRequest> apiRequests() const
    {
        QList<RecordedRequest> result;
        for (const RecordedRequest &request : server.requests()) {
            if (request.path != u"/auth/o2/token"_s)
                result.append(request);
        }
        return result;
    }
};

} // namespace

class TestAmazonAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_clock.set(kStart); }
    void pushPatchesFulfillmentAvailability();
    void tokenIsCachedUntilItExpires();
    void invalidIsPermanent();
    void forbiddenRenewsTheTokenOnce();
    void forbiddenWithAFreshTokenIsPermanent();
    void errors_data();
    void errors();
    void tokenExchangeFailure_data();
    void tokenExchangeFailure();
    void timeoutIsTransient();
    void fetchOrders();
    void fetchOrdersFailingHalfWayKeepsWhatFinished();
    void fetchOrdersReadsEveryPage();
    void readListing();
    void fetchOrdersShipments();

private:
    std::unique_ptr<AmazonAdapter> adapter(const FakeChannelServer &server, int timeoutMs = 5000);
    static constexpr qint64 kStart = 1767225600000; // 2026-01-01T00:00:00Z
    QNetworkAccessManager m_network;
    ManualClock m_clock {kStart};
};

std::unique_ptr<AmazonAdapter> TestAmazonAdapter::adapter(const FakeChannelServer &server,
                                                          int timeoutMs)
{
    AmazonSettings settings;
    settings.channelId = u"amz"_s;
    settings.baseUrl = server.baseUrl();
    settings.sellerId = u"A2SELLER"_s;
    settings.marketplaceId = u"ATVPDKIKX0DER"_s;
    settings.lwa.tokenBase = server.baseUrl();
    settings.lwa.clientId = "amzn1.application-oa2-client.abc";
    settings.lwa.clientSecret = "secret+/=";
    settings.lwa.refreshToken = "Atzr|IwEB+refresh";
    settings.timeoutMs = timeoutMs;
    return std::make_unique<AmazonAdapter>(settings, &m_network, m_clock);
}

void TestAmazonAdapter::pushPatchesFulfillmentAvailability()
{
    AmazonFake fake;
    fake.api.push_back(CannedResponse::json(200, kAccepted, {{"x-amzn-RateLimit-Limit", "5.0"}}));
    auto amazon = adapter(fake.server);
    QCOMPARE(amazon->maxBatchSize(), 1);
    QCOMPARE(amazon->documentedRequestsPerSecond(), 5.0);
    Capture<PushReport> capture;
    amazon->push({update(u"AMZ-1 blue"_s, 11, 9)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);

    QCOMPARE(fake.server.requests().size(), 2);
    const RecordedRequest &token = fake.server.requests().at(0);
    QCOMPARE(token.method, QByteArray("POST"));
    QCOMPARE(token.path, u"/auth/o2/token"_s);
    QVERIFY(token.header("content-type").startsWith("application/x-www-form-urlencoded"));
    const QUrlQuery form(QString::fromLatin1(token.body));
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"refresh_token"_s);
    QCOMPARE(form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded), u"Atzr|IwEB+refresh"_s);
    QCOMPARE(form.queryItemValue(u"client_id"_s), u"amzn1.application-oa2-client.abc"_s);
    QCOMPARE(form.queryItemValue(u"client_secret"_s, QUrl::FullyDecoded), u"secret+/="_s);

    const RecordedRequest &patch = fake.server.requests().at(1);
    QCOMPARE(patch.method, QByteArray("PATCH"));
    QCOMPARE(patch.path, u"/listings/2021-08-01/items/A2SELLER/AMZ-1%20blue"_s);
    QCOMPARE(patch.query.queryItemValue(u"marketplaceIds"_s), u"ATVPDKIKX0DER"_s);
    QCOMPARE(patch.header("x-amz-access-token"), QByteArray("Atza|token1"));
    QVERIFY(patch.header("content-type").startsWith("application/json"));
    const QJsonObject expected {
        {u"productType"_s, u"PRODUCT"_s},
        {u"patches"_s,
         QJsonArray {
             QJsonObject {{u"op"_s, u"replace"_s},
                          {u"path"_s, u"/attributes/fulfillment_availability"_s},
                          {u"value"_s,
                           QJsonArray {QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s},
                                                    {u"quantity"_s, 11}}}}}}}};
    QCOMPARE(patch.json(), expected);

    const PushReport &report = capture.value;
    QCOMPARE(report.outcomes.size(), 1);
    QVERIFY(report.outcomes.first().ok());
    QCOMPARE(report.outcomes.first().version, 9);
    QCOMPARE(report.outcomes.first().ackedQuantity, std::optional<qint64>(11));
    QCOMPARE(report.rateLimitPerSecond, std::optional<double>(5.0));
    QVERIFY(!report.request.contains(u"Atza|"_s));
}

void TestAmazonAdapter::tokenIsCachedUntilItExpires()
{
    AmazonFake fake;
    for (int i = 0; i < 4; ++i)
        fake.api.push_back(CannedResponse::json(200, kAccepted));
    auto amazon = adapter(fake.server);
    // Two pushes at once share one token exchange.
    Capture<PushReport> a;
    Capture<PushReport> b;
    amazon->push({update(u"A"_s, 1, 1)}, a.callback());
    amazon->push({update(u"B"_s, 1, 1)}, b.callback());
    QTRY_COMPARE(a.calls, 1);
    QTRY_COMPARE(b.calls, 1);
    QCOMPARE(fake.tokenCount, 1);

    Capture<PushReport> c;
    m_clock.advance(3000 * 1000); // 50 minutes: still good
    amazon->push({update(u"C"_s, 1, 1)}, c.callback());
    QTRY_COMPARE(c.calls, 1);
    QCOMPARE(fake.tokenCount, 1);

    Capture<PushReport> d;
    m_clock.advance(600 * 1000); // 60 minutes: renewed before use
    amazon->push({update(u"D"_s, 1, 1)}, d.callback());
    QTRY_COMPARE(d.calls, 1);
    QCOMPARE(fake.tokenCount, 2);
    QCOMPARE(fake.apiRequests().last().header("x-amz-access-token"), QByteArray("Atza|token2"));
    QVERIFY(d.value.outcomes.first().ok());
}

void TestAmazonAdapter::invalidIsPermanent()
{
    AmazonFake fake;
    fake.api.push_back(CannedResponse::json(
        200,
        R"({"sku":"A","status":"INVALID","submissionId":"x","issues":[{"code":"4000001","message":"The provided value for 'quantity' is invalid.","severity":"ERROR","attributeNames":["fulfillment_availability"]},{"code":"90220","message":"a warning","severity":"WARNING"}]})"));
    auto amazon = adapter(fake.server);
    Capture<PushReport> capture;
    amazon->push({update(u"A"_s, 1, 1)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const PushOutcome &outcome = capture.value.outcomes.first();
    QCOMPARE(outcome.failure, FailureKind::Permanent);
    QCOMPARE(outcome.httpStatus, 200);
    QCOMPARE(outcome.errorCode, u"4000001"_s);
    QVERIFY(outcome.message.startsWith(u"The provided value for 'quantity' is invalid."_s));
}

void TestAmazonAdapter::forbiddenRenewsTheTokenOnce()
{
    AmazonFake fake;
    fake.api.push_back(CannedResponse::json(200, kAccepted));
    fake.api.push_back(CannedResponse::json(
        403,
        R"({"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":"The access token you provided has expired."}]})"));
    fake.api.push_back(CannedResponse::json(200, kAccepted));
    auto amazon = adapter(fake.server);
    Capture<PushReport> first;
    amazon->push({update(u"A"_s, 1, 1)}, first.callback());
    QTRY_COMPARE(first.calls, 1);
    Capture<PushReport> second;
    amazon->push({update(u"A"_s, 2, 2)}, second.callback());
    QTRY_COMPARE(second.calls, 1);
    QVERIFY(second.value.outcomes.first().ok());
    QCOMPARE(fake.tokenCount, 2);
    const QList<RecordedRequest> api = fake.apiRequests();
    QCOMPARE(api.size(), 3);
    QCOMPARE(api.at(1).header("x-amz-access-token"), QByteArray("Atza|token1"));
    QCOMPARE(api.at(2).header("x-amz-access-token"), QByteArray("Atza|token2"));
}

void TestAmazonAdapter::forbiddenWithAFreshTokenIsPermanent()
{
    AmazonFake fake;
    fake.api.push_back(CannedResponse::json(
        403,
        R"({"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]})"));
    auto amazon = adapter(fake.server);
    Capture<PushReport> capture;
    amazon->push({update(u"A"_s, 1, 1)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const PushOutcome &outcome = capture.value.outcomes.first();
    QCOMPARE(outcome.failure, FailureKind::Permanent);
    QCOMPARE(outcome.httpStatus, 403);
    QCOMPARE(outcome.errorCode, u"Unauthorized"_s);
    QCOMPARE(fake.tokenCount, 1); // the token was just issued: no second try
    QCOMPARE(fake.apiRequests().size(), 1);
}

void TestAmazonAdapter::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("throttled");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::newRow("429 quota")
        << 429
        << QByteArray(
               R"({"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]})")
        << QByteArray() << FailureKind::Throttled << u"QuotaExceeded"_s << true << qint64(-1);
    QTest::newRow("429 with Retry-After")
        << 429 << QByteArray(R"({"errors":[{"code":"QuotaExceeded","message":"quota"}]})")
        << QByteArray("Thu, 01 Jan 2026 00:00:02 GMT") << FailureKind::Throttled
        << u"QuotaExceeded"_s << true << qint64(2000);
    QTest::newRow("400 invalid input")
        << 400
        << QByteArray(
               R"({"errors":[{"code":"InvalidInput","message":"Request has missing or invalid parameters and cannot be parsed."}]})")
        << QByteArray() << FailureKind::Permanent << u"InvalidInput"_s << false << qint64(-1);
    QTest::newRow("404") << 404
                         << QByteArray(R"({"errors":[{"code":"NotFound","message":"not found"}]})")
                         << QByteArray() << FailureKind::Permanent << u"NotFound"_s << false
                         << qint64(-1);
    QTest::newRow("500")
        << 500
        << QByteArray(
               R"({"errors":[{"code":"InternalFailure","message":"We encountered an internal error."}]})")
        << QByteArray() << FailureKind::Transient << u"InternalFailure"_s << false << qint64(-1);
    QTest::newRow("503") << 503 << QByteArray() << QByteArray("1.5") << FailureKind::Transient
                         << QString() << false << qint64(1500);
}

void TestAmazonAdapter::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(FailureKind, kind);
    QFETCH(QString, code);
    QFETCH(bool, throttled);
    QFETCH(qint64, retryAfterMs);
    AmazonFake fake;
    QList<std::pair<QByteArray, QByteArray>> headers {{"x-amzn-RateLimit-Limit", "2.5"}};
    if (!retryAfter.isEmpty())
        headers.append({"Retry-After", retryAfter});
    fake.api.push_back(CannedResponse::json(status, body, headers));
    auto amazon = adapter(fake.server);
    Capture<PushReport> capture;
    amazon->push({update(u"A"_s, 1, 1)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const PushOutcome &outcome = capture.value.outcomes.first();
    QCOMPARE(outcome.failure, kind);
    QCOMPARE(outcome.errorCode, code);
    QCOMPARE(outcome.httpStatus, status);
    QCOMPARE(capture.value.throttled, throttled);
    QCOMPARE(capture.value.rateLimitPerSecond, std::optional<double>(2.5));
    if (retryAfterMs < 0)
        QVERIFY(!capture.value.retryAfterMs);
    else
        QCOMPARE(capture.value.retryAfterMs, std::optional<qint64>(retryAfterMs));
}

void TestAmazonAdapter::tokenExchangeFailure_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("invalid_grant")
        << 400
        << QByteArray(
               R"({"error_description":"The request has an invalid grant parameter : refresh_token","error":"invalid_grant"})")
        << FailureKind::Permanent << u"invalid_grant"_s;
    QTest::newRow("invalid_client")
        << 401
        << QByteArray(
               R"({"error_description":"Client authentication failed","error":"invalid_client"})")
        << FailureKind::Permanent << u"invalid_client"_s;
    QTest::newRow("lwa down") << 503 << QByteArray() << FailureKind::Transient << QString();
}

void TestAmazonAdapter::tokenExchangeFailure()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(FailureKind, kind);
    QFETCH(QString, code);
    AmazonFake fake;
    fake.tokens.push_back(CannedResponse::json(status, body));
    auto amazon = adapter(fake.server);
    Capture<PushReport> capture;
    amazon->push({update(u"A"_s, 1, 1)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const PushOutcome &outcome = capture.value.outcomes.first();
    QCOMPARE(outcome.failure, kind);
    QCOMPARE(outcome.errorCode, code);
    QCOMPARE(outcome.httpStatus, status);
    QVERIFY(outcome.message.startsWith(u"LWA token exchange failed"_s));
    QVERIFY(fake.apiRequests().isEmpty()); // nothing sent without a token
}

void TestAmazonAdapter::timeoutIsTransient()
{
    AmazonFake fake;
    fake.api.push_back(CannedResponse::silence());
    auto amazon = adapter(fake.server, 300);
    Capture<PushReport> capture;
    amazon->push({update(u"A"_s, 1, 1)}, capture.callback());
    QTRY_COMPARE_WITH_TIMEOUT(capture.calls, 1, 10000);
    QCOMPARE(capture.value.outcomes.first().failure, FailureKind::Transient);
    QCOMPARE(capture.value.outcomes.first().httpStatus, 0);
}

void TestAmazonAdapter::fetchOrders()
{
    AmazonFake fake;
    fake.api.push_back(CannedResponse::json(200, R"({"payload":{"Orders":[
        {"AmazonOrderId":"902-3159896-1390916","PurchaseDate":"2025-12-31T23:52:00Z","LastUpdateDate":"2025-12-31T23:53:00Z","OrderStatus":"Unshipped","MarketplaceId":"ATVPDKIKX0DER",
         "ShippingAddress":{"City":"SEATTLE","StateOrRegion":"WA","PostalCode":"98121-3426","CountryCode":"US"}},
        {"AmazonOrderId":"902-0000000-0000001","PurchaseDate":"2025-12-31T23:54:00Z","LastUpdateDate":"2025-12-31T23:57:00Z","OrderStatus":"Canceled","MarketplaceId":"ATVPDKIKX0DER"}
      ],"NextToken":"page two"}})"));
    fake.api.push_back(CannedResponse::json(
        200, R"({"payload":{"AmazonOrderId":"902-3159896-1390916","OrderItems":[
        {"ASIN":"B00551Q3CS","SellerSKU":"AMZ-1","OrderItemId":"1","QuantityOrdered":2},
        {"ASIN":"B004575DKA","SellerSKU":"AMZ-2","OrderItemId":"2","QuantityOrdered":1}]}})"));
    fake.api.push_back(CannedResponse::json(200, R"({"payload":{"Orders":[
        {"AmazonOrderId":"902-1111111-2222222","PurchaseDate":"2025-12-31T23:55:00Z","LastUpdateDate":"2025-12-31T23:56:00Z","OrderStatus":"Pending","MarketplaceId":"ATVPDKIKX0DER"}
      ]}})"));
    fake.api.push_back(CannedResponse::json(
        200, R"({"payload":{"AmazonOrderId":"902-1111111-2222222","OrderItems":[
        {"ASIN":"B00551Q3CS","SellerSKU":"AMZ-1","OrderItemId":"3","QuantityOrdered":1}]}})"));
    auto amazon = adapter(fake.server);
    QVERIFY(!amazon->hasOrderWebhooks());
    Capture<FetchOrdersResult> capture;
    amazon->fetchOrders(QString(), capture.callback());
    QTRY_COMPARE(capture.calls, 1);

    const QList<RecordedRequest> api = fake.apiRequests();
    QCOMPARE(api.size(), 4);
    QCOMPARE(api.at(0).method, QByteArray("GET"));
    QCOMPARE(api.at(0).path, u"/orders/v0/orders"_s);
    QCOMPARE(api.at(0).query.queryItemValue(u"MarketplaceIds"_s), u"ATVPDKIKX0DER"_s);
    QCOMPARE(api.at(0).query.queryItemValue(u"LastUpdatedAfter"_s, QUrl::FullyDecoded),
             u"2025-12-31T23:50:00.000Z"_s);
    QCOMPARE(api.at(0).header("x-amz-access-token"), QByteArray("Atza|token1"));
    // Each page's items before the next page, so a later failure keeps what was finished.
    QCOMPARE(api.at(1).path, u"/orders/v0/orders/902-3159896-1390916/orderItems"_s);
    QCOMPARE(api.at(2).query.queryItemValue(u"NextToken"_s, QUrl::FullyDecoded), u"page two"_s);
    QCOMPARE(api.at(3).path, u"/orders/v0/orders/902-1111111-2222222/orderItems"_s);

    QCOMPARE(capture.value.failure, FailureKind::None);
    // The cancelled order needs no items: its cancel gives back whatever it took.
    QCOMPARE(describe(capture.value.orders),
             (QStringList {u"cancel 902-0000000-0000001 "_s,
                           u"sale 902-3159896-1390916  1:AMZ-1::2 2:AMZ-2::1"_s,
                           u"sale 902-1111111-2222222  3:AMZ-1::1"_s}));
    capture.value.orders.removeFirst();
    QCOMPARE(capture.value.orders.at(0).channel, u"amz"_s);
    // The first order names where it ships (the fields that need no restricted data token);
    // the second, like a pending order, does not.
    QVERIFY(!capture.value.orders.at(0).shipTo.isEmpty());
    QCOMPARE(capture.value.orders.at(0).shipTo.postalCode, u"98121-3426"_s);
    QCOMPARE(capture.value.orders.at(0).shipTo.country, u"US"_s);
    QCOMPARE(capture.value.orders.at(0).shipTo.city, u"SEATTLE"_s);
    QCOMPARE(capture.value.orders.at(0).shipTo.state, u"WA"_s);
    QVERIFY(capture.value.orders.at(1).shipTo.isEmpty());
    QCOMPARE(capture.value.nextHighWaterMark, u"2025-12-31T23:57:00.000Z|902-0000000-0000001"_s);
}

void TestAmazonAdapter::fetchOrdersReadsEveryPage()
{
    // Twelve pages of one cancelled order each: a poll used to stop after ten and skip the
    // rest for good (the mark moved past them).
    AmazonFake fake;
    for (int page = 1; page <= 12; ++page) {
        QByteArray next;
        if (page < 12)
            next = R"(,"NextToken":"page )" + QByteArray::number(page + 1) + '"';
        fake.api.push_back(CannedResponse::json(
            200,
            R"({"payload":{"Orders":[{"AmazonOrderId":"C-)" + QByteArray::number(page) +
                R"(","LastUpdateDate":"2026-01-01T10:00:)" +
                QByteArray::number(page).rightJustified(2, '0') +
                R"(Z","OrderStatus":"Canceled"}])" + next + "}}"));
    }
    auto amazon = adapter(fake.server);
    Capture<FetchOrdersResult> capture;
    amazon->fetchOrders(u"2026-01-01T09:00:00.000Z"_s, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, FailureKind::None);
    QCOMPARE(fake.apiRequests().size(), 12);
    QCOMPARE(capture.value.orders.size(), 12);
    QCOMPARE(capture.value.orders.last().orderId, u"C-12"_s);
    QCOMPARE(capture.value.nextHighWaterMark, u"2026-01-01T10:00:12.000Z|C-12"_s);
}

void TestAmazonAdapter::fetchOrdersFailingHalfWayKeepsWhatFinished()
{
    // Three orders, two in the same second; the items call of the third fails.
    AmazonFake fake;
    fake.api.push_back(CannedResponse::json(200, R"({"payload":{"Orders":[
        {"AmazonOrderId":"A-1","LastUpdateDate":"2026-01-01T10:00:00Z","OrderStatus":"Unshipped"},
        {"AmazonOrderId":"A-2","LastUpdateDate":"2026-01-01T10:00:05Z","OrderStatus":"Unshipped"},
        {"AmazonOrderId":"A-3","LastUpdateDate":"2026-01-01T10:00:05Z","OrderStatus":"Unshipped"}
      ]}})"));
    fake.api.push_back(CannedResponse::json(
        200, R"({"payload":{"OrderItems":[{"SellerSKU":"S","QuantityOrdered":1}]}})"));
    fake.api.push_back(CannedResponse::json(
        200, R"({"payload":{"OrderItems":[{"SellerSKU":"S","QuantityOrdered":2}]}})"));
    fake.api.push_back(CannedResponse::json(
        503, R"({"errors":[{"code":"ServiceUnavailable","message":"try again"}]})"));
    auto amazon = adapter(fake.server);
    Capture<FetchOrdersResult> capture;
    amazon->fetchOrders(u"2026-01-01T09:00:00.000Z"_s, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, FailureKind::Transient);
    QCOMPARE(capture.value.orders.size(), 2); // A-1 and A-2 are handed over
    // Resume at A-3's second, skipping A-2 which was updated in the same second.
    QCOMPARE(capture.value.nextHighWaterMark, u"2026-01-01T10:00:05.000Z|A-2"_s);

    // The next poll starts there and does not fetch A-2's items again.
    fake.api.push_back(CannedResponse::json(200, R"({"payload":{"Orders":[
        {"AmazonOrderId":"A-2","LastUpdateDate":"2026-01-01T10:00:05Z","OrderStatus":"Unshipped"},
        {"AmazonOrderId":"A-3","LastUpdateDate":"2026-01-01T10:00:05Z","OrderStatus":"Unshipped"}
      ]}})"));
    fake.api.push_back(CannedResponse::json(
        200, R"({"payload":{"OrderItems":[{"SellerSKU":"S","QuantityOrdered":3}]}})"));
    Capture<FetchOrdersResult> again;
    amazon->fetchOrders(capture.value.nextHighWaterMark, again.callback());
    QTRY_COMPARE(again.calls, 1);
    QCOMPARE(again.value.failure, FailureKind::None);
    QCOMPARE(again.value.orders.size(), 1);
    QCOMPARE(again.value.orders.first().orderId, u"A-3"_s);
    const QList<RecordedRequest> api = fake.apiRequests();
    QCOMPARE(api.at(api.size() - 2).query.queryItemValue(u"LastUpdatedAfter"_s, QUrl::FullyDecoded),
             u"2026-01-01T10:00:05.000Z"_s);
    QCOMPARE(api.last().path, u"/orders/v0/orders/A-3/orderItems"_s);
}

void TestAmazonAdapter::readListing()
{
    AmazonFake fake;
    fake.api.push_back(CannedResponse::json(
        200,
        R"({"sku":"AMZ-1","fulfillmentAvailability":[{"fulfillmentChannelCode":"DEFAULT","quantity":13}]})"));
    auto amazon = adapter(fake.server);
    Capture<ReadListingResult> capture;
    amazon->readListing(u"AMZ-1"_s, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, FailureKind::None);
    QCOMPARE(capture.value.quantity, 13);
    const RecordedRequest get = fake.apiRequests().first();
    QCOMPARE(get.path, u"/listings/2021-08-01/items/A2SELLER/AMZ-1"_s);
    QCOMPARE(get.query.queryItemValue(u"includedData"_s), u"fulfillmentAvailability"_s);
}

void TestAmazonAdapter::fetchOrdersShipments()
{
    // Orders seen again after a change (LastUpdatedAfter): one shipped, one partly shipped.
    AmazonFake fake;
    fake.api.push_back(CannedResponse::json(200, R"({"payload":{"Orders":[
        {"AmazonOrderId":"113-0000001-0000001","PurchaseDate":"2025-12-30T10:00:00Z","LastUpdateDate":"2025-12-31T23:51:00Z","OrderStatus":"Shipped","NumberOfItemsShipped":2,"NumberOfItemsUnshipped":0,"MarketplaceId":"ATVPDKIKX0DER"},
        {"AmazonOrderId":"113-0000002-0000002","PurchaseDate":"2025-12-30T11:00:00Z","LastUpdateDate":"2025-12-31T23:52:00Z","OrderStatus":"PartiallyShipped","NumberOfItemsShipped":1,"NumberOfItemsUnshipped":3,"MarketplaceId":"ATVPDKIKX0DER"}
      ]}})"));
    fake.api.push_back(CannedResponse::json(
        200, R"({"payload":{"AmazonOrderId":"113-0000001-0000001","OrderItems":[
        {"ASIN":"B00551Q3CS","SellerSKU":"AMZ-1","OrderItemId":"68828574383266","QuantityOrdered":2,"QuantityShipped":2}]}})"));
    fake.api.push_back(CannedResponse::json(
        200, R"({"payload":{"AmazonOrderId":"113-0000002-0000002","OrderItems":[
        {"ASIN":"B004575DKA","SellerSKU":"AMZ-2","OrderItemId":"68828574383267","QuantityOrdered":3,"QuantityShipped":1},
        {"ASIN":"B004575DKB","SellerSKU":"AMZ-3","OrderItemId":"68828574383268","QuantityOrdered":1,"QuantityShipped":0}]}})"));
    auto amazon = adapter(fake.server);
    Capture<FetchOrdersResult> capture;
    amazon->fetchOrders(QString(), capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, FailureKind::None);
    // Each item's shipped count is its own shipment id: a later, larger count ships the rest
    // (the order path ships at most what the order still holds).
    QCOMPARE(
        describe(capture.value.orders),
        (QStringList {u"sale 113-0000001-0000001  68828574383266:AMZ-1::2"_s,
                      u"ship 113-0000001-0000001 68828574383266@2 68828574383266:AMZ-1::2"_s,
                      u"sale 113-0000002-0000002  68828574383267:AMZ-2::3 "
                      u"68828574383268:AMZ-3::1"_s,
                      u"ship 113-0000002-0000002 68828574383267@1 68828574383267:AMZ-2::1"_s}));
    for (const OrderEvent &e : std::as_const(capture.value.orders))
        QCOMPARE(e.validationError(), QString());
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestAmazonAdapter)
#include "tst_amazonadapter.moc"
