#include "sim/amazonsim.h"

#include "util/timeformat.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// Followed: developer-docs.amazon.com/sp-api "Listings Items API v2021-08-01 reference"
// (patchListingsItem: ListingsItemSubmissionResponse with status ACCEPTED/INVALID and issues;
// usage plan 5 requests/s, burst 5 for patch, 5/s burst 10 for get), "Usage Plans and Rate
// Limits" (x-amzn-RateLimit-Limit, 429 QuotaExceeded), "Error responses" (403 Unauthorized),
// "Connecting to the Selling Partner API" (LWA refresh_token grant), and the Orders API v0
// reference (getOrders with MarketplaceIds and LastUpdatedAfter, getOrderItems).

namespace ChannelDesk {

namespace {

SimResponse amazonError(int status, const QString &code, const QString &message,
                        const QString &details = {})
{
    return SimResponse::json(
        status,
        QJsonObject {{u"errors"_s,
                      QJsonArray {QJsonObject {
                          {u"code"_s, code}, {u"message"_s, message}, {u"details"_s, details}}}}});
}

QJsonObject issue(const QString &code, const QString &message)
{
    return QJsonObject {{u"code"_s, code},
                        {u"message"_s, message},
                        {u"severity"_s, u"ERROR"_s},
                        {u"attributeNames"_s, QJsonArray {u"fulfillment_availability"_s}}};
}

qint64 parseIso(const QString &text)
{
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    return when.isValid() ? when.toMSecsSinceEpoch() : -1;
}

} // namespace

bool AmazonSim::configureType(const QJsonObject &config, QString *error)
{
    m_sellerId = config.value("seller_id"_L1).toString();
    m_marketplaceId = config.value("marketplace_id"_L1).toString(m_marketplaceId);
    m_clientId = config.value("lwa_client_id"_L1).toString();
    m_clientSecret = config.value("lwa_client_secret"_L1).toString();
    m_refreshToken = config.value("refresh_token"_L1).toString();
    m_staticToken = config.value("token"_L1).toString();
    m_tokenTtlSeconds = config.value("token_ttl_s"_L1).toInt(m_tokenTtlSeconds);
    const double feedSeconds =
        config.value("feed_processing_s"_L1).toDouble(double(m_feedProcessingMs) / 1000.0);
    if (!(feedSeconds >= 0) || feedSeconds > 86400) {
        *error = u"channels[%1].feed_processing_s must be from 0 to 86400"_s.arg(id());
        return false;
    }
    m_feedProcessingMs = qint64(feedSeconds * 1000.0);
    if (m_refreshToken.isEmpty() && m_staticToken.isEmpty()) {
        *error = u"channels[%1] needs refresh_token (with lwa_client_id and lwa_client_secret) "
                 u"or a static token"_s.arg(id());
        return false;
    }
    if (m_tokenTtlSeconds < 1) {
        *error = u"channels[%1].token_ttl_s must be >= 1"_s.arg(id());
        return false;
    }
    return true;
}

bool AmazonSim::configureRateLimit(const QJsonObject &rateLimit, QString *error)
{
    auto value = [&](const char *key, double fallback) {
        return rateLimit.value(QLatin1StringView(key)).toDouble(fallback);
    };
    const bool fresh = m_patchBucket.capacity() == 0;
    const double rate = value("rate", fresh ? 5 : m_patchBucket.rate());
    const double burst = value("burst", fresh ? 5 : m_patchBucket.capacity());
    const double readRate = value("read_rate", fresh ? 5 : m_readBucket.rate());
    const double readBurst = value("read_burst", fresh ? 10 : m_readBucket.capacity());
    const double ordersRate = value("orders_rate", m_ordersBucket.rate());
    const double ordersBurst = value("orders_burst", qMax(1.0, m_ordersBucket.capacity()));
    if (rate < 0 || burst < 1 || readRate < 0 || readBurst < 1 || ordersRate < 0 ||
        ordersBurst < 1) {
        *error = u"rates must be >= 0 (0: no limit) and bursts >= 1"_s;
        return false;
    }
    m_patchBucket.configure(burst, rate, monotonicMs());
    m_readBucket.configure(readBurst, readRate, monotonicMs());
    m_ordersBucket.configure(ordersBurst, ordersRate, monotonicMs());
    if (m_createFeedBucket.capacity() == 0) {
        // The Feeds API's usage plans (feeds_2021-06-30.json), not configurable.
        m_createDocumentBucket.configure(15, 0.5, monotonicMs());
        m_getDocumentBucket.configure(10, 0.0222, monotonicMs());
        m_createFeedBucket.configure(15, 0.0083, monotonicMs());
        m_getFeedBucket.configure(15, 2, monotonicMs());
        m_getFeedsBucket.configure(10, 0.0222, monotonicMs());
        m_cancelFeedBucket.configure(15, 2, monotonicMs());
    }
    return true;
}

QJsonObject AmazonSim::rateLimitJson() const
{
    return QJsonObject {
        {u"rate"_s, m_patchBucket.rate()},         {u"burst"_s, m_patchBucket.capacity()},
        {u"read_rate"_s, m_readBucket.rate()},     {u"read_burst"_s, m_readBucket.capacity()},
        {u"orders_rate"_s, m_ordersBucket.rate()}, {u"orders_burst"_s, m_ordersBucket.capacity()}};
}

void AmazonSim::seedListingExtras(SimListing &listing, const QJsonObject &seed)
{
    if (listing.sku.isEmpty())
        listing.sku = listing.remoteId; // listings are addressed by seller SKU
    if (listing.asin.isEmpty()) {
        const QByteArray digest =
            QCryptographicHash::hash(listing.remoteId.toUtf8(), QCryptographicHash::Sha1);
        listing.asin = u"B0"_s + QString::fromLatin1(digest.toHex().left(8)).toUpper();
    }
    listing.asin = seed.value("asin"_L1).toString(listing.asin);
}

SimResponse AmazonSim::withRate(SimResponse response, double rate) const
{
    if (rate > 0)
        response.setHeader("x-amzn-RateLimit-Limit", QByteArray::number(rate, 'f', 1));
    return response;
}

SimResponse AmazonSim::faultResponse(SimFault fault)
{
    switch (fault) {
    case SimFault::TooManyRequests:
        return withRate(amazonError(429, u"QuotaExceeded"_s,
                                    u"You exceeded your quota for the requested resource."_s),
                        m_patchBucket.rate());
    case SimFault::InternalError:
        return amazonError(500, u"InternalFailure"_s,
                           u"We encountered an internal error. Please try again."_s);
    case SimFault::Unavailable:
        return amazonError(503, u"ServiceUnavailable"_s,
                           u"Service is temporarily unavailable. Please try again."_s);
    case SimFault::Unauthorized:
        // SP-API answers bad or expired credentials with 403, not 401.
        return amazonError(403, u"Unauthorized"_s, u"Access to requested resource is denied."_s,
                           u"The access token you provided is revoked, malformed or invalid."_s);
    default:
        return amazonError(404, u"NotFound"_s, u"Resource not found."_s);
    }
}

SimResponse AmazonSim::handleApi(const SimRequest &request)
{
    const QStringList &s = request.segments;
    if (s == QStringList {u"auth"_s, u"o2"_s, u"token"_s}) {
        if (request.method != "POST")
            return amazonError(405, u"MethodNotAllowed"_s, u"Use POST"_s);
        return token(request);
    }
    // A feed document at its pre-signed URL: the signature is the credential.
    if (s.size() == 2 && s.at(0) == "_feed-documents"_L1)
        return feedDocumentTransfer(request, s.at(1));
    if (isFeedsPath(s)) {
        if (!tokenValid(request.header("x-amz-access-token")))
            return faultResponse(SimFault::Unauthorized);
        return feedsApi(request);
    }
    const bool listings = (s.size() == 5 || s.size() == 4) && s.at(0) == "listings"_L1 &&
        s.at(1) == "2021-08-01"_L1 && s.at(2) == "items"_L1;
    const bool orders =
        s.size() >= 3 && s.at(0) == "orders"_L1 && s.at(1) == "v0"_L1 && s.at(2) == "orders"_L1;
    if (!listings && !orders)
        return faultResponse(SimFault::NotFound);
    if (!tokenValid(request.header("x-amz-access-token")))
        return faultResponse(SimFault::Unauthorized);
    if (listings && s.size() == 4)
        return request.method == "GET" ? searchListings(request, s.at(3))
                                       : amazonError(405, u"MethodNotAllowed"_s, u"Use GET"_s);
    if (listings)
        return listingsItem(request, s.at(3), s.at(4));
    if (request.method != "GET")
        return faultResponse(SimFault::NotFound);
    if (!m_ordersBucket.take(1, monotonicMs())) {
        countEvent(u"throttled"_s);
        return withRate(amazonError(429, u"QuotaExceeded"_s,
                                    u"You exceeded your quota for the requested resource."_s),
                        m_ordersBucket.rate());
    }
    if (s.size() == 3)
        return getOrders(request);
    if (s.size() == 5 && s.at(4) == "orderItems"_L1)
        return getOrderItems(s.at(3));
    return faultResponse(SimFault::NotFound);
}

SimResponse AmazonSim::token(const SimRequest &request)
{
    // LWA takes a form body (or JSON); answers errors the OAuth 2.0 way.
    QUrlQuery form;
    const QJsonDocument json = QJsonDocument::fromJson(request.body);
    if (json.isObject()) {
        const QJsonObject object = json.object();
        for (auto it = object.begin(); it != object.end(); ++it)
            form.addQueryItem(it.key(), it.value().toString());
    } else {
        form.setQuery(QString::fromUtf8(request.body).replace(u'+', u' '));
    }
    auto value = [&](const QString &key) { return form.queryItemValue(key, QUrl::FullyDecoded); };
    auto oauthError = [](int status, const QString &code, const QString &description) {
        return SimResponse::json(
            status, QJsonObject {{u"error"_s, code}, {u"error_description"_s, description}});
    };
    if (value(u"grant_type"_s) != "refresh_token"_L1)
        return oauthError(400, u"unsupported_grant_type"_s,
                          u"The authorization grant type is not supported by the authorization "
                          u"server"_s);
    if ((!m_clientId.isEmpty() && value(u"client_id"_s) != m_clientId) ||
        (!m_clientSecret.isEmpty() && value(u"client_secret"_s) != m_clientSecret))
        return oauthError(401, u"invalid_client"_s, u"Client authentication failed"_s);
    if (m_refreshToken.isEmpty() || value(u"refresh_token"_s) != m_refreshToken)
        return oauthError(400, u"invalid_grant"_s,
                          u"The request has an invalid grant parameter : refresh_token"_s);
    const QByteArray accessToken = "Atza|" + randomHex(24).toLatin1();
    m_tokens.insert(accessToken, nowMs() + qint64(m_tokenTtlSeconds) * 1000);
    countEvent(u"tokens_issued"_s);
    return SimResponse::json(200,
                             QJsonObject {{u"access_token"_s, QString::fromLatin1(accessToken)},
                                          {u"refresh_token"_s, m_refreshToken},
                                          {u"token_type"_s, u"bearer"_s},
                                          {u"expires_in"_s, m_tokenTtlSeconds}});
}

bool AmazonSim::tokenValid(const QByteArray &token) const
{
    if (token.isEmpty())
        return false;
    if (!m_staticToken.isEmpty() && token == m_staticToken.toUtf8())
        return true;
    const auto it = m_tokens.constFind(token);
    return it != m_tokens.cend() && nowMs() < it.value();
}

SimResponse AmazonSim::listingsItem(const SimRequest &request, const QString &sellerId,
                                    const QString &sku)
{
    const bool patch = request.method == "PATCH";
    if (!patch && request.method != "GET")
        return amazonError(405, u"MethodNotAllowed"_s, u"Use GET or PATCH"_s);
    SimTokenBucket &bucket = patch ? m_patchBucket : m_readBucket;
    if (!bucket.take(1, monotonicMs())) {
        countEvent(u"throttled"_s);
        return withRate(amazonError(429, u"QuotaExceeded"_s,
                                    u"You exceeded your quota for the requested resource."_s),
                        bucket.rate());
    }
    if (!m_sellerId.isEmpty() && sellerId != m_sellerId)
        return withRate(faultResponse(SimFault::Unauthorized), bucket.rate());
    const QStringList marketplaces =
        request.query.queryItemValue(u"marketplaceIds"_s).split(u',', Qt::SkipEmptyParts);
    if (marketplaces.isEmpty())
        return withRate(
            amazonError(400, u"InvalidInput"_s, u"Missing required parameter 'marketplaceIds'."_s),
            bucket.rate());
    if (!marketplaces.contains(m_marketplaceId))
        return withRate(amazonError(400, u"InvalidInput"_s,
                                    u"Invalid marketplaceIds: %1"_s.arg(marketplaces.join(u','))),
                        bucket.rate());
    SimListing *listing = findListing(sku);
    if (!listing)
        return withRate(
            amazonError(404, u"NOT_FOUND"_s,
                        u"SKU '%1' not found in marketplace %2"_s.arg(sku, m_marketplaceId)),
            bucket.rate());
    if (patch)
        return withRate(patchListing(request, *listing), bucket.rate());

    const QJsonArray availability {QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s},
                                                {u"quantity"_s, listing->quantity}}};
    const QJsonObject summary {{u"marketplaceId"_s, m_marketplaceId},
                               {u"asin"_s, listing->asin},
                               {u"productType"_s, u"PRODUCT"_s},
                               {u"status"_s,
                                isActive(*listing) ? QJsonArray {u"BUYABLE"_s, u"DISCOVERABLE"_s}
                                                   : QJsonArray {u"DISCOVERABLE"_s}},
                               {u"itemName"_s, listing->title}};
    return withRate(
        SimResponse::json(
            200,
            QJsonObject {
                {u"sku"_s, listing->remoteId},
                {u"summaries"_s, QJsonArray {summary}},
                {u"attributes"_s, QJsonObject {{u"fulfillment_availability"_s, availability}}},
                {u"fulfillmentAvailability"_s,
                 QJsonArray {QJsonObject {{u"fulfillmentChannelCode"_s, u"DEFAULT"_s},
                                          {u"quantity"_s, listing->quantity}}}}}),
        bucket.rate());
}

