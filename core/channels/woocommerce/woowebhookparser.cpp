// Following https://woocommerce.com/document/webhooks/ (X-WC-Webhook-Signature: base64
// HMAC-SHA256 of the payload with the webhook secret; the ping sent on save) and the order
// properties of https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties.
#include "woowebhookparser.h"

#include "channels/jsonutil.h"
#include "channels/orderwebhook.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

QString WooWebhookParser::wooRemoteId(const QJsonObject &line)
{
    // "product/variation" for a variation, else the product id (WooTarget's remote id).
    const qint64 product = jsonInteger(line.value(u"product_id"_s)).value_or(0);
    const qint64 variation = jsonInteger(line.value(u"variation_id"_s)).value_or(0);
    if (product > 0 && variation > 0)
        return u"%1/%2"_s.arg(product).arg(variation);
    return product > 0 ? QString::number(product) : QString();
}

bool WooWebhookParser::isPing(const QByteArray &body)
{
    static const QRegularExpression ping(u"^webhook_id=[0-9]+$"_s);
    return ping.match(QString::fromLatin1(body.trimmed())).hasMatch();
}

WebhookResult WooWebhookParser::parse(const WebhookRequest &request,
                                      const QList<QByteArray> &secrets) const
{
    static const OrderWebhookFormat format {
        .deliveryIdHeader = "x-wc-webhook-delivery-id",
        .signatureHeader = "x-wc-webhook-signature",
        .signatureName = u"X-WC-Webhook-Signature"_s,
        .topicHeader = "x-wc-webhook-topic",
        .orderTopics = {u"order.created"_s, u"order.updated"_s},
        .isPing = &WooWebhookParser::isPing,
    };
    WebhookResult result;
    const auto root = openOrderWebhook(request, secrets, format, &result);
    if (root)
        readOrder(*root, &result);
    return result;
}

bool WooWebhookParser::readOrder(const QJsonObject &order, WebhookResult *result)
{
    WebhookResult &res = *result;
    if (!readOrderId(order, u"id"_s, u"id"_s, &res))
        return false;
    const QJsonValue statusValue = order.value(u"status"_s);
    if (!statusValue.isString()) {
        res.message = u"status: missing"_s;
        return false;
    }
    const QJsonValue items = order.value(u"line_items"_s);
    if (!items.isArray()) {
        res.message = u"line_items: missing"_s;
        return false;
    }
    const QJsonArray lines = items.toArray();
    OrderEvent sale;
    sale.orderId = res.orderId;
    if (!readOrderLines(lines, u"line_items"_s, &wooRemoteId, &sale.lines, &res.message))
        return false;
    // refunds[] lists {id, reason, total} only: the runtime reads their lines from the API.
    for (const QJsonValue &refund : order.value(u"refunds"_s).toArray()) {
        const QString id = jsonIdString(refund.toObject().value(u"id"_s));
        if (!id.isEmpty())
            res.refundsToRead.append(id);
    }

    // WooCommerce's own rules (wc-stock-functions.php): stock is reduced once when the order
    // reaches processing, on-hold or completed, and increased back when it moves to cancelled
    // or pending (failed, here too) after having been reduced.
    static const QStringList takesStock = {u"processing"_s, u"on-hold"_s, u"completed"_s};
    static const QStringList givesBack = {u"cancelled"_s, u"failed"_s, u"pending"_s};
    const QString status = statusValue.toString();
    if (takesStock.contains(status)) {
        if (lines.isEmpty()) {
            res.message = u"line_items: empty"_s;
            res.refundsToRead.clear();
            return false;
        }
        const QJsonObject shipping = order.value(u"shipping"_s).toObject();
        sale.shipTo = ShipTo::from(
            shipping.value(u"postcode"_s).toString(), shipping.value(u"country"_s).toString(),
            shipping.value(u"city"_s).toString(), shipping.value(u"state"_s).toString());
        res.events.append(sale);
    } else if (givesBack.contains(status)) {
        // Only an order that took stock gives it back; a pending order never seen took none
        // (and one that will be paid later arrives as processing then).
        OrderEvent cancel;
        cancel.kind = OrderEventKind::Cancel;
        cancel.orderId = res.orderId;
        res.events.append(cancel);
        res.onlyForKnownOrder = true;
        res.refundsToRead.clear();
    }
    // refunded (and any other status): no stock moves by the status itself; refunds listed
    // are read and applied.
    if (res.events.isEmpty() && res.refundsToRead.isEmpty()) {
        res.kind = WebhookResult::Kind::Ignored;
        res.message = u"order %1 is %2: no stock moves"_s.arg(res.orderId, status);
        return false;
    }
    res.kind = WebhookResult::Kind::Order;
    return true;
}

} // namespace ChannelDesk
