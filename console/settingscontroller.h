#pragma once

#include "carriers/carrierconfig.h"
#include "channels/channelconfig.h"
#include "console/settingstypes.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace ChannelDesk {

class SecretStore;
class SettingsStore;

// The console's config on the core thread: reads the channels config file (and the keychain
// entries it names) when the core starts, shows it to the settings dialog and saves the
// dialog's changes. In demo mode it shows the demo's channels and saves nothing. The
// SettingsStore (and its keychain) is made on first use, on the thread this object lives on.
class SettingsController : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString configPath;
        bool demo = false;
        // false: a configPath that does not exist yet means no channels.
        bool configRequired = true;
        // Makes the keychain. Empty: secrets come from the environment only.
        std::function<std::unique_ptr<SecretStore>()> secretStore;
    };

    // What the core starts with.
    struct StartConfig
    {
        QString error; // empty: the config (or none yet) is usable
        std::optional<ChannelsConfig> channels; // unset: no file yet
        std::optional<CarrierSettings> carriers; // the file's "carriers", secrets resolved
        // The inventory's location setting (empty: none) and, for a PostgreSQL one, its password
        // from the keychain (empty: none stored; libpq then reads PGPASSWORD or ~/.pgpass).
        QString databaseLocation;
        QByteArray databasePassword;
    };

    explicit SettingsController(Options options, QObject *parent = nullptr);
    ~SettingsController() override;

    // The channels the demo runs (what loadSettings shows in demo mode).
    void setDemoConfig(const ChannelsConfig &config) { m_demoConfig = config; }
    // Where the running core's inventory is, as it may be shown (SettingsSnapshot).
    void setDatabaseInUse(const QString &shown) { m_databaseInUse = shown; }

    // Reads the file and its secrets; done is called once, later or at once.
    void readStartConfig(std::function<void(const StartConfig &)> done);
    // Parses a config file's JSON with secrets from `keychain` (when there is a keychain) and
    // the environment. Carriers do not stop the core: a bad "carriers" entry is only a warning.
    bool parse(const QByteArray &json, const QHash<QString, QByteArray> &keychain,
               StartConfig *out);

    // Why location cannot be the inventory's location setting (empty: it can): a postgresql://
    // URL needs a host and a database, and never carries its password (the keychain does).
    static QString databaseLocationError(const QString &location);

    // Answers with settingsLoaded.
    void loadSettings();
    // Answers with settingsSaved (restarting is left false: the owner decides).
    void saveSettings(const ChannelDesk::SettingsChange &change);

Q_SIGNALS:
    void settingsLoaded(const ChannelDesk::SettingsSnapshot &snapshot);
    void settingsSaved(const ChannelDesk::SettingsSaveResult &result);
    void logMessage(const QString &message);

private:
    SettingsStore *store();

    Options m_options;
    std::unique_ptr<SettingsStore> m_store;
    std::optional<ChannelsConfig> m_demoConfig;
    QString m_databaseInUse;
};

} // namespace ChannelDesk