SimResponse AmazonSim::patchListing(const SimRequest &request, SimListing &listing)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return amazonError(400, u"InvalidInput"_s, u"The request body is not valid JSON."_s);
    const QJsonObject body = doc.object();
    if (body.value("productType"_L1).toString().isEmpty())
        return amazonError(400, u"InvalidInput"_s, u"Missing required field 'productType'."_s);
    const QJsonArray patches = body.value("patches"_L1).toArray();
    if (patches.isEmpty())
        return amazonError(400, u"InvalidInput"_s,
                           u"'patches' must contain at least one patch operation."_s);

    QJsonArray issues;
    const qint64 newQuantity = patchedQuantity(patches, &issues);
    const QString submissionId = randomHex(16);
    if (!issues.isEmpty()) {
        recordWrite(listing, newQuantity, {}, false, u"INVALID"_s);
        return SimResponse::json(200,
                                 QJsonObject {{u"sku"_s, listing.remoteId},
                                              {u"status"_s, u"INVALID"_s},
                                              {u"submissionId"_s, submissionId},
                                              {u"issues"_s, issues}});
    }
    if (newQuantity >= 0) {
        recordWrite(listing, newQuantity, {}, true, {});
        listing.quantity = newQuantity;
    }
    return SimResponse::json(200,
                             QJsonObject {{u"sku"_s, listing.remoteId},
                                          {u"status"_s, u"ACCEPTED"_s},
                                          {u"submissionId"_s, submissionId},
                                          {u"issues"_s, QJsonArray()}});
}

