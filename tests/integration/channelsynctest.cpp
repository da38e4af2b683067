#include "channelsynctest.h"

namespace ChannelDesk::Testing {

void ChannelSyncTest::setUp()
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

void ChannelSyncTest::tearDown()
{
    m_runtime.reset();
    m_sim.reset();
    m_simServer.reset();
    m_simTcp = nullptr;
    m_network.reset();
    m_dir.reset();
}

QJsonObject ChannelSyncTest::simGet(const QString &path)
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

int ChannelSyncTest::simPost(const QString &path, const QJsonObject &body, QJsonObject *answer)
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

int ChannelSyncTest::runtimePost(const QString &path, const QByteArray &body,
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

void ChannelSyncTest::setFaults(const QString &channel, const QJsonObject &faults)
{
    QCOMPARE(simPost(u"/_sim/%1/faults"_s.arg(channel), faults), 200);
}

qint64 ChannelSyncTest::simQuantity(const QString &channel, int sku)
{
    return simGet(u"/_sim/%1/listings"_s.arg(channel))
        .value(remoteId(channel, sku))
        .toObject()
        .value(u"quantity"_s)
        .toInteger(-1);
}

bool ChannelSyncTest::converged(QString *why)
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

} // namespace ChannelDesk::Testing
