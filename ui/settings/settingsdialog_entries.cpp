// The Channels and Carriers pages of the settings dialog: the list of entries and the editor of
// one (its fields, its secrets, and per kind the channel's rate and buffer or the carrier's
// timeout), kept in the entry's JSON object as it is edited.
#include "buffers/bufferfields.h"
#include "channels/bufferconfig.h"
#include "channels/channelconfig.h"
#include "secrets/secretsources.h"
#include "settings/orderintakefields.h"
#include "settings/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
const QStringList kChannelTypes = {u"shopify"_s, u"woocommerce"_s, u"ebay"_s, u"amazon"_s};
const QStringList kCarrierTypes = {u"ups"_s, u"fedex"_s, u"easypost"_s, u"shippo"_s};
const QStringList kChannelRoles = {u"token"_s,         u"consumer_key"_s,      u"consumer_secret"_s,
                                   u"lwa_client_id"_s, u"lwa_client_secret"_s, u"refresh_token"_s,
                                   u"webhook_secret"_s};
const QStringList kCarrierRoles = {u"api_key"_s, u"client_id"_s, u"client_secret"_s};

QList<SecretField> fieldsOf(bool channel, const QString &type)
{
    QList<SecretField> fields =
        channel ? SecretKeys::channelFields(type) : SecretKeys::carrierFields(type);
    // The previous webhook secret is only for rotations: kept in the file, not edited here.
    fields.removeIf([](const SecretField &f) { return !f.required; });
    return fields;
}

void setOrRemove(QJsonObject &object, const QString &key, const QString &value)
{
    if (value.trimmed().isEmpty())
        object.remove(key);
    else
        object.insert(key, value.trimmed());
}
} // namespace

void SettingsDialog::addTextField(Page &page, const QString &key, const QString &label)
{
    auto *edit = new QLineEdit(page.editor);
    edit->setObjectName(key);
    page.fields.insert(key, edit);
    page.form->addRow(label, edit);
    connect(edit, &QLineEdit::textEdited, this, [this, &page] { commitEntry(page); });
}

