#include "channels/connectchanneldialog.h"

#include "console/corebridge.h"
#include "secrets/secretsources.h"
#include "settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
const QStringList kRoles = {u"token"_s,         u"consumer_key"_s,      u"consumer_secret"_s,
                            u"lwa_client_id"_s, u"lwa_client_secret"_s, u"refresh_token"_s,
                            u"webhook_secret"_s};

QString addressHint(const QString &type)
{
    if (type == "shopify"_L1)
        return u"https://your-shop.myshopify.com"_s;
    if (type == "woocommerce"_L1)
        return u"https://shop.example.com"_s;
    if (type == "ebay"_L1)
        return u"https://api.ebay.com"_s;
    return u"https://sellingpartnerapi-na.amazon.com"_s;
}
} // namespace

ConnectChannelDialog::ConnectChannelDialog(CoreBridge *bridge, QWidget *parent)
    : QDialog(parent)
    , m_bridge(bridge)
    , m_type(new QComboBox(this))
    , m_id(new QLineEdit(this))
    , m_address(new QLineEdit(this))
    , m_location(new QLineEdit(this))
    , m_seller(new QLineEdit(this))
    , m_marketplace(new QLineEdit(this))
    , m_form(new QFormLayout)
    , m_test(new QPushButton(tr("Test connect&ion"), this))
    , m_result(new QLabel(this))
    , m_webhook(new QRadioButton(tr("By web&hook: paste this URL into the shop's admin"), this))
    , m_polling(new QRadioButton(tr("By &polling (this machine cannot be reached from the "
                                    "internet)"),
                                 this))
    , m_webhookUrl(new QLabel(this))
    , m_save(new QPushButton(tr("&Save and read listings"), this))
{
    setObjectName(u"connectChannelDialog"_s);
    setWindowTitle(tr("Connect a channel"));
    resize(620, 0);
    m_type->setObjectName(u"connectType"_s);
    m_type->addItem(tr("Shopify"), u"shopify"_s);
    m_type->addItem(tr("WooCommerce"), u"woocommerce"_s);
    m_type->addItem(tr("eBay"), u"ebay"_s);
    m_type->addItem(tr("Amazon"), u"amazon"_s);
    m_id->setObjectName(u"connectId"_s);
    m_id->setToolTip(tr("A short name of your own: it names the channel everywhere in ChannelDesk "
                        "and its webhook address"));
    m_address->setObjectName(u"connectAddress"_s);
    m_location->setObjectName(u"connectLocation"_s);
    m_location->setPlaceholderText(tr("The number at the end of the location's admin URL"));
    m_seller->setObjectName(u"connectSeller"_s);
    m_marketplace->setObjectName(u"connectMarketplace"_s);
    m_marketplace->setText(u"ATVPDKIKX0DER"_s);
    m_form->addRow(tr("&Channel:"), m_type);
    m_form->addRow(tr("&Name:"), m_id);
    m_form->addRow(tr("Shop &address:"), m_address);
    m_form->addRow(tr("&Location id:"), m_location);
    m_form->addRow(tr("Se&ller id:"), m_seller);
    m_form->addRow(tr("&Marketplace id:"), m_marketplace);
    for (const QString &role : kRoles) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(u"connectSecret-"_s + role);
        edit->setEchoMode(QLineEdit::Password);
        m_secrets.insert(role, edit);
        m_form->addRow(SettingsDialog::roleLabel(role), edit);
        connect(edit, &QLineEdit::textChanged, this, &ConnectChannelDialog::invalidate);
    }
    m_test->setObjectName(u"connectTest"_s);
    m_result->setObjectName(u"connectResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_webhook->setObjectName(u"connectWebhook"_s);
    m_polling->setObjectName(u"connectPolling"_s);
    m_webhookUrl->setObjectName(u"connectWebhookUrl"_s);
    m_webhookUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_webhookUrl->setContentsMargins(24, 0, 0, 0);
    m_save->setObjectName(u"connectSave"_s);
    m_save->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addLayout(testRow);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("<b>Orders come in</b>"), this));
    layout->addWidget(m_webhook);
    layout->addWidget(m_webhookUrl);
    layout->addWidget(m_polling);
    layout->addWidget(buttons);

    connect(m_type, &QComboBox::currentIndexChanged, this, &ConnectChannelDialog::typeChanged);
    for (QLineEdit *edit : {m_id, m_address, m_location, m_seller, m_marketplace})
        connect(edit, &QLineEdit::textChanged, this, &ConnectChannelDialog::invalidate);
    connect(m_id, &QLineEdit::textChanged, this, &ConnectChannelDialog::updateWebhookUrl);
    connect(m_webhook, &QRadioButton::toggled, this, &ConnectChannelDialog::typeChanged);
    connect(m_test, &QPushButton::clicked, this, &ConnectChannelDialog::test);
    connect(m_save, &QPushButton::clicked, this, &ConnectChannelDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::connectionTested, this,
                [this](quint64 requestId, const ConnectionCheck &check) {
                    if (requestId != m_testRequest)
                        return;
                    m_testRequest = 0;
                    m_test->setEnabled(true);
                    m_tested = check.ok();
                    m_result->setText(describe(check, config()));
                    m_result->setStyleSheet(check.ok() ? u"color: #1b7a2b"_s : u"color: #b01c1c"_s);
                    m_save->setEnabled(m_tested && m_snapshotLoaded);
                });
        connect(m_bridge, &CoreBridge::settingsLoaded, this,
                [this](const SettingsSnapshot &snapshot) {
                    m_snapshot = snapshot;
                    m_snapshotLoaded = true;
                    m_save->setEnabled(m_tested);
                });
        connect(m_bridge, &CoreBridge::settingsSaved, this,
                [this](const SettingsSaveResult &result) {
                    if (m_savedChannel.isEmpty())
                        return;
                    if (!result.ok) {
                        m_result->setText(tr("Not saved: %1").arg(result.message));
                        m_result->setStyleSheet(u"color: #b01c1c"_s);
                        m_savedChannel.clear();
                        m_save->setEnabled(true);
                    } else if (!result.restarting) {
                        // Saved, but no core runs to restart (it did not start): the pull
                        // says so in its own dialog.
                        Q_EMIT channelSaved(std::exchange(m_savedChannel, QString()));
                        accept();
                    }
                });
        connect(m_bridge, &CoreBridge::started, this, [this](const ConsoleInfo &info) {
            if (m_savedChannel.isEmpty() || !info.channels.contains(m_savedChannel))
                return;
            Q_EMIT channelSaved(std::exchange(m_savedChannel, QString()));
            accept();
        });
        m_bridge->loadSettings();
    }
    m_webhook->setChecked(true);
    typeChanged();
}

