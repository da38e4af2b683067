#pragma once

#include "sync/syncengine.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ChannelDesk {

class InventoryStore;

// What one row of a stock import will do to its SKU, as the stock stands now.
struct StockImportChange
{
    QString sku;
    bool isNew = false; // the import creates the SKU
    qint64 availableBefore = 0;
    qint64 availableAfter = 0;
    QString titleBefore;
    QString titleAfter;
    qint64 bufferBefore = 0;
    qint64 bufferAfter = 0;
    bool changes() const
    {
        return isNew || availableBefore != availableAfter || titleBefore != titleAfter ||
            bufferBefore != bufferAfter;
    }
};

// A stock file read with the rules of `channeldesk-cli import-stock` (parseStockCsv) and
// compared with the stock: the rows to hand to SyncEngine::importStock, what each changes, and
// every bad row with its line number (then nothing may be imported).
struct StockImportPreview
{
    QList<StockImportRow> rows;
    QList<StockImportChange> changes; // as rows
    QStringList errors; // "line N: ..." for the file, or why the stock could not be read
    bool ok() const { return errors.isEmpty(); }
    qsizetype changedCount() const;
};

// Reads `text` and compares it with the stock in `store`. A row whose on hand is below what
// open orders have committed is an error too, as importStock would refuse it.
StockImportPreview previewStockImport(const QString &text, const InventoryStore &store);

} // namespace ChannelDesk
