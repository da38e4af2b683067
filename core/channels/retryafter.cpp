#include "retryafter.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QString>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

// A day of waiting is longer than any channel asks for; anything beyond is a broken header.
constexpr qint64 kMaxDelayMs = 24LL * 3600 * 1000;

std::optional<qint64> parseDelaySeconds(const QByteArray &text)
{
    bool sawDigit = false;
    bool sawDot = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            sawDigit = true;
        } else if (c == '.' && !sawDot) {
            sawDot = true;
        } else {
            return std::nullopt;
        }
    }
    if (!sawDigit)
        return std::nullopt;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0)
        return std::nullopt;
    // Capped before the conversion: a double past qint64's range converts to anything at all.
    const double ms = std::ceil(seconds * 1000.0);
    return ms >= double(kMaxDelayMs) ? kMaxDelayMs : static_cast<qint64>(ms);
}

std::optional<QDateTime> parseHttpDate(const QString &text)
{
    // IMF-fixdate, RFC 850 and asctime, the three forms RFC 9110 §5.6.7 says to accept. The
    // day name is dropped first: it is redundant, and Qt rejects a date whose day name does not
    // match the year it assumed for a two-digit year.
    static const QRegularExpression dayName(u"^[A-Za-z]+,?\\s+"_s);
    static const QString formats[] = {
        u"dd MMM yyyy HH:mm:ss 'GMT'"_s,
        u"dd-MMM-yy HH:mm:ss 'GMT'"_s,
        u"MMM d HH:mm:ss yyyy"_s,
    };
    const QLocale c = QLocale::c();
    QString simplified = text.simplified();
    simplified.remove(dayName);
    for (const QString &format : formats) {
        QDateTime parsed = c.toDateTime(simplified, format);
        if (parsed.isValid()) {
            parsed.setTimeSpec(Qt::UTC);
            // Qt reads a two-digit year as 19yy; RFC 9110 wants the nearest past century,
            // which for any date a server sends us now is 20yy.
            if (parsed.date().year() < 1970)
                parsed = parsed.addYears(100);
            return parsed;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const Clock &clock)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (auto delay = parseDelaySeconds(trimmed))
        return delay;
    const auto date = parseHttpDate(QString::fromLatin1(trimmed));
    if (!date)
        return std::nullopt;
    const qint64 wait = date->toMSecsSinceEpoch() - clock.nowMs();
    return std::clamp<qint64>(wait, 0, kMaxDelayMs);
}

} // namespace ChannelDesk
