// Amazon's catalogue and quantities through the Listings Items API 2021-08-01
// searchListingsItems, following its model (amzn/selling-partner-api-models,
// listingsItems_2021-08-01.json) and
// https://developer-docs.amazon.com/sp-api/docs/search-for-listings-items-by-id:
// GET /listings/2021-08-01/items/{sellerId}?marketplaceIds=&includedData=summaries,
// fulfillmentAvailability&pageSize (at most 20)&pageToken&sortBy=createdDate&sortOrder=ASC&
// createdAfter, or identifiers (at most 20) with identifiersType=SKU. The answer:
// {numberOfResults, pagination {nextToken}, items [{sku, summaries [{itemName, createdDate}],
// fulfillmentAvailability [{fulfillmentChannelCode, quantity}]}]}; usage plan 5 requests/s,
// burst 5. At most 1,000 results of one search can be paged through, and a SKU with a comma
// cannot be searched for among others (commas separate identifiers): it is read on its own.
#include "amazonadapter.h"
#include "channels/connectioncheck.h"
#include "channels/jsonutil.h"
#include "channels/orderpolling.h"
#include "util/timeformat.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

// The merchant-fulfilled count; nothing for a listing Amazon fulfils (no DEFAULT channel).
std::optional<qint64> merchantQuantity(const QJsonObject &item)
{
    for (const QJsonValue &value : item.value(u"fulfillmentAvailability"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(u"fulfillmentChannelCode"_s).toString() == u"DEFAULT"_s)
            return jsonInteger(entry.value(u"quantity"_s)).value_or(0);
    }
    return std::nullopt;
}

QJsonObject firstSummary(const QJsonObject &item)
{
    return item.value(u"summaries"_s).toArray().at(0).toObject();
}

// Where a listListings() page starts: Amazon's page token within one search, and the search
// (created after a time, once 1,000 results of the previous one were paged through).
struct SearchCursor
{
    QString createdAfter; // ISO time, empty: from the first listing
    int seen = 0; // results of this search paged through
    QString nextToken;

    static SearchCursor parse(const QString &token)
    {
        SearchCursor cursor;
        const QStringList parts =
            QString::fromUtf8(
                QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding))
                .split(u'\n');
        if (parts.size() == 3) {
            cursor.createdAfter = parts.at(0);
            cursor.seen = parts.at(1).toInt();
            cursor.nextToken = parts.at(2);
        }
        return cursor;
    }
    QString toString() const
    {
        const QString text = createdAfter + u'\n' + QString::number(seen) + u'\n' + nextToken;
        return QString::fromLatin1(
            text.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
};

} // namespace

void AmazonAdapter::listListings(const QString &pageToken,
                                 std::function<void(const ListingPage &)> done)
{
    const SearchCursor cursor = SearchCursor::parse(pageToken);
    QUrl url = searchUrl();
    QUrlQuery query(url);
    query.addQueryItem(u"includedData"_s, u"summaries,fulfillmentAvailability"_s);
    query.addQueryItem(u"pageSize"_s, QString::number(kSearchPageSize));
    query.addQueryItem(u"sortBy"_s, u"createdDate"_s);
    query.addQueryItem(u"sortOrder"_s, u"ASC"_s);
    if (!cursor.createdAfter.isEmpty())
        query.addQueryItem(u"createdAfter"_s, cursor.createdAfter);
    if (!cursor.nextToken.isEmpty())
        query.addQueryItem(u"pageToken"_s,
                           QString::fromLatin1(QUrl::toPercentEncoding(cursor.nextToken)));
    url.setQuery(query);
    call(url, "GET", {},
         [this, cursor, done = std::move(done)](const HttpResponse &response,
                                                const LwaTokenSource::Token &token) {
             ListingPage page;
             static_cast<ReadStatus &>(page) = readFailure(response, token);
             if (!page.ok()) {
                 done(page);
                 return;
             }
             const QJsonObject root = *parseJsonObject(response.body);
             const QJsonArray items = root.value(u"items"_s).toArray();
             QString lastCreated;
             for (const QJsonValue &value : items) {
                 const QJsonObject item = value.toObject();
                 const QString sku = item.value(u"sku"_s).toString();
                 const QJsonObject summary = firstSummary(item);
                 lastCreated = summary.value(u"createdDate"_s).toString(lastCreated);
                 if (!sku.isEmpty())
                     page.listings.append({sku, sku, merchantQuantity(item),
                                           summary.value(u"itemName"_s).toString()});
             }
             SearchCursor next = cursor;
             next.seen += int(items.size());
             next.nextToken =
                 root.value(u"pagination"_s).toObject().value(u"nextToken"_s).toString();
             const int total = root.value(u"numberOfResults"_s).toInt();
             const QDateTime last = parseIsoTime(lastCreated);
             if (!next.nextToken.isEmpty() && !items.isEmpty()) {
                 page.nextPageToken = next.toString();
             } else if (next.seen >= kSearchResultsLimit && total > next.seen && last.isValid()) {
                 // The search's 1,000 are through: a new search from the last creation date
                 // reached (a second earlier, so none of that second is lost; some are listed
                 // twice).
                 next.createdAfter = isoUtc(last.addSecs(-1).toMSecsSinceEpoch());
                 next.seen = 0;
                 next.nextToken.clear();
                 page.nextPageToken = next.toString();
             }
             done(page);
         });
}

