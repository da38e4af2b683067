// Buffers per channel end to end: CoreRuntime against a simulated WooCommerce and eBay with
// different rules, over loopback HTTP in their real wire formats. The same SKU shows different
// numbers on each after a sale; a per-listing override, and a channel rule changed between two
// runs, reach the channel through the normal propagation.
#include "runtime/coreruntime.h"
#include "sim/channelsim.h"
#include "sim/simchannel.h"
#include "sim/simtcpserver.h"
#include "store/bufferstore.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

// WooCommerce addresses a listing by product id, eBay by SKU.
const QString kWooShirt = u"91"_s;
const QString kWooMug = u"92"_s;

} // namespace

class TestChannelBuffers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void twoChannelsShowTheirOwnNumbersAfterASale();
    void overrideIsSentThroughPropagation();
    void channelRuleChangedBetweenRunsIsSent();

private:
    // Starts the core with this "buffer" for WooCommerce and for eBay.
    void startRuntime(const QByteArray &wooBuffer, const QByteArray &ebayBuffer);
    void stopRuntime();
    qint64 shown(const QString &channel, const QString &remoteId) const;
    QJsonObject inventory(const QString &sku) const
    {
        return m_runtime->inventory(sku).valueOr({}).value_or(QJsonObject());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QHttpServer> m_simServer;
    SimTcpServer *m_simTcp = nullptr; // owned by m_simServer once bound
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<CoreRuntime> m_runtime;
    QString m_simUrl;
};

