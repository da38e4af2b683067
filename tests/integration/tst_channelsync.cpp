// The sync core end to end over loopback HTTP: CoreRuntime (webhooks in, polling, propagation)
// against the simulated Shopify, WooCommerce, eBay and Amazon in their real wire formats.
#include "../common/sanitizers.h"
#include "intake/orderintake.h"
#include "metrics/lagmonitor.h"
#include "runtime/coreruntime.h"
#include "sim/channelsim.h"
#include "sim/simtcpserver.h"
#include "store/database.h"
#include "store/deadletterqueue.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSkus = 10;
const QStringList kChannels {u"shop"_s, u"woo"_s, u"ebay"_s, u"amz"_s};

QString skuName(int i)
{
    return u"SKU-%1"_s.arg(i);
}

// Each channel's id for a SKU's listing, in that channel's own format.
QString remoteId(const QString &channel, int i)
{
    if (channel == "shop"_L1)
        return QString::number(30'000 + i); // inventory item number
    if (channel == "woo"_L1)
        return QString::number(90 + i); // product id
    return skuName(i); // eBay and Amazon address listings by SKU
}

} // namespace

class TestChannelSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firstStartSetsEveryChannel();
    void convergesUnderTransientFaults();
    void burstOnOneSkuIsCoalesced();
    void webhooksAreAppliedOnceAndVerified();
    void cancelGivesStockBackOnceOnEveryChannel();
    void pauseAtZeroReachesEveryChannelAndRestockResumes();
    void permanentFailureIsDeadLetteredAndRetrySendsCurrentQuantity();
    void retryAfterIsHonoured_data();
    void retryAfterIsHonoured();

private:
    QJsonObject simGet(const QString &path);
    int simPost(const QString &path, const QJsonObject &body, QJsonObject *answer = nullptr);
    int runtimePost(const QString &path, const QByteArray &body,
                    const QList<std::pair<QByteArray, QByteArray>> &headers);
    void setFaults(const QString &channel, const QJsonObject &faults);
    // Every listing on every channel shows the source of truth and nothing is left to send.
    bool converged(QString *why);
    qint64 simQuantity(const QString &channel, int sku);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QHttpServer> m_simServer;
    SimTcpServer *m_simTcp = nullptr; // owned by m_simServer once bound
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<CoreRuntime> m_runtime;
    std::unique_ptr<QNetworkAccessManager> m_network;
    quint16 m_simPort = 0;
};

void TestChannelSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_simServer = std::make_unique<QHttpServer>();
    m_simTcp = new SimTcpServer(m_simServer.get());
    QVERIFY(m_simTcp->listen(QHostAddress::LocalHost, 0));
    m_simPort = m_simTcp->serverPort();
    const QString sim = u"http://127.0.0.1:%1/"_s.arg(m_simPort);

    // Secrets are named by environment variable, as in a real config.
    qputenv("E2E_SHOP_TOKEN", "shpat_test");
    qputenv("E2E_HOOK_SECRET", "hook-secret");
    qputenv("E2E_WOO_KEY", "ck_test");
    qputenv("E2E_WOO_SECRET", "cs_test");
    qputenv("E2E_EBAY_TOKEN", "ebay-token");
    qputenv("E2E_AMZ_ID", "amz-id");
    qputenv("E2E_AMZ_SECRET", "amz-secret");
    qputenv("E2E_AMZ_REFRESH", "amz-refresh");
    // Shopify and WooCommerce by webhook only here (tst_orderpolling polls them too).
    const QByteArray config = uR"({"listen": "127.0.0.1:0", "channels": [
  {"id": "shop", "type": "shopify", "base_url": "%1shop", "location_id": "124656943",
   "intake": "webhook",
   "credentials": {"token_env": "E2E_SHOP_TOKEN"}, "webhook_secret_env": "E2E_HOOK_SECRET"},
  {"id": "woo", "type": "woocommerce", "base_url": "%1woo", "intake": "webhook",
   "credentials": {"consumer_key_env": "E2E_WOO_KEY", "consumer_secret_env": "E2E_WOO_SECRET"},
   "webhook_secret_env": "E2E_HOOK_SECRET"},
  {"id": "ebay", "type": "ebay", "base_url": "%1ebay", "credentials": {"token_env": "E2E_EBAY_TOKEN"}},
  {"id": "amz", "type": "amazon", "base_url": "%1amz", "lwa_url": "%1amz",
   "seller_id": "A2SELLER", "marketplace_id": "ATVPDKIKX0DER", "max_requests_per_second": 20,
   "credentials": {"lwa_client_id_env": "E2E_AMZ_ID", "lwa_client_secret_env": "E2E_AMZ_SECRET",
                   "refresh_token_env": "E2E_AMZ_REFRESH"}}]})"_s.arg(sim)
                                  .toUtf8();
    const ChannelsConfigResult parsed =
        parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));

    CoreRuntime::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.orderPollIntervalMs = 200;
    options.housekeepingIntervalMs = 200;
    options.propagation.backoffBaseMs = 50;
    options.propagation.backoffCapMs = 400;
    options.propagation.maxAttempts = 30;
    options.propagation.pollIntervalMs = 100;
    m_runtime = std::make_unique<CoreRuntime>(options);

    // Seed the source of truth and the mappings before the runtime starts propagating.
    {
        QString error;
        auto db = Database::open(options.databaseLocation, &error);
        QVERIFY2(db, qPrintable(error));
        SyncEngine engine(*db);
        QList<StockImportRow> rows;
        QList<ListingMapping> mappings;
        for (int i = 0; i < kSkus; ++i) {
            StockImportRow r;
            r.sku = skuName(i);
            r.available = 1000;
            rows.append(r);
            for (const QString &channel : kChannels)
                mappings.append({channel, skuName(i), remoteId(channel, i)});
        }
        QVERIFY(engine.importStock(rows, u"test"_s, u"seed"_s).ok());
        QVERIFY(MappingStore(*db).importMappings(mappings, QDateTime::currentMSecsSinceEpoch()));
    }
    QString error;
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
    const QString hooks = u"http://127.0.0.1:%1/webhooks/"_s.arg(m_runtime->port());

    // The channels start out of step with us: every listing holds 7.
    QJsonArray channels;
    for (const QString &channel : kChannels) {
        QJsonObject listings;
        for (int i = 0; i < kSkus; ++i) {
            listings.insert(remoteId(channel, i),
                            QJsonObject {{u"quantity"_s, 7}, {u"sku"_s, skuName(i)}});
        }
        QJsonObject c {{u"id"_s, channel}, {u"listings"_s, listings}, {u"seed"_s, 7}};
        if (channel == "shop"_L1) {
            c.insert(u"type"_s, u"shopify"_s);
            c.insert(u"token"_s, u"shpat_test"_s);
            c.insert(u"location_id"_s, 124656943);
            c.insert(u"webhook_secret"_s, u"hook-secret"_s);
            c.insert(u"webhook_url"_s, QString(hooks + channel));
            c.insert(u"webhook_retry_ms"_s, 50);
        } else if (channel == "woo"_L1) {
            c.insert(u"type"_s, u"woocommerce"_s);
            c.insert(u"consumer_key"_s, u"ck_test"_s);
            c.insert(u"consumer_secret"_s, u"cs_test"_s);
            c.insert(u"webhook_secret"_s, u"hook-secret"_s);
            c.insert(u"webhook_url"_s, QString(hooks + channel));
            c.insert(u"webhook_retry_ms"_s, 50);
        } else if (channel == "ebay"_L1) {
            c.insert(u"type"_s, u"ebay"_s);
            c.insert(u"token"_s, u"ebay-token"_s);
        } else {
            c.insert(u"type"_s, u"amazon"_s);
            c.insert(u"seller_id"_s, u"A2SELLER"_s);
            c.insert(u"marketplace_id"_s, u"ATVPDKIKX0DER"_s);
            c.insert(u"lwa_client_id"_s, u"amz-id"_s);
            c.insert(u"lwa_client_secret"_s, u"amz-secret"_s);
            c.insert(u"refresh_token"_s, u"amz-refresh"_s);
            c.insert(u"rate_limit"_s, QJsonObject {{u"rate"_s, 50}, {u"burst"_s, 50}});
        }
        channels.append(c);
    }
    m_sim = std::make_unique<ChannelSimulator>(SystemClock::instance());
    QVERIFY2(m_sim->configure(channels, &error), qPrintable(error));
    m_sim->install(*m_simServer);
    m_simServer->bind(m_simTcp);
}

