#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace ChannelDesk {

// Small helpers for reading channel JSON, where ids arrive as numbers or strings and numbers
// may exceed what a double holds exactly.

// The body as a JSON object, or nothing when it is not one.
std::optional<QJsonObject> parseJsonObject(const QByteArray &body);
// An exact integer (never rounded through a double), or nothing for anything else.
std::optional<qint64> jsonInteger(const QJsonValue &value);
// An id as text: a string as is, an integral number in full; empty for anything else.
QString jsonIdString(const QJsonValue &value);
QByteArray compactJson(const QJsonObject &object);

} // namespace ChannelDesk