void AmazonAdapter::readQuantityBatch(const QStringList &remoteIds,
                                      std::function<void(const QuantitiesRead &)> done)
{
    auto result = std::make_shared<QuantitiesRead>();
    QStringList searchable;
    QStringList alone; // SKUs with a comma
    for (const QString &sku : remoteIds)
        (sku.contains(u',') ? alone : searchable).append(sku);
    auto remaining = std::make_shared<qsizetype>(alone.size() + (searchable.isEmpty() ? 0 : 1));
    auto finish = std::make_shared<std::function<void(const QuantitiesRead &)>>(std::move(done));
    auto landed = [remaining, finish, result] {
        if (--*remaining == 0)
            (*finish)(*result);
    };
    if (*remaining == 0) {
        answerLater(this, std::move(*finish), *result);
        return;
    }
    for (const QString &sku : std::as_const(alone)) {
        readListing(sku, [result, sku, landed](const ReadListingResult &read) {
            if (read.failure == FailureKind::None) {
                result->quantities.insert(sku, read.quantity);
            } else if (read.failure == FailureKind::Permanent) {
                result->missing.insert(sku, read.message);
            } else {
                result->failure = read.failure;
                result->message = read.message;
            }
            landed();
        });
    }
    if (searchable.isEmpty())
        return;
    QUrl url = searchUrl();
    QUrlQuery query(url);
    query.addQueryItem(u"identifiers"_s, searchable.join(u','));
    query.addQueryItem(u"identifiersType"_s, u"SKU"_s);
    query.addQueryItem(u"includedData"_s, u"fulfillmentAvailability"_s);
    query.addQueryItem(u"pageSize"_s, QString::number(kSearchPageSize));
    url.setQuery(query);
    call(url, "GET", {},
         [this, result, searchable, landed](const HttpResponse &response,
                                            const LwaTokenSource::Token &token) {
             const ReadStatus status = readFailure(response, token);
             if (!status.ok()) {
                 static_cast<ReadStatus &>(*result) = status;
                 landed();
                 return;
             }
             QHash<QString, QJsonObject> bySku;
             const QJsonArray items = parseJsonObject(response.body)->value(u"items"_s).toArray();
             for (const QJsonValue &value : items)
                 bySku.insert(value.toObject().value(u"sku"_s).toString(), value.toObject());
             for (const QString &sku : searchable) {
                 const auto found = bySku.constFind(sku);
                 const auto quantity =
                     found == bySku.cend() ? std::nullopt : merchantQuantity(*found);
                 if (quantity)
                     result->quantities.insert(sku, *quantity);
                 else
                     result->missing.insert(sku,
                                            found == bySku.cend()
                                                ? u"no listing with this SKU in the marketplace"_s
                                                : u"the listing has no DEFAULT fulfillment "
                                                  "availability (fulfilled by Amazon)"_s);
             }
             landed();
         });
}

// searchListingsItems with pageSize=1: the LWA token, then one listing of the seller in the
// marketplace. A token refused by LWA is a refused token too.
void AmazonAdapter::checkConnection(std::function<void(const ConnectionCheck &)> done)
{
    QUrl url = searchUrl();
    QUrlQuery query(url);
    query.addQueryItem(u"pageSize"_s, u"1"_s);
    url.setQuery(query);
    call(url, "GET", {},
         [this, url, done = std::move(done)](const HttpResponse &response,
                                             const LwaTokenSource::Token &token) {
             HttpResponse answered = response;
             QUrl called = url;
             if (token.failure != FailureKind::None) { // the token exchange's own outcome
                 answered.status = token.httpStatus;
                 answered.networkError = token.networkError;
                 answered.timedOut = token.timedOut;
                 called = m_settings.lwa.tokenBase;
             }
             ConnectionCheck check =
                 connectionCheckOf(answered, readFailure(response, token), called);
             if (token.failure != FailureKind::None && token.httpStatus >= 400 &&
                 token.httpStatus < 500 && token.httpStatus != 429)
                 check.problem = ConnectionProblem::TokenRefused; // invalid_grant, invalid_client
             done(check);
         });
}

} // namespace ChannelDesk
