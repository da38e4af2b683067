#pragma once

#include <QString>

namespace ChannelDesk {

// A short, translated duration for a table cell: "85 ms" below a second, "1.2 s" below a minute,
// "3 min" above.
QString durationText(double ms);

} // namespace ChannelDesk
