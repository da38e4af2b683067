#include "channels/woocommerce/wooadapter.h"
#include "eventtext.h"
#include "fakechannelserver.h"
#include "util/clock.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ChannelDesk::Test;

namespace ChannelDesk {

namespace {

ListingUpdate update(const QString &sku, const QString &remoteId, qint64 quantity, qint64 version,
                     bool paused = false)
{
    ListingUpdate u;
    u.sku = sku;
    u.remoteId = remoteId;
    u.quantity = quantity;
    u.version = version;
    u.paused = paused;
    return u;
}

QByteArray product(qint64 id, qint64 stock)
{
    return R"({"id":)" + QByteArray::number(id) +
        R"(,"name":"Premium Quality","type":"simple","status":"publish","sku":"X","manage_stock":true,"stock_quantity":)" +
        QByteArray::number(stock) + R"(,"stock_status":"instock"})";
}

const QByteArray kInvalidId =
    R"({"code":"woocommerce_rest_product_invalid_id","message":"Invalid ID.","data":{"status":400}})";

} // namespace

class TestWooAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void remoteIdFormat_data();
    void remoteIdFormat();
    void singleProductIsAPut();
    void singleVariationIsAPut();
    void batchesProductsAndVariationsApart();
    void errors_data();
    void errors();
    void timeoutIsTransient();
    void readListing_data();
    void readListing();
    void fetchRefunds();
    void fetchRefundsFailure_data();
    void fetchRefundsFailure();

private:
    std::unique_ptr<WooAdapter> adapter(const FakeChannelServer &server, int timeoutMs = 5000);
    QNetworkAccessManager m_network;
    ManualClock m_clock;
};

std::unique_ptr<WooAdapter> TestWooAdapter::adapter(const FakeChannelServer &server, int timeoutMs)
{
    WooSettings settings;
    settings.channelId = u"woo"_s;
    settings.baseUrl = server.baseUrl();
    settings.consumerKey = "ck_test";
    settings.consumerSecret = "cs_test";
    settings.timeoutMs = timeoutMs;
    return std::make_unique<WooAdapter>(settings, &m_network, m_clock);
}

void TestWooAdapter::remoteIdFormat_data()
{
    QTest::addColumn<QString>("remoteId");
    QTest::addColumn<qint64>("product"); // 0: rejected
    QTest::addColumn<qint64>("variation");
    QTest::newRow("simple") << u"93"_s << qint64(93) << qint64(0);
    QTest::newRow("variation") << u"22/733"_s << qint64(22) << qint64(733);
    QTest::newRow("empty") << QString() << qint64(0) << qint64(0);
    QTest::newRow("sku") << u"WOO-1"_s << qint64(0) << qint64(0);
    QTest::newRow("zero") << u"0"_s << qint64(0) << qint64(0);
    QTest::newRow("trailing slash") << u"22/"_s << qint64(0) << qint64(0);
    QTest::newRow("three parts") << u"1/2/3"_s << qint64(0) << qint64(0);
}

void TestWooAdapter::remoteIdFormat()
{
    QFETCH(QString, remoteId);
    QFETCH(qint64, product);
    QFETCH(qint64, variation);
    const auto target = WooTarget::parse(remoteId);
    if (product == 0) {
        QVERIFY(!target);
        return;
    }
    QVERIFY(target);
    QCOMPARE(target->productId, product);
    QCOMPARE(target->variationId, variation);
    QCOMPARE(target->remoteId(), remoteId);
}

