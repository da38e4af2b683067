#include "stockcsv.h"

#include "domain/sku.h"

#include <QSet>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

bool readQuantityField(const CsvReader::Record &r, int column, const QString &name, qint64 *value,
                       CsvErrors *errors)
{
    const QString text = r.fields.value(column).trimmed();
    if (text.isEmpty()) {
        errors->add(r.line, u"%1 is missing"_s.arg(name));
        return false;
    }
    if (text.startsWith(u'-')) {
        errors->add(r.line, u"%1 \"%2\" is negative"_s.arg(name, text));
        return false;
    }
    if (!parseQuantity(text, Quantity::kMax, value)) {
        bool isNumber = !text.isEmpty();
        for (const QChar c : text)
            isNumber = isNumber && c.isDigit();
        errors->add(r.line,
                    isNumber ? u"%1 \"%2\" is over %3"_s.arg(name, text).arg(Quantity::kMax)
                             : u"%1 \"%2\" is not a whole number"_s.arg(name, text));
        return false;
    }
    return true;
}
} // namespace

bool parseStockCsv(const QString &text, QList<StockImportRow> *rows, CsvErrors *errors)
{
    QList<CsvReader::Record> records;
    if (!readCsvFile(text, u"sku,available"_s, &records, errors))
        return false;
    CsvHeader header;
    if (!header.read(records.first(), {u"sku"_s},
                     {u"available"_s, u"on_hand"_s, u"title"_s, u"safety_buffer"_s}, errors))
        return false;
    // The quantity is either what channels may sell (available) or what is on the shelf
    // (on_hand, from which available = on hand - committed), never both.
    const bool onHand = header.column(u"on_hand"_s) >= 0;
    if (onHand == (header.column(u"available"_s) >= 0)) {
        errors->add(records.first().line,
                    onHand ? u"the header has both available and on_hand: give one"_s
                           : u"missing column \"available\" (or \"on_hand\")"_s);
        return false;
    }

    const int skuCol = header.column(u"sku"_s);
    const QString quantityName = onHand ? u"on_hand"_s : u"available"_s;
    const int availableCol = header.column(quantityName);
    const int titleCol = header.column(u"title"_s);
    const int bufferCol = header.column(u"safety_buffer"_s);
    QHash<QString, int> seen;

    for (qsizetype i = 1; i < records.size(); ++i) {
        const CsvReader::Record &r = records.at(i);
        if (r.fields.size() != header.size()) {
            errors->add(r.line,
                        u"expected %1 fields, found %2"_s.arg(header.size()).arg(r.fields.size()));
            continue;
        }
        StockImportRow row;
        row.sku = r.fields.at(skuCol).trimmed();
        bool ok = true;
        if (row.sku.isEmpty()) {
            errors->add(r.line, u"sku is missing"_s);
            ok = false;
        } else if (const QString e = Sku::validationError(row.sku); !e.isEmpty()) {
            errors->add(r.line, e);
            ok = false;
        } else if (seen.contains(row.sku)) {
            errors->add(
                r.line,
                u"duplicate SKU \"%1\" (first on line %2)"_s.arg(row.sku).arg(seen.value(row.sku)));
            ok = false;
        } else {
            seen.insert(row.sku, r.line);
        }
        qint64 quantity = 0;
        ok = readQuantityField(r, availableCol, quantityName, &quantity, errors) && ok;
        if (onHand)
            row.onHand = quantity;
        else
            row.available = quantity;
        if (titleCol >= 0)
            row.title = r.fields.at(titleCol);
        if (bufferCol >= 0) {
            qint64 buffer = 0;
            if (r.fields.at(bufferCol).trimmed().isEmpty()) {
                // an empty optional cell leaves the buffer as it is
            } else if (readQuantityField(r, bufferCol, u"safety_buffer"_s, &buffer, errors)) {
                row.safetyBuffer = buffer;
            } else {
                ok = false;
            }
        }
        if (ok)
            rows->append(row);
    }
    if (records.size() == 1 && errors->isEmpty())
        return true; // a header alone imports nothing
    return errors->isEmpty();
}

} // namespace ChannelDesk
