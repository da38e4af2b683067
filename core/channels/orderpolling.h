#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>

namespace ChannelDesk {

// Shared by the adapters that poll for orders.

// Where a poll starts: the high-water mark handed back by the previous poll, or, on the first
// poll, `lookbackMs` before now (orders placed shortly before ChannelDesk started are taken;
// older ones are assumed to be in the imported stock already).
QDateTime pollStart(const QString &highWaterMark, qint64 nowMs, qint64 lookbackMs);

// The later of two ISO 8601 times (an invalid one loses).
QDateTime laterOf(const QDateTime &a, const QDateTime &b);

QDateTime parseIsoTime(const QString &text);

// A high-water mark for an API whose "changed since" filter includes the mark's own time and
// whose times are whole seconds: the time, and the orders handed over already that changed at
// exactly that time ("<ISO time>" or "<ISO time>|<id>,<id>..."), so a busy second is not
// fetched and applied again and again, and an order changed later in that same second is not
// missed.
struct PollMark
{
    QDateTime at;
    QSet<QString> doneAt;

    // An empty or unreadable mark starts `lookbackMs` before now, with nothing done.
    static PollMark parse(const QString &text, qint64 nowMs, qint64 lookbackMs);
    QString toString() const;
    // Whether an order changed at `changed` was handed over already.
    bool covers(const QString &orderId, const QDateTime &changed) const;
    // Records an order handed over: the mark moves up to its time.
    void advance(const QString &orderId, const QDateTime &changed);
};

} // namespace ChannelDesk
