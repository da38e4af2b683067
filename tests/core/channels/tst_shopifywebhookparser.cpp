#include "channels/shopify/shopifywebhookparser.h"
#include "eventtext.h"
#include "webhooktest.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using ChannelDesk::WebhookTest::sign;

namespace ChannelDesk {

namespace {

const QByteArray kSecret = "shopify-app-secret";
const QByteArray kOldSecret = "shopify-app-secret-before-rotation";

// An orders/create payload, trimmed from Shopify's sample: the id exceeds 2^53 on purpose.
const QByteArray kOrder = R"({"id":820982911946154508,"name":"#1001","financial_status":"paid",
"line_items":[
 {"id":866550311766439020,"variant_id":808950810,"product_id":632910392,"sku":"IPOD-342-N","quantity":2,"title":"IPod Nano","price":"199.00"},
 {"id":141249953214522974,"variant_id":49148385,"product_id":632910392,"sku":null,"quantity":1,"title":"IPod Nano - Red","price":"199.00"},
 {"id":141249953214522975,"variant_id":null,"product_id":null,"sku":"","quantity":1,"title":"Deleted","price":"1.00"}
],
"shipping_address":{"first_name":"Steve","address1":"123 Shipping Street","phone":"555-555-SHIP","city":"Shippington","zip":"40003","province":"Kentucky","country":"United States","last_name":"Shipper","address2":null,"company":"Shipping Company","latitude":null,"longitude":null,"name":"Steve Shipper","country_code":"US","province_code":"KY"}
})";

const WebhookTest::Channel kShopify {
    "x-shopify-hmac-sha256",
    "x-shopify-topic",
    "orders/create",
    {{"x-shopify-webhook-id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"},
     {"x-shopify-shop-domain", "shop-us.myshopify.com"}}};

} // namespace

class TestShopifyWebhookParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesASignedOrder();
    void acceptsThePreviousSecretDuringRotation();
    void signature_data();
    void signature();
    void lifecycleTopics_data();
    void lifecycleTopics();
    void sampleOrderCancelledAtCreation();
    void otherTopicsAreIgnored_data();
    void otherTopicsAreIgnored();
    void malformed_data();
    void malformed();
    void shipTo_data();
    void shipTo();
};

void TestShopifyWebhookParser::parsesASignedOrder()
{
    const ShopifyWebhookParser parser;
    const WebhookResult result =
        parser.parse(kShopify.request(kOrder, sign(kOrder, kSecret)), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::Order);
    QCOMPARE(result.orderId, u"820982911946154508"_s);
    QCOMPARE(result.deliveryId, u"b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"_s);
    QCOMPARE(result.events.value(0).lines.size(), 3);
    QCOMPARE(result.events.value(0).lines.at(0).sku, u"IPOD-342-N"_s);
    QCOMPARE(result.events.value(0).lines.at(0).quantity, 2);
    QCOMPARE(result.events.value(0).lines.at(0).remoteId, u"808950810"_s); // the variant
    QCOMPARE(result.events.value(0).lines.at(0).lineId, u"866550311766439020"_s);
    // sku null: the variant id names the listing.
    QVERIFY(result.events.value(0).lines.at(1).sku.isEmpty());
    QCOMPARE(result.events.value(0).lines.at(1).remoteId, u"49148385"_s);
    QCOMPARE(result.events.value(0).lines.at(1).quantity, 1);
    // Neither: kept, and said so for the alert.
    QVERIFY(result.events.value(0).lines.at(2).sku.isEmpty());
    QVERIFY(result.events.value(0).lines.at(2).remoteId.isEmpty());
    QVERIFY(result.message.contains(u"line_items[2]"_s));
}

void TestShopifyWebhookParser::acceptsThePreviousSecretDuringRotation()
{
    const ShopifyWebhookParser parser;
    const QList<QByteArray> secrets = {kSecret, kOldSecret};
    QCOMPARE(parser.parse(kShopify.request(kOrder, sign(kOrder, kOldSecret)), secrets).kind,
             WebhookResult::Kind::Order);
    QCOMPARE(parser.parse(kShopify.request(kOrder, sign(kOrder, kSecret)), secrets).kind,
             WebhookResult::Kind::Order);
    // Once the old secret is dropped from the list, its signatures fail.
    QCOMPARE(parser.parse(kShopify.request(kOrder, sign(kOrder, kOldSecret)), {kSecret}).kind,
             WebhookResult::Kind::BadSignature);
}