void TestChannelBuffers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_simServer = std::make_unique<QHttpServer>();
    m_simTcp = new SimTcpServer(m_simServer.get());
    QVERIFY(m_simTcp->listen(QHostAddress::LocalHost, 0));
    m_simUrl = u"http://127.0.0.1:%1/"_s.arg(m_simTcp->serverPort());
    qputenv("BUF_WOO_KEY", "ck_test");
    qputenv("BUF_WOO_SECRET", "cs_test");
    qputenv("BUF_HOOK", "hook-secret");
    qputenv("BUF_EBAY_TOKEN", "ebay-token");

    // The channels start out of step with us: every listing holds 7.
    const QJsonArray channels {
        QJsonObject {
            {u"id"_s, u"woo"_s},
            {u"type"_s, u"woocommerce"_s},
            {u"consumer_key"_s, u"ck_test"_s},
            {u"consumer_secret"_s, u"cs_test"_s},
            {u"listings"_s,
             QJsonObject {{kWooShirt, QJsonObject {{u"quantity"_s, 7}, {u"sku"_s, u"SHIRT"_s}}},
                          {kWooMug, QJsonObject {{u"quantity"_s, 7}, {u"sku"_s, u"MUG"_s}}}}}},
        QJsonObject {
            {u"id"_s, u"ebay"_s},
            {u"type"_s, u"ebay"_s},
            {u"token"_s, u"ebay-token"_s},
            {u"listings"_s,
             QJsonObject {{u"SHIRT"_s, QJsonObject {{u"quantity"_s, 7}, {u"sku"_s, u"SHIRT"_s}}},
                          {u"MUG"_s, QJsonObject {{u"quantity"_s, 7}, {u"sku"_s, u"MUG"_s}}}}}}};
    m_sim = std::make_unique<ChannelSimulator>(SystemClock::instance());
    QString error;
    QVERIFY2(m_sim->configure(channels, &error), qPrintable(error));
    m_sim->install(*m_simServer);
    m_simServer->bind(m_simTcp);

    // The source of truth and the mappings, before anything propagates.
    auto db = Database::open(m_dir->filePath(u"inventory.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    StockImportRow shirt;
    shirt.sku = u"SHIRT"_s;
    shirt.available = 40;
    StockImportRow mug;
    mug.sku = u"MUG"_s;
    mug.available = 12;
    QVERIFY(SyncEngine(*db).importStock({shirt, mug}, u"test"_s, u"seed"_s).ok());
    QVERIFY(MappingStore(*db).importMappings({{u"woo"_s, u"SHIRT"_s, kWooShirt},
                                              {u"woo"_s, u"MUG"_s, kWooMug},
                                              {u"ebay"_s, u"SHIRT"_s, u"SHIRT"_s},
                                              {u"ebay"_s, u"MUG"_s, u"MUG"_s}},
                                             QDateTime::currentMSecsSinceEpoch()));
}

void TestChannelBuffers::cleanup()
{
    m_runtime.reset();
    m_sim.reset();
    m_simServer.reset();
    m_simTcp = nullptr;
    m_dir.reset();
}

void TestChannelBuffers::startRuntime(const QByteArray &wooBuffer, const QByteArray &ebayBuffer)
{
    const QByteArray config =
        u"{\"listen\": \"127.0.0.1:0\", \"channels\": ["
        "{\"id\": \"woo\", \"type\": \"woocommerce\", \"base_url\": \"%1woo\", "
        "\"credentials\": {\"consumer_key_env\": \"BUF_WOO_KEY\", "
        "\"consumer_secret_env\": \"BUF_WOO_SECRET\"}, \"webhook_secret_env\": \"BUF_HOOK\", "
        "\"buffer\": %2}, "
        "{\"id\": \"ebay\", \"type\": \"ebay\", \"base_url\": \"%1ebay\", "
        "\"credentials\": {\"token_env\": \"BUF_EBAY_TOKEN\"}, \"buffer\": %3}]}"_s
            .arg(m_simUrl, QString::fromUtf8(wooBuffer), QString::fromUtf8(ebayBuffer))
            .toUtf8();
    const ChannelsConfigResult parsed =
        parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    CoreRuntime::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.listen = false;
    options.orderPollIntervalMs = 60'000; // orders come from the test, not from polls
    options.propagation.backoffBaseMs = 50;
    options.propagation.backoffCapMs = 400;
    options.propagation.pollIntervalMs = 100;
    m_runtime = std::make_unique<CoreRuntime>(options);
    QString error;
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
}

void TestChannelBuffers::stopRuntime()
{
    QSignalSpy stopped(m_runtime.get(), &CoreRuntime::stopped);
    m_runtime->stop();
    QVERIFY(stopped.count() > 0 || stopped.wait(10'000));
    m_runtime.reset();
}

qint64 TestChannelBuffers::shown(const QString &channel, const QString &remoteId) const
{
    const SimListing *l = m_sim->channel(channel)->listing(remoteId);
    return l ? l->quantity : -1;
}

void TestChannelBuffers::twoChannelsShowTheirOwnNumbersAfterASale()
{
    // WooCommerce shows half of what is left after keeping 2 back; eBay at most 10, and nothing
    // from 3 down.
    startRuntime(R"({"reserve": 2, "percent": 50})", R"({"max": 10, "pause_at": 3})");
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"woo"_s, kWooShirt), 19, 20'000); // (40 - 2) / 2
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"SHIRT"_s), 10, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"woo"_s, kWooMug), 5, 20'000); // (12 - 2) / 2
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"MUG"_s), 10, 20'000);

    // A sale of 31 shirts elsewhere: 9 left.
    QCOMPARE(m_runtime->engine()->apply({u"pos"_s, u"1"_s, {{u"SHIRT"_s, 31}}, 0}).outcome,
             ApplyOutcome::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"woo"_s, kWooShirt), 3, 20'000); // (9 - 2) / 2
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"SHIRT"_s), 9, 20'000);
    // Down to 3: eBay pauses, WooCommerce still shows what its rule gives.
    QCOMPARE(m_runtime->engine()->apply({u"pos"_s, u"2"_s, {{u"SHIRT"_s, 6}}, 0}).outcome,
             ApplyOutcome::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"SHIRT"_s), 0, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"woo"_s, kWooShirt), 0, 20'000); // (3 - 2) / 2 rounds down
    QCOMPARE(m_runtime->engine()->apply({u"pos"_s, u"3"_s, {{u"MUG"_s, 2}}, 0}).outcome,
             ApplyOutcome::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"woo"_s, kWooMug), 4, 20'000); // (10 - 2) / 2
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"MUG"_s), 10, 20'000);

    // The local API says what each channel should show beside what it acknowledged.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray channels = inventory(u"MUG"_s).value(u"channels"_s).toArray();
            for (const QJsonValue &c : channels) {
                const QJsonObject o = c.toObject();
                if (o.value(u"expected"_s) != o.value(u"acked_quantity"_s))
                    return false;
            }
            return channels.size() == 2;
        }(),
        20'000);
    for (const QJsonValue &c : inventory(u"SHIRT"_s).value(u"channels"_s).toArray()) {
        const QJsonObject o = c.toObject();
        const bool ebay = o.value(u"channel"_s) == u"ebay"_s;
        QCOMPARE(o.value(u"expected"_s).toInteger(), 0);
        QCOMPARE(o.value(u"expected_paused"_s).toBool(), ebay);
    }
}

