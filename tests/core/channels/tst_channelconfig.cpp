#include "channels/channelconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

class TestChannelConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryChannelType();
    void defaultsAndOptionalFields();
    void duplicateKeyIsRefused();
    void ignoresCarriersAndOtherKeys();
    void badField_data();
    void badField();
    void missingSecretMayBeAllowed();
    void loadsFromFile();
    void secretResolution_data();
    void secretResolution();
    void alertsAndDefaultBuffer_data();
    void alertsAndDefaultBuffer();
    void listenerLimits();
    void intakeAndPollInterval_data();
    void intakeAndPollInterval();

private:
    static QProcessEnvironment environment();
    static QJsonObject validConfig();
};

QProcessEnvironment TestChannelConfig::environment()
{
    QProcessEnvironment env;
    env.insert(u"SHOP_TOKEN"_s, u"shpat_secret"_s);
    env.insert(u"SHOP_HOOK"_s, u"hook-new"_s);
    env.insert(u"SHOP_HOOK_OLD"_s, u"hook-old"_s);
    env.insert(u"WC_KEY"_s, u"ck_1"_s);
    env.insert(u"WC_SECRET"_s, u"cs_1"_s);
    env.insert(u"WC_HOOK"_s, u"wc-hook"_s);
    env.insert(u"EBAY_TOKEN"_s, u"v^1.1#token"_s);
    env.insert(u"LWA_ID"_s, u"amzn1.application-oa2-client.x"_s);
    env.insert(u"LWA_SECRET"_s, u"lwa-secret"_s);
    env.insert(u"LWA_REFRESH"_s, u"Atzr|refresh"_s);
    return env;
}

QJsonObject TestChannelConfig::validConfig()
{
    const QByteArray json = R"({
      "listen": "127.0.0.1:9900",
      "channels": [
        {"id": "shop-us", "type": "shopify", "base_url": "https://shop-us.myshopify.com",
         "location_id": "124656943", "credentials": {"token_env": "SHOP_TOKEN"},
         "webhook_secret_env": "SHOP_HOOK", "previous_webhook_secret_env": "SHOP_HOOK_OLD",
         "api_version": "2026-07", "max_requests_per_second": 4, "safety_buffer": 2},
        {"id": "woo", "type": "woocommerce", "base_url": "https://woo.example",
         "credentials": {"consumer_key_env": "WC_KEY", "consumer_secret_env": "WC_SECRET"},
         "webhook_secret_env": "WC_HOOK"},
        {"id": "ebay-us", "type": "ebay", "base_url": "https://api.ebay.com",
         "credentials": {"token_env": "EBAY_TOKEN"}},
        {"id": "amz", "type": "amazon", "base_url": "https://sellingpartnerapi-na.amazon.com",
         "seller_id": "A2SELLER", "marketplace_id": "ATVPDKIKX0DER",
         "credentials": {"lwa_client_id_env": "LWA_ID", "lwa_client_secret_env": "LWA_SECRET",
                         "refresh_token_env": "LWA_REFRESH"},
         "lwa_url": "http://127.0.0.1:9999", "feed_threshold": 50}
      ],
      "carriers": [{"id": "ep", "type": "easypost"}]
    })";
    return QJsonDocument::fromJson(json).object();
}

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

