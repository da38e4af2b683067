#include "sim/channelsim.h"
#include "sim/simchannel.h"
#include "util/clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;

namespace {

struct Reply
{
    int status = -1; // -1: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

struct Received
{
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case
};

const QByteArray kShopToken = "shpat_test";
const QByteArray kShopSecret = "shop-secret";
const QByteArray kWooSecret = "woo-secret";
const QString kLocation = u"gid://shopify/Location/124656943"_s;

QString itemGid(const QString &id)
{
    return u"gid://shopify/InventoryItem/"_s + id;
}

QByteArray setQuantitiesBody(const QString &key, const QJsonArray &quantities)
{
    const QString query =
        u"mutation Set($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: "
        u"$input) @idempotent(key: \"%1\") { inventoryAdjustmentGroup { createdAt reason "
        u"changes { name delta } } userErrors { field message code } } }"_s.arg(key);
    const QJsonObject input {
        {u"name"_s, u"available"_s}, {u"reason"_s, u"correction"_s}, {u"quantities"_s, quantities}};
    return QJsonDocument(QJsonObject {{u"query"_s, query},
                                      {u"variables"_s, QJsonObject {{u"input"_s, input}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject quantity(const QString &id, qint64 value, const QJsonValue &changeFrom,
                     const QString &location = kLocation)
{
    return QJsonObject {{u"inventoryItemId"_s, itemGid(id)},
                        {u"locationId"_s, location},
                        {u"quantity"_s, value},
                        {u"changeFromQuantity"_s, changeFrom}};
}

QJsonObject userErrorsOf(const Reply &reply)
{
    return reply.json.value("data"_L1).toObject().value("inventorySetQuantities"_L1).toObject();
}

} // namespace

// Drives every simulated channel over loopback HTTP, as the real adapters will.
class TestChannelSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shopifySetQuantities_data();
    void shopifySetQuantities();
    void shopifyIdempotentReplay();
    void shopifyCostBucket_data();
    void shopifyCostBucket();
    void shopifyReadLevel();
    void wooUpdate_data();
    void wooUpdate();
    void wooBatch();
    void ebayBulkUpdate();
    void ebayRevisionLimit();
    void ebayOrders();
    void amazonTokenAndPatch();
    void amazonRateLimit();
    void amazonOrders();
    void faults_data();
    void faults();
    void faultRetryAfterDate();
    void faultTimeout();
    void faultReset();
    void faultLostResponse();
    void latency();
    void faultsValidation();
    void listingsEndpoint();
    void ordersRejected();
    void shopifyOrderWebhook();
    void wooOrderWebhook();
    void webhookRetry();
    void statsRecordWrites();

private:
    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {},
               int transferTimeoutMs = 0);
    Reply shopify(const QByteArray &body, const QByteArray &token = kShopToken,
                  int transferTimeoutMs = 0);
    Reply sim(const QByteArray &method, const QString &channel, const QString &what,
              const QJsonObject &body = {});
    QJsonObject stats(const QString &channel) { return sim("GET", channel, u"stats"_s).json; }
    QByteArray wooAuth() const { return "Basic " + QByteArray("ck_test:cs_test").toBase64(); }
    QString amazonToken();
    // One quantity write in the channel's own API shape, and the listing it targets.
    Reply writeOne(const QString &channel, const QString &amazonToken, qint64 value);
    std::pair<QString, qint64> seeded(const QString &channel) const;

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QHttpServer> m_server;
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<QHttpServer> m_receiver;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QList<Received> m_received;
    QList<int> m_receiverStatuses; // answers of the webhook receiver, first to last
    quint16 m_port = 0;
};

void TestChannelSim::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_received.clear();
    m_receiverStatuses.clear();

    // A local stand-in for ChannelDesk's webhook endpoint.
    m_receiver = std::make_unique<QHttpServer>();
    m_receiver->route(u"/webhooks/<arg>"_s,
                      [this](const QString &, const QHttpServerRequest &request,
                             QHttpServerResponder &&responder) {
                          Received received;
                          received.body = request.body();
                          for (const auto &[name, value] : request.headers())
                              received.headers.insert(name.toLower(), value);
                          m_received.append(received);
                          const int status =
                              m_receiverStatuses.isEmpty() ? 200 : m_receiverStatuses.takeFirst();
                          responder.write(QHttpServerResponder::StatusCode(status));
                      });
    const quint16 receiverPort = m_receiver->listen(QHostAddress::LocalHost, 0);
    QVERIFY(receiverPort != 0);
    const QString hooks = u"http://127.0.0.1:%1/webhooks/"_s.arg(receiverPort);

    const QJsonArray channels {
        QJsonObject {{u"id"_s, u"shop-us"_s},
                     {u"type"_s, u"shopify"_s},
                     {u"token"_s, QString::fromLatin1(kShopToken)},
                     {u"webhook_secret"_s, QString::fromLatin1(kShopSecret)},
                     {u"webhook_url"_s, QString(hooks + u"shop-us"_s)},
                     {u"webhook_retry_ms"_s, 20},
                     {u"location_id"_s, 124656943},
                     {u"listings"_s,
                      QJsonObject {{u"30322695"_s, 12},
                                   {u"30322696"_s,
                                    QJsonObject {{u"quantity"_s, 5},
                                                 {u"sku"_s, u"MUG-RED"_s},
                                                 {u"variant_id"_s, 777}}}}}},
        QJsonObject {
            {u"id"_s, u"woo"_s},
            {u"type"_s, u"woocommerce"_s},
            {u"consumer_key"_s, u"ck_test"_s},
            {u"consumer_secret"_s, u"cs_test"_s},
            {u"webhook_secret"_s, QString::fromLatin1(kWooSecret)},
            {u"webhook_url"_s, QString(hooks + u"woo"_s)},
            {u"webhook_retry_ms"_s, 20},
            {u"listings"_s,
             QJsonObject {{u"93"_s, QJsonObject {{u"quantity"_s, 20}, {u"sku"_s, u"TEE-S"_s}}},
                          {u"94/101"_s, 8},
                          {u"95"_s, QJsonObject {{u"quantity"_s, 4}, {u"status"_s, u"draft"_s}}}}}},
        QJsonObject {{u"id"_s, u"ebay"_s},
                     {u"type"_s, u"ebay"_s},
                     {u"token"_s, u"v^1.1#ebay"_s},
                     {u"daily_revision_limit"_s, 2},
                     {u"listings"_s, QJsonObject {{u"A-1"_s, 10}, {u"A-2"_s, 3}}}},
        QJsonObject {{u"id"_s, u"amz"_s},
                     {u"type"_s, u"amazon"_s},
                     {u"seller_id"_s, u"A2SELLER"_s},
                     {u"marketplace_id"_s, u"ATVPDKIKX0DER"_s},
                     {u"lwa_client_id"_s, u"amzn1.application-oa2-client.x"_s},
                     {u"lwa_client_secret"_s, u"lwa-secret"_s},
                     {u"refresh_token"_s, u"Atzr|refresh"_s},
                     {u"listings"_s, QJsonObject {{u"B-1"_s, 30}}}}};
    m_sim = std::make_unique<ChannelSimulator>(*m_clock);
    QString error;
    QVERIFY2(m_sim->configure(channels, &error), qPrintable(error));
    m_server = std::make_unique<QHttpServer>();
    m_sim->install(*m_server);
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestChannelSim::cleanup()
{
    m_server.reset();
    m_sim.reset();
    m_receiver.reset();
    m_network.reset();
}

Reply TestChannelSim::call(const QByteArray &method, const QString &path, const QByteArray &body,
                           const QList<std::pair<QByteArray, QByteArray>> &headers,
                           int transferTimeoutMs)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (transferTimeoutMs > 0)
        request.setTransferTimeout(transferTimeoutMs);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Reply result;
    result.error = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.status = status.isValid() ? status.toInt() : -1;
    if (reply->isOpen())
        result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

Reply TestChannelSim::shopify(const QByteArray &body, const QByteArray &token,
                              int transferTimeoutMs)
{
    return call("POST", u"/shop-us/admin/api/2026-07/graphql.json"_s, body,
                {{"X-Shopify-Access-Token", token}}, transferTimeoutMs);
}

Reply TestChannelSim::sim(const QByteArray &method, const QString &channel, const QString &what,
                          const QJsonObject &body)
{
    return call(method, u"/_sim/%1/%2"_s.arg(channel, what),
                body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
}

QString TestChannelSim::amazonToken()
{
    const Reply reply = call("POST", u"/amz/auth/o2/token"_s,
                             "grant_type=refresh_token&refresh_token=Atzr%7Crefresh"
                             "&client_id=amzn1.application-oa2-client.x&client_secret=lwa-secret",
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
    return reply.json.value("access_token"_L1).toString();
}

void TestChannelSim::shopifySetQuantities_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("location");
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<QJsonValue>("changeFrom");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // user error code, or empty
    QTest::addColumn<qint64>("after");

    QTest::newRow("set") << kShopToken << u"30322695"_s << kLocation << qint64(11) << QJsonValue(12)
                         << 200 << QString() << qint64(11);
    QTest::newRow("no check (null)")
        << kShopToken << u"30322695"_s << kLocation << qint64(4) << QJsonValue(QJsonValue::Null)
        << 200 << QString() << qint64(4);
    QTest::newRow("bad token") << "wrong"_ba << u"30322695"_s << kLocation << qint64(11)
                               << QJsonValue(12) << 401 << QString() << qint64(12);
    QTest::newRow("stale") << kShopToken << u"30322695"_s << kLocation << qint64(11)
                           << QJsonValue(13) << 200 << u"CHANGE_FROM_QUANTITY_STALE"_s
                           << qint64(12);
    QTest::newRow("unknown item") << kShopToken << u"999"_s << kLocation << qint64(1)
                                  << QJsonValue(0) << 200 << u"INVALID_INVENTORY_ITEM"_s
                                  << qint64(12);
    QTest::newRow("other location")
        << kShopToken << u"30322695"_s << u"gid://shopify/Location/1"_s << qint64(11)
        << QJsonValue(12) << 200 << u"INVALID_LOCATION"_s << qint64(12);
    QTest::newRow("negative") << kShopToken << u"30322695"_s << kLocation << qint64(-1)
                              << QJsonValue(12) << 200 << u"INVALID_QUANTITY_NEGATIVE"_s
                              << qint64(12);
}

void TestChannelSim::shopifySetQuantities()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, item);
    QFETCH(QString, location);
    QFETCH(qint64, quantity);
    QFETCH(QJsonValue, changeFrom);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(qint64, after);

    const Reply reply = shopify(
        setQuantitiesBody(u"k-1"_s, {::quantity(item, quantity, changeFrom, location)}), token);
    QCOMPARE(reply.status, status);
    if (status == 200) {
        const QJsonObject payload = userErrorsOf(reply);
        const QJsonArray errors = payload.value("userErrors"_L1).toArray();
        if (code.isEmpty()) {
            QVERIFY2(errors.isEmpty(), reply.body.constData());
            const QJsonArray changes = payload.value("inventoryAdjustmentGroup"_L1)
                                           .toObject()
                                           .value("changes"_L1)
                                           .toArray();
            QCOMPARE(changes.first().toObject().value("delta"_L1).toInteger(), quantity - 12);
        } else {
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.first().toObject().value("code"_L1).toString(), code);
            QVERIFY(payload.value("inventoryAdjustmentGroup"_L1).isNull());
        }
        const QJsonObject cost =
            reply.json.value("extensions"_L1).toObject().value("cost"_L1).toObject();
        QCOMPARE(cost.value("requestedQueryCost"_L1).toDouble(), 10.0);
        QCOMPARE(cost.value("throttleStatus"_L1).toObject().value("restoreRate"_L1).toDouble(),
                 100.0);
    } else {
        QVERIFY(reply.json.value("errors"_L1).toString().contains("Invalid API key"_L1));
    }
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322695"_s)->quantity, after);
}

void TestChannelSim::shopifyIdempotentReplay()
{
    const QByteArray first =
        setQuantitiesBody(u"shop-us:SKU-1:7"_s, {quantity(u"30322695"_s, 7, 12)});
    const Reply applied = shopify(first);
    QVERIFY(userErrorsOf(applied).value("userErrors"_L1).toArray().isEmpty());
    // The shop sells one; a retry of the same push must not overwrite it.
    QCOMPARE(sim("POST", u"shop-us"_s, u"listings"_s, {{u"30322695"_s, 6}}).status, 200);

    const Reply replayed = shopify(first);
    QCOMPARE(replayed.status, 200);
    QCOMPARE(userErrorsOf(replayed), userErrorsOf(applied));
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322695"_s)->quantity, qint64(6));

    const Reply mismatch =
        shopify(setQuantitiesBody(u"shop-us:SKU-1:7"_s, {quantity(u"30322695"_s, 5, 6)}));
    const QJsonObject payload = userErrorsOf(mismatch);
    QVERIFY(payload.value("inventoryAdjustmentGroup"_L1).isNull());
    QCOMPARE(
        payload.value("userErrors"_L1).toArray().first().toObject().value("code"_L1).toString(),
        u"IDEMPOTENCY_KEY_PARAMETER_MISMATCH"_s);
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322695"_s)->quantity, qint64(6));

    const QJsonObject events = stats(u"shop-us"_s).value("events"_L1).toObject();
    QCOMPARE(events.value("idempotent_replays"_L1).toInt(), 1);
    QCOMPARE(events.value("idempotency_mismatches"_L1).toInt(), 1);
}

void TestChannelSim::shopifyCostBucket_data()
{
    QTest::addColumn<int>("throttledStatus");
    QTest::newRow("200") << 200;
    QTest::newRow("429") << 429;
}

void TestChannelSim::shopifyCostBucket()
{
    QFETCH(int, throttledStatus);
    const QJsonObject limits {{u"maximum_available"_s, 25},
                              {u"restore_rate"_s, 10},
                              {u"mutation_cost"_s, 10},
                              {u"throttled_status"_s, throttledStatus}};
    QCOMPARE(sim("POST", u"shop-us"_s, u"faults"_s, {{u"rate_limit"_s, limits}}).status, 200);
    auto push = [&](qint64 value, qint64 from) {
        return shopify(
            setQuantitiesBody(u"k%1"_s.arg(value), {quantity(u"30322695"_s, value, from)}));
    };
    QCOMPARE(push(11, 12).status, 200);
    QCOMPARE(push(10, 11).status, 200);
    const Reply throttled = push(9, 10);
    QCOMPARE(throttled.status, throttledStatus);
    const QJsonObject error = throttled.json.value("errors"_L1).toArray().first().toObject();
    QCOMPARE(error.value("message"_L1).toString(), u"Throttled"_s);
    QCOMPARE(error.value("extensions"_L1).toObject().value("code"_L1).toString(), u"THROTTLED"_s);
    QVERIFY(!throttled.json.contains("data"_L1));
    const QJsonObject status = throttled.json.value("extensions"_L1)
                                   .toObject()
                                   .value("cost"_L1)
                                   .toObject()
                                   .value("throttleStatus"_L1)
                                   .toObject();
    QCOMPARE(status.value("currentlyAvailable"_L1).toInt(), 5);
    QCOMPARE(status.value("maximumAvailable"_L1).toDouble(), 25.0);
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322695"_s)->quantity, qint64(10));

    m_clock->advance(500); // (10 - 5) / 10 points per second
    QCOMPARE(push(9, 10).status, 200);
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322695"_s)->quantity, qint64(9));
    QCOMPARE(stats(u"shop-us"_s).value("events"_L1).toObject().value("throttled"_L1).toInt(), 1);
}

void TestChannelSim::shopifyReadLevel()
{
    const QString query = u"query ReadAvailable($id: ID!, $locationId: ID!) { inventoryItem(id: "
                          u"$id) { id inventoryLevel(locationId: $locationId) { quantities(names: "
                          u"[\"available\"]) { name quantity } } } }"_s;
    auto read = [&](const QString &id) {
        const QJsonObject variables {{u"id"_s, itemGid(id)}, {u"locationId"_s, kLocation}};
        return shopify(
            QJsonDocument(QJsonObject {{u"query"_s, query}, {u"variables"_s, variables}}).toJson());
    };
    const Reply reply = read(u"30322696"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject item =
        reply.json.value("data"_L1).toObject().value("inventoryItem"_L1).toObject();
    QCOMPARE(item.value("sku"_L1).toString(), u"MUG-RED"_s);
    const QJsonObject first = item.value("inventoryLevel"_L1)
                                  .toObject()
                                  .value("quantities"_L1)
                                  .toArray()
                                  .first()
                                  .toObject();
    QCOMPARE(first.value("name"_L1).toString(), u"available"_s);
    QCOMPARE(first.value("quantity"_L1).toInt(), 5);
    QVERIFY(read(u"404"_s).json.value("data"_L1).toObject().value("inventoryItem"_L1).isNull());
}

void TestChannelSim::wooUpdate_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("goodAuth");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("remoteId");
    QTest::addColumn<qint64>("after");

    QTest::newRow("product") << u"products/93"_s
                             << R"({"manage_stock":true,"stock_quantity":11})"_ba << true << 200
                             << QString() << u"93"_s << qint64(11);
    QTest::newRow("variation") << u"products/94/variations/101"_s << R"({"stock_quantity":3})"_ba
                               << true << 200 << QString() << u"94/101"_s << qint64(3);
    QTest::newRow("bad credentials")
        << u"products/93"_s << R"({"stock_quantity":11})"_ba << false << 401
        << u"woocommerce_rest_cannot_edit"_s << u"93"_s << qint64(20);
    QTest::newRow("unknown product")
        << u"products/4242"_s << R"({"stock_quantity":1})"_ba << true << 400
        << u"woocommerce_rest_product_invalid_id"_s << u"93"_s << qint64(20);
    QTest::newRow("unknown variation")
        << u"products/94/variations/999"_s << R"({"stock_quantity":1})"_ba << true << 400
        << u"woocommerce_rest_product_variation_invalid_id"_s << u"94/101"_s << qint64(8);
    QTest::newRow("not an integer") << u"products/93"_s << R"({"stock_quantity":"many"})"_ba << true
                                    << 400 << u"rest_invalid_param"_s << u"93"_s << qint64(20);
}

void TestChannelSim::wooUpdate()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(bool, goodAuth);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, remoteId);
    QFETCH(qint64, after);

