#include "jsonutil.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

namespace ChannelDesk {

std::optional<QJsonObject> parseJsonObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

std::optional<qint64> jsonInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    // Qt 6 keeps integral JSON numbers that fit in 64 bits as integers; toInteger() answers
    // the default for anything fractional.
    constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
    const qint64 integer = value.toInteger(kNotInteger);
    if (integer == kNotInteger)
        return std::nullopt;
    return integer;
}

QString jsonIdString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (auto integer = jsonInteger(value))
        return QString::number(*integer);
    return {};
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace ChannelDesk
