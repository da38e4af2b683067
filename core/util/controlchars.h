#pragma once

#include <QString>

namespace ChannelDesk {

// Whether text holds a control character (C0, DEL or C1: a tab, a newline, an escape): what no
// id, name, SKU or one-line note from outside may carry. It would split a CSV line or an audit
// row, or reach a terminal as an escape sequence.
inline bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace ChannelDesk
