#include "stock/adjustdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

AdjustDialog::AdjustDialog(const QString &sku, qint64 available, QWidget *parent)
    : QDialog(parent)
    , m_delta(new QSpinBox(this))
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"adjustDialog"_s);
    setWindowTitle(tr("Adjust stock of %1").arg(sku));
    m_delta->setObjectName(u"adjustDelta"_s);
    m_delta->setRange(-1'000'000, 1'000'000);
    m_delta->setMinimum(int(std::max<qint64>(-available, -1'000'000)));
    m_reason->setObjectName(u"adjustReason"_s);
    m_reason->setPlaceholderText(tr("For example: stock count, damaged, returned"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Available now:"), new QLabel(QString::number(available), this));
    form->addRow(tr("&Change by:"), m_delta);
    form->addRow(tr("&Reason:"), m_reason);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"adjustOk"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"adjustCancel"_s);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_delta, &QSpinBox::valueChanged, this, &AdjustDialog::updateOk);
    connect(m_reason, &QLineEdit::textChanged, this, &AdjustDialog::updateOk);
    updateOk();
}

qint64 AdjustDialog::delta() const
{
    return m_delta->value();
}

QString AdjustDialog::reason() const
{
    return m_reason->text().trimmed();
}

void AdjustDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(delta() != 0 && !reason().isEmpty());
}

} // namespace ChannelDesk
