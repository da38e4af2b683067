#pragma once

#include "channels/webhook.h"

namespace ChannelDesk {

// Shopify order webhooks: X-Shopify-Hmac-Sha256 is checked over the raw body first; then topic
// orders/create becomes an order. orders/paid and every other topic are Ignored: Shopify takes
// stock when the order is created, so counting it again at payment would take it twice (the
// idempotency key would catch it, but there is nothing to apply). A webhook without a topic
// header is read as orders/create.
class ShopifyWebhookParser final : public WebhookParser
{
public:
    WebhookResult parse(const WebhookRequest &request,
                        const QList<QByteArray> &secrets) const override;
};

} // namespace ChannelDesk
