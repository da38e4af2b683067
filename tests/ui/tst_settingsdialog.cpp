// The settings dialog against a real core thread with an in-memory keychain: secrets go to the
// keychain and never into the config file or the QSettings file, the core restarts with the saved
// config, and a machine without a keychain service is told so and edits environment names.
#include "console/corebridge.h"
#include "secrets/memorysecretstore.h"
#include "settings/settingsdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
const QByteArray kToken = "shpat_DO-NOT-LEAK-4242";
const QByteArray kHook = "whsec_DO-NOT-LEAK-7777";
const QByteArray kDbPassword = "pg-DO-NOT-LEAK-5151";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"ChannelDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_settingsdialog"_s);
    }
    void init() { QSettings().clear(); }

    void savesSecretsToTheKeychainOnly();
    void reportsNoKeychain();
    void rejectsWhatTheParserRejects_data();
    void rejectsWhatTheParserRejects();
    void channelBufferIsEditedAsTheBufferObject();
    void reconcileIntervalIsEditedPerChannel();
    void databaseLocationRoundTrip_data();
    void databaseLocationRoundTrip();

private:
    struct Fixture
    {
        QTemporaryDir dir;
        std::shared_ptr<MemorySecretStore::Contents> keychain =
            std::make_shared<MemorySecretStore::Contents>();
        std::unique_ptr<CoreBridge> bridge;

        QString configPath() const { return dir.filePath(u"config/channeldesk.json"_s); }
        void start()
        {
            ConsoleWorker::Options options;
            options.databaseLocation = dir.filePath(u"inventory.sqlite"_s);
            options.configPath = configPath();
            options.configRequired = false;
            options.listen = false;
            options.secretStore = [contents = keychain] {
                return std::make_unique<MemorySecretStore>(contents);
            };
            bridge = std::make_unique<CoreBridge>(options);
        }
    };
    template<typename T> static T *child(QWidget *dialog, const QString &name)
    {
        T *w = dialog->findChild<T *>(name);
        if (!w)
            qFatal("no widget %s", qPrintable(name));
        return w;
    }
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }
    static void addShopifyChannel(QWidget *dialog)
    {
        QTest::mouseClick(child<QPushButton>(dialog, u"channelAdd"_s), Qt::LeftButton);
        type(child<QLineEdit>(dialog, u"channelId"_s), u"shop-us"_s);
        child<QComboBox>(dialog, u"channelType"_s)->setCurrentText(u"shopify"_s);
        type(child<QLineEdit>(dialog, u"channelBaseUrl"_s), u"http://127.0.0.1:9"_s);
        type(child<QLineEdit>(dialog, u"location_id"_s), u"124656943"_s);
    }
};

void TestSettingsDialog::savesSecretsToTheKeychainOnly()
{
    Fixture f;
    QVERIFY(f.dir.isValid());
    f.start();
    QSignalSpy started(f.bridge.get(), &CoreBridge::started);
    QSignalSpy failed(f.bridge.get(), &CoreBridge::startFailed);
    f.bridge->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000); // no config yet: no channels
    QVERIFY(started.first().first().value<ConsoleInfo>().channels.isEmpty());

    SettingsDialog dialog(f.bridge.get());
    dialog.show();
    auto *status = child<QLabel>(&dialog, u"keychainStatus"_s);
    QTRY_VERIFY(status->text().contains(u"system keychain"_s));
    addShopifyChannel(&dialog);
    auto *token = child<QLineEdit>(&dialog, u"channelSecret-token"_s);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QVERIFY(token->isVisibleTo(&dialog));
    QTest::keyClicks(token, QString::fromLatin1(kToken));
    QTest::keyClicks(child<QLineEdit>(&dialog, u"channelSecret-webhook_secret"_s),
                     QString::fromLatin1(kHook));
    QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));

    QTest::mouseClick(child<QPushButton>(&dialog, u"settingsSave"_s), Qt::LeftButton);
    auto *message = child<QLabel>(&dialog, u"settingsMessage"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(message->text().contains(u"restarted"_s), qPrintable(message->text()),
                              15000);

    // The keychain holds the secrets under their keys...
    QCOMPARE(f.keychain->value(u"channel/shop-us/token"_s), kToken);
    QCOMPARE(f.keychain->value(u"channel/shop-us/webhook_secret"_s), kHook);
    // ...the file names the channel and holds no secret...
    const QByteArray file = readAll(f.configPath());
    QVERIFY(file.contains("\"shop-us\""));
    QVERIFY(!file.contains(kToken));
    QVERIFY(!file.contains(kHook));
    // ...and the core restarted with it, its secrets resolved from the keychain.
    QCOMPARE(failed.count(), 0);
    QCOMPARE(started.count(), 2);
    QCOMPARE(started.last().first().value<ConsoleInfo>().channels, QStringList {u"shop-us"_s});

    // Reloaded: the field says the keychain has a value and shows none.
    QTRY_COMPARE(token->placeholderText(), u"stored in keychain"_s);
    QVERIFY(token->text().isEmpty());

    dialog.done(QDialog::Accepted); // persists its geometry
    QSettings settings;
    settings.sync();
    const QByteArray settingsFile = readAll(settings.fileName());
    QVERIFY(settingsFile.contains("SettingsDialog"));
    QVERIFY(!settingsFile.contains(kToken));
    QVERIFY(!settingsFile.contains(kHook));
}

