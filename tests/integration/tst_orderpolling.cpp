// Orders by polling, end to end (issue 10): CoreRuntime on a manual clock against the simulated
// Shopify and WooCommerce with their webhooks switched off. Orders placed on them are applied by
// the next poll, within one poll interval of the clock; a cancel likewise; and an order that
// arrives by webhook and by poll (intake "both") moves stock once.
#include "channels/channelconfig.h"
#include "channels/woocommerce/wooadapter.h"
#include "intakedelivery.h"
#include "runtime/coreruntime.h"
#include "sim/channelsim.h"
#include "sim/simchannel.h"
#include "sim/simtcpserver.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using ChannelDesk::Testing::deliverAndDrain;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSkus = 3;
constexpr qint64 kIntervalMs = 30'000; // poll_interval_s of every channel here

QString skuName(int i)
{
    return u"SKU-%1"_s.arg(i);
}

// Each channel's id for a SKU's listing.
QString remoteId(const QString &channel, int i)
{
    if (channel == "woo"_L1)
        return QString::number(90 + i);
    return QString::number((channel == "shop"_L1 ? 30'000 : 50'000) + i);
}

} // namespace

class TestOrderPolling : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void ordersArriveByPollingWithWebhooksOff_data();
    void ordersArriveByPollingWithWebhooksOff();
    void webhookAndPollOfOneOrderCountOnce();
    void lostWebhookIsCaughtByThePoll();
    void pollOnlyChannelTakesNoWebhook();
    void throttledPollGoesOnWhenTheChannelSaid();

private:
    qint64 available(int sku);
    QString mark(const QString &channel);
    // How many order polls the simulated channel has answered.
    int orderReads(const QString &channel);
    QJsonObject place(const QString &channel, const QString &orderId, int sku, int quantity);
    void cancel(const QString &channel, const QString &orderId);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QHttpServer> m_simServer;
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<QHttpServer> m_receiver; // hands the simulators' webhooks to the runtime
    QList<int> m_receiverFailures; // answer 500 while not empty (one per delivery)
    std::unique_ptr<CoreRuntime> m_runtime;
};

void TestOrderPolling::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_dir = std::make_unique<QTemporaryDir>();
    m_receiverFailures.clear();

    // The webhook endpoint: the runtime's own intake, as its HTTP server would call it.
    m_receiver = std::make_unique<QHttpServer>();
    m_receiver->route(u"/webhooks/<arg>"_s,
                      [this](const QString &channel, const QHttpServerRequest &request,
                             QHttpServerResponder &&responder) {
                          if (!m_receiverFailures.isEmpty() || !m_runtime) {
                              if (!m_receiverFailures.isEmpty())
                                  m_receiverFailures.removeFirst();
                              responder.write(QHttpServerResponder::StatusCode(500));
                              return;
                          }
                          WebhookRequest webhook;
                          webhook.body = request.body();
                          for (const auto &[name, value] : request.headers())
                              webhook.headers.insert(name.toLower(), value);
                          const auto answer = deliverAndDrain(*m_runtime, channel, webhook);
                          responder.write(QJsonDocument(answer.body),
                                          QHttpServerResponder::StatusCode(answer.status));
                      });
    const quint16 receiverPort = m_receiver->listen(QHostAddress::LocalHost, 0);
    QVERIFY(receiverPort != 0);
    const QString hooks = u"http://127.0.0.1:%1/webhooks/"_s.arg(receiverPort);

    m_simServer = std::make_unique<QHttpServer>();
    auto *tcp = new SimTcpServer(m_simServer.get());
    QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
    const QString sim = u"http://127.0.0.1:%1/"_s.arg(tcp->serverPort());
    QJsonArray simChannels;
    for (const QString &channel : {u"shop"_s, u"woo"_s, u"both"_s}) {
        QJsonObject listings;
        for (int i = 0; i < kSkus; ++i)
            listings.insert(remoteId(channel, i),
                            QJsonObject {{u"quantity"_s, 100}, {u"sku"_s, skuName(i)}});
        QJsonObject c {{u"id"_s, channel},
                       {u"listings"_s, listings},
                       {u"webhook_secret"_s, u"hook-secret"_s},
                       {u"webhook_url"_s, QString(hooks + channel)},
                       {u"webhook_attempts"_s, 1},
                       // Off where the merchant's desktop cannot receive them.
                       {u"webhooks"_s, channel == "both"_L1}};
        if (channel == "woo"_L1) {
            c.insert(u"type"_s, u"woocommerce"_s);
            c.insert(u"consumer_key"_s, u"ck_test"_s);
            c.insert(u"consumer_secret"_s, u"cs_test"_s);
        } else {
            c.insert(u"type"_s, u"shopify"_s);
            c.insert(u"token"_s, u"shpat_test"_s);
            c.insert(u"location_id"_s, 124656943);
        }
        simChannels.append(c);
    }
    m_sim = std::make_unique<ChannelSimulator>(*m_clock);
    QString error;
    QVERIFY2(m_sim->configure(simChannels, &error), qPrintable(error));
    m_sim->install(*m_simServer);
    m_simServer->bind(tcp);

    qputenv("POLL_SHOP_TOKEN", "shpat_test");
    qputenv("POLL_HOOK_SECRET", "hook-secret");
    qputenv("POLL_WOO_KEY", "ck_test");
    qputenv("POLL_WOO_SECRET", "cs_test");
    const QByteArray config = uR"({"channels": [
  {"id": "shop", "type": "shopify", "base_url": "%1shop", "location_id": "124656943",
   "intake": "poll", "poll_interval_s": 30, "credentials": {"token_env": "POLL_SHOP_TOKEN"}},
  {"id": "woo", "type": "woocommerce", "base_url": "%1woo", "intake": "poll", "poll_interval_s": 30,
   "credentials": {"consumer_key_env": "POLL_WOO_KEY", "consumer_secret_env": "POLL_WOO_SECRET"}},
  {"id": "both", "type": "shopify", "base_url": "%1both", "location_id": "124656943",
   "intake": "both", "poll_interval_s": 30, "credentials": {"token_env": "POLL_SHOP_TOKEN"},
   "webhook_secret_env": "POLL_HOOK_SECRET"}]})"_s.arg(sim)
                                  .toUtf8();
    const ChannelsConfigResult parsed =
        parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));

    CoreRuntime::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.listen = false;
    options.housekeepingIntervalMs = 200;
    {
        auto db = Database::open(options.databaseLocation, &error);
        QVERIFY2(db, qPrintable(error));
        SyncEngine engine(*db);
        QList<StockImportRow> rows;
        QList<ListingMapping> mappings;
        for (int i = 0; i < kSkus; ++i) {
            StockImportRow r;
            r.sku = skuName(i);
            r.available = 100;
            rows.append(r);
            for (const QString &channel : {u"shop"_s, u"woo"_s, u"both"_s})
                mappings.append({channel, skuName(i), remoteId(channel, i)});
        }
        QVERIFY(engine.importStock(rows, u"test"_s, u"seed"_s).ok());
        QVERIFY(MappingStore(*db).importMappings(mappings, m_clock->nowMs()).ok());
    }
    m_runtime = std::make_unique<CoreRuntime>(options, *m_clock);
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
    // The first polls run at start and leave a mark.
    for (const QString &channel : {u"shop"_s, u"woo"_s, u"both"_s})
        QTRY_VERIFY_WITH_TIMEOUT(!mark(channel).isEmpty(), 10'000);
}

