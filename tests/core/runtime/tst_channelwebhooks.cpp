// The intake and the order path (CoreRuntime with its OrderIntake) over whole order lives: Shopify
// and WooCommerce deliveries, signed as the channels sign them, applied once however often they are
// redelivered; WooCommerce's refunds read from its REST API (a fake server) after the webhook was
// answered; an unmatched delivery replayed after the merchant's fix applies its waiting line once.
#include "channels/channelconfig.h"
#include "domain/sku.h"
#include "fakechannelserver.h"
#include "intakedelivery.h"
#include "runtime/coreruntime.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/orderledger.h"
#include "sync/syncengine.h"
#include "webhooktest.h"

#include <QFile>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using ChannelDesk::Testing::deliverAndDrain;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = "hook-secret";

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(CHANNEL_FIXTURES) + u'/' + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

WebhookRequest shopify(const QByteArray &topic, const QByteArray &body)
{
    WebhookRequest r;
    r.body = body;
    r.headers.insert("x-shopify-topic", topic);
    r.headers.insert("x-shopify-hmac-sha256", WebhookTest::sign(body, kSecret));
    return r;
}

// A WooCommerce order as its webhooks carry it: one line of WOO-A (line item 311).
QByteArray wooOrder(const QString &status, const QJsonArray &refunds = {})
{
    const QJsonObject order {{u"id"_s, 727},
                             {u"status"_s, status},
                             {u"line_items"_s,
                              QJsonArray {QJsonObject {{u"id"_s, 311},
                                                       {u"product_id"_s, 93},
                                                       {u"variation_id"_s, 0},
                                                       {u"quantity"_s, 2},
                                                       {u"sku"_s, u"WOO-A"_s}}}},
                             {u"refunds"_s, refunds}};
    return QJsonDocument(order).toJson(QJsonDocument::Compact);
}

WebhookRequest woo(const QByteArray &topic, const QByteArray &body)
{
    WebhookRequest r;
    r.body = body;
    r.headers.insert("x-wc-webhook-topic", topic);
    r.headers.insert("x-wc-webhook-signature", WebhookTest::sign(body, kSecret));
    return r;
}

} // namespace

class TestChannelWebhooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void shopifySampleOrderCancelledAtCreationTakesNothing();
    void shopifyCreateRefundCancelEndsRightAndRedeliveryChangesNothing();
    void shopifyEditAndFulfillment();
    void wooStatusChangesAndRestockingRefund();
    void wooPendingOrderNeverSeenTakesAndGivesNothing();
    void overlongSkuIsRefusedNeverCut_data();
    void overlongSkuIsRefusedNeverCut();
    void hugeQuantityIsRecordedInvalid_data();
    void hugeQuantityIsRecordedInvalid();
    void unmatchedDeliveryAppliesItsLineOnceAfterTheFix_data();
    void unmatchedDeliveryAppliesItsLineOnceAfterTheFix();

private:
    // Replays a delivery as the console or the CLI does, then the core drains.
    Status replay(const QString &via, qint64 id);
    InboxEntry entry(qint64 id) const;
    qint64 available(const QString &sku) const
    {
        return (*InventoryStore(*m_runtime->database()).stock(sku))->available;
    }
    qint64 committed(const QString &sku) const
    {
        return (*InventoryStore(*m_runtime->database()).stock(sku))->committed;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::FakeChannelServer> m_woo;
    std::unique_ptr<CoreRuntime> m_runtime;
};

void TestChannelWebhooks::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_woo = std::make_unique<Test::FakeChannelServer>();
    QVERIFY(m_woo->listening());
    qputenv("HOOKS_TOKEN", "shpat_test");
    qputenv("HOOKS_SECRET", kSecret);
    qputenv("HOOKS_WOO_KEY", "ck_test");
    qputenv("HOOKS_WOO_SECRET", "cs_test");
    const QByteArray config = uR"({"listen": "127.0.0.1:0", "channels": [
  {"id": "shop", "type": "shopify", "base_url": "%1", "location_id": "124656943",
   "credentials": {"token_env": "HOOKS_TOKEN"}, "webhook_secret_env": "HOOKS_SECRET"},
  {"id": "woo", "type": "woocommerce", "base_url": "%1",
   "credentials": {"consumer_key_env": "HOOKS_WOO_KEY", "consumer_secret_env": "HOOKS_WOO_SECRET"},
   "webhook_secret_env": "HOOKS_SECRET"}]})"_s.arg(m_woo->baseUrl().toString())
                                  .toUtf8();
    const ChannelsConfigResult parsed =
        parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    CoreRuntime::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.listen = false;
    m_runtime = std::make_unique<CoreRuntime>(options);
    QString error;
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
    QList<StockImportRow> rows;
    for (const auto &[sku, units] : {std::pair {u"IPOD2008PINK"_s, 10}, std::pair {u"SHOP-A"_s, 10},
                                     std::pair {u"SHOP-B"_s, 5}, std::pair {u"WOO-A"_s, 10}}) {
        StockImportRow row;
        row.sku = sku;
        row.available = units;
        rows.append(row);
    }
    QVERIFY(m_runtime->engine()->importStock(rows, u"test"_s, u"seed"_s).ok());
}

