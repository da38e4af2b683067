#include "deliverycsv.h"

#include "util/controlchars.h"

#include <QRegularExpression>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

bool parseDeliveryCsv(const QString &text, QList<DeliveryOutcome> *outcomes, CsvErrors *errors,
                      QDate today)
{
    QList<CsvReader::Record> records;
    if (!readCsvFile(text, u"carrier,service,zone,promised,delivered"_s, &records, errors))
        return false;
    CsvHeader header;
    const QStringList required {u"carrier"_s, u"service"_s, u"zone"_s, u"promised"_s,
                                u"delivered"_s};
    if (!header.read(records.first(), required, {}, errors))
        return false;
    static const QRegularExpression zonePattern(u"^[A-Z]{2}-[A-Z0-9]{1,3}$"_s);
    static const QRegularExpression datePattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    QList<DeliveryOutcome> parsed;
    for (qsizetype i = 1; i < records.size(); ++i) {
        const CsvReader::Record &r = records.at(i);
        if (r.fields.size() == 1 && r.fields.constFirst().trimmed().isEmpty())
            continue; // a blank line
        if (r.fields.size() != header.size()) {
            errors->add(r.line,
                        u"expected %1 fields, found %2"_s.arg(header.size()).arg(r.fields.size()));
            continue;
        }
        auto field = [&](const QString &name) {
            return r.fields.at(header.column(name)).trimmed();
        };
        DeliveryOutcome o;
        o.carrier = field(u"carrier"_s);
        o.service = field(u"service"_s);
        o.zone = field(u"zone"_s).toUpper();
        bool ok = true;
        for (const auto &[name, value] :
             {std::pair {u"carrier"_s, o.carrier}, std::pair {u"service"_s, o.service}}) {
            if (value.isEmpty()) {
                errors->add(r.line, u"%1 is missing"_s.arg(name));
                ok = false;
            } else if (hasControlCharacter(value)) {
                errors->add(r.line, u"%1 must not contain control characters"_s.arg(name));
                ok = false;
            }
        }
        if (!zonePattern.match(o.zone).hasMatch()) {
            errors->add(r.line,
                        u"zone \"%1\" is not a country and postal prefix like US-941"_s.arg(
                            field(u"zone"_s)));
            ok = false;
        }
        for (const auto &[name, target] :
             {std::pair {u"promised"_s, &o.promised}, std::pair {u"delivered"_s, &o.delivered}}) {
            const QString value = field(name);
            *target = QDate::fromString(value, Qt::ISODate);
            if (!datePattern.match(value).hasMatch() || !target->isValid()) {
                errors->add(r.line, u"%1 \"%2\" is not a date like 2026-12-01"_s.arg(name, value));
                ok = false;
            }
        }
        if (ok && today.isValid() && o.delivered > today.addDays(1)) {
            errors->add(r.line, u"delivered \"%1\" is in the future"_s.arg(field(u"delivered"_s)));
            ok = false;
        }
        if (ok)
            parsed.append(o);
    }
    if (!errors->isEmpty())
        return false;
    *outcomes = parsed;
    return true;
}

} // namespace ChannelDesk