void TestChannelBuffers::overrideIsSentThroughPropagation()
{
    startRuntime(R"({"percent": 50})", R"({})");
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"woo"_s, kWooShirt), 20, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"SHIRT"_s), 40, 20'000);
    const qint64 versionBefore =
        (*InventoryStore(*m_runtime->database()).stock(u"SHIRT"_s))->version;

    // The merchant shows WooCommerce every shirt, and eBay at most 4 mugs.
    const auto applied =
        m_runtime->setListingBuffers({{u"woo"_s, u"SHIRT"_s, BufferOverride {{}, 100, {}, {}}},
                                      {u"ebay"_s, u"MUG"_s, BufferOverride {{}, {}, 4, {}}}},
                                     u"test"_s, u"spring sale"_s);
    QVERIFY2(applied, qPrintable(applied.error()));
    QCOMPARE(applied->resent, 2);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"woo"_s, kWooShirt), 40, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"MUG"_s), 4, 20'000);
    QCOMPARE(shown(u"ebay"_s, u"SHIRT"_s), 40);
    // Through the log, as every change: audited, under a new version.
    InventoryStore::AuditFilter shirts;
    shirts.sku = u"SHIRT"_s;
    const auto audit = InventoryStore(*m_runtime->database()).audit(shirts);
    QVERIFY(audit);
    QCOMPARE(audit->constLast().kind, MutationKind::Buffer);
    QCOMPARE(audit->constLast().actor, u"test"_s);
    QCOMPARE(audit->constLast().version, versionBefore + 1);

    // An unknown channel is refused, and nothing of the call stays.
    const auto refused =
        m_runtime->setListingBuffers({{u"woo"_s, u"MUG"_s, BufferOverride {{}, 0, {}, {}}},
                                      {u"etsy"_s, u"MUG"_s, BufferOverride {{}, 0, {}, {}}}},
                                     u"test"_s, {});
    QVERIFY(!refused);
    QVERIFY(BufferStore(*m_runtime->database()).overrides(u"woo"_s, u"MUG"_s)->isEmpty());
}

void TestChannelBuffers::channelRuleChangedBetweenRunsIsSent()
{
    startRuntime(R"({})", R"({})");
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"woo"_s, kWooMug), 12, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"MUG"_s), 12, 20'000);
    stopRuntime();

    // The merchant edits the config while nothing runs: eBay keeps 5 back.
    startRuntime(R"({})", R"({"reserve": 5})");
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"MUG"_s), 7, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(shown(u"ebay"_s, u"SHIRT"_s), 35, 20'000);
    QCOMPARE(shown(u"woo"_s, kWooMug), 12);
}

QTEST_GUILESS_MAIN(TestChannelBuffers)
#include "tst_channelbuffers.moc"
