#include "csvreader.h"

#include <QHash>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;
}

bool CsvReader::parse(const QString &text, QList<Record> *records, QString *error)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (n > 0 && text.at(0) == QChar(0xFEFF))
        i = 1;
    int line = 1;
    Record record;
    record.line = line;
    QString field;
    bool quoted = false; // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (text after the quote is an error)
    bool recordEmpty = true; // nothing seen on this record yet

    auto endField = [&] {
        record.fields.append(wasQuoted ? field : field.trimmed());
        field.clear();
        wasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!(recordEmpty && record.fields.size() == 1 && record.fields.first().isEmpty()))
            records->append(record);
        record = Record {};
        recordEmpty = true;
    };

    for (; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.trimmed().isEmpty() || wasQuoted) {
                *error = u"line %1: a quote inside an unquoted field"_s.arg(line);
                return false;
            }
            field.clear();
            quoted = true;
            wasQuoted = true;
            recordEmpty = false;
        } else if (c == u',') {
            endField();
            recordEmpty = false;
        } else if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
            continue;
        } else if (c == u'\n') {
            endRecord();
            ++line;
            record.line = line;
        } else {
            if (wasQuoted && !c.isSpace()) {
                *error = u"line %1: text after a closing quote"_s.arg(line);
                return false;
            }
            field += c;
            if (!c.isSpace())
                recordEmpty = false;
        }
    }
    if (quoted) {
        *error = u"line %1: a quoted field is not closed"_s.arg(record.line);
        return false;
    }
    endRecord();
    return true;
}

bool CsvHeader::read(const CsvReader::Record &header, const QStringList &required,
                     const QStringList &optional, CsvErrors *errors)
{
    m_columns.clear();
    m_size = header.fields.size();
    bool ok = true;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        if (!required.contains(name) && !optional.contains(name)) {
            errors->add(header.line,
                        u"unknown column \"%1\" (expected %2)"_s.arg(
                            name, (required + optional).join(u", "_s)));
            ok = false;
            continue;
        }
        if (m_columns.contains(name)) {
            errors->add(header.line, u"column \"%1\" appears twice"_s.arg(name));
            ok = false;
            continue;
        }
        m_columns.insert(name, i);
    }
    for (const QString &name : required) {
        if (!m_columns.contains(name)) {
            errors->add(header.line, u"missing column \"%1\""_s.arg(name));
            ok = false;
        }
    }
    return ok;
}

bool readCsvFile(const QString &text, const QString &expectedHeader,
                 QList<CsvReader::Record> *records, CsvErrors *errors)
{
    QString parseError;
    if (!CsvReader::parse(text, records, &parseError)) {
        errors->messages.append(parseError);
        return false;
    }
    if (records->isEmpty()) {
        errors->add(1, u"the file is empty (expected a header %1)"_s.arg(expectedHeader));
        return false;
    }
    return true;
}

bool parseQuantity(const QString &text, qint64 max, qint64 *value)
{
    if (text.isEmpty() || text.size() > 19)
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v > max)
        return false;
    *value = v;
    return true;
}

} // namespace ChannelDesk
