#include "sync/stockimportpreview.h"

#include "io/stockcsv.h"
#include "store/inventorystore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

qsizetype StockImportPreview::changedCount() const
{
    return std::count_if(changes.cbegin(), changes.cend(),
                         [](const StockImportChange &c) { return c.changes(); });
}

StockImportPreview previewStockImport(const QString &text, const InventoryStore &store)
{
    StockImportPreview preview;
    CsvErrors errors;
    if (!parseStockCsv(text, &preview.rows, &errors)) {
        preview.rows.clear();
        preview.errors = errors.messages;
        return preview;
    }
    for (const StockImportRow &row : std::as_const(preview.rows)) {
        const auto current = store.stock(row.sku);
        if (!current) {
            preview.errors = {u"the stock could not be read: %1"_s.arg(current.error())};
            break;
        }
        StockImportChange change;
        change.sku = row.sku;
        const StockLevel level = current.value().value_or(StockLevel {});
        change.isNew = !current.value().has_value();
        change.availableBefore = level.available;
        change.titleBefore = level.title;
        change.bufferBefore = level.safetyBuffer;
        change.availableAfter = row.onHand ? *row.onHand - level.committed : row.available;
        change.titleAfter = row.title.value_or(level.title);
        change.bufferAfter = row.safetyBuffer.value_or(level.safetyBuffer);
        if (change.availableAfter < 0)
            preview.errors.append(
                u"%1: on hand %2 is less than the %3 unit(s) committed to open orders"_s
                    .arg(row.sku)
                    .arg(*row.onHand)
                    .arg(level.committed));
        preview.changes.append(change);
    }
    if (!preview.ok())
        preview.rows.clear();
    return preview;
}

} // namespace ChannelDesk
