#pragma once

#include "channels/webhook.h"

#include <QJsonObject>

namespace ChannelDesk {

// WooCommerce order webhooks. The unsigned ping WooCommerce sends when a webhook is saved (form
// body "webhook_id=N") is Ignored, so the server answers 200 and WooCommerce keeps the webhook.
// Anything else needs a valid X-WC-Webhook-Signature. order.created and order.updated follow
// WooCommerce's own stock rules: processing, on-hold or completed is a sale (keyed on the order
// id, so every later update is a duplicate); cancelled, failed or pending gives back what the
// order took (a cancel, only for an order whose sale we hold: a pending order never seen took
// nothing). refunds[] names refunds without their lines; the runtime reads those from the REST
// API (WooAdapter::fetchRefunds). Lines carry the SKU, the line item id and the remote id
// "<product_id>" or "<product_id>/<variation_id>".
class WooWebhookParser final : public WebhookParser
{
public:
    WebhookResult parse(const WebhookRequest &request,
                        const QList<QByteArray> &secrets) const override;
    static bool isPing(const QByteArray &body);
    // One order object (a webhook's body, or an order of GET /orders) read by the rules above
    // into `result`: kind Order with its events, Ignored when no stock moves, else BadRequest
    // with why. Returns whether there is anything to apply.
    static bool readOrder(const QJsonObject &order, WebhookResult *result);
    // A line's remote id: "<product_id>/<variation_id>" for a variation, else "<product_id>".
    static QString wooRemoteId(const QJsonObject &line);
};

} // namespace ChannelDesk