void TestShopifyWebhookParser::signature_data()
{
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("other secret") << sign(kOrder, "someone-else");
    QTest::newRow("other body") << sign(
        QByteArray(kOrder).replace("\"quantity\":2", "\"quantity\":1"), kSecret);
    QTest::newRow("not base64") << QByteArray("!!!not-base64!!!");
    QTest::newRow("hex instead of base64")
        << QMessageAuthenticationCode::hash(kOrder, kSecret, QCryptographicHash::Sha256).toHex();
    QTest::newRow("truncated") << sign(kOrder, kSecret).left(20);
}

void TestShopifyWebhookParser::signature()
{
    QFETCH(QByteArray, signature);
    const ShopifyWebhookParser parser;
    const WebhookResult result = parser.parse(kShopify.request(kOrder, signature), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::BadSignature);
    QVERIFY(result.orderId.isEmpty());
    QVERIFY(result.events.value(0).lines.isEmpty());
}

namespace {
QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(CHANNEL_FIXTURES) + u"/shopify/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

} // namespace

void TestShopifyWebhookParser::lifecycleTopics_data()
{
    QTest::addColumn<QByteArray>("topic");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("events");
    QTest::newRow("orders/create")
        << QByteArray("orders/create") << u"orders_create.json"_s
        << QStringList {
               u"sale 450789469  466157049:SHOP-A:39072856:2 518995019:SHOP-B:49148385:1"_s};
    QTest::newRow("refunds/create, restock_type return")
        << QByteArray("refunds/create") << u"refunds_create_return.json"_s
        << QStringList {u"refund 450789469 509562969 466157049:SHOP-A:39072856:1"_s};
    // Its refunds (the one refunds/create delivered already, and the cancel's own: cancel
    // restocks, no_restock does not), then the cancel.
    QTest::newRow("orders/cancelled")
        << QByteArray("orders/cancelled") << u"orders_cancelled.json"_s
        << QStringList {u"refund 450789469 509562969 466157049:SHOP-A:39072856:1"_s,
                        u"refund 450789469 509562970 466157049:SHOP-A:39072856:1 "
                        u"518995019:SHOP-B:49148385:1:no_restock"_s,
                        u"cancel 450789469 "_s};
    // By line id with a delta; the added line 707070707 is named by nothing else.
    QTest::newRow("orders/edited")
        << QByteArray("orders/edited") << u"orders_edited.json"_s
        << QStringList {u"edit 450789469 78912328 delta 466157049:::1 707070707:::2 "
                        u"518995019:::-1"_s};
    QTest::newRow("fulfillments/create")
        << QByteArray("fulfillments/create") << u"fulfillments_create.json"_s
        << QStringList {u"ship 450789469 255858046 466157049:SHOP-A:39072856:1"_s};
}

void TestShopifyWebhookParser::lifecycleTopics()
{
    QFETCH(QByteArray, topic);
    QFETCH(QString, file);
    QFETCH(QStringList, events);
    const QByteArray body = fixture(file);
    const ShopifyWebhookParser parser;
    const WebhookResult result =
        parser.parse(kShopify.request(body, sign(body, kSecret), topic), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::Order);
    QCOMPARE(result.orderId, u"450789469"_s);
    QCOMPARE(Test::describe(result.events), events);
    for (OrderEvent e : result.events) {
        e.channel = u"shop"_s;
        QCOMPARE(e.validationError(), QString());
    }
}

void TestShopifyWebhookParser::sampleOrderCancelledAtCreation()
{
    // Shopify's own sample orders/create payload (#9999) arrives cancelled and voided.
    const QByteArray body = fixture(u"orders_create_sample_9999.json"_s);
    const ShopifyWebhookParser parser;
    const WebhookResult result =
        parser.parse(kShopify.request(body, sign(body, kSecret), "orders/create"), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::Order);
    QCOMPARE(result.events.size(), 1);
    QVERIFY(result.events.constFirst().cancelled);
    QCOMPARE(result.events.constFirst().lines.size(), 2);
    QVERIFY(!ShopifyWebhookParser()
                 .parse(kShopify.request(kOrder, sign(kOrder, kSecret)), {kSecret})
                 .events.constFirst()
                 .cancelled);
}

void TestShopifyWebhookParser::otherTopicsAreIgnored_data()
{
    QTest::addColumn<QByteArray>("topic");
    QTest::newRow("orders/paid") << QByteArray("orders/paid");
    QTest::newRow("orders/updated") << QByteArray("orders/updated");
    QTest::newRow("products/update") << QByteArray("products/update");
}

void TestShopifyWebhookParser::otherTopicsAreIgnored()
{
    QFETCH(QByteArray, topic);
    const ShopifyWebhookParser parser;
    const WebhookResult result =
        parser.parse(kShopify.request(kOrder, sign(kOrder, kSecret), topic), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::Ignored);
    // ...but only once signed.
    QCOMPARE(parser.parse(kShopify.request(kOrder, sign(kOrder, "x"), topic), {kSecret}).kind,
             WebhookResult::Kind::BadSignature);
}

void TestShopifyWebhookParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QString notJson = u"body is not a JSON object"_s;
    const QString noId = u"id: missing or not an integer"_s;
    const QString noLines = u"line_items: missing or empty"_s;
    const QString badQuantity = u"line_items[0].quantity: missing or not a positive integer"_s;
    QTest::newRow("not json") << QByteArray("id=1&line_items=2") << notJson;
    QTest::newRow("array") << QByteArray("[1,2]") << notJson;
    QTest::newRow("truncated") << QByteArray(R"({"id":1,"line_items":[{"sku":"A","quantity":1})")
                               << notJson;
    QTest::newRow("no id") << QByteArray(R"({"line_items":[{"sku":"A","quantity":1}]})") << noId;
    QTest::newRow("fractional id")
        << QByteArray(R"({"id":1.5,"line_items":[{"sku":"A","quantity":1}]})") << noId;
    QTest::newRow("negative id") << QByteArray(
                                        R"({"id":-1.5,"line_items":[{"sku":"A","quantity":1}]})")
                                 << noId;
    QTest::newRow("no lines") << QByteArray(R"({"id":1,"line_items":[]})") << noLines;
    QTest::newRow("lines not array")
        << QByteArray(R"({"id":1,"line_items":{"sku":"A"}})") << noLines;
    QTest::newRow("zero quantity")
        << QByteArray(R"({"id":1,"line_items":[{"sku":"A","quantity":0}]})") << badQuantity;
    QTest::newRow("text quantity")
        << QByteArray(R"({"id":1,"line_items":[{"sku":"A","quantity":"2"}]})") << badQuantity;
    QTest::newRow("negative quantity")
        << QByteArray(R"({"id":1,"line_items":[{"sku":"A","quantity":-3}]})") << badQuantity;
    // A whole quantity over Quantity::kMaxOrderLine parses: the event's validation refuses it,
    // the same for webhooks, polls and the CLI
    // (tst_channelwebhooks::hugeQuantityIsRecordedInvalid).
    QTest::newRow("quantity past 2^63")
        << QByteArray(R"({"id":1,"line_items":[{"sku":"A","quantity":1e30}]})") << badQuantity;
    QTest::newRow("line not an object")
        << QByteArray(R"({"id":1,"line_items":[7]})") << badQuantity;
    QTest::newRow("sku a number") << QByteArray(
                                         R"({"id":1,"line_items":[{"sku":42,"quantity":1}]})")
                                  << u"line_items[0].sku: not a string"_s;
    QTest::newRow("id an object")
        << QByteArray(R"({"id":{"n":1},"line_items":[{"sku":"A","quantity":1}]})") << noId;
    QTest::newRow("empty body") << QByteArray() << notJson;
}

void TestShopifyWebhookParser::malformed()
{
    QFETCH(QByteArray, body);
    const ShopifyWebhookParser parser;
    const WebhookResult result =
        parser.parse(kShopify.request(body, sign(body, kSecret)), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::BadRequest);
    QTEST(result.message, "message");
    QVERIFY(result.events.isEmpty());
}

void TestShopifyWebhookParser::shipTo_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("hasShipTo");
    QTest::addColumn<QString>("postalCode");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("city");

    QTest::newRow("sample") << kOrder << true << u"40003"_s << u"US"_s << u"Shippington"_s;
    QTest::newRow("nothing to ship")
        << QByteArray(R"({"id":2,"line_items":[{"sku":"A","quantity":1}],"shipping_address":null})")
        << false << QString() << QString() << QString();
    QTest::newRow("no address key")
        << QByteArray(R"({"id":3,"line_items":[{"sku":"A","quantity":1}]})") << false << QString()
        << QString() << QString();
    QTest::newRow("padded, lower case") << QByteArray(
                                               R"({"id":4,"line_items":[{"sku":"A","quantity":1}],
            "shipping_address":{"zip":" M5V 2T6 ","country_code":"ca","city":"Toronto"}})")
                                        << true << u"M5V 2T6"_s << u"CA"_s << u"Toronto"_s;
}

void TestShopifyWebhookParser::shipTo()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, hasShipTo);
    const ShopifyWebhookParser parser;
    const WebhookResult result =
        parser.parse(kShopify.request(body, sign(body, kSecret)), {kSecret});
    WebhookTest::verifyShipTo(result, hasShipTo);
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestShopifyWebhookParser)
#include "tst_shopifywebhookparser.moc"