void TestWooAdapter::singleProductIsAPut()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(200, product(93, 11)));
    auto woo = adapter(server);
    QCOMPARE(woo->maxBatchSize(), 100);
    Capture<PushReport> capture;
    woo->push({update(u"WOO-93"_s, u"93"_s, 11, 4)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);

    QCOMPARE(server.requests().size(), 1);
    const RecordedRequest &sent = server.requests().first();
    QCOMPARE(sent.method, QByteArray("PUT"));
    QCOMPARE(sent.path, u"/wp-json/wc/v3/products/93"_s);
    QCOMPARE(sent.header("authorization"), "Basic " + QByteArray("ck_test:cs_test").toBase64());
    QVERIFY(sent.header("content-type").startsWith("application/json"));
    QCOMPARE(sent.json(), (QJsonObject {{u"manage_stock"_s, true}, {u"stock_quantity"_s, 11}}));

    const PushOutcome &outcome = capture.value.outcomes.first();
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.sku, u"WOO-93"_s);
    QCOMPARE(outcome.version, 4);
    QCOMPARE(outcome.httpStatus, 200);
    QCOMPARE(outcome.ackedQuantity, std::optional<qint64>(11));
    QVERIFY(!capture.value.request.contains(u"cs_test"_s));
}

void TestWooAdapter::singleVariationIsAPut()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(200, product(733, 0)));
    auto woo = adapter(server);
    Capture<PushReport> capture;
    woo->push({update(u"WOO-22-RED"_s, u"22/733"_s, 8, 2, true)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const RecordedRequest &sent = server.requests().first();
    QCOMPARE(sent.method, QByteArray("PUT"));
    QCOMPARE(sent.path, u"/wp-json/wc/v3/products/22/variations/733"_s);
    QCOMPARE(sent.json().value(u"stock_quantity"_s).toInteger(), 0); // paused
    QVERIFY(capture.value.outcomes.first().ok());
}

void TestWooAdapter::batchesProductsAndVariationsApart()
{
    FakeChannelServer server;
    server.setHandler([](const RecordedRequest &request) {
        if (request.path == u"/wp-json/wc/v3/products/batch"_s) {
            // The batch answers 200 even though id 94 failed.
            return CannedResponse::json(200,
                                        R"({"update":[)" + product(93, 5) +
                                            R"(,{"id":94,"error":)" + kInvalidId + "}]}");
        }
        if (request.path == u"/wp-json/wc/v3/products/22/variations/batch"_s) {
            return CannedResponse::json(
                200, R"({"update":[)" + product(733, 1) + "," + product(734, 2) + "]}");
        }
        return CannedResponse::json(
            404, R"({"code":"rest_no_route","message":"No route","data":{"status":404}})");
    });
    auto woo = adapter(server);
    Capture<PushReport> capture;
    woo->push({update(u"A"_s, u"93"_s, 5, 1), update(u"R"_s, u"22/733"_s, 1, 1),
               update(u"B"_s, u"94"_s, 6, 1), update(u"X"_s, u"not-an-id"_s, 1, 1),
               update(u"G"_s, u"22/734"_s, 2, 1)},
              capture.callback());
    QTRY_COMPARE(capture.calls, 1);

    QCOMPARE(server.requests().size(), 2);
    QHash<QString, QJsonObject> bodies;
    for (const RecordedRequest &request : server.requests()) {
        QCOMPARE(request.method, QByteArray("POST"));
        bodies.insert(request.path, request.json());
    }
    const QJsonArray products =
        bodies.value(u"/wp-json/wc/v3/products/batch"_s).value(u"update"_s).toArray();
    QCOMPARE(products.size(), 2);
    QCOMPARE(products.at(0).toObject(),
             (QJsonObject {{u"id"_s, 93}, {u"manage_stock"_s, true}, {u"stock_quantity"_s, 5}}));
    QCOMPARE(products.at(1).toObject().value(u"id"_s).toInteger(), 94);
    const QJsonArray variations =
        bodies.value(u"/wp-json/wc/v3/products/22/variations/batch"_s).value(u"update"_s).toArray();
    QCOMPARE(variations.size(), 2);
    QCOMPARE(variations.at(0).toObject().value(u"id"_s).toInteger(), 733);
    QCOMPARE(variations.at(1).toObject().value(u"id"_s).toInteger(), 734);

    const QList<PushOutcome> &outcomes = capture.value.outcomes;
    QCOMPARE(outcomes.size(), 5);
    QVERIFY(outcomes.at(0).ok());
    QCOMPARE(outcomes.at(0).ackedQuantity, std::optional<qint64>(5));
    QVERIFY(outcomes.at(1).ok());
    QCOMPARE(outcomes.at(2).failure, FailureKind::Permanent);
    QCOMPARE(outcomes.at(2).errorCode, u"woocommerce_rest_product_invalid_id"_s);
    QCOMPARE(outcomes.at(2).message, u"Invalid ID."_s);
    QCOMPARE(outcomes.at(2).httpStatus, 400);
    QCOMPARE(outcomes.at(3).failure, FailureKind::Permanent);
    QCOMPARE(outcomes.at(3).sku, u"X"_s);
    QVERIFY(outcomes.at(4).ok());
    QCOMPARE(outcomes.at(4).ackedQuantity, std::optional<qint64>(2));
}

void TestWooAdapter::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("throttled");
    QTest::addColumn<qint64>("retryAfterMs");

    QTest::newRow("400 unknown id")
        << 400 << kInvalidId << QByteArray() << FailureKind::Permanent
        << u"woocommerce_rest_product_invalid_id"_s << false << qint64(-1);
    QTest::newRow("401 cannot edit")
        << 401
        << QByteArray(
               R"({"code":"woocommerce_rest_cannot_edit","message":"Sorry, you are not allowed to edit this resource.","data":{"status":401}})")
        << QByteArray() << FailureKind::Permanent << u"woocommerce_rest_cannot_edit"_s << false
        << qint64(-1);
    QTest::newRow("400 invalid param")
        << 400
        << QByteArray(
               R"({"code":"rest_invalid_param","message":"Invalid parameter(s): stock_quantity","data":{"status":400,"params":{"stock_quantity":"stock_quantity is not of type integer."}}})")
        << QByteArray() << FailureKind::Permanent << u"rest_invalid_param"_s << false << qint64(-1);
    QTest::newRow("429 host limit") << 429 << QByteArray("Too Many Requests") << QByteArray("30")
                                    << FailureKind::Throttled << QString() << true << qint64(30000);
    QTest::newRow("503 with date")
        << 503 << QByteArray() << QByteArray("Thu, 01 Jan 2026 00:01:00 GMT")
        << FailureKind::Transient << QString() << false << qint64(60000);
    QTest::newRow("500") << 500 << QByteArray("<html>fatal error</html>") << QByteArray()
                         << FailureKind::Transient << QString() << false << qint64(-1);
}

