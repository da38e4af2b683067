// Following https://shopify.dev/docs/apps/build/webhooks/subscribe/https (HMAC over the raw
// body, base64, X-Shopify-Hmac-Sha256; X-Shopify-Webhook-Id to dedupe) and the orders/create
// payload of https://shopify.dev/docs/api/webhooks (id, line_items[].sku/variant_id/quantity,
// shipping_address.zip/country_code/city/province_code; null for orders that ship nothing).
#include "shopifywebhookparser.h"

#include "channels/jsonutil.h"
#include "channels/webhooksignature.h"

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcShopify)

WebhookResult ShopifyWebhookParser::parse(const WebhookRequest &request,
                                          const QList<QByteArray> &secrets) const
{
    WebhookResult result;
    result.deliveryId = QString::fromUtf8(request.header("x-shopify-webhook-id"));
    const QByteArray signature = request.header("x-shopify-hmac-sha256");
    if (signature.isEmpty()) {
        result.kind = WebhookResult::Kind::BadSignature;
        result.message = u"missing X-Shopify-Hmac-Sha256"_s;
        return result;
    }
    if (!verifyBase64HmacSha256(request.body, signature, secrets)) {
        result.kind = WebhookResult::Kind::BadSignature;
        result.message = u"X-Shopify-Hmac-Sha256 does not match the body"_s;
        return result;
    }

    const QString topic = QString::fromUtf8(request.header("x-shopify-topic")).trimmed();
    if (!topic.isEmpty() && topic != u"orders/create"_s) {
        result.kind = WebhookResult::Kind::Ignored;
        result.message = u"topic %1 takes no stock"_s.arg(topic);
        return result;
    }

    result.kind = WebhookResult::Kind::BadRequest;
    const auto root = parseJsonObject(request.body);
    if (!root) {
        result.message = u"body is not a JSON object"_s;
        return result;
    }
    result.orderId = jsonIdString(root->value(u"id"_s));
    if (result.orderId.isEmpty()) {
        result.message = u"id: missing or not an integer"_s;
        return result;
    }
    const QJsonValue items = root->value(u"line_items"_s);
    if (!items.isArray() || items.toArray().isEmpty()) {
        result.message = u"line_items: missing or empty"_s;
        return result;
    }
    const QJsonArray lines = items.toArray();
    QStringList unnamed;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject line = lines.at(i).toObject();
        const auto quantity = jsonInteger(line.value(u"quantity"_s));
        if (!lines.at(i).isObject() || !quantity || *quantity < 1) {
            result.message = u"line_items[%1].quantity: missing or not a positive integer"_s.arg(i);
            return result;
        }
        WebhookLine parsed;
        parsed.quantity = *quantity;
        // sku may be null or empty; the variant id is the fallback (null for a deleted product).
        parsed.sku = line.value(u"sku"_s).toString().trimmed();
        if (parsed.sku.isEmpty())
            parsed.remoteId = jsonIdString(line.value(u"variant_id"_s));
        if (parsed.sku.isEmpty() && parsed.remoteId.isEmpty())
            unnamed.append(u"line_items[%1]"_s.arg(i));
        result.lines.append(parsed);
    }
    const QJsonObject shipping = root->value(u"shipping_address"_s).toObject();
    result.shipTo = ShipTo::from(
        shipping.value(u"zip"_s).toString(), shipping.value(u"country_code"_s).toString(),
        shipping.value(u"city"_s).toString(), shipping.value(u"province_code"_s).toString());
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
