#pragma once

#include "console/settingstypes.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace ChannelDesk {

class BufferFields;
class CoreBridge;
class OrderIntakeFields;

// Channels, carriers, the listen address and the alert thresholds, edited as the config file
// they are saved to; and the inventory the console opens (a setting, its password in the
// keychain). Secrets go to the keychain through the core thread and are never read back:
// a field only says whether the keychain holds a value. Without a keychain service the dialog says
// so and edits the names of the environment variables the secrets come from instead. Validates
// with the config parser's own messages before saving; the core restarts with what was saved.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // The form label of a secret's role ("Access &token:"), shared with Connect a channel.
    static QString roleLabel(const QString &role);
    explicit SettingsDialog(CoreBridge *bridge, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The config file the dialog would write now, and the parser's complaint about it (empty when
    // it would start).
    QByteArray configJson() const;
    QString validate() const;

    void done(int result) override;

private:
    enum class Kind { Channel, Carrier };
    struct Entry
    {
        QJsonObject object; // as the file has it, with this dialog's edits
        QString originalId; // empty: added in this dialog
        QString originalType;
        QHash<QString, QString> newSecrets; // role -> value typed here
    };
    struct SecretRow
    {
        QString role;
        QLineEdit *secret = nullptr;
        QLineEdit *env = nullptr;
        QWidget *row = nullptr;
    };
    struct Page
    {
        Kind kind = Kind::Channel;
        QList<Entry> entries;
        QListWidget *list = nullptr;
        QPushButton *add = nullptr;
        QPushButton *remove = nullptr;
        QWidget *editor = nullptr;
        QFormLayout *form = nullptr;
        QLineEdit *id = nullptr;
        QComboBox *type = nullptr;
        QLineEdit *baseUrl = nullptr;
        QHash<QString, QLineEdit *> fields; // location_id, seller_id, ... account_number
        QList<SecretRow> secrets;
    };

    QWidget *createGeneralTab();
    QWidget *createDatabaseGroup(QWidget *parent); // settingsdialog_database.cpp
    void showDatabase();
    // The inventory's location as typed, its password moved out of a URL into *password;
    // nullopt when neither changed.
    std::optional<QString> databaseChange(QString *password) const;
    QString databaseError() const;
    void addDatabaseChange(ChannelDesk::SettingsChange &change) const;
    void enableDatabasePassword(); // only for a PostgreSQL URL, with a keychain
    QWidget *createPage(Page &page);
    void addTextField(Page &page, const QString &key, const QString &label);
    void onLoaded(const ChannelDesk::SettingsSnapshot &snapshot);
    void onSaved(const ChannelDesk::SettingsSaveResult &result);
    void fillList(Page &page);
    void showEntry(Page &page);
    void commitEntry(Page &page);
    void updateVisibleRows(Page &page);
    void addEntry(Page &page);
    void removeEntry(Page &page);
    void save();
    void setMessage(const QString &text, bool error);
    void setEditable(bool editable);
    QString secretKey(Kind kind, const QString &id, const QString &role) const;
    QStringList removedSecrets() const;

    CoreBridge *m_bridge;
    SettingsSnapshot m_snapshot;
    QJsonObject m_root; // the file as loaded: keys the dialog does not edit are kept
    QSet<QString> m_stored; // keychain keys with a value
    QStringList m_removedKeys; // of entries removed in this dialog
    bool m_loading = false;
    bool m_loaded = false;
    bool m_editable = false;
    bool m_awaitingRestart = false;

    QLabel *m_keychainStatus;
    QLabel *m_note;
    QTabWidget *m_tabs;
    QLineEdit *m_listen;
    QLineEdit *m_database; // a SQLite file or a postgresql:// URL (without its password)
    QLineEdit *m_databasePassword;
    QLabel *m_databaseNote;
    QSpinBox *m_defaultBuffer;
    QDoubleSpinBox *m_lagP99;
    QDoubleSpinBox *m_lagMax;
    QDoubleSpinBox *m_successRate;
    Page m_channels;
    Page m_carriers;
    BufferFields *m_channelBuffer; // the channel's "buffer": what it is shown
    QDoubleSpinBox *m_channelRate;
    OrderIntakeFields *m_channelIntake;
    QSpinBox *m_channelReconcile; // reconcile_interval_s
    QSpinBox *m_carrierTimeout;
    QCheckBox *m_carrierEnabled;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace ChannelDesk