void TestChannelWebhooks::cleanup()
{
    m_runtime.reset();
    m_woo.reset();
    m_dir.reset();
}

void TestChannelWebhooks::shopifySampleOrderCancelledAtCreationTakesNothing()
{
    const QByteArray sample = fixture(u"shopify/orders_create_sample_9999.json"_s);
    for (int delivery = 0; delivery < 2; ++delivery) {
        const auto answer =
            deliverAndDrain(*m_runtime, u"shop"_s, shopify("orders/create", sample));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(u"status"_s).toString(),
                 delivery == 0 ? u"applied"_s : u"duplicate"_s);
        QCOMPARE(available(u"IPOD2008PINK"_s), 10);
        QCOMPARE(committed(u"IPOD2008PINK"_s), 0);
    }
}

void TestChannelWebhooks::shopifyCreateRefundCancelEndsRightAndRedeliveryChangesNothing()
{
    const QList<std::pair<QByteArray, QByteArray>> deliveries {
        {"orders/create", fixture(u"shopify/orders_create.json"_s)},
        {"refunds/create", fixture(u"shopify/refunds_create_return.json"_s)},
        {"orders/cancelled", fixture(u"shopify/orders_cancelled.json"_s)},
    };
    auto deliver = [&](int i) {
        const auto answer = deliverAndDrain(
            *m_runtime, u"shop"_s, shopify(deliveries.at(i).first, deliveries.at(i).second));
        QCOMPARE(answer.status, 200);
    };
    deliver(0); // 2 × SHOP-A, 1 × SHOP-B
    QCOMPARE(available(u"SHOP-A"_s), 8);
    QCOMPARE(available(u"SHOP-B"_s), 4);
    deliver(1); // 1 of the 2 came back (restock_type return)
    QCOMPARE(available(u"SHOP-A"_s), 9);
    deliver(2); // that refund again, a cancel refund (1 A back, B not restocked), the cancel
    QCOMPARE(available(u"SHOP-A"_s), 10);
    QCOMPARE(committed(u"SHOP-A"_s), 0);
    QCOMPARE(available(u"SHOP-B"_s), 4); // no_restock: the unit stays out, written off
    QCOMPARE(committed(u"SHOP-B"_s), 0);

    // Shopify redelivers every one of them (and out of order): nothing moves.
    for (int i : {2, 1, 0, 1, 2}) {
        deliver(i);
        QCOMPARE(available(u"SHOP-A"_s), 10);
        QCOMPARE(committed(u"SHOP-A"_s), 0);
        QCOMPARE(available(u"SHOP-B"_s), 4);
        QCOMPARE(committed(u"SHOP-B"_s), 0);
    }
}

void TestChannelWebhooks::shopifyEditAndFulfillment()
{
    QCOMPARE(deliverAndDrain(*m_runtime, u"shop"_s,
                             shopify("orders/create", fixture(u"shopify/orders_create.json"_s)))
                 .status,
             200);
    // +1 of line 466157049 (SHOP-A), -1 of 518995019 (SHOP-B), +2 of a new line the payload
    // names by its id only (it waits for its SKU).
    for (int delivery = 0; delivery < 2; ++delivery) {
        const auto answer =
            deliverAndDrain(*m_runtime, u"shop"_s,
                            shopify("orders/edited", fixture(u"shopify/orders_edited.json"_s)));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(u"status"_s).toString(),
                 delivery == 0 ? u"applied"_s : u"duplicate"_s);
        QCOMPARE(available(u"SHOP-A"_s), 7);
        QCOMPARE(available(u"SHOP-B"_s), 5);
    }
    for (int delivery = 0; delivery < 2; ++delivery) {
        const auto answer = deliverAndDrain(
            *m_runtime, u"shop"_s,
            shopify("fulfillments/create", fixture(u"shopify/fulfillments_create.json"_s)));
        QCOMPARE(answer.status, 200);
        QCOMPARE(available(u"SHOP-A"_s), 7); // shipping moves committed units only
        QCOMPARE(committed(u"SHOP-A"_s), 2); // 3 sold, 1 shipped
    }
}

