#pragma once

#include "channels/webhook.h"

namespace ChannelDesk {

// Shopify order webhooks: X-Shopify-Hmac-Sha256 is checked over the raw body first; then each
// topic becomes the events it reports: orders/create a sale (recorded cancelled, taking
// nothing, when cancelled_at is set), orders/cancelled one refund per refunds[] entry and the
// cancel, refunds/create one refund, orders/edited an edit by line id with deltas,
// fulfillments/create a shipment. orders/paid and every other topic are Ignored: Shopify takes
// stock when the order is created, so counting it again at payment would take it twice. A
// webhook without a topic header is read as orders/create.
class ShopifyWebhookParser final : public WebhookParser
{
public:
    WebhookResult parse(const WebhookRequest &request,
                        const QList<QByteArray> &secrets) const override;
};

} // namespace ChannelDesk