    const QByteArray auth = goodAuth ? wooAuth() : "Basic " + QByteArray("ck_test:nope").toBase64();
    const Reply reply =
        call("PUT", u"/woo/wp-json/wc/v3/"_s + path, body, {{"Authorization", auth}});
    QCOMPARE(reply.status, status);
    if (code.isEmpty()) {
        QCOMPARE(reply.json.value("stock_quantity"_L1).toInteger(), after);
    } else {
        QCOMPARE(reply.json.value("code"_L1).toString(), code);
        QCOMPARE(reply.json.value("data"_L1).toObject().value("status"_L1).toInt(), status);
        QVERIFY(!reply.json.value("message"_L1).toString().isEmpty());
    }
    QCOMPARE(m_sim->channel(u"woo"_s)->listing(remoteId)->quantity, after);
}

void TestChannelSim::wooBatch()
{
    QJsonArray tooMany;
    for (int i = 0; i < 101; ++i)
        tooMany.append(QJsonObject {{u"id"_s, 93}, {u"stock_quantity"_s, i}});
    const QString path = u"/woo/wp-json/wc/v3/products/batch"_s;
    const Reply refused =
        call("POST", path, QJsonDocument(QJsonObject {{u"update"_s, tooMany}}).toJson(),
             {{"Authorization", wooAuth()}});
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.json.value("code"_L1).toString(),
             u"woocommerce_rest_request_entity_too_large"_s);
    QCOMPARE(m_sim->channel(u"woo"_s)->listing(u"93"_s)->quantity, qint64(20));

    const QJsonArray mixed {QJsonObject {{u"id"_s, 93}, {u"stock_quantity"_s, 7}},
                            QJsonObject {{u"id"_s, 4242}, {u"stock_quantity"_s, 1}}};
    const Reply reply =
        call("POST", path, QJsonDocument(QJsonObject {{u"update"_s, mixed}}).toJson(),
             {{"Authorization", wooAuth()}});
    QCOMPARE(reply.status, 200);
    const QJsonArray items = reply.json.value("update"_L1).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value("stock_quantity"_L1).toInt(), 7);
    QCOMPARE(items.at(1).toObject().value("id"_L1).toInt(), 4242);
    QCOMPARE(items.at(1).toObject().value("error"_L1).toObject().value("code"_L1).toString(),
             u"woocommerce_rest_product_invalid_id"_s);
    QCOMPARE(m_sim->channel(u"woo"_s)->listing(u"93"_s)->quantity, qint64(7));
}

