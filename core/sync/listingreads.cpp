#include "listingreads.h"

#include "channels/channeladapter.h"

namespace ChannelDesk {

ListingReads listingReadsOf(ChannelAdapter *adapter)
{
    ListingReads reads;
#ifdef CHANNELDESK_HAS_CHANNEL_READER
    ChannelReader *reader = adapter ? adapter->reader() : nullptr;
    if (!reader)
        return reads;
    reads.listListings = [reader](const QString &token,
                                  std::function<void(const ListingPage &)> done) {
        reader->listListings(token, std::move(done));
    };
    reads.readQuantities = [reader](const QStringList &ids,
                                    std::function<void(const QuantitiesRead &)> done) {
        reader->readQuantities(ids, std::move(done));
    };
#else
    Q_UNUSED(adapter);
#endif
    return reads;
}

} // namespace ChannelDesk
