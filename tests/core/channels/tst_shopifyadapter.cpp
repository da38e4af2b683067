#include "channels/shopify/shopifyadapter.h"
#include "channels/shopify/shopifygraphql.h"
#include "fakechannelserver.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ChannelDesk::Test;

namespace ChannelDesk {

namespace {

// extensions.cost as documented on the GraphQL Admin API rate-limits page.
QByteArray costJson(int requested, const QByteArray &actual, int available, int restore)
{
    return R"("extensions":{"cost":{"requestedQueryCost":)" + QByteArray::number(requested) +
        R"(,"actualQueryCost":)" + actual +
        R"(,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":)" +
        QByteArray::number(available) + R"(,"restoreRate":)" + QByteArray::number(restore) + "}}}";
}

QByteArray successBody()
{
    return R"({"data":{"inventorySetQuantities":{"inventoryAdjustmentGroup":{"createdAt":"2026-01-01T00:00:00Z","reason":"correction","changes":[{"name":"available","delta":-1,"quantityAfterChange":11}]},"userErrors":[]}},)" +
        costJson(10, "10", 1990, 100) + "}";
}

QByteArray userErrorBody(const QByteArray &errors)
{
    return R"({"data":{"inventorySetQuantities":{"inventoryAdjustmentGroup":null,"userErrors":)" +
        errors + "}}," + costJson(10, "10", 1990, 100) + "}";
}

QByteArray throttledBody()
{
    return R"({"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}],)" +
        costJson(10, "null", 2, 100) + "}";
}

ListingUpdate update(const QString &sku, const QString &remoteId, qint64 quantity, qint64 version,
                     std::optional<qint64> lastAcked = std::nullopt, bool paused = false)
{
    ListingUpdate u;
    u.sku = sku;
    u.remoteId = remoteId;
    u.quantity = quantity;
    u.version = version;
    u.lastAckedQuantity = lastAcked;
    u.paused = paused;
    return u;
}

} // namespace

class TestShopifyAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pushSendsOneBatchedMutation();
    void apiVersionIsConfigurable();
    void idempotencyKeyFollowsTheArguments();
    void userErrors_data();
    void userErrors();
    void throttled_data();
    void throttled();
    void throttleWaitIsBounded_data();
    void throttleWaitIsBounded();
    void httpStatus_data();
    void httpStatus();
    void timeoutIsTransient();
    void connectionResetIsTransient();
    void badRemoteIdFailsWithoutACall();
    void readListing();
    void readListingUnknownItem();

private:
    std::unique_ptr<ShopifyAdapter> adapter(const FakeChannelServer &server, int timeoutMs = 5000,
                                            const QString &version = {});
    QNetworkAccessManager m_network;
    ManualClock m_clock;
};

std::unique_ptr<ShopifyAdapter> TestShopifyAdapter::adapter(const FakeChannelServer &server,
                                                            int timeoutMs, const QString &version)
{
    ShopifySettings settings;
    settings.channelId = u"shop-us"_s;
    settings.baseUrl = server.baseUrl();
    settings.apiVersion = version;
    settings.locationId = u"124656943"_s;
    settings.accessToken = "shpat_test_token";
    settings.timeoutMs = timeoutMs;
    return std::make_unique<ShopifyAdapter>(settings, &m_network, m_clock);
}

