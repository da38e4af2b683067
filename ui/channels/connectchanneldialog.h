#pragma once

#include "channels/channelconfig.h"
#include "channels/connectioncheck.h"
#include "console/settingstypes.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ChannelDesk {

class CoreBridge;

// Channels > Connect a channel… (issue 15): the channel's type, its shop address and
// credentials, then Test connection (one real read call on the core thread, with the channel's
// own answer when it fails), how orders come in (the webhook URL to paste into the shop's admin,
// or polling), and Save: the channel goes into the config file and its secrets into the
// keychain, as the Settings dialog saves them; the core restarts with it and channelSaved()
// follows, for the listing pull.
class ConnectChannelDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectChannelDialog(CoreBridge *bridge, QWidget *parent = nullptr);

    // The channel as typed, secrets included (for the test; never written to the file).
    ChannelConfig config() const;
    // The one-line verdict of a check, in the merchant's words.
    static QString describe(const ConnectionCheck &check, const ChannelConfig &config);

Q_SIGNALS:
    // Saved, and the core runs with it.
    void channelSaved(const QString &channel);

private:
    void typeChanged();
    void test();
    void save();
    void updateWebhookUrl();
    void invalidate(); // a field changed: the last test no longer holds
    QByteArray configJson(QString *error) const;

    CoreBridge *m_bridge;
    QComboBox *m_type;
    QLineEdit *m_id;
    QLineEdit *m_address;
    QLineEdit *m_location;
    QLineEdit *m_seller;
    QLineEdit *m_marketplace;
    QHash<QString, QLineEdit *> m_secrets; // by role
    QFormLayout *m_form;
    QPushButton *m_test;
    QLabel *m_result;
    QRadioButton *m_webhook;
    QRadioButton *m_polling;
    QLabel *m_webhookUrl;
    QPushButton *m_save;
    SettingsSnapshot m_snapshot;
    bool m_snapshotLoaded = false;
    quint64 m_testRequest = 0;
    bool m_tested = false; // the last test, with these fields, answered ok
    QString m_autoId; // the name the type suggested
    QString m_savedChannel; // saved, waiting for the core to start with it
};

} // namespace ChannelDesk