void TestChannelConfig::badField_data()
{
    QTest::addColumn<int>("channel"); // which channel to change; -1: the root
    QTest::addColumn<QString>("field"); // dotted path inside it
    QTest::addColumn<QJsonValue>("value"); // Undefined removes the field
    QTest::addColumn<QString>("expected");

    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("listen") << -1 << u"listen"_s << QJsonValue(u"nowhere"_s) << u"listen:"_s;
    QTest::newRow("channels missing") << -1 << u"channels"_s << removed << u"channels: missing"_s;
    QTest::newRow("durability unknown") << -1 << u"durability"_s << QJsonValue(u"fsync"_s)
                                        << u"durability: must be \"full\" or \"normal\""_s;
    QTest::newRow("durability bool")
        << -1 << u"durability"_s << QJsonValue(true) << u"durability: must be"_s;
    QTest::newRow("retention zero") << -1 << u"inbox_retention_days"_s << QJsonValue(0)
                                    << u"inbox_retention_days: must be a whole number"_s;
    QTest::newRow("retention text") << -1 << u"inbox_retention_days"_s << QJsonValue(u"30"_s)
                                    << u"inbox_retention_days: must be a whole number"_s;
    QTest::newRow("channels not array")
        << -1 << u"channels"_s << QJsonValue(u"x"_s) << u"channels: must be an array"_s;
    QTest::newRow("base_url missing")
        << 1 << u"base_url"_s << removed << u"channels[1].base_url: missing"_s;
    QTest::newRow("base_url not url")
        << 1 << u"base_url"_s << QJsonValue(u"ftp://x"_s) << u"channels[1].base_url:"_s;
    QTest::newRow("base_url number")
        << 2 << u"base_url"_s << QJsonValue(5) << u"channels[2].base_url: must be a string"_s;
    QTest::newRow("id missing") << 0 << u"id"_s << removed << u"channels[0].id: missing"_s;
    QTest::newRow("id with slash") << 0 << u"id"_s << QJsonValue(u"a/b"_s) << u"channels[0].id:"_s;
    QTest::newRow("duplicate id") << 1 << u"id"_s << QJsonValue(u"shop-us"_s)
                                  << u"channels[1].id: \"shop-us\" is used"_s;
    QTest::newRow("type unknown") << 2 << u"type"_s << QJsonValue(u"etsy"_s)
                                  << u"channels[2].type: \"etsy\""_s;
    QTest::newRow("location missing")
        << 0 << u"location_id"_s << removed << u"channels[0].location_id: missing"_s;
    QTest::newRow("location bad") << 0 << u"location_id"_s
                                  << QJsonValue(u"gid://shopify/Product/1"_s)
                                  << u"channels[0].location_id:"_s;
    QTest::newRow("token env missing") << 0 << u"credentials.token_env"_s << removed
                                       << u"channels[0].credentials.token_env: missing"_s;
    QTest::newRow("token env unset")
        << 2 << u"credentials.token_env"_s << QJsonValue(u"NOT_SET_ANYWHERE"_s)
        << u"channels[2].credentials.token_env: environment variable "
           "NOT_SET_ANYWHERE is not set"_s;
    QTest::newRow("credentials missing")
        << 2 << u"credentials"_s << removed << u"channels[2].credentials: missing"_s;
    QTest::newRow("woo secret") << 1 << u"credentials.consumer_secret_env"_s << removed
                                << u"channels[1].credentials.consumer_secret_env: missing"_s;
    QTest::newRow("woo webhook secret")
        << 1 << u"webhook_secret_env"_s << removed << u"channels[1].webhook_secret_env: missing"_s;
    QTest::newRow("seller_id") << 3 << u"seller_id"_s << removed
                               << u"channels[3].seller_id: missing"_s;
    QTest::newRow("marketplace_id") << 3 << u"marketplace_id"_s << QJsonValue(u""_s)
                                    << u"channels[3].marketplace_id: must not be empty"_s;
    QTest::newRow("refresh token") << 3 << u"credentials.refresh_token_env"_s << removed
                                   << u"channels[3].credentials.refresh_token_env: missing"_s;
    QTest::newRow("lwa_url") << 3 << u"lwa_url"_s << QJsonValue(u"not a url"_s)
                             << u"channels[3].lwa_url:"_s;
    QTest::newRow("feed_threshold negative")
        << 3 << u"feed_threshold"_s << QJsonValue(-1)
        << u"channels[3].feed_threshold: must be a whole number from 0 (off) to 1000000"_s;
    QTest::newRow("feed_threshold fraction")
        << 3 << u"feed_threshold"_s << QJsonValue(2.5) << u"channels[3].feed_threshold:"_s;
    QTest::newRow("feed_threshold text")
        << 3 << u"feed_threshold"_s << QJsonValue(u"20"_s) << u"channels[3].feed_threshold:"_s;
    QTest::newRow("rate zero") << 0 << u"max_requests_per_second"_s << QJsonValue(0)
                               << u"channels[0].max_requests_per_second:"_s;
    QTest::newRow("buffer negative")
        << 0 << u"safety_buffer"_s << QJsonValue(-1) << u"channels[0].safety_buffer:"_s;
    QTest::newRow("buffer fraction")
        << 0 << u"safety_buffer"_s << QJsonValue(1.5) << u"channels[0].safety_buffer:"_s;
    QTest::newRow("api_version") << 0 << u"api_version"_s << QJsonValue(true)
                                 << u"channels[0].api_version: must be a string"_s;
    QTest::newRow("intake unknown") << 0 << u"intake"_s << QJsonValue(u"email"_s)
                                    << u"channels[0].intake: must be \"webhook\", \"poll\" or "
                                       "\"both\""_s;
    QTest::newRow("intake not a string")
        << 1 << u"intake"_s << QJsonValue(1) << u"channels[1].intake: must be"_s;
    QTest::newRow("ebay has no webhooks") << 2 << u"intake"_s << QJsonValue(u"both"_s)
                                          << u"channels[2].intake: ebay delivers no order "
                                             "webhooks"_s;
    QTest::newRow("amazon has no webhooks")
        << 3 << u"intake"_s << QJsonValue(u"webhook"_s) << u"channels[3].intake: amazon"_s;
    QTest::newRow("interval zero") << 0 << u"poll_interval_s"_s << QJsonValue(0)
                                   << u"channels[0].poll_interval_s: must be a whole number of "
                                      "seconds from 1 to 86400"_s;
    QTest::newRow("interval fraction")
        << 1 << u"poll_interval_s"_s << QJsonValue(2.5) << u"channels[1].poll_interval_s:"_s;
    QTest::newRow("interval text")
        << 2 << u"poll_interval_s"_s << QJsonValue(u"30"_s) << u"channels[2].poll_interval_s:"_s;
    QTest::newRow("interval a day and more")
        << 3 << u"poll_interval_s"_s << QJsonValue(86401) << u"channels[3].poll_interval_s:"_s;
    QTest::newRow("listener not an object")
        << -1 << u"listener"_s << QJsonValue(5) << u"listener: must be an object"_s;
    QTest::newRow("listener timeout zero")
        << -1 << u"listener.timeout_s"_s << QJsonValue(0)
        << u"listener.timeout_s: must be a whole number from 1 to 3600"_s;
    QTest::newRow("listener body fraction")
        << -1 << u"listener.max_body_bytes"_s << QJsonValue(1.5) << u"listener.max_body_bytes:"_s;
    QTest::newRow("listener connections text")
        << -1 << u"listener.max_connections"_s << QJsonValue(u"9"_s)
        << u"listener.max_connections:"_s;
    // Huge numbers, control characters, truncations (loadsFromFile), duplicates (duplicate id).
    QTest::newRow("buffer past 2^31")
        << 0 << u"safety_buffer"_s << QJsonValue(1e12)
        << u"channels[0].safety_buffer: must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("default buffer past 2^31")
        << -1 << u"safety_buffer"_s << QJsonValue(2147483648.0)
        << u"safety_buffer: must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("buffer.max past 2^31")
        << 1 << u"buffer"_s << QJsonValue(QJsonObject {{u"max"_s, 1e300}})
        << u"channels[1].buffer.max: must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("buffer.percent negative")
        << 2 << u"buffer"_s << QJsonValue(QJsonObject {{u"percent"_s, -5}})
        << u"channels[2].buffer.percent: must be a whole number from 0 to 100"_s;
    QTest::newRow("timeout past 2^63") << 0 << u"request_timeout_ms"_s << QJsonValue(1e30)
                                       << u"channels[0].request_timeout_ms: must be a whole "
                                          "number from 100 to 600000"_s;
    QTest::newRow("timeout negative")
        << 1 << u"request_timeout_ms"_s << QJsonValue(-100) << u"channels[1].request_timeout_ms:"_s;
    QTest::newRow("reconcile negative")
        << 2 << u"reconcile_interval_s"_s << QJsonValue(-1)
        << u"channels[2].reconcile_interval_s: must be a whole number of seconds from 0"_s;
    QTest::newRow("rate negative") << 3 << u"max_requests_per_second"_s << QJsonValue(-2)
                                   << u"channels[3].max_requests_per_second: must be a number "
                                      "above 0"_s;
    QTest::newRow("listen port past 65535")
        << -1 << u"listen"_s << QJsonValue(u"127.0.0.1:65536"_s) << u"listen:"_s;
    QTest::newRow("listen port negative")
        << -1 << u"listen"_s << QJsonValue(u"127.0.0.1:-1"_s) << u"listen:"_s;
    QTest::newRow("retention past ten years")
        << -1 << u"inbox_retention_days"_s << QJsonValue(1e9)
        << u"inbox_retention_days: must be a whole number from 1 to 3650"_s;
    QTest::newRow("id control character")
        << 0 << u"id"_s << QJsonValue(u"shop\x01us"_s)
        << u"channels[0].id: must not contain control characters"_s;
    QTest::newRow("id with a final newline")
        << 1 << u"id"_s << QJsonValue(u"woo\nx"_s) << u"channels[1].id:"_s;
    QTest::newRow("seller_id control character")
        << 3 << u"seller_id"_s << QJsonValue(u"A2\x1bSELLER"_s)
        << u"channels[3].seller_id: must not contain control characters"_s;
    QTest::newRow("api_version control character")
        << 0 << u"api_version"_s << QJsonValue(u"2026-10\r\nX-Injected: 1"_s)
        << u"channels[0].api_version: must not contain control characters"_s;
    QTest::newRow("location_id control character")
        << 0 << u"location_id"_s << QJsonValue(u"124\t656943"_s)
        << u"channels[0].location_id: must not contain control characters"_s;
    QTest::newRow("id over 64 characters")
        << 0 << u"id"_s << QJsonValue(QString(65, u'a')) << u"channels[0].id:"_s;
    QTest::newRow("listener unknown key")
        << -1 << u"listener.backlog"_s << QJsonValue(5) << u"listener.backlog: unknown key"_s;
}

