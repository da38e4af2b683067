#include "channels/woocommerce/woowebhookparser.h"
#include "webhooktest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using ChannelDesk::WebhookTest::sign;

namespace ChannelDesk {

namespace {

const QByteArray kSecret = "wc-webhook-secret";

// The order of WooCommerce's REST docs (trimmed); shipping is the docs' sample address unless
// the caller gives another.
QByteArray order(const QByteArray &status,
                 const QJsonValue &shipping = QJsonObject {{u"first_name"_s, u"John"_s},
                                                           {u"last_name"_s, u"Doe"_s},
                                                           {u"company"_s, u""_s},
                                                           {u"address_1"_s, u"969 Market"_s},
                                                           {u"address_2"_s, u""_s},
                                                           {u"city"_s, u"San Francisco"_s},
                                                           {u"state"_s, u"CA"_s},
                                                           {u"postcode"_s, u"94103"_s},
                                                           {u"country"_s, u"US"_s}})
{
    auto line = [](int id, const QString &name, int product, int variation, int quantity,
                   const QJsonValue &sku) {
        return QJsonObject {{u"id"_s, id},
                            {u"name"_s, name},
                            {u"product_id"_s, product},
                            {u"variation_id"_s, variation},
                            {u"quantity"_s, quantity},
                            {u"sku"_s, sku},
                            {u"price"_s, 3}};
    };
    const QJsonObject body {
        {u"id"_s, 727},
        {u"parent_id"_s, 0},
        {u"number"_s, u"727"_s},
        {u"status"_s, QString::fromLatin1(status)},
        {u"currency"_s, u"USD"_s},
        {u"line_items"_s,
         QJsonArray {line(315, u"Woo Single #1"_s, 93, 0, 2, u"WOO-S1"_s),
                     line(316, u"Ship Your Idea - Color: Black"_s, 22, 23, 1, u""_s),
                     line(317, u"No SKU simple"_s, 41, 0, 3, QJsonValue(QJsonValue::Null))}},
        {u"shipping"_s, shipping},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

const WebhookTest::Channel kWoo {"x-wc-webhook-signature",
                                 "x-wc-webhook-topic",
                                 "order.created",
                                 {{"x-wc-webhook-delivery-id", "d41d8cd98f00b204e9800998ecf8427e"},
                                  {"x-wc-webhook-source", "https://woo.example/"}}};

} // namespace

class TestWooWebhookParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesASignedOrder();
    void status_data();
    void status();
    void refundsAreNamedForReading_data();
    void refundsAreNamedForReading();
    void pingIsIgnored();
    void badSignature_data();
    void badSignature();
    void previousSecretAccepted();
    void otherTopicIgnored();
    void malformed_data();
    void malformed();
    void shipTo_data();
    void shipTo();
};

void TestWooWebhookParser::parsesASignedOrder()
{
    const WooWebhookParser parser;
    const QByteArray body = order("processing");
    const WebhookResult result = parser.parse(kWoo.request(body, sign(body, kSecret)), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::Order);
    QCOMPARE(result.orderId, u"727"_s);
    QCOMPARE(result.deliveryId, u"d41d8cd98f00b204e9800998ecf8427e"_s);
    QCOMPARE(result.events.value(0).lines.size(), 3);
    QCOMPARE(result.events.value(0).lines.at(0).sku, u"WOO-S1"_s);
    QCOMPARE(result.events.value(0).lines.at(0).quantity, 2);
    QVERIFY(result.events.value(0).lines.at(1).sku.isEmpty());
    QCOMPARE(result.events.value(0).lines.at(1).remoteId, u"22/23"_s); // the variation's remote id
    QCOMPARE(result.events.value(0).lines.at(2).remoteId, u"41"_s);
    QCOMPARE(result.events.value(0).lines.at(2).quantity, 3);
}

void TestWooWebhookParser::status_data()
{
    // WooCommerce's stock rules: taken at processing, on-hold, completed; given back at
    // cancelled, failed, pending (only by an order that took it: onlyForKnownOrder).
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QByteArray>("topic");
    QTest::addColumn<WebhookResult::Kind>("kind");
    QTest::addColumn<QString>("event"); // the event it becomes, empty for none
    QTest::newRow("processing") << QByteArray("processing") << QByteArray("order.created")
                                << WebhookResult::Kind::Order << u"sale"_s;
    QTest::newRow("on-hold") << QByteArray("on-hold") << QByteArray("order.created")
                             << WebhookResult::Kind::Order << u"sale"_s;
    QTest::newRow("updated to processing")
        << QByteArray("processing") << QByteArray("order.updated") << WebhookResult::Kind::Order
        << u"sale"_s;
    QTest::newRow("completed") << QByteArray("completed") << QByteArray("order.updated")
                               << WebhookResult::Kind::Order << u"sale"_s;
    QTest::newRow("pending") << QByteArray("pending") << QByteArray("order.created")
                             << WebhookResult::Kind::Order << u"cancel"_s;
    QTest::newRow("failed") << QByteArray("failed") << QByteArray("order.updated")
                            << WebhookResult::Kind::Order << u"cancel"_s;
    QTest::newRow("cancelled") << QByteArray("cancelled") << QByteArray("order.updated")
                               << WebhookResult::Kind::Order << u"cancel"_s;
    QTest::newRow("refunded") << QByteArray("refunded") << QByteArray("order.updated")
                              << WebhookResult::Kind::Ignored << QString();
    QTest::newRow("checkout-draft") << QByteArray("checkout-draft") << QByteArray("order.created")
                                    << WebhookResult::Kind::Ignored << QString();
}

void TestWooWebhookParser::status()
{
    QFETCH(QByteArray, status);
    QFETCH(QByteArray, topic);
    QFETCH(WebhookResult::Kind, kind);
    QFETCH(QString, event);
    const WooWebhookParser parser;
    const QByteArray body = order(status);
    const WebhookResult result =
        parser.parse(kWoo.request(body, sign(body, kSecret), topic), {kSecret});
    QCOMPARE(result.kind, kind);
    QCOMPARE(result.orderId, u"727"_s);
    QCOMPARE(result.events.size(), event.isEmpty() ? 0 : 1);
    if (event.isEmpty())
        return;
    const OrderEvent &e = result.events.constFirst();
    QCOMPARE(eventKindName(e.kind), event);
    QCOMPARE(e.orderId, u"727"_s);
    // A sale lists its lines; a cancel gives back all the order holds, and only if it took.
    QCOMPARE(e.lines.isEmpty(), event == "cancel"_L1);
    QCOMPARE(result.onlyForKnownOrder, event == "cancel"_L1);
}

void TestWooWebhookParser::refundsAreNamedForReading_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QStringList>("toRead");
    QTest::newRow("completed") << QByteArray("completed") << QStringList {u"55"_s, u"56"_s};
    QTest::newRow("refunded") << QByteArray("refunded") << QStringList {u"55"_s, u"56"_s};
    // A cancel gives back everything the order holds: nothing left for a refund to restock.
    QTest::newRow("cancelled") << QByteArray("cancelled") << QStringList();
}

void TestWooWebhookParser::refundsAreNamedForReading()
{
    QFETCH(QByteArray, status);
    QFETCH(QStringList, toRead);
    QJsonObject object = QJsonDocument::fromJson(order(status)).object();
    object.insert(
        u"refunds"_s,
        QJsonArray {QJsonObject {{u"id"_s, 55}, {u"reason"_s, u""_s}, {u"total"_s, u"-5.00"_s}},
                    QJsonObject {{u"id"_s, 56}, {u"reason"_s, u""_s}, {u"total"_s, u"-1.00"_s}}});
    const QByteArray body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const WooWebhookParser parser;
    const WebhookResult result =
        parser.parse(kWoo.request(body, sign(body, kSecret), "order.updated"), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::Order);
    QCOMPARE(result.refundsToRead, toRead);
}

void TestWooWebhookParser::pingIsIgnored()
{
    const WooWebhookParser parser;
    WebhookRequest ping;
    ping.body = "webhook_id=15";
    ping.headers.insert("content-type", "application/x-www-form-urlencoded");
    const WebhookResult result = parser.parse(ping, {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::Ignored);
    // Anything else unsigned is refused.
    ping.body = "webhook_id=15&status=processing";
    QCOMPARE(parser.parse(ping, {kSecret}).kind, WebhookResult::Kind::BadSignature);
}

void TestWooWebhookParser::badSignature_data()
{
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("wrong secret") << sign(order("processing"), "other");
    QTest::newRow("garbage") << QByteArray("%%%");
}

void TestWooWebhookParser::badSignature()
{
    QFETCH(QByteArray, signature);
    const WooWebhookParser parser;
    const WebhookResult result =
        parser.parse(kWoo.request(order("processing"), signature), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::BadSignature);
    QVERIFY(result.events.value(0).lines.isEmpty());
}

void TestWooWebhookParser::previousSecretAccepted()
{
    const WooWebhookParser parser;
    const QByteArray body = order("processing");
    QCOMPARE(
        parser.parse(kWoo.request(body, sign(body, "old-secret")), {kSecret, "old-secret"}).kind,
        WebhookResult::Kind::Order);
}

void TestWooWebhookParser::otherTopicIgnored()
{
    const WooWebhookParser parser;
    const QByteArray body = R"({"id":93,"name":"A product"})";
    QCOMPARE(
        parser.parse(kWoo.request(body, sign(body, kSecret), "product.updated"), {kSecret}).kind,
        WebhookResult::Kind::Ignored);
}

void TestWooWebhookParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QString notJson = u"body is not a JSON object"_s;
    const QString badQuantity = u"line_items[0].quantity: missing or not a positive integer"_s;
    QTest::newRow("not json") << QByteArray("<xml/>") << notJson;
    QTest::newRow("no id")
        << QByteArray(R"({"status":"processing","line_items":[{"sku":"A","quantity":1}]})")
        << u"id: missing or not an integer"_s;
    QTest::newRow("id past 2^63")
        << QByteArray(
               R"({"id":1e30,"status":"processing","line_items":[{"sku":"A","quantity":1}]})")
        << u"id: missing or not an integer"_s;
    QTest::newRow("no status") << QByteArray(R"({"id":1,"line_items":[{"sku":"A","quantity":1}]})")
                               << u"status: missing"_s;
    QTest::newRow("status a number")
        << QByteArray(R"({"id":1,"status":3,"line_items":[{"sku":"A","quantity":1}]})")
        << u"status: missing"_s;
    QTest::newRow("no lines") << QByteArray(R"({"id":1,"status":"processing"})")
                              << u"line_items: missing"_s;
    QTest::newRow("empty lines") << QByteArray(R"({"id":1,"status":"processing","line_items":[]})")
                                 << u"line_items: empty"_s;
    QTest::newRow("bad quantity")
        << QByteArray(R"({"id":1,"status":"processing","line_items":[{"sku":"A","quantity":-1}]})")
        << badQuantity;
    QTest::newRow("text quantity")
        << QByteArray(R"({"id":1,"status":"processing","line_items":[{"sku":"A","quantity":"2"}]})")
        << badQuantity;
    // A whole quantity over Quantity::kMaxOrderLine parses: the event's validation refuses it,
    // the same for webhooks, polls and the CLI
    // (tst_channelwebhooks::hugeQuantityIsRecordedInvalid).
    QTest::newRow("fractional quantity")
        << QByteArray(R"({"id":1,"status":"processing","line_items":[{"sku":"A","quantity":1.5}]})")
        << badQuantity;
    QTest::newRow("sku a number")
        << QByteArray(R"({"id":1,"status":"processing","line_items":[{"sku":true,"quantity":1}]})")
        << u"line_items[0].sku: not a string"_s;
    QTest::newRow("truncated")
        << QByteArray(R"({"id":1,"status":"processing","line_items":[{"sku":"A","quan)") << notJson;
    QTest::newRow("lines not array")
        << QByteArray(R"({"id":1,"status":"processing","line_items":{"sku":"A"}})")
        << u"line_items: missing"_s;
}

void TestWooWebhookParser::malformed()
{
    QFETCH(QByteArray, body);
    const WooWebhookParser parser;
    const WebhookResult result = parser.parse(kWoo.request(body, sign(body, kSecret)), {kSecret});
    QCOMPARE(result.kind, WebhookResult::Kind::BadRequest);
    QTEST(result.message, "message");
    QVERIFY(result.events.isEmpty());
}

void TestWooWebhookParser::shipTo_data()
{
    QTest::addColumn<QJsonValue>("shipping");
    QTest::addColumn<bool>("hasShipTo");
    QTest::addColumn<QString>("postalCode");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("city");

    const QByteArray sample = order("processing");
    QTest::newRow("docs sample") << QJsonDocument::fromJson(sample).object().value(u"shipping"_s)
                                 << true << u"94103"_s << u"US"_s << u"San Francisco"_s;
    // A virtual product: WooCommerce sends the shipping object with empty strings.
    QTest::newRow("virtual") << QJsonValue(QJsonObject {{u"first_name"_s, u""_s},
                                                        {u"city"_s, u""_s},
                                                        {u"postcode"_s, u""_s},
                                                        {u"country"_s, u""_s}})
                             << false << QString() << QString() << QString();
    QTest::newRow("missing") << QJsonValue() << false << QString() << QString() << QString();
    QTest::newRow("postcode only")
        << QJsonValue(QJsonObject {{u"postcode"_s, u" 10115"_s}, {u"country"_s, u"de"_s}}) << true
        << u"10115"_s << u"DE"_s << QString();
}

void TestWooWebhookParser::shipTo()
{
    QFETCH(QJsonValue, shipping);
    QFETCH(bool, hasShipTo);
    const WooWebhookParser parser;
    const QByteArray body = order("processing", shipping);
    const WebhookResult result = parser.parse(kWoo.request(body, sign(body, kSecret)), {kSecret});
    WebhookTest::verifyShipTo(result, hasShipTo);
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestWooWebhookParser)
#include "tst_woowebhookparser.moc"
