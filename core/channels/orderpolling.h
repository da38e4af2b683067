#pragma once

#include <QDateTime>
#include <QString>

namespace ChannelDesk {

// Shared by the adapters that poll for orders (eBay, Amazon).

// Where a poll starts: the high-water mark handed back by the previous poll, or, on the first
// poll, `lookbackMs` before now (orders placed shortly before ChannelDesk started are taken;
// older ones are assumed to be in the imported stock already).
QDateTime pollStart(const QString &highWaterMark, qint64 nowMs, qint64 lookbackMs);

// The later of two ISO 8601 times (an invalid one loses).
QDateTime laterOf(const QDateTime &a, const QDateTime &b);

QDateTime parseIsoTime(const QString &text);

} // namespace ChannelDesk
