// Shopify's catalogue and quantities through the GraphQL Admin API, following:
// - https://shopify.dev/docs/api/admin-graphql/latest/queries/productVariants (first, after;
//   ProductVariantConnection nodes, pageInfo { hasNextPage endCursor })
// - https://shopify.dev/docs/api/admin-graphql/latest/objects/InventoryItem (id, tracked,
//   inventoryLevel(locationId:) -> InventoryLevel.quantities(names: ["available"]))
// - https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes (nodes(ids:), at most 250
//   ids; a null node for an id that names nothing)
// - https://shopify.dev/docs/api/usage/pagination-graphql and the rate-limits page (a query's
//   requested cost must stay under 1,000 points; connections cost `first` times their nodes)
// Checked field by field against the Admin API schema (2025-01 and later).
#include "channels/connectioncheck.h"
#include "channels/jsonutil.h"
#include "shopifyadapter.h"
#include "shopifyorderpoll.h"

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcShopify)

using namespace ShopifyGraphql;

namespace {

const QString kItemFields = u"id tracked inventoryLevel(locationId: $locationId) "
                            "{ quantities(names: [\"available\"]) { name quantity } }"_s;

// The "available" quantity of an InventoryItem as these queries select it; nothing, with why,
// when the item keeps no count at the location.
std::optional<qint64> availableOf(const QJsonObject &item, QString *why)
{
    if (!item.value(u"tracked"_s).toBool(true)) {
        *why = u"the item's inventory is not tracked"_s;
        return std::nullopt;
    }
    const QJsonValue level = item.value(u"inventoryLevel"_s);
    if (!level.isObject()) {
        *why = u"the item is not stocked at the location"_s;
        return std::nullopt;
    }
    const QJsonArray quantities = level.toObject().value(u"quantities"_s).toArray();
    for (const QJsonValue &entry : quantities) {
        const QJsonObject q = entry.toObject();
        if (q.value(u"name"_s).toString() == u"available"_s) {
            if (const auto n = jsonInteger(q.value(u"quantity"_s)))
                return n;
        }
    }
    *why = u"the answer has no \"available\" quantity"_s;
    return std::nullopt;
}

} // namespace

QString ShopifyAdapter::listListingsQuery()
{
    return u"query ListListings($first: Int!, $after: String, $locationId: ID!) "
           "{ productVariants(first: $first, after: $after) "
           "{ nodes { id sku displayName inventoryItem { %1 } } "
           "pageInfo { hasNextPage endCursor } } }"_s.arg(kItemFields);
}

QString ShopifyAdapter::readQuantitiesQuery()
{
    return u"query ReadQuantities($ids: [ID!]!, $locationId: ID!) "
           "{ nodes(ids: $ids) { ... on InventoryItem { %1 } } }"_s.arg(kItemFields);
}

void ShopifyAdapter::query(const QString &text, const QJsonObject &variables,
                           std::function<void(const QueryAnswer &)> done)
{
    const QJsonObject body {{u"query"_s, text}, {u"variables"_s, variables}};
    sendHttp(m_network, this, graphqlRequest(), "POST", compactJson(body),
             [this, done = std::move(done)](const HttpResponse &response) {
                 done(readQueryAnswer(response, m_clock));
             });
}

void ShopifyAdapter::listListings(const QString &pageToken,
                                  std::function<void(const ListingPage &)> done)
{
    const QString location = globalId(u"Location"_s, m_settings.locationId);
    if (location.isEmpty()) {
        ListingPage page;
        page.failure = FailureKind::Permanent;
        page.message =
            u"location id \"%1\" is not a Shopify location id"_s.arg(m_settings.locationId);
        answerLater(this, std::move(done), page);
        return;
    }
    QJsonObject variables {{u"first"_s, kListingsPageSize}, {u"locationId"_s, location}};
    variables.insert(u"after"_s, pageToken.isEmpty() ? QJsonValue() : QJsonValue(pageToken));
    query(listListingsQuery(), variables, [done = std::move(done)](const QueryAnswer &answer) {
        ListingPage page;
        static_cast<ReadStatus &>(page) = answer.status;
        if (!page.ok()) {
            done(page);
            return;
        }
        const QJsonObject variants = answer.data.value(u"productVariants"_s).toObject();
        for (const QJsonValue &value : variants.value(u"nodes"_s).toArray()) {
            const QJsonObject variant = value.toObject();
            const QJsonObject item = variant.value(u"inventoryItem"_s).toObject();
            RemoteListing listing;
            // The same form a mapping file and the push use: the inventory item's number.
            listing.remoteId = numericId(item.value(u"id"_s).toString());
            if (listing.remoteId.isEmpty())
                continue;
            listing.sku = variant.value(u"sku"_s).toString().trimmed();
            listing.title = variant.value(u"displayName"_s).toString();
            QString why;
            listing.quantity = availableOf(item, &why);
            page.listings.append(listing);
        }
        const QJsonObject pageInfo = variants.value(u"pageInfo"_s).toObject();
        if (pageInfo.value(u"hasNextPage"_s).toBool())
            page.nextPageToken = pageInfo.value(u"endCursor"_s).toString();
        done(page);
    });
}