void TestChannelSync::cleanup()
{
    m_runtime.reset();
    m_sim.reset();
    m_simServer.reset();
    m_simTcp = nullptr;
    m_network.reset();
    m_dir.reset();
}

QJsonObject TestChannelSync::simGet(const QString &path)
{
    QNetworkReply *reply =
        m_network->get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_simPort).arg(path))));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10'000))
        qFatal("the simulator did not answer %s", qPrintable(path));
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return body;
}

int TestChannelSync::simPost(const QString &path, const QJsonObject &body, QJsonObject *answer)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_simPort).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10'000))
        qFatal("the simulator did not answer %s", qPrintable(path));
    if (answer)
        *answer = QJsonDocument::fromJson(reply->readAll()).object();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

int TestChannelSync::runtimePost(const QString &path, const QByteArray &body,
                                 const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_runtime->port()).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network->post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10'000))
        qFatal("the runtime did not answer %s", qPrintable(path));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void TestChannelSync::setFaults(const QString &channel, const QJsonObject &faults)
{
    QCOMPARE(simPost(u"/_sim/%1/faults"_s.arg(channel), faults), 200);
}

qint64 TestChannelSync::simQuantity(const QString &channel, int sku)
{
    return simGet(u"/_sim/%1/listings"_s.arg(channel))
        .value(remoteId(channel, sku))
        .toObject()
        .value(u"quantity"_s)
        .toInteger(-1);
}

bool TestChannelSync::converged(QString *why)
{
    InventoryStore store(*m_runtime->database());
    PropagationStore listings(*m_runtime->database());
    for (const QString &channel : kChannels) {
        const QJsonObject held = simGet(u"/_sim/%1/listings"_s.arg(channel));
        for (int i = 0; i < kSkus; ++i) {
            const StockLevel s = **store.stock(skuName(i));
            const qint64 want = s.paused ? 0 : s.available;
            const qint64 got =
                held.value(remoteId(channel, i)).toObject().value(u"quantity"_s).toInteger(-1);
            if (got != want) {
                *why = u"%1 %2: channel holds %3, truth is %4"_s.arg(channel, skuName(i))
                           .arg(got)
                           .arg(want);
                return false;
            }
        }
        for (const ListingState &l : listings.listings(channel).valueOr({})) {
            const StockLevel s = **store.stock(l.sku);
            if (l.state != ListingState::State::Dead && l.ackedVersion != s.version) {
                *why = u"%1 %2: acknowledged version %3 of %4 (%5)"_s.arg(channel, l.sku)
                           .arg(l.ackedVersion)
                           .arg(s.version)
                           .arg(stateName(l.state));
                return false;
            }
        }
    }
    return true;
}

void TestChannelSync::firstStartSetsEveryChannel()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    QCOMPARE(simQuantity(u"shop"_s, 0), 1000);
    QCOMPARE(simQuantity(u"amz"_s, kSkus - 1), 1000);
}