QWidget *SettingsDialog::createPage(Page &page)
{
    const bool channels = page.kind == Kind::Channel;
    const QString prefix = channels ? u"channel"_s : u"carrier"_s;
    auto *widget = new QWidget(this);
    auto *layout = new QHBoxLayout(widget);

    auto *side = new QVBoxLayout;
    page.list = new QListWidget(widget);
    page.list->setObjectName(prefix + u"List"_s);
    page.list->setMaximumWidth(200);
    side->addWidget(page.list, 1);
    auto *buttons = new QHBoxLayout;
    page.add = new QPushButton(channels ? tr("&Add channel") : tr("&Add carrier"), widget);
    page.add->setObjectName(prefix + u"Add"_s);
    page.remove = new QPushButton(tr("Re&move"), widget);
    page.remove->setObjectName(prefix + u"Remove"_s);
    buttons->addWidget(page.add);
    buttons->addWidget(page.remove);
    side->addLayout(buttons);
    layout->addLayout(side);

    page.editor = new QWidget(widget);
    page.form = new QFormLayout(page.editor);
    page.form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    page.id = new QLineEdit(page.editor);
    page.id->setObjectName(prefix + u"Id"_s);
    page.form->addRow(tr("&Id:"), page.id);
    page.type = new QComboBox(page.editor);
    page.type->setObjectName(prefix + u"Type"_s);
    page.type->addItems(channels ? kChannelTypes : kCarrierTypes);
    page.form->addRow(tr("&Type:"), page.type);
    page.baseUrl = new QLineEdit(page.editor);
    page.baseUrl->setObjectName(prefix + u"BaseUrl"_s);
    page.baseUrl->setPlaceholderText(channels ? u"https://shop.myshopify.com"_s
                                              : u"https://onlinetools.ups.com"_s);
    page.form->addRow(tr("Base &URL:"), page.baseUrl);
    if (channels) {
        addTextField(page, u"location_id"_s, tr("&Location id:"));
        addTextField(page, u"seller_id"_s, tr("&Seller id:"));
        addTextField(page, u"marketplace_id"_s, tr("&Marketplace id:"));
        addTextField(page, u"lwa_url"_s, tr("LWA U&RL:"));
        page.fields.value(u"lwa_url"_s)->setPlaceholderText(u"https://api.amazon.com"_s);
    } else {
        addTextField(page, u"account_number"_s, tr("Account &number:"));
    }

    const QStringList roles = channels ? kChannelRoles : kCarrierRoles;
    for (const QString &role : roles) {
        SecretRow row;
        row.role = role;
        row.row = new QWidget(page.editor);
        auto *h = new QHBoxLayout(row.row);
        h->setContentsMargins(0, 0, 0, 0);
        row.secret = new QLineEdit(row.row);
        row.secret->setObjectName(u"%1Secret-%2"_s.arg(prefix, role));
        row.secret->setEchoMode(QLineEdit::Password);
        row.env = new QLineEdit(row.row);
        row.env->setObjectName(u"%1Env-%2"_s.arg(prefix, role));
        row.env->setPlaceholderText(tr("environment variable"));
        h->addWidget(row.secret, 3);
        h->addWidget(row.env, 2);
        page.form->addRow(roleLabel(role), row.row);
        connect(row.secret, &QLineEdit::textEdited, this, [this, &page] { commitEntry(page); });
        connect(row.env, &QLineEdit::textEdited, this, [this, &page] { commitEntry(page); });
        page.secrets.append(row);
    }
    if (channels) {
        m_channelRate->setObjectName(u"channelRate"_s);
        m_channelRate->setRange(0, 1000);
        m_channelRate->setDecimals(1);
        m_channelRate->setSpecialValueText(tr("the channel's documented limit"));
        page.form->addRow(tr("Max &requests/s:"), m_channelRate);
        m_channelBuffer->setToolTip(tr("What the channel is shown of each SKU's available "
                                       "stock. A SKU can have a rule of its own on a channel: "
                                       "double-click its cell in the Stock tab."));
        page.form->addRow(tr("Shows:"), m_channelBuffer);
        page.form->addRow(tr("Orders &via:"), m_channelIntake);
        connect(m_channelIntake, &OrderIntakeFields::edited, this,
                [this] { commitEntry(m_channels); });
        m_channelReconcile->setObjectName(u"channelReconcile"_s);
        m_channelReconcile->setRange(0, 7 * 24 * 3600);
        m_channelReconcile->setSingleStep(60);
        m_channelReconcile->setSuffix(tr(" s"));
        m_channelReconcile->setSpecialValueText(tr("never on a schedule"));
        m_channelReconcile->setToolTip(
            tr("How often what the channel shows is read back and compared with what it should "
               "show (drift). It also runs after the channel recovers from an outage."));
        page.form->addRow(tr("Re&concile every:"), m_channelReconcile);
        connect(m_channelReconcile, &QSpinBox::valueChanged, this,
                [this] { commitEntry(m_channels); });
        connect(m_channelRate, &QDoubleSpinBox::valueChanged, this,
                [this] { commitEntry(m_channels); });
        connect(m_channelBuffer, &BufferFields::changed, this, [this] { commitEntry(m_channels); });
    } else {
        m_carrierTimeout->setObjectName(u"carrierTimeout"_s);
        m_carrierTimeout->setRange(1, 120'000);
        m_carrierTimeout->setSuffix(tr(" ms"));
        page.form->addRow(tr("T&imeout:"), m_carrierTimeout);
        m_carrierEnabled->setObjectName(u"carrierEnabled"_s);
        page.form->addRow(QString(), m_carrierEnabled);
        connect(m_carrierTimeout, &QSpinBox::valueChanged, this,
                [this] { commitEntry(m_carriers); });
        connect(m_carrierEnabled, &QCheckBox::toggled, this, [this] { commitEntry(m_carriers); });
    }
    layout->addWidget(page.editor, 1);

    connect(page.id, &QLineEdit::textEdited, this, [this, &page] { commitEntry(page); });
    connect(page.baseUrl, &QLineEdit::textEdited, this, [this, &page] { commitEntry(page); });
    connect(page.type, &QComboBox::currentTextChanged, this, [this, &page] {
        commitEntry(page);
        updateVisibleRows(page);
    });
    connect(page.list, &QListWidget::currentRowChanged, this, [this, &page] { showEntry(page); });
    connect(page.add, &QPushButton::clicked, this, [this, &page] { addEntry(page); });
    connect(page.remove, &QPushButton::clicked, this, [this, &page] { removeEntry(page); });
    return widget;
}

QString SettingsDialog::roleLabel(const QString &role)
{
    static const QHash<QString, const char *> labels = {
        {u"token"_s, QT_TR_NOOP("Access &token:")},
        {u"consumer_key"_s, QT_TR_NOOP("Consumer &key:")},
        {u"consumer_secret"_s, QT_TR_NOOP("Consumer s&ecret:")},
        {u"lwa_client_id"_s, QT_TR_NOOP("LWA client i&d:")},
        {u"lwa_client_secret"_s, QT_TR_NOOP("LWA client s&ecret:")},
        {u"refresh_token"_s, QT_TR_NOOP("Refresh t&oken:")},
        {u"webhook_secret"_s, QT_TR_NOOP("&Webhook secret:")},
        {u"api_key"_s, QT_TR_NOOP("API &key:")},
        {u"client_id"_s, QT_TR_NOOP("Client i&d:")},
        {u"client_secret"_s, QT_TR_NOOP("Client s&ecret:")},
    };
    return tr(labels.value(role, ""));
}

QString SettingsDialog::secretKey(Kind kind, const QString &id, const QString &role) const
{
    return kind == Kind::Channel ? SecretKeys::channel(id, role) : SecretKeys::carrier(id, role);
}

void SettingsDialog::fillList(Page &page)
{
    m_loading = true;
    page.list->clear();
    for (const Entry &e : std::as_const(page.entries))
        page.list->addItem(e.object.value("id"_L1).toString());
    m_loading = false;
    page.list->setCurrentRow(page.entries.isEmpty() ? -1 : 0);
    showEntry(page);
}

void SettingsDialog::showEntry(Page &page)
{
    if (m_loading)
        return;
    const int index = page.list->currentRow();
    const bool has = index >= 0 && index < page.entries.size();
    page.editor->setEnabled(has && m_editable);
    page.remove->setEnabled(has && m_editable);
    m_loading = true;
    const Entry e = has ? page.entries.at(index) : Entry();
    const QJsonObject &o = e.object;
    page.id->setText(o.value("id"_L1).toString());
    // An existing entry keeps its id: its keychain entries and history are filed under it.
    page.id->setReadOnly(!e.originalId.isEmpty() || m_snapshot.demo);
    page.id->setToolTip(e.originalId.isEmpty()
                            ? QString()
                            : tr("An existing entry keeps its id: its secrets and its history are "
                                 "stored under it. Add a new one to use another id."));
    const int typeIndex = page.type->findText(o.value("type"_L1).toString());
    page.type->setCurrentIndex(std::max(0, typeIndex));
    page.baseUrl->setText(o.value("base_url"_L1).toString());
    for (auto it = page.fields.begin(); it != page.fields.end(); ++it)
        it.value()->setText(o.value(it.key()).toString());
    const QJsonObject credentials = o.value("credentials"_L1).toObject();
    const QString id = o.value("id"_L1).toString();
    for (SecretRow &row : page.secrets) {
        const bool webhook = row.role == "webhook_secret"_L1;
        const QString envField = row.role + u"_env"_s;
        row.env->setText((webhook ? o : credentials).value(envField).toString());
        row.secret->setText(e.newSecrets.value(row.role));
        const bool stored = m_stored.contains(secretKey(page.kind, id, row.role));
        row.secret->setPlaceholderText(!m_snapshot.keychainAvailable ? tr("not saved: no keychain")
                                           : stored                  ? tr("stored in keychain")
                                                                     : tr("not set"));
    }
    if (page.kind == Kind::Channel) {
        m_channelRate->setValue(o.value("max_requests_per_second"_L1).toDouble(0));
        // The older per-channel safety_buffer is pause_at (buffer.pause_at wins over it).
        BufferOverride buffer;
        parseBufferConfig(o.value("buffer"_L1), u"buffer"_s, &buffer);
        if (!buffer.pauseAt && o.value("safety_buffer"_L1).isDouble())
            buffer.pauseAt = o.value("safety_buffer"_L1).toInteger();
        BufferOverride all; // what every channel inherits: the file's safety_buffer
        if (m_defaultBuffer->value() >= 0)
            all.pauseAt = m_defaultBuffer->value();
        m_channelBuffer->setInherited(all, tr("every channel's"));
        m_channelBuffer->setBuffer(buffer);
        m_channelIntake->setType(o.value("type"_L1).toString());
        m_channelIntake->load(o);
        m_channelReconcile->setValue(
            o.value("reconcile_interval_s"_L1).toInt(ChannelConfig().reconcileIntervalS));
    } else {
        m_carrierTimeout->setValue(o.value("timeout_ms"_L1).toInt(3000));
        m_carrierEnabled->setChecked(o.value("enabled"_L1).toBool(true));
    }
    m_loading = false;
    updateVisibleRows(page);
}

void SettingsDialog::updateVisibleRows(Page &page)
{
    const bool channels = page.kind == Kind::Channel;
    const QString type = page.type->currentText();
    if (channels) {
        m_channelIntake->setType(type);
        page.form->setRowVisible(page.fields.value(u"location_id"_s), type == "shopify"_L1);
        for (const char *key : {"seller_id", "marketplace_id", "lwa_url"})
            page.form->setRowVisible(page.fields.value(QLatin1StringView(key)),
                                     type == "amazon"_L1);
    }
    static const QHash<QString, QString> examples = {
        {u"shopify"_s, u"https://shop.myshopify.com"_s},
        {u"woocommerce"_s, u"https://shop.example.com"_s},
        {u"ebay"_s, u"https://api.ebay.com"_s},
        {u"amazon"_s, u"https://sellingpartnerapi-na.amazon.com"_s},
        {u"ups"_s, u"https://onlinetools.ups.com"_s},
        {u"fedex"_s, u"https://apis.fedex.com"_s},
        {u"easypost"_s, u"https://api.easypost.com"_s},
        {u"shippo"_s, u"https://api.goshippo.com"_s}};
    page.baseUrl->setPlaceholderText(examples.value(type));
    QStringList roles;
    const QList<SecretField> fields = fieldsOf(channels, type);
    for (const SecretField &f : fields)
        roles.append(f.role);
    const bool keychain = m_snapshot.keychainAvailable;
    for (SecretRow &row : page.secrets) {
        page.form->setRowVisible(row.row, roles.contains(row.role));
        row.secret->setVisible(keychain);
        // Without a keychain the environment variable is where the secret comes from.
        row.env->setVisible(!keychain || !row.env->text().isEmpty());
    }
}

void SettingsDialog::commitEntry(Page &page)
{
    if (m_loading)
        return;
    const int index = page.list->currentRow();
    if (index < 0 || index >= page.entries.size())
        return;
    Entry &e = page.entries[index];
    QJsonObject &o = e.object;
    const bool channels = page.kind == Kind::Channel;
    const QString type = page.type->currentText();
    setOrRemove(o, u"id"_s, page.id->text());
    o.insert(u"type"_s, type);
    setOrRemove(o, u"base_url"_s, page.baseUrl->text());
    for (auto it = page.fields.begin(); it != page.fields.end(); ++it) {
        const bool applies = !channels ||
            (it.key() == "location_id"_L1 ? type == "shopify"_L1 : type == "amazon"_L1);
        setOrRemove(o, it.key(), applies ? it.value()->text() : QString());
    }
    QJsonObject credentials = o.value("credentials"_L1).toObject();
    QStringList roles;
    const QList<SecretField> fields = fieldsOf(channels, type);
    for (const SecretField &f : fields)
        roles.append(f.role);
    for (const SecretRow &row : std::as_const(page.secrets)) {
        const bool applies = roles.contains(row.role);
        const bool webhook = row.role == "webhook_secret"_L1;
        QJsonObject &target = webhook ? o : credentials;
        setOrRemove(target, row.role + u"_env"_s, applies ? row.env->text() : QString());
        if (applies && !row.secret->text().isEmpty())
            e.newSecrets.insert(row.role, row.secret->text());
        else
            e.newSecrets.remove(row.role);
    }
    o.insert(u"credentials"_s, credentials);
    if (channels) {
        if (m_channelRate->value() > 0)
            o.insert(u"max_requests_per_second"_s, m_channelRate->value());
        else
            o.remove(u"max_requests_per_second"_s);
        // Written as "buffer" only: an older safety_buffer is its pause_at now.
        const BufferOverride buffer = m_channelBuffer->buffer();
        o.remove(u"safety_buffer"_s);
        if (buffer.isEmpty())
            o.remove(u"buffer"_s);
        else
            o.insert(u"buffer"_s, bufferConfigToJson(buffer));
        m_channelIntake->store(o);
        if (m_channelReconcile->value() == ChannelConfig().reconcileIntervalS)
            o.remove(u"reconcile_interval_s"_s);
        else
            o.insert(u"reconcile_interval_s"_s, m_channelReconcile->value());
    } else {
        o.insert(u"timeout_ms"_s, m_carrierTimeout->value());
        if (m_carrierEnabled->isChecked())
            o.remove(u"enabled"_s);
        else
            o.insert(u"enabled"_s, false);
    }
    if (QListWidgetItem *item = page.list->item(index))
        item->setText(o.value("id"_L1).toString());
}

void SettingsDialog::addEntry(Page &page)
{
    const bool channels = page.kind == Kind::Channel;
    QSet<QString> ids;
    for (const Entry &e : std::as_const(page.entries))
        ids.insert(e.object.value("id"_L1).toString());
    QString id;
    for (int n = 1; id.isEmpty() || ids.contains(id); ++n)
        id = (channels ? u"channel-%1"_s : u"carrier-%1"_s).arg(n);
    Entry e;
    e.object = {{u"id"_s, id},
                {u"type"_s, channels ? kChannelTypes.first() : kCarrierTypes.first()},
                {u"credentials"_s, QJsonObject()}};
    page.entries.append(e);
    page.list->addItem(id);
    page.list->setCurrentRow(int(page.entries.size()) - 1);
    page.id->setFocus();
    page.id->selectAll();
}

void SettingsDialog::removeEntry(Page &page)
{
    const int index = page.list->currentRow();
    if (index < 0 || index >= page.entries.size())
        return;
    const Entry e = page.entries.takeAt(index);
    // Its keychain entries go with it.
    if (!e.originalId.isEmpty()) {
        const QList<SecretField> fields = page.kind == Kind::Channel
            ? SecretKeys::channelFields(e.originalType)
            : SecretKeys::carrierFields(e.originalType);
        for (const SecretField &f : fields) {
            const QString key = secretKey(page.kind, e.originalId, f.role);
            if (m_stored.contains(key))
                m_removedKeys.append(key);
        }
    }
    m_loading = true;
    delete page.list->takeItem(index);
    m_loading = false;
    page.list->setCurrentRow(std::min(index, int(page.entries.size()) - 1));
    showEntry(page);
}

QStringList SettingsDialog::removedSecrets() const
{
    QStringList keys = m_removedKeys;
    // A type change leaves the old type's secrets behind: drop them too.
    for (const Page *page : {&m_channels, &m_carriers}) {
        const bool channels = page->kind == Kind::Channel;
        for (const Entry &e : page->entries) {
            if (e.originalId.isEmpty())
                continue;
            const QString type = e.object.value("type"_L1).toString();
            QStringList now;
            const QList<SecretField> current =
                channels ? SecretKeys::channelFields(type) : SecretKeys::carrierFields(type);
            for (const SecretField &f : current)
                now.append(f.role);
            const QList<SecretField> before = channels ? SecretKeys::channelFields(e.originalType)
                                                       : SecretKeys::carrierFields(e.originalType);
            for (const SecretField &f : before) {
                const QString key = secretKey(page->kind, e.originalId, f.role);
                if (!now.contains(f.role) && m_stored.contains(key))
                    keys.append(key);
            }
        }
    }
    return keys;
}

} // namespace ChannelDesk
