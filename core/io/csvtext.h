#pragma once

#include <QString>
#include <QStringList>

namespace ChannelDesk {

// Writes CSV that a spreadsheet opens as text, never as a formula: the one place every export
// (stock, audit) escapes its cells.
//
// A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
// spreadsheets skip before reading a formula) gets a leading apostrophe, so `=HYPERLINK(...)`
// in a title shows as text (the OWASP "CSV injection" rule). A plain number such as `-2` is left
// as it is: a spreadsheet reads it as the number it is, and the file stays importable. Then, as
// RFC 4180 says, a cell holding a comma, a double quote or a line break is put in double quotes
// with its quotes doubled.
QString csvCell(const QString &value);
// One line of cells, comma-separated, without the line end.
QString csvLine(const QStringList &cells);

} // namespace ChannelDesk
