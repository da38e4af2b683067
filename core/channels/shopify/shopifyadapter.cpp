// Shopify GraphQL Admin API, following:
// - https://shopify.dev/docs/api/admin-graphql/latest/mutations/inventorySetQuantities
// - https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/InventorySetQuantityInput
//   (changeFromQuantity is mandatory from 2026-04: a value, or null to skip the check)
// - https://shopify.dev/docs/api/admin-graphql/latest/enums/InventorySetQuantitiesUserErrorCode
// -
// https://shopify.dev/changelog/making-idempotency-mandatory-for-inventory-adjustments-and-refund-mutations
//   and https://shopify.dev/docs/api/usage/implementing-idempotency (@idempotent(key: ...))
// - https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits (extensions.cost,
//   THROTTLED; the HTTP status of a throttled answer is not documented: 200 and 429 both seen)
#include "shopifyadapter.h"

#include "channels/httperror.h"
#include "channels/jsonutil.h"
#include "channels/retryafter.h"
#include "channels/shopify/shopifygraphql.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

using namespace ShopifyGraphql;

Q_LOGGING_CATEGORY(lcShopify, "channeldesk.channels.shopify")

namespace {

const QString kSetQuantitiesMutation =
    u"mutation SetAvailable($input: InventorySetQuantitiesInput!) "
    "{ inventorySetQuantities(input: $input) @idempotent(key: \"%1\") "
    "{ inventoryAdjustmentGroup { createdAt reason changes { name delta "
    "quantityAfterChange } } userErrors { field message code } } }"_s;

const QString kReadLevelQuery =
    u"query ReadAvailable($id: ID!, $locationId: ID!) "
    "{ inventoryItem(id: $id) { id inventoryLevel(locationId: $locationId) "
    "{ quantities(names: [\"available\"]) { name quantity } } } }"_s;

// Namespace for the name-based idempotency keys (a fixed random UUID).
const QUuid kKeyNamespace(u"6d0f4f3e-8a59-4c1e-9f43-2b7a61c3d0e5"_s);

// The index into input.quantities a user error names, from its field path
// ["input", "quantities", "2", "changeFromQuantity"]; -1 when it names none.
int quantityIndex(const QJsonArray &field)
{
    for (qsizetype i = 0; i + 1 < field.size(); ++i) {
        if (field.at(i).toString() == u"quantities"_s) {
            const QJsonValue next = field.at(i + 1);
            bool ok = false;
            const int index = next.isString() ? next.toString().toInt(&ok) : next.toInt(-1);
            if (next.isString())
                return ok ? index : -1;
            return index;
        }
    }
    return -1;
}

struct UserError
{
    QString code;
    QString message;
};

QString fieldPath(const QJsonArray &field)
{
    QStringList parts;
    for (const QJsonValue &part : field)
        parts.append(part.isString() ? part.toString() : QString::number(part.toInt()));
    return parts.join(u'.');
}

} // namespace

ShopifyAdapter::ShopifyAdapter(ShopifySettings settings, QNetworkAccessManager *network,
                               const Clock &clock, QObject *parent)
    : ChannelAdapter(parent)
    , m_settings(std::move(settings))
    , m_network(network)
    , m_clock(clock)
{
    if (m_settings.apiVersion.isEmpty())
        m_settings.apiVersion = QString::fromLatin1(kDefaultApiVersion);
}

QUrl ShopifyAdapter::graphqlUrl() const
{
    return apiUrl(m_settings.baseUrl, u"/admin/api/%1/graphql.json"_s.arg(m_settings.apiVersion));
}

QString ShopifyAdapter::globalId(const QString &type, const QString &id)
{
    static const QRegularExpression digits(u"^[0-9]+$"_s);
    const QString trimmed = id.trimmed();
    if (digits.match(trimmed).hasMatch())
        return u"gid://shopify/%1/%2"_s.arg(type, trimmed);
    const QString prefix = u"gid://shopify/%1/"_s.arg(type);
    if (trimmed.startsWith(prefix) && digits.match(trimmed.mid(prefix.size())).hasMatch())
        return trimmed;
    return {};
}