void TestOrderPolling::cleanup()
{
    m_runtime.reset();
    m_sim.reset();
    m_simServer.reset();
    m_receiver.reset();
    m_dir.reset();
}

qint64 TestOrderPolling::available(int sku)
{
    const auto level = InventoryStore(*m_runtime->database()).stock(skuName(sku));
    return level && *level ? (*level)->available : -1;
}

QString TestOrderPolling::mark(const QString &channel)
{
    return PropagationStore(*m_runtime->database()).highWaterMark(channel).valueOr(QString());
}

int TestOrderPolling::orderReads(const QString &channel)
{
    const QJsonObject events = m_sim->channel(channel)->statsJson().value(u"events"_s).toObject();
    return events.value(u"reads_orders"_s).toInt() + events.value(u"order_reads"_s).toInt();
}

QJsonObject TestOrderPolling::place(const QString &channel, const QString &orderId, int sku,
                                    int quantity)
{
    const SimChannel::Result placed = m_sim->channel(channel)->placeOrder(
        {{u"order_id"_s, orderId},
         {u"lines"_s,
          QJsonArray {
              QJsonObject {{u"remote_id"_s, remoteId(channel, sku)}, {u"quantity"_s, quantity}}}}});
    if (placed.status != 201)
        qWarning() << "order not placed:" << placed.body;
    return placed.body;
}

void TestOrderPolling::cancel(const QString &channel, const QString &orderId)
{
    const SimChannel::Result cancelled =
        m_sim->channel(channel)->cancelOrder({{u"order_id"_s, orderId}});
    if (cancelled.status != 200)
        qWarning() << "order not cancelled:" << cancelled.body;
}

void TestOrderPolling::ordersArriveByPollingWithWebhooksOff_data()
{
    QTest::addColumn<QString>("channel");
    QTest::newRow("shopify") << u"shop"_s;
    QTest::newRow("woocommerce") << u"woo"_s;
}

