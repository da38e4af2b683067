// The channels config as a whole: every channel type read, defaults, duplicate keys, unknown
// sections, loading from a file, and where each secret comes from.
#include "channelconfigtest.h"
#include "channels/channelconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

using Testing::environment;
using Testing::validConfig;

class TestChannelConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryChannelType();
    void defaultsAndOptionalFields();
    void duplicateKeyIsRefused();
    void ignoresCarriersAndOtherKeys();
    void missingSecretMayBeAllowed();
    void loadsFromFile();
    void secretResolution_data();
    void secretResolution();
};

void TestChannelConfig::readsEveryChannelType()
{
    const auto result = parseChannelsConfig(QJsonDocument(validConfig()).toJson(), environment());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const ChannelsConfig &config = *result.config;
    QCOMPARE(config.listenHost, u"127.0.0.1"_s);
    QCOMPARE(config.listenPort, quint16(9900));
    QCOMPARE(config.channels.size(), 4);

    const ChannelConfig *shop = config.channel(u"shop-us"_s);
    QVERIFY(shop);
    QCOMPARE(shop->type, u"shopify"_s);
    QCOMPARE(shop->baseUrl, QUrl(u"https://shop-us.myshopify.com"_s));
    QCOMPARE(shop->locationId, u"124656943"_s);
    QCOMPARE(shop->apiVersion, u"2026-07"_s);
    QCOMPARE(shop->credential(u"token"_s), QByteArray("shpat_secret"));
    QCOMPARE(shop->webhookSecrets, (QList<QByteArray> {"hook-new", "hook-old"}));
    QCOMPARE(shop->maxRequestsPerSecond, std::optional<double>(4.0));
    QCOMPARE(shop->buffer.pauseAt, std::optional<qint64>(2)); // the older key

    const ChannelConfig *woo = config.channel(u"woo"_s);
    QVERIFY(woo);
    QCOMPARE(woo->credential(u"consumer_key"_s), QByteArray("ck_1"));
    QCOMPARE(woo->credential(u"consumer_secret"_s), QByteArray("cs_1"));
    QCOMPARE(woo->webhookSecrets, QList<QByteArray> {"wc-hook"});

    const ChannelConfig *ebay = config.channel(u"ebay-us"_s);
    QVERIFY(ebay);
    QCOMPARE(ebay->credential(u"token"_s), QByteArray("v^1.1#token"));
    QVERIFY(ebay->webhookSecrets.isEmpty());

    const ChannelConfig *amazon = config.channel(u"amz"_s);
    QVERIFY(amazon);
    QCOMPARE(amazon->sellerId, u"A2SELLER"_s);
    QCOMPARE(amazon->marketplaceId, u"ATVPDKIKX0DER"_s);
    QCOMPARE(amazon->lwaUrl, QUrl(u"http://127.0.0.1:9999"_s));
    QCOMPARE(amazon->feedThreshold, std::optional<int>(50));
    QCOMPARE(channelsConfigToJson(config)
                 .value("channels"_L1)
                 .toArray()
                 .at(3)
                 .toObject()
                 .value("feed_threshold"_L1),
             QJsonValue(50));
    QCOMPARE(amazon->credential(u"lwa_client_id"_s), QByteArray("amzn1.application-oa2-client.x"));
    QCOMPARE(amazon->credential(u"lwa_client_secret"_s), QByteArray("lwa-secret"));
    QCOMPARE(amazon->credential(u"refresh_token"_s), QByteArray("Atzr|refresh"));
}

