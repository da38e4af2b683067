#pragma once

#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ChannelDesk {

class Database;

// A SKU's listing on one channel: the channel's own id for it (a Shopify inventory item, a
// WooCommerce product or variation, an eBay or Amazon SKU).
struct ListingMapping
{
    QString channel;
    QString sku;
    QString remoteId;

    friend bool operator==(const ListingMapping &, const ListingMapping &) = default;
};

// Which SKU each channel's listing is: the identity columns of the listings table. A new mapping
// is where a listing's propagation starts (PropagationStore keeps where it stands).
class MappingStore
{
public:
    explicit MappingStore(Database &db)
        : m_db(db)
    {
    }

    // Adds or changes mappings; all rows or none (a SKU with no stock row refuses the lot). A
    // new listing, or one that now names another remote id, starts pending at the SKU's current
    // version so its first push sets the channel to our quantity.
    Status importMappings(const QList<ListingMapping> &rows, qint64 nowMs);

    // The channel's mappings (every channel's when empty), ordered by channel and SKU.
    Result<QList<ListingMapping>> mappings(const QString &channel = {}) const;
    // The listing the channel calls remoteId (the first by SKU should two SKUs share one), or
    // nullopt.
    Result<std::optional<ListingMapping>> byRemoteId(const QString &channel,
                                                     const QString &remoteId) const;
    // The SKU's listing on the channel, or nullopt.
    Result<std::optional<ListingMapping>> bySku(const QString &channel, const QString &sku) const;

private:
    Database &m_db;
};

} // namespace ChannelDesk
