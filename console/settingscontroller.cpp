#include "console/settingscontroller.h"

#include "console/settingsstore.h"
#include "secrets/secretstore.h"
#include "store/database.h"
#include "util/redact.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
// Why a file could not start the core, its field named; empty when it could. Secrets are not
// needed to tell (they may be on their way to the keychain with this very save).
QString configError(const QByteArray &json)
{
    SecretSources sources;
    sources.environment = QProcessEnvironment::systemEnvironment();
    sources.keychain = [](const QString &) -> std::optional<QByteArray> { return std::nullopt; };
    sources.policy = SecretPolicy::Optional;
    const ChannelsConfigResult channels = parseChannelsConfig(json, sources);
    if (!channels.ok())
        return channels.error;
    if (QJsonDocument::fromJson(json).object().contains(u"carriers"_s)) {
        CarrierSettings carriers;
        QString error;
        if (!parseCarrierSettings(json, sources, &carriers, &error))
            return error;
    }
    return {};
}
} // namespace

QString SettingsController::databaseLocationError(const QString &location)
{
    if (!Database::isPostgresLocation(location))
        return {}; // a SQLite file (empty: the default one)
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
        return tr("database: %1 is not a postgresql://user@host:port/database URL")
            .arg(redactedLocation(location));
    if (!url.password().isEmpty())
        return tr("database: the password goes to the keychain, not into the URL");
    return {};
}

SettingsController::SettingsController(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

SettingsController::~SettingsController() = default;

SettingsStore *SettingsController::store()
{
    if (!m_store) {
        std::unique_ptr<SecretStore> secrets;
        if (m_options.secretStore)
            secrets = m_options.secretStore();
        m_store = std::make_unique<SettingsStore>(m_options.configPath, std::move(secrets));
    }
    return m_store.get();
}

void SettingsController::readStartConfig(std::function<void(const StartConfig &)> done)
{
    // The keychain entries the file names are read first, on this thread, then the file parsed.
    store()->load([this, done = std::move(done)](const SettingsStore::Loaded &loaded) {
        if (m_options.secretStore && !loaded.keychainAvailable)
            Q_EMIT logMessage(tr("No keychain service (%1): secrets come from the environment")
                                  .arg(loaded.keychainDetail));
        StartConfig config;
        config.error = loaded.error;
        config.databaseLocation = loaded.databaseLocation;
        config.databasePassword = loaded.secrets.value(QLatin1StringView(kDatabasePasswordKey));
        if (config.error.isEmpty() && !loaded.fileExists && m_options.configRequired)
            config.error = tr("config: cannot read %1: no such file").arg(m_options.configPath);
        else if (config.error.isEmpty() && !loaded.fileExists)
            Q_EMIT logMessage(
                tr("No config at %1 yet: File > Settings creates it").arg(m_options.configPath));
        else if (config.error.isEmpty())
            parse(loaded.json, loaded.secrets, &config);
        done(config);
    });
}

bool SettingsController::parse(const QByteArray &json, const QHash<QString, QByteArray> &keychain,
                               StartConfig *out)
{
    SecretSources sources;
    sources.environment = QProcessEnvironment::systemEnvironment();
    if (m_options.secretStore)
        sources.keychain = [keychain](const QString &key) -> std::optional<QByteArray> {
            const auto it = keychain.constFind(key);
            return it == keychain.constEnd() ? std::nullopt : std::optional(*it);
        };
    const ChannelsConfigResult parsed = parseChannelsConfig(json, sources);
    if (!parsed.ok()) {
        out->error = parsed.error;
        return false;
    }
    out->channels = *parsed.config;
    out->carriers.reset();
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.contains(u"carriers"_s)) {
        CarrierSettings carriers;
        QString carrierError;
        if (parseCarrierSettings(json, sources, &carriers, &carrierError))
            out->carriers = carriers;
        else
            Q_EMIT logMessage(tr("Carrier quotes are off: %1").arg(carrierError));
    }
    return true;
}

void SettingsController::loadSettings()
{
    if (m_options.demo) {
        SettingsSnapshot snapshot;
        snapshot.demo = true;
        if (m_demoConfig)
            snapshot.json = QJsonDocument(channelsConfigToJson(*m_demoConfig)).toJson();
        Q_EMIT settingsLoaded(snapshot);
        return;
    }
    store()->load([this](const SettingsStore::Loaded &loaded) {
        SettingsSnapshot snapshot;
        snapshot.configPath = m_store->configPath();
        snapshot.json = loaded.json;
        snapshot.fileExists = loaded.fileExists;
        snapshot.error = loaded.error;
        snapshot.keychainAvailable = loaded.keychainAvailable;
        snapshot.keychainName = loaded.keychainName;
        snapshot.keychainDetail = loaded.keychainDetail;
        snapshot.storedSecrets = loaded.secrets.keys(); // the keys only, never the values
        snapshot.storedSecrets.sort();
        snapshot.databaseLocation = loaded.databaseLocation;
        snapshot.databaseInUse = m_databaseInUse;
        Q_EMIT settingsLoaded(snapshot);
    });
}

void SettingsController::saveSettings(const SettingsChange &change)
{
    if (m_options.demo) {
        SettingsSaveResult result;
        result.message = tr("the demo's simulated channels cannot be changed");
        Q_EMIT settingsSaved(result);
        return;
    }
    // The dialog checks the file too; this is the last gate before a secret or a byte is
    // written: a file the core could not start with is refused, and the old one stays.
    QString error = configError(change.json);
    if (error.isEmpty() && change.databaseLocation)
        error = databaseLocationError(*change.databaseLocation);
    if (!error.isEmpty()) {
        SettingsSaveResult result;
        result.configPath = m_options.configPath;
        result.message = error;
        Q_EMIT settingsSaved(result);
        return;
    }
    store()->save(change, [this](const SettingsSaveResult &result) {
        if (result.ok)
            Q_EMIT logMessage(tr("Settings saved to %1").arg(result.configPath));
        Q_EMIT settingsSaved(result);
    });
}

} // namespace ChannelDesk
