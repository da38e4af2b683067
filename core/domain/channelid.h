#pragma once

#include <QString>

namespace ChannelDesk {

// A channel's id: the config file names it, and it is the webhook route's last segment.
namespace ChannelId {
// Why `id` cannot name a channel (it must be 1-64 letters, digits, '-', '_' or '.'), or an
// empty string when it can.
QString validationError(const QString &id);
} // namespace ChannelId

// The ids a channel gives its own things (orders, lines, listings, events) are opaque text of at
// most this length; a longer one is refused, never cut (a cut id can name something else).
namespace RemoteId {
inline constexpr qsizetype kMaxLength = 128;
} // namespace RemoteId

} // namespace ChannelDesk
