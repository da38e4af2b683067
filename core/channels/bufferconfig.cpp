#include "bufferconfig.h"

#include <QStringList>

#include <cmath>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
const QStringList kKeys = {u"reserve"_s, u"percent"_s, u"max"_s, u"pause_at"_s};

// A whole number of JSON: 3 and 3.0 are, 3.5, "3" and true are not.
bool wholeNumber(const QJsonValue &value, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::abs(d) > 9.0e15)
        return false;
    *out = qint64(d);
    return true;
}
} // namespace

QString parseBufferConfig(const QJsonValue &value, const QString &path, BufferOverride *buffer)
{
    *buffer = {};
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        return path + u": must be an object with reserve, percent, max or pause_at"_s;
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!kKeys.contains(it.key()))
            return u"%1.%2: unknown key (the keys are %3)"_s.arg(path, it.key(),
                                                                 kKeys.join(u", "_s));
    }
    for (const QString &key : kKeys) {
        const QJsonValue v = object.value(key);
        if (v.isUndefined() || v.isNull())
            continue;
        qint64 number = 0;
        QString error = wholeNumber(v, &number) ? BufferLimits::validationError(key, number)
                                                : BufferLimits::validationError(key, -1);
        if (!error.isEmpty())
            return u"%1.%2: %3"_s.arg(path, key, error);
        if (key == "reserve"_L1)
            buffer->reserve = number;
        else if (key == "percent"_L1)
            buffer->percent = int(number);
        else if (key == "max"_L1)
            buffer->max = number;
        else
            buffer->pauseAt = number;
    }
    return {};
}

QJsonObject bufferConfigToJson(const BufferOverride &buffer)
{
    QJsonObject o;
    if (buffer.reserve)
        o.insert(u"reserve"_s, *buffer.reserve);
    if (buffer.percent)
        o.insert(u"percent"_s, *buffer.percent);
    if (buffer.max)
        o.insert(u"max"_s, *buffer.max);
    if (buffer.pauseAt)
        o.insert(u"pause_at"_s, *buffer.pauseAt);
    return o;
}

} // namespace ChannelDesk
