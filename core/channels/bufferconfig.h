#pragma once

#include "domain/buffer.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ChannelDesk {

// A channel's `"buffer": {"reserve": N, "percent": P, "max": M, "pause_at": K}` in the config
// file: every key optional (absent or null = inherit), no other key allowed, each a whole
// number in its range (domain/buffer.h). Returns an error naming the field under `path`
// ("channels[1].buffer.percent: must be a whole number from 0 to 100"), or an empty string.
QString parseBufferConfig(const QJsonValue &value, const QString &path, BufferOverride *buffer);

// The file's form: only the keys that are set.
QJsonObject bufferConfigToJson(const BufferOverride &buffer);

} // namespace ChannelDesk
