#pragma once

#include "channels/channelreader.h"
#include "channels/httpexchange.h"
#include "util/clock.h"

#include <QJsonObject>
#include <QString>

namespace ChannelDesk::ShopifyGraphql {

// What every GraphQL Admin API answer may carry besides its data, read the same way for the
// stock mutation, the catalogue reads and the order polls.

// Top-level GraphQL errors: [{message, extensions: {code}}], or a plain string for some HTTP
// errors ({"errors": "[API] Invalid API key or access token ..."}).
struct TopLevelErrors
{
    bool present = false;
    bool throttled = false;
    QString code;
    QString message;
};
TopLevelErrors readTopLevelErrors(const QJsonObject &root);

// extensions.cost: the query's cost and the shop's bucket.
struct CostInfo
{
    bool present = false;
    double requested = 0;
    double actual = 0;
    double currentlyAvailable = 0;
    double restoreRate = 0;
};
CostInfo readCost(const QJsonObject &root);
// How long to wait after a THROTTLED answer: (cost - currentlyAvailable) / restoreRate.
std::optional<qint64> throttleWaitMs(const CostInfo &cost);

// A query's answer: its `data` object when it ran, else the failure as a ReadStatus (HTTP and
// transport failures, THROTTLED with its wait, query errors; Shopify's own hiccups
// INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE and TIMEOUT are transient, any other query error
// will be refused again and is permanent).
struct QueryAnswer
{
    ReadStatus status;
    QJsonObject data;
};
QueryAnswer readQueryAnswer(const HttpResponse &response, const Clock &clock);

// The number at the end of a global id ("gid://shopify/LineItem/123" -> "123"); the id itself
// when it is not a gid, empty for a null id.
QString numericId(const QString &globalId);

} // namespace ChannelDesk::ShopifyGraphql
