#pragma once

#include "channels/webhook.h"

#include <QJsonObject>

namespace ChannelDesk {

// WooCommerce order webhooks. The unsigned ping WooCommerce sends when a webhook is saved (form
// body "webhook_id=N") is Ignored, so the server answers 200 and WooCommerce keeps the webhook.
// Anything else needs a valid X-WC-Webhook-Signature. Topics order.created and order.updated
// become orders when the status takes stock: processing, on-hold or completed (WooCommerce
// reduces stock on those, wc_maybe_reduce_stock_levels); pending, failed, cancelled... are
// Ignored. The same order seen again (created, then updated) dedupes on its id.
// Lines carry the SKU, else the remote id "<product_id>" or "<product_id>/<variation_id>".
class WooWebhookParser final : public WebhookParser
{
public:
    WebhookResult parse(const WebhookRequest &request,
                        const QList<QByteArray> &secrets) const override;
    static bool isPing(const QByteArray &body);
    // A line's remote id: "<product_id>/<variation_id>" for a variation, else "<product_id>".
    static QString wooRemoteId(const QJsonObject &line);
};

} // namespace ChannelDesk