void TestOrderPolling::ordersArriveByPollingWithWebhooksOff()
{
    QFETCH(QString, channel);
    const QString first = place(channel, u"7001"_s, 0, 2).value(u"order_id"_s).toString();
    place(channel, u"7002"_s, 1, 1);
    QVERIFY(!first.isEmpty());
    // No webhook left the channel, and the next poll is not due yet.
    QCOMPARE(m_sim->channel(channel)
                 ->statsJson()
                 .value(u"events"_s)
                 .toObject()
                 .value(u"webhooks_suppressed"_s)
                 .toInt(),
             2);
    QCOMPARE(available(0), 100);
    QCOMPARE(available(1), 100);

    // One poll interval later the orders are applied: within two intervals of their placing.
    m_clock->advance(kIntervalMs);
    QTRY_COMPARE_WITH_TIMEOUT(available(0), 98, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(available(1), 99, 10'000);
    QCOMPARE(m_runtime->orderCounters().applied, 2);

    // A cancel reaches us the same way, once: the poll that brings the next order gives nothing
    // back again.
    cancel(channel, first);
    m_clock->advance(kIntervalMs);
    QTRY_COMPARE_WITH_TIMEOUT(available(0), 100, 10'000);
    const int reads = orderReads(channel);
    place(channel, u"7003"_s, 2, 1);
    m_clock->advance(kIntervalMs);
    QTRY_COMPARE_WITH_TIMEOUT(available(2), 99, 10'000);
    QVERIFY(orderReads(channel) > reads);
    QCOMPARE(available(0), 100);
    QCOMPARE(available(1), 99);
    QCOMPARE(m_runtime->orderCounters().applied, 3);
}

void TestOrderPolling::webhookAndPollOfOneOrderCountOnce()
{
    // Intake "both": the webhook applies the order at once; the next poll sees it again and it
    // is a duplicate (same event ids), for the sale and for its cancel.
    const QString id = place(u"both"_s, u"8001"_s, 2, 3).value(u"order_id"_s).toString();
    QTRY_COMPARE_WITH_TIMEOUT(available(2), 97, 10'000);
    QCOMPARE(m_runtime->orderCounters().applied, 1);
    m_clock->advance(kIntervalMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_runtime->orderCounters().duplicate >= 1, 10'000);
    QCOMPARE(available(2), 97);
    QCOMPARE(m_runtime->orderCounters().applied, 1);

    cancel(u"both"_s, id);
    QTRY_COMPARE_WITH_TIMEOUT(available(2), 100, 10'000);
    const qint64 duplicates = m_runtime->orderCounters().duplicate;
    m_clock->advance(kIntervalMs);
    // The poll sees the cancelled order: its sale, refund and cancel are all duplicates.
    QTRY_VERIFY_WITH_TIMEOUT(m_runtime->orderCounters().duplicate >= duplicates + 3, 10'000);
    QCOMPARE(available(2), 100);
}

void TestOrderPolling::lostWebhookIsCaughtByThePoll()
{
    // The one delivery the channel makes fails: the poll catches the order.
    m_receiverFailures = {500};
    place(u"both"_s, u"8101"_s, 1, 4);
    QTRY_VERIFY_WITH_TIMEOUT(m_receiverFailures.isEmpty(), 10'000);
    QCOMPARE(available(1), 100);
    m_clock->advance(kIntervalMs);
    QTRY_COMPARE_WITH_TIMEOUT(available(1), 96, 10'000);
    QCOMPARE(m_runtime->orderCounters().applied, 1);
}

void TestOrderPolling::pollOnlyChannelTakesNoWebhook()
{
    // Intake "poll": no webhook route for the channel (and no secret was configured for one).
    const CoreRuntime::HttpAnswer answer =
        deliverAndDrain(*m_runtime, u"shop"_s, WebhookRequest {"{}", {}});
    QCOMPARE(answer.status, 404);
    QVERIFY2(answer.body.value(u"error"_s).toString().contains(u"polling"_s),
             qPrintable(answer.body.value(u"error"_s).toString()));
    // Intake "both" takes them (this one is unsigned: refused, but routed).
    QCOMPARE(deliverAndDrain(*m_runtime, u"both"_s, WebhookRequest {"{}", {}}).status, 401);
}

void TestOrderPolling::throttledPollGoesOnWhenTheChannelSaid()
{
    // More orders than one page, and a channel that answers one request, then throttles
    // (WooCommerce's limiter here says Retry-After: 1).
    constexpr int kOrders = WooAdapter::kPageSize + 5;
    for (int n = 0; n < kOrders; ++n)
        place(u"woo"_s, QString::number(9000 + n), n % kSkus, 1);
    SimChannel *woo = m_sim->channel(u"woo"_s);
    const auto limit = [woo](double perSecond, int burst) {
        const QJsonObject rate {
            {u"requests_per_second"_s, perSecond}, {u"burst"_s, burst}, {u"status"_s, 429}};
        return woo->setFaults({{u"rate_limit"_s, rate}}).status;
    };
    QCOMPARE(limit(0.001, 1), 200);
    m_clock->advance(kIntervalMs);
    // The first page is applied; the second was refused.
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->orderCounters().applied, qint64(WooAdapter::kPageSize),
                              10'000);
    // The channel has room again, but said to wait a second: the poll is not asked again at
    // once (it would take the tokens pushes need)...
    QCOMPARE(limit(1000, 1000), 200);
    QTest::qWait(600); // three of the runtime's poll ticks
    QCOMPARE(m_runtime->orderCounters().applied, qint64(WooAdapter::kPageSize));
    // ...and goes on once that second has passed, long before its 30 s interval.
    m_clock->advance(1'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->orderCounters().applied, qint64(kOrders), 10'000);
}

QTEST_GUILESS_MAIN(TestOrderPolling)
#include "tst_orderpolling.moc"