void TestChannelSim::ebayBulkUpdate()
{
    const QString path = u"/ebay/sell/inventory/v1/bulk_update_price_quantity"_s;
    const QList<std::pair<QByteArray, QByteArray>> auth {{"Authorization", "Bearer v^1.1#ebay"}};
    auto request = [](const QString &sku, qint64 value) {
        return QJsonObject {
            {u"sku"_s, sku},
            {u"shipToLocationAvailability"_s, QJsonObject {{u"quantity"_s, value}}}};
    };
    auto body = [](const QJsonArray &requests) {
        return QJsonDocument(QJsonObject {{u"requests"_s, requests}}).toJson();
    };

    const Reply ok = call("POST", path, body({request(u"A-1"_s, 9), request(u"A-2"_s, 2)}), auth);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json.value("responses"_L1).toArray().size(), 2);
    QCOMPARE(
        ok.json.value("responses"_L1).toArray().at(0).toObject().value("statusCode"_L1).toInt(),
        200);

    const Reply mixed =
        call("POST", path, body({request(u"A-1"_s, 8), request(u"NOPE"_s, 1)}), auth);
    QCOMPARE(mixed.status, 207);
    const QJsonObject failed = mixed.json.value("responses"_L1).toArray().at(1).toObject();
    QCOMPARE(failed.value("sku"_L1).toString(), u"NOPE"_s);
    QCOMPARE(failed.value("statusCode"_L1).toInt(), 404);
    QVERIFY(!failed.value("errors"_L1).toArray().isEmpty());
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-1"_s)->quantity, qint64(8));

    QJsonArray tooMany;
    for (int i = 0; i < 26; ++i)
        tooMany.append(request(u"A-1"_s, i));
    QCOMPARE(call("POST", path, body(tooMany), auth).status, 400);

    const Reply unauthorized =
        call("POST", path, body({request(u"A-1"_s, 1)}), {{"Authorization", "Bearer expired"}});
    QCOMPARE(unauthorized.status, 401);
    QCOMPARE(unauthorized.json.value("errors"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("errorId"_L1)
                 .toInt(),
             1001);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-1"_s)->quantity, qint64(8));
}

