// The settings dialog's inventory database (issue 12): the location the console opens when no
// --db is given, a SQLite file or a postgresql:// URL. The URL is kept without its password;
// the password goes to the keychain (never to QSettings, the config file or the database) and
// is never shown again, only whether one is stored. Applied when the sync core restarts, which
// saving does.
#include "console/settingscontroller.h"
#include "settings/settingsdialog.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
bool isPostgres(const QString &location)
{
    return location.startsWith("postgresql://"_L1) || location.startsWith("postgres://"_L1);
}
} // namespace

QWidget *SettingsDialog::createDatabaseGroup(QWidget *parent)
{
    auto *group = new QGroupBox(tr("Inventory database"), parent);
    auto *form = new QFormLayout(group);
    m_database->setObjectName(u"databaseLocation"_s);
    m_database->setPlaceholderText(
        tr("the default file, or postgresql://user@host:5432/inventory"));
    m_database->setToolTip(tr("A SQLite file, or a PostgreSQL inventory shared with serve "
                              "workers: postgresql://user@host:port/database"));
    form->addRow(tr("In&ventory:"), m_database);
    m_databasePassword->setObjectName(u"databasePassword"_s);
    m_databasePassword->setEchoMode(QLineEdit::Password);
    m_databasePassword->setToolTip(
        tr("The PostgreSQL password, kept in the system keychain. Empty: keep the stored one (or "
           "let libpq read PGPASSWORD or ~/.pgpass)."));
    form->addRow(tr("&Password:"), m_databasePassword);
    m_databaseNote->setObjectName(u"databaseNote"_s);
    m_databaseNote->setWordWrap(true);
    form->addRow(m_databaseNote);
    connect(m_database, &QLineEdit::textChanged, this, &SettingsDialog::enableDatabasePassword);
    return group;
}

void SettingsDialog::enableDatabasePassword()
{
    m_databasePassword->setEnabled(m_editable && m_snapshot.keychainAvailable &&
                                   isPostgres(m_database->text().trimmed()));
}

void SettingsDialog::showDatabase()
{
    m_database->setText(m_snapshot.databaseLocation);
    m_databasePassword->clear();
    const bool stored = m_stored.contains(QLatin1StringView(kDatabasePasswordKey));
    m_databasePassword->setPlaceholderText(stored ? tr("stored in keychain") : QString());
    QString note = tr("Applied when the sync core restarts, which saving does.");
    if (!m_snapshot.databaseInUse.isEmpty())
        note = tr("In use now: %1. ").arg(m_snapshot.databaseInUse) + note;
    if (!m_snapshot.keychainAvailable)
        note +=
            u' ' + tr("Without a keychain the password comes from PGPASSWORD or ~/.pgpass only.");
    m_databaseNote->setText(note);
}

std::optional<QString> SettingsDialog::databaseChange(QString *password) const
{
    QString location = m_database->text().trimmed();
    *password = m_databasePassword->text();
    if (isPostgres(location)) {
        QUrl url(location);
        if (!url.password().isEmpty()) { // typed into the URL: moved to the keychain
            *password = url.password();
            url.setPassword(QString());
            location = url.toString();
        }
    } else {
        password->clear();
    }
    if (location == m_snapshot.databaseLocation && password->isEmpty())
        return std::nullopt;
    return location;
}

void SettingsDialog::addDatabaseChange(SettingsChange &change) const
{
    QString password;
    change.databaseLocation = databaseChange(&password);
    const QString key = QLatin1StringView(kDatabasePasswordKey);
    if (!password.isEmpty())
        change.secrets.insert(key, password.toUtf8());
    else if (change.databaseLocation && !isPostgres(*change.databaseLocation) &&
             m_stored.contains(key))
        change.removedSecrets.append(key); // no PostgreSQL inventory: no password kept
}

QString SettingsDialog::databaseError() const
{
    QString password;
    const std::optional<QString> location = databaseChange(&password);
    if (!location)
        return {};
    if (!password.isEmpty() && !m_snapshot.keychainAvailable)
        return tr("database: no keychain to store the password in; use PGPASSWORD or ~/.pgpass");
    return SettingsController::databaseLocationError(*location);
}

} // namespace ChannelDesk
