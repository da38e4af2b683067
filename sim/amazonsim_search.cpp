// The simulated Amazon's searchListingsItems. Followed: the Listings Items API 2021-08-01
// model (amzn/selling-partner-api-models, listingsItems_2021-08-01.json: marketplaceIds,
// includedData, identifiers with identifiersType, pageSize at most 20 (default 10),
// pageToken, sortBy sku|createdDate|lastUpdatedDate (default lastUpdatedDate), sortOrder
// (default DESC), createdAfter; ItemSearchResults {numberOfResults, pagination {nextToken},
// items}) and "Search for listings items": at most 1,000 results of a search can be paged.
#include "sim/amazonsim.h"
#include "util/timeformat.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

constexpr int kResultsLimit = 1000;

SimResponse spApiError(int status, const QString &code, const QString &message)
{
    return SimResponse::json(
        status,
        QJsonObject {
            {u"errors"_s, QJsonArray {QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}}});
}

SimResponse invalidInput(const QString &message)
{
    return spApiError(400, u"InvalidInput"_s, message);
}

} // namespace

QJsonObject AmazonSim::itemJson(const SimListing &listing, const QStringList &includedData) const
{
    QJsonObject item {{u"sku"_s, listing.remoteId}};
    if (includedData.contains(u"summaries"_s)) {
        item.insert(u"summaries"_s,
                    QJsonArray {QJsonObject {{u"marketplaceId"_s, m_marketplaceId},
                                             {u"asin"_s, listing.asin},
                                             {u"productType"_s, u"PRODUCT"_s},
                                             {u"conditionType"_s, u"new_new"_s},
                                             {u"status"_s,
                                              isActive(listing)
                                                  ? QJsonArray {u"BUYABLE"_s, u"DISCOVERABLE"_s}
                                                  : QJsonArray {u"DISCOVERABLE"_s}},
                                             {u"itemName"_s, listing.title},
                                             {u"createdDate"_s, isoUtc(listing.createdMs)},
                                             {u"lastUpdatedDate"_s, isoUtc(listing.createdMs)}}});
    }
    if (includedData.contains(u"fulfillmentAvailability"_s)) {
        item.insert(u"fulfillmentAvailability"_s,
                    QJsonArray {QJsonObject {{u"fulfillmentChannelCode"_s, u"DEFAULT"_s},
                                             {u"quantity"_s, listing.quantity}}});
    }
    return item;
}

SimResponse AmazonSim::searchListings(const SimRequest &request, const QString &sellerId)
{
    if (!m_readBucket.take(1, monotonicMs())) {
        countEvent(u"throttled"_s);
        return withRate(spApiError(429, u"QuotaExceeded"_s,
                                   u"You exceeded your quota for the requested resource."_s),
                        m_readBucket.rate());
    }
    const QUrlQuery &q = request.query;
    auto list = [&](const QString &name) {
        return q.queryItemValue(name, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
    };
    if (!m_sellerId.isEmpty() && sellerId != m_sellerId)
        return faultResponse(SimFault::Unauthorized);
    if (!list(u"marketplaceIds"_s).contains(m_marketplaceId))
        return invalidInput(u"Missing or invalid required parameter 'marketplaceIds'."_s);
    bool ok = true;
    const int pageSize =
        q.hasQueryItem(u"pageSize"_s) ? q.queryItemValue(u"pageSize"_s).toInt(&ok) : 10;
    if (!ok || pageSize < 1 || pageSize > 20)
        return invalidInput(u"'pageSize' must be between 1 and 20."_s);
    const QStringList identifiers = list(u"identifiers"_s);
    if (identifiers.size() > 20)
        return invalidInput(u"'identifiers' accepts at most 20 values."_s);
    if (!identifiers.isEmpty() && q.queryItemValue(u"identifiersType"_s) != "SKU"_L1)
        return invalidInput(u"The simulator searches by identifiersType SKU only."_s);
    QStringList included = list(u"includedData"_s);
    if (included.isEmpty())
        included = {u"summaries"_s};
    std::optional<qint64> createdAfter;
    if (q.hasQueryItem(u"createdAfter"_s)) {
        const QDateTime when = QDateTime::fromString(
            q.queryItemValue(u"createdAfter"_s, QUrl::FullyDecoded), Qt::ISODateWithMs);
        if (!when.isValid())
            return invalidInput(u"'createdAfter' must be an ISO 8601 date-time."_s);
        createdAfter = when.toMSecsSinceEpoch();
    }
    const QString sortBy = q.queryItemValue(u"sortBy"_s).isEmpty() ? u"lastUpdatedDate"_s
                                                                   : q.queryItemValue(u"sortBy"_s);
    const bool ascending = q.queryItemValue(u"sortOrder"_s) == "ASC"_L1;

    QList<const SimListing *> matching;
    for (const SimListing &listing : std::as_const(m_listings)) {
        if (!identifiers.isEmpty() && !identifiers.contains(listing.remoteId))
            continue;
        if (createdAfter && listing.createdMs < *createdAfter)
            continue;
        matching.append(&listing);
    }
    std::stable_sort(
        matching.begin(), matching.end(), [&](const SimListing *a, const SimListing *b) {
            if (sortBy == "sku"_L1)
                return ascending ? a->remoteId < b->remoteId : a->remoteId > b->remoteId;
            return ascending ? a->createdMs < b->createdMs : a->createdMs > b->createdMs;
        });
    int offset = 0;
    const QString token = q.queryItemValue(u"pageToken"_s, QUrl::FullyDecoded);
    if (!token.isEmpty()) {
        const QByteArray raw =
            QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
        if (!raw.startsWith("page:"))
            return invalidInput(u"Invalid pageToken."_s);
        offset = raw.mid(5).toInt();
    }
    const qsizetype reachable = std::min<qsizetype>(matching.size(), kResultsLimit);
    QJsonArray items;
    for (qsizetype i = offset; i < reachable && i < offset + pageSize; ++i)
        items.append(itemJson(*matching.at(i), included));
    QJsonObject answer {{u"numberOfResults"_s, qint64(matching.size())}, {u"items"_s, items}};
    QJsonObject pagination;
    if (offset + pageSize < reachable)
        pagination.insert(
            u"nextToken"_s,
            QString::fromLatin1(
                QByteArray("page:" + QByteArray::number(offset + pageSize))
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    if (offset > 0)
        pagination.insert(
            u"previousToken"_s,
            QString::fromLatin1(
                QByteArray("page:" + QByteArray::number(std::max(0, offset - pageSize)))
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    if (!pagination.isEmpty())
        answer.insert(u"pagination"_s, pagination);
    countEvent(u"searches"_s);
    return withRate(SimResponse::json(200, answer), m_readBucket.rate());
}

} // namespace ChannelDesk