void TestChannelSim::ebayRevisionLimit()
{
    // Configured limit: 2 revisions per listing per calendar day (eBay's is 250).
    const QString path = u"/ebay/sell/inventory/v1/bulk_update_price_quantity"_s;
    auto revise = [&](qint64 value) {
        const QJsonObject item {
            {u"sku"_s, u"A-2"_s},
            {u"shipToLocationAvailability"_s, QJsonObject {{u"quantity"_s, value}}}};
        return call("POST", path,
                    QJsonDocument(QJsonObject {{u"requests"_s, QJsonArray {item}}}).toJson(),
                    {{"Authorization", "Bearer v^1.1#ebay"}});
    };
    m_clock->set(QDateTime(QDate(2026, 3, 1), QTime(22, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(revise(2).status, 200);
    QCOMPARE(revise(1).status, 200);
    const Reply limited = revise(0);
    QCOMPARE(limited.status, 207);
    QCOMPARE(limited.json.value("responses"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("statusCode"_L1)
                 .toInt(),
             400);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-2"_s)->quantity, qint64(1));
    m_clock->advance(3 * 3600 * 1000); // past midnight: a new day, a new allowance
    QCOMPARE(revise(0).status, 200);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-2"_s)->quantity, qint64(0));
}

void TestChannelSim::ebayOrders()
{
    const QString before = QDateTime::fromMSecsSinceEpoch(m_clock->nowMs() - 1000, Qt::UTC)
                               .toString(Qt::ISODateWithMs);
    const Reply placed =
        sim("POST", u"ebay"_s, u"orders"_s,
            {{u"order_id"_s, u"12-34567-89012"_s},
             {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"A-1"_s}, {u"quantity"_s, 2}}}}});
    QCOMPARE(placed.status, 201);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-1"_s)->quantity, qint64(8));
    m_clock->advance(5000);
    const QString after =
        QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC).toString(Qt::ISODateWithMs);
    auto fetch = [&](const QString &from) {
        QUrlQuery query;
        query.addQueryItem(u"filter"_s, u"lastmodifieddate:[%1..]"_s.arg(from));
        return call("GET",
                    u"/ebay/sell/fulfillment/v1/order?"_s + query.toString(QUrl::FullyEncoded), {},
                    {{"Authorization", "Bearer v^1.1#ebay"}});
    };
    const Reply found = fetch(before);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.json.value("total"_L1).toInt(), 1);
    const QJsonObject order = found.json.value("orders"_L1).toArray().first().toObject();
    QCOMPARE(order.value("orderId"_L1).toString(), u"12-34567-89012"_s);
    QVERIFY(!order.value("lastModifiedDate"_L1).toString().isEmpty());
    const QJsonObject line = order.value("lineItems"_L1).toArray().first().toObject();
    QCOMPARE(line.value("sku"_L1).toString(), u"A-1"_s);
    QCOMPARE(line.value("quantity"_L1).toInt(), 2);
    QVERIFY(!line.value("legacyItemId"_L1).toString().isEmpty());
    QCOMPARE(fetch(after).json.value("orders"_L1).toArray().size(), 0);
}