void TestSettingsDialog::reportsNoKeychain()
{
    Fixture f;
    QVERIFY(f.dir.isValid());
    f.keychain->available = false;
    f.start();
    SettingsDialog dialog(f.bridge.get());
    dialog.show();
    auto *status = child<QLabel>(&dialog, u"keychainStatus"_s);
    QTRY_VERIFY(status->text().contains(u"No keychain service is running"_s));
    addShopifyChannel(&dialog);
    // No keychain: the secret fields are gone, the environment variable names are edited.
    QVERIFY(!child<QLineEdit>(&dialog, u"channelSecret-token"_s)->isVisibleTo(&dialog));
    auto *tokenEnv = child<QLineEdit>(&dialog, u"channelEnv-token"_s);
    QVERIFY(tokenEnv->isVisibleTo(&dialog));
    QTest::keyClicks(tokenEnv, u"CHANNELDESK_TEST_UNSET_TOKEN"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"channelEnv-webhook_secret"_s), u"PATH"_s);

    QTest::mouseClick(child<QPushButton>(&dialog, u"settingsSave"_s), Qt::LeftButton);
    auto *message = child<QLabel>(&dialog, u"settingsMessage"_s);
    QCOMPARE(message->text(),
             u"Not saved: channels[0].credentials.token_env: environment variable "
             "CHANNELDESK_TEST_UNSET_TOKEN is not set"_s);
    QVERIFY(!QFile::exists(f.configPath()));

    qputenv("CHANNELDESK_TEST_UNSET_TOKEN", "from-the-environment");
    QTest::mouseClick(child<QPushButton>(&dialog, u"settingsSave"_s), Qt::LeftButton);
    QTRY_VERIFY2(message->text().startsWith(u"Saved"_s), qPrintable(message->text()));
    qunsetenv("CHANNELDESK_TEST_UNSET_TOKEN");
    const QByteArray file = readAll(f.configPath());
    QVERIFY(file.contains("\"token_env\": \"CHANNELDESK_TEST_UNSET_TOKEN\""));
    QVERIFY(!file.contains("from-the-environment"));
    QVERIFY(f.keychain->values.isEmpty());
}

void TestSettingsDialog::rejectsWhatTheParserRejects_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("base url") << u"channelBaseUrl"_s << u"ftp://x"_s
                              << u"channels[0].base_url: \"ftp://x\" is not an http(s) URL"_s;
    QTest::newRow("location") << u"location_id"_s << u"abc"_s
                              << u"channels[0].location_id: \"abc\" is not a location id"_s;
    QTest::newRow("no token") << u"channelSecret-token"_s << QString()
                              << u"channels[0].credentials.token_env: missing, and the keychain "
                                 "has no channel/shop-us/token"_s;
    QTest::newRow("listen") << u"listen"_s << u"nowhere"_s << u"listen: must be \"host:port\""_s;
}

