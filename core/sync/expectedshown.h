#pragma once

#include "domain/bufferrules.h"
#include "domain/stocklevel.h"
#include "util/result.h"

#include <QString>

namespace ChannelDesk {

class Database;

// What a listing should show on a channel.
using ExpectedShown = ShownQuantity;

// The rules one channel's listings are sent under: the channel's config `buffer` (channelRule)
// and the per-listing overrides the store holds, as the propagator resolves them.
Result<BufferRules> channelShownRules(Database &db, const QString &channel,
                                      const BufferOverride &channelRule);

// What channel `channel` should show of this stock row now under `rules`: the one place
// reconciliation and map-pull ask, and the same formula the propagator sends by.
inline ExpectedShown expectedShown(const BufferRules &rules, const QString &channel,
                                   const StockLevel &stock)
{
    return rules.expected(channel, stock.sku, stock.available, stock.safetyBuffer);
}

} // namespace ChannelDesk