void TestWooAdapter::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(FailureKind, kind);
    QFETCH(QString, code);
    QFETCH(bool, throttled);
    QFETCH(qint64, retryAfterMs);

    FakeChannelServer server;
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!retryAfter.isEmpty())
        headers.append({"Retry-After", retryAfter});
    server.enqueue(CannedResponse::json(status, body, headers));
    auto woo = adapter(server);
    Capture<PushReport> capture;
    woo->push({update(u"A"_s, u"93"_s, 5, 1)}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const PushOutcome &outcome = capture.value.outcomes.first();
    QCOMPARE(outcome.failure, kind);
    QCOMPARE(outcome.errorCode, code);
    QCOMPARE(outcome.httpStatus, status);
    QVERIFY(!outcome.message.isEmpty());
    QCOMPARE(capture.value.throttled, throttled);
    if (retryAfterMs < 0)
        QVERIFY(!capture.value.retryAfterMs);
    else
        QCOMPARE(capture.value.retryAfterMs, std::optional<qint64>(retryAfterMs));
}

void TestWooAdapter::timeoutIsTransient()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::silence());
    auto woo = adapter(server, 300);
    Capture<PushReport> capture;
    woo->push({update(u"A"_s, u"93"_s, 5, 1), update(u"B"_s, u"94"_s, 5, 1)}, capture.callback());
    QTRY_COMPARE_WITH_TIMEOUT(capture.calls, 1, 10000);
    for (const PushOutcome &outcome : capture.value.outcomes) {
        QCOMPARE(outcome.failure, FailureKind::Transient);
        QCOMPARE(outcome.httpStatus, 0);
    }
}