void TestChannelSync::convergesUnderTransientFaults()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    // 20% of every channel API call fails transiently: 429 with Retry-After, 503, or a reset.
    for (const QString &channel : kChannels) {
        setFaults(
            channel,
            QJsonObject {
                {u"errors"_s, QJsonObject {{u"429"_s, 0.08}, {u"503"_s, 0.08}, {u"reset"_s, 0.04}}},
                {u"retry_after"_s, u"decimal"_s},
                {u"retry_after_seconds"_s, 0.2}});
    }
    // 5,000 orders placed on the channels themselves: Shopify and WooCommerce send signed
    // webhooks, eBay and Amazon queue them for their order APIs. Under AddressSanitizer (a Debug
    // build several times slower: CI's sanitizer step) 1,000 take the same paths.
    constexpr int kOrders = Testing::kUnderAsan ? 1000 : 5000;
    // Bounds on "eventually", not speed figures (those are the benchmarks'): on a quiet machine
    // each wait below takes 20-40 s; a shared 2-core machine under a parallel build has needed
    // just over 60 s.
    constexpr int kLiveness = 180'000;
    QRandomGenerator random(2026);
    int placed = 0;
    int outstanding = 0;
    for (int n = 0; n < kOrders; ++n) {
        const QString channel = kChannels.at(n % 4);
        const int sku = random.bounded(kSkus);
        QNetworkRequest request(
            QUrl(u"http://127.0.0.1:%1/_sim/%2/orders"_s.arg(m_simPort).arg(channel)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QJsonObject order {{u"order_id"_s, QString::number(100'000 + n)},
                                 {u"lines"_s,
                                  QJsonArray {QJsonObject {{u"remote_id"_s, remoteId(channel, sku)},
                                                           {u"quantity"_s, 1}}}}};
        QNetworkReply *reply = m_network->post(request, QJsonDocument(order).toJson());
        ++outstanding;
        connect(reply, &QNetworkReply::finished, this, [&placed, &outstanding, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                ++placed;
            --outstanding;
            reply->deleteLater();
        });
        // A few dozen orders at a time, as a busy shop would.
        QTRY_VERIFY_WITH_TIMEOUT(outstanding < 32, 10'000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(placed, kOrders, kLiveness);

    // Every order reaches the source of truth exactly once...
    auto perChannel = [this] {
        QSqlQuery q(m_runtime->database()->connection());
        q.exec(u"SELECT channel, COUNT(*) FROM orders GROUP BY channel"_s);
        QStringList counts;
        while (q.next())
            counts.append(q.value(0).toString() + u'=' + q.value(1).toString());
        return counts.join(u' ');
    };
    QTRY_VERIFY2_WITH_TIMEOUT(m_runtime->orderCounters().applied == kOrders,
                              qPrintable(perChannel()), kLiveness);
    // ...and once the faults stop, every channel converges on it.
    for (const QString &channel : kChannels)
        setFaults(channel, QJsonObject {{u"errors"_s, QJsonObject {}}});
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), kLiveness);

    qint64 onHand = 0;
    const auto levels = InventoryStore(*m_runtime->database()).allStock();
    QVERIFY2(levels, qPrintable(levels.error()));
    for (const StockLevel &s : *levels)
        onHand += s.available;
    QCOMPARE(onHand, qint64(kSkus) * 1000 - kOrders);
    QCOMPARE(m_runtime->orderCounters().duplicate >= 0, true);
    // Faults happened and were retried rather than dropped.
    qint64 failures = 0;
    for (const QString &channel : kChannels)
        failures += m_runtime->lagMonitor()->totals(channel).failures +
            m_runtime->lagMonitor()->totals(channel).throttled +
            m_runtime->lagMonitor()->totals(channel).unanswered;
    QVERIFY(failures > 0);
}

void TestChannelSync::burstOnOneSkuIsCoalesced()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    // Clear the recorded writes, then 1,000 orders on one SKU from a point of sale.
    QNetworkRequest clear(QUrl(u"http://127.0.0.1:%1/_sim/shop/stats"_s.arg(m_simPort)));
    QNetworkReply *reply = m_network->deleteResource(clear);
    QSignalSpy cleared(reply, &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || cleared.wait(5000));
    reply->deleteLater();

    for (int batch = 0; batch < 10; ++batch) {
        QList<OrderEvent> orders;
        for (int i = 0; i < 100; ++i)
            orders.append({u"pos"_s, QString::number(batch * 100 + i), {{skuName(3), 1}}, 0});
        m_runtime->engine()->applyBatch(orders);
        // Each batch reaches the shop before the next one is sold, so that the writes below are
        // several, in the order the stock fell (paused at 0 after the last batch).
        const qint64 left = 1000 - (batch + 1) * 100;
        QTRY_COMPARE_WITH_TIMEOUT(simQuantity(u"shop"_s, 3), left, 10'000);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    QCOMPARE(simQuantity(u"shop"_s, 3), 0); // 1000 - 1000, paused
    const QJsonObject stats = simGet(u"/_sim/shop/stats"_s);
    const QJsonArray writes =
        stats.value(u"writes"_s).toObject().value(remoteId(u"shop"_s, 3)).toArray();
    // One write per batch at least (one for every order would be 1,000).
    QVERIFY2(writes.size() >= 10, QJsonDocument(stats).toJson().constData());
    QVERIFY2(writes.size() < 100, qPrintable(u"%1 writes for 1,000 orders"_s.arg(writes.size())));
    // Stock only fell, so a write of a higher quantity than an earlier one would be an older
    // version sent after a newer one.
    qint64 last = std::numeric_limits<qint64>::max();
    for (const QJsonValue &w : writes) {
        if (!w.toObject().value(u"applied"_s).toBool())
            continue;
        const qint64 q = w.toObject().value(u"quantity"_s).toInteger();
        QVERIFY2(q <= last, "an older quantity was written after a newer one");
        last = q;
    }
}

void TestChannelSync::webhooksAreAppliedOnceAndVerified()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    // Each webhook channel delivers its order three times: applied once.
    for (const QString &channel : {u"shop"_s, u"woo"_s}) {
        QJsonObject answer;
        QCOMPARE(
            simPost(u"/_sim/%1/orders"_s.arg(channel),
                    QJsonObject {{u"order_id"_s, u"4242"_s},
                                 {u"deliveries"_s, 3},
                                 {u"lines"_s,
                                  QJsonArray {QJsonObject {{u"remote_id"_s, remoteId(channel, 1)},
                                                           {u"quantity"_s, 2}}}}},
                    &answer),
            201);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->orderCounters().applied, qint64(2), 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->orderCounters().duplicate, qint64(4), 10'000);
    QCOMPARE((*InventoryStore(*m_runtime->database()).stock(skuName(1)))->available, 996);

    // A bad signature is refused and changes nothing; so is an oversized body. A signed but
    // malformed one is kept (200: the channel has delivered) and recorded invalid, with its
    // reason, changing nothing.
    const QByteArray body = R"({"id": 777, "line_items": [{"sku": "SKU-2", "quantity": 1}]})";
    const QByteArray good =
        QMessageAuthenticationCode::hash(body, "hook-secret", QCryptographicHash::Sha256)
            .toBase64();
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, body,
                         {{"X-Shopify-Topic", "orders/create"}, {"X-Shopify-Hmac-Sha256", "AAAA"}}),
             401);
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, body, {{"X-Shopify-Topic", "orders/create"}}), 401);
    const QByteArray malformed = "{not json";
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, malformed,
                         {{"X-Shopify-Topic", "orders/create"},
                          {"X-Shopify-Hmac-Sha256",
                           QMessageAuthenticationCode::hash(malformed, "hook-secret",
                                                            QCryptographicHash::Sha256)
                               .toBase64()}}),
             200);
    const auto invalidDeliveries = [this] {
        InboxStore::Filter filter;
        filter.channel = u"shop"_s;
        filter.status = DeliveryStatus::Invalid;
        const auto listed = m_runtime->intake()->inbox().list(filter);
        return listed ? listed->size() : qsizetype(-1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(invalidDeliveries(), qsizetype(1), 10'000);
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, QByteArray(1'100'000, 'x'),
                         {{"X-Shopify-Hmac-Sha256", good}}),
             413);
    QCOMPARE(runtimePost(u"/webhooks/woo"_s, "webhook_id=12", {}), 200); // the save-time ping
    QCOMPARE((*InventoryStore(*m_runtime->database()).stock(skuName(2)))->available, 1000);
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, body,
                         {{"X-Shopify-Topic", "orders/create"}, {"X-Shopify-Hmac-Sha256", good}}),
             200);
    // Answered once kept; applied by the order path right after.
    QTRY_COMPARE_WITH_TIMEOUT(
        (*InventoryStore(*m_runtime->database()).stock(skuName(2)))->available, 999, 10'000);
}

