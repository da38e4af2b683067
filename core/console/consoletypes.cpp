#include "console/consoletypes.h"

#include "domain/mutation.h"

namespace ChannelDesk {

void registerConsoleTypes()
{
    qRegisterMetaType<ListingCell>();
    qRegisterMetaType<StockRow>();
    qRegisterMetaType<QList<StockRow>>();
    qRegisterMetaType<ChannelRow>();
    qRegisterMetaType<QList<ChannelRow>>();
    qRegisterMetaType<ConsoleStatus>();
    qRegisterMetaType<ConsoleInfo>();
    qRegisterMetaType<LagSeriesSet>();
    qRegisterMetaType<DeadLetterKey>();
    qRegisterMetaType<QList<DeadLetterKey>>();
    qRegisterMetaType<ListingStore::DeadLetter>();
    qRegisterMetaType<QList<ListingStore::DeadLetter>>();
    qRegisterMetaType<Alert>();
    qRegisterMetaType<QList<Alert>>();
    qRegisterMetaType<Mutation>();
    qRegisterMetaType<QList<Mutation>>();
}

} // namespace ChannelDesk
