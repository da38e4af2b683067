#include "sim/ebaysim.h"

#include "util/timeformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// Followed: developer.ebay.com Sell Inventory API "bulkUpdatePriceQuantity" (BulkPriceQuantity,
// PriceQuantityResponse, HTTP 200/207), "Inventory item" (getInventoryItem), the Fulfillment
// API "getOrders" (filter lastmodifieddate:[from..to], limit/offset paging, Order and LineItem
// types) and the eBay error container ({errors:[{errorId, domain, category, message}]}).

namespace ChannelDesk {

namespace {

QJsonObject ebayError(int errorId, const QString &domain, const QString &category,
                      const QString &message, const QString &longMessage = {})
{
    QJsonObject error {{u"errorId"_s, errorId},
                       {u"domain"_s, domain},
                       {u"category"_s, category},
                       {u"message"_s, message}};
    if (!longMessage.isEmpty())
        error.insert(u"longMessage"_s, longMessage);
    return error;
}

SimResponse ebayResponse(int status, const QJsonObject &error)
{
    return SimResponse::json(status, QJsonObject {{u"errors"_s, QJsonArray {error}}});
}

constexpr qint64 kDayMs = 86'400'000;

qint64 parseIso(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return -1;
    return when.toMSecsSinceEpoch();
}

} // namespace

bool EbaySim::configureType(const QJsonObject &config, QString *error)
{
    m_token = config.value("token"_L1).toString();
    if (m_token.isEmpty()) {
        *error = u"channels[%1].token (the user access token) is required"_s.arg(id());
        return false;
    }
    m_dailyRevisionLimit = config.value("daily_revision_limit"_L1).toInt(m_dailyRevisionLimit);
    m_maxRequests = config.value("max_requests_per_call"_L1).toInt(m_maxRequests);
    if (m_dailyRevisionLimit < 1 || m_maxRequests < 1) {
        *error =
            u"channels[%1].daily_revision_limit and max_requests_per_call must be >= 1"_s.arg(id());
        return false;
    }
    return true;
}

bool EbaySim::configureRateLimit(const QJsonObject &rateLimit, QString *error)
{
    const double rate = rateLimit.value("requests_per_second"_L1).toDouble(m_bucket.rate());
    const double burst = rateLimit.value("burst"_L1).toDouble(qMax(1.0, m_bucket.capacity()));
    if (rate < 0 || burst < 1) {
        *error = u"requests_per_second >= 0 (0: no limit), burst >= 1"_s;
        return false;
    }
    m_bucket.configure(burst, rate, monotonicMs());
    return true;
}

QJsonObject EbaySim::rateLimitJson() const
{
    return QJsonObject {{u"requests_per_second"_s, m_bucket.rate()},
                        {u"burst"_s, m_bucket.capacity()},
                        {u"daily_revision_limit"_s, m_dailyRevisionLimit},
                        {u"max_requests_per_call"_s, m_maxRequests}};
}

void EbaySim::seedListingExtras(SimListing &listing, const QJsonObject &seed)
{
    if (listing.sku.isEmpty())
        listing.sku = listing.remoteId; // the Inventory API addresses items by SKU
    if (listing.legacyItemId.isEmpty())
        listing.legacyItemId = QString::number(m_nextItemNumber++);
    listing.legacyItemId = seed.value("legacy_item_id"_L1).toString(listing.legacyItemId);
    listing.offerId = seed.value("offer_id"_L1).toString(listing.offerId);
    if (seed.contains("offer_quantity"_L1))
        listing.offerQuantity = seed.value("offer_quantity"_L1).toInteger();
}

SimResponse EbaySim::faultResponse(SimFault fault)
{
    switch (fault) {
    case SimFault::TooManyRequests:
        return ebayResponse(429,
                            ebayError(2001, u"ACCESS"_s, u"REQUEST"_s,
                                      u"Too many requests. The request limit has been "
                                      u"reached for the resource."_s));
    case SimFault::InternalError:
        return ebayResponse(500,
                            ebayError(25001, u"API_INVENTORY"_s, u"APPLICATION"_s,
                                      u"A system error has occurred. Try again later."_s));
    case SimFault::Unavailable:
        return ebayResponse(503,
                            ebayError(2003, u"ACCESS"_s, u"APPLICATION"_s, u"Internal error"_s,
                                      u"There was a problem with an eBay internal system "
                                      u"or process. Contact eBay developer support."_s));
    case SimFault::Unauthorized:
        return ebayResponse(401,
                            ebayError(1001, u"OAuth"_s, u"REQUEST"_s, u"Invalid access token"_s,
                                      u"Invalid access token. Check the value of the "
                                      u"Authorization HTTP request header."_s));
    default:
        return ebayResponse(404,
                            ebayError(25710, u"API_INVENTORY"_s, u"REQUEST"_s,
                                      u"We didn't find the resource/entity you are "
                                      u"requesting. Please verify the request"_s));
    }
}

SimResponse EbaySim::handleApi(const SimRequest &request)
{
    const QStringList &s = request.segments;
    if (s.size() < 3 || s.at(0) != "sell"_L1)
        return faultResponse(SimFault::NotFound);
    if (request.header("authorization") != "Bearer " + m_token.toUtf8())
        return faultResponse(SimFault::Unauthorized);
    if (!m_bucket.take(1, monotonicMs())) {
        countEvent(u"throttled"_s);
        return faultResponse(SimFault::TooManyRequests);
    }
    if (s.size() == 4 && s.at(1) == "inventory"_L1 && s.at(2) == "v1"_L1 &&
        s.at(3) == "bulk_update_price_quantity"_L1 && request.method == "POST")
        return bulkUpdate(request);
    if (s.size() == 5 && s.at(1) == "inventory"_L1 && s.at(2) == "v1"_L1 &&
        s.at(3) == "inventory_item"_L1 && request.method == "GET")
        return inventoryItem(s.at(4));
    if (s.size() == 4 && s.at(1) == "inventory"_L1 && s.at(2) == "v1"_L1 &&
        s.at(3) == "inventory_item"_L1 && request.method == "GET")
        return inventoryItems(request);
    if (s.size() == 4 && s.at(1) == "inventory"_L1 && s.at(2) == "v1"_L1 &&
        s.at(3) == "bulk_get_inventory_item"_L1 && request.method == "POST")
        return bulkGet(request);
    if (s.size() >= 4 && s.at(1) == "fulfillment"_L1 && s.at(2) == "v1"_L1 &&
        s.at(3) == "order"_L1 && request.method == "GET") {
        if (s.size() == 4)
            return orders(request);
        for (const SimOrder &order : std::as_const(m_orders)) {
            if (s.size() == 5 && order.orderId == s.at(4))
                return SimResponse::json(200, orderJson(order));
        }
    }
    return faultResponse(SimFault::NotFound);
}

SimResponse EbaySim::bulkUpdate(const SimRequest &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    const QJsonArray requests = doc.object().value("requests"_L1).toArray();
    if (!doc.isObject() || requests.isEmpty())
        return ebayResponse(400,
                            ebayError(25709, u"API_INVENTORY"_s, u"REQUEST"_s,
                                      u"Invalid value for requests. At least one request "
                                      u"is required."_s));
    if (requests.size() > m_maxRequests)
        return ebayResponse(400,
                            ebayError(25709, u"API_INVENTORY"_s, u"REQUEST"_s,
                                      u"Invalid value for requests. A maximum of %1 "
                                      u"requests is allowed per call."_s.arg(m_maxRequests)));
    const qint64 today = nowMs() / kDayMs; // the calendar day, in UTC
    QJsonArray responses;
    bool allOk = true;
    for (const QJsonValue &value : requests) {
        const QJsonObject item = value.toObject();
        const QString sku = item.value("sku"_L1).toString();
        QJsonObject response {{u"sku"_s, sku}, {u"warnings"_s, QJsonArray()}};
        auto failItem = [&](int status, const QJsonObject &error) {
            response.insert(u"statusCode"_s, status);
            response.insert(u"errors"_s, QJsonArray {error});
            responses.append(response);
            allOk = false;
        };
        SimListing *listing = findListing(sku);
        if (!listing)
            listing = findBySku(sku);
        if (sku.isEmpty() || !listing) {
            failItem(404,
                     ebayError(25710, u"API_INVENTORY"_s, u"REQUEST"_s,
                               u"We didn't find the resource/entity you are requesting. "
                               u"Please verify the request"_s));
            continue;
        }
        const QJsonValue quantity =
            item.value("shipToLocationAvailability"_L1).toObject().value("quantity"_L1);
        const QJsonArray offers = item.value("offers"_L1).toArray();
        const bool hasQuantity = !quantity.isUndefined();
        if ((hasQuantity &&
             (!quantity.isDouble() || quantity.toDouble() != std::floor(quantity.toDouble()) ||
              quantity.toInteger() < 0)) ||
            (!hasQuantity && offers.isEmpty())) {
            failItem(400,
                     ebayError(25002, u"API_INVENTORY"_s, u"REQUEST"_s,
                               u"A user error has occurred. shipToLocationAvailability."
                               u"quantity must be an integer >= 0"_s));
            continue;
        }
        QString offerId;
        qint64 offerQuantity = -1;
        bool offerError = false;
        for (const QJsonValue &offerValue : offers) {
            const QJsonObject offer = offerValue.toObject();
            offerId = offer.value("offerId"_L1).toString();
            if (offerId.isEmpty() || offerId != listing->offerId) {
                offerError = true;
                break;
            }
            if (offer.contains("availableQuantity"_L1))
                offerQuantity = offer.value("availableQuantity"_L1).toInteger();
        }
        if (offerError) {
            failItem(400,
                     ebayError(25713, u"API_INVENTORY"_s, u"REQUEST"_s,
                               u"This Offer is not available : %1."_s.arg(offerId)));
            continue;
        }
        const qint64 newQuantity = hasQuantity ? quantity.toInteger() : listing->quantity;
        if (listing->revisionDay != today) {
            listing->revisionDay = today;
            listing->revisionsToday = 0;
        }
        if (listing->revisionsToday >= m_dailyRevisionLimit) {
            countEvent(u"revision_limit_hits"_s);
            recordWrite(*listing, newQuantity, {}, false, u"revision_limit"_s);
            failItem(400,
                     ebayError(25002, u"API_INVENTORY"_s, u"BUSINESS"_s,
                               u"A user error has occurred. This listing has reached the limit "
                               u"of %1 revisions per calendar day."_s.arg(m_dailyRevisionLimit)));
            continue;
        }
        ++listing->revisionsToday;
        recordWrite(*listing, newQuantity, {}, true, {});
        listing->quantity = newQuantity;
        if (offerQuantity >= 0)
            listing->offerQuantity = offerQuantity;
        if (!offerId.isEmpty())
            response.insert(u"offerId"_s, offerId);
        response.insert(u"statusCode"_s, 200);
        response.insert(u"errors"_s, QJsonArray());
        responses.append(response);
    }
    return SimResponse::json(allOk ? 200 : 207, QJsonObject {{u"responses"_s, responses}});
}

QJsonObject EbaySim::inventoryItemJson(const SimListing &listing) const
{
    const QJsonObject availability {
        {u"shipToLocationAvailability"_s, QJsonObject {{u"quantity"_s, listing.quantity}}}};
    return QJsonObject {{u"sku"_s, listing.sku},
                        {u"condition"_s, u"NEW"_s},
                        {u"availability"_s, availability},
                        {u"product"_s, QJsonObject {{u"title"_s, listing.title}}}};
}

SimResponse EbaySim::inventoryItem(const QString &sku)
{
    const SimListing *found = findListing(sku);
    if (!found)
        found = findBySku(sku);
    if (!found)
        return faultResponse(SimFault::NotFound);
    return SimResponse::json(200, inventoryItemJson(*found));
}

SimResponse EbaySim::inventoryItems(const SimRequest &request)
{
    bool limitOk = true, offsetOk = true;
    const QString limitText = request.query.queryItemValue(u"limit"_s);
    const QString offsetText = request.query.queryItemValue(u"offset"_s);
    const int limit = limitText.isEmpty() ? 25 : limitText.toInt(&limitOk);
    const int offset = offsetText.isEmpty() ? 0 : offsetText.toInt(&offsetOk);
    if (!limitOk || !offsetOk || limit < 1 || limit > 200 || offset < 0)
        return ebayResponse(400,
                            ebayError(25707, u"API_INVENTORY"_s, u"REQUEST"_s,
                                      u"This is an invalid value for a SKU, limit or offset."_s));
    QList<const SimListing *> items;
    for (const SimListing &listing : std::as_const(m_listings))
        items.append(&listing);
    std::sort(items.begin(), items.end(),
              [](const SimListing *a, const SimListing *b) { return a->sku < b->sku; });
    // eBay documents offset as the page number (0 is the first page) and links the next page.
    QJsonArray page;
    const qsizetype start = qsizetype(offset) * limit;
    for (qsizetype i = start; i < items.size() && i < start + limit; ++i)
        page.append(inventoryItemJson(*items.at(i)));
    const qsizetype pages = (items.size() + limit - 1) / limit;
    auto link = [&](int pageNumber) {
        return u"%1?limit=%2&offset=%3"_s.arg(request.path).arg(limit).arg(pageNumber);
    };
    QJsonObject answer {{u"href"_s, link(offset)},
                        {u"total"_s, qint64(items.size())},
                        {u"size"_s, qint64(pages)},
                        {u"limit"_s, limit},
                        {u"inventoryItems"_s, page}};
    if (offset + 1 < pages)
        answer.insert(u"next"_s, link(offset + 1));
    if (offset > 0)
        answer.insert(u"prev"_s, link(offset - 1));
    return SimResponse::json(200, answer);
}

SimResponse EbaySim::bulkGet(const SimRequest &request)
{
    const QJsonArray requests =
        QJsonDocument::fromJson(request.body).object().value("requests"_L1).toArray();
    if (requests.isEmpty() || requests.size() > 25)
        return ebayResponse(400,
                            ebayError(25709, u"API_INVENTORY"_s, u"REQUEST"_s,
                                      u"Invalid value for requests. Between 1 and 25 SKUs are "
                                      u"allowed per call."_s));
    QJsonArray responses;
    bool allOk = true;
    for (const QJsonValue &value : requests) {
        const QString sku = value.toObject().value("sku"_L1).toString();
        const SimListing *found = sku.isEmpty() ? nullptr : findBySku(sku);
        if (!found) {
            allOk = false;
            responses.append(
                QJsonObject {{u"statusCode"_s, 404},
                             {u"sku"_s, sku},
                             {u"errors"_s,
                              QJsonArray {ebayError(25710, u"API_INVENTORY"_s, u"REQUEST"_s,
                                                    u"We didn't find the resource/entity you are "
                                                    u"requesting. Please verify the request"_s)}}});
            continue;
        }
        responses.append(QJsonObject {{u"statusCode"_s, 200},
                                      {u"sku"_s, sku},
                                      {u"inventoryItem"_s, inventoryItemJson(*found)}});
    }
    return SimResponse::json(allOk ? 200 : 207, QJsonObject {{u"responses"_s, responses}});
}

SimResponse EbaySim::orders(const SimRequest &request)
{
    // filter=lastmodifieddate:[2026-01-01T00:00:00.000Z..] (either end may be empty); also
    // creationdate. Other criteria (orderfulfillmentstatus) are accepted and ignored.
    static const QRegularExpression criterion(
        uR"((lastmodifieddate|creationdate):\[([^\]]*?)\.\.([^\]]*)\])"_s);
    const QString filter = request.query.queryItemValue(u"filter"_s, QUrl::FullyDecoded);
    qint64 modifiedFrom = -1, modifiedTo = -1, createdFrom = -1, createdTo = -1;
    auto it = criterion.globalMatch(filter);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qint64 from = match.captured(2).isEmpty() ? -1 : parseIso(match.captured(2));
        const qint64 to = match.captured(3).isEmpty() ? -1 : parseIso(match.captured(3));
        if ((!match.captured(2).isEmpty() && from < 0) || (!match.captured(3).isEmpty() && to < 0))
            return ebayResponse(400,
                                ebayError(30800, u"API_FULFILLMENT"_s, u"REQUEST"_s,
                                          u"Invalid filter: %1"_s.arg(filter)));
        if (match.captured(1) == "lastmodifieddate"_L1) {
            modifiedFrom = from;
            modifiedTo = to;
        } else {
            createdFrom = from;
            createdTo = to;
        }
    }
    bool limitOk = true, offsetOk = true;
    const QString limitText = request.query.queryItemValue(u"limit"_s);
    const QString offsetText = request.query.queryItemValue(u"offset"_s);
    const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&limitOk);
    const int offset = offsetText.isEmpty() ? 0 : offsetText.toInt(&offsetOk);
    if (!limitOk || !offsetOk || limit < 1 || limit > 200 || offset < 0)
        return ebayResponse(
            400,
            ebayError(30700, u"API_FULFILLMENT"_s, u"REQUEST"_s, u"Invalid limit or offset"_s));

    QList<const SimOrder *> matching;
    for (const SimOrder &order : std::as_const(m_orders)) {
        if ((modifiedFrom >= 0 && order.lastModifiedMs < modifiedFrom) ||
            (modifiedTo >= 0 && order.lastModifiedMs > modifiedTo) ||
            (createdFrom >= 0 && order.createdMs < createdFrom) ||
            (createdTo >= 0 && order.createdMs > createdTo))
            continue;
        matching.append(&order);
    }
    // eBay returns the newest orders first (by creation date).
    std::stable_sort(matching.begin(), matching.end(), [](const SimOrder *a, const SimOrder *b) {
        return a->createdMs > b->createdMs;
    });
    QJsonArray page;
    for (int i = offset; i < matching.size() && i < offset + limit; ++i)
        page.append(orderJson(*matching.at(i)));
    QJsonObject answer {{u"href"_s, request.path},
                        {u"total"_s, qint64(matching.size())},
                        {u"limit"_s, limit},
                        {u"offset"_s, offset},
                        {u"orders"_s, page}};
    if (offset + limit < matching.size()) {
        QUrlQuery next = request.query;
        next.removeAllQueryItems(u"offset"_s);
        next.addQueryItem(u"offset"_s, QString::number(offset + limit));
        answer.insert(u"next"_s, QString(request.path + u'?' + next.toString(QUrl::FullyEncoded)));
    }
    return SimResponse::json(200, answer);
}

