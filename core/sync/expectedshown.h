#pragma once

#include "domain/stocklevel.h"

#include <QString>

#include <algorithm>

namespace ChannelDesk {

// What a listing should show on a channel.
struct ExpectedShown
{
    qint64 quantity = 0;
    bool paused = false;
};

// What channel `channel` should show of this stock row now: the one place reconciliation and
// map-pull ask. Today it is what the propagator sends (0 when paused, never below 0); once the
// per-channel buffer rules are merged it becomes BufferRules::expected(channel, sku, available,
// safetyBuffer) (core/domain/bufferrules.h), so reconciliation compares with what is sent.
inline ExpectedShown expectedShown(const QString &channel, const StockLevel &stock)
{
    Q_UNUSED(channel);
    if (stock.paused)
        return {0, true};
    return {std::max<qint64>(0, stock.available), false};
}

} // namespace ChannelDesk
