#pragma once

#include "stock/stockimportdialog.h"
#include "sync/stockimportpreview.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace ChannelDesk {

class CoreBridge;
class StockPanel;
class TaskProgress;

// File > Import stock… and File > Export stock…: the file dialogs (in the last folder used),
// the preview of an import and its outcome, and the CSV of what the Stock tab shows. The files
// are read, checked and written on the core thread (CoreBridge); the status bar's TaskProgress
// shows the import while it runs, with Cancel until the merchant has seen the preview.
class StockFiles : public QObject
{
    Q_OBJECT
public:
    StockFiles(CoreBridge *bridge, StockPanel *stock, TaskProgress *progress, QWidget *window);

    // The preview of an import, while it is open (for tests).
    StockImportDialog *previewDialog() const { return m_dialog; }
    // What Export stock… writes: the Stock tab's columns and rows as shown (filter and sort),
    // spreadsheet-safe (csvCell).
    QString stockCsv() const;

public Q_SLOTS:
    void importStock();
    void importFrom(const QString &path);
    void exportStock();
    void exportTo(const QString &path);
    // Stock > Add a SKU…: a one-row import.
    void addSku();

Q_SIGNALS:
    // The outcome of an import or an export, for the event log.
    void finished(const QString &message);

private:
    void showPreview(quint64 requestId, const QString &path,
                     const ChannelDesk::StockImportPreview &preview);

    CoreBridge *m_bridge;
    StockPanel *m_stock;
    TaskProgress *m_progress;
    QWidget *m_window;
    QPointer<StockImportDialog> m_dialog;
    quint64 m_request = 0; // the bridge request being waited for
    quint64 m_task = 0; // its TaskProgress
};

} // namespace ChannelDesk
