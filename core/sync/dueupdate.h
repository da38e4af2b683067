#pragma once

#include "channels/channeladapter.h"
#include "store/propagationstore.h"

namespace ChannelDesk {

// The update a due listing is sent, `quantity` being what its channel should show of it (its
// buffer rule applied): by push() or in a bulk submission alike.
inline ListingUpdate dueUpdate(const DueListing &d, qint64 quantity)
{
    ListingUpdate u;
    u.sku = d.sku;
    u.remoteId = d.remoteId;
    u.quantity = quantity;
    u.version = d.version;
    u.paused = d.paused;
    u.lastAckedQuantity = d.ackedQuantity;
    return u;
}

} // namespace ChannelDesk
