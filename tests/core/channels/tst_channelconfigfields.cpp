// The channels config's fields one by one: each bad value refused with its message, the
// listener's limits, alerts and the default buffer, and how orders come in (webhooks, polling).
#include "channelconfigtest.h"
#include "channels/channelconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

using Testing::environment;
using Testing::validConfig;

class TestChannelConfigFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badField_data();
    void badField();
    void listenerLimits();
    void alertsAndDefaultBuffer_data();
    void alertsAndDefaultBuffer();
    void intakeAndPollInterval_data();
    void intakeAndPollInterval();
};

void TestChannelConfigFields::badField_data()
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

void TestChannelConfigFields::listenerLimits()
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

void TestChannelConfigFields::badField()
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

void TestChannelConfigFields::alertsAndDefaultBuffer_data()
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

void TestChannelConfigFields::alertsAndDefaultBuffer()
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

void TestChannelConfigFields::intakeAndPollInterval_data()
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

void TestChannelConfigFields::intakeAndPollInterval()
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

QTEST_GUILESS_MAIN(ChannelDesk::TestChannelConfigFields)
#include "tst_channelconfigfields.moc"
