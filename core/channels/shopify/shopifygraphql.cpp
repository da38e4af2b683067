// Shopify GraphQL Admin API answers, following
// https://shopify.dev/docs/api/admin-graphql (errors[] with extensions.code) and
// https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits (extensions.cost,
// THROTTLED; the HTTP status of a throttled answer is not documented: 200 and 429 both seen).
#include "shopifygraphql.h"

#include "channels/httperror.h"
#include "channels/jsonutil.h"
#include "channels/retryafter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ChannelDesk::ShopifyGraphql {

TopLevelErrors readTopLevelErrors(const QJsonObject &root)
{
    TopLevelErrors result;
    const QJsonValue errors = root.value(u"errors"_s);
    if (errors.isString()) {
        result.present = true;
        result.message = errors.toString();
        return result;
    }
    if (errors.isObject()) {
        // REST-style {"errors": {"field": ["message"]}}.
        result.present = true;
        result.message =
            QString::fromUtf8(QJsonDocument(errors.toObject()).toJson(QJsonDocument::Compact));
        return result;
    }
    const QJsonArray list = errors.toArray();
    QStringList messages;
    for (const QJsonValue &error : list) {
        const QJsonObject object = error.toObject();
        const QString code = object.value(u"extensions"_s).toObject().value(u"code"_s).toString();
        if (code == u"THROTTLED"_s)
            result.throttled = true;
        if (result.code.isEmpty())
            result.code = code;
        messages.append(object.value(u"message"_s).toString());
    }
    result.present = !list.isEmpty();
    if (result.throttled)
        result.code = u"THROTTLED"_s;
    result.message = messages.join(u"; "_s);
    return result;
}

CostInfo readCost(const QJsonObject &root)
{
    CostInfo cost;
    const QJsonObject object = root.value(u"extensions"_s).toObject().value(u"cost"_s).toObject();
    const QJsonObject throttle = object.value(u"throttleStatus"_s).toObject();
    if (object.isEmpty() || throttle.isEmpty())
        return cost;
    cost.present = true;
    cost.requested = object.value(u"requestedQueryCost"_s).toDouble();
    cost.actual = object.value(u"actualQueryCost"_s).toDouble(); // null when throttled
    cost.currentlyAvailable = throttle.value(u"currentlyAvailable"_s).toDouble();
    cost.restoreRate = throttle.value(u"restoreRate"_s).toDouble();
    return cost;
}

std::optional<qint64> throttleWaitMs(const CostInfo &cost)
{
    if (!cost.present || cost.restoreRate <= 0)
        return std::nullopt;
    const double seconds =
        std::max(0.0, (cost.requested - cost.currentlyAvailable) / cost.restoreRate);
    // A bucket never takes more than an hour to refill (1,000 points at 50/s is 20 s); a larger
    // figure is a broken answer, capped before it can overflow the conversion.
    constexpr double kMaxWaitMs = 3600.0 * 1000.0;
    const double ms = std::ceil(seconds * 1000.0);
    return std::isfinite(ms) && ms < kMaxWaitMs ? static_cast<qint64>(ms) : qint64(kMaxWaitMs);
}

QueryAnswer readQueryAnswer(const HttpResponse &response, const Clock &clock)
{
    QueryAnswer answer;
    ReadStatus &status = answer.status;
    status.httpStatus = response.status;
    status.retryAfterMs = parseRetryAfterMs(response.header("retry-after"), clock);
    const std::optional<QJsonObject> root = parseJsonObject(response.body);
    const TopLevelErrors errors = root ? readTopLevelErrors(*root) : TopLevelErrors {};
    if (errors.throttled || response.status == 429) {
        status.failure = FailureKind::Throttled;
        status.throttled = true;
        status.errorCode = u"THROTTLED"_s;
        status.message = errors.message.isEmpty() ? u"Throttled"_s : errors.message;
        if (const auto wait = throttleWaitMs(root ? readCost(*root) : CostInfo {}))
            status.retryAfterMs = std::max(*wait, status.retryAfterMs.value_or(0));
        return answer;
    }
    if (!response.answered() || response.status < 200 || response.status >= 300) {
        status.failure = classifyResponse(response);
        status.errorCode = errors.code;
        status.message = errors.message.isEmpty() ? describeFailure(response) : errors.message;
        return answer;
    }
    if (!root) {
        status.failure = FailureKind::Transient;
        status.errorCode = u"BAD_RESPONSE"_s;
        status.message = u"HTTP %1 with a body that is not a JSON object"_s.arg(response.status);
        return answer;
    }
    const QJsonValue data = root->value(u"data"_s);
    if (errors.present) {
        // A query-level failure: nothing ran, or some fields could not be resolved. Shopify's
        // own hiccups are worth a retry; a query it refuses will be refused again.
        static const QStringList transientCodes = {u"INTERNAL_SERVER_ERROR"_s,
                                                   u"SERVICE_UNAVAILABLE"_s, u"TIMEOUT"_s};
        status.failure =
            transientCodes.contains(errors.code) ? FailureKind::Transient : FailureKind::Permanent;
        status.errorCode = errors.code;
        status.message = errors.message;
        return answer;
    }
    if (!data.isObject()) {
        status.failure = FailureKind::Transient;
        status.errorCode = u"BAD_RESPONSE"_s;
        status.message = u"the answer carries no data"_s;
        return answer;
    }
    answer.data = data.toObject();
    return answer;
}

QString numericId(const QString &globalId)
{
    const qsizetype slash = globalId.lastIndexOf(u'/');
    QString tail = slash < 0 ? globalId : globalId.mid(slash + 1);
    // Some ids carry a query (gid://shopify/InventoryLevel/1?inventory_item_id=2).
    const qsizetype question = tail.indexOf(u'?');
    if (question >= 0)
        tail.truncate(question);
    return tail;
}

} // namespace ChannelDesk::ShopifyGraphql
