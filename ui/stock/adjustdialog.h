#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;
class QDialogButtonBox;

namespace ChannelDesk {

// Asks for a manual stock correction: a non-zero delta and the reason the audit log keeps.
class AdjustDialog : public QDialog
{
    Q_OBJECT
public:
    AdjustDialog(const QString &sku, qint64 available, QWidget *parent = nullptr);

    qint64 delta() const;
    QString reason() const;

private:
    void updateOk();

    QSpinBox *m_delta;
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace ChannelDesk
