// ConsoleWorker's side of File > Import stock…, Export stock… and Connect a channel's Test
// connection (issue 15): for the stock files, the same
// parser and the same SyncEngine::importStock as `channeldesk-cli import-stock`, and the files
// read and written here, on the worker thread, never on the GUI's.
#include "channels/connectiontester.h"
#include "console/consoleworker.h"
#include "runtime/coreruntime.h"
#include "store/inventorystore.h"
#include "sync/syncengine.h"

#include <QFile>
#include <QSaveFile>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
// A stock file is a few MB at most (100,000 SKUs); anything far bigger is not one.
constexpr qint64 kMaxImportBytes = 64 * 1024 * 1024;
} // namespace

void ConsoleWorker::previewStockImport(quint64 requestId, const QString &path)
{
    StockImportPreview preview;
    QFile file(path);
    if (!m_inventory) {
        preview.errors = {tr("The core is not running")};
    } else if (!file.open(QIODevice::ReadOnly)) {
        preview.errors = {tr("Cannot read %1: %2").arg(path, file.errorString())};
    } else if (file.size() > kMaxImportBytes) {
        preview.errors = {tr("%1 is over %2 MB: not a stock file")
                              .arg(path)
                              .arg(kMaxImportBytes / (1024 * 1024))};
    } else {
        preview = ChannelDesk::previewStockImport(QString::fromUtf8(file.readAll()), *m_inventory);
    }
    Q_EMIT stockImportPreviewed(requestId, path, preview);
}

void ConsoleWorker::importStock(quint64 requestId, const QList<StockImportRow> &rows,
                                const QString &reason)
{
    if (!m_runtime) {
        Q_EMIT stockImportFinished(requestId, false, tr("The core is not running"));
        return;
    }
    const SyncEngine::ChangeResult r =
        m_runtime->engine()->importStock(rows, m_options.actor, reason);
    if (!r.ok()) {
        Q_EMIT stockImportFinished(requestId, false, r.message);
        return;
    }
    qsizetype changed = 0;
    for (const Mutation &m : r.mutations) {
        if (m.kind != MutationKind::Import)
            continue;
        ++changed;
        // The mutation carries the quantities; the Stock tab shows the title and buffer too.
        if (const auto level = m_inventory->stock(m.sku); level && level->has_value())
            m_stock.applyDetails(**level);
    }
    Q_EMIT stockImportFinished(requestId, true,
                               tr("Imported %1 rows: %2 changed, %3 unchanged")
                                   .arg(rows.size())
                                   .arg(changed)
                                   .arg(rows.size() - changed));
}

void ConsoleWorker::testConnection(quint64 requestId, const ChannelConfig &config)
{
    if (!m_connectionTester)
        m_connectionTester = new ConnectionTester(m_clock, this);
    m_connectionTester->test(config, [this, requestId](const ConnectionCheck &check) {
        Q_EMIT connectionTested(requestId, check);
    });
}

void ConsoleWorker::writeTextFile(quint64 requestId, const QString &path, const QString &text)
{
    QSaveFile file(path);
    QString error;
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        error = file.errorString();
    Q_EMIT fileWritten(requestId, path, error);
}

} // namespace ChannelDesk
