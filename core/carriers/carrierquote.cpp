#include "carrierquote.h"

#include <QRegularExpression>

#include <cmath>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace Money {

bool parse(const QString &text, qint64 *cents)
{
    static const QRegularExpression decimal(u"^\\s*([+-]?)(\\d{1,15})(?:\\.(\\d*))?\\s*$"_s);
    const QRegularExpressionMatch m = decimal.match(text);
    if (!m.hasMatch())
        return false;
    const bool negative = m.captured(1) == "-"_L1;
    qint64 value = m.captured(2).toLongLong() * 100;
    const QString fraction = m.captured(3);
    if (!fraction.isEmpty()) {
        value += fraction.at(0).digitValue() * 10;
        if (fraction.size() > 1)
            value += fraction.at(1).digitValue();
        if (fraction.size() > 2 && fraction.at(2).digitValue() >= 5)
            value += 1;
    }
    *cents = negative ? -value : value;
    return true;
}

bool fromDouble(double value, qint64 *cents)
{
    if (!std::isfinite(value) || std::fabs(value) > 1e13)
        return false;
    *cents = qint64(std::llround(value * 100.0));
    return true;
}

QString format(qint64 cents)
{
    const qint64 whole = std::llabs(cents) / 100;
    const qint64 part = std::llabs(cents) % 100;
    return (cents < 0 ? u"-"_s : QString()) + QString::number(whole) + u'.' +
        QString::number(part).rightJustified(2, u'0');
}

} // namespace Money

QString toString(CarrierErrorKind kind)
{
    switch (kind) {
    case CarrierErrorKind::Auth:
        return u"auth"_s;
    case CarrierErrorKind::BadAddress:
        return u"bad_address"_s;
    case CarrierErrorKind::NoService:
        return u"no_service"_s;
    case CarrierErrorKind::RateLimited:
        return u"rate_limited"_s;
    case CarrierErrorKind::ServerError:
        return u"server_error"_s;
    case CarrierErrorKind::Timeout:
        return u"timeout"_s;
    case CarrierErrorKind::Network:
        return u"network"_s;
    case CarrierErrorKind::BadResponse:
        break;
    }
    return u"bad_response"_s;
}

QDate addBusinessDays(QDate start, int n)
{
    QDate d = start;
    while (n > 0) {
        d = d.addDays(1);
        if (d.dayOfWeek() <= 5)
            --n;
    }
    return d;
}

} // namespace ChannelDesk