QJsonObject EbaySim::orderJson(const SimOrder &order) const
{
    QJsonArray lineItems;
    double total = 0;
    for (int i = 0; i < order.lines.size(); ++i) {
        const SimOrderLine &line = order.lines.at(i);
        const double lineTotal = line.price.toDouble() * double(line.quantity);
        total += lineTotal;
        lineItems.append(QJsonObject {
            {u"lineItemId"_s, u"%1%2"_s.arg(10'000'000'000LL + order.number).arg(i + 1)},
            {u"legacyItemId"_s, line.legacyItemId},
            {u"sku"_s, line.sku},
            {u"title"_s, line.title},
            {u"quantity"_s, line.quantity},
            {u"lineItemCost"_s,
             QJsonObject {{u"value"_s, QString::number(lineTotal, 'f', 2)},
                          {u"currency"_s, u"USD"_s}}},
            {u"lineItemFulfillmentStatus"_s, u"NOT_STARTED"_s}});
    }
    return QJsonObject {
        {u"orderId"_s, order.orderId},
        {u"legacyOrderId"_s, order.orderId},
        {u"creationDate"_s, isoUtc(order.createdMs)},
        {u"lastModifiedDate"_s, isoUtc(order.lastModifiedMs)},
        {u"orderFulfillmentStatus"_s, u"NOT_STARTED"_s},
        {u"orderPaymentStatus"_s, order.cancelled ? u"FULLY_REFUNDED"_s : u"PAID"_s},
        {u"cancelStatus"_s,
         QJsonObject {{u"cancelState"_s, order.cancelled ? u"CANCELED"_s : u"NONE_REQUESTED"_s},
                      {u"cancelRequests"_s, QJsonArray {}}}},
        {u"sellerId"_s, id()},
        {u"buyer"_s, QJsonObject {{u"username"_s, u"sim-buyer"_s}}},
        {u"pricingSummary"_s,
         QJsonObject {{u"total"_s,
                       QJsonObject {{u"value"_s, QString::number(total, 'f', 2)},
                                    {u"currency"_s, u"USD"_s}}}}},
        {u"fulfillmentStartInstructions"_s,
         QJsonArray {QJsonObject {
             {u"fulfillmentInstructionsType"_s, u"SHIP_TO"_s},
             {u"ebaySupportedFulfillment"_s, false},
             {u"shippingStep"_s,
              QJsonObject {
                  {u"shippingCarrierCode"_s, u"USPS"_s},
                  {u"shippingServiceCode"_s, u"USPSPriority"_s},
                  {u"shipTo"_s,
                   QJsonObject {{u"fullName"_s, order.shipTo.name},
                                {u"contactAddress"_s,
                                 QJsonObject {{u"addressLine1"_s, order.shipTo.street},
                                              {u"city"_s, order.shipTo.city},
                                              {u"stateOrProvince"_s, order.shipTo.state},
                                              {u"postalCode"_s, order.shipTo.postalCode},
                                              {u"countryCode"_s, order.shipTo.country}}}}}}}}}},
        {u"lineItems"_s, lineItems}};
}

void EbaySim::deliverOrder(const SimOrder &, int)
{
    // Queued in m_orders by placeOrder(); ChannelDesk fetches it with getOrders.
    countEvent(u"orders_queued"_s);
}

} // namespace ChannelDesk
