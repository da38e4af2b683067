// The simulated Shopify's read queries. Followed: shopify.dev Admin GraphQL reference for
// productVariants, nodes, orders (query: "updated_at:>=...", sortKey: UPDATED_AT), order, node,
// Order (updatedAt, cancelledAt, shippingAddress, lineItems, refunds(first:), fulfillments),
// LineItem (quantity, currentQuantity, sku, variant), RefundLineItem (restockType), the
// pagination guide (first/after, pageInfo { hasNextPage endCursor }, at most 250 a page) and
// the rate-limits page (calculated query cost, at most 1,000 requested points a query,
// MAX_COST_EXCEEDED, requested cost taken then refunded down to the actual cost).
#include "sim/graphqlcost.h"
#include "sim/shopifysim.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

const QString kItemPrefix = u"gid://shopify/InventoryItem/"_s;
constexpr int kMaxQueryCost = 1000;
constexpr int kMaxPageSize = 250;
constexpr qint64 kRefundBase = 900'000'000LL; // the refund id of a cancel, as the webhook says

QString tail(const QString &gid)
{
    return gid.section(u'/', -1);
}

QString secondsIso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// An argument of the field `field` (its first occurrence): a literal or a variable's value.
QJsonValue fieldArgument(const QString &query, const QString &field, const QString &argument,
                         const QJsonObject &variables)
{
    const QRegularExpression re(u"\\b%1\\s*\\(([^)]*)\\)"_s.arg(QRegularExpression::escape(field)));
    const QRegularExpressionMatch fieldMatch = re.match(query);
    if (!fieldMatch.hasMatch())
        return {};
    const QRegularExpression arg(
        uR"re(\b%1\s*:\s*(?:\$(\w+)|"((?:[^"\\]|\\.)*)"|(-?\d+)))re"_s.arg(argument));
    const QRegularExpressionMatch m = arg.match(fieldMatch.captured(1));
    if (!m.hasMatch())
        return {};
    if (!m.captured(1).isEmpty())
        return variables.value(m.captured(1));
    if (m.capturedLength(2) > 0 || m.captured(3).isEmpty())
        return m.captured(2);
    return m.captured(3).toInt();
}

int pageSize(const QString &query, const QString &field, const QJsonObject &variables)
{
    const QJsonValue first = fieldArgument(query, field, u"first"_s, variables);
    return first.isDouble() ? std::clamp(first.toInt(), 0, kMaxPageSize) : 0;
}

QString cursorAt(qsizetype offset)
{
    return QString::fromLatin1(QByteArray("offset:" + QByteArray::number(offset)).toBase64());
}

qsizetype offsetAfter(const QJsonValue &cursor)
{
    if (!cursor.isString())
        return 0;
    const QByteArray raw = QByteArray::fromBase64(cursor.toString().toLatin1());
    return raw.startsWith("offset:") ? raw.mid(7).toLongLong() : 0;
}

// One page of `items` from `after`, as a connection.
QJsonObject connection(const QJsonArray &items, int first, const QJsonValue &after)
{
    const qsizetype start = std::min(offsetAfter(after), items.size());
    const qsizetype end = std::min(start + first, items.size());
    QJsonArray nodes;
    for (qsizetype i = start; i < end; ++i)
        nodes.append(items.at(i));
    return QJsonObject {
        {u"nodes"_s, nodes},
        {u"pageInfo"_s,
         QJsonObject {{u"hasNextPage"_s, end < items.size()},
                      {u"endCursor"_s, end > start ? QJsonValue(cursorAt(end)) : QJsonValue()}}}};
}

} // namespace

SimResponse ShopifySim::readQuery(const QString &query, const QJsonObject &variables)
{
    const auto requested = shopifyRequestedCost(query, variables);
    if (!requested)
        return topLevelError(u"syntax error: the query could not be read"_s, u"PARSE_ERROR"_s, 0);
    if (*requested > kMaxQueryCost) {
        countEvent(u"max_cost_exceeded"_s);
        const QJsonArray errors {
            QJsonObject {{u"message"_s,
                          u"Query cost is %1, which exceeds the single query max cost limit "
                          u"(%2)."_s.arg(*requested)
                              .arg(kMaxQueryCost)},
                         {u"extensions"_s,
                          QJsonObject {{u"code"_s, u"MAX_COST_EXCEEDED"_s},
                                       {u"cost"_s, *requested},
                                       {u"maxCost"_s, kMaxQueryCost}}}}};
        return SimResponse::json(200, QJsonObject {{u"errors"_s, errors}});
    }
    if (!m_bucket.take(*requested, monotonicMs())) {
        countEvent(u"throttled"_s);
        const QJsonArray errors {
            QJsonObject {{u"message"_s, u"Throttled"_s},
                         {u"extensions"_s, QJsonObject {{u"code"_s, u"THROTTLED"_s}}}}};
        return SimResponse::json(
            m_throttledStatus,
            QJsonObject {{u"errors"_s, errors}, {u"extensions"_s, costExtension(*requested, -1)}});
    }
    QJsonObject data;
    static const QRegularExpression field(uR"(\b(productVariants|orders|order|nodes|node)\s*\()"_s);
    const QString root = field.match(query).captured(1);
    if (root == "productVariants"_L1) {
        data.insert(root, variantsPage(query, variables));
    } else if (root == "orders"_L1) {
        QString error;
        const QJsonObject page = ordersPage(query, variables, &error);
        if (!error.isEmpty()) {
            m_bucket.give(*requested);
            return topLevelError(error, u"BAD_REQUEST"_s, 0);
        }
        data.insert(root, page);
    } else if (root == "order"_L1) {
        data.insert(root, orderDetail(query, variables));
    } else if (root == "nodes"_L1) {
        data = inventoryNodes(query, variables);
    } else {
        data.insert(root, childNode(query, variables));
    }
    const int actual = std::min(*requested, shopifyActualCost(data));
    m_bucket.give(*requested - actual);
    countEvent(u"reads_"_s + root);
    return SimResponse::json(
        200, QJsonObject {{u"data"_s, data}, {u"extensions"_s, costExtension(*requested, actual)}});
}

QJsonObject ShopifySim::itemJson(const SimListing &listing, const QString &locationGid) const
{
    const bool locationOk = locationGid.startsWith(u"gid://shopify/Location/"_s) &&
        (m_locationGid.isEmpty() || locationGid == m_locationGid);
    QJsonValue level;
    if (locationOk)
        level = QJsonObject {{u"id"_s,
                              u"gid://shopify/InventoryLevel/%1?inventory_item_id=%2"_s.arg(
                                  tail(locationGid), listing.remoteId)},
                             {u"quantities"_s,
                              QJsonArray {QJsonObject {{u"name"_s, u"available"_s},
                                                       {u"quantity"_s, listing.quantity}}}}};
    return QJsonObject {{u"id"_s, QString(kItemPrefix + listing.remoteId)},
                        {u"sku"_s, listing.sku.isEmpty() ? QJsonValue() : QJsonValue(listing.sku)},
                        {u"tracked"_s, true},
                        {u"inventoryLevel"_s, level}};
}

QJsonObject ShopifySim::variantsPage(const QString &query, const QJsonObject &variables)
{
    const QString location =
        fieldArgument(query, u"inventoryLevel"_s, u"locationId"_s, variables).toString();
    QList<const SimListing *> listings;
    for (const SimListing &listing : std::as_const(m_listings))
        listings.append(&listing);
    // The default sort key is the variant's id.
    std::sort(listings.begin(), listings.end(), [](const SimListing *a, const SimListing *b) {
        return a->variantId != b->variantId ? a->variantId < b->variantId
                                            : a->remoteId < b->remoteId;
    });
    QJsonArray variants;
    for (const SimListing *listing : std::as_const(listings)) {
        variants.append(QJsonObject {
            {u"id"_s, u"gid://shopify/ProductVariant/%1"_s.arg(listing->variantId)},
            {u"sku"_s, listing->sku.isEmpty() ? QJsonValue() : QJsonValue(listing->sku)},
            {u"displayName"_s, listing->title},
            {u"inventoryItem"_s, itemJson(*listing, location)}});
    }
    return connection(variants, pageSize(query, u"productVariants"_s, variables),
                      fieldArgument(query, u"productVariants"_s, u"after"_s, variables));
}

QJsonObject ShopifySim::inventoryNodes(const QString &query, const QJsonObject &variables)
{
    const QString location =
        fieldArgument(query, u"inventoryLevel"_s, u"locationId"_s, variables).toString();
    const QJsonArray ids = fieldArgument(query, u"nodes"_s, u"ids"_s, variables).toArray();
    QJsonArray nodes;
    for (const QJsonValue &id : ids) {
        const QString gid = id.toString();
        const SimListing *found =
            gid.startsWith(kItemPrefix) ? listing(gid.mid(kItemPrefix.size())) : nullptr;
        nodes.append(found ? QJsonValue(itemJson(*found, location)) : QJsonValue());
    }
    return QJsonObject {{u"nodes"_s, nodes}};
}

const SimOrder *ShopifySim::findOrder(const QString &orderGid) const
{
    for (const SimOrder &order : m_orders) {
        if (order.orderId == tail(orderGid))
            return &order;
    }
    return nullptr;
}

QJsonObject ShopifySim::orderJson(const SimOrder &order, const QString &query,
                                  const QJsonObject &variables) const
{
    QJsonArray lineItems;
    for (int i = 0; i < order.lines.size(); ++i) {
        const SimOrderLine &line = order.lines.at(i);
        const qint64 lineId = order.orderId.toLongLong() * 10 + i + 1;
        lineItems.append(QJsonObject {
            {u"id"_s, u"gid://shopify/LineItem/%1"_s.arg(lineId)},
            {u"sku"_s, line.sku.isEmpty() ? QJsonValue() : QJsonValue(line.sku)},
            {u"quantity"_s, line.quantity},
            {u"currentQuantity"_s, order.cancelled ? 0 : line.quantity},
            {u"variant"_s,
             line.variantId
                 ? QJsonValue(QJsonObject {
                       {u"id"_s, u"gid://shopify/ProductVariant/%1"_s.arg(line.variantId)}})
                 : QJsonValue()}});
    }
    QJsonArray refunds;
    if (order.cancelled) {
        // The cancel restocked every line: one refund, the id orders/cancelled names.
        QJsonArray refundLines;
        for (const QJsonValue &item : std::as_const(lineItems))
            refundLines.append(QJsonObject {{u"lineItem"_s, QJsonObject {{u"id"_s, item[u"id"_s]}}},
                                            {u"quantity"_s, item[u"quantity"_s]},
                                            {u"restockType"_s, u"CANCEL"_s}});
        const int linesFirst = pageSize(query, u"refundLineItems"_s, variables);
        refunds.append(
            QJsonObject {{u"id"_s, u"gid://shopify/Refund/%1"_s.arg(kRefundBase + order.number)},
                         {u"refundLineItems"_s, connection(refundLines, linesFirst, {})}});
    }
    const int refundsFirst = pageSize(query, u"refunds"_s, variables);
    while (refunds.size() > refundsFirst)
        refunds.removeLast();
    const QJsonObject address {{u"zip"_s, order.shipTo.postalCode},
                               {u"countryCodeV2"_s, order.shipTo.country},
                               {u"city"_s, order.shipTo.city},
                               {u"provinceCode"_s, order.shipTo.state}};
    return QJsonObject {
        {u"id"_s, u"gid://shopify/Order/%1"_s.arg(order.orderId)},
        {u"updatedAt"_s, secondsIso(order.lastModifiedMs)},
        {u"cancelledAt"_s,
         order.cancelled ? QJsonValue(secondsIso(order.lastModifiedMs)) : QJsonValue()},
        {u"shippingAddress"_s, address},
        {u"lineItems"_s,
         connection(lineItems, pageSize(query, u"lineItems"_s, variables),
                    fieldArgument(query, u"lineItems"_s, u"after"_s, variables))},
        {u"refunds"_s, refunds},
        {u"fulfillments"_s, QJsonArray()}};
}

QJsonObject ShopifySim::ordersPage(const QString &query, const QJsonObject &variables,
                                   QString *error)
{
    // The search syntax's updated_at comparison, in whole seconds.
    const QString search = fieldArgument(query, u"orders"_s, u"query"_s, variables).toString();
    static const QRegularExpression updated(
        uR"(updated_at\s*:\s*(>=|<=|>|<)?\s*'?([0-9T:.\-+Z]+)'?)"_s);
    const QRegularExpressionMatch m = updated.match(search);
    std::optional<qint64> bound;
    QString op;
    if (m.hasMatch()) {
        const QDateTime when = QDateTime::fromString(m.captured(2), Qt::ISODateWithMs);
        if (!when.isValid()) {
            *error = u"Invalid search field for the query: %1"_s.arg(search);
            return {};
        }
        bound = when.toMSecsSinceEpoch() / 1000;
        op = m.captured(1);
    }
    QList<const SimOrder *> matching;
    for (const SimOrder &order : std::as_const(m_orders)) {
        const qint64 seconds = order.lastModifiedMs / 1000;
        if (bound &&
            !((op == ">="_L1 && seconds >= *bound) || (op == ">"_L1 && seconds > *bound) ||
              (op == "<="_L1 && seconds <= *bound) || (op == "<"_L1 && seconds < *bound) ||
              (op.isEmpty() && seconds == *bound)))
            continue;
        matching.append(&order);
    }
    const bool byUpdate = query.contains("UPDATED_AT"_L1);
    std::stable_sort(matching.begin(), matching.end(),
                     [byUpdate](const SimOrder *a, const SimOrder *b) {
                         const qint64 ka = byUpdate ? a->lastModifiedMs / 1000 : 0;
                         const qint64 kb = byUpdate ? b->lastModifiedMs / 1000 : 0;
                         return ka != kb ? ka < kb : a->number < b->number;
                     });
    QJsonArray orders;
    for (const SimOrder *order : std::as_const(matching))
        orders.append(orderJson(*order, query, variables));
    return connection(orders, pageSize(query, u"orders"_s, variables),
                      fieldArgument(query, u"orders"_s, u"after"_s, variables));
}

QJsonObject ShopifySim::orderDetail(const QString &query, const QJsonObject &variables)
{
    const SimOrder *order =
        findOrder(fieldArgument(query, u"order"_s, u"id"_s, variables).toString());
    return order ? orderJson(*order, query, variables) : QJsonObject();
}

QJsonObject ShopifySim::childNode(const QString &query, const QJsonObject &variables)
{
    // Refunds are the cancels' (the simulator fulfils nothing).
    const QString id = fieldArgument(query, u"node"_s, u"id"_s, variables).toString();
    if (!id.startsWith(u"gid://shopify/Refund/"_s))
        return {};
    for (const SimOrder &order : std::as_const(m_orders)) {
        if (!order.cancelled || kRefundBase + order.number != tail(id).toLongLong())
            continue;
        const QJsonObject refund =
            orderJson(order, query, variables).value(u"refunds"_s).toArray().at(0).toObject();
        QJsonArray all;
        for (int i = 0; i < order.lines.size(); ++i) {
            all.append(QJsonObject {{u"lineItem"_s,
                                     QJsonObject {{u"id"_s,
                                                   u"gid://shopify/LineItem/%1"_s.arg(
                                                       order.orderId.toLongLong() * 10 + i + 1)}}},
                                    {u"quantity"_s, order.lines.at(i).quantity},
                                    {u"restockType"_s, u"CANCEL"_s}});
        }
        return QJsonObject {
            {u"id"_s, id},
            {u"refundLineItems"_s,
             connection(all, pageSize(query, u"refundLineItems"_s, variables),
                        fieldArgument(query, u"refundLineItems"_s, u"after"_s, variables))}};
    }
    return {};
}

} // namespace ChannelDesk
