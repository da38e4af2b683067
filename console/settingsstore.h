#pragma once

#include "console/settingstypes.h"

#include <QObject>

#include <functional>
#include <memory>

namespace ChannelDesk {

class SecretStore;

// The console's settings on the core thread: reads the config file and the keychain entries it
// names, and saves the dialog's changes (secrets to the keychain, then the file with QSaveFile).
// Without a SecretStore, secrets come from the environment only.
class SettingsStore : public QObject
{
    Q_OBJECT
public:
    struct Loaded
    {
        QByteArray json;
        bool fileExists = false;
        QString error; // the file exists but cannot be read
        bool keychainAvailable = false;
        QString keychainName;
        QString keychainDetail;
        QHash<QString, QByteArray> secrets; // what the keychain holds for the file's entries
        QString databaseLocation; // kDatabaseLocationSetting (its password in secrets)
    };

    SettingsStore(QString configPath, std::unique_ptr<SecretStore> secrets,
                  QObject *parent = nullptr);
    ~SettingsStore() override;

    const QString &configPath() const { return m_path; }

    // Reads the file and the inventory's location setting, asks whether a keychain runs and, if
    // so, reads every key the file's channels and carriers may use and the inventory's password.
    // done is called once, later or (without a keychain) at once.
    void load(std::function<void(const Loaded &)> done);
    // Writes and removes the change's secrets, then (only if all of that worked) the file and
    // the inventory's location setting.
    void save(const SettingsChange &change, std::function<void(const SettingsSaveResult &)> done);

private:
    bool writeFile(const QByteArray &json, QString *error) const;

    QString m_path;
    std::unique_ptr<SecretStore> m_secrets;
};

} // namespace ChannelDesk
