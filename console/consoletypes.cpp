#include "console/consoletypes.h"

#include "carriers/quoteresult.h"
#include "console/deadletterdetail.h"
#include "domain/mutation.h"
#include "domain/orderevent.h"
#include "metrics/whatif.h"
#include "store/driftstore.h"
#include "store/ordertimeline.h"

namespace ChannelDesk {

BufferOverride StockRow::bufferOf(int channel) const
{
    for (const CellBuffer &b : buffers) {
        if (b.channel == channel)
            return b.buffer;
    }
    return {};
}

ShownQuantity StockRow::expected(int channel, const BufferOverride &channelRule) const
{
    return shownQuantity(resolveBufferRule(bufferOf(channel), channelRule), available,
                         safetyBuffer);
}

void registerConsoleTypes()
{
    qRegisterMetaType<ListingCell>();
    qRegisterMetaType<StockImportPreview>();
    qRegisterMetaType<ConnectionCheck>();
    qRegisterMetaType<QList<StockImportRow>>();
    qRegisterMetaType<DriftRow>();
    qRegisterMetaType<QList<DriftRow>>();
    qRegisterMetaType<InboxEntry>();
    qRegisterMetaType<QList<InboxEntry>>();
    qRegisterMetaType<StockRow>();
    qRegisterMetaType<QList<StockRow>>();
    qRegisterMetaType<ChannelRow>();
    qRegisterMetaType<QList<ChannelRow>>();
    qRegisterMetaType<ConsoleStatus>();
    qRegisterMetaType<ConsoleInfo>();
    qRegisterMetaType<LagSeriesSet>();
    qRegisterMetaType<WhatIf::Report>();
    qRegisterMetaType<DeadLetterKey>();
    qRegisterMetaType<QList<DeadLetterKey>>();
    qRegisterMetaType<DeadLetter>();
    qRegisterMetaType<QList<DeadLetter>>();
    qRegisterMetaType<DeadLetterDetail>();
    qRegisterMetaType<Alert>();
    qRegisterMetaType<QList<Alert>>();
    qRegisterMetaType<Mutation>();
    qRegisterMetaType<QList<Mutation>>();
    qRegisterMetaType<OrderEvent>();
    qRegisterMetaType<QList<OrderEvent>>();
    qRegisterMetaType<QuoteResult>();
    qRegisterMetaType<OrdersSnapshot>();
    qRegisterMetaType<OrderActionResult>();
    qRegisterMetaType<OrderTimeline>();
    qRegisterMetaType<ListingPullAnswer>();
}

} // namespace ChannelDesk
