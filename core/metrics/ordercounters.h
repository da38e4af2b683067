#pragma once

#include <QtGlobal>

namespace ChannelDesk {

// Lifetime counts of order events by outcome, as /metrics reports them; the order path owns them.
struct OrderCounters
{
    qint64 applied = 0;
    qint64 duplicate = 0;
    qint64 rejectedInsufficient = 0;
    qint64 unknownSku = 0;
    qint64 invalid = 0;
};

} // namespace ChannelDesk
