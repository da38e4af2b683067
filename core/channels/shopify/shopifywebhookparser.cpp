// Following https://shopify.dev/docs/apps/build/webhooks/subscribe/https (HMAC over the raw
// body, base64, X-Shopify-Hmac-Sha256; X-Shopify-Webhook-Id to dedupe) and the payloads of
// https://shopify.dev/docs/api/webhooks:
// - orders/create and orders/cancelled: the order (id, cancelled_at, line_items[].id/sku/
//   variant_id/quantity, shipping_address.zip/country_code/city/province_code, refunds[]);
// - refunds/create: the refund (id, order_id, restock, refund_line_items[].line_item_id/
//   quantity/restock_type and line_item.sku/variant_id); restock_type as in
//   https://shopify.dev/docs/api/admin-graphql/latest/enums/RefundLineItemRestockType (cancel:
//   unfulfilled units put back, return: fulfilled units came back, legacy_restock: restocked,
//   no_restock);
// - orders/edited: {order_edit: {id, order_id, line_items: {additions: [{id, delta}],
//   removals: [{id, delta}]}}} (changelog "New order/edited webhook", 2019-12);
// - fulfillments/create: the fulfillment (id, order_id, line_items[].id/sku/variant_id/quantity).
#include "shopifywebhookparser.h"

#include "channels/jsonutil.h"
#include "channels/orderwebhook.h"

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcShopify)

namespace {

// sku may be null or empty; the variant id is the fallback (null for a deleted product).
QString variantId(const QJsonObject &line)
{
    return jsonIdString(line.value(u"variant_id"_s));
}

bool parseOrder(const QJsonObject &root, WebhookResult *result)
{
    if (!readOrderId(root, u"id"_s, u"id"_s, result))
        return false;
    const QJsonValue items = root.value(u"line_items"_s);
    if (!items.isArray() || items.toArray().isEmpty()) {
        result->message = u"line_items: missing or empty"_s;
        return false;
    }
    OrderEvent sale;
    sale.orderId = result->orderId;
    if (!readOrderLines(items.toArray(), u"line_items"_s, variantId, &sale.lines, &result->message))
        return false;
    // An order created already cancelled (Shopify's own sample #9999 is) takes nothing.
    const QJsonValue cancelledAt = root.value(u"cancelled_at"_s);
    sale.cancelled = cancelledAt.isString() && !cancelledAt.toString().isEmpty();
    QStringList unnamed;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        if (sale.lines.at(i).sku.isEmpty() && sale.lines.at(i).remoteId.isEmpty())
            unnamed.append(u"line_items[%1]"_s.arg(i));
    }
    const QJsonObject shipping = root.value(u"shipping_address"_s).toObject();
    sale.shipTo = ShipTo::from(
        shipping.value(u"zip"_s).toString(), shipping.value(u"country_code"_s).toString(),
        shipping.value(u"city"_s).toString(), shipping.value(u"province_code"_s).toString());
    result->events.append(sale);
    // Lines naming neither a SKU nor a variant are kept (the order is real) and flagged here so
    // the server can raise the alert.
    if (!unnamed.isEmpty()) {
        result->message = u"%1: neither sku nor variant_id"_s.arg(unnamed.join(u", "_s));
        qCWarning(lcShopify) << "order" << result->orderId << result->message;
    }
    return true;
}

// One refund as a Refund event, or nothing for a refund of money only (no line items).
// `field` names the refund in messages.
bool parseRefund(const QJsonObject &refund, const QString &orderId, const QString &field,
                 WebhookResult *result)
{
    OrderEvent event;
    event.kind = OrderEventKind::Refund;
    event.orderId = orderId;
    event.eventId = jsonIdString(refund.value(u"id"_s));
    if (event.eventId.isEmpty()) {
        result->message = field + u".id: missing or not an integer"_s;
        return false;
    }
    // Before restock_type existed a refund said restock: true|false for all its lines.
    const bool refundRestocks = refund.value(u"restock"_s).toBool(false);
    const QJsonArray items = refund.value(u"refund_line_items"_s).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const auto quantity = jsonInteger(item.value(u"quantity"_s));
        if (!quantity || *quantity < 0) {
            result->message =
                u"%1.refund_line_items[%2].quantity: missing or negative"_s.arg(field).arg(i);
            return false;
        }
        if (*quantity == 0)
            continue;
        const QJsonObject lineItem = item.value(u"line_item"_s).toObject();
        OrderLine line;
        line.quantity = *quantity;
        line.lineId = jsonIdString(item.value(u"line_item_id"_s));
        if (line.lineId.isEmpty())
            line.lineId = jsonIdString(lineItem.value(u"id"_s));
        line.sku = lineItem.value(u"sku"_s).toString().trimmed();
        line.remoteId = variantId(lineItem);
        if (line.lineId.isEmpty() && line.sku.isEmpty() && line.remoteId.isEmpty()) {
            result->message = u"%1.refund_line_items[%2]: names no line item"_s.arg(field).arg(i);
            return false;
        }
        const QJsonValue restockType = item.value(u"restock_type"_s);
        line.restock =
            restockType.isString() ? restockType.toString() != "no_restock"_L1 : refundRestocks;
        event.lines.append(line);
    }
    if (!event.lines.isEmpty())
        result->events.append(event);
    return true;
}