void TestChannelSync::cancelGivesStockBackOnceOnEveryChannel()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    auto level = [this](int sku) {
        return **InventoryStore(*m_runtime->database()).stock(skuName(sku));
    };
    auto place = [this](const QString &channel, const QString &orderId, int sku) {
        QJsonObject answer;
        const int status =
            simPost(u"/_sim/%1/orders"_s.arg(channel),
                    QJsonObject {{u"order_id"_s, orderId},
                                 {u"deliveries"_s, 2},
                                 {u"lines"_s,
                                  QJsonArray {QJsonObject {{u"remote_id"_s, remoteId(channel, sku)},
                                                           {u"quantity"_s, 2}}}}},
                    &answer);
        return status == 201 ? answer.value(u"order_id"_s).toString() : QString();
    };
    // Two units of SKU-4 sold on each channel.
    QHash<QString, QString> placed;
    for (const QString &channel : kChannels) {
        placed.insert(channel, place(channel, QString::number(61'000 + placed.size()), 4));
        QVERIFY(!placed.value(channel).isEmpty());
    }
    QTRY_COMPARE_WITH_TIMEOUT(level(4).available, 1000 - 8, 20'000);
    QCOMPARE(level(4).committed, 8);
    // Each channel cancels its order, its own way: Shopify's orders/cancelled (with the refund
    // that restocked it) and WooCommerce's order.updated to cancelled, each delivered three
    // times; eBay's cancelStatus and Amazon's Canceled, seen by every later poll.
    for (const QString &channel : kChannels) {
        QCOMPARE(
            simPost(u"/_sim/%1/cancel"_s.arg(channel),
                    QJsonObject {{u"order_id"_s, placed.value(channel)}, {u"deliveries"_s, 3}}),
            200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(level(4).available, 1000, 20'000);
    QCOMPARE(level(4).committed, 0);
    // Later orders on every channel, applied after the cancels were seen again (redelivered,
    // polled again): SKU-4 has not moved, and every channel shows it.
    const qint64 applied = m_runtime->orderCounters().applied;
    for (const QString &channel : kChannels)
        QVERIFY(!place(channel, QString::number(62'000 + kChannels.indexOf(channel)), 6).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->orderCounters().applied, applied + 4, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(level(6).available, 1000 - 8, 20'000);
    QCOMPARE(level(4).available, 1000);
    QCOMPARE(level(4).committed, 0);
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
}

void TestChannelSync::pauseAtZeroReachesEveryChannelAndRestockResumes()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    QCOMPARE(m_runtime->engine()->apply({u"pos"_s, u"big"_s, {{skuName(5), 1000}}, 0}).outcome,
             ApplyOutcome::Applied);
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    for (const QString &channel : kChannels) {
        const QJsonObject l =
            simGet(u"/_sim/%1/listings"_s.arg(channel)).value(remoteId(channel, 5)).toObject();
        QCOMPARE(l.value(u"status"_s).toString(), u"paused"_s);
    }
    QVERIFY(m_runtime->engine()->adjust(skuName(5), 25, u"test"_s, u"restock"_s).ok());
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    for (const QString &channel : kChannels) {
        const QJsonObject l =
            simGet(u"/_sim/%1/listings"_s.arg(channel)).value(remoteId(channel, 5)).toObject();
        QCOMPARE(l.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(l.value(u"quantity"_s).toInteger(), 25);
    }
}

void TestChannelSync::permanentFailureIsDeadLetteredAndRetrySendsCurrentQuantity()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    setFaults(u"woo"_s, QJsonObject {{u"errors"_s, QJsonObject {{u"404"_s, 1.0}}}});
    QVERIFY(m_runtime->engine()->adjust(skuName(7), -100, u"test"_s, u"damaged"_s).ok());
    PropagationStore listings(*m_runtime->database());
    DeadLetterQueue queue(*m_runtime->database());
    auto woo7 = [&] { return listings.listings(u"woo"_s, skuName(7))->constFirst(); };
    QTRY_COMPARE_WITH_TIMEOUT(woo7().state, ListingState::State::Dead, 10'000);
    QList<DeadLetter> dead = queue.deadLetters({u"woo"_s, {}}).valueOr({});
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.first().attempts, 1); // permanent: no retries
    QVERIFY2(dead.first().lastError.contains(u"rest_no_route"_s),
             qPrintable(dead.first().lastError)); // the channel's own words are kept
    // The other channels were not held up by the broken one.
    QCOMPARE(simQuantity(u"shop"_s, 7), 900);

    // Stock moves on (the newer version is refused too); the merchant retries by hand.
    QVERIFY(m_runtime->engine()->adjust(skuName(7), -50, u"test"_s, u"damaged"_s).ok());
    QTRY_VERIFY_WITH_TIMEOUT(woo7().state == ListingState::State::Dead &&
                                 queue.deadLetters({u"woo"_s, {}})->first().attempts == 1 &&
                                 queue.deadLetters({u"woo"_s, {}})->first().version >
                                     dead.first().version,
                             10'000);
    setFaults(u"woo"_s, QJsonObject {{u"errors"_s, QJsonObject {}}});
    QCOMPARE(
        queue.retry({u"woo"_s, {}}, u"test"_s, QDateTime::currentMSecsSinceEpoch()).valueOr(-1), 1);
    for (Propagator *p : m_runtime->propagators())
        p->wake();
    QTRY_COMPARE_WITH_TIMEOUT(simQuantity(u"woo"_s, 7), 850, 10'000); // the current quantity
    QTRY_COMPARE_WITH_TIMEOUT(woo7().state, ListingState::State::InSync, 10'000);
    const auto left = queue.deadLetters({u"woo"_s, {}});
    QVERIFY(left);
    QVERIFY(left->isEmpty());
}

void TestChannelSync::retryAfterIsHonoured_data()
{
    QTest::addColumn<QString>("form");
    QTest::newRow("delay-seconds") << u"seconds"_s;
    QTest::newRow("HTTP-date") << u"date"_s;
}

void TestChannelSync::retryAfterIsHonoured()
{
    QFETCH(QString, form);
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    setFaults(u"ebay"_s,
              QJsonObject {{u"errors"_s, QJsonObject {{u"429"_s, 1.0}}},
                           {u"retry_after"_s, form},
                           {u"retry_after_seconds"_s, 3}});
    QVERIFY(m_runtime->engine()->adjust(skuName(8), -1, u"test"_s, u"count"_s).ok());
    PropagationStore listings(*m_runtime->database());
    auto ebay8 = [&] { return listings.listings(u"ebay"_s, skuName(8))->constFirst(); };
    QTRY_COMPARE_WITH_TIMEOUT(ebay8().state, ListingState::State::Retrying, 10'000);
    const qint64 wait = ebay8().nextAttemptAtMs - QDateTime::currentMSecsSinceEpoch();
    // Three seconds asked (an HTTP-date has whole seconds, so at least two remain).
    QVERIFY2(wait >= 1'500, qPrintable(u"retries in %1 ms"_s.arg(wait)));
    setFaults(u"ebay"_s, QJsonObject {{u"errors"_s, QJsonObject {}}});
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
}

QTEST_GUILESS_MAIN(TestChannelSync)
#include "tst_channelsync.moc"
