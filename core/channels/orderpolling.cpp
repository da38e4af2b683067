#include "orderpolling.h"

namespace ChannelDesk {

QDateTime parseIsoTime(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODate);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QDateTime pollStart(const QString &highWaterMark, qint64 nowMs, qint64 lookbackMs)
{
    const QDateTime mark = parseIsoTime(highWaterMark);
    if (mark.isValid())
        return mark;
    return QDateTime::fromMSecsSinceEpoch(nowMs - lookbackMs, Qt::UTC);
}

QDateTime laterOf(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return a < b ? b : a;
}

} // namespace ChannelDesk
