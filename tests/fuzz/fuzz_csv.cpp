// libFuzzer target: the CSV readers (core/io and the carriers' delivery CSV). Input: a selector
// byte picking the reader, then the file's text.
#include "carriers/deliverycsv.h"
#include "fuzzinput.h"
#include "io/buffercsv.h"
#include "io/csvreader.h"
#include "io/stockcsv.h"

#include <QDate>

using namespace ChannelDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::FuzzInput input(data, size);
    const uint8_t which = input.takeByte() % 4;
    const QString text = QString::fromUtf8(input.rest());
    switch (which) {
    case 0: {
        QList<CsvReader::Record> records;
        QString error;
        const bool ok = CsvReader::parse(text, &records, &error);
        if (!ok && error.isEmpty())
            __builtin_trap(); // a refusal always says why
        break;
    }
    case 1: {
        QList<StockImportRow> rows;
        CsvErrors errors;
        if (!parseStockCsv(text, &rows, &errors) && errors.isEmpty())
            __builtin_trap();
        break;
    }
    case 2: {
        QList<BufferImportRow> rows;
        CsvErrors errors;
        if (!parseBufferCsv(text, &rows, &errors) && errors.isEmpty())
            __builtin_trap();
        break;
    }
    default: {
        QList<DeliveryOutcome> outcomes;
        CsvErrors errors;
        if (!parseDeliveryCsv(text, &outcomes, &errors, QDate(2026, 12, 1)) && errors.isEmpty())
            __builtin_trap();
        break;
    }
    }
    return 0;
}
