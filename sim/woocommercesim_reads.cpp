// The simulated WooCommerce's collections. Followed: the REST API v3 docs ("List all
// products", "List all product variations", "List all orders": per_page 1 to 100, default 10;
// page; include; orderby; order, default desc; modified_after with dates_are_gmt; the
// X-WP-Total and X-WP-TotalPages headers) and WooCommerce's WC_REST_CRUD_Controller (modified
// is compared strictly after, in whole seconds; sorting by date or modified adds the id).
#include "sim/woocommercesim.h"
#include "util/timeformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

SimResponse invalidParam(const QString &param, const QString &message)
{
    return SimResponse::json(
        400,
        QJsonObject {
            {u"code"_s, u"rest_invalid_param"_s},
            {u"message"_s, u"Invalid parameter(s): %1"_s.arg(param)},
            {u"data"_s,
             QJsonObject {{u"status"_s, 400}, {u"params"_s, QJsonObject {{param, message}}}}}});
}

struct Paging
{
    int perPage = 10;
    int page = 1;
    QSet<qint64> include; // empty: all
    bool ascending = false;
    QString orderby = QStringLiteral("date");
};

std::optional<SimResponse> readPaging(const SimRequest &request, Paging *paging)
{
    const QUrlQuery &q = request.query;
    bool ok = true;
    if (q.hasQueryItem(u"per_page"_s)) {
        paging->perPage = q.queryItemValue(u"per_page"_s).toInt(&ok);
        if (!ok || paging->perPage < 1 || paging->perPage > 100)
            return invalidParam(u"per_page"_s,
                                u"per_page must be between 1 (inclusive) and 100 "
                                u"(inclusive)"_s);
    }
    if (q.hasQueryItem(u"page"_s)) {
        paging->page = q.queryItemValue(u"page"_s).toInt(&ok);
        if (!ok || paging->page < 1)
            return invalidParam(u"page"_s, u"page must be greater than or equal to 1"_s);
    }
    const QStringList ids =
        q.queryItemValue(u"include"_s, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
    for (const QString &id : ids)
        paging->include.insert(id.trimmed().toLongLong());
    paging->ascending = q.queryItemValue(u"order"_s) == "asc"_L1;
    if (q.hasQueryItem(u"orderby"_s))
        paging->orderby = q.queryItemValue(u"orderby"_s);
    static const QStringList orderbys {u"date"_s,  u"id"_s,   u"include"_s,
                                       u"title"_s, u"slug"_s, u"modified"_s};
    if (!orderbys.contains(paging->orderby))
        return invalidParam(u"orderby"_s,
                            u"orderby is not one of %1."_s.arg(orderbys.join(u", "_s)));
    return std::nullopt;
}

// One page of `items` (already in order), with WooCommerce's paging headers.
SimResponse page(const QList<QJsonObject> &items, const Paging &paging)
{
    QJsonArray body;
    const qsizetype start = qsizetype(paging.page - 1) * paging.perPage;
    for (qsizetype i = start; i < items.size() && i < start + paging.perPage; ++i)
        body.append(items.at(i));
    SimResponse response = SimResponse::json(200, body);
    const qsizetype pages = (items.size() + paging.perPage - 1) / paging.perPage;
    response.setHeader("X-WP-Total", QByteArray::number(items.size()));
    response.setHeader("X-WP-TotalPages", QByteArray::number(pages));
    return response;
}

void sortById(QList<QJsonObject> &items, bool ascending)
{
    std::stable_sort(items.begin(), items.end(),
                     [ascending](const QJsonObject &a, const QJsonObject &b) {
                         const qint64 ia = a.value(u"id"_s).toInteger();
                         const qint64 ib = b.value(u"id"_s).toInteger();
                         return ascending ? ia < ib : ia > ib;
                     });
}

} // namespace

