#include "sync/expectedshown.h"

#include "store/bufferstore.h"

namespace ChannelDesk {

Result<BufferRules> channelShownRules(Database &db, const QString &channel,
                                      const BufferOverride &channelRule)
{
    const auto overrides = BufferStore(db).overrides(channel);
    if (!overrides)
        return Error {overrides.error()};
    BufferRules rules({{channel, channelRule}});
    rules.setOverrides(*overrides);
    return rules;
}

} // namespace ChannelDesk