void TestChannelWebhooks::wooStatusChangesAndRestockingRefund()
{
    int reads = 0;
    m_woo->setHandler([&reads](const Test::RecordedRequest &request) {
        if (request.path != "/wp-json/wc/v3/orders/727/refunds"_L1)
            return Test::CannedResponse::json(404, R"({"code":"rest_no_route"})");
        // The first read fails: the runtime tries again.
        if (++reads == 1)
            return Test::CannedResponse::json(503, R"({"code":"busy","message":"busy"})");
        return Test::CannedResponse::json(200, R"([{"id":55,"date_created":"2026-03-03T10:00:00",
 "amount":"20.00","reason":"returned","refunded_by":1,"refunded_payment":false,"meta_data":[],
 "line_items":[{"id":333,"name":"Shirt","product_id":93,"variation_id":0,"quantity":-1,
   "subtotal":"-20.00","total":"-20.00","sku":"WOO-A","price":-20,
   "meta_data":[{"id":900,"key":"_refunded_item_id","value":"311"}]}],
 "shipping_lines":[],"tax_lines":[],"fee_lines":[]}])");
    });
    auto deliver = [this](const QByteArray &topic, const QByteArray &body) {
        return deliverAndDrain(*m_runtime, u"woo"_s, woo(topic, body));
    };
    // Unpaid: nothing taken yet.
    QCOMPARE(deliver("order.created", wooOrder(u"pending"_s)).body.value(u"status"_s).toString(),
             u"ignored"_s);
    QCOMPARE(available(u"WOO-A"_s), 10);
    // Paid: taken once, however often WooCommerce says so.
    QCOMPARE(deliver("order.updated", wooOrder(u"processing"_s)).status, 200);
    QCOMPARE(deliver("order.updated", wooOrder(u"completed"_s)).status, 200);
    QCOMPARE(available(u"WOO-A"_s), 8);
    // A refund of one unit: the webhook names it, its lines are read from the REST API.
    const QJsonArray refunds {
        QJsonObject {{u"id"_s, 55}, {u"reason"_s, u"returned"_s}, {u"total"_s, u"-20.00"_s}}};
    const auto answer = deliver("order.updated", wooOrder(u"completed"_s, refunds));
    QCOMPARE(answer.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(available(u"WOO-A"_s), 9, 10'000);
    QCOMPARE(reads, 2);
    // Seen again: not read again, nothing moves.
    QCOMPARE(deliver("order.updated", wooOrder(u"completed"_s, refunds)).status, 200);
    QCOMPARE(available(u"WOO-A"_s), 9);
    // Cancelled: what the order still holds comes back, once.
    for (int delivery = 0; delivery < 3; ++delivery) {
        QCOMPARE(deliver("order.updated", wooOrder(u"cancelled"_s)).status, 200);
        QCOMPARE(available(u"WOO-A"_s), 10);
        QCOMPARE(committed(u"WOO-A"_s), 0);
    }
    // Every delivery again, in any order: nothing moves.
    for (const QString &status : {u"processing"_s, u"pending"_s, u"completed"_s, u"cancelled"_s})
        QCOMPARE(deliver("order.updated", wooOrder(status, refunds)).status, 200);
    QCOMPARE(available(u"WOO-A"_s), 10);
    QCOMPARE(committed(u"WOO-A"_s), 0);
    QCOMPARE(reads, 2);
}

void TestChannelWebhooks::wooPendingOrderNeverSeenTakesAndGivesNothing()
{
    // pending -> cancelled without ever taking stock: the cancel must not wait for a sale that
    // would then be given back at once.
    for (const QString &status : {u"pending"_s, u"failed"_s, u"cancelled"_s}) {
        const auto answer =
            deliverAndDrain(*m_runtime, u"woo"_s, woo("order.updated", wooOrder(status)));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(u"status"_s).toString(), u"ignored"_s);
    }
    QCOMPARE(deliverAndDrain(*m_runtime, u"woo"_s, woo("order.updated", wooOrder(u"processing"_s)))
                 .status,
             200);
    QCOMPARE(available(u"WOO-A"_s), 8); // the later payment takes the stock, and keeps it
}

