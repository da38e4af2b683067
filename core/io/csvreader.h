#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ChannelDesk {

// A small RFC 4180 reader: comma-separated, fields optionally in double quotes (a doubled quote
// inside stands for one), quoted fields may span lines, CRLF or LF line ends, a UTF-8 BOM is
// skipped. Each record remembers the line it started on, for error messages.
class CsvReader
{
public:
    struct Record
    {
        int line = 0;
        QStringList fields;
    };

    // Parses all of text. Returns false and sets *error (with a line number) on a malformed
    // file, such as an unterminated quote.
    static bool parse(const QString &text, QList<Record> *records, QString *error);
};

// Line-numbered errors collected while reading a CSV file; all-or-nothing imports report all of
// them and change nothing.
struct CsvErrors
{
    QStringList messages;
    void add(int line, const QString &message)
    {
        messages.append(QStringLiteral("line %1: %2").arg(line).arg(message));
    }
    bool isEmpty() const { return messages.isEmpty(); }
};

// Reads a whole import file into records; false with the error (line-numbered) in *errors when
// it is malformed or empty, `expectedHeader` saying what its first line should be.
bool readCsvFile(const QString &text, const QString &expectedHeader,
                 QList<CsvReader::Record> *records, CsvErrors *errors);

// Maps a header record to column indexes: required and optional names, unknown names refused.
class CsvHeader
{
public:
    bool read(const CsvReader::Record &header, const QStringList &required,
              const QStringList &optional, CsvErrors *errors);
    // The column of name, or -1 when the file does not have it.
    int column(const QString &name) const { return m_columns.value(name, -1); }
    qsizetype size() const { return m_size; }

private:
    QHash<QString, int> m_columns;
    qsizetype m_size = 0;
};

// Parses a whole non-negative decimal integer no greater than max; false on anything else.
bool parseQuantity(const QString &text, qint64 max, qint64 *value);

} // namespace ChannelDesk
