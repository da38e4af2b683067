#include "console/settingsstore.h"

#include "secrets/secretsources.h"
#include "secrets/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

namespace ChannelDesk {

void registerSettingsTypes()
{
    qRegisterMetaType<SettingsSnapshot>();
    qRegisterMetaType<SettingsChange>();
    qRegisterMetaType<SettingsSaveResult>();
}

SettingsStore::SettingsStore(QString configPath, std::unique_ptr<SecretStore> secrets,
                             QObject *parent)
    : QObject(parent)
    , m_path(std::move(configPath))
    , m_secrets(std::move(secrets))
{
}

SettingsStore::~SettingsStore() = default;

void SettingsStore::load(std::function<void(const Loaded &)> done)
{
    auto loaded = std::make_shared<Loaded>();
    loaded->databaseLocation =
        QSettings().value(QLatin1StringView(kDatabaseLocationSetting)).toString();
    QFile file(m_path);
    loaded->fileExists = !m_path.isEmpty() && file.exists();
    if (loaded->fileExists) {
        if (file.open(QIODevice::ReadOnly))
            loaded->json = file.readAll();
        else
            loaded->error = tr("cannot read %1: %2").arg(m_path, file.errorString());
    }
    if (!m_secrets) {
        loaded->keychainDetail = tr("this build has no keychain support");
        done(*loaded);
        return;
    }
    loaded->keychainName = m_secrets->serviceName();
    m_secrets->checkAvailable(
        [this, loaded, done = std::move(done)](bool available, const QString &detail) {
            loaded->keychainAvailable = available;
            loaded->keychainDetail = detail;
            const QStringList keys = SecretKeys::keysIn(loaded->json)
                << QLatin1StringView(kDatabasePasswordKey);
            if (!available) {
                done(*loaded);
                return;
            }
            auto remaining = std::make_shared<qsizetype>(keys.size());
            for (const QString &key : keys) {
                m_secrets->read(key, [loaded, remaining, key, done](const SecretStore::Result &r) {
                    if (r.ok() && !r.value.isEmpty())
                        loaded->secrets.insert(key, r.value);
                    if (--*remaining == 0)
                        done(*loaded);
                });
            }
        });
}

void SettingsStore::save(const SettingsChange &change,
                         std::function<void(const SettingsSaveResult &)> done)
{
    SettingsSaveResult result;
    result.configPath = m_path;
    if (m_path.isEmpty()) {
        result.message = tr("there is no config file to save to");
        done(result);
        return;
    }
    const qsizetype jobs = change.secrets.size() + change.removedSecrets.size();
    if (jobs > 0 && !m_secrets) {
        result.message = tr("no keychain to store the secrets in");
        done(result);
        return;
    }
    // The secrets first: a file naming a secret the keychain did not take would not start.
    auto remaining = std::make_shared<qsizetype>(jobs);
    auto errors = std::make_shared<QStringList>();
    auto finish = [this, remaining, errors, result, json = change.json,
                   location = change.databaseLocation, done]() mutable {
        if (--*remaining > 0)
            return;
        QString error;
        if (!errors->isEmpty())
            result.message = tr("the keychain did not take the secrets: %1")
                                 .arg(errors->join(QStringLiteral("; ")));
        else if (!writeFile(json, &error))
            result.message = error;
        else
            result.ok = true;
        if (result.ok && location) {
            QSettings settings;
            if (location->isEmpty())
                settings.remove(QLatin1StringView(kDatabaseLocationSetting));
            else
                settings.setValue(QLatin1StringView(kDatabaseLocationSetting), *location);
        }
        done(result);
    };
    if (jobs == 0) {
        ++*remaining;
        finish();
        return;
    }
    for (auto it = change.secrets.begin(); it != change.secrets.end(); ++it) {
        m_secrets->write(it.key(), it.value(),
                         [errors, finish, key = it.key()](const SecretStore::Result &r) mutable {
                             if (!r.ok())
                                 errors->append(key + QStringLiteral(": ") + r.error);
                             finish();
                         });
    }
    for (const QString &key : change.removedSecrets) {
        m_secrets->remove(key, [errors, finish, key](const SecretStore::Result &r) mutable {
            if (!r.ok())
                errors->append(key + QStringLiteral(": ") + r.error);
            finish();
        });
    }
}

bool SettingsStore::writeFile(const QByteArray &json, QString *error) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = tr("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ChannelDesk
