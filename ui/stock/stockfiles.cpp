#include "stock/stockfiles.h"

#include "console/corebridge.h"
#include "io/csvtext.h"
#include "stock/addskudialog.h"
#include "stock/stockimportdialog.h"
#include "stock/stockpanel.h"
#include "widgets/filedialogs.h"
#include "widgets/taskprogress.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

StockFiles::StockFiles(CoreBridge *bridge, StockPanel *stock, TaskProgress *progress,
                       QWidget *window)
    : QObject(window)
    , m_bridge(bridge)
    , m_stock(stock)
    , m_progress(progress)
    , m_window(window)
{
    if (!m_bridge)
        return;
    connect(m_bridge, &CoreBridge::stockImportPreviewed, this, &StockFiles::showPreview);
    connect(m_bridge, &CoreBridge::stockImportFinished, this,
            [this](quint64 requestId, bool ok, const QString &message) {
                if (requestId != m_request)
                    return;
                m_request = 0;
                m_progress->finish(m_task);
                if (ok) {
                    Q_EMIT finished(message);
                    return;
                }
                Q_EMIT finished(tr("Nothing was imported: %1").arg(message));
                QMessageBox::warning(m_window, tr("Import stock"),
                                     tr("Nothing was imported: %1").arg(message));
            });
    connect(m_bridge, &CoreBridge::fileWritten, this,
            [this](quint64 requestId, const QString &path, const QString &error) {
                if (requestId != m_request)
                    return;
                m_request = 0;
                m_progress->finish(m_task);
                if (error.isEmpty()) {
                    Q_EMIT finished(tr("Stock exported to %1").arg(path));
                    return;
                }
                Q_EMIT finished(tr("Cannot write %1: %2").arg(path, error));
                QMessageBox::warning(m_window, tr("Export stock"),
                                     tr("Cannot write %1: %2").arg(path, error));
            });
}

void StockFiles::importStock()
{
    const QString path =
        FileDialogs::openFile(m_window, tr("Import stock"), tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importFrom(path);
}

void StockFiles::importFrom(const QString &path)
{
    if (!m_bridge)
        return;
    m_request = m_bridge->previewStockImport(path);
    m_task = m_progress->begin(tr("Reading %1…").arg(QFileInfo(path).fileName()),
                               [this] { m_request = 0; });
}

void StockFiles::showPreview(quint64 requestId, const QString &path,
                             const StockImportPreview &preview)
{
    if (requestId != m_request)
        return; // cancelled, or an older one
    m_request = 0;
    m_progress->finish(m_task);
    if (m_dialog)
        m_dialog->deleteLater();
    m_dialog = new StockImportDialog(path, preview, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog.data()] {
        m_request = m_bridge->importStock(dialog->rows(), dialog->reason());
        m_task = m_progress->begin(tr("Importing %n SKU(s)…", nullptr, int(dialog->rows().size())));
    });
    if (!preview.ok())
        Q_EMIT finished(
            tr("%1 was not imported: %n bad row(s)", nullptr, int(preview.errors.size()))
                .arg(QFileInfo(path).fileName()));
    m_dialog->open();
}

void StockFiles::addSku()
{
    if (!m_bridge)
        return;
    auto *dialog = new AddSkuDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_request = m_bridge->importStock({dialog->row()}, tr("added in the console"));
        m_task = m_progress->begin(tr("Adding %1…").arg(dialog->row().sku));
    });
    dialog->open();
}

QString StockFiles::stockCsv() const
{
    const QAbstractItemModel *model = m_stock->view()->model();
    const QHeaderView *header = m_stock->view()->horizontalHeader();
    QList<int> columns; // in the order shown, hidden ones left out
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    QStringList lines;
    QStringList cells;
    for (int column : std::as_const(columns))
        cells.append(model->headerData(column, Qt::Horizontal).toString());
    lines.append(csvLine(cells));
    for (int row = 0; row < model->rowCount(); ++row) {
        cells.clear();
        for (int column : std::as_const(columns))
            cells.append(model->index(row, column).data().toString());
        lines.append(csvLine(cells));
    }
    return lines.join(u'\n') + u'\n';
}

void StockFiles::exportStock()
{
    const QString path = FileDialogs::saveFile(m_window, tr("Export stock"), u"stock.csv"_s,
                                               tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void StockFiles::exportTo(const QString &path)
{
    if (!m_bridge)
        return;
    m_request = m_bridge->writeTextFile(path, stockCsv());
    m_task = m_progress->begin(tr("Writing %1…").arg(QFileInfo(path).fileName()));
}

} // namespace ChannelDesk