void TestChannelSim::amazonTokenAndPatch()
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

void TestChannelSim::amazonRateLimit()
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

void TestChannelSim::amazonOrders()
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

void TestChannelSim::faults_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QJsonObject>("faults");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter"); // expected header, empty when none

    const QJsonObject seconds {{u"errors"_s, QJsonObject {{u"429"_s, 1.0}}},
                               {u"retry_after"_s, u"seconds"_s},
                               {u"retry_after_seconds"_s, 2}};
    QTest::newRow("shopify 429 seconds") << u"shop-us"_s << seconds << 429 << "2"_ba;
    QJsonObject decimal = seconds;
    decimal.insert(u"retry_after"_s, u"decimal"_s);
    QTest::newRow("shopify 429 decimal") << u"shop-us"_s << decimal << 429 << "2.0"_ba;
    QTest::newRow("woo 503") << u"woo"_s
                             << QJsonObject {{u"errors"_s, QJsonObject {{u"503"_s, 1.0}}},
                                             {u"retry_after"_s, u"seconds"_s},
                                             {u"retry_after_seconds"_s, 7}}
                             << 503 << "7"_ba;
    QTest::newRow("ebay 500") << u"ebay"_s
                              << QJsonObject {{u"errors"_s, QJsonObject {{u"500"_s, 1.0}}}} << 500
                              << QByteArray();
    QTest::newRow("ebay 429 without Retry-After")
        << u"ebay"_s
        << QJsonObject {{u"errors"_s, QJsonObject {{u"429"_s, 1.0}}}, {u"retry_after"_s, u"none"_s}}
        << 429 << QByteArray();
    QTest::newRow("amazon auth failure is 403")
        << u"amz"_s << QJsonObject {{u"errors"_s, QJsonObject {{u"401"_s, 1.0}}}} << 403
        << QByteArray();
    QTest::newRow("shopify 401") << u"shop-us"_s
                                 << QJsonObject {{u"errors"_s, QJsonObject {{u"401"_s, 1.0}}}}
                                 << 401 << QByteArray();
    QTest::newRow("woo 404") << u"woo"_s
                             << QJsonObject {{u"errors"_s, QJsonObject {{u"404"_s, 1.0}}}} << 404
                             << QByteArray();
}

void TestChannelSim::faults()
{
    QFETCH(QString, channel);
    QFETCH(QJsonObject, faults);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);

    const QString token = channel == "amz"_L1 ? amazonToken() : QString();
    QCOMPARE(sim("POST", channel, u"faults"_s, faults).status, 200);
    // Before the fault mix, the simulator has answered only the token exchange (Amazon).
    const int callsBefore = stats(channel).value("calls"_L1).toInt();
    const Reply reply = writeOne(channel, token, 1);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Retry-After"), retryAfter);
    QVERIFY(!reply.body.isEmpty());
    const auto [remoteId, initial] = seeded(channel);
    QCOMPARE(m_sim->channel(channel)->listing(remoteId)->quantity, initial); // nothing done

    // Clearing the mix restores normal service: the same write now goes through.
    QCOMPARE(sim("POST", channel, u"faults"_s, {{u"errors"_s, QJsonObject()}}).status, 200);
    QCOMPARE(writeOne(channel, token, 1).status, 200);
    QCOMPARE(m_sim->channel(channel)->listing(remoteId)->quantity, qint64(1));
    const QJsonObject after = stats(channel);
    QCOMPARE(after.value("calls"_L1).toInt(), callsBefore + 2);
    int injected = 0;
    const QJsonObject events = after.value("events"_L1).toObject();
    for (auto it = events.begin(); it != events.end(); ++it)
        injected += it.key().startsWith("fault_"_L1) ? it.value().toInt() : 0;
    QCOMPARE(injected, 1);
}

std::pair<QString, qint64> TestChannelSim::seeded(const QString &channel) const
{
    if (channel == "shop-us"_L1)
        return {u"30322695"_s, 12};
    if (channel == "woo"_L1)
        return {u"93"_s, 20};
    if (channel == "ebay"_L1)
        return {u"A-1"_s, 10};
    return {u"B-1"_s, 30};
}

