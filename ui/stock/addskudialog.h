#pragma once

#include "sync/syncengine.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace ChannelDesk {

// Stock > Add a SKU…: one new SKU with its title, what is available and its safety buffer; it
// goes in as a one-row stock import (the same checks, audited).
class AddSkuDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddSkuDialog(QWidget *parent = nullptr);

    StockImportRow row() const;

private:
    QLineEdit *m_sku;
    QLineEdit *m_title;
    QSpinBox *m_available;
    QSpinBox *m_buffer;
    QDialogButtonBox *m_buttons;
};

} // namespace ChannelDesk
