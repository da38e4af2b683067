#include "buffercsv.h"

#include "domain/channelid.h"
#include "domain/sku.h"

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

const QStringList kFields = {u"reserve"_s, u"percent"_s, u"max"_s, u"pause_at"_s};

// An optional whole-number cell: empty leaves *value unset.
bool readField(const CsvReader::Record &r, int column, const QString &name,
               std::optional<qint64> *value, CsvErrors *errors)
{
    if (column < 0)
        return true;
    const QString text = r.fields.at(column).trimmed();
    if (text.isEmpty())
        return true;
    const qint64 max = name == "percent"_L1 ? BufferLimits::kMaxPercent : Quantity::kMax;
    qint64 number = 0;
    if (text.startsWith(u'-') || !parseQuantity(text, max, &number)) {
        errors->add(r.line,
                    u"%1 \"%2\" %3"_s.arg(name, text, BufferLimits::validationError(name, -1)));
        return false;
    }
    *value = number;
    return true;
}
} // namespace

bool parseBufferCsv(const QString &text, QList<BufferImportRow> *rows, CsvErrors *errors)
{
    QList<CsvReader::Record> records;
    if (!readCsvFile(text, u"channel,sku,reserve,percent,max,pause_at"_s, &records, errors))
        return false;
    CsvHeader header;
    if (!header.read(records.first(), {u"channel"_s, u"sku"_s}, kFields, errors))
        return false;
    const int channelCol = header.column(u"channel"_s);
    const int skuCol = header.column(u"sku"_s);
    QHash<QString, int> seen; // channel and SKU -> line
    for (qsizetype i = 1; i < records.size(); ++i) {
        const CsvReader::Record &r = records.at(i);
        if (r.fields.size() != header.size()) {
            errors->add(r.line,
                        u"expected %1 fields, found %2"_s.arg(header.size()).arg(r.fields.size()));
            continue;
        }
        BufferImportRow row;
        row.line = r.line;
        ListingBuffer &l = row.listing;
        l.channel = r.fields.at(channelCol).trimmed();
        l.sku = r.fields.at(skuCol).trimmed();
        bool ok = true;
        if (l.channel.isEmpty()) {
            errors->add(r.line, u"channel is missing"_s);
            ok = false;
        } else if (const QString e = ChannelId::validationError(l.channel); !e.isEmpty()) {
            errors->add(r.line, u"channel "_s + e);
            ok = false;
        }
        if (l.sku.isEmpty()) {
            errors->add(r.line, u"sku is missing"_s);
            ok = false;
        } else if (const QString e = Sku::validationError(l.sku); !e.isEmpty()) {
            errors->add(r.line, e);
            ok = false;
        }
        const QString key = l.channel + u'\n' + l.sku;
        if (ok && seen.contains(key)) {
            errors->add(r.line,
                        u"%1 on %2 is set twice (first on line %3)"_s.arg(
                            l.sku, l.channel, QString::number(seen.value(key))));
            ok = false;
        }
        std::optional<qint64> percent;
        ok = readField(r, header.column(u"reserve"_s), u"reserve"_s, &l.buffer.reserve, errors) &&
            ok;
        ok = readField(r, header.column(u"percent"_s), u"percent"_s, &percent, errors) && ok;
        ok = readField(r, header.column(u"max"_s), u"max"_s, &l.buffer.max, errors) && ok;
        ok = readField(r, header.column(u"pause_at"_s), u"pause_at"_s, &l.buffer.pauseAt, errors) &&
            ok;
        if (percent)
            l.buffer.percent = int(*percent);
        if (ok) {
            seen.insert(key, r.line);
            rows->append(row);
        }
    }
    return errors->isEmpty();
}

} // namespace ChannelDesk