qint64 AmazonSim::patchedQuantity(const QJsonArray &patches, QJsonArray *issues) const
{
    static const QStringList ops {u"add"_s, u"replace"_s, u"delete"_s, u"merge"_s};
    qint64 newQuantity = -1;
    for (const QJsonValue &value : patches) {
        const QJsonObject patch = value.toObject();
        const QString op = patch.value("op"_L1).toString();
        const QString path = patch.value("path"_L1).toString();
        if (!ops.contains(op) || !path.startsWith("/attributes/"_L1)) {
            issues->append(
                issue(u"4000001"_s,
                      u"The patch operation '%1' on path '%2' is invalid."_s.arg(op, path)));
            continue;
        }
        if (path != "/attributes/fulfillment_availability"_L1)
            continue; // other attributes are accepted and not simulated
        if (op == "delete"_L1) {
            newQuantity = 0;
            continue;
        }
        const QJsonArray entries = patch.value("value"_L1).toArray();
        const QJsonObject entry = entries.isEmpty() ? QJsonObject() : entries.first().toObject();
        const QJsonValue quantity = entry.value("quantity"_L1);
        if (entry.value("fulfillment_channel_code"_L1).toString().isEmpty())
            issues->append(issue(u"90220"_s,
                                 u"'fulfillment_channel_code' is required but not "
                                 u"supplied."_s));
        else if (quantity.isUndefined())
            issues->append(issue(u"90220"_s, u"'quantity' is required but not supplied."_s));
        else if (!quantity.isDouble() || quantity.toDouble() != std::floor(quantity.toDouble()) ||
                 quantity.toInteger() < 0)
            issues->append(issue(u"4000001"_s,
                                 u"The provided value for 'quantity' is invalid: it must be a "
                                 u"whole number of 0 or more."_s));
        else
            newQuantity = quantity.toInteger();
    }
    return newQuantity;
}