void TestChannelWebhooks::overlongSkuIsRefusedNeverCut_data()
{
    QTest::addColumn<QString>("channel");
    QTest::newRow("shopify") << u"shop"_s;
    QTest::newRow("woocommerce") << u"woo"_s;
}

void TestChannelWebhooks::overlongSkuIsRefusedNeverCut()
{
    // A SKU one character over the limit whose first kMaxLength characters name stock we hold:
    // cut to the limit it would sell that product.
    QFETCH(QString, channel);
    const QString held(Sku::kMaxLength, u'L');
    StockImportRow row;
    row.sku = held;
    row.available = 10;
    QVERIFY(m_runtime->engine()->importStock({row}, u"test"_s, u"seed"_s).ok());
    const QString overlong = held + u'X';
    const QJsonObject line {{u"id"_s, 311},         {u"product_id"_s, 93}, {u"variant_id"_s, 94},
                            {u"variation_id"_s, 0}, {u"quantity"_s, 2},    {u"sku"_s, overlong}};
    const QJsonObject order {{u"id"_s, 728},
                             {u"status"_s, u"processing"_s},
                             {u"created_at"_s, u"2026-01-01T00:00:00Z"_s},
                             {u"line_items"_s, QJsonArray {line}}};
    const QByteArray body = QJsonDocument(order).toJson(QJsonDocument::Compact);
    const auto answer = channel == "shop"_L1
        ? deliverAndDrain(*m_runtime, channel, shopify("orders/create", body))
        : deliverAndDrain(*m_runtime, channel, woo("order.created", body));
    // Signed, so kept and answered 200; the order path refuses it, with its reason.
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(u"status"_s).toString(), u"invalid"_s);
    QVERIFY2(answer.body.value(u"error"_s).toString().contains(u"longer than 128"_s),
             QJsonDocument(answer.body).toJson().constData());
    QCOMPARE(available(held), 10);
}

void TestChannelWebhooks::hugeQuantityIsRecordedInvalid_data()
{
    QTest::addColumn<QString>("channel");
    QTest::newRow("shopify") << u"shop"_s;
    QTest::newRow("woocommerce") << u"woo"_s;
}

void TestChannelWebhooks::hugeQuantityIsRecordedInvalid()
{
    // A signed order for 2,000,000 of a SKU we hold: kept (the channel has delivered), refused
    // by the event's bound with its reason, and nothing taken.
    QFETCH(QString, channel);
    StockImportRow row;
    row.sku = u"HUGE-1"_s;
    row.available = 10;
    QVERIFY(m_runtime->engine()->importStock({row}, u"test"_s, u"seed"_s).ok());
    const QJsonObject line {
        {u"id"_s, 312},         {u"product_id"_s, 95},      {u"variant_id"_s, 96},
        {u"variation_id"_s, 0}, {u"quantity"_s, 2'000'000}, {u"sku"_s, u"HUGE-1"_s}};
    const QJsonObject order {{u"id"_s, 729},
                             {u"status"_s, u"processing"_s},
                             {u"created_at"_s, u"2026-01-01T00:00:00Z"_s},
                             {u"line_items"_s, QJsonArray {line}}};
    const QByteArray body = QJsonDocument(order).toJson(QJsonDocument::Compact);
    const auto answer = channel == "shop"_L1
        ? deliverAndDrain(*m_runtime, channel, shopify("orders/create", body))
        : deliverAndDrain(*m_runtime, channel, woo("order.created", body));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(u"status"_s).toString(), u"invalid"_s);
    QVERIFY2(answer.body.value(u"error"_s).toString().contains(u"between 1 and 1000000"_s),
             QJsonDocument(answer.body).toJson().constData());
    QCOMPARE(available(u"HUGE-1"_s), 10);
}

void TestChannelWebhooks::unmatchedDeliveryAppliesItsLineOnceAfterTheFix_data()
{
    QTest::addColumn<QString>("via");
    QTest::newRow("the console's Replay") << u"console"_s;
    QTest::newRow("channeldesk-cli delivery-replay") << u"cli"_s;
}

