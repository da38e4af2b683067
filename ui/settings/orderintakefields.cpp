#include "settings/orderintakefields.h"

#include "channels/channelfactory.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

QString describe(IntakeMode intake)
{
    switch (intake) {
    case IntakeMode::Webhook:
        return OrderIntakeFields::tr("webhooks only");
    case IntakeMode::Poll:
        return OrderIntakeFields::tr("polling only");
    case IntakeMode::Both:
        break;
    }
    return OrderIntakeFields::tr("webhooks and polling");
}

} // namespace

OrderIntakeFields::OrderIntakeFields(QWidget *parent)
    : QWidget(parent)
    , m_intake(new QComboBox(this))
    , m_interval(new QSpinBox(this))
{
    m_intake->setObjectName(u"channelIntake"_s);
    m_intake->setToolTip(tr("How this channel's orders reach ChannelDesk. Polling works behind a "
                            "router, where webhooks cannot arrive; with both, a webhook that "
                            "never came is caught by the next poll."));
    m_intake->addItem(QString(), QString()); // the type's default, named by setType()
    for (IntakeMode intake : {IntakeMode::Webhook, IntakeMode::Poll, IntakeMode::Both})
        m_intake->addItem(describe(intake), intakeName(intake));
    m_interval->setObjectName(u"channelPollInterval"_s);
    m_interval->setRange(0, 86'400);
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("How often the channel's orders are polled"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intake, 2);
    layout->addWidget(new QLabel(tr("poll every"), this));
    layout->addWidget(m_interval, 1);
    connect(m_intake, &QComboBox::activated, this, [this] {
        m_interval->setEnabled(m_intake->currentData().toString() !=
                               intakeName(IntakeMode::Webhook));
        Q_EMIT edited();
    });
    connect(m_interval, &QSpinBox::valueChanged, this, &OrderIntakeFields::edited);
    setType(u"shopify"_s);
}

void OrderIntakeFields::setType(const QString &type)
{
    m_type = type;
    const IntakeMode intake = defaultIntake(type);
    m_intake->setItemText(0, tr("default: %1").arg(describe(intake)));
    m_interval->setSpecialValueText(tr("default (%1 s)").arg(defaultPollIntervalSeconds(type)));
    // A channel without order webhooks (eBay, Amazon) can only be polled.
    const bool webhooks = type == "shopify"_L1 || type == "woocommerce"_L1;
    auto *model = qobject_cast<QStandardItemModel *>(m_intake->model());
    for (int row = 1; row < m_intake->count(); ++row) {
        const bool takesWebhooks =
            m_intake->itemData(row).toString() != intakeName(IntakeMode::Poll);
        if (model)
            model->item(row)->setEnabled(webhooks || !takesWebhooks);
    }
    if (!webhooks && m_intake->currentIndex() > 0 &&
        m_intake->currentData().toString() != intakeName(IntakeMode::Poll)) {
        m_intake->setCurrentIndex(0);
        m_interval->setEnabled(true);
        Q_EMIT edited();
    }
}

void OrderIntakeFields::load(const QJsonObject &channel)
{
    const QSignalBlocker blockIntake(m_intake);
    const QSignalBlocker blockInterval(m_interval);
    const int index = m_intake->findData(channel.value("intake"_L1).toString());
    m_intake->setCurrentIndex(std::max(0, index));
    m_interval->setValue(channel.value("poll_interval_s"_L1).toInt(0));
    m_interval->setEnabled(m_intake->currentData().toString() != intakeName(IntakeMode::Webhook));
}

void OrderIntakeFields::store(QJsonObject &channel) const
{
    const QString intake = m_intake->currentData().toString();
    if (intake.isEmpty())
        channel.remove(u"intake"_s);
    else
        channel.insert(u"intake"_s, intake);
    if (m_interval->value() > 0)
        channel.insert(u"poll_interval_s"_s, m_interval->value());
    else
        channel.remove(u"poll_interval_s"_s);
}

} // namespace ChannelDesk
