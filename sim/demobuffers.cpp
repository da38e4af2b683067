#include "sim/demobuffers.h"

#include "store/bufferstore.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk {

BufferOverride demoChannelBuffer(const QString &channel)
{
    if (channel == "ebay"_L1)
        return {{}, {}, 50, {}};
    if (channel == "amazon"_L1)
        return {3, 90, {}, {}};
    if (channel == "woo-outlet"_L1)
        return {{}, 50, {}, {}};
    return {};
}

QList<ListingBuffer> demoListingBuffers(const QStringList &skus, int hotSkus)
{
    QList<ListingBuffer> rows;
    for (int i = 0; i < hotSkus + 3 && i < skus.size(); ++i) {
        rows.append({u"amazon"_s, skus.at(i), BufferOverride {{}, {}, 25, {}}});
        if (i < hotSkus)
            rows.append({u"woo-main"_s, skus.at(i), BufferOverride {{}, {}, {}, 20}});
    }
    return rows;
}

Result<BufferRules> seedDemoBuffers(Database &db, const ChannelsConfig &config,
                                    const QStringList &skus, int hotSkus, qint64 nowMs)
{
    BufferRules rules = bufferRules(config);
    BufferStore store(db);
    if (const auto recorded = store.applyChannelRules(rules, u"demo"_s, nowMs); !recorded)
        return Error {recorded.error()};
    const QList<ListingBuffer> overrides = demoListingBuffers(skus, hotSkus);
    if (const auto set = store.setOverrides(overrides, rules, u"demo"_s, u"demo seed"_s, nowMs);
        !set)
        return Error {set.error()};
    rules.setOverrides(overrides);
    return rules;
}

} // namespace ChannelDesk
