#pragma once

#include "util/clock.h"

#include <QByteArray>

#include <optional>

namespace ChannelDesk {

// Parses an HTTP Retry-After value (RFC 9110 §10.2.3) into milliseconds from now: either
// delay-seconds ("120", and the decimal "2.0" Shopify sends) or an HTTP-date ("Wed, 21 Oct 2026
// 07:28:00 GMT", also the obsolete RFC 850 and asctime forms). A date in the past means 0.
// Returns nothing for an empty or unparseable value, so the backoff schedule decides.
std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const Clock &clock);

} // namespace ChannelDesk
