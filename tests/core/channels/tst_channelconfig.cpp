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
    void ignoresCarriersAndOtherKeys();
    void badField_data();
    void badField();
    void missingSecretMayBeAllowed();
    void loadsFromFile();

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
         "lwa_url": "http://127.0.0.1:9999"}
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
    QCOMPARE(shop->safetyBuffer, std::optional<qint64>(2));

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
    QVERIFY(!amazon.safetyBuffer);
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
    QTest::newRow("rate zero") << 0 << u"max_requests_per_second"_s << QJsonValue(0)
                               << u"channels[0].max_requests_per_second:"_s;
    QTest::newRow("buffer negative")
        << 0 << u"safety_buffer"_s << QJsonValue(-1) << u"channels[0].safety_buffer:"_s;
    QTest::newRow("buffer fraction")
        << 0 << u"safety_buffer"_s << QJsonValue(1.5) << u"channels[0].safety_buffer:"_s;
    QTest::newRow("api_version") << 0 << u"api_version"_s << QJsonValue(true)
                                 << u"channels[0].api_version: must be a string"_s;
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

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestChannelConfig)
#include "tst_channelconfig.moc"
