#pragma once

#include "domain/ledger.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QRadioButton;

namespace ChannelDesk {

// Asks how to settle one waiting line of an order: apply it to a SKU, or record that it is not
// stock (a gift card, say) with a reason. Accepted only with a SKU or a reason.
class ResolveLineDialog : public QDialog
{
    Q_OBJECT
public:
    ResolveLineDialog(const QList<ChannelDesk::UnmatchedEntry> &lines, QWidget *parent = nullptr);

    int line() const; // the chosen line's number
    QString sku() const; // empty when the line is ignored
    QString reason() const;

private:
    void updateOk();

    QList<UnmatchedEntry> m_lines;
    QComboBox *m_line;
    QRadioButton *m_apply;
    QRadioButton *m_ignore;
    QLineEdit *m_sku;
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace ChannelDesk
