// A channel's "buffer" in the config file (channels/bufferconfig.h, channels/channelconfig.h):
// good and bad values with the field named, the older safety_buffer keys as pause_at and their
// precedence, and the round trip through channelsConfigToJson.
#include "channels/bufferconfig.h"
#include "channels/channelconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
constexpr qint64 kUnset = -1;

std::optional<qint64> opt(qint64 v)
{
    return v == kUnset ? std::nullopt : std::optional<qint64>(v);
}

// Two eBay channels (no secrets to name but the token); `second` is the second channel's extra
// keys, `top` the file's.
QByteArray config(const QByteArray &second, const QByteArray &top = {})
{
    const QByteArray ebay = "{\"id\": \"%1\", \"type\": \"ebay\", "
                            "\"base_url\": \"https://api.ebay.com\", "
                            "\"credentials\": {\"token_env\": \"EBAY_TOKEN\"}";
    QByteArray channels = QByteArray(ebay).replace("%1", "ebay-us") + "}, " +
        QByteArray(ebay).replace("%1", "ebay-de");
    if (!second.isEmpty())
        channels += ", " + second;
    return "{" + top + " \"channels\": [" + channels + "}]}";
}

QProcessEnvironment environment()
{
    QProcessEnvironment env;
    env.insert(u"EBAY_TOKEN"_s, u"v^1.1#token"_s);
    return env;
}
} // namespace

class TestBufferConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void good_data();
    void good();
    void bad_data();
    void bad();
    void roundTrip();
    void rulesFromConfig();
};

void TestBufferConfig::good_data()
{
    QTest::addColumn<QByteArray>("channel"); // the second channel's extra keys
    QTest::addColumn<QByteArray>("top"); // top-level keys
    QTest::addColumn<qint64>("reserve");
    QTest::addColumn<qint64>("percent");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<qint64>("pauseAt");

    QTest::newRow("none") << QByteArray() << QByteArray() << kUnset << kUnset << kUnset << kUnset;
    QTest::newRow("empty object") << QByteArray(R"("buffer": {})") << QByteArray() << kUnset
                                  << kUnset << kUnset << kUnset;
    QTest::newRow("null") << QByteArray(R"("buffer": null)") << QByteArray() << kUnset << kUnset
                          << kUnset << kUnset;
    QTest::newRow("all four")
        << QByteArray(R"("buffer": {"reserve": 2, "percent": 80, "max": 50, "pause_at": 1})")
        << QByteArray() << 2LL << 80LL << 50LL << 1LL;
    QTest::newRow("zeros") << QByteArray(R"("buffer": {"reserve": 0, "percent": 0, "max": 0,
                                          "pause_at": 0})")
                           << QByteArray() << 0LL << 0LL << 0LL << 0LL;
    QTest::newRow("percent 100") << QByteArray(R"("buffer": {"percent": 100})") << QByteArray()
                                 << kUnset << 100LL << kUnset << kUnset;
    QTest::newRow("whole number written 3.0") << QByteArray(R"("buffer": {"max": 3.0})")
                                              << QByteArray() << kUnset << kUnset << 3LL << kUnset;
    QTest::newRow("null field inherits") << QByteArray(R"("buffer": {"max": null, "reserve": 1})")
                                         << QByteArray() << 1LL << kUnset << kUnset << kUnset;
    QTest::newRow("largest") << QByteArray(R"("buffer": {"reserve": 2147483647,
                                            "max": 2147483647, "pause_at": 2147483647})")
                             << QByteArray() << 2147483647LL << kUnset << 2147483647LL
                             << 2147483647LL;
    // The older keys are pause_at: buffer.pause_at, then the channel's safety_buffer, then the
    // file's.
    QTest::newRow("channel safety_buffer")
        << QByteArray(R"("safety_buffer": 4)") << QByteArray() << kUnset << kUnset << kUnset << 4LL;
    QTest::newRow("top-level safety_buffer") << QByteArray() << QByteArray(R"("safety_buffer": 6,)")
                                             << kUnset << kUnset << kUnset << 6LL;
    QTest::newRow("channel's over the file's")
        << QByteArray(R"("safety_buffer": 4)") << QByteArray(R"("safety_buffer": 6,)") << kUnset
        << kUnset << kUnset << 4LL;
    QTest::newRow("buffer.pause_at over safety_buffer")
        << QByteArray(R"("safety_buffer": 4, "buffer": {"pause_at": 1})")
        << QByteArray(R"("safety_buffer": 6,)") << kUnset << kUnset << kUnset << 1LL;
    QTest::newRow("buffer without pause_at keeps safety_buffer")
        << QByteArray(R"("safety_buffer": 4, "buffer": {"percent": 50})") << QByteArray() << kUnset
        << 50LL << kUnset << 4LL;
}

void TestBufferConfig::good()
{
    QFETCH(QByteArray, channel);
    QFETCH(QByteArray, top);
    QFETCH(qint64, reserve);
    QFETCH(qint64, percent);
    QFETCH(qint64, max);
    QFETCH(qint64, pauseAt);
    const auto result = parseChannelsConfig(config(channel, top), environment());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const BufferOverride &b = result.config->channels.at(1).buffer;
    QCOMPARE(b.reserve, opt(reserve));
    QCOMPARE(b.percent ? std::optional<qint64>(*b.percent) : std::nullopt, opt(percent));
    QCOMPARE(b.max, opt(max));
    QCOMPARE(b.pauseAt, opt(pauseAt));
}