Reply TestChannelSim::writeOne(const QString &channel, const QString &amazonToken, qint64 value)
{
    if (channel == "shop-us"_L1)
        return shopify(setQuantitiesBody(u"w%1"_s.arg(value),
                                         {quantity(u"30322695"_s, value, QJsonValue::Null)}));
    if (channel == "woo"_L1)
        return call("PUT", u"/woo/wp-json/wc/v3/products/93"_s,
                    QJsonDocument(QJsonObject {{u"stock_quantity"_s, value}}).toJson(),
                    {{"Authorization", wooAuth()}});
    if (channel == "ebay"_L1) {
        const QJsonObject item {
            {u"sku"_s, u"A-1"_s},
            {u"shipToLocationAvailability"_s, QJsonObject {{u"quantity"_s, value}}}};
        return call("POST", u"/ebay/sell/inventory/v1/bulk_update_price_quantity"_s,
                    QJsonDocument(QJsonObject {{u"requests"_s, QJsonArray {item}}}).toJson(),
                    {{"Authorization", "Bearer v^1.1#ebay"}});
    }
    const QJsonObject body {
        {u"productType"_s, u"PRODUCT"_s},
        {u"patches"_s,
         QJsonArray {
             QJsonObject {{u"op"_s, u"replace"_s},
                          {u"path"_s, u"/attributes/fulfillment_availability"_s},
                          {u"value"_s,
                           QJsonArray {QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s},
                                                    {u"quantity"_s, value}}}}}}}};
    return call("PATCH",
                u"/amz/listings/2021-08-01/items/A2SELLER/B-1?marketplaceIds=ATVPDKIKX0DER"_s,
                QJsonDocument(body).toJson(), {{"x-amz-access-token", amazonToken.toUtf8()}});
}

void TestChannelSim::faultRetryAfterDate()
{
    m_clock->set(QDateTime(QDate(2026, 10, 21), QTime(7, 28, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(sim("POST", u"woo"_s, u"faults"_s,
                 {{u"errors"_s, QJsonObject {{u"429"_s, 1.0}}},
                  {u"retry_after"_s, u"date"_s},
                  {u"retry_after_seconds"_s, 120}})
                 .status,
             200);
    const Reply reply = call("PUT", u"/woo/wp-json/wc/v3/products/93"_s, R"({"stock_quantity":1})",
                             {{"Authorization", wooAuth()}});
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.header("Retry-After"), "Wed, 21 Oct 2026 07:30:00 GMT"_ba);
    const QDateTime parsed = QLocale::c().toDateTime(
        QString::fromLatin1(reply.header("Retry-After")), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
    QCOMPARE(QDateTime(parsed.date(), parsed.time(), Qt::UTC).toMSecsSinceEpoch(),
             m_clock->nowMs() + 120'000);
    QCOMPARE(reply.json.value("data"_L1).toObject().value("status"_L1).toInt(), 429);
}

void TestChannelSim::faultTimeout()
{
    QCOMPARE(sim("POST", u"ebay"_s, u"faults"_s, {{u"errors"_s, QJsonObject {{u"timeout"_s, 1.0}}}})
                 .status,
             200);
    QElapsedTimer elapsed;
    elapsed.start();
    const Reply reply = call("GET", u"/ebay/sell/inventory/v1/inventory_item/A-1"_s, {},
                             {{"Authorization", "Bearer v^1.1#ebay"}}, 300);
    QCOMPARE(reply.status, -1); // never answered: the client gave up
    QVERIFY2(reply.error == QNetworkReply::OperationCanceledError ||
                 reply.error == QNetworkReply::TimeoutError,
             qPrintable(QString::number(reply.error)));
    QVERIFY(elapsed.elapsed() >= 250);
    QCOMPARE(stats(u"ebay"_s).value("events"_L1).toObject().value("fault_timeout"_L1).toInt(), 1);
}

void TestChannelSim::faultReset()
{
    QCOMPARE(
        sim("POST", u"woo"_s, u"faults"_s, {{u"errors"_s, QJsonObject {{u"reset"_s, 1.0}}}}).status,
        200);
    const Reply reply = call("PUT", u"/woo/wp-json/wc/v3/products/93"_s, R"({"stock_quantity":1})",
                             {{"Authorization", wooAuth()}});
    QCOMPARE(reply.status, -1);
    QVERIFY2(reply.error == QNetworkReply::RemoteHostClosedError ||
                 reply.error == QNetworkReply::UnknownNetworkError,
             qPrintable(QString::number(reply.error)));
    QCOMPARE(m_sim->channel(u"woo"_s)->listing(u"93"_s)->quantity, qint64(20));
    QVERIFY(stats(u"woo"_s).value("events"_L1).toObject().value("fault_reset"_L1).toInt() >= 1);
}

void TestChannelSim::faultLostResponse()
{
    QCOMPARE(sim("POST", u"shop-us"_s, u"faults"_s,
                 {{u"errors"_s, QJsonObject {{u"lost_response"_s, 1.0}}}})
                 .status,
             200);
    const QByteArray push = setQuantitiesBody(u"lost-1"_s, {quantity(u"30322695"_s, 3, 12)});
    QCOMPARE(shopify(push, kShopToken, 300).status, -1); // the client gives up
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322695"_s)->quantity, qint64(3));
    // The client retries with the same key once the channel answers again: replayed, not redone.
    QCOMPARE(sim("POST", u"shop-us"_s, u"faults"_s, {{u"errors"_s, QJsonObject()}}).status, 200);
    const Reply retried = shopify(push);
    QVERIFY(userErrorsOf(retried).value("userErrors"_L1).toArray().isEmpty());
    QCOMPARE(
        stats(u"shop-us"_s).value("events"_L1).toObject().value("idempotent_replays"_L1).toInt(),
        1);
}

void TestChannelSim::latency()
{
    QCOMPARE(sim("POST", u"woo"_s, u"faults"_s, {{u"latency_ms"_s, 200}}).status, 200);
    QElapsedTimer elapsed;
    elapsed.start();
    const Reply reply =
        call("GET", u"/woo/wp-json/wc/v3/products/93"_s, {}, {{"Authorization", wooAuth()}});
    QCOMPARE(reply.status, 200);
    QVERIFY2(elapsed.elapsed() >= 190, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(sim("GET", u"woo"_s, u"faults"_s).json.value("latency_ms"_L1).toInt(), 200);
}

void TestChannelSim::faultsValidation()
{
    const QList<QJsonObject> bad {{{u"errors"_s, QJsonObject {{u"429"_s, 1.5}}}},
                                  {{u"errors"_s, QJsonObject {{u"429"_s, 0.6}, {u"500"_s, 0.6}}}},
                                  {{u"errors"_s, QJsonObject {{u"418"_s, 0.1}}}},
                                  {{u"retry_after"_s, u"tomorrow"_s}},
                                  {{u"latency_ms"_s, -1}},
                                  {{u"rate_limit"_s, QJsonObject {{u"throttled_status"_s, 500}}}},
                                  {{u"surprise"_s, 1}}};
    for (const QJsonObject &faults : bad) {
        const Reply reply = sim("POST", u"shop-us"_s, u"faults"_s, faults);
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.json.value("error"_L1).toString().isEmpty());
    }
    QCOMPARE(sim("GET", u"shop-us"_s, u"faults"_s)
                 .json.value("errors"_L1)
                 .toObject()
                 .value("429"_L1)
                 .toDouble(),
             0.0);
    QCOMPARE(sim("GET", u"nope"_s, u"faults"_s).status, 404);
}

void TestChannelSim::listingsEndpoint()
{
    Reply reply = sim("GET", u"woo"_s, u"listings"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value("93"_L1).toObject().value("quantity"_L1).toInt(), 20);
    QCOMPARE(reply.json.value("93"_L1).toObject().value("status"_L1).toString(), u"active"_s);
    QCOMPARE(reply.json.value("95"_L1).toObject().value("status"_L1).toString(), u"paused"_s);

    reply = sim("POST", u"woo"_s, u"listings"_s,
                {{u"93"_s, 0}, {u"96"_s, QJsonObject {{u"quantity"_s, 2}, {u"sku"_s, u"NEW"_s}}}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value("93"_L1).toObject().value("status"_L1).toString(), u"paused"_s);
    QCOMPARE(reply.json.value("96"_L1).toObject().value("quantity"_L1).toInt(), 2);
    // The seeded product is a real product of the simulated API now.
    QCOMPARE(call("GET", u"/woo/wp-json/wc/v3/products/96"_s, {}, {{"Authorization", wooAuth()}})
                 .json.value("sku"_L1)
                 .toString(),
             u"NEW"_s);

    QCOMPARE(sim("POST", u"woo"_s, u"listings"_s, {{u"97"_s, u"lots"_s}}).status, 400);
    QVERIFY(!sim("GET", u"woo"_s, u"listings"_s).json.contains("97"_L1));
}

void TestChannelSim::ordersRejected()
{
    auto order = [&](const QString &id, const QJsonObject &line) {
        return sim("POST", u"ebay"_s, u"orders"_s,
                   {{u"order_id"_s, id}, {u"lines"_s, QJsonArray {line}}});
    };
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"A-2"_s}, {u"quantity"_s, 4}}).status, 409); // 3 left
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"NOPE"_s}, {u"quantity"_s, 1}}).status, 404);
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"A-2"_s}, {u"quantity"_s, 0}}).status, 400);
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"A-2"_s}, {u"quantity"_s, 3}}).status, 201);
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"A-1"_s}, {u"quantity"_s, 1}}).status, 409); // repeat id
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-2"_s)->quantity, qint64(0));
    QCOMPARE(sim("GET", u"ebay"_s, u"listings"_s)
                 .json.value("A-2"_L1)
                 .toObject()
                 .value("status"_L1)
                 .toString(),
             u"paused"_s);
}