void ShopifyAdapter::readQuantityBatch(const QStringList &remoteIds,
                                       std::function<void(const QuantitiesRead &)> done)
{
    QuantitiesRead result;
    const QString location = globalId(u"Location"_s, m_settings.locationId);
    QHash<QString, QStringList> asked; // gid -> the ids as asked (digits or the gid)
    QJsonArray ids;
    for (const QString &remoteId : remoteIds) {
        const QString gid = globalId(u"InventoryItem"_s, remoteId);
        if (gid.isEmpty()) {
            result.missing.insert(
                remoteId, u"remote id \"%1\" is not a Shopify inventory item id"_s.arg(remoteId));
            continue;
        }
        if (!asked.contains(gid))
            ids.append(gid);
        asked[gid].append(remoteId);
    }
    if (location.isEmpty()) {
        result.failure = FailureKind::Permanent;
        result.message =
            u"location id \"%1\" is not a Shopify location id"_s.arg(m_settings.locationId);
    }
    if (ids.isEmpty() || !result.ok()) {
        answerLater(this, std::move(done), result);
        return;
    }
    const QJsonObject variables {{u"ids"_s, ids}, {u"locationId"_s, location}};
    query(readQuantitiesQuery(), variables,
          [result, asked, ids, done = std::move(done)](const QueryAnswer &answer) mutable {
              static_cast<ReadStatus &>(result) = answer.status;
              if (!result.ok()) {
                  done(result);
                  return;
              }
              // nodes answers in the order asked, null for an id that names nothing.
              const QJsonArray nodes = answer.data.value(u"nodes"_s).toArray();
              for (qsizetype i = 0; i < ids.size(); ++i) {
                  const QString gid = ids.at(i).toString();
                  const QJsonObject item = nodes.at(i).toObject(); // empty for null
                  QString why = u"unknown inventory item"_s;
                  std::optional<qint64> available;
                  if (!item.isEmpty() && item.value(u"id"_s).toString() == gid)
                      available = availableOf(item, &why);
                  for (const QString &remoteId : asked.value(gid)) {
                      if (available)
                          result.quantities.insert(remoteId, *available);
                      else
                          result.missing.insert(remoteId, why);
                  }
              }
              done(result);
          });
}

void ShopifyAdapter::fetchOrders(const QString &highWaterMark,
                                 std::function<void(const FetchOrdersResult &)> done)
{
    ShopifyOrderPoll::start(this, highWaterMark, m_settings.pollEdits, std::move(done));
}

// The cheapest query there is: the shop's own name (QueryRoot.shop -> Shop.name, String!).
void ShopifyAdapter::checkConnection(std::function<void(const ConnectionCheck &)> done)
{
    const QJsonObject body {{u"query"_s, u"query ShopName { shop { name } }"_s},
                            {u"variables"_s, QJsonObject()}};
    sendHttp(m_network, this, graphqlRequest(), "POST", compactJson(body),
             [this, done = std::move(done)](const HttpResponse &response) {
                 const QueryAnswer answer = readQueryAnswer(response, m_clock);
                 ConnectionCheck check =
                     connectionCheckOf(response, answer.status, m_settings.baseUrl);
                 if (check.ok())
                     check.shopName =
                         answer.data.value(u"shop"_s).toObject().value(u"name"_s).toString();
                 done(check);
             });
}

} // namespace ChannelDesk