void TestWooAdapter::readListing_data()
{
    QTest::addColumn<QString>("remoteId");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<qint64>("quantity");
    QTest::newRow("product") << u"93"_s << u"/wp-json/wc/v3/products/93"_s << 200 << product(93, 17)
                             << FailureKind::None << qint64(17);
    QTest::newRow("variation") << u"22/733"_s << u"/wp-json/wc/v3/products/22/variations/733"_s
                               << 200 << product(733, 3) << FailureKind::None << qint64(3);
    QTest::newRow("not managed") << u"93"_s << u"/wp-json/wc/v3/products/93"_s << 200
                                 << QByteArray(
                                        R"({"id":93,"manage_stock":false,"stock_quantity":null})")
                                 << FailureKind::Permanent << qint64(0);
    QTest::newRow("404 on get")
        << u"93"_s << u"/wp-json/wc/v3/products/93"_s << 404
        << QByteArray(
               R"({"code":"woocommerce_rest_product_invalid_id","message":"Invalid ID.","data":{"status":404}})")
        << FailureKind::Permanent << qint64(0);
}

void TestWooAdapter::readListing()
{
    QFETCH(QString, remoteId);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(FailureKind, kind);
    QFETCH(qint64, quantity);
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(status, body));
    auto woo = adapter(server);
    Capture<ReadListingResult> capture;
    woo->readListing(remoteId, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(server.requests().first().method, QByteArray("GET"));
    QCOMPARE(server.requests().first().path, path);
    QCOMPARE(capture.value.failure, kind);
    QCOMPARE(capture.value.quantity, quantity);
}

void TestWooAdapter::fetchRefunds()
{
    QFile file(QStringLiteral(CHANNEL_FIXTURES "/woocommerce/order_refunds.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(200, file.readAll()));
    auto woo = adapter(server);
    Capture<FetchOrdersResult> capture;
    woo->fetchRefunds(u"727"_s, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    const RecordedRequest &sent = server.requests().first();
    QCOMPARE(sent.method, QByteArray("GET"));
    QCOMPARE(sent.path, u"/wp-json/wc/v3/orders/727/refunds"_s);
    QVERIFY(sent.header("authorization").startsWith("Basic "));
    QCOMPARE(capture.value.failure, FailureKind::None);
    // Quantities come negative; lines name the order's line (_refunded_item_id), the SKU when
    // there is one and the product or variation. The refund of money only (724) moves nothing.
    QCOMPARE(describe(capture.value.orders),
             (QStringList {u"refund 727 726 311:WOO-A:93:1 312::22/23:2"_s}));
    for (OrderEvent e : std::as_const(capture.value.orders)) {
        e.channel = u"woo"_s;
        QCOMPARE(e.validationError(), QString());
    }
}

void TestWooAdapter::fetchRefundsFailure_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureKind>("failure");
    QTest::newRow("busy") << 503 << QByteArray(R"({"code":"busy","message":"Busy"})")
                          << FailureKind::Transient;
    QTest::newRow("unknown order")
        << 404
        << QByteArray(
               R"({"code":"woocommerce_rest_shop_order_invalid_id","message":"Invalid ID.","data":{"status":404}})")
        << FailureKind::Permanent;
    QTest::newRow("not a list") << 200 << QByteArray(R"({"id":1})") << FailureKind::Transient;
}

void TestWooAdapter::fetchRefundsFailure()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(FailureKind, failure);
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(status, body));
    auto woo = adapter(server);
    Capture<FetchOrdersResult> capture;
    woo->fetchRefunds(u"727"_s, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, failure);
    QVERIFY(capture.value.orders.isEmpty());
    QVERIFY(!capture.value.message.isEmpty());
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestWooAdapter)
#include "tst_wooadapter.moc"