void ConnectChannelDialog::typeChanged()
{
    const QString type = m_type->currentData().toString();
    m_address->setPlaceholderText(addressHint(type));
    // The name follows the type until the merchant types one.
    if (m_id->text().isEmpty() || m_id->text() == m_autoId) {
        m_autoId = type == "woocommerce"_L1 ? u"woo"_s : type;
        m_id->setText(m_autoId);
    }
    m_form->setRowVisible(m_location, type == "shopify"_L1);
    m_form->setRowVisible(m_seller, type == "amazon"_L1);
    m_form->setRowVisible(m_marketplace, type == "amazon"_L1);
    // eBay and Amazon send no order webhooks: their orders are polled; so are every channel's
    // when this console does not listen for webhooks.
    const bool listening = m_bridge && m_bridge->info().port != 0;
    const bool webhooks = listening && (type == "shopify"_L1 || type == "woocommerce"_L1);
    m_webhook->setEnabled(webhooks);
    if (!webhooks)
        m_polling->setChecked(true);
    QStringList roles;
    for (const SecretField &field : SecretKeys::channelFields(type)) {
        if (field.required)
            roles.append(field.role);
    }
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
        const bool webhookSecret = it.key() == "webhook_secret"_L1;
        m_form->setRowVisible(
            it.value(), roles.contains(it.key()) && (!webhookSecret || m_webhook->isChecked()));
    }
    updateWebhookUrl();
    invalidate();
}

void ConnectChannelDialog::updateWebhookUrl()
{
    const quint16 port = m_bridge ? m_bridge->info().port : 0;
    m_webhookUrl->setText(port == 0
                              ? tr("(this console does not listen for webhooks: choose polling)")
                              : u"http://%1:%2/webhooks/%3"_s.arg(QHostInfo::localHostName())
                                    .arg(port)
                                    .arg(m_id->text().trimmed()));
    m_webhookUrl->setEnabled(m_webhook->isChecked());
}

void ConnectChannelDialog::invalidate()
{
    m_tested = false;
    m_save->setEnabled(false);
}