SimResponse AmazonSim::getOrders(const SimRequest &request)
{
    const QStringList marketplaces =
        request.query.queryItemValue(u"MarketplaceIds"_s).split(u',', Qt::SkipEmptyParts);
    if (marketplaces.isEmpty())
        return amazonError(400, u"InvalidInput"_s, u"Missing required 'MarketplaceIds'."_s);
    const QString nextToken = request.query.queryItemValue(u"NextToken"_s, QUrl::FullyDecoded);
    const QString updatedAfterText =
        request.query.queryItemValue(u"LastUpdatedAfter"_s, QUrl::FullyDecoded);
    const QString createdAfterText =
        request.query.queryItemValue(u"CreatedAfter"_s, QUrl::FullyDecoded);
    if (nextToken.isEmpty() && updatedAfterText.isEmpty() && createdAfterText.isEmpty())
        return amazonError(400, u"InvalidInput"_s,
                           u"Either CreatedAfter or LastUpdatedAfter must be specified."_s);
    const qint64 updatedAfter = updatedAfterText.isEmpty() ? -1 : parseIso(updatedAfterText);
    const qint64 createdAfter = createdAfterText.isEmpty() ? -1 : parseIso(createdAfterText);
    if ((!updatedAfterText.isEmpty() && updatedAfter < 0) ||
        (!createdAfterText.isEmpty() && createdAfter < 0))
        return amazonError(400, u"InvalidInput"_s, u"Dates must be in ISO 8601 format."_s);
    const int pageSize = request.query.queryItemValue(u"MaxResultsPerPage"_s).isEmpty()
        ? 100
        : request.query.queryItemValue(u"MaxResultsPerPage"_s).toInt();
    if (pageSize < 1 || pageSize > 100)
        return amazonError(400, u"InvalidInput"_s, u"MaxResultsPerPage must be 1..100."_s);

    // NextToken carries the query it continues and the offset reached.
    qint64 from = updatedAfter, createdFrom = createdAfter;
    int offset = 0;
    if (!nextToken.isEmpty()) {
        const QList<QByteArray> parts =
            QByteArray::fromBase64(nextToken.toLatin1(), QByteArray::Base64UrlEncoding).split(':');
        if (parts.size() != 3)
            return amazonError(400, u"InvalidInput"_s, u"Invalid NextToken."_s);
        from = parts.at(0).toLongLong();
        createdFrom = parts.at(1).toLongLong();
        offset = parts.at(2).toInt();
    }
    QList<const SimOrder *> matching;
    for (const SimOrder &order : std::as_const(m_orders)) {
        if ((from >= 0 && order.lastModifiedMs < from) ||
            (createdFrom >= 0 && order.createdMs < createdFrom))
            continue;
        matching.append(&order);
    }
    std::stable_sort(matching.begin(), matching.end(), [](const SimOrder *a, const SimOrder *b) {
        return a->lastModifiedMs < b->lastModifiedMs;
    });
    QJsonArray page;
    for (int i = offset; i < matching.size() && i < offset + pageSize; ++i) {
        const SimOrder &order = *matching.at(i);
        qint64 items = 0;
        double total = 0;
        for (const SimOrderLine &line : order.lines) {
            items += line.quantity;
            total += line.price.toDouble() * double(line.quantity);
        }
        page.append(
            QJsonObject {{u"AmazonOrderId"_s, order.orderId},
                         {u"PurchaseDate"_s, isoUtc(order.createdMs)},
                         {u"LastUpdateDate"_s, isoUtc(order.lastModifiedMs)},
                         {u"OrderStatus"_s, order.cancelled ? u"Canceled"_s : u"Unshipped"_s},
                         {u"FulfillmentChannel"_s, u"MFN"_s},
                         {u"SalesChannel"_s, u"Amazon.com"_s},
                         {u"OrderType"_s, u"StandardOrder"_s},
                         {u"MarketplaceId"_s, m_marketplaceId},
                         {u"NumberOfItemsShipped"_s, 0},
                         {u"NumberOfItemsUnshipped"_s, items},
                         {u"OrderTotal"_s,
                          QJsonObject {{u"CurrencyCode"_s, u"USD"_s},
                                       {u"Amount"_s, QString::number(total, 'f', 2)}}},
                         {u"ShippingAddress"_s,
                          QJsonObject {{u"City"_s, order.shipTo.city},
                                       {u"StateOrRegion"_s, order.shipTo.state},
                                       {u"PostalCode"_s, order.shipTo.postalCode},
                                       {u"CountryCode"_s, order.shipTo.country}}},
                         {u"IsPrime"_s, false},
                         {u"IsBusinessOrder"_s, false}});
    }
    QJsonObject payload {{u"Orders"_s, page}};
    if (offset + pageSize < matching.size()) {
        const QByteArray next = QByteArray::number(from) + ':' + QByteArray::number(createdFrom) +
            ':' + QByteArray::number(offset + pageSize);
        // URL-safe, so it survives a query string unencoded.
        payload.insert(u"NextToken"_s,
                       QString::fromLatin1(next.toBase64(QByteArray::Base64UrlEncoding |
                                                         QByteArray::OmitTrailingEquals)));
    }
    if (from >= 0)
        payload.insert(u"LastUpdatedBefore"_s, isoNow());
    else
        payload.insert(u"CreatedBefore"_s, isoNow());
    return SimResponse::json(200, QJsonObject {{u"payload"_s, payload}});
}