void TestChannelSim::shopifyOrderWebhook()
{
    const Reply placed =
        sim("POST", u"shop-us"_s, u"orders"_s,
            {{u"order_id"_s, u"5001"_s},
             {u"lines"_s,
              QJsonArray {QJsonObject {{u"sku"_s, u"MUG-RED"_s}, {u"quantity"_s, 2}},
                          QJsonObject {{u"remote_id"_s, u"30322695"_s}, {u"quantity"_s, 1}}}}});
    QCOMPARE(placed.status, 201);
    QCOMPARE(placed.json.value("order_id"_L1).toString(), u"5001"_s);
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322696"_s)->quantity, qint64(3));
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322695"_s)->quantity, qint64(11));

    QTRY_COMPARE(m_received.size(), 1);
    const Received &hook = m_received.first();
    const QByteArray expected =
        QMessageAuthenticationCode::hash(hook.body, kShopSecret, QCryptographicHash::Sha256)
            .toBase64();
    QCOMPARE(hook.headers.value("x-shopify-hmac-sha256"), expected);
    QVERIFY(QMessageAuthenticationCode::hash(hook.body, "other-secret", QCryptographicHash::Sha256)
                .toBase64() != hook.headers.value("x-shopify-hmac-sha256"));
    QCOMPARE(hook.headers.value("x-shopify-topic"), "orders/create"_ba);
    QCOMPARE(hook.headers.value("x-shopify-shop-domain"), "shop-us.myshopify.com"_ba);
    QCOMPARE(hook.headers.value("x-shopify-api-version"), "2026-07"_ba);
    QVERIFY(!hook.headers.value("x-shopify-webhook-id").isEmpty());
    QVERIFY(!hook.headers.value("x-shopify-event-id").isEmpty());
    QVERIFY(!hook.headers.value("x-shopify-triggered-at").isEmpty());

    const QJsonObject body = QJsonDocument::fromJson(hook.body).object();
    QCOMPARE(body.value("id"_L1).toInteger(), 5001);
    QCOMPARE(body.value("financial_status"_L1).toString(), u"paid"_s);
    QVERIFY(body.value("name"_L1).toString().startsWith(u'#'));
    const QJsonArray lines = body.value("line_items"_L1).toArray();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).toObject().value("sku"_L1).toString(), u"MUG-RED"_s);
    QCOMPARE(lines.at(0).toObject().value("variant_id"_L1).toInteger(), 777);
    QCOMPARE(lines.at(0).toObject().value("quantity"_L1).toInt(), 2);
    QCOMPARE(lines.at(1).toObject().value("variant_id"_L1).toInteger(), 30322695);
    QVERIFY(lines.at(1).toObject().value("price"_L1).isString());
}

