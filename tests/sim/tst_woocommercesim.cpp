// The simulated WooCommerce REST API over loopback HTTP: product and variation updates, batch
// updates, and signed order webhooks delivered more than once.
#include "simfixture.h"

#include <QMessageAuthenticationCode>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestWooCommerceSim : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void wooUpdate_data();
    void wooUpdate();
    void wooBatch();
    void wooOrderWebhook();
};

void TestWooCommerceSim::wooUpdate_data()
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

void TestWooCommerceSim::wooUpdate()
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

void TestWooCommerceSim::wooBatch()
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

void TestWooCommerceSim::wooOrderWebhook()
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

QTEST_GUILESS_MAIN(TestWooCommerceSim)
#include "tst_woocommercesim.moc"
