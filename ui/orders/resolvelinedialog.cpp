#include "orders/resolvelinedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

ResolveLineDialog::ResolveLineDialog(const QList<UnmatchedEntry> &lines, QWidget *parent)
    : QDialog(parent)
    , m_lines(lines)
    , m_line(new QComboBox(this))
    , m_apply(new QRadioButton(tr("&Apply it to SKU:"), this))
    , m_ignore(new QRadioButton(tr("It is &not stock (a gift card, a service): ignore it"), this))
    , m_sku(new QLineEdit(this))
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"resolveLineDialog"_s);
    setWindowTitle(tr("Resolve a waiting line"));
    m_line->setObjectName(u"resolveLine"_s);
    for (const UnmatchedEntry &e : lines) {
        m_line->addItem(tr("Line %1: %2 \u00d7 %3")
                            .arg(e.line)
                            .arg(e.quantity)
                            .arg(e.sku.isEmpty() ? e.remoteId : e.sku),
                        e.line);
    }
    m_apply->setObjectName(u"resolveApply"_s);
    m_ignore->setObjectName(u"resolveIgnore"_s);
    m_sku->setObjectName(u"resolveSku"_s);
    m_sku->setPlaceholderText(tr("SKU"));
    m_reason->setObjectName(u"resolveReason"_s);
    m_reason->setPlaceholderText(tr("Why (recorded in the audit log)"));
    m_buttons->setObjectName(u"resolveButtons"_s);
    m_apply->setChecked(true);

    auto *hint = new QLabel(tr("The line takes its units from the SKU at once, even below zero. "
                               "An ignored line takes nothing."),
                            this);
    hint->setObjectName(u"resolveHint"_s);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Line:"), m_line);
    form->addRow(m_apply, m_sku);
    form->addRow(m_ignore);
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_sku, m_reason})
        connect(edit, &QLineEdit::textChanged, this, &ResolveLineDialog::updateOk);
    connect(m_apply, &QRadioButton::toggled, this, &ResolveLineDialog::updateOk);
    connect(m_line, &QComboBox::currentIndexChanged, this, [this](int index) {
        // A line that names an unknown SKU: offer that SKU as the start of the correction.
        if (index >= 0 && index < m_lines.size() && m_sku->text().isEmpty())
            m_sku->setText(m_lines.at(index).sku);
    });
    if (!lines.isEmpty())
        m_sku->setText(lines.first().sku);
    updateOk();
    resize(460, sizeHint().height());
}

int ResolveLineDialog::line() const
{
    return m_line->currentData().toInt();
}

QString ResolveLineDialog::sku() const
{
    return m_apply->isChecked() ? m_sku->text().trimmed() : QString();
}

QString ResolveLineDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ResolveLineDialog::updateOk()
{
    m_sku->setEnabled(m_apply->isChecked());
    const bool ok = m_line->count() > 0 &&
        (m_apply->isChecked() ? !m_sku->text().trimmed().isEmpty() : !reason().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace ChannelDesk
