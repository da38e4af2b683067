#include "channels/channelfactory.h"
#include "fakechannelserver.h"
#include "util/clock.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ChannelDesk::Test;

namespace ChannelDesk {

class TestChannelFactory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsEveryType_data();
    void createsEveryType();
    void configuredAdapterSpeaksToItsBaseUrl();
};

void TestChannelFactory::createsEveryType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("batch");
    QTest::addColumn<bool>("webhooks");
    QTest::addColumn<IntakeMode>("intake");
    QTest::addColumn<int>("pollSeconds");
    QTest::addColumn<int>("quantitiesPerRead");
    // Defaults of issue 10: webhook and poll for Shopify and WooCommerce, poll for the others.
    QTest::newRow("shopify") << u"shopify"_s << 100 << true << IntakeMode::Both << 30 << 100;
    QTest::newRow("woocommerce") << u"woocommerce"_s << 100 << true << IntakeMode::Both << 30
                                 << 100;
    QTest::newRow("ebay") << u"ebay"_s << 25 << false << IntakeMode::Poll << 5 << 25;
    QTest::newRow("amazon") << u"amazon"_s << 1 << false << IntakeMode::Poll << 60 << 20;
}

void TestChannelFactory::createsEveryType()
{
    QFETCH(QString, type);
    QFETCH(int, batch);
    QFETCH(bool, webhooks);
    QFETCH(IntakeMode, intake);
    QFETCH(int, pollSeconds);
    QFETCH(int, quantitiesPerRead);
    ChannelConfig config;
    config.id = u"c-"_s + type;
    config.type = type;
    config.baseUrl = QUrl(u"http://127.0.0.1:1"_s);
    config.locationId = u"1"_s;
    QNetworkAccessManager network;
    const ManualClock clock;
    QObject owner;
    auto adapter = createChannelAdapter(config, &network, clock, &owner);
    QVERIFY(adapter);
    QCOMPARE(adapter->type(), type);
    QCOMPARE(adapter->channelId(), config.id);
    QCOMPARE(adapter->maxBatchSize(), batch);
    QVERIFY(adapter->documentedRequestsPerSecond() > 0);
    QCOMPARE(createWebhookParser(type) != nullptr, webhooks);
    // Every channel reads beside writing.
    ChannelReader *reader = adapter->reader();
    QVERIFY(reader);
    QCOMPARE(reader->hasOrderWebhooks(), webhooks);
    QCOMPARE(reader->defaultIntake(), intake);
    QCOMPARE(reader->defaultPollIntervalSeconds(), pollSeconds);
    QCOMPARE(reader->maxQuantitiesPerRead(), quantitiesPerRead);
    // The config layer's defaults are the adapters' own.
    QCOMPARE(defaultIntake(type), intake);
    QCOMPARE(defaultPollIntervalSeconds(type), pollSeconds);
    QCOMPARE(effectiveIntake(config), intake);
    config.intake = IntakeMode::Poll;
    config.pollIntervalSeconds = 7;
    QCOMPARE(effectiveIntake(config), IntakeMode::Poll);
    QCOMPARE(effectivePollIntervalSeconds(config), 7);
    config.intake.reset();
    config.type = u"etsy"_s;
    QVERIFY(!createChannelAdapter(config, &network, clock));
}

void TestChannelFactory::configuredAdapterSpeaksToItsBaseUrl()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(
        200,
        R"({"data":{"inventorySetQuantities":{"inventoryAdjustmentGroup":{"createdAt":"2026-01-01T00:00:00Z"},"userErrors":[]}}})"));
    QProcessEnvironment env;
    env.insert(u"T"_s, u"tok"_s);
    env.insert(u"H"_s, u"hook"_s);
    const QByteArray json = R"({"channels":[{"id":"shop","type":"shopify","base_url":")" +
        server.baseUrl().toString().toUtf8() +
        R"(/","location_id":"7","api_version":"2026-07","credentials":{"token_env":"T"},"webhook_secret_env":"H"}]})";
    const auto parsed = parseChannelsConfig(json, env);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QNetworkAccessManager network;
    const ManualClock clock;
    auto adapter = createChannelAdapter(parsed.config->channels.first(), &network, clock);
    ListingUpdate update;
    update.sku = u"A"_s;
    update.remoteId = u"5"_s;
    update.quantity = 3;
    update.version = 1;
    Capture<PushReport> capture;
    adapter->push({update}, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QVERIFY(capture.value.outcomes.first().ok());
    QCOMPARE(server.requests().first().path, u"/admin/api/2026-07/graphql.json"_s);
    QCOMPARE(server.requests().first().header("x-shopify-access-token"), QByteArray("tok"));
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestChannelFactory)
#include "tst_channelfactory.moc"