void TestChannelConfig::listenerLimits()
{
    QJsonObject root = validConfig();
    const ChannelsConfigResult defaults =
        parseChannelsConfig(QJsonDocument(root).toJson(), environment());
    QVERIFY2(defaults.ok(), qPrintable(defaults.error));
    QCOMPARE(defaults.config->listener, ListenerLimits());
    QVERIFY(!channelsConfigToJson(*defaults.config).contains(u"listener"_s));

    root.insert(
        u"listener"_s,
        QJsonObject {{u"timeout_s"_s, 3}, {u"max_body_bytes"_s, 65536}, {u"max_in_flight"_s, 8}});
    const ChannelsConfigResult set =
        parseChannelsConfig(QJsonDocument(root).toJson(), environment());
    QVERIFY2(set.ok(), qPrintable(set.error));
    QCOMPARE(set.config->listener.timeoutSeconds, 3);
    QCOMPARE(set.config->listener.maxBodyBytes, 65536);
    QCOMPARE(set.config->listener.maxInFlight, 8);
    QCOMPARE(set.config->listener.maxConnections, ListenerLimits().maxConnections);
    // The file's form keeps what was set, and only that.
    QCOMPARE(channelsConfigToJson(*set.config).value(u"listener"_s).toObject(),
             root.value(u"listener"_s).toObject());
}