QString ShopifyAdapter::idempotencyKey(const QString &channelId,
                                       const QList<ListingUpdate> &updates)
{
    QByteArray name = channelId.toUtf8();
    for (const ListingUpdate &update : updates) {
        name += '\n' + update.sku.toUtf8() + '\t' + QByteArray::number(update.version) + '\t' +
            update.remoteId.toUtf8() + '\t' + QByteArray::number(update.quantityToSend()) + '\t' +
            (update.lastAckedQuantity ? QByteArray::number(*update.lastAckedQuantity)
                                      : QByteArray("null"));
    }
    return QUuid::createUuidV5(kKeyNamespace, name).toString(QUuid::WithoutBraces);
}

FailureKind ShopifyAdapter::classifyUserError(const QString &code)
{
    // A stale changeFromQuantity means the shop sold something we have not heard of yet: wait
    // for that order or read the level back, then try again. A concurrent request with the
    // same key is still running.
    if (code == "CHANGE_FROM_QUANTITY_STALE"_L1 || code == "COMPARE_QUANTITY_STALE"_L1)
        return FailureKind::StaleCompare;
    if (code == "IDEMPOTENCY_CONCURRENT_REQUEST"_L1 ||
        code == "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED"_L1)
        return FailureKind::Transient;
    return FailureKind::Permanent;
}