void TestShopifyAdapter::pushSendsOneBatchedMutation()
{
    FakeChannelServer server;
    QVERIFY(server.listening());
    server.enqueue(CannedResponse::json(200, successBody()));
    auto shop = adapter(server);
    QCOMPARE(shop->maxBatchSize(), 100);

    const QList<ListingUpdate> updates = {
        update(u"A-1"_s, u"30322695"_s, 11, 7, 12),
        update(u"B-2"_s, u"gid://shopify/InventoryItem/555"_s, 9, 3, std::nullopt, true),
    };
    Capture<PushReport> capture;
    shop->push(updates, capture.callback());
    QTRY_COMPARE(capture.calls, 1);

    QCOMPARE(server.requests().size(), 1);
    const RecordedRequest &sent = server.requests().first();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, u"/admin/api/2026-10/graphql.json"_s);
    QCOMPARE(sent.header("x-shopify-access-token"), QByteArray("shpat_test_token"));
    QVERIFY(sent.header("content-type").startsWith("application/json"));

    const QJsonObject body = sent.json();
    const QString query = body.value(u"query"_s).toString();
    QVERIFY2(query.contains(u"inventorySetQuantities(input: $input)"_s), qPrintable(query));
    QVERIFY(query.contains(u"userErrors { field message code }"_s));
    const QString key = ShopifyAdapter::idempotencyKey(u"shop-us"_s, updates);
    QVERIFY2(query.contains(u"@idempotent(key: \"%1\")"_s.arg(key)), qPrintable(query));

    const QJsonObject input = body.value(u"variables"_s).toObject().value(u"input"_s).toObject();
    QCOMPARE(input.value(u"name"_s).toString(), u"available"_s);
    QCOMPARE(input.value(u"reason"_s).toString(), u"correction"_s);
    const QJsonArray quantities = input.value(u"quantities"_s).toArray();
    QCOMPARE(quantities.size(), 2);
    const QJsonObject first = quantities.at(0).toObject();
    QCOMPARE(first.value(u"inventoryItemId"_s).toString(),
             u"gid://shopify/InventoryItem/30322695"_s);
    QCOMPARE(first.value(u"locationId"_s).toString(), u"gid://shopify/Location/124656943"_s);
    QCOMPARE(first.value(u"quantity"_s).toInteger(), 11);
    QCOMPARE(first.value(u"changeFromQuantity"_s).toInteger(), 12);
    const QJsonObject second = quantities.at(1).toObject();
    QCOMPARE(second.value(u"inventoryItemId"_s).toString(), u"gid://shopify/InventoryItem/555"_s);
    QCOMPARE(second.value(u"quantity"_s).toInteger(), 0); // paused
    QVERIFY(second.contains(u"changeFromQuantity"_s)); // mandatory from 2026-04, null = no check
    QVERIFY(second.value(u"changeFromQuantity"_s).isNull());

    const PushReport &report = capture.value;
    QCOMPARE(report.outcomes.size(), 2);
    QCOMPARE(report.outcomes.at(0).sku, u"A-1"_s);
    QCOMPARE(report.outcomes.at(0).version, 7);
    QVERIFY(report.outcomes.at(0).ok());
    QCOMPARE(report.outcomes.at(0).httpStatus, 200);
    QCOMPARE(report.outcomes.at(0).ackedQuantity, std::optional<qint64>(11));
    QVERIFY(report.outcomes.at(1).ok());
    QCOMPARE(report.outcomes.at(1).ackedQuantity, std::optional<qint64>(0));
    QVERIFY(!report.throttled);
    QVERIFY(report.rateLimitPerSecond.has_value());
    QCOMPARE(*report.rateLimitPerSecond, 10.0); // 100 points/s over 10 points a call
    QVERIFY(report.request.contains(u"30322695"_s));
    QVERIFY(!report.request.contains(u"shpat_test_token"_s));
    QVERIFY(report.response.contains(u"inventoryAdjustmentGroup"_s));
}

