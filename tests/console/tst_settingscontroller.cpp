// The console's settings controller: what the core starts with (a missing file, a file whose
// secrets are in the keychain, carriers that cannot quote), what the settings dialog is shown
// (never a secret's value) and what a save writes; the demo's channels are shown, not saved.
#include "console/settingscontroller.h"
#include "secrets/memorysecretstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
// One Shopify channel whose token and webhook secret the keychain holds (no *_env names).
const QByteArray kConfig = "{\"channels\": [{\"id\": \"shop-us\", \"type\": \"shopify\", "
                           "\"base_url\": \"https://shop-us.myshopify.com\", "
                           "\"location_id\": \"124656943\"}]}";

struct Fixture
{
    QTemporaryDir dir;
    std::shared_ptr<MemorySecretStore::Contents> keychain =
        std::make_shared<MemorySecretStore::Contents>();
    QString path() const { return dir.filePath(u"channeldesk.json"_s); }
    SettingsController::Options options(bool required = true) const
    {
        SettingsController::Options o;
        o.configPath = path();
        o.configRequired = required;
        o.secretStore = [contents = keychain] {
            return std::make_unique<MemorySecretStore>(contents);
        };
        return o;
    }
    void write(const QByteArray &json) const
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
    }
};

SettingsController::StartConfig read(SettingsController &controller)
{
    std::optional<SettingsController::StartConfig> out;
    controller.readStartConfig([&out](const SettingsController::StartConfig &c) { out = c; });
    [&] { QTRY_VERIFY(out.has_value()); }();
    return out.value_or(SettingsController::StartConfig {u"no answer"_s, {}, {}, {}, {}});
}
} // namespace

class TestSettingsController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingFile_data();
    void missingFile();
    void secretsComeFromTheKeychain();
    void badCarriersOnlyWarn();
    void saveWritesAndShowsNoSecret();
    void demoIsShownNotSaved();
    void badConfig_data();
    void badConfig();
};

void TestSettingsController::missingFile_data()
{
    QTest::addColumn<bool>("required");
    QTest::newRow("required: the core does not start") << true;
    QTest::newRow("first run: no channels yet") << false;
}

void TestSettingsController::missingFile()
{
    QFETCH(bool, required);
    Fixture f;
    SettingsController controller(f.options(required));
    QSignalSpy log(&controller, &SettingsController::logMessage);
    const auto config = read(controller);
    QCOMPARE(config.error.isEmpty(), !required);
    if (required)
        QVERIFY(config.error.contains(f.path()));
    QVERIFY(!config.channels);
    QCOMPARE(log.count(), required ? 0 : 1); // "File > Settings creates it"
}

void TestSettingsController::secretsComeFromTheKeychain()
{
    Fixture f;
    f.write(kConfig);
    f.keychain->insert(u"channel/shop-us/token"_s, "shpat_kc");
    f.keychain->insert(u"channel/shop-us/webhook_secret"_s, "hook_kc");
    SettingsController controller(f.options());
    const auto config = read(controller);
    QVERIFY2(config.error.isEmpty(), qPrintable(config.error));
    QVERIFY(config.channels);
    QCOMPARE(config.channels->channels.size(), 1);
    QCOMPARE(config.channels->channels.first().credential(u"token"_s), QByteArray("shpat_kc"));
    QVERIFY(!config.carriers); // the file names none

    // Without the secret the file is not usable, and the error says which key is missing.
    f.keychain->values.clear();
    SettingsController again(f.options());
    QVERIFY(read(again).error.contains(u"channel/shop-us/token"_s));
}

void TestSettingsController::badCarriersOnlyWarn()
{
    Fixture f;
    QJsonObject root = QJsonDocument::fromJson(kConfig).object();
    root.insert(u"carriers"_s, QJsonArray {QJsonObject {{u"id"_s, u"ep"_s}}});
    f.write(QJsonDocument(root).toJson());
    f.keychain->insert(u"channel/shop-us/token"_s, "shpat_kc");
    f.keychain->insert(u"channel/shop-us/webhook_secret"_s, "hook_kc");
    SettingsController controller(f.options());
    QSignalSpy log(&controller, &SettingsController::logMessage);
    const auto config = read(controller);
    QVERIFY2(config.error.isEmpty(), qPrintable(config.error));
    QVERIFY(config.channels);
    QVERIFY(!config.carriers);
    QCOMPARE(log.count(), 1);
    QVERIFY(log.first().first().toString().contains(u"carriers"_s));
}