void TestSettingsDialog::rejectsWhatTheParserRejects()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, error);
    Fixture f;
    QVERIFY(f.dir.isValid());
    f.start();
    SettingsDialog dialog(f.bridge.get());
    dialog.show();
    QTRY_VERIFY(child<QLabel>(&dialog, u"keychainStatus"_s)->text().contains(u"keychain"_s));
    addShopifyChannel(&dialog);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"channelSecret-token"_s), u"t"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"channelSecret-webhook_secret"_s), u"h"_s);
    QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));
    auto *edit = child<QLineEdit>(&dialog, field);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QTest::mouseClick(child<QPushButton>(&dialog, u"settingsSave"_s), Qt::LeftButton);
    const QString shown = child<QLabel>(&dialog, u"settingsMessage"_s)->text();
    QVERIFY2(shown.startsWith(u"Not saved: "_s + error), qPrintable(shown));
    QVERIFY(!QFile::exists(f.configPath()));
    QVERIFY(f.keychain->values.isEmpty());
}

void TestSettingsDialog::channelBufferIsEditedAsTheBufferObject()
{
    Fixture f;
    QVERIFY(f.dir.isValid());
    QVERIFY(QDir().mkpath(QFileInfo(f.configPath()).path()));
    QFile file(f.configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    // The older per-channel safety_buffer: it is the channel's pause_at.
    file.write(R"({"safety_buffer": 1, "channels": [{"id": "ebay-us", "type": "ebay",
        "base_url": "https://api.ebay.com", "credentials": {"token_env": "PATH"},
        "safety_buffer": 4}]})");
    file.close();
    f.start();
    SettingsDialog dialog(f.bridge.get());
    dialog.show();
    auto *pauseAt = child<QSpinBox>(&dialog, u"channelBufferPauseAt"_s);
    QTRY_COMPARE(pauseAt->value(), 4);
    auto *percent = child<QSpinBox>(&dialog, u"channelBufferPercent"_s);
    auto *max = child<QSpinBox>(&dialog, u"channelBufferMax"_s);
    // An empty field says what it inherits.
    QCOMPARE(percent->text(), u"100% (default)"_s);
    QCOMPARE(max->text(), u"no maximum (default)"_s);

    percent->setValue(50);
    const auto channel = [&dialog] {
        return QJsonDocument::fromJson(dialog.configJson())
            .object()
            .value(u"channels"_s)
            .toArray()
            .first()
            .toObject();
    };
    QCOMPARE(channel().value(u"buffer"_s).toObject(),
             (QJsonObject {{u"percent"_s, 50}, {u"pause_at"_s, 4}}));
    QVERIFY(!channel().contains(u"safety_buffer"_s)); // written as buffer.pause_at only
    QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));

    // Back to inheriting: pause_at falls back to the file's default, and "buffer" goes.
    pauseAt->setValue(pauseAt->minimum());
    QCOMPARE(pauseAt->text(), u"1 (every channel's)"_s);
    percent->setValue(percent->minimum());
    QVERIFY(!channel().contains(u"buffer"_s));
}

void TestSettingsDialog::reconcileIntervalIsEditedPerChannel()
{
    Fixture f;
    QVERIFY(f.dir.isValid());
    QVERIFY(QDir().mkpath(QFileInfo(f.configPath()).path()));
    QFile file(f.configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"channels": [{"id": "ebay-us", "type": "ebay",
        "base_url": "https://api.ebay.com", "credentials": {"token_env": "PATH"},
        "reconcile_interval_s": 120}]})");
    file.close();
    f.start();
    SettingsDialog dialog(f.bridge.get());
    dialog.show();
    auto *interval = child<QSpinBox>(&dialog, u"channelReconcile"_s);
    QTRY_COMPARE(interval->value(), 120);
    const auto channel = [&dialog] {
        return QJsonDocument::fromJson(dialog.configJson())
            .object()
            .value(u"channels"_s)
            .toArray()
            .first()
            .toObject();
    };
    interval->setValue(0); // off: kept, and said so
    QCOMPARE(interval->text(), u"never on a schedule"_s);
    QCOMPARE(channel().value(u"reconcile_interval_s"_s).toInt(-1), 0);
    QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));
    interval->setValue(900); // the default is not written
    QVERIFY(!channel().contains(u"reconcile_interval_s"_s));
}