bool parseCancelled(const QJsonObject &root, WebhookResult *result)
{
    if (!readOrderId(root, u"id"_s, u"id"_s, result))
        return false;
    // The refunds first: what they restock comes back, what they mark no_restock stays out
    // (written off); the cancel then gives back whatever the order still holds.
    const QJsonArray refunds = root.value(u"refunds"_s).toArray();
    for (qsizetype i = 0; i < refunds.size(); ++i) {
        if (!parseRefund(refunds.at(i).toObject(), result->orderId, u"refunds[%1]"_s.arg(i),
                         result))
            return false;
    }
    OrderEvent cancel;
    cancel.kind = OrderEventKind::Cancel;
    cancel.orderId = result->orderId;
    result->events.append(cancel);
    return true;
}

bool parseEdit(const QJsonObject &root, WebhookResult *result)
{
    const QJsonObject edit = root.value(u"order_edit"_s).toObject();
    if (!readOrderId(edit, u"order_id"_s, u"order_edit.order_id"_s, result))
        return false;
    OrderEvent event;
    event.kind = OrderEventKind::Edit;
    event.editDelta = true;
    event.orderId = result->orderId;
    event.eventId = jsonIdString(edit.value(u"id"_s));
    if (event.eventId.isEmpty()) {
        result->message = u"order_edit.id: missing or not an integer"_s;
        return false;
    }
    const QJsonObject lineItems = edit.value(u"line_items"_s).toObject();
    for (const auto &[key, sign] : {std::pair {u"additions"_s, 1}, std::pair {u"removals"_s, -1}}) {
        const QJsonArray changes = lineItems.value(key).toArray();
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const QJsonObject change = changes.at(i).toObject();
            const QString id = jsonIdString(change.value(u"id"_s));
            const auto delta = jsonInteger(change.value(u"delta"_s));
            if (id.isEmpty() || !delta || *delta < 0) {
                result->message =
                    u"order_edit.line_items.%1[%2]: needs an id and a delta >= 0"_s.arg(key).arg(i);
                return false;
            }
            // A line added by the edit is a new line id that the payload names by nothing
            // else: the ledger records it as waiting (unmatched) until the merchant names its
            // SKU (unmatched-resolve).
            if (*delta > 0)
                event.lines.append(OrderLine {{}, sign * *delta, id});
        }
    }
    if (!event.lines.isEmpty())
        result->events.append(event);
    else
        result->message = u"order edit %1 changes no quantity"_s.arg(event.eventId);
    return true;
}

bool parseFulfillment(const QJsonObject &root, WebhookResult *result)
{
    if (!readOrderId(root, u"order_id"_s, u"order_id"_s, result))
        return false;
    OrderEvent ship;
    ship.kind = OrderEventKind::Ship;
    ship.orderId = result->orderId;
    ship.eventId = jsonIdString(root.value(u"id"_s));
    if (ship.eventId.isEmpty()) {
        result->message = u"id: missing or not an integer"_s;
        return false;
    }
    // A fulfillment's line_items are the order's line items (same ids), with the quantity
    // this fulfillment ships.
    if (!readOrderLines(root.value(u"line_items"_s).toArray(), u"line_items"_s, variantId,
                        &ship.lines, &result->message))
        return false;
    result->events.append(ship);
    return true;
}

} // namespace

WebhookResult ShopifyWebhookParser::parse(const WebhookRequest &request,
                                          const QList<QByteArray> &secrets) const
{
    static const OrderWebhookFormat format {
        .deliveryIdHeader = "x-shopify-webhook-id",
        .signatureHeader = "x-shopify-hmac-sha256",
        .signatureName = u"X-Shopify-Hmac-Sha256"_s,
        .topicHeader = "x-shopify-topic",
        .orderTopics = {u"orders/create"_s, u"orders/cancelled"_s, u"refunds/create"_s,
                        u"orders/edited"_s, u"fulfillments/create"_s},
    };
    WebhookResult result;
    const auto root = openOrderWebhook(request, secrets, format, &result);
    if (!root)
        return result;
    const QString topic = result.topic.isEmpty() ? u"orders/create"_s : result.topic;
    bool ok = false;
    if (topic == "orders/create"_L1) {
        ok = parseOrder(*root, &result);
    } else if (topic == "orders/cancelled"_L1) {
        ok = parseCancelled(*root, &result);
    } else if (topic == "refunds/create"_L1) {
        ok = readOrderId(*root, u"order_id"_s, u"order_id"_s, &result) &&
            parseRefund(*root, result.orderId, u"refund"_s, &result);
        if (ok && result.events.isEmpty())
            result.message = u"refund of money only: no line items"_s;
    } else if (topic == "orders/edited"_L1) {
        ok = parseEdit(*root, &result);
    } else if (topic == "fulfillments/create"_L1) {
        ok = parseFulfillment(*root, &result);
    }
    if (!ok) {
        result.kind = WebhookResult::Kind::BadRequest;
        result.events.clear();
        return result;
    }
    result.kind =
        result.events.isEmpty() ? WebhookResult::Kind::Ignored : WebhookResult::Kind::Order;
    return result;
}

} // namespace ChannelDesk
