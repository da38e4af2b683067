#include "listingreads.h"

#include "channels/channeladapter.h"
#include "sync/readpacer.h"

namespace ChannelDesk {

ListingReads listingReadsOf(ChannelAdapter *adapter)
{
    ListingReads reads;
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
    return reads;
}

ListingReads listingReadsOf(ReadPacer *pacer)
{
    ListingReads reads;
    if (!pacer)
        return reads;
    reads.listListings = [pacer](const QString &token,
                                 std::function<void(const ListingPage &)> done) {
        pacer->listListings(token, std::move(done));
    };
    reads.readQuantities = [pacer](const QStringList &ids,
                                   std::function<void(const QuantitiesRead &)> done) {
        pacer->readQuantities(ids, std::move(done));
    };
    return reads;
}

} // namespace ChannelDesk
