#include "io/csvtext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
bool startsLikeFormula(const QString &value)
{
    static const QRegularExpression plainNumber(u"^[-+]?[0-9]+(\\.[0-9]+)?$"_s);
    if (value.isEmpty())
        return false;
    const QChar first = value.front();
    const bool trigger = first == u'=' || first == u'+' || first == u'-' || first == u'@' ||
        first == u'\t' || first == u'\r';
    return trigger && !plainNumber.match(value).hasMatch();
}
} // namespace

QString csvCell(const QString &value)
{
    const QString text = startsLikeFormula(value) ? u"'"_s + value : value;
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u"\"%1\""_s.arg(quoted);
}

QString csvLine(const QStringList &cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString &cell : cells)
        escaped.append(csvCell(cell));
    return escaped.join(u',');
}

} // namespace ChannelDesk
