#pragma once

#include "csvreader.h"
#include "sync/syncengine.h"

namespace ChannelDesk {

// Reads a stock import file: header `sku,available` (or `sku,on_hand`: the shelf count, from
// which available = on hand - committed) with optional `title` and `safety_buffer`, in any
// order. All-or-nothing: returns false with every bad row in *errors (by line number)
// when any row is bad — a missing field, a non-integer, a negative or over-2^31 quantity, a
// duplicate SKU.
bool parseStockCsv(const QString &text, QList<StockImportRow> *rows, CsvErrors *errors);

} // namespace ChannelDesk