void TestChannelConfig::badField()
{
    QFETCH(int, channel);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);

    QJsonObject root = validConfig();
    auto edit = [&](QJsonObject object) {
        const QStringList parts = field.split(u'.');
        if (parts.size() == 2) {
            QJsonObject inner = object.value(parts.at(0)).toObject();
            if (value.isUndefined())
                inner.remove(parts.at(1));
            else
                inner.insert(parts.at(1), value);
            object.insert(parts.at(0), inner);
        } else if (value.isUndefined()) {
            object.remove(field);
        } else {
            object.insert(field, value);
        }
        return object;
    };
    if (channel < 0) {
        root = edit(root);
    } else {
        QJsonArray channels = root.value(u"channels"_s).toArray();
        channels[channel] = edit(channels.at(channel).toObject());
        root.insert(u"channels"_s, channels);
    }
    const auto result = parseChannelsConfig(QJsonDocument(root).toJson(), environment());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(expected), qPrintable(result.error));
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

void TestChannelConfig::alertsAndDefaultBuffer_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<double>("p99");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("buffer"); // the channel's pause_at, -1: none
    QTest::addColumn<QString>("error");

    QTest::newRow("defaults") << QByteArray() << 5.0 << 30.0 << 0.99 << qint64(-1) << QString();
    QTest::newRow("all set") << QByteArray(R"("alerts": {"lag_p99_seconds": 2, "lag_max_seconds":
                                 10, "success_rate_min": 0.95}, "safety_buffer": 3,)")
                             << 2.0 << 10.0 << 0.95 << qint64(3) << QString();
    QTest::newRow("some") << QByteArray(R"("alerts": {"lag_max_seconds": 60},)") << 5.0 << 60.0
                          << 0.99 << qint64(-1) << QString();
    QTest::newRow("zero lag") << QByteArray(R"("alerts": {"lag_p99_seconds": 0},)") << 0.0 << 0.0
                              << 0.0 << qint64(-1)
                              << u"alerts.lag_p99_seconds: must be a number of seconds above 0"_s;
    QTest::newRow("rate above 1") << QByteArray(R"("alerts": {"success_rate_min": 1.5},)") << 0.0
                                  << 0.0 << 0.0 << qint64(-1)
                                  << u"alerts.success_rate_min: must be a number from 0 to 1"_s;
    QTest::newRow("not an object") << QByteArray(R"("alerts": 5,)") << 0.0 << 0.0 << 0.0
                                   << qint64(-1) << u"alerts: must be an object"_s;
    QTest::newRow("negative buffer")
        << QByteArray(R"("safety_buffer": -1,)") << 0.0 << 0.0 << 0.0 << qint64(-1)
        << u"safety_buffer: must be a whole number from 0 to 2147483647"_s;
}

