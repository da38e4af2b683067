#pragma once

// The two catalogue reads reconciliation and map-pull need, as plain functions, so their logic
// is tested against a fake and wired to a channel's ChannelReader in one place (listingReadsOf).
#include "channels/channelreader.h"

#include <QStringList>

#include <functional>

namespace ChannelDesk {

class ChannelAdapter;
class ReadPacer;

struct ListingReads
{
    // One page of the catalogue (start with an empty token).
    std::function<void(const QString &pageToken, std::function<void(const ListingPage &)> done)>
        listListings;
    // The quantity each listing shows now, in bulk.
    std::function<void(const QStringList &remoteIds,
                       std::function<void(const QuantitiesRead &)> done)>
        readQuantities;

    bool isValid() const { return listListings && readQuantities; }
};

// The adapter's reads, called directly (the CLI); invalid when the adapter cannot read.
ListingReads listingReadsOf(ChannelAdapter *adapter);
// Reads paced with the channel's pushes (the runtime: they never starve pushes); invalid for
// null. The pacer must outlive the reads.
ListingReads listingReadsOf(ReadPacer *pacer);

} // namespace ChannelDesk