void TestShopifyAdapter::apiVersionIsConfigurable()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(200, successBody()));
    auto shop = adapter(server, 5000, u"2026-07"_s);
    Capture<PushReport> capture;
    shop->push({update(u"A-1"_s, u"1"_s, 1, 1)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(server.requests().first().path, u"/admin/api/2026-07/graphql.json"_s);
}

void TestShopifyAdapter::idempotencyKeyFollowsTheArguments()
{
    const QList<ListingUpdate> base = {update(u"A-1"_s, u"1"_s, 5, 10, 6)};
    const QString key = ShopifyAdapter::idempotencyKey(u"shop-us"_s, base);
    static const QRegularExpression uuid(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    QVERIFY2(uuid.match(key).hasMatch(), qPrintable(key));
    QCOMPARE(ShopifyAdapter::idempotencyKey(u"shop-us"_s, base), key); // a retry replays
    QVERIFY(ShopifyAdapter::idempotencyKey(u"shop-eu"_s, base) != key);
    QVERIFY(ShopifyAdapter::idempotencyKey(u"shop-us"_s, {update(u"A-1"_s, u"1"_s, 5, 11, 6)}) !=
            key);
    // After a stale answer the same version goes out with a new changeFromQuantity: a reused
    // key would be IDEMPOTENCY_KEY_PARAMETER_MISMATCH.
    QVERIFY(ShopifyAdapter::idempotencyKey(u"shop-us"_s, {update(u"A-1"_s, u"1"_s, 5, 10, 4)}) !=
            key);
}

void TestShopifyAdapter::userErrors_data()
{
    QTest::addColumn<QByteArray>("errors");
    QTest::addColumn<QList<FailureKind>>("kinds");
    QTest::addColumn<QStringList>("codes");

    QTest::newRow("stale on the second item")
        << QByteArray(
               R"([{"field":["input","quantities","1","changeFromQuantity"],"message":"The specified compare quantity does not match the current quantity.","code":"CHANGE_FROM_QUANTITY_STALE"}])")
        << QList<FailureKind> {FailureKind::Collateral, FailureKind::StaleCompare}
        << QStringList {u"BATCH_REJECTED"_s, u"CHANGE_FROM_QUANTITY_STALE"_s};
    QTest::newRow("unknown item")
        << QByteArray(
               R"([{"field":["input","quantities","0","inventoryItemId"],"message":"The specified inventory item could not be found.","code":"INVALID_INVENTORY_ITEM"}])")
        << QList<FailureKind> {FailureKind::Permanent, FailureKind::Collateral}
        << QStringList {u"INVALID_INVENTORY_ITEM"_s, u"BATCH_REJECTED"_s};
    QTest::newRow("not stocked and too high")
        << QByteArray(
               R"([{"field":["input","quantities","0","locationId"],"message":"not stocked","code":"ITEM_NOT_STOCKED_AT_LOCATION"},{"field":["input","quantities","1","quantity"],"message":"too high","code":"INVALID_QUANTITY_TOO_HIGH"}])")
        << QList<FailureKind> {FailureKind::Permanent, FailureKind::Permanent}
        << QStringList {u"ITEM_NOT_STOCKED_AT_LOCATION"_s, u"INVALID_QUANTITY_TOO_HIGH"_s};
    QTest::newRow("key mismatch for the whole call")
        << QByteArray(
               R"([{"field":null,"message":"The same idempotency key cannot be used with different operation parameters.","code":"IDEMPOTENCY_KEY_PARAMETER_MISMATCH"}])")
        << QList<FailureKind> {FailureKind::Permanent, FailureKind::Permanent}
        << QStringList {u"IDEMPOTENCY_KEY_PARAMETER_MISMATCH"_s,
                        u"IDEMPOTENCY_KEY_PARAMETER_MISMATCH"_s};
    QTest::newRow("concurrent request")
        << QByteArray(
               R"([{"field":[],"message":"This request is currently in progress, please try again.","code":"IDEMPOTENCY_CONCURRENT_REQUEST"}])")
        << QList<FailureKind> {FailureKind::Transient, FailureKind::Transient}
        << QStringList {u"IDEMPOTENCY_CONCURRENT_REQUEST"_s, u"IDEMPOTENCY_CONCURRENT_REQUEST"_s};
}

void TestShopifyAdapter::userErrors()
{
    QFETCH(QByteArray, errors);
    QFETCH(QList<FailureKind>, kinds);
    QFETCH(QStringList, codes);

    FakeChannelServer server;
    server.enqueue(CannedResponse::json(200, userErrorBody(errors)));
    auto shop = adapter(server);
    Capture<PushReport> capture;
    shop->push({update(u"A-1"_s, u"1"_s, 5, 2, 6), update(u"B-2"_s, u"2"_s, 7, 3, 8)},
               capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const PushReport &report = capture.value;
    QCOMPARE(report.outcomes.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(report.outcomes.at(i).failure, kinds.at(i));
        QCOMPARE(report.outcomes.at(i).errorCode, codes.at(i));
        QCOMPARE(report.outcomes.at(i).httpStatus, 200);
        QVERIFY(!report.outcomes.at(i).message.isEmpty());
        QVERIFY(!report.outcomes.at(i).ackedQuantity);
    }
    QVERIFY(!report.throttled);
}

void TestShopifyAdapter::throttled_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("expectedWaitMs");
    // (requested 10 - available 2) / restore 100 per second = 80 ms.
    QTest::newRow("200") << 200 << QByteArray() << qint64(80);
    QTest::newRow("429") << 429 << QByteArray() << qint64(80);
    QTest::newRow("429 with a longer Retry-After") << 429 << QByteArray("2.0") << qint64(2000);
}

void TestShopifyAdapter::throttled()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, expectedWaitMs);

    FakeChannelServer server;
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!retryAfter.isEmpty())
        headers.append({"Retry-After", retryAfter});
    server.enqueue(CannedResponse::json(status, throttledBody(), headers));
    auto shop = adapter(server);
    Capture<PushReport> capture;
    shop->push({update(u"A-1"_s, u"1"_s, 5, 2, 6), update(u"B-2"_s, u"2"_s, 7, 3, 8)},
               capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const PushReport &report = capture.value;
    QVERIFY(report.throttled);
    QCOMPARE(report.retryAfterMs, std::optional<qint64>(expectedWaitMs));
    for (const PushOutcome &outcome : report.outcomes) {
        QCOMPARE(outcome.failure, FailureKind::Throttled);
        QCOMPARE(outcome.errorCode, u"THROTTLED"_s);
        QCOMPARE(outcome.message, u"Throttled"_s);
        QCOMPARE(outcome.httpStatus, status);
    }
}

