// eBay's catalogue and quantities through the Sell Inventory API, following:
// -
// https://developer.ebay.com/api-docs/sell/inventory/resources/inventory_item/methods/getInventoryItems
//   (limit 1 to 200; offset; the answer's inventoryItems[] with sku, product.title and
//   availability.shipToLocationAvailability.quantity, total, and `next`, the URL of the next
//   page, present only when there is one: it is followed as given)
// -
// https://developer.ebay.com/api-docs/sell/inventory/resources/inventory_item/methods/bulkGetInventoryItem
//   (POST bulk_get_inventory_item {requests: [{sku}]}, up to 25; responses[] with statusCode,
//   sku, inventoryItem, errors; 200 when all were read, 207 when some were not)
#include "channels/connectioncheck.h"
#include "channels/jsonutil.h"
#include "ebayadapter.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

std::optional<qint64> shipToHome(const QJsonObject &item)
{
    return jsonInteger(item.value(u"availability"_s)
                           .toObject()
                           .value(u"shipToLocationAvailability"_s)
                           .toObject()
                           .value(u"quantity"_s));
}

} // namespace

void EbayAdapter::listListings(const QString &pageToken,
                               std::function<void(const ListingPage &)> done)
{
    QUrl url = apiUrl(m_settings.baseUrl, u"/sell/inventory/v1/inventory_item"_s);
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(kListingsPageSize));
    query.addQueryItem(u"offset"_s, pageToken.isEmpty() ? u"0"_s : pageToken);
    url.setQuery(query);
    sendHttp(m_network, this, request(url), "GET", {},
             [this, done = std::move(done)](const HttpResponse &response) {
                 ListingPage page;
                 static_cast<ReadStatus &>(page) = readFailure(response, m_clock);
                 if (!page.ok()) {
                     done(page);
                     return;
                 }
                 const QJsonObject root = *parseJsonObject(response.body);
                 for (const QJsonValue &value : root.value(u"inventoryItems"_s).toArray()) {
                     const QJsonObject item = value.toObject();
                     const QString sku = item.value(u"sku"_s).toString();
                     if (sku.isEmpty())
                         continue;
                     page.listings.append(
                         {sku, sku, shipToHome(item),
                          item.value(u"product"_s).toObject().value(u"title"_s).toString()});
                 }
                 // The next page is where eBay's own `next` link points.
                 const QString next = root.value(u"next"_s).toString();
                 if (!next.isEmpty() && !page.listings.isEmpty()) {
                     const QUrl nextUrl(next);
                     page.nextPageToken = QUrlQuery(nextUrl.query()).queryItemValue(u"offset"_s);
                 }
                 done(page);
             });
}

void EbayAdapter::readQuantityBatch(const QStringList &remoteIds,
                                    std::function<void(const QuantitiesRead &)> done)
{
    QJsonArray requests;
    for (const QString &sku : remoteIds)
        requests.append(QJsonObject {{u"sku"_s, sku}});
    const QUrl url = apiUrl(m_settings.baseUrl, u"/sell/inventory/v1/bulk_get_inventory_item"_s);
    sendHttp(m_network, this, request(url), "POST",
             compactJson(QJsonObject {{u"requests"_s, requests}}),
             [this, remoteIds, done = std::move(done)](const HttpResponse &response) {
                 QuantitiesRead result;
                 static_cast<ReadStatus &>(result) = readFailure(response, m_clock);
                 if (!result.ok()) {
                     done(result);
                     return;
                 }
                 // 200 or 207: each SKU has its own status.
                 QSet<QString> answered;
                 const QJsonObject root = *parseJsonObject(response.body);
                 for (const QJsonValue &value : root.value(u"responses"_s).toArray()) {
                     const QJsonObject item = value.toObject();
                     const QString sku = item.value(u"sku"_s).toString();
                     if (!remoteIds.contains(sku))
                         continue;
                     answered.insert(sku);
                     const int status = item.value(u"statusCode"_s).toInt();
                     const auto quantity = shipToHome(item.value(u"inventoryItem"_s).toObject());
                     if (status == 200 && quantity) {
                         result.quantities.insert(sku, *quantity);
                     } else {
                         const QJsonArray errors = item.value(u"errors"_s).toArray();
                         QString why = errors.isEmpty()
                             ? (status == 200 ? u"the inventory item has no ship-to-home quantity"_s
                                              : u"item status %1"_s.arg(status))
                             : errors.first().toObject().value(u"message"_s).toString();
                         result.missing.insert(sku, why);
                     }
                 }
                 for (const QString &sku : remoteIds) {
                     if (!answered.contains(sku))
                         result.missing.insert(sku, u"the answer does not mention it"_s);
                 }
                 done(result);
             });
}

// GET /sell/inventory/v1/inventory_item?limit=1: one inventory item of the seller.
void EbayAdapter::checkConnection(std::function<void(const ConnectionCheck &)> done)
{
    QUrl url = apiUrl(m_settings.baseUrl, u"/sell/inventory/v1/inventory_item"_s);
    url.setQuery(QUrlQuery {{u"limit"_s, u"1"_s}});
    sendHttp(m_network, this, request(url), "GET", {},
             [this, url, done = std::move(done)](const HttpResponse &response) {
                 done(connectionCheckOf(response, readFailure(response, m_clock), url));
             });
}

} // namespace ChannelDesk
