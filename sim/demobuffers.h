#pragma once

#include "channels/channelconfig.h"
#include "domain/bufferrules.h"
#include "util/result.h"

#include <QStringList>

namespace ChannelDesk {

class Database;

// What the demo's channels are shown (buffers per channel): eBay at most 50 a listing, Amazon
// keeps 3 back and shows 90% of the rest, the outlet store half; the hot SKUs and the three
// after them have a rule of their own on Amazon (at most 25), the hot ones also on the main
// store (pause at 20).
BufferOverride demoChannelBuffer(const QString &channel);
QList<ListingBuffer> demoListingBuffers(const QStringList &skus, int hotSkus);

// Records the demo's rules in its fresh database, before any listing is mapped (so nothing is
// sent again for them), and answers the rules the seeded listings show under.
Result<BufferRules> seedDemoBuffers(Database &db, const ChannelsConfig &config,
                                    const QStringList &skus, int hotSkus, qint64 nowMs);

} // namespace ChannelDesk
