#include "settings/settingsdialog.h"

#include "buffers/bufferfields.h"
#include "carriers/carrierconfig.h"
#include "channels/channelconfig.h"
#include "console/corebridge.h"
#include "secrets/secretsources.h"
#include "settings/orderintakefields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
const AlertThresholds kDefaultAlerts;
} // namespace

SettingsDialog::SettingsDialog(CoreBridge *bridge, QWidget *parent)
    : QDialog(parent)
    , m_bridge(bridge)
    , m_keychainStatus(new QLabel(this))
    , m_note(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_listen(new QLineEdit(this))
    , m_database(new QLineEdit(this))
    , m_databasePassword(new QLineEdit(this))
    , m_databaseNote(new QLabel(this))
    , m_defaultBuffer(new QSpinBox(this))
    , m_lagP99(new QDoubleSpinBox(this))
    , m_lagMax(new QDoubleSpinBox(this))
    , m_successRate(new QDoubleSpinBox(this))
    , m_channelBuffer(new BufferFields(u"channelBuffer"_s, this))
    , m_channelRate(new QDoubleSpinBox(this))
    , m_channelIntake(new OrderIntakeFields(this))
    , m_channelReconcile(new QSpinBox(this))
    , m_carrierTimeout(new QSpinBox(this))
    , m_carrierEnabled(new QCheckBox(tr("Ask this carrier for quotes"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_channels.kind = Kind::Channel;
    m_carriers.kind = Kind::Carrier;

    m_keychainStatus->setObjectName(u"keychainStatus"_s);
    m_keychainStatus->setWordWrap(true);
    m_keychainStatus->setText(tr("Reading the settings…"));
    m_note->setObjectName(u"settingsNote"_s);
    m_note->setWordWrap(true);
    m_note->hide();
    m_message->setObjectName(u"settingsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(u"settingsSave"_s);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(u"settingsClose"_s);

    m_tabs->addTab(createPage(m_channels), tr("&Channels"));
    m_tabs->addTab(createPage(m_carriers), tr("Ca&rriers"));
    m_tabs->addTab(createGeneralTab(), tr("&General"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_keychainStatus);
    layout->addWidget(m_note);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setEditable(false);
    setMessage(QString(), false);

    QSettings settings;
    if (!restoreGeometry(settings.value(u"SettingsDialog/geometry"_s).toByteArray()))
        resize(780, 600);

    if (m_bridge) {
        connect(m_bridge, &CoreBridge::settingsLoaded, this, &SettingsDialog::onLoaded);
        connect(m_bridge, &CoreBridge::settingsSaved, this, &SettingsDialog::onSaved);
        connect(m_bridge, &CoreBridge::started, this, [this] {
            if (std::exchange(m_awaitingRestart, false))
                setMessage(tr("Saved to %1. The core restarted with the new settings.")
                               .arg(m_snapshot.configPath),
                           false);
        });
        connect(m_bridge, &CoreBridge::startFailed, this, [this](const QString &error) {
            if (std::exchange(m_awaitingRestart, false))
                setMessage(
                    tr("Saved, but the core did not start with the new settings: %1").arg(error),
                    true);
        });
        m_bridge->loadSettings();
    }
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::done(int result)
{
    QSettings settings;
    settings.setValue(u"SettingsDialog/geometry"_s, saveGeometry());
    QDialog::done(result);
}

QWidget *SettingsDialog::createGeneralTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *core = new QGroupBox(tr("Sync core"), page);
    auto *form = new QFormLayout(core);
    m_listen->setObjectName(u"listen"_s);
    m_listen->setPlaceholderText(u"127.0.0.1:8787"_s);
    m_listen->setToolTip(tr("Where the core takes webhooks and serves /metrics: host:port"));
    form->addRow(tr("&Listen on:"), m_listen);
    m_defaultBuffer->setObjectName(u"defaultSafetyBuffer"_s);
    m_defaultBuffer->setRange(-1, 1'000'000);
    m_defaultBuffer->setSpecialValueText(tr("not set: each SKU's own"));
    m_defaultBuffer->setToolTip(
        tr("The pause-at of every channel that sets none: a listing shows nothing once stock "
           "falls to it. Not set: each SKU's own safety buffer."));
    form->addRow(tr("Default safety &buffer:"), m_defaultBuffer);
    connect(m_defaultBuffer, &QSpinBox::valueChanged, this, [this](int value) {
        BufferOverride all;
        if (value >= 0)
            all.pauseAt = value;
        m_channelBuffer->setInherited(all, tr("every channel's"));
    });
    layout->addWidget(core);
    layout->addWidget(createDatabaseGroup(page));

    auto *alerts = new QGroupBox(tr("Alerts"), page);
    auto *alertForm = new QFormLayout(alerts);
    m_lagP99->setObjectName(u"alertLagP99"_s);
    m_lagP99->setRange(0.1, 86400);
    m_lagP99->setDecimals(1);
    m_lagP99->setSuffix(tr(" s"));
    alertForm->addRow(tr("Sync lag p&99 above:"), m_lagP99);
    m_lagMax->setObjectName(u"alertLagMax"_s);
    m_lagMax->setRange(0.1, 86400);
    m_lagMax->setDecimals(1);
    m_lagMax->setSuffix(tr(" s"));
    alertForm->addRow(tr("&Any sync lag above:"), m_lagMax);
    m_successRate->setObjectName(u"alertSuccessRate"_s);
    m_successRate->setRange(0, 1);
    m_successRate->setDecimals(3);
    m_successRate->setSingleStep(0.005);
    alertForm->addRow(tr("Success rate &below:"), m_successRate);
    layout->addWidget(alerts);
    layout->addStretch(1);
    return page;
}

void SettingsDialog::onLoaded(const SettingsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_loaded = true;
    m_root = QJsonDocument::fromJson(snapshot.json).object();
    m_stored = QSet<QString>(snapshot.storedSecrets.begin(), snapshot.storedSecrets.end());
    m_removedKeys.clear();

    if (snapshot.demo) {
        m_keychainStatus->setText(
            tr("Demo: these channels are simulated, so their settings are shown read-only. Start "
               "ChannelDesk without --demo to set up real channels."));
    } else if (snapshot.keychainAvailable) {
        m_keychainStatus->setText(tr("Secrets are stored in the system keychain (%1); this "
                                     "dialog never shows them, it only says which are stored.")
                                      .arg(snapshot.keychainName));
    } else {
        m_keychainStatus->setText(
            tr("<b>No keychain service is running: secrets are not saved</b>; set the environment "
               "variables named below instead.") +
            (snapshot.keychainDetail.isEmpty() ? QString()
                                               : u" <span style='color:gray'>(%1)</span>"_s.arg(
                                                     snapshot.keychainDetail.toHtmlEscaped())));
    }
    const QString file = snapshot.configPath.isEmpty() ? tr("no file") : snapshot.configPath;
    if (!snapshot.demo) {
        m_note->setText(
            snapshot.fileExists
                ? tr("Config file: %1. Saving restarts the sync core with it.").arg(file)
                : tr("Config file: %1 (created when you save). Saving restarts the "
                     "sync core with it.")
                      .arg(file));
        m_note->show();
    }

    m_loading = true;
    const QString listen = m_root.value("listen"_L1).toString();
    m_listen->setText(listen);
    m_defaultBuffer->setValue(m_root.value("safety_buffer"_L1).toInt(-1));
    const QJsonObject alerts = m_root.value("alerts"_L1).toObject();
    m_lagP99->setValue(alerts.value("lag_p99_seconds"_L1).toDouble(kDefaultAlerts.lagP99Seconds));
    m_lagMax->setValue(alerts.value("lag_max_seconds"_L1).toDouble(kDefaultAlerts.lagMaxSeconds));
    m_successRate->setValue(
        alerts.value("success_rate_min"_L1).toDouble(kDefaultAlerts.successRateMin));
    for (Page *page : {&m_channels, &m_carriers}) {
        page->entries.clear();
        const QJsonArray array =
            m_root.value(page->kind == Kind::Channel ? "channels"_L1 : "carriers"_L1).toArray();
        for (const QJsonValue &v : array) {
            Entry e;
            e.object = v.toObject();
            e.originalId = e.object.value("id"_L1).toString();
            e.originalType = e.object.value("type"_L1).toString();
            page->entries.append(e);
        }
    }
    showDatabase();
    m_loading = false;
    m_editable = !snapshot.demo && snapshot.error.isEmpty();
    fillList(m_channels);
    fillList(m_carriers);

    setEditable(m_editable);
    if (!snapshot.error.isEmpty())
        setMessage(snapshot.error, true);
}

QByteArray SettingsDialog::configJson() const
{
    QJsonObject root = m_root;
    if (m_listen->text().trimmed().isEmpty())
        root.remove(u"listen"_s);
    else
        root.insert(u"listen"_s, m_listen->text().trimmed());
    if (m_defaultBuffer->value() >= 0)
        root.insert(u"safety_buffer"_s, m_defaultBuffer->value());
    else
        root.remove(u"safety_buffer"_s);
    const AlertThresholds alerts {m_lagP99->value(), m_lagMax->value(), m_successRate->value()};
    if (alerts == kDefaultAlerts && !m_root.contains("alerts"_L1))
        root.remove(u"alerts"_s);
    else
        root.insert(u"alerts"_s,
                    QJsonObject {{u"lag_p99_seconds"_s, alerts.lagP99Seconds},
                                 {u"lag_max_seconds"_s, alerts.lagMaxSeconds},
                                 {u"success_rate_min"_s, alerts.successRateMin}});
    QJsonArray channels;
    for (const Entry &e : m_channels.entries)
        channels.append(e.object);
    root.insert(u"channels"_s, channels);
    if (!m_carriers.entries.isEmpty() || m_root.contains("carriers"_L1)) {
        QJsonArray carriers;
        for (const Entry &e : m_carriers.entries)
            carriers.append(e.object);
        root.insert(u"carriers"_s, carriers);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString SettingsDialog::validate() const
{
    // The parser's own messages, with the keychain answering "present" for what it holds or
    // what was typed here: the dialog never needs the stored values to check the file.
    QSet<QString> present = m_stored;
    for (const Page *page : {&m_channels, &m_carriers}) {
        for (const Entry &e : page->entries) {
            for (auto it = e.newSecrets.begin(); it != e.newSecrets.end(); ++it)
                present.insert(secretKey(page->kind, e.object.value("id"_L1).toString(), it.key()));
        }
    }
    for (const QString &key : removedSecrets())
        present.remove(key);
    SecretSources sources;
    sources.environment = QProcessEnvironment::systemEnvironment();
    if (m_snapshot.keychainAvailable)
        sources.keychain = [present](const QString &key) -> std::optional<QByteArray> {
            return present.contains(key) ? std::optional(QByteArray("present")) : std::nullopt;
        };
    if (const QString database = databaseError(); !database.isEmpty())
        return database;
    const QByteArray json = configJson();
    const ChannelsConfigResult channels = parseChannelsConfig(json, sources);
    if (!channels.ok())
        return channels.error;
    if (QJsonDocument::fromJson(json).object().contains("carriers"_L1)) {
        CarrierSettings carriers;
        QString error;
        if (!parseCarrierSettings(json, sources, &carriers, &error))
            return error;
    }
    return {};
}

void SettingsDialog::save()
{
    if (!m_bridge || !m_loaded || m_snapshot.demo)
        return;
    commitEntry(m_channels);
    commitEntry(m_carriers);
    const QString error = validate();
    if (!error.isEmpty()) {
        setMessage(tr("Not saved: %1").arg(error), true);
        return;
    }
    SettingsChange change;
    change.json = configJson();
    if (m_snapshot.keychainAvailable) {
        for (const Page *page : {&m_channels, &m_carriers}) {
            for (const Entry &e : page->entries) {
                const QString id = e.object.value("id"_L1).toString();
                for (auto it = e.newSecrets.begin(); it != e.newSecrets.end(); ++it)
                    change.secrets.insert(secretKey(page->kind, id, it.key()), it.value().toUtf8());
            }
        }
    }
    change.removedSecrets = removedSecrets();
    addDatabaseChange(change);
    setEditable(false);
    setMessage(tr("Saving…"), false);
    m_bridge->saveSettings(change);
}

void SettingsDialog::onSaved(const SettingsSaveResult &result)
{
    if (!result.ok) {
        setEditable(true);
        setMessage(tr("Not saved: %1").arg(result.message), true);
        return;
    }
    m_awaitingRestart = result.restarting;
    setMessage(result.restarting ? tr("Saved to %1. The core is restarting with the new settings…")
                                       .arg(result.configPath)
                                 : tr("Saved to %1. The core uses it when ChannelDesk starts next.")
                                       .arg(result.configPath),
               false);
    // Read back what is stored now (the typed secrets become "stored in keychain").
    m_bridge->loadSettings();
}

void SettingsDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b01c1c"_s : QString());
    m_message->setVisible(!text.isEmpty());
}

void SettingsDialog::setEditable(bool editable)
{
    m_editable = editable;
    for (QWidget *w :
         std::initializer_list<QWidget *> {m_listen, m_database, m_defaultBuffer, m_lagP99,
                                           m_lagMax, m_successRate, m_channels.add, m_carriers.add})
        w->setEnabled(editable);
    enableDatabasePassword();
    m_channels.editor->setEnabled(editable && m_channels.list->currentRow() >= 0);
    m_carriers.editor->setEnabled(editable && m_carriers.list->currentRow() >= 0);
    m_channels.remove->setEnabled(editable && m_channels.list->currentRow() >= 0);
    m_carriers.remove->setEnabled(editable && m_carriers.list->currentRow() >= 0);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(editable);
    m_buttons->button(QDialogButtonBox::Save)->setVisible(!m_snapshot.demo);
}

} // namespace ChannelDesk