void TestShopifyAdapter::throttleWaitIsBounded_data()
{
    QTest::addColumn<double>("requested");
    QTest::addColumn<double>("available");
    QTest::addColumn<double>("restoreRate");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("usual") << 10.0 << 2.0 << 100.0 << qint64(80);
    QTest::newRow("already available") << 10.0 << 50.0 << 100.0 << qint64(0);
    // A broken cost block: capped at an hour, never a conversion out of qint64's range.
    QTest::newRow("huge cost") << 1e300 << 0.0 << 1.0 << qint64(3'600'000);
    QTest::newRow("tiny restore rate") << 10.0 << 0.0 << 1e-300 << qint64(3'600'000);
}

void TestShopifyAdapter::throttleWaitIsBounded()
{
    QFETCH(double, requested);
    QFETCH(double, available);
    QFETCH(double, restoreRate);
    ShopifyGraphql::CostInfo cost;
    cost.present = true;
    cost.requested = requested;
    cost.currentlyAvailable = available;
    cost.restoreRate = restoreRate;
    QTEST(ShopifyGraphql::throttleWaitMs(cost).value_or(-1), "expectedMs");
}

void TestShopifyAdapter::httpStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none

    QTest::newRow("401 bad token")
        << 401
        << QByteArray(
               R"x({"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"})x")
        << QByteArray() << FailureKind::Permanent
        << u"[API] Invalid API key or access token (unrecognized login or wrong password)"_s
        << qint64(-1);
    QTest::newRow("402 frozen") << 402 << QByteArray(R"({"errors":"Unavailable Shop"})")
                                << QByteArray() << FailureKind::Permanent << u"Unavailable Shop"_s
                                << qint64(-1);
    QTest::newRow("403 scope")
        << 403
        << QByteArray(
               R"({"errors":"[API] This action requires merchant approval for write_inventory scope."})")
        << QByteArray() << FailureKind::Permanent
        << u"[API] This action requires merchant approval for write_inventory scope."_s
        << qint64(-1);
    QTest::newRow("404") << 404 << QByteArray(R"({"errors":"Not Found"})") << QByteArray()
                         << FailureKind::Permanent << u"Not Found"_s << qint64(-1);
    QTest::newRow("500") << 500 << QByteArray("oops") << QByteArray() << FailureKind::Transient
                         << u"HTTP 500"_s << qint64(-1);
    QTest::newRow("503 with seconds") << 503 << QByteArray() << QByteArray("3")
                                      << FailureKind::Transient << u"HTTP 503"_s << qint64(3000);
    QTest::newRow("503 with a date")
        << 503 << QByteArray() << QByteArray("Thu, 01 Jan 2026 00:00:05 GMT")
        << FailureKind::Transient << u"HTTP 503"_s << qint64(5000);
    QTest::newRow("200 query refused")
        << 200
        << QByteArray(
               R"({"errors":[{"message":"Access denied for inventorySetQuantities field.","extensions":{"code":"ACCESS_DENIED"}}]})")
        << QByteArray() << FailureKind::Permanent
        << u"Access denied for inventorySetQuantities field."_s << qint64(-1);
    QTest::newRow("200 internal error")
        << 200
        << QByteArray(
               R"({"errors":[{"message":"Internal error. Looks like something went wrong on our end.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]})")
        << QByteArray() << FailureKind::Transient
        << u"Internal error. Looks like something went wrong on our end."_s << qint64(-1);
}