void TestChannelSim::wooOrderWebhook()
{
    const Reply placed =
        sim("POST", u"woo"_s, u"orders"_s,
            {{u"order_id"_s, u"web-17"_s},
             {u"deliveries"_s, 3},
             {u"lines"_s,
              QJsonArray {QJsonObject {{u"remote_id"_s, u"94/101"_s}, {u"quantity"_s, 2}}}}});
    QCOMPARE(placed.status, 201);
    const QString orderId = placed.json.value("order_id"_L1).toString();
    QTRY_COMPARE(m_received.size(), 3);
    QSet<QByteArray> deliveryIds;
    for (const Received &hook : std::as_const(m_received)) {
        QCOMPARE(hook.headers.value("x-wc-webhook-signature"),
                 QMessageAuthenticationCode::hash(hook.body, kWooSecret, QCryptographicHash::Sha256)
                     .toBase64());
        QCOMPARE(hook.headers.value("x-wc-webhook-topic"), "order.created"_ba);
        QCOMPARE(hook.headers.value("x-wc-webhook-resource"), "order"_ba);
        QCOMPARE(hook.headers.value("x-wc-webhook-event"), "created"_ba);
        QVERIFY(!hook.headers.value("x-wc-webhook-id").isEmpty());
        QVERIFY(hook.headers.value("x-wc-webhook-source").startsWith("https://woo.example"));
        deliveryIds.insert(hook.headers.value("x-wc-webhook-delivery-id"));
        QCOMPARE(hook.body, m_received.first().body); // the same order, redelivered
    }
    QCOMPARE(deliveryIds.size(), 3);
    const QJsonObject body = QJsonDocument::fromJson(m_received.first().body).object();
    QCOMPARE(QString::number(body.value("id"_L1).toInteger()), orderId);
    QCOMPARE(body.value("status"_L1).toString(), u"processing"_s);
    const QJsonObject line = body.value("line_items"_L1).toArray().first().toObject();
    QCOMPARE(line.value("product_id"_L1).toInt(), 94);
    QCOMPARE(line.value("variation_id"_L1).toInt(), 101);
    QCOMPARE(line.value("quantity"_L1).toInt(), 2);
    QCOMPARE(m_sim->channel(u"woo"_s)->listing(u"94/101"_s)->quantity, qint64(6));
}

void TestChannelSim::webhookRetry()
{
    m_receiverStatuses = {500, 503};
    QSignalSpy attempts(m_sim->channel(u"shop-us"_s), &SimChannel::webhookDelivered);
    QCOMPARE(
        sim("POST", u"shop-us"_s, u"orders"_s,
            {{u"order_id"_s, u"7"_s},
             {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"MUG-RED"_s}, {u"quantity"_s, 1}}}}})
            .status,
        201);
    QTRY_COMPARE(attempts.size(), 3);
    QCOMPARE(attempts.at(0).at(2).toInt(), 500);
    QCOMPARE(attempts.at(1).at(2).toInt(), 503);
    QCOMPARE(attempts.at(2).at(3).toBool(), true);
    QCOMPARE(m_received.size(), 3);
    // Retries carry the same webhook id and body.
    QCOMPARE(m_received.at(2).headers.value("x-shopify-webhook-id"),
             m_received.at(0).headers.value("x-shopify-webhook-id"));
    QCOMPARE(m_received.at(2).body, m_received.at(0).body);
    const QJsonObject events = stats(u"shop-us"_s).value("events"_L1).toObject();
    QCOMPARE(events.value("webhook_attempts"_L1).toInt(), 3);
    QCOMPARE(events.value("webhook_delivered"_L1).toInt(), 1);
}

void TestChannelSim::statsRecordWrites()
{
    QCOMPARE(shopify(setQuantitiesBody(u"v1"_s, {quantity(u"30322695"_s, 10, 12)})).status, 200);
    m_clock->advance(10);
    QCOMPARE(shopify(setQuantitiesBody(u"v2"_s, {quantity(u"30322695"_s, 9, 99)})).status, 200);
    m_clock->advance(10);
    QCOMPARE(shopify(setQuantitiesBody(u"v3"_s, {quantity(u"30322695"_s, 8, 10)})).status, 200);

    const QJsonObject all = stats(u"shop-us"_s);
    QCOMPARE(all.value("calls"_L1).toInt(), 3);
    QCOMPARE(all.value("write_count"_L1).toInt(), 3);
    const QJsonArray writes = all.value("writes"_L1).toObject().value("30322695"_L1).toArray();
    QCOMPARE(writes.size(), 3);
    QCOMPARE(writes.at(0).toObject().value("key"_L1).toString(), u"v1"_s);
    QCOMPARE(writes.at(0).toObject().value("applied"_L1).toBool(), true);
    QCOMPARE(writes.at(1).toObject().value("error"_L1).toString(), u"CHANGE_FROM_QUANTITY_STALE"_s);
    QCOMPARE(writes.at(2).toObject().value("quantity"_L1).toInt(), 8);
    QCOMPARE(writes.at(2).toObject().value("previous"_L1).toInt(), 10);
    QCOMPARE(writes.at(2).toObject().value("at_ms"_L1).toInteger() -
                 writes.at(0).toObject().value("at_ms"_L1).toInteger(),
             20);

    QCOMPARE(sim("DELETE", u"shop-us"_s, u"stats"_s).status, 200);
    QCOMPARE(stats(u"shop-us"_s).value("calls"_L1).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestChannelSim)
#include "tst_channelsim.moc"