SimResponse WooCommerceSim::listProducts(const SimRequest &request)
{
    Paging paging;
    if (const auto bad = readPaging(request, &paging))
        return *bad;
    QList<QJsonObject> products;
    QSet<qint64> variable;
    for (const SimListing &listing : std::as_const(m_listings)) {
        if (listing.variantId == 0) {
            products.append(productJson(listing));
        } else if (!variable.contains(listing.productId)) {
            // A variation's parent: a variable product, whose stock its variations keep.
            variable.insert(listing.productId);
            products.append(QJsonObject {{u"id"_s, listing.productId},
                                         {u"name"_s, u"Product %1"_s.arg(listing.productId)},
                                         {u"type"_s, u"variable"_s},
                                         {u"status"_s, u"publish"_s},
                                         {u"sku"_s, QString()},
                                         {u"manage_stock"_s, false},
                                         {u"stock_quantity"_s, QJsonValue()},
                                         {u"stock_status"_s, u"instock"_s}});
        }
    }
    if (!paging.include.isEmpty())
        products.removeIf([&](const QJsonObject &p) {
            return !paging.include.contains(p.value(u"id"_s).toInteger());
        });
    sortById(products, paging.ascending);
    return page(products, paging);
}

SimResponse WooCommerceSim::listVariations(const SimRequest &request, qint64 parentId)
{
    Paging paging;
    if (const auto bad = readPaging(request, &paging))
        return *bad;
    QList<QJsonObject> variations;
    bool parentExists = false;
    for (const SimListing &listing : std::as_const(m_listings)) {
        parentExists = parentExists || listing.productId == parentId;
        if (listing.productId == parentId && listing.variantId != 0 &&
            (paging.include.isEmpty() || paging.include.contains(listing.variantId)))
            variations.append(productJson(listing));
    }
    if (!parentExists)
        return SimResponse::json(404,
                                 QJsonObject {{u"code"_s, u"woocommerce_rest_product_invalid_id"_s},
                                              {u"message"_s, u"Invalid ID."_s},
                                              {u"data"_s, QJsonObject {{u"status"_s, 404}}}});
    sortById(variations, paging.ascending);
    return page(variations, paging);
}

SimResponse WooCommerceSim::listOrders(const SimRequest &request)
{
    Paging paging;
    if (const auto bad = readPaging(request, &paging))
        return *bad;
    std::optional<qint64> after; // seconds since the epoch
    const QString afterText = request.query.queryItemValue(u"modified_after"_s, QUrl::FullyDecoded);
    if (!afterText.isEmpty()) {
        // WooCommerce reads the date in the site's zone unless dates_are_gmt; the simulated
        // site runs on UTC, so both read the same.
        QDateTime when = QDateTime::fromString(afterText, Qt::ISODate);
        if (when.isValid() && when.timeSpec() == Qt::LocalTime)
            when = QDateTime(when.date(), when.time(), Qt::UTC);
        if (!when.isValid())
            return invalidParam(u"modified_after"_s, u"Invalid date."_s);
        after = when.toMSecsSinceEpoch() / 1000;
    }
    QList<const SimOrder *> matching;
    for (const SimOrder &order : std::as_const(m_orders)) {
        if (!after || order.lastModifiedMs / 1000 > *after)
            matching.append(&order);
    }
    const bool byModified = paging.orderby == "modified"_L1;
    std::stable_sort(matching.begin(), matching.end(), [&](const SimOrder *a, const SimOrder *b) {
        const qint64 ka = byModified ? a->lastModifiedMs / 1000 : a->createdMs / 1000;
        const qint64 kb = byModified ? b->lastModifiedMs / 1000 : b->createdMs / 1000;
        if (ka != kb)
            return paging.ascending ? ka < kb : ka > kb;
        return paging.ascending ? a->orderId.toLongLong() < b->orderId.toLongLong()
                                : a->orderId.toLongLong() > b->orderId.toLongLong();
    });
    QList<QJsonObject> orders;
    for (const SimOrder *order : std::as_const(matching))
        orders.append(orderJson(*order));
    countEvent(u"order_reads"_s);
    return page(orders, paging);
}

} // namespace ChannelDesk