void TestBufferConfig::bad_data()
{
    QTest::addColumn<QByteArray>("channel");
    QTest::addColumn<QString>("error");

    const QString range = u"must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("not an object")
        << QByteArray(R"("buffer": 5)")
        << u"channels[1].buffer: must be an object with reserve, percent, max or pause_at"_s;
    QTest::newRow("array") << QByteArray(R"("buffer": [1, 2])")
                           << u"channels[1].buffer: must be an object with reserve, percent, max "
                              "or pause_at"_s;
    QTest::newRow("unknown key")
        << QByteArray(R"("buffer": {"pauseAt": 3})")
        << u"channels[1].buffer.pauseAt: unknown key (the keys are reserve, percent, max, "
           "pause_at)"_s;
    QTest::newRow("old name inside buffer")
        << QByteArray(R"("buffer": {"safety_buffer": 3})")
        << u"channels[1].buffer.safety_buffer: unknown key (the keys are reserve, percent, max, "
           "pause_at)"_s;
    QTest::newRow("percent 150") << QByteArray(R"("buffer": {"percent": 150})")
                                 << u"channels[1].buffer.percent: must be a whole number from 0 "
                                    "to 100"_s;
    QTest::newRow("percent fraction") << QByteArray(R"("buffer": {"percent": 50.5})")
                                      << u"channels[1].buffer.percent: must be a whole number "
                                         "from 0 to 100"_s;
    QTest::newRow("percent negative") << QByteArray(R"("buffer": {"percent": -1})")
                                      << u"channels[1].buffer.percent: must be a whole number "
                                         "from 0 to 100"_s;
    QTest::newRow("percent text") << QByteArray(R"("buffer": {"percent": "50"})")
                                  << u"channels[1].buffer.percent: must be a whole number from "
                                     "0 to 100"_s;
    QTest::newRow("reserve negative")
        << QByteArray(R"("buffer": {"reserve": -2})") << u"channels[1].buffer.reserve: "_s + range;
    QTest::newRow("max fraction") << QByteArray(R"("buffer": {"max": 1.5})")
                                  << u"channels[1].buffer.max: "_s + range;
    QTest::newRow("max bool") << QByteArray(R"("buffer": {"max": true})")
                              << u"channels[1].buffer.max: "_s + range;
    QTest::newRow("max too large")
        << QByteArray(R"("buffer": {"max": 2147483648})") << u"channels[1].buffer.max: "_s + range;
    QTest::newRow("pause_at negative") << QByteArray(R"("buffer": {"pause_at": -1})")
                                       << u"channels[1].buffer.pause_at: "_s + range;
    QTest::newRow("the first bad key is named")
        << QByteArray(R"("buffer": {"reserve": 1, "percent": 101, "max": -1})")
        << u"channels[1].buffer.percent: must be a whole number from 0 to 100"_s;
}

void TestBufferConfig::bad()
{
    QFETCH(QByteArray, channel);
    QFETCH(QString, error);
    const auto result = parseChannelsConfig(config(channel), environment());
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
}

void TestBufferConfig::roundTrip()
{
    const auto parsed =
        parseChannelsConfig(config(R"("buffer": {"reserve": 2, "percent": 80, "pause_at": 1})",
                                   R"("safety_buffer": 6,)"),
                            environment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const QJsonObject json = channelsConfigToJson(*parsed.config);
    const QJsonArray channels = json.value(u"channels"_s).toArray();
    // Written as "buffer", never as the older safety_buffer.
    QCOMPARE(channels.at(1).toObject().value(u"buffer"_s).toObject(),
             (QJsonObject {{u"reserve"_s, 2}, {u"percent"_s, 80}, {u"pause_at"_s, 1}}));
    QVERIFY(!channels.at(1).toObject().contains(u"safety_buffer"_s));
    QCOMPARE(channels.at(0).toObject().value(u"buffer"_s).toObject(),
             (QJsonObject {{u"pause_at"_s, 6}}));
    // The file's form names no secrets: read it as the console does, with a keychain.
    const SecretSources sources {environment(),
                                 [](const QString &) { return std::optional<QByteArray>(); },
                                 SecretPolicy::Optional};
    const auto again = parseChannelsConfig(QJsonDocument(json).toJson(), sources);
    QVERIFY2(again.ok(), qPrintable(again.error));
    for (int i = 0; i < 2; ++i)
        QCOMPARE(again.config->channels.at(i).buffer, parsed.config->channels.at(i).buffer);
}

void TestBufferConfig::rulesFromConfig()
{
    const auto parsed =
        parseChannelsConfig(config(R"("buffer": {"percent": 50, "max": 4})"), environment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const BufferRules rules = bufferRules(*parsed.config);
    QVERIFY(rules.hasChannel(u"ebay-us"_s));
    QVERIFY(rules.hasChannel(u"ebay-de"_s));
    QCOMPARE(rules.expected(u"ebay-us"_s, u"A"_s, 20, 0), (ShownQuantity {20, false}));
    QCOMPARE(rules.expected(u"ebay-de"_s, u"A"_s, 20, 0), (ShownQuantity {4, false}));
    QCOMPARE(rules.expected(u"ebay-de"_s, u"A"_s, 7, 0), (ShownQuantity {3, false}));
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestBufferConfig)
#include "tst_bufferconfig.moc"
