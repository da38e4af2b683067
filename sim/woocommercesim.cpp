#include "sim/woocommercesim.h"

#include "util/timeformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <cmath>

using namespace Qt::StringLiterals;

// Followed: WooCommerce REST API docs (woocommerce.github.io/woocommerce-rest-api-docs,
// "Products", "Product variations", "Batch update", "Errors", "Webhooks") and the REST
// controllers' error codes (woocommerce_rest_<post_type>_invalid_id,
// woocommerce_rest_cannot_edit, woocommerce_rest_request_entity_too_large).

namespace ChannelDesk {

namespace {

QJsonObject wcError(const QString &code, const QString &message, int status)
{
    return QJsonObject {{u"code"_s, code},
                        {u"message"_s, message},
                        {u"data"_s, QJsonObject {{u"status"_s, status}}}};
}

SimResponse wcResponse(const QString &code, const QString &message, int status)
{
    return SimResponse::json(status, wcError(code, message, status));
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == std::floor(value.toDouble());
}

} // namespace

bool WooCommerceSim::configureType(const QJsonObject &config, QString *error)
{
    m_consumerKey = config.value("consumer_key"_L1).toString();
    m_consumerSecret = config.value("consumer_secret"_L1).toString();
    if (m_consumerKey.isEmpty() || m_consumerSecret.isEmpty()) {
        *error = u"channels[%1].consumer_key and consumer_secret are required"_s.arg(id());
        return false;
    }
    m_siteUrl = config.value("site_url"_L1).toString(u"https://%1.example"_s.arg(id()));
    m_webhookIdNumber = config.value("webhook_id"_L1).toInt(m_webhookIdNumber);
    m_batchLimit = config.value("batch_limit"_L1).toInt(m_batchLimit);
    if (m_batchLimit < 1) {
        *error = u"channels[%1].batch_limit must be >= 1"_s.arg(id());
        return false;
    }
    return true;
}

bool WooCommerceSim::configureRateLimit(const QJsonObject &rateLimit, QString *error)
{
    const double rate = rateLimit.value("requests_per_second"_L1).toDouble(m_bucket.rate());
    const double burst = rateLimit.value("burst"_L1).toDouble(qMax(1.0, m_bucket.capacity()));
    const int status = rateLimit.value("status"_L1).toInt(m_limitedStatus);
    if (rate < 0 || burst < 1 || (status != 429 && status != 503)) {
        *error = u"requests_per_second >= 0 (0: no limit), burst >= 1, status 429 or 503"_s;
        return false;
    }
    m_bucket.configure(burst, rate, monotonicMs());
    m_limitedStatus = status;
    return true;
}

QJsonObject WooCommerceSim::rateLimitJson() const
{
    return QJsonObject {{u"requests_per_second"_s, m_bucket.rate()},
                        {u"burst"_s, m_bucket.capacity()},
                        {u"status"_s, m_limitedStatus}};
}

void WooCommerceSim::seedListingExtras(SimListing &listing, const QJsonObject &seed)
{
    QString rid = listing.remoteId;
    rid.replace(u':', u'/');
    const QStringList parts = rid.split(u'/');
    listing.productId = parts.value(0).toLongLong();
    listing.variantId = parts.size() > 1 ? parts.value(1).toLongLong() : 0;
    listing.productId = seed.value("product_id"_L1).toInteger(listing.productId);
    listing.variantId = seed.value("variation_id"_L1).toInteger(listing.variantId);
    listing.manageStock = seed.value("manage_stock"_L1).toBool(listing.manageStock);
}

SimResponse WooCommerceSim::faultResponse(SimFault fault)
{
    switch (fault) {
    case SimFault::TooManyRequests:
        return wcResponse(u"woocommerce_rest_too_many_requests"_s,
                          u"Too many requests. Please wait and try again."_s, 429);
    case SimFault::InternalError:
        return wcResponse(u"internal_server_error"_s,
                          u"There has been a critical error on this website."_s, 500);
    case SimFault::Unavailable:
        return wcResponse(u"service_unavailable"_s,
                          u"Briefly unavailable for scheduled maintenance."_s, 503);
    case SimFault::Unauthorized:
        return wcResponse(u"woocommerce_rest_cannot_edit"_s,
                          u"Sorry, you are not allowed to edit this resource."_s, 401);
    default:
        return wcResponse(u"rest_no_route"_s,
                          u"No route was found matching the URL and request method."_s, 404);
    }
}

bool WooCommerceSim::authorized(const SimRequest &request) const
{
    const QByteArray auth = request.header("authorization");
    if (auth.startsWith("Basic ")) {
        const QByteArray expected = (m_consumerKey + u':' + m_consumerSecret).toUtf8();
        return QByteArray::fromBase64(auth.mid(6).trimmed()) == expected;
    }
    // WooCommerce also accepts the credentials as query parameters over HTTPS.
    return request.query.queryItemValue(u"consumer_key"_s) == m_consumerKey &&
        request.query.queryItemValue(u"consumer_secret"_s) == m_consumerSecret &&
        !m_consumerKey.isEmpty();
}

SimResponse WooCommerceSim::handleApi(const SimRequest &request)
{
    const QStringList &s = request.segments;
    if (s.size() < 4 || s.at(0) != "wp-json"_L1 || s.at(1) != "wc"_L1 || s.at(2) != "v3"_L1 ||
        (s.at(3) != "products"_L1 && s.at(3) != "orders"_L1) ||
        (s.at(3) == "orders"_L1 && (s.size() != 4 || request.method != "GET")))
        return faultResponse(SimFault::NotFound);
    if (!m_bucket.take(1, monotonicMs())) {
        countEvent(u"throttled"_s);
        SimResponse response = m_limitedStatus == 429 ? faultResponse(SimFault::TooManyRequests)
                                                      : faultResponse(SimFault::Unavailable);
        response.setHeader("Retry-After", "1");
        return response;
    }
    const bool read = request.method == "GET";
    const bool write =
        request.method == "PUT" || request.method == "PATCH" || request.method == "POST";
    if (!authorized(request)) {
        return read ? wcResponse(u"woocommerce_rest_cannot_view"_s,
                                 u"Sorry, you cannot list resources."_s, 401)
                    : faultResponse(SimFault::Unauthorized);
    }
    if (s.size() == 4 && read)
        return s.at(3) == "orders"_L1 ? listOrders(request) : listProducts(request);
    if (s.size() == 4)
        return faultResponse(SimFault::NotFound);
    const QStringList rest = s.mid(4);
    if (rest.size() == 2 && rest.at(1) == "variations"_L1 && read)
        return listVariations(request, rest.at(0).toLongLong());
    bool idOk = false;
    const qint64 productId = rest.at(0).toLongLong(&idOk);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    auto badJson = [] {
        return wcResponse(u"rest_invalid_json"_s, u"Invalid JSON body passed."_s, 400);
    };

    if (rest.size() == 1 && rest.at(0) == "batch"_L1 && write)
        return doc.isObject() ? batch(0, doc.object()) : badJson();
    if (rest.size() == 3 && idOk && rest.at(1) == "variations"_L1 && rest.at(2) == "batch"_L1 &&
        write)
        return doc.isObject() ? batch(productId, doc.object()) : badJson();

    qint64 variationId = 0;
    bool variationOk = true;
    if (rest.size() == 3 && rest.at(1) == "variations"_L1)
        variationId = rest.at(2).toLongLong(&variationOk);
    if (!idOk || !variationOk || (rest.size() != 1 && !(rest.size() == 3 && variationId > 0)) ||
        !(read || write))
        return faultResponse(SimFault::NotFound);

    const QString invalidCode = variationId ? u"woocommerce_rest_product_variation_invalid_id"_s
                                            : u"woocommerce_rest_product_invalid_id"_s;
    if (read) {
        const SimListing *listing = find(productId, variationId);
        // An unknown id is 404 on GET, 400 on PUT.
        return listing ? SimResponse::json(200, productJson(*listing))
                       : wcResponse(invalidCode, u"Invalid ID."_s, 404);
    }
    if (!doc.isObject())
        return badJson();
    const Outcome outcome = update(productId, variationId, doc.object());
    return SimResponse::json(outcome.status, outcome.body);
}

SimListing *WooCommerceSim::find(qint64 productId, qint64 variationId)
{
    for (SimListing &listing : m_listings) {
        if (listing.productId == productId && listing.variantId == variationId)
            return &listing;
    }
    // A variation id is a post id, unique in the shop: accept it under any parent.
    if (variationId) {
        for (SimListing &listing : m_listings) {
            if (listing.variantId == variationId)
                return &listing;
        }
    }
    return nullptr;
}

WooCommerceSim::Outcome WooCommerceSim::update(qint64 productId, qint64 variationId,
                                               const QJsonObject &changes)
{
    SimListing *listing = find(productId, variationId);
    if (!listing) {
        const QString code = variationId ? u"woocommerce_rest_product_variation_invalid_id"_s
                                         : u"woocommerce_rest_product_invalid_id"_s;
        return {400, wcError(code, u"Invalid ID."_s, 400)};
    }
    QJsonObject invalid;
    if (changes.contains("stock_quantity"_L1) && !changes.value("stock_quantity"_L1).isNull() &&
        !isInteger(changes.value("stock_quantity"_L1)))
        invalid.insert(u"stock_quantity"_s, u"stock_quantity is not of type integer."_s);
    if (changes.contains("manage_stock"_L1) && !changes.value("manage_stock"_L1).isBool())
        invalid.insert(u"manage_stock"_s, u"manage_stock is not of type boolean."_s);
    static const QStringList statuses {u"draft"_s, u"pending"_s, u"private"_s, u"publish"_s};
    if (changes.contains("status"_L1) && !statuses.contains(changes.value("status"_L1).toString()))
        invalid.insert(u"status"_s,
                       u"status is not one of draft, pending, private, and publish."_s);
    if (!invalid.isEmpty()) {
        QJsonObject body =
            wcError(u"rest_invalid_param"_s,
                    u"Invalid parameter(s): %1"_s.arg(invalid.keys().join(u", "_s)), 400);
        QJsonObject data = body.value("data"_L1).toObject();
        data.insert(u"params"_s, invalid);
        body.insert(u"data"_s, data);
        return {400, body};
    }
    if (changes.contains("manage_stock"_L1))
        listing->manageStock = changes.value("manage_stock"_L1).toBool();
    if (changes.contains("status"_L1))
        listing->active = changes.value("status"_L1).toString() == "publish"_L1;
    if (changes.contains("stock_quantity"_L1) && !changes.value("stock_quantity"_L1).isNull()) {
        const qint64 quantity = changes.value("stock_quantity"_L1).toInteger();
        // Without managed stock WooCommerce ignores stock_quantity (and still answers 200).
        recordWrite(*listing, quantity, {}, listing->manageStock,
                    listing->manageStock ? QString() : u"stock_not_managed"_s);
        if (listing->manageStock)
            listing->quantity = quantity;
    }
    return {200, productJson(*listing)};
}

SimResponse WooCommerceSim::batch(qint64 parentId, const QJsonObject &body)
{
    const QJsonArray create = body.value("create"_L1).toArray();
    const QJsonArray updates = body.value("update"_L1).toArray();
    const QJsonArray deletes = body.value("delete"_L1).toArray();
    if (create.size() + updates.size() + deletes.size() > m_batchLimit)
        return wcResponse(
            u"woocommerce_rest_request_entity_too_large"_s,
            u"Unable to accept more than %1 items for this request."_s.arg(m_batchLimit), 413);
    const QString invalidCode = parentId ? u"woocommerce_rest_product_variation_invalid_id"_s
                                         : u"woocommerce_rest_product_invalid_id"_s;
    QJsonObject answer;
    if (body.contains("create"_L1)) {
        QJsonArray created;
        for (int i = 0; i < create.size(); ++i)
            created.append(
                QJsonObject {{u"id"_s, 0},
                             {u"error"_s,
                              wcError(u"woocommerce_rest_cannot_create"_s,
                                      u"The simulator does not create products; seed them "
                                      u"with POST /_sim/%1/listings."_s.arg(id()),
                                      400)}});
        answer.insert(u"create"_s, created);
    }
    if (body.contains("update"_L1)) {
        QJsonArray updated;
        for (const QJsonValue &item : updates) {
            const QJsonObject object = item.toObject();
            const qint64 itemId = object.value("id"_L1).toInteger();
            const Outcome outcome =
                parentId ? update(parentId, itemId, object) : update(itemId, 0, object);
            if (outcome.status == 200)
                updated.append(outcome.body);
            else
                updated.append(QJsonObject {{u"id"_s, itemId}, {u"error"_s, outcome.body}});
        }
        answer.insert(u"update"_s, updated);
    }
    if (body.contains("delete"_L1)) {
        QJsonArray deleted;
        for (const QJsonValue &item : deletes) {
            const qint64 itemId = item.toInteger();
            SimListing *listing = parentId ? find(parentId, itemId) : find(itemId, 0);
            if (!listing) {
                deleted.append(QJsonObject {
                    {u"id"_s, itemId}, {u"error"_s, wcError(invalidCode, u"Invalid ID."_s, 400)}});
                continue;
            }
            deleted.append(productJson(*listing));
            m_listings.remove(listing->remoteId);
        }
        answer.insert(u"delete"_s, deleted);
    }
    return SimResponse::json(200, answer);
}

QJsonObject WooCommerceSim::productJson(const SimListing &listing) const
{
    const bool inStock = listing.manageStock ? listing.quantity > 0 : listing.active;
    QJsonObject product {
        {u"id"_s, listing.variantId ? listing.variantId : listing.productId},
        {u"name"_s, listing.title},
        {u"type"_s, listing.variantId ? u"variation"_s : u"simple"_s},
        {u"status"_s, listing.active ? u"publish"_s : u"draft"_s},
        {u"sku"_s, listing.sku},
        {u"price"_s, listing.price},
        {u"regular_price"_s, listing.price},
        {u"manage_stock"_s, listing.manageStock},
        {u"stock_quantity"_s, listing.manageStock ? QJsonValue(listing.quantity) : QJsonValue()},
        {u"stock_status"_s, inStock ? u"instock"_s : u"outofstock"_s},
        {u"date_modified_gmt"_s, isoNow().left(19)}};
    if (listing.variantId)
        product.insert(u"parent_id"_s, listing.productId);
    return product;
}

QString WooCommerceSim::channelOrderId(const QString &requested, qint64 number) const
{
    bool numeric = false;
    requested.toLongLong(&numeric);
    return numeric ? requested : QString::number(number);
}

void WooCommerceSim::deliverOrder(const SimOrder &order, int deliveries)
{
    sendOrderWebhook(order, "created", deliveries);
}

void WooCommerceSim::deliverCancel(const SimOrder &order, int deliveries)
{
    sendOrderWebhook(order, "updated", deliveries);
}

QJsonObject WooCommerceSim::orderJson(const SimOrder &order)
{
    QJsonArray lineItems;
    double total = 0;
    for (int i = 0; i < order.lines.size(); ++i) {
        const SimOrderLine &line = order.lines.at(i);
        const double lineTotal = line.price.toDouble() * double(line.quantity);
        lineItems.append(QJsonObject {{u"id"_s, order.orderId.toLongLong() * 100 + i + 1},
                                      {u"name"_s, line.title},
                                      {u"product_id"_s, line.productId},
                                      {u"variation_id"_s, line.variantId},
                                      {u"quantity"_s, line.quantity},
                                      {u"tax_class"_s, QString()},
                                      {u"subtotal"_s, QString::number(lineTotal, 'f', 2)},
                                      {u"total"_s, QString::number(lineTotal, 'f', 2)},
                                      {u"sku"_s, line.sku},
                                      {u"price"_s, line.price.toDouble()}});
        total += lineTotal;
    }
    const QString created = isoUtc(order.createdMs).left(19); // WooCommerce omits the zone
    return QJsonObject {{u"id"_s, order.orderId.toLongLong()},
                        {u"parent_id"_s, 0},
                        {u"number"_s, order.orderId},
                        {u"order_key"_s, QString(u"wc_order_"_s + randomHex(6))},
                        {u"created_via"_s, u"checkout"_s},
                        {u"status"_s, order.cancelled ? u"cancelled"_s : u"processing"_s},
                        {u"currency"_s, u"USD"_s},
                        {u"date_created_gmt"_s, created},
                        {u"date_modified_gmt"_s, isoUtc(order.lastModifiedMs).left(19)},
                        {u"total"_s, QString::number(total, 'f', 2)},
                        {u"customer_id"_s, 0},
                        {u"payment_method"_s, u"bacs"_s},
                        {u"line_items"_s, lineItems},
                        {u"shipping"_s,
                         QJsonObject {{u"first_name"_s, order.shipTo.name.section(u' ', 0, 0)},
                                      {u"last_name"_s, order.shipTo.name.section(u' ', 1)},
                                      {u"company"_s, u""_s},
                                      {u"address_1"_s, order.shipTo.street},
                                      {u"address_2"_s, u""_s},
                                      {u"city"_s, order.shipTo.city},
                                      {u"state"_s, order.shipTo.state},
                                      {u"postcode"_s, order.shipTo.postalCode},
                                      {u"country"_s, order.shipTo.country}}}};
}

void WooCommerceSim::sendOrderWebhook(const SimOrder &order, const QByteArray &event,
                                      int deliveries)
{
    const QJsonObject body = orderJson(order);
    const QByteArray raw = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray signature =
        QMessageAuthenticationCode::hash(raw, m_webhookSecret, QCryptographicHash::Sha256)
            .toBase64();
    const HeaderList headers {{"X-WC-Webhook-Source", QString(m_siteUrl + u'/').toUtf8()},
                              {"X-WC-Webhook-Topic", QByteArray("order." + event)},
                              {"X-WC-Webhook-Resource", "order"},
                              {"X-WC-Webhook-Event", event},
                              {"X-WC-Webhook-Signature", signature},
                              {"X-WC-Webhook-ID", QByteArray::number(m_webhookIdNumber)}};
    for (int i = 0; i < deliveries; ++i) {
        sendWebhook(order.orderId, raw, headers, [this] {
            // Every delivery attempt is logged by WooCommerce under its own id.
            return HeaderList {
                {"X-WC-Webhook-Delivery-ID", QByteArray::number(m_nextDeliveryId++)}};
        });
    }
}

} // namespace ChannelDesk
