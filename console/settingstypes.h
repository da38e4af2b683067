#pragma once

#include <QByteArray>
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace ChannelDesk {

// The inventory the console opens when no --db is given: a SQLite file or a postgresql:// URL,
// kept in QSettings under this key without its password; the password is in the keychain under
// kDatabasePasswordKey, never in QSettings, the config file or the database.
inline constexpr auto kDatabaseLocationSetting = "database/location";
inline constexpr auto kDatabasePasswordKey = "database/password";

// The value types the settings dialog and the core thread exchange. Secret values only ever travel
// from the dialog to the core (SettingsChange); what comes back says which keys have a value,
// never the value.

// The config file and the keychain as the core thread found them.
struct SettingsSnapshot
{
    QString configPath;
    QByteArray json; // the file (it holds no secret); empty when there is none yet
    bool fileExists = false;
    QString error; // the file exists but cannot be read
    bool demo = false; // the demo's simulated channels: shown, not edited
    bool keychainAvailable = false;
    QString keychainName; // "Secret Service", ...
    QString keychainDetail; // why it is not available
    QStringList storedSecrets; // keychain keys that have a value, "channel/shop-us/token"
    QString databaseLocation; // the setting (kDatabaseLocationSetting), without a password
    QString databaseInUse; // where the running core is, as it may be shown (redacted)
};

// What the dialog asks the core thread to save.
struct SettingsChange
{
    QByteArray json; // the whole config file, without secrets
    QHash<QString, QByteArray> secrets; // keychain key -> new value
    QStringList removedSecrets; // keychain keys to delete (a removed channel or carrier)
    // The inventory's location setting when the dialog changed it (a URL without its password,
    // which goes in secrets under kDatabasePasswordKey); the restarted core opens it.
    std::optional<QString> databaseLocation;
};

struct SettingsSaveResult
{
    bool ok = false;
    QString configPath;
    QString message; // what went wrong, for the dialog
    bool restarting = false; // the core restarts with the new config (started() follows)
};

void registerSettingsTypes();

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::SettingsSnapshot)
Q_DECLARE_METATYPE(ChannelDesk::SettingsChange)
Q_DECLARE_METATYPE(ChannelDesk::SettingsSaveResult)