void TestShopifyAdapter::httpStatus()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(FailureKind, kind);
    QFETCH(QString, message);
    QFETCH(qint64, retryAfterMs);

    FakeChannelServer server;
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!retryAfter.isEmpty())
        headers.append({"Retry-After", retryAfter});
    server.enqueue(CannedResponse::json(status, body, headers));
    auto shop = adapter(server);
    Capture<PushReport> capture;
    shop->push({update(u"A-1"_s, u"1"_s, 5, 2, 6)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const PushOutcome &outcome = capture.value.outcomes.first();
    QCOMPARE(outcome.failure, kind);
    QCOMPARE(outcome.httpStatus, status);
    QCOMPARE(outcome.message, message);
    QVERIFY(!capture.value.throttled);
    if (retryAfterMs < 0)
        QVERIFY(!capture.value.retryAfterMs);
    else
        QCOMPARE(capture.value.retryAfterMs, std::optional<qint64>(retryAfterMs));
}

void TestShopifyAdapter::timeoutIsTransient()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::silence());
    auto shop = adapter(server, 300);
    Capture<PushReport> capture;
    shop->push({update(u"A-1"_s, u"1"_s, 5, 2, 6)}, capture.callback());
    QTRY_COMPARE_WITH_TIMEOUT(capture.calls, 1, 10000);
    const PushOutcome &outcome = capture.value.outcomes.first();
    QCOMPARE(outcome.failure, FailureKind::Transient);
    QCOMPARE(outcome.httpStatus, 0);
    QVERIFY2(outcome.message.startsWith(u"timeout"_s), qPrintable(outcome.message));
}

void TestShopifyAdapter::connectionResetIsTransient()
{
    QTcpServer closer;
    QVERIFY(closer.listen(QHostAddress::LocalHost, 0));
    connect(&closer, &QTcpServer::newConnection, &closer, [&closer] {
        while (QTcpSocket *socket = closer.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->abort(); });
        }
    });
    ShopifySettings settings;
    settings.channelId = u"shop-us"_s;
    settings.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(closer.serverPort()));
    settings.locationId = u"1"_s;
    settings.accessToken = "t";
    ShopifyAdapter shop(settings, &m_network, m_clock);
    Capture<PushReport> capture;
    shop.push({update(u"A-1"_s, u"1"_s, 5, 2, 6)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.outcomes.first().failure, FailureKind::Transient);
    QCOMPARE(capture.value.outcomes.first().httpStatus, 0);
}

void TestShopifyAdapter::badRemoteIdFailsWithoutACall()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(200, successBody()));
    auto shop = adapter(server);
    Capture<PushReport> capture;
    shop->push(
        {update(u"A-1"_s, u"gid://shopify/Product/1"_s, 5, 2), update(u"B-2"_s, u"77"_s, 3, 4)},
        capture.callback());
    QCOMPARE(capture.calls, 0); // never answered from inside push()
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.outcomes.size(), 2);
    QCOMPARE(capture.value.outcomes.at(0).failure, FailureKind::Permanent);
    QVERIFY(capture.value.outcomes.at(1).ok());
    QCOMPARE(server.requests().size(), 1);
    const QJsonArray quantities = server.requests()
                                      .first()
                                      .json()
                                      .value(u"variables"_s)
                                      .toObject()
                                      .value(u"input"_s)
                                      .toObject()
                                      .value(u"quantities"_s)
                                      .toArray();
    QCOMPARE(quantities.size(), 1);
    QCOMPARE(quantities.first().toObject().value(u"inventoryItemId"_s).toString(),
             u"gid://shopify/InventoryItem/77"_s);
}

void TestShopifyAdapter::readListing()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(
        200,
        R"({"data":{"inventoryItem":{"id":"gid://shopify/InventoryItem/30322695","inventoryLevel":{"quantities":[{"name":"available","quantity":42}]}}},)" +
            costJson(2, "2", 1998, 100) + "}"));
    auto shop = adapter(server);
    Capture<ReadListingResult> capture;
    shop->readListing(u"30322695"_s, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, FailureKind::None);
    QCOMPARE(capture.value.quantity, 42);
    const RecordedRequest &sent = server.requests().first();
    QCOMPARE(sent.path, u"/admin/api/2026-10/graphql.json"_s);
    QCOMPARE(sent.header("x-shopify-access-token"), QByteArray("shpat_test_token"));
    const QJsonObject variables = sent.json().value(u"variables"_s).toObject();
    QCOMPARE(variables.value(u"id"_s).toString(), u"gid://shopify/InventoryItem/30322695"_s);
    QCOMPARE(variables.value(u"locationId"_s).toString(), u"gid://shopify/Location/124656943"_s);
    QVERIFY(sent.json().value(u"query"_s).toString().contains(u"inventoryLevel(locationId"_s));
}

void TestShopifyAdapter::readListingUnknownItem()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(200, R"({"data":{"inventoryItem":null}})"));
    auto shop = adapter(server);
    Capture<ReadListingResult> capture;
    shop->readListing(u"999"_s, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, FailureKind::Permanent);
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestShopifyAdapter)
#include "tst_shopifyadapter.moc"
