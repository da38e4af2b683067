#include "orderpolling.h"

#include "util/timeformat.h"

#include <QStringList>

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

PollMark PollMark::parse(const QString &text, qint64 nowMs, qint64 lookbackMs)
{
    PollMark mark;
    const qsizetype bar = text.indexOf(u'|');
    if (bar >= 0) {
        const QStringList ids = text.mid(bar + 1).split(u',', Qt::SkipEmptyParts);
        mark.doneAt = QSet<QString>(ids.cbegin(), ids.cend());
    }
    mark.at = pollStart(text.left(bar), nowMs, lookbackMs);
    if (!parseIsoTime(text.left(bar)).isValid())
        mark.doneAt.clear();
    return mark;
}

QString PollMark::toString() const
{
    QString text = isoUtc(at.toMSecsSinceEpoch());
    if (!doneAt.isEmpty()) {
        QStringList ids(doneAt.cbegin(), doneAt.cend());
        ids.sort();
        text += u'|' + ids.join(u',');
    }
    return text;
}

bool PollMark::covers(const QString &orderId, const QDateTime &changed) const
{
    return changed.isValid() && changed == at && doneAt.contains(orderId);
}

void PollMark::advance(const QString &orderId, const QDateTime &changed)
{
    if (!changed.isValid() || changed < at)
        return;
    if (changed > at) {
        at = changed;
        doneAt.clear();
    }
    doneAt.insert(orderId);
}

} // namespace ChannelDesk