void TestSettingsController::saveWritesAndShowsNoSecret()
{
    Fixture f;
    SettingsController controller(f.options(false));
    QSignalSpy saved(&controller, &SettingsController::settingsSaved);
    QSignalSpy loaded(&controller, &SettingsController::settingsLoaded);
    SettingsChange change;
    change.json = kConfig;
    change.secrets.insert(u"channel/shop-us/token"_s, "shpat_new");
    change.secrets.insert(u"channel/shop-us/webhook_secret"_s, "hook_new");
    controller.saveSettings(change);
    QTRY_COMPARE(saved.count(), 1);
    const auto result = saved.first().first().value<SettingsSaveResult>();
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(!result.restarting); // the owner decides
    QCOMPARE(f.keychain->value(u"channel/shop-us/token"_s), QByteArray("shpat_new"));
    QFile file(f.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("shpat_new"));

    controller.loadSettings();
    QTRY_COMPARE(loaded.count(), 1);
    const auto snapshot = loaded.first().first().value<SettingsSnapshot>();
    QVERIFY(snapshot.fileExists);
    QVERIFY(snapshot.keychainAvailable);
    QCOMPARE(snapshot.storedSecrets,
             (QStringList {u"channel/shop-us/token"_s, u"channel/shop-us/webhook_secret"_s}));
    QVERIFY(!snapshot.json.contains("shpat_new"));
    QVERIFY(read(controller).channels); // and the core would start with it
}

void TestSettingsController::demoIsShownNotSaved()
{
    Fixture f;
    SettingsController::Options options = f.options();
    options.demo = true;
    SettingsController controller(options);
    ChannelsConfig demo;
    ChannelConfig channel;
    channel.id = u"shop-demo"_s;
    channel.type = u"shopify"_s;
    channel.baseUrl = QUrl(u"http://127.0.0.1:1/shop-demo"_s);
    demo.channels = {channel};
    controller.setDemoConfig(demo);
    QSignalSpy loaded(&controller, &SettingsController::settingsLoaded);
    QSignalSpy saved(&controller, &SettingsController::settingsSaved);
    controller.loadSettings();
    QCOMPARE(loaded.count(), 1);
    const auto snapshot = loaded.first().first().value<SettingsSnapshot>();
    QVERIFY(snapshot.demo);
    QVERIFY(snapshot.json.contains("shop-demo"));
    SettingsChange change;
    change.json = kConfig;
    controller.saveSettings(change);
    QCOMPARE(saved.count(), 1);
    QVERIFY(!saved.first().first().value<SettingsSaveResult>().ok);
    QVERIFY(!QFile::exists(f.path()));
}

// The config file as the console reads it at start and writes it from the Settings dialog:
// wrong types, huge and negative numbers, control characters, truncations, duplicates. At start
// the error names the field and the core does not start; a save is refused with the same
// message before any secret or byte is written, and the file on disk stays as it was.
void TestSettingsController::badConfig_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray channel = R"({"id": "shop-us", "type": "shopify",
        "base_url": "https://shop-us.myshopify.com", "location_id": "124656943")";
    auto config = [&](const QByteArray &extra) -> QByteArray {
        return QByteArray(R"({"channels": [)") + channel + extra + "}]}";
    };
    QTest::newRow("truncated") << kConfig.left(kConfig.size() - 3)
                               << u"config: not valid JSON at offset 122: unterminated string"_s;
    QTest::newRow("not an object") << QByteArray("[1]") << u"config: must be a JSON object"_s;
    QTest::newRow("wrong type") << config(R"(, "request_timeout_ms": "10000")")
                                << u"channels[0].request_timeout_ms: must be a whole number "
                                   "from 100 to 600000"_s;
    QTest::newRow("huge number")
        << config(R"(, "safety_buffer": 1e300)")
        << u"channels[0].safety_buffer: must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("negative number")
        << config(R"(, "buffer": {"reserve": -2})")
        << u"channels[0].buffer.reserve: must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("control character") << config(R"(, "api_version": "2026-10
X: 1")") << u"channels[0].api_version: must not contain control characters"_s;
    QTest::newRow("duplicate channel")
        << QByteArray(QByteArray(R"({"channels": [)") + channel + "}, " + channel + "}]}")
        << u"channels[1].id: \"shop-us\" is used by an earlier channel"_s;
    QTest::newRow("duplicate carrier")
        << QByteArray(R"({"channels": [], "carriers": [{"id": "ep", "type": "easypost",
            "base_url": "https://api.easypost.com"}, {"id": "ep", "type": "easypost",
            "base_url": "https://api.easypost.com"}]})")
        << u"carriers[1].id: \"ep\" is configured twice"_s;
}

void TestSettingsController::badConfig()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    Fixture f;
    f.write(json);
    f.keychain->insert(u"channel/shop-us/token"_s, "shpat_kc");
    f.keychain->insert(u"channel/shop-us/webhook_secret"_s, "hook_kc");
    {
        SettingsController controller(f.options());
        const auto config = read(controller);
        if (!json.contains("carriers")) { // bad carriers only warn at start: badCarriersOnlyWarn
            QCOMPARE(config.error, error);
            QVERIFY(!config.channels);
        }
    }

    f.write(kConfig);
    f.keychain->values.clear();
    SettingsController controller(f.options());
    QSignalSpy saved(&controller, &SettingsController::settingsSaved);
    SettingsChange change;
    change.json = json;
    change.secrets.insert(u"channel/shop-us/token"_s, "shpat_new");
    controller.saveSettings(change);
    QTRY_COMPARE(saved.count(), 1);
    const auto result = saved.first().first().value<SettingsSaveResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.message, error);
    QFile file(f.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), kConfig); // the old file stays
    QVERIFY(f.keychain->values.isEmpty()); // and no secret was written
}

QTEST_GUILESS_MAIN(TestSettingsController)
#include "tst_settingscontroller.moc"