void TestChannelConfig::defaultsAndOptionalFields()
{
    const QByteArray json = R"({"channels": [
        {"id": "amz", "type": "amazon", "base_url": "https://sellingpartnerapi-na.amazon.com/",
         "seller_id": "S", "marketplace_id": "M",
         "credentials": {"lwa_client_id_env": "LWA_ID", "lwa_client_secret_env": "LWA_SECRET",
                         "refresh_token_env": "LWA_REFRESH"}}]})";
    const auto result = parseChannelsConfig(json, environment());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.config->listenHost, u"127.0.0.1"_s);
    QCOMPARE(result.config->listenPort, quint16(8787));
    const ChannelConfig &amazon = result.config->channels.first();
    QCOMPARE(amazon.lwaUrl, QUrl(u"https://api.amazon.com"_s));
    QVERIFY(amazon.apiVersion.isEmpty());
    QVERIFY(!amazon.maxRequestsPerSecond);
    QVERIFY(amazon.buffer.isEmpty());
    QVERIFY(!amazon.feedThreshold); // the adapter's default
}

void TestChannelConfig::duplicateKeyIsRefused()
{
    // QJsonDocument would keep the second token silently; the merchant is told instead.
    const QByteArray json = R"({"channels": [
        {"id": "shop-us", "type": "shopify", "base_url": "https://x.myshopify.com",
         "location_id": "gid://shopify/Location/1",
         "credentials": {"token_env": "SHOPIFY_TOKEN", "token_env": "OTHER_TOKEN"}}]})";
    const auto result = parseChannelsConfig(json, environment());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(u"config: channels[0].credentials.token_env is given twice"_s),
             qPrintable(result.error));
}

void TestChannelConfig::ignoresCarriersAndOtherKeys()
{
    QJsonObject config = validConfig();
    config.insert(u"carriers"_s, QJsonArray {QJsonObject {{u"anything"_s, 1}}});
    config.insert(u"ui"_s, QJsonObject {{u"theme"_s, u"dark"_s}});
    const auto result = parseChannelsConfig(QJsonDocument(config).toJson(), environment());
    QVERIFY2(result.ok(), qPrintable(result.error));
}

void TestChannelConfig::missingSecretMayBeAllowed()
{
    const QByteArray json = QJsonDocument(validConfig()).toJson();
    const QProcessEnvironment empty;
    const auto strict = parseChannelsConfig(json, empty);
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error,
             u"channels[0].credentials.token_env: environment variable SHOP_TOKEN is not set"_s);
    const auto lenient = parseChannelsConfig(json, empty, SecretPolicy::Optional);
    QVERIFY2(lenient.ok(), qPrintable(lenient.error));
    QVERIFY(lenient.config->channels.first().credential(u"token"_s).isEmpty());
}

void TestChannelConfig::loadsFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"channeldesk.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(validConfig()).toJson());
    file.close();
    const auto loaded = loadChannelsConfig(path, environment());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.config->channels.size(), 4);

    const auto missing = loadChannelsConfig(dir.filePath(u"nope.json"_s), environment());
    QVERIFY(!missing.ok());
    QVERIFY(missing.error.startsWith(u"config: cannot read"_s));

    const auto broken = parseChannelsConfig("{\"channels\": [", environment());
    QVERIFY(!broken.ok());
    QVERIFY(broken.error.startsWith(u"config: not valid JSON"_s));
}

