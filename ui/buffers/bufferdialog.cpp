#include "buffers/bufferdialog.h"

#include "buffers/bufferfields.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

BufferDialog::BufferDialog(const Listing &listing, QWidget *parent)
    : QDialog(parent)
    , m_listing(listing)
    , m_fields(new BufferFields(u"buffer"_s, this))
    , m_shown(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"bufferDialog"_s);
    setWindowTitle(tr("What %1 shows of %2").arg(listing.channel, listing.sku));
    auto *intro = new QLabel(tr("%1 on %2: available %3, safety buffer %4. A field left at its "
                                "lowest value follows the channel's rule.")
                                 .arg(listing.sku, listing.channel)
                                 .arg(listing.available)
                                 .arg(listing.safetyBuffer),
                             this);
    intro->setWordWrap(true);
    m_shown->setObjectName(u"bufferShown"_s);
    m_fields->setInherited(listing.channelRule, tr("the channel's"));
    m_fields->setBuffer(listing.buffer);
    auto *inherit =
        m_buttons->addButton(tr("Use the &channel's rule"), QDialogButtonBox::ResetRole);
    inherit->setObjectName(u"bufferInherit"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"bufferOk"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"bufferCancel"_s);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_fields);
    layout->addWidget(m_shown);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(inherit, &QPushButton::clicked, this, [this] { m_fields->setBuffer({}); });
    connect(m_fields, &BufferFields::changed, this, &BufferDialog::updateShown);
    updateShown();
}

BufferOverride BufferDialog::buffer() const
{
    return m_fields->buffer();
}

void BufferDialog::updateShown()
{
    const BufferRule rule = resolveBufferRule(buffer(), m_listing.channelRule);
    const ShownQuantity now = shownQuantity(rule, m_listing.available, m_listing.safetyBuffer);
    m_shown->setText(now.paused ? tr("%1 would show 0: available is at or below the pause-at, %2.")
                                      .arg(m_listing.channel)
                                      .arg(rule.pauseAt.value_or(m_listing.safetyBuffer))
                                : tr("%1 would show %2.").arg(m_listing.channel).arg(now.quantity));
}

} // namespace ChannelDesk
