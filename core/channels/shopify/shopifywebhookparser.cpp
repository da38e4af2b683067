// Following https://shopify.dev/docs/apps/build/webhooks/subscribe/https (HMAC over the raw
// body, base64, X-Shopify-Hmac-Sha256; X-Shopify-Webhook-Id to dedupe) and the orders/create
// payload of https://shopify.dev/docs/api/webhooks (id, line_items[].sku/variant_id/quantity,
// shipping_address.zip/country_code/city/province_code; null for orders that ship nothing).
#include "shopifywebhookparser.h"

#include "channels/jsonutil.h"
#include "channels/orderwebhook.h"

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcShopify)

WebhookResult ShopifyWebhookParser::parse(const WebhookRequest &request,
                                          const QList<QByteArray> &secrets) const
{
    static const OrderWebhookFormat format {
        .deliveryIdHeader = "x-shopify-webhook-id",
        .signatureHeader = "x-shopify-hmac-sha256",
        .signatureName = u"X-Shopify-Hmac-Sha256"_s,
        .topicHeader = "x-shopify-topic",
        .orderTopics = {u"orders/create"_s},
    };
    WebhookResult result;
    const auto root = openOrderWebhook(request, secrets, format, &result);
    if (!root || !readOrderId(*root, u"id"_s, u"id"_s, &result))
        return result;
    const QJsonValue items = root->value(u"line_items"_s);
    if (!items.isArray() || items.toArray().isEmpty()) {
        result.message = u"line_items: missing or empty"_s;
        return result;
    }
    // sku may be null or empty; the variant id is the fallback (null for a deleted product).
    auto variantId = [](const QJsonObject &line) {
        return jsonIdString(line.value(u"variant_id"_s));
    };
    OrderEvent sale;
    sale.orderId = result.orderId;
    if (!readOrderLines(items.toArray(), u"line_items"_s, variantId, &sale.lines, &result.message))
        return result;
    QStringList unnamed;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        if (sale.lines.at(i).sku.isEmpty() && sale.lines.at(i).remoteId.isEmpty())
            unnamed.append(u"line_items[%1]"_s.arg(i));
    }
    const QJsonObject shipping = root->value(u"shipping_address"_s).toObject();
    sale.shipTo = ShipTo::from(
        shipping.value(u"zip"_s).toString(), shipping.value(u"country_code"_s).toString(),
        shipping.value(u"city"_s).toString(), shipping.value(u"province_code"_s).toString());
    result.events.append(sale);
    result.kind = WebhookResult::Kind::Order;
    // Lines naming neither a SKU nor a variant are kept (the order is real) and flagged here so
    // the server can raise the alert.
    if (!unnamed.isEmpty()) {
        result.message = u"%1: neither sku nor variant_id"_s.arg(unnamed.join(u", "_s));
        qCWarning(lcShopify) << "order" << result.orderId << result.message;
    }
    return result;
}

} // namespace ChannelDesk