void TestChannelConfig::secretResolution_data()
{
    QTest::addColumn<bool>("useKeychain"); // false: the CLI (environment only)
    QTest::addColumn<bool>("namesEnv"); // the file names token_env and webhook_secret_env
    QTest::addColumn<QString>("envToken");
    QTest::addColumn<QByteArray>("keychainToken");
    QTest::addColumn<QByteArray>("keychainHook");
    QTest::addColumn<QByteArray>("expectedToken");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("keychain wins") << true << true << u"env-token"_s << QByteArray("kc-token")
                                   << QByteArray("kc-hook") << QByteArray("kc-token") << QString();
    QTest::newRow("env fallback") << true << true << u"env-token"_s << QByteArray()
                                  << QByteArray("kc-hook") << QByteArray("env-token") << QString();
    QTest::newRow("keychain, no env field")
        << true << false << QString() << QByteArray("kc-token") << QByteArray("kc-hook")
        << QByteArray("kc-token") << QString();
    QTest::newRow("neither, env named")
        << true << true << QString() << QByteArray() << QByteArray("kc-hook") << QByteArray()
        << u"channels[0].credentials.token_env: environment variable SHOP_TOKEN is not set, and "
           "the keychain has no channel/shop-us/token"_s;
    QTest::newRow("neither, no env field")
        << true << false << QString() << QByteArray() << QByteArray("kc-hook") << QByteArray()
        << u"channels[0].credentials.token_env: missing, and the keychain has no "
           "channel/shop-us/token"_s;
    QTest::newRow("webhook secret in neither")
        << true << false << QString() << QByteArray("kc-token") << QByteArray() << QByteArray()
        << u"channels[0].webhook_secret_env: missing, and the keychain has no "
           "channel/shop-us/webhook_secret"_s;
    QTest::newRow("cli: env") << false << true << u"env-token"_s << QByteArray("kc-token")
                              << QByteArray("kc-hook") << QByteArray("env-token") << QString();
    QTest::newRow("cli: env field required")
        << false << false << u"env-token"_s << QByteArray("kc-token") << QByteArray("kc-hook")
        << QByteArray() << u"channels[0].credentials.token_env: missing"_s;
    QTest::newRow("cli: env unset")
        << false << true << QString() << QByteArray("kc-token") << QByteArray("kc-hook")
        << QByteArray()
        << u"channels[0].credentials.token_env: environment variable SHOP_TOKEN "
           "is not set"_s;
}

void TestChannelConfig::secretResolution()
{
    QFETCH(bool, useKeychain);
    QFETCH(bool, namesEnv);
    QFETCH(QString, envToken);
    QFETCH(QByteArray, keychainToken);
    QFETCH(QByteArray, keychainHook);
    QFETCH(QByteArray, expectedToken);
    QFETCH(QString, expectedError);

    QJsonObject channel {{u"id"_s, u"shop-us"_s},
                         {u"type"_s, u"shopify"_s},
                         {u"base_url"_s, u"https://shop-us.myshopify.com"_s},
                         {u"location_id"_s, u"1"_s},
                         {u"credentials"_s, QJsonObject()}};
    if (namesEnv) {
        channel.insert(u"credentials"_s, QJsonObject {{u"token_env"_s, u"SHOP_TOKEN"_s}});
        channel.insert(u"webhook_secret_env"_s, u"SHOP_HOOK"_s);
    }
    const QByteArray json =
        QJsonDocument(QJsonObject {{u"channels"_s, QJsonArray {channel}}}).toJson();

    SecretSources sources;
    if (!envToken.isEmpty())
        sources.environment.insert(u"SHOP_TOKEN"_s, envToken);
    sources.environment.insert(u"SHOP_HOOK"_s, u"env-hook"_s);
    QStringList asked;
    if (useKeychain) {
        const QHash<QString, QByteArray> keychain {
            {u"channel/shop-us/token"_s, keychainToken},
            {u"channel/shop-us/webhook_secret"_s, keychainHook}};
        sources.keychain = [keychain, &asked](const QString &key) -> std::optional<QByteArray> {
            asked.append(key);
            if (keychain.value(key).isEmpty())
                return std::nullopt;
            return keychain.value(key);
        };
    }
    const auto result = useKeychain
        ? parseChannelsConfig(json, sources)
        : parseChannelsConfig(json, sources.environment); // the CLI's call
    if (!expectedError.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error, expectedError);
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error));
    const ChannelConfig &shop = result.config->channels.first();
    QCOMPARE(shop.credential(u"token"_s), expectedToken);
    QCOMPARE(shop.webhookSecrets.first(), useKeychain ? keychainHook : QByteArray("env-hook"));
    if (useKeychain)
        QVERIFY(asked.contains(u"channel/shop-us/token"_s));
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestChannelConfig)
#include "tst_channelconfig.moc"
