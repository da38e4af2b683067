// Following https://woocommerce.com/document/webhooks/ (X-WC-Webhook-Signature: base64
// HMAC-SHA256 of the payload with the webhook secret; the ping sent on save) and the order
// properties of https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties.
#include "woowebhookparser.h"

#include "channels/jsonutil.h"
#include "channels/webhooksignature.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

bool WooWebhookParser::isPing(const QByteArray &body)
{
    static const QRegularExpression ping(u"^webhook_id=[0-9]+$"_s);
    return ping.match(QString::fromLatin1(body.trimmed())).hasMatch();
}

WebhookResult WooWebhookParser::parse(const WebhookRequest &request,
                                      const QList<QByteArray> &secrets) const
{
    WebhookResult result;
    result.deliveryId = QString::fromUtf8(request.header("x-wc-webhook-delivery-id"));
    const QByteArray signature = request.header("x-wc-webhook-signature");
    if (signature.isEmpty() && isPing(request.body)) {
        result.kind = WebhookResult::Kind::Ignored;
        result.message = u"webhook ping"_s;
        return result;
    }
    if (signature.isEmpty()) {
        result.kind = WebhookResult::Kind::BadSignature;
        result.message = u"missing X-WC-Webhook-Signature"_s;
        return result;
    }
    if (!verifyBase64HmacSha256(request.body, signature, secrets)) {
        result.kind = WebhookResult::Kind::BadSignature;
        result.message = u"X-WC-Webhook-Signature does not match the body"_s;
        return result;
    }
    if (isPing(request.body)) {
        result.kind = WebhookResult::Kind::Ignored;
        result.message = u"webhook ping"_s;
        return result;
    }

    const QString topic = QString::fromUtf8(request.header("x-wc-webhook-topic")).trimmed();
    if (!topic.isEmpty() && topic != u"order.created"_s && topic != u"order.updated"_s) {
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
    const QJsonValue statusValue = root->value(u"status"_s);
    if (!statusValue.isString()) {
        result.message = u"status: missing"_s;
        return result;
    }
    const QJsonValue items = root->value(u"line_items"_s);
    if (!items.isArray()) {
        result.message = u"line_items: missing"_s;
        return result;
    }
    const QJsonArray lines = items.toArray();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject line = lines.at(i).toObject();
        const auto quantity = jsonInteger(line.value(u"quantity"_s));
        if (!lines.at(i).isObject() || !quantity || *quantity < 1) {
            result.message = u"line_items[%1].quantity: missing or not a positive integer"_s.arg(i);
            return result;
        }
        WebhookLine parsed;
        parsed.quantity = *quantity;
        parsed.sku = line.value(u"sku"_s).toString().trimmed();
        if (parsed.sku.isEmpty()) {
            const qint64 product = jsonInteger(line.value(u"product_id"_s)).value_or(0);
            const qint64 variation = jsonInteger(line.value(u"variation_id"_s)).value_or(0);
            if (product > 0 && variation > 0)
                parsed.remoteId = u"%1/%2"_s.arg(product).arg(variation);
            else if (product > 0)
                parsed.remoteId = QString::number(product);
        }
        result.lines.append(parsed);
    }

    static const QStringList takesStock = {u"processing"_s, u"on-hold"_s, u"completed"_s};
    const QString status = statusValue.toString();
    if (!takesStock.contains(status)) {
        result.kind = WebhookResult::Kind::Ignored;
        result.message = u"order %1 is %2: no stock taken yet"_s.arg(result.orderId, status);
        result.lines.clear();
        return result;
    }
    if (lines.isEmpty()) {
        result.message = u"line_items: empty"_s;
        return result;
    }
    const QJsonObject shipping = root->value(u"shipping"_s).toObject();
    result.shipTo = ShipTo::from(
        shipping.value(u"postcode"_s).toString(), shipping.value(u"country"_s).toString(),
        shipping.value(u"city"_s).toString(), shipping.value(u"state"_s).toString());
    result.kind = WebhookResult::Kind::Order;
    return result;
}

} // namespace ChannelDesk