// Order 801: one unit of WOO-A (in stock) and two of WOO-NEW (not yet). Replayed before the fix
// it stays unmatched (not duplicate: it can be replayed again); after the merchant created the
// SKU, a replay applies that line exactly once. The console's Replay (CoreRuntime::
// replayDelivery) and `delivery-replay` (InboxStore::replay on its own connection, drained by the
// running core) do the same.
void TestChannelWebhooks::unmatchedDeliveryAppliesItsLineOnceAfterTheFix()
{
    QFETCH(QString, via);
    const QJsonArray lines {
        QJsonObject {
            {u"id"_s, 1}, {u"product_id"_s, 93}, {u"quantity"_s, 1}, {u"sku"_s, u"WOO-A"_s}},
        QJsonObject {
            {u"id"_s, 2}, {u"product_id"_s, 94}, {u"quantity"_s, 2}, {u"sku"_s, u"WOO-NEW"_s}}};
    const WebhookRequest order = woo(
        "order.created",
        QJsonDocument(
            QJsonObject {{u"id"_s, 801}, {u"status"_s, u"processing"_s}, {u"line_items"_s, lines}})
            .toJson(QJsonDocument::Compact));
    qint64 id = 0;
    QCOMPARE(Testing::receive(*m_runtime, u"woo"_s, order, &id).status, 200);
    Testing::drain(*m_runtime);
    QCOMPARE(entry(id).status, DeliveryStatus::Unmatched);
    QVERIFY2(entry(id).error.contains(u"WOO-NEW"_s), qPrintable(entry(id).error));
    QCOMPARE(available(u"WOO-A"_s), 9);
    const OrderCounters &counted = m_runtime->orderCounters();
    QCOMPARE(counted.unmatched, 1);

    // Nothing fixed yet: the replay finds the line still waiting, and says so.
    QVERIFY(replay(via, id).ok());
    QCOMPARE(entry(id).status, DeliveryStatus::Unmatched);
    QVERIFY2(entry(id).error.contains(u"WOO-NEW"_s), qPrintable(entry(id).error));
    QCOMPARE(available(u"WOO-A"_s), 9);

    // The merchant creates the SKU; the replay applies the waiting line, and only it.
    StockImportRow row;
    row.sku = u"WOO-NEW"_s;
    row.available = 5;
    QVERIFY(m_runtime->engine()->importStock({row}, u"test"_s, u"fix"_s).ok());
    QVERIFY(replay(via, id).ok());
    QCOMPARE(entry(id).status, DeliveryStatus::Applied);
    QCOMPARE(available(u"WOO-NEW"_s), 3);
    QCOMPARE(available(u"WOO-A"_s), 9);

    // Applied now: not replayed again, and the channel's own redelivery changes nothing.
    const Status again = replay(via, id);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(u"applied"_s), qPrintable(again.error()));
    QCOMPARE(deliverAndDrain(*m_runtime, u"woo"_s, order).body.value(u"status"_s).toString(),
             u"duplicate"_s);
    QCOMPARE(available(u"WOO-NEW"_s), 3);
    QCOMPARE(available(u"WOO-A"_s), 9);

    // The sale counted once, as it arrived (/metrics' channeldesk_orders_total); each of the
    // three deliveries after it (two replays and the channel's) as a duplicate, the one that
    // applied the waiting line too. What waits now is in the ledger (the unmatched_lines gauge):
    // nothing.
    QCOMPARE(counted.unmatched, 1);
    QCOMPARE(counted.applied, 0);
    QCOMPARE(counted.duplicate, 3);
    const auto waiting = OrderLedger(*m_runtime->database()).unmatched();
    QVERIFY(waiting);
    QVERIFY(waiting->isEmpty());
}

Status TestChannelWebhooks::replay(const QString &via, qint64 id)
{
    Status replayed;
    if (via == u"console"_s) {
        replayed = m_runtime->replayDelivery(id);
    } else {
        QString error;
        const auto inbox = InboxStore::open(
            InboxStore::locationFor(m_runtime->database()->location()), true, &error);
        if (!inbox)
            return Error {error};
        replayed = InboxStore(*inbox).replay(id);
    }
    Testing::drain(*m_runtime);
    return replayed;
}

InboxEntry TestChannelWebhooks::entry(qint64 id) const
{
    const auto e = m_runtime->intake()->inbox().entry(id);
    if (!e || !*e)
        qFatal("no delivery %lld", qlonglong(id));
    return **e;
}

QTEST_GUILESS_MAIN(TestChannelWebhooks)
#include "tst_channelwebhooks.moc"
