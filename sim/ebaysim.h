#pragma once

#include "sim/simchannel.h"

namespace ChannelDesk {

// eBay's Sell APIs as far as stock and orders go: Inventory bulk_update_price_quantity (at
// most 25 requests, 200 or 207 with per-item statuses, a daily revision limit per listing),
// inventory_item reads (one, a page of all, or up to 25 by SKU), and Fulfillment getOrders filtered
// by lastmodifieddate (eBay has no order webhooks on its REST APIs, so placed orders are queued
// there). Remote ids are SKUs.
class EbaySim final : public SimChannel
{
    Q_OBJECT
public:
    using SimChannel::SimChannel;
    QString type() const override { return QStringLiteral("ebay"); }

protected:
    SimResponse handleApi(const SimRequest &request) override;
    SimResponse faultResponse(SimFault fault) override;
    bool configureType(const QJsonObject &config, QString *error) override;
    bool configureRateLimit(const QJsonObject &rateLimit, QString *error) override;
    QJsonObject rateLimitJson() const override;
    void deliverOrder(const SimOrder &order, int deliveries) override;
    void seedListingExtras(SimListing &listing, const QJsonObject &seed) override;

private:
    SimResponse bulkUpdate(const SimRequest &request);
    SimResponse inventoryItem(const QString &sku);
    QJsonObject inventoryItemJson(const SimListing &listing) const;
    // GET inventory_item?limit=&offset= (offset is the page number, as eBay documents it)
    SimResponse inventoryItems(const SimRequest &request);
    // POST bulk_get_inventory_item {requests: [{sku}]}, at most 25
    SimResponse bulkGet(const SimRequest &request);
    SimResponse orders(const SimRequest &request);
    QJsonObject orderJson(const SimOrder &order) const;

    QString m_token;
    int m_dailyRevisionLimit = 250;
    int m_maxRequests = 25;
    SimTokenBucket m_bucket; // eBay limits calls per day per application; 0 = off
    qint64 m_nextItemNumber = 110'000'000'001;
};

} // namespace ChannelDesk