void TestSettingsDialog::databaseLocationRoundTrip_data()
{
    QTest::addColumn<QString>("typed"); // into the location field
    QTest::addColumn<QString>("password"); // into the password field
    QTest::addColumn<QString>("kept"); // the location setting
    QTest::addColumn<bool>("postgres");
    const QString url = u"postgresql://cd@127.0.0.1:9/inventory"_s;
    const QString secret = QString::fromLatin1(kDbPassword);
    QTest::newRow("password in its field") << url << secret << url << true;
    QTest::newRow("password typed in the URL")
        << u"postgresql://cd:%1@127.0.0.1:9/inventory"_s.arg(secret) << QString() << url << true;
    QTest::newRow("another SQLite file")
        << u"other/inventory.sqlite"_s << QString() << u"other/inventory.sqlite"_s << false;
}

void TestSettingsDialog::databaseLocationRoundTrip()
{
    QFETCH(QString, typed);
    QFETCH(QString, password);
    QFETCH(QString, kept);
    QFETCH(bool, postgres);
    Fixture f;
    QVERIFY(f.dir.isValid());
    if (!postgres) { // relative to the test's folder
        typed = f.dir.filePath(typed);
        kept = f.dir.filePath(kept);
    }
    f.start();
    QSignalSpy started(f.bridge.get(), &CoreBridge::started);
    QSignalSpy failed(f.bridge.get(), &CoreBridge::startFailed);
    QSignalSpy log(f.bridge.get(), &CoreBridge::logMessage);
    f.bridge->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);

    auto dialog = std::make_unique<SettingsDialog>(f.bridge.get());
    dialog->show();
    QTRY_VERIFY(child<QLabel>(dialog.get(), u"keychainStatus"_s)->text().contains(u"keychain"_s));
    auto *location = child<QLineEdit>(dialog.get(), u"databaseLocation"_s);
    QVERIFY(location->text().isEmpty()); // no setting yet: --db (the fixture's file) is in use
    type(location, typed);
    auto *secret = child<QLineEdit>(dialog.get(), u"databasePassword"_s);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QCOMPARE(secret->isEnabled(), postgres);
    if (!password.isEmpty())
        QTest::keyClicks(secret, password);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"settingsSave"_s), Qt::LeftButton);

    // Applied by the restarted core: it opens the new location (a PostgreSQL server that is not
    // there fails to start, saying where, without the password).
    auto *message = child<QLabel>(dialog.get(), u"settingsMessage"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(
        message->text().contains(postgres ? u"did not start"_s : u"restarted"_s),
        qPrintable(message->text()), 15000);
    if (postgres) {
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(u"cd:***@127.0.0.1:9"_s));
    } else {
        QCOMPARE(started.count(), 2);
        QVERIFY(QFile::exists(kept));
    }
    QCOMPARE(QSettings().value(u"database/location"_s).toString(), kept);
    QCOMPARE(f.keychain->value(u"database/password"_s), postgres ? kDbPassword : QByteArray());
    for (const QList<QVariant> &line : std::as_const(log))
        QVERIFY2(!line.first().toString().contains(QString::fromLatin1(kDbPassword)),
                 qPrintable(line.first().toString()));
    QVERIFY(!message->text().contains(QString::fromLatin1(kDbPassword)));

    // The round trip: a new dialog shows the setting, the password only as stored.
    dialog = std::make_unique<SettingsDialog>(f.bridge.get());
    dialog->show();
    location = child<QLineEdit>(dialog.get(), u"databaseLocation"_s);
    QTRY_COMPARE(location->text(), kept);
    secret = child<QLineEdit>(dialog.get(), u"databasePassword"_s);
    QVERIFY(secret->text().isEmpty());
    QCOMPARE(secret->placeholderText(), postgres ? u"stored in keychain"_s : QString());
    dialog->done(QDialog::Accepted);
    QSettings settings;
    settings.sync();
    QVERIFY(!readAll(settings.fileName()).contains(kDbPassword));
    QVERIFY(!readAll(f.configPath()).contains(kDbPassword));
}

} // namespace ChannelDesk

QTEST_MAIN(ChannelDesk::TestSettingsDialog)
#include "tst_settingsdialog.moc"
