#include "sim/shopifysim.h"
#include "util/timeformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QUuid>

using namespace Qt::StringLiterals;

// The shop's orders as Shopify sends them: the order body of the REST Admin API's orders/create,
// orders/cancelled webhooks ("Webhooks: HTTPS delivery": X-Shopify-* headers, base64
// HMAC-SHA256 of the raw body).

namespace ChannelDesk {

QString ShopifySim::channelOrderId(const QString &requested, qint64 number) const
{
    // Shopify order ids are numbers; a non-numeric request gets one derived from the running
    // order number.
    bool numeric = false;
    requested.toLongLong(&numeric);
    return numeric ? requested : QString::number(820'982'911'946'154'000LL + number);
}

namespace {
QJsonObject shippingAddress(const SimAddress &a)
{
    const QString first = a.name.section(u' ', 0, 0);
    const QString last = a.name.section(u' ', 1);
    return QJsonObject {{u"first_name"_s, first},
                        {u"last_name"_s, last},
                        {u"name"_s, a.name},
                        {u"address1"_s, a.street},
                        {u"address2"_s, QJsonValue()},
                        {u"city"_s, a.city},
                        {u"province"_s, a.state},
                        {u"province_code"_s, a.state},
                        {u"zip"_s, a.postalCode},
                        {u"country"_s, a.country == "US"_L1 ? u"United States"_s : a.country},
                        {u"country_code"_s, a.country},
                        {u"company"_s, QJsonValue()},
                        {u"phone"_s, QJsonValue()}};
}
} // namespace

QJsonObject ShopifySim::orderBody(const SimOrder &order) const
{
    QJsonArray lineItems;
    double total = 0;
    for (int i = 0; i < order.lines.size(); ++i) {
        const SimOrderLine &line = order.lines.at(i);
        const qint64 lineId = order.orderId.toLongLong() * 10 + i + 1;
        lineItems.append(QJsonObject {
            {u"id"_s, lineId},
            {u"admin_graphql_api_id"_s, u"gid://shopify/LineItem/%1"_s.arg(lineId)},
            {u"variant_id"_s, line.variantId ? QJsonValue(line.variantId) : QJsonValue()},
            {u"product_id"_s, line.productId ? QJsonValue(line.productId) : QJsonValue()},
            {u"sku"_s, line.sku},
            {u"quantity"_s, line.quantity},
            {u"fulfillable_quantity"_s, order.cancelled ? 0 : line.quantity},
            {u"title"_s, line.title},
            {u"name"_s, line.title},
            {u"price"_s, line.price},
            {u"requires_shipping"_s, true}});
        total += line.price.toDouble() * double(line.quantity);
    }
    const QString created = isoUtc(order.createdMs);
    return QJsonObject {
        {u"id"_s, order.orderId.toLongLong()},
        {u"admin_graphql_api_id"_s, QString(u"gid://shopify/Order/"_s + order.orderId)},
        {u"name"_s, u"#%1"_s.arg(order.number)},
        {u"order_number"_s, order.number},
        {u"email"_s, u"buyer@example.com"_s},
        {u"created_at"_s, created},
        {u"updated_at"_s, isoUtc(order.lastModifiedMs)},
        {u"cancelled_at"_s,
         order.cancelled ? QJsonValue(isoUtc(order.lastModifiedMs)) : QJsonValue()},
        {u"cancel_reason"_s, order.cancelled ? QJsonValue(u"customer"_s) : QJsonValue()},
        {u"currency"_s, u"USD"_s},
        {u"financial_status"_s, order.cancelled ? u"refunded"_s : u"paid"_s},
        {u"fulfillment_status"_s, QJsonValue()},
        {u"test"_s, false},
        {u"total_price"_s, QString::number(total, 'f', 2)},
        {u"line_items"_s, lineItems},
        {u"refunds"_s, QJsonArray {}},
        {u"shipping_address"_s, shippingAddress(order.shipTo)}};
}

void ShopifySim::sendOrderWebhook(const SimOrder &order, const QByteArray &topic,
                                  const QJsonObject &body, int deliveries)
{
    const QByteArray raw = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray hmac =
        QMessageAuthenticationCode::hash(raw, m_webhookSecret, QCryptographicHash::Sha256)
            .toBase64();
    // The webhook id stays the same across retries and redeliveries of this event.
    const QByteArray webhookId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QByteArray eventId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const HeaderList headers {{"X-Shopify-Topic", topic},
                              {"X-Shopify-Hmac-Sha256", hmac},
                              {"X-Shopify-Shop-Domain", m_shopDomain.toUtf8()},
                              {"X-Shopify-Webhook-Id", webhookId},
                              {"X-Shopify-Event-Id", eventId},
                              {"X-Shopify-API-Version", m_apiVersion.toUtf8()},
                              {"X-Shopify-Triggered-At", isoUtc(order.lastModifiedMs).toUtf8()}};
    for (int i = 0; i < deliveries; ++i)
        sendWebhook(order.orderId, raw, headers);
}

void ShopifySim::deliverOrder(const SimOrder &order, int deliveries)
{
    sendOrderWebhook(order, "orders/create", orderBody(order), deliveries);
}

void ShopifySim::deliverCancel(const SimOrder &order, int deliveries)
{
    QJsonObject body = orderBody(order);
    const QJsonArray lineItems = body.value(u"line_items"_s).toArray();
    const qint64 refundId = 900'000'000LL + order.number;
    QJsonArray refundLines;
    for (qsizetype i = 0; i < lineItems.size(); ++i) {
        const QJsonObject item = lineItems.at(i).toObject();
        refundLines.append(
            QJsonObject {{u"id"_s, refundId * 10 + i + 1},
                         {u"line_item_id"_s, item.value(u"id"_s)},
                         {u"quantity"_s, item.value(u"quantity"_s)},
                         {u"restock_type"_s, u"cancel"_s},
                         {u"location_id"_s, m_locationGid.section(u'/', -1).toLongLong()},
                         {u"line_item"_s, item}});
    }
    body.insert(u"refunds"_s,
                QJsonArray {QJsonObject {{u"id"_s, refundId},
                                         {u"order_id"_s, body.value(u"id"_s)},
                                         {u"created_at"_s, isoUtc(order.lastModifiedMs)},
                                         {u"restock"_s, true},
                                         {u"refund_line_items"_s, refundLines}}});
    sendOrderWebhook(order, "orders/cancelled", body, deliveries);
}

} // namespace ChannelDesk