QNetworkRequest ShopifyAdapter::graphqlRequest() const
{
    QNetworkRequest request = makeApiRequest(graphqlUrl(), m_settings.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("X-Shopify-Access-Token", m_settings.accessToken);
    return request;
}

void ShopifyAdapter::push(const QList<ListingUpdate> &updates,
                          std::function<void(const PushReport &)> done)
{
    const QString location = globalId(u"Location"_s, m_settings.locationId);
    QList<PushOutcome> outcomes(updates.size());
    QList<ListingUpdate> sendable;
    QList<qsizetype> sentIndex;
    QJsonArray quantities;
    for (qsizetype i = 0; i < updates.size(); ++i) {
        const ListingUpdate &update = updates.at(i);
        outcomes[i].sku = update.sku;
        outcomes[i].version = update.version;
        const QString item = globalId(u"InventoryItem"_s, update.remoteId);
        if (item.isEmpty() || location.isEmpty()) {
            outcomes[i].failure = FailureKind::Permanent;
            outcomes[i].errorCode = u"INVALID_INVENTORY_ITEM"_s;
            outcomes[i].message = item.isEmpty()
                ? u"remote id \"%1\" is not a Shopify inventory item id"_s.arg(update.remoteId)
                : u"location id \"%1\" is not a Shopify location id"_s.arg(m_settings.locationId);
            continue;
        }
        QJsonObject quantity {
            {u"inventoryItemId"_s, item},
            {u"locationId"_s, location},
            {u"quantity"_s, update.quantityToSend()},
            {u"changeFromQuantity"_s,
             update.lastAckedQuantity ? QJsonValue(*update.lastAckedQuantity)
                                      : QJsonValue(QJsonValue::Null)},
        };
        quantities.append(quantity);
        sendable.append(update);
        sentIndex.append(i);
    }
    if (sendable.isEmpty()) {
        PushReport report;
        report.outcomes = outcomes;
        answerLater(this, std::move(done), report);
        return;
    }

    const QJsonObject input {
        {u"name"_s, u"available"_s},
        {u"reason"_s, u"correction"_s},
        {u"quantities"_s, quantities},
    };
    const QJsonObject body {
        {u"query"_s, kSetQuantitiesMutation.arg(idempotencyKey(m_settings.channelId, sendable))},
        {u"variables"_s, QJsonObject {{u"input"_s, input}}},
    };
    const QByteArray payload = compactJson(body);
    sendHttp(m_network, this, graphqlRequest(), "POST", payload,
             [this, sendable, sentIndex, outcomes, payload,
              done = std::move(done)](const HttpResponse &response) mutable {
                 PushReport report = interpretPush(sendable, response);
                 for (qsizetype i = 0; i < sentIndex.size(); ++i)
                     outcomes[sentIndex.at(i)] = report.outcomes.at(i);
                 report.outcomes = outcomes;
                 report.request = QString::fromUtf8(payload);
                 done(report);
             });
}

PushReport ShopifyAdapter::interpretPush(const QList<ListingUpdate> &sent,
                                         const HttpResponse &response) const
{
    PushReport report;
    report.response = bodyForInspector(response.body);
    report.retryAfterMs = parseRetryAfterMs(response.header("retry-after"), m_clock);
    for (const ListingUpdate &update : sent) {
        PushOutcome outcome;
        outcome.sku = update.sku;
        outcome.version = update.version;
        outcome.httpStatus = response.status;
        report.outcomes.append(outcome);
    }
    auto failAll = [&report](FailureKind kind, const QString &code, const QString &message) {
        for (PushOutcome &outcome : report.outcomes) {
            outcome.failure = kind;
            outcome.errorCode = code;
            outcome.message = message;
        }
    };

    const std::optional<QJsonObject> root = parseJsonObject(response.body);
    const TopLevelErrors errors = root ? readTopLevelErrors(*root) : TopLevelErrors {};
    const CostInfo cost = root ? readCost(*root) : CostInfo {};
    if (cost.present && cost.restoreRate > 0) {
        const double pointsPerCall = std::max(1.0, cost.actual > 0 ? cost.actual : cost.requested);
        report.rateLimitPerSecond = cost.restoreRate / pointsPerCall;
    }

    if (errors.throttled || response.status == 429) {
        report.throttled = true;
        if (const auto wait = throttleWaitMs(cost))
            report.retryAfterMs = std::max(*wait, report.retryAfterMs.value_or(0));
        failAll(FailureKind::Throttled, u"THROTTLED"_s,
                errors.message.isEmpty() ? u"Throttled"_s : errors.message);
        qCDebug(lcShopify) << m_settings.channelId << "throttled, waiting"
                           << report.retryAfterMs.value_or(-1) << "ms";
        return report;
    }
    if (!response.answered() || response.status < 200 || response.status >= 300) {
        const QString message =
            errors.message.isEmpty() ? describeFailure(response) : errors.message;
        failAll(classifyResponse(response), errors.code, message);
        return report;
    }
    if (!root) {
        failAll(FailureKind::Transient, u"BAD_RESPONSE"_s,
                u"HTTP %1 with a body that is not a JSON object"_s.arg(response.status));
        return report;
    }

    const QJsonValue payload = root->value(u"data"_s).toObject().value(u"inventorySetQuantities"_s);
    if (errors.present && !payload.isObject()) {
        // A query-level failure: nothing ran. Shopify's own hiccups are worth a retry; a query
        // it refuses (access denied, bad input) will be refused again.
        static const QStringList transientCodes = {u"INTERNAL_SERVER_ERROR"_s,
                                                   u"SERVICE_UNAVAILABLE"_s, u"TIMEOUT"_s};
        failAll(transientCodes.contains(errors.code) ? FailureKind::Transient
                                                     : FailureKind::Permanent,
                errors.code, errors.message);
        return report;
    }
    if (!payload.isObject()) {
        failAll(FailureKind::Transient, u"BAD_RESPONSE"_s,
                u"the answer carries no data.inventorySetQuantities"_s);
        return report;
    }

    const QJsonObject result = payload.toObject();
    const bool applied = result.value(u"inventoryAdjustmentGroup"_s).isObject();
    QHash<int, UserError> perItem;
    std::optional<UserError> general;
    const QJsonArray userErrors = result.value(u"userErrors"_s).toArray();
    for (const QJsonValue &value : userErrors) {
        const QJsonObject object = value.toObject();
        const QJsonArray field = object.value(u"field"_s).toArray();
        UserError error {object.value(u"code"_s).toString(), object.value(u"message"_s).toString()};
        if (!field.isEmpty())
            error.message += u" (field: %1)"_s.arg(fieldPath(field));
        const int index = quantityIndex(field);
        if (index >= 0 && index < sent.size()) {
            if (!perItem.contains(index))
                perItem.insert(index, error);
        } else if (!general) {
            general = error;
        }
    }

    for (qsizetype i = 0; i < report.outcomes.size(); ++i) {
        PushOutcome &outcome = report.outcomes[i];
        const auto own = perItem.constFind(static_cast<int>(i));
        if (own != perItem.cend()) {
            outcome.failure = classifyUserError(own->code);
            outcome.errorCode = own->code;
            outcome.message = own->message;
        } else if (general) {
            outcome.failure = classifyUserError(general->code);
            outcome.errorCode = general->code;
            outcome.message = general->message;
        } else if (!userErrors.isEmpty() && !applied) {
            // The mutation is all or nothing: this item was fine but was not applied.
            outcome.failure = FailureKind::Collateral;
            outcome.errorCode = u"BATCH_REJECTED"_s;
            outcome.message = u"not applied: another item of the same call was refused"_s;
        } else {
            outcome.ackedQuantity = sent.at(i).quantityToSend();
        }
    }
    if (!userErrors.isEmpty())
        qCInfo(lcShopify) << m_settings.channelId << userErrors.size() << "user error(s)";
    return report;
}

void ShopifyAdapter::readListing(const QString &remoteId,
                                 std::function<void(const ReadListingResult &)> done)
{
    const QString item = globalId(u"InventoryItem"_s, remoteId);
    const QString location = globalId(u"Location"_s, m_settings.locationId);
    if (item.isEmpty() || location.isEmpty()) {
        ReadListingResult result;
        result.failure = FailureKind::Permanent;
        result.message = u"remote id \"%1\" is not a Shopify inventory item id"_s.arg(remoteId);
        answerLater(this, std::move(done), result);
        return;
    }
    const QJsonObject body {
        {u"query"_s, kReadLevelQuery},
        {u"variables"_s, QJsonObject {{u"id"_s, item}, {u"locationId"_s, location}}},
    };
    sendHttp(m_network, this, graphqlRequest(), "POST", compactJson(body),
             [done = std::move(done)](const HttpResponse &response) {
                 ReadListingResult result;
                 const auto root = parseJsonObject(response.body);
                 const TopLevelErrors errors = root ? readTopLevelErrors(*root) : TopLevelErrors {};
                 if (errors.throttled || classifyResponse(response) != FailureKind::None) {
                     result.failure =
                         errors.throttled ? FailureKind::Throttled : classifyResponse(response);
                     result.message =
                         errors.message.isEmpty() ? describeFailure(response) : errors.message;
                     done(result);
                     return;
                 }
                 const QJsonValue itemValue = root
                     ? root->value(u"data"_s).toObject().value(u"inventoryItem"_s)
                     : QJsonValue();
                 if (errors.present && !itemValue.isObject()) {
                     result.failure = FailureKind::Permanent;
                     result.message = errors.message;
                 } else if (!itemValue.isObject()) {
                     result.failure = FailureKind::Permanent;
                     result.message = u"unknown inventory item"_s;
                 } else {
                     const QJsonValue level = itemValue.toObject().value(u"inventoryLevel"_s);
                     if (!level.isObject()) {
                         result.failure = FailureKind::Permanent;
                         result.message = u"the item is not stocked at the location"_s;
                     } else {
                         result.failure = FailureKind::Permanent;
                         result.message = u"the answer has no \"available\" quantity"_s;
                         const QJsonArray list = level.toObject().value(u"quantities"_s).toArray();
                         for (const QJsonValue &entry : list) {
                             const QJsonObject q = entry.toObject();
                             if (q.value(u"name"_s).toString() == u"available"_s) {
                                 if (auto n = jsonInteger(q.value(u"quantity"_s))) {
                                     result.failure = FailureKind::None;
                                     result.message.clear();
                                     result.quantity = *n;
                                 }
                             }
                         }
                     }
                 }
                 done(result);
             });
}

} // namespace ChannelDesk
