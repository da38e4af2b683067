// The simulated Shopify Admin GraphQL API over loopback HTTP: inventorySetQuantities with
// changeFromQuantity, idempotent replays, the cost bucket, reading a level, and order webhooks.
#include "simfixture.h"

#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestShopifySim : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void shopifySetQuantities_data();
    void shopifySetQuantities();
    void shopifyIdempotentReplay();
    void shopifyCostBucket_data();
    void shopifyCostBucket();
    void shopifyReadLevel();
    void shopifyOrderWebhook();
};

void TestShopifySim::shopifySetQuantities_data()
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

void TestShopifySim::shopifySetQuantities()
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

void TestShopifySim::shopifyIdempotentReplay()
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

void TestShopifySim::shopifyCostBucket_data()
{
    QTest::addColumn<int>("throttledStatus");
    QTest::newRow("200") << 200;
    QTest::newRow("429") << 429;
}

void TestShopifySim::shopifyCostBucket()
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

void TestShopifySim::shopifyReadLevel()
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

void TestShopifySim::shopifyOrderWebhook()
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

QTEST_GUILESS_MAIN(TestShopifySim)
#include "tst_shopifysim.moc"