void TestChannelConfig::alertsAndDefaultBuffer()
{
    QFETCH(QByteArray, extra);
    QFETCH(double, p99);
    QFETCH(double, max);
    QFETCH(double, rate);
    QFETCH(qint64, buffer);
    QFETCH(QString, error);
    const QByteArray json = "{" + extra + R"( "channels": [
        {"id": "ebay", "type": "ebay", "base_url": "https://api.ebay.com",
         "credentials": {"token_env": "EBAY_TOKEN"}}]})";
    const auto result = parseChannelsConfig(json, environment());
    if (!error.isEmpty()) {
        QCOMPARE(result.error, error);
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.config->alerts.lagP99Seconds, p99);
    QCOMPARE(result.config->alerts.lagMaxSeconds, max);
    QCOMPARE(result.config->alerts.successRateMin, rate);
    QCOMPARE(result.config->channels.first().buffer.pauseAt.value_or(-1), buffer);
}

void TestChannelConfig::intakeAndPollInterval_data()
{
    QTest::addColumn<int>("channel");
    QTest::addColumn<QJsonValue>("intake"); // Undefined: not set
    QTest::addColumn<QJsonValue>("interval");
    QTest::addColumn<bool>("dropWebhookSecret");
    QTest::newRow("not set") << 0 << QJsonValue() << QJsonValue() << false;
    QTest::newRow("shopify both") << 0 << QJsonValue(u"both"_s) << QJsonValue(30) << false;
    QTest::newRow("shopify webhook") << 0 << QJsonValue(u"webhook"_s) << QJsonValue() << false;
    // Polled only: no webhook comes, so no webhook secret is needed.
    QTest::newRow("woo poll, no secret") << 1 << QJsonValue(u"poll"_s) << QJsonValue(15) << true;
    QTest::newRow("ebay poll") << 2 << QJsonValue(u"poll"_s) << QJsonValue(5) << false;
    QTest::newRow("amazon interval") << 3 << QJsonValue() << QJsonValue(120) << false;
}

void TestChannelConfig::intakeAndPollInterval()
{
    QFETCH(int, channel);
    QFETCH(QJsonValue, intake);
    QFETCH(QJsonValue, interval);
    QFETCH(bool, dropWebhookSecret);
    QJsonObject root = validConfig();
    QJsonArray channels = root.value(u"channels"_s).toArray();
    QJsonObject c = channels.at(channel).toObject();
    if (!intake.isNull())
        c.insert(u"intake"_s, intake);
    if (!interval.isNull())
        c.insert(u"poll_interval_s"_s, interval);
    if (dropWebhookSecret)
        c.remove(u"webhook_secret_env"_s);
    channels.replace(channel, c);
    root.insert(u"channels"_s, channels);
    const ChannelsConfigResult result =
        parseChannelsConfig(QJsonDocument(root).toJson(), environment());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const ChannelConfig &parsed = result.config->channels.at(channel);
    QCOMPARE(parsed.intake.has_value(), !intake.isNull());
    if (!intake.isNull())
        QCOMPARE(intakeName(*parsed.intake), intake.toString());
    QCOMPARE(parsed.pollIntervalSeconds.has_value(), !interval.isNull());
    if (!interval.isNull())
        QCOMPARE(*parsed.pollIntervalSeconds, interval.toInt());
    if (dropWebhookSecret)
        QVERIFY(parsed.webhookSecrets.isEmpty());

    // Written back with the same keys, and only when set.
    const QJsonObject written =
        channelsConfigToJson(*result.config).value(u"channels"_s).toArray().at(channel).toObject();
    QCOMPARE(written.value(u"intake"_s),
             intake.isNull() ? QJsonValue(QJsonValue::Undefined) : intake);
    QCOMPARE(written.value(u"poll_interval_s"_s),
             interval.isNull() ? QJsonValue(QJsonValue::Undefined) : interval);
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestChannelConfig)
#include "tst_channelconfig.moc"