SimResponse AmazonSim::getOrderItems(const QString &orderId)
{
    for (const SimOrder &order : std::as_const(m_orders)) {
        if (order.orderId != orderId)
            continue;
        QJsonArray items;
        for (int i = 0; i < order.lines.size(); ++i) {
            const SimOrderLine &line = order.lines.at(i);
            items.append(QJsonObject {
                {u"ASIN"_s, line.asin},
                {u"SellerSKU"_s, line.sku.isEmpty() ? line.remoteId : line.sku},
                {u"OrderItemId"_s, u"%1%2"_s.arg(70'000'000'000'000LL + order.number).arg(i)},
                {u"Title"_s, line.title},
                {u"QuantityOrdered"_s, line.quantity},
                {u"QuantityShipped"_s, 0},
                {u"ItemPrice"_s,
                 QJsonObject {
                     {u"CurrencyCode"_s, u"USD"_s},
                     {u"Amount"_s,
                      QString::number(line.price.toDouble() * double(line.quantity), 'f', 2)}}}});
        }
        return SimResponse::json(
            200,
            QJsonObject {{u"payload"_s,
                          QJsonObject {{u"AmazonOrderId"_s, orderId}, {u"OrderItems"_s, items}}}});
    }
    return amazonError(404, u"NotFound"_s, u"Order %1 not found."_s.arg(orderId));
}

void AmazonSim::deliverOrder(const SimOrder &, int)
{
    // Queued in m_orders by placeOrder(); ChannelDesk fetches it from the Orders API.
    countEvent(u"orders_queued"_s);
}

} // namespace ChannelDesk