ChannelConfig ConnectChannelDialog::config() const
{
    ChannelConfig config;
    config.id = m_id->text().trimmed();
    config.type = m_type->currentData().toString();
    config.baseUrl = QUrl::fromUserInput(m_address->text().trimmed());
    config.locationId = m_location->text().trimmed();
    config.sellerId = m_seller->text().trimmed();
    config.marketplaceId = m_marketplace->text().trimmed();
    config.lwaUrl = QUrl(u"https://api.amazon.com"_s);
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
        if (!it.value()->text().isEmpty())
            config.credentials.insert(it.key(), it.value()->text().toUtf8());
    }
    return config;
}

QString ConnectChannelDialog::describe(const ConnectionCheck &check, const ChannelConfig &config)
{
    const QString host = config.baseUrl.host();
    const QString words = check.message;
    switch (check.problem) {
    case ConnectionProblem::None:
        return check.shopName.isEmpty() ? tr("Connected: %1 answered.").arg(host)
                                        : tr("Connected to %1.").arg(check.shopName);
    case ConnectionProblem::TokenRefused:
        return tr("The token was refused (HTTP %1): %2").arg(check.httpStatus).arg(words);
    case ConnectionProblem::AddressNotFound:
        return tr("The shop address %1 could not be found (DNS): %2").arg(host, words);
    case ConnectionProblem::Tls:
        return tr("The secure connection to %1 failed (TLS): %2").arg(host, words);
    case ConnectionProblem::Timeout:
        return tr("No answer from %1 in time: %2").arg(host, words);
    case ConnectionProblem::Unreachable:
        return tr("%1 could not be reached: %2").arg(host, words);
    case ConnectionProblem::NotAnApi:
        return tr("%1 answers, but not as the channel's API there (HTTP 404): check the shop "
                  "address. %2")
            .arg(host, words);
    case ConnectionProblem::ChannelError:
        return tr("The channel said no (HTTP %1): %2").arg(check.httpStatus).arg(words);
    case ConnectionProblem::BadAnswer:
        return tr("The channel's answer could not be read: %1").arg(words);
    }
    return words;
}

void ConnectChannelDialog::test()
{
    if (!m_bridge)
        return;
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Asking %1…").arg(config().baseUrl.host()));
    m_test->setEnabled(false);
    m_testRequest = m_bridge->testConnection(config());
}

QByteArray ConnectChannelDialog::configJson(QString *error) const
{
    QJsonObject root = QJsonDocument::fromJson(m_snapshot.json).object();
    QJsonArray channels = root.value("channels"_L1).toArray();
    const ChannelConfig c = config();
    for (const QJsonValue &existing : std::as_const(channels)) {
        if (existing.toObject().value("id"_L1).toString() == c.id) {
            *error = tr("A channel named %1 is configured already: choose another name").arg(c.id);
            return {};
        }
    }
    QJsonObject channel {{u"id"_s, c.id},
                         {u"type"_s, c.type},
                         {u"base_url"_s, c.baseUrl.toString()},
                         {u"intake"_s, m_webhook->isChecked() ? u"webhook"_s : u"poll"_s}};
    if (c.type == "shopify"_L1)
        channel.insert(u"location_id"_s, c.locationId);
    if (c.type == "amazon"_L1) {
        channel.insert(u"seller_id"_s, c.sellerId);
        channel.insert(u"marketplace_id"_s, c.marketplaceId);
    }
    channels.append(channel);
    root.insert(u"channels"_s, channels);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void ConnectChannelDialog::save()
{
    if (!m_bridge || !m_tested)
        return;
    if (!m_snapshot.keychainAvailable) {
        m_result->setText(tr("No keychain is running: the credentials cannot be saved. Set "
                             "them as environment variables in File > Settings instead."));
        m_result->setStyleSheet(u"color: #b01c1c"_s);
        return;
    }
    QString error;
    SettingsChange change;
    change.json = configJson(&error);
    if (!error.isEmpty()) {
        m_result->setText(error);
        m_result->setStyleSheet(u"color: #b01c1c"_s);
        return;
    }
    const ChannelConfig c = config();
    for (auto it = c.credentials.cbegin(); it != c.credentials.cend(); ++it) {
        if (it.key() != "webhook_secret"_L1 || m_webhook->isChecked())
            change.secrets.insert(SecretKeys::channel(c.id, it.key()), it.value());
    }
    m_savedChannel = c.id;
    m_save->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Saving %1 and restarting the core with it…").arg(c.id));
    m_bridge->saveSettings(change);
}

} // namespace ChannelDesk
