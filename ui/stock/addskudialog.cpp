#include "stock/addskudialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

AddSkuDialog::AddSkuDialog(QWidget *parent)
    : QDialog(parent)
    , m_sku(new QLineEdit(this))
    , m_title(new QLineEdit(this))
    , m_available(new QSpinBox(this))
    , m_buffer(new QSpinBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"addSkuDialog"_s);
    setWindowTitle(tr("Add a SKU"));
    m_sku->setObjectName(u"addSkuSku"_s);
    m_sku->setPlaceholderText(tr("As your channels know it, e.g. MUG-BLUE-12"));
    m_title->setObjectName(u"addSkuTitle"_s);
    m_available->setObjectName(u"addSkuAvailable"_s);
    m_available->setRange(0, 1'000'000'000);
    m_buffer->setObjectName(u"addSkuBuffer"_s);
    m_buffer->setRange(0, 1'000'000'000);
    m_buffer->setToolTip(tr("Listings pause when available stock falls to this"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&SKU:"), m_sku);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Available:"), m_available);
    form->addRow(tr("Safety &buffer:"), m_buffer);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"addSkuOk"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_sku, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

StockImportRow AddSkuDialog::row() const
{
    StockImportRow row;
    row.sku = m_sku->text().trimmed();
    row.available = m_available->value();
    if (!m_title->text().trimmed().isEmpty())
        row.title = m_title->text().trimmed();
    row.safetyBuffer = m_buffer->value();
    return row;
}

} // namespace ChannelDesk
