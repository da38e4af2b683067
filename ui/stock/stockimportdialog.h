#pragma once

#include "sync/stockimportpreview.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace ChannelDesk {

// File > Import stock…'s preview: what the file will change, SKU by SKU, before anything is
// written; or every bad row with its line number, and then nothing can be imported (all or
// nothing, as `channeldesk-cli import-stock`).
class StockImportDialog : public QDialog
{
    Q_OBJECT
public:
    StockImportDialog(const QString &path, const StockImportPreview &preview,
                      QWidget *parent = nullptr);

    const QList<StockImportRow> &rows() const { return m_preview.rows; }
    // Recorded in the audit log with every change.
    QString reason() const;

private:
    StockImportPreview m_preview;
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace ChannelDesk
