#pragma once

#include "csvreader.h"
#include "domain/bufferrules.h"

namespace ChannelDesk {

// One row of a buffer import, with the line it came from (for the errors the store's checks
// find later, such as an unknown SKU).
struct BufferImportRow
{
    ListingBuffer listing;
    int line = 0;
};

// Reads a buffer import file: header `channel,sku` with any of `reserve`, `percent`, `max`,
// `pause_at`, in any order; an empty cell inherits (the channel's rule, then the default), a
// row with every cell empty removes the listing's override. All-or-nothing: returns false with
// every bad row in *errors (by line number) when any row is bad: a missing channel or SKU, a
// value that is not a whole number in its range (percent 0 to 100, the others 0 to 2^31 - 1),
// the same listing twice.
bool parseBufferCsv(const QString &text, QList<BufferImportRow> *rows, CsvErrors *errors);

} // namespace ChannelDesk
