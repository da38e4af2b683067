#pragma once

#include <QString>

namespace ChannelDesk {

// ISO 8601 in UTC with milliseconds ("2026-11-23T11:20:04.123Z"), the one textual time format
// of the CLI, the HTTP API and exports.
QString isoUtc(qint64 msSinceEpoch);

} // namespace ChannelDesk
