#include "sim/shopifysim.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

// Followed: shopify.dev Admin GraphQL reference for inventorySetQuantities (2026-07:
// InventorySetQuantityInput.changeFromQuantity, InventorySetQuantitiesUserErrorCode), the
// changelog "Making idempotency mandatory for inventory adjustments" (2026-04), "API rate
// limits" (calculated query cost, extensions.cost.throttleStatus) and "Webhooks: HTTPS
// delivery" (X-Shopify-* headers, base64 HMAC-SHA256 of the raw body).

namespace ChannelDesk {

namespace {

const QString kItemPrefix = u"gid://shopify/InventoryItem/"_s;
const QString kLocationPrefix = u"gid://shopify/Location/"_s;

// The API version from which changeFromQuantity and @idempotent are mandatory.
bool casMandatory(const QString &apiVersion)
{
    return apiVersion >= "2026-04"_L1; // "unstable" sorts after every dated version
}

QJsonObject userError(const QStringList &field, const QString &message, const QString &code)
{
    return QJsonObject {{u"field"_s, QJsonArray::fromStringList(field)},
                        {u"message"_s, message},
                        {u"code"_s, code}};
}

// A GraphQL argument given either as a string literal or as a variable.
QString argument(const QString &query, const QString &pattern, const QJsonObject &variables)
{
    const QRegularExpression re(pattern + uR"re(\s*:\s*(?:"((?:[^"\\]|\\.)*)"|\$(\w+)))re"_s);
    const QRegularExpressionMatch match = re.match(query);
    if (!match.hasMatch())
        return {};
    if (match.capturedLength(1) > 0)
        return match.captured(1);
    return variables.value(match.captured(2)).toString();
}

} // namespace

bool ShopifySim::configureType(const QJsonObject &config, QString *error)
{
    m_token = config.value("token"_L1).toString();
    if (m_token.isEmpty()) {
        *error = u"channels[%1].token (the Admin API access token) is required"_s.arg(id());
        return false;
    }
    const QJsonValue location = config.value("location_id"_L1);
    if (location.isDouble())
        m_locationGid = kLocationPrefix + QString::number(location.toInteger());
    else if (location.isString())
        m_locationGid = location.toString().startsWith(kLocationPrefix)
            ? location.toString()
            : kLocationPrefix + location.toString();
    m_shopDomain = config.value("shop_domain"_L1).toString(id() + u".myshopify.com"_s);
    m_apiVersion = config.value("api_version"_L1).toString(m_apiVersion);
    return true;
}

bool ShopifySim::configureRateLimit(const QJsonObject &rateLimit, QString *error)
{
    // Defaults: a standard plan's bucket (documented 100 points/s restore).
    const double maximum = rateLimit.value("maximum_available"_L1)
                               .toDouble(m_bucket.capacity() > 0 ? m_bucket.capacity() : 2000);
    const double restore = rateLimit.value("restore_rate"_L1)
                               .toDouble(m_bucket.capacity() > 0 ? m_bucket.rate() : 100);
    const double mutationCost = rateLimit.value("mutation_cost"_L1).toDouble(m_mutationCost);
    const double queryCost = rateLimit.value("query_cost"_L1).toDouble(m_queryCost);
    const int status = rateLimit.value("throttled_status"_L1).toInt(m_throttledStatus);
    if (maximum <= 0 || restore < 0 || mutationCost < 0 || queryCost < 0) {
        *error = u"maximum_available must be > 0; restore_rate and costs >= 0"_s;
        return false;
    }
    if (status != 200 && status != 429) {
        *error = u"throttled_status must be 200 or 429"_s;
        return false;
    }
    m_bucket.configure(maximum, restore, monotonicMs());
    m_mutationCost = mutationCost;
    m_queryCost = queryCost;
    m_throttledStatus = status;
    return true;
}

QJsonObject ShopifySim::rateLimitJson() const
{
    return QJsonObject {{u"maximum_available"_s, m_bucket.capacity()},
                        {u"restore_rate"_s, m_bucket.rate()},
                        {u"mutation_cost"_s, m_mutationCost},
                        {u"query_cost"_s, m_queryCost},
                        {u"throttled_status"_s, m_throttledStatus}};
}

void ShopifySim::seedListingExtras(SimListing &listing, const QJsonObject &seed)
{
    // Order webhooks name variants and products; unless told otherwise they carry the
    // inventory item's number, so a mapping by remote id also resolves them.
    const qint64 number = listing.remoteId.toLongLong();
    listing.variantId =
        seed.value("variant_id"_L1).toInteger(listing.variantId ? listing.variantId : number);
    listing.productId =
        seed.value("product_id"_L1).toInteger(listing.productId ? listing.productId : number);
}

SimResponse ShopifySim::faultResponse(SimFault fault)
{
    switch (fault) {
    case SimFault::TooManyRequests:
        return SimResponse::json(429,
                                 QJsonObject {{u"errors"_s,
                                               u"Exceeded 2 calls per second for api client. "
                                               u"Reduce request rates to resume "
                                               u"uninterrupted service."_s}});
    case SimFault::InternalError:
        return SimResponse::json(500, QJsonObject {{u"errors"_s, u"Internal Server Error"_s}});
    case SimFault::Unavailable:
        return SimResponse::json(503, QJsonObject {{u"errors"_s, u"Unavailable Shop"_s}});
    case SimFault::Unauthorized:
        return SimResponse::json(401,
                                 QJsonObject {{u"errors"_s,
                                               u"[API] Invalid API key or access token "
                                               u"(unrecognized login or wrong password)"_s}});
    default:
        return SimResponse::json(404, QJsonObject {{u"errors"_s, u"Not Found"_s}});
    }
}

SimResponse ShopifySim::handleApi(const SimRequest &request)
{
    static const QRegularExpression versionPattern(u"^(\\d{4}-\\d{2}|unstable)$"_s);
    const QStringList &s = request.segments;
    if (s.size() != 4 || s.at(0) != "admin"_L1 || s.at(1) != "api"_L1 ||
        s.at(3) != "graphql.json"_L1 || !versionPattern.match(s.at(2)).hasMatch())
        return faultResponse(SimFault::NotFound);
    if (request.header("x-shopify-access-token") != m_token.toUtf8())
        return faultResponse(SimFault::Unauthorized);
    if (request.method != "POST") {
        SimResponse response =
            SimResponse::json(405, QJsonObject {{u"errors"_s, u"GraphQL requests are POSTed"_s}});
        response.setHeader("Allow", "POST");
        return response;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QString query = doc.object().value("query"_L1).toString();
    if (!doc.isObject() || query.isEmpty())
        return SimResponse::json(400,
                                 QJsonObject {{u"errors"_s,
                                               QJsonObject {{u"query"_s,
                                                             u"Required parameter missing or "
                                                             u"invalid"_s}}}});
    const QJsonObject variables = doc.object().value("variables"_L1).toObject();
    const QString apiVersion = s.at(2);
    if (query.contains("inventorySetQuantities"_L1))
        return setQuantities(apiVersion, query, variables);
    // A connection test: `query ShopName { shop { name } }` (QueryRoot.shop -> Shop.name).
    static const QRegularExpression shop(
        uR"(^\s*query\s+\w*\s*\{\s*shop\s*\{\s*name\s*\}\s*\}\s*$)"_s);
    if (shop.match(query).hasMatch()) {
        countEvent(u"reads_shop"_s);
        return SimResponse::json(
            200,
            QJsonObject {
                {u"data"_s, QJsonObject {{u"shop"_s, QJsonObject {{u"name"_s, shopName()}}}}},
                {u"extensions"_s, costExtension(1, 1)}});
    }
    static const QRegularExpression reads(uR"(\b(productVariants|orders|order|nodes|node)\s*\()"_s);
    if (reads.match(query).hasMatch())
        return readQuery(query, variables);
    if (query.contains("inventoryItem"_L1))
        return readItem(query, variables);
    return topLevelError(u"The ChannelDesk simulator answers inventorySetQuantities, "
                         u"inventoryItem, productVariants, nodes, orders, order and node only"_s,
                         u"undefinedField"_s, 0);
}

QString ShopifySim::shopName() const
{
    const QString domain = m_shopDomain.isEmpty() ? u"shop.example"_s : m_shopDomain;
    return u"Simulated shop %1"_s.arg(domain.section(u'.', 0, 0));
}

QJsonObject ShopifySim::costExtension(double requested, double actual)
{
    const QJsonObject throttle {
        {u"maximumAvailable"_s, m_bucket.capacity()},
        {u"currentlyAvailable"_s, qint64(std::floor(m_bucket.available(monotonicMs())))},
        {u"restoreRate"_s, m_bucket.rate()}};
    return QJsonObject {
        {u"cost"_s,
         QJsonObject {{u"requestedQueryCost"_s, requested},
                      {u"actualQueryCost"_s, actual < 0 ? QJsonValue() : QJsonValue(actual)},
                      {u"throttleStatus"_s, throttle}}}};
}

SimResponse ShopifySim::answer(const QJsonObject &data, double cost)
{
    return SimResponse::json(
        200, QJsonObject {{u"data"_s, data}, {u"extensions"_s, costExtension(cost, cost)}});
}

SimResponse ShopifySim::throttled(double requested)
{
    countEvent(u"throttled"_s);
    const QJsonArray errors {
        QJsonObject {{u"message"_s, u"Throttled"_s},
                     {u"extensions"_s,
                      QJsonObject {{u"code"_s, u"THROTTLED"_s},
                                   {u"documentation"_s,
                                    u"https://shopify.dev/api/usage/limits#rate-limits"_s}}}}};
    return SimResponse::json(
        m_throttledStatus,
        QJsonObject {{u"errors"_s, errors}, {u"extensions"_s, costExtension(requested, -1)}});
}

SimResponse ShopifySim::topLevelError(const QString &message, const QString &code, double cost)
{
    const QJsonArray errors {
        QJsonObject {{u"message"_s, message}, {u"extensions"_s, QJsonObject {{u"code"_s, code}}}}};
    return SimResponse::json(
        200, QJsonObject {{u"errors"_s, errors}, {u"extensions"_s, costExtension(cost, cost)}});
}

SimResponse ShopifySim::setQuantities(const QString &apiVersion, const QString &query,
                                      const QJsonObject &variables)
{
    static const QRegularExpression inputVariable(
        uR"(inventorySetQuantities\s*\(\s*input\s*:\s*\$(\w+)\s*\))"_s);
    const QRegularExpressionMatch inputMatch = inputVariable.match(query);
    if (!inputMatch.hasMatch())
        return topLevelError(u"The simulator reads inventorySetQuantities' input from a "
                             u"variable: inventorySetQuantities(input: $input)"_s,
                             u"argumentLiteralsIncompatible"_s, 0);
    const QString variable = inputMatch.captured(1);
    const QJsonValue inputValue = variables.value(variable);
    if (!inputValue.isObject())
        return topLevelError(u"Variable $%1 of type InventorySetQuantitiesInput! was provided "
                             u"invalid value"_s.arg(variable),
                             u"INVALID_VARIABLE"_s, 0);
    const QJsonObject input = inputValue.toObject();
    const QString key = argument(query, u"@idempotent\\s*\\(\\s*key"_s, variables);
    if (casMandatory(apiVersion)) {
        // From 2026-04 both are required; Shopify documents "an error at runtime" without
        // its text, so the wording here is the simulator's.
        if (key.isEmpty())
            return topLevelError(u"inventorySetQuantities requires the @idempotent(key: ...) "
                                 u"directive from API version 2026-04"_s,
                                 u"BAD_REQUEST"_s, 0);
        const QJsonArray quantities = input.value("quantities"_L1).toArray();
        for (int i = 0; i < quantities.size(); ++i) {
            if (!quantities.at(i).toObject().contains("changeFromQuantity"_L1))
                return topLevelError(
                    u"Variable $%1 of type InventorySetQuantitiesInput! was provided invalid "
                    u"value for quantities.%2.changeFromQuantity (Expected value to not be "
                    u"omitted; pass null to skip the check)"_s.arg(variable)
                        .arg(i),
                    u"INVALID_VARIABLE"_s, 0);
        }
    }

    if (!m_bucket.take(m_mutationCost, monotonicMs()))
        return throttled(m_mutationCost);

    QJsonObject payload;
    if (!key.isEmpty() && m_idempotency.contains(key)) {
        const Idempotent &first = m_idempotency.value(key);
        if (first.fingerprint == QJsonDocument(input).toJson(QJsonDocument::Compact)) {
            countEvent(u"idempotent_replays"_s);
            payload = first.payload;
        } else {
            countEvent(u"idempotency_mismatches"_s);
            payload =
                QJsonObject {{u"inventoryAdjustmentGroup"_s, QJsonValue()},
                             {u"userErrors"_s,
                              QJsonArray {userError({u"input"_s},
                                                    u"The same idempotency key cannot be used with "
                                                    u"different operation parameters."_s,
                                                    u"IDEMPOTENCY_KEY_PARAMETER_MISMATCH"_s)}}};
        }
    } else {
        payload = setQuantitiesPayload(apiVersion, input, key);
        if (!key.isEmpty())
            m_idempotency.insert(
                key, Idempotent {QJsonDocument(input).toJson(QJsonDocument::Compact), payload});
    }
    return answer(QJsonObject {{u"inventorySetQuantities"_s, payload}}, m_mutationCost);
}

QJsonObject ShopifySim::setQuantitiesPayload(const QString &apiVersion, const QJsonObject &input,
                                             const QString &key)
{
    static const QStringList reasons {u"correction"_s,
                                      u"cycle_count_available"_s,
                                      u"damaged"_s,
                                      u"movement_created"_s,
                                      u"movement_updated"_s,
                                      u"movement_received"_s,
                                      u"movement_canceled"_s,
                                      u"other"_s,
                                      u"promotion"_s,
                                      u"quality_control"_s,
                                      u"received"_s,
                                      u"reservation_created"_s,
                                      u"reservation_deleted"_s,
                                      u"reservation_updated"_s,
                                      u"restock"_s,
                                      u"safety_stock"_s,
                                      u"shrinkage"_s};
    QJsonArray errors;
    const QString name = input.value("name"_L1).toString();
    if (name != "available"_L1 && name != "on_hand"_L1)
        errors.append(userError({u"input"_s, u"name"_s},
                                u"The quantity name must be either 'available' or 'on_hand'."_s,
                                u"INVALID_NAME"_s));
    const QString reason = input.value("reason"_L1).toString();
    if (!reasons.contains(reason))
        errors.append(userError({u"input"_s, u"reason"_s}, u"The specified reason is invalid."_s,
                                u"INVALID_REASON"_s));
    const bool ignoreCompare = input.value("ignoreCompareQuantity"_L1).toBool(false);
    const QJsonArray quantities = input.value("quantities"_L1).toArray();

    struct Change
    {
        SimListing *listing;
        qint64 quantity;
        QString itemGid;
        QString locationGid;
    };
    QList<Change> changes;
    QSet<QString> seen;
    for (int i = 0; i < quantities.size(); ++i) {
        const QJsonObject q = quantities.at(i).toObject();
        const QString index = QString::number(i);
        auto fieldOf = [&](const QString &f) {
            return QStringList {u"input"_s, u"quantities"_s, index, f};
        };
        const QString itemGid = q.value("inventoryItemId"_L1).toString();
        const QString locationGid = q.value("locationId"_L1).toString();
        SimListing *listing = itemGid.startsWith(kItemPrefix)
            ? findListing(itemGid.mid(kItemPrefix.size()))
            : nullptr;
        if (!listing) {
            errors.append(userError(fieldOf(u"inventoryItemId"_s),
                                    u"The specified inventory item could not be found."_s,
                                    u"INVALID_INVENTORY_ITEM"_s));
            continue;
        }
        QString error;
        const QJsonValue quantity = q.value("quantity"_L1);
        if (!locationGid.startsWith(kLocationPrefix) ||
            (!m_locationGid.isEmpty() && locationGid != m_locationGid)) {
            errors.append(userError(fieldOf(u"locationId"_s),
                                    u"The specified location could not be found."_s,
                                    u"INVALID_LOCATION"_s));
            error = u"INVALID_LOCATION"_s;
        } else if (seen.contains(itemGid + locationGid)) {
            errors.append(userError(fieldOf(u"inventoryItemId"_s),
                                    u"The combination of inventoryItemId and locationId must be "
                                    u"unique."_s,
                                    u"NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"_s));
            error = u"NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"_s;
        } else if (!quantity.isDouble() || quantity.toDouble() != std::floor(quantity.toDouble())) {
            errors.append(userError(fieldOf(u"quantity"_s), u"Quantity must be an integer."_s,
                                    u"INVALID_QUANTITY_NEGATIVE"_s));
            error = u"INVALID_QUANTITY_NEGATIVE"_s;
        } else if (quantity.toInteger() < 0) {
            errors.append(userError(fieldOf(u"quantity"_s), u"The quantity can't be negative."_s,
                                    u"INVALID_QUANTITY_NEGATIVE"_s));
            error = u"INVALID_QUANTITY_NEGATIVE"_s;
        } else if (quantity.toInteger() > 1'000'000'000) {
            errors.append(userError(fieldOf(u"quantity"_s),
                                    u"The total quantity can't be higher than 1,000,000,000."_s,
                                    u"INVALID_QUANTITY_TOO_HIGH"_s));
            error = u"INVALID_QUANTITY_TOO_HIGH"_s;
        } else if (q.contains("changeFromQuantity"_L1)) {
            const QJsonValue from = q.value("changeFromQuantity"_L1);
            if (!from.isNull() && from.toInteger() != listing->quantity) {
                errors.append(userError(fieldOf(u"changeFromQuantity"_s),
                                        u"The changeFromQuantity value does not match persisted "
                                        u"value."_s,
                                        u"CHANGE_FROM_QUANTITY_STALE"_s));
                error = u"CHANGE_FROM_QUANTITY_STALE"_s;
            }
        } else if (!casMandatory(apiVersion) && !ignoreCompare) {
            // Before 2026-04: compareQuantity, or ignoreCompareQuantity: true.
            if (!q.contains("compareQuantity"_L1)) {
                errors.append(userError(fieldOf(u"compareQuantity"_s),
                                        u"The compareQuantity argument must be given to each "
                                        u"quantity or ignored using ignoreCompareQuantity."_s,
                                        u"COMPARE_QUANTITY_REQUIRED"_s));
                error = u"COMPARE_QUANTITY_REQUIRED"_s;
            } else if (q.value("compareQuantity"_L1).toInteger() != listing->quantity) {
                errors.append(userError(fieldOf(u"compareQuantity"_s),
                                        u"The compareQuantity value does not match persisted "
                                        u"value."_s,
                                        u"COMPARE_QUANTITY_STALE"_s));
                error = u"COMPARE_QUANTITY_STALE"_s;
            }
        }
        seen.insert(itemGid + locationGid);
        if (!error.isEmpty())
            recordWrite(*listing, quantity.toInteger(), key, false, error);
        changes.append(Change {listing, quantity.toInteger(), itemGid, locationGid});
    }
    if (quantities.isEmpty())
        errors.append(userError({u"input"_s, u"quantities"_s}, u"No quantities were given."_s,
                                u"INVALID_INVENTORY_ITEM"_s));
    if (!errors.isEmpty()) {
        // The mutation is all or nothing.
        return QJsonObject {{u"inventoryAdjustmentGroup"_s, QJsonValue()},
                            {u"userErrors"_s, errors}};
    }

    QJsonArray changed;
    for (const Change &change : std::as_const(changes)) {
        const qint64 delta = change.quantity - change.listing->quantity;
        recordWrite(*change.listing, change.quantity, key, true, {});
        change.listing->quantity = change.quantity;
        const QJsonObject item {{u"id"_s, change.itemGid}};
        const QJsonObject location {{u"id"_s, change.locationGid}};
        for (const QString &changedName : {u"available"_s, u"on_hand"_s}) {
            changed.append(QJsonObject {{u"name"_s, changedName},
                                        {u"delta"_s, delta},
                                        {u"quantityAfterChange"_s, change.quantity},
                                        {u"item"_s, item},
                                        {u"location"_s, location}});
        }
    }
    countEvent(u"mutations_applied"_s);
    const QJsonObject group {
        {u"id"_s, u"gid://shopify/InventoryAdjustmentGroup/%1"_s.arg(monotonicMs())},
        {u"createdAt"_s, isoNow()},
        {u"reason"_s, reason},
        {u"referenceDocumentUri"_s, input.value("referenceDocumentUri"_L1)},
        {u"changes"_s, changed}};
    return QJsonObject {{u"inventoryAdjustmentGroup"_s, group}, {u"userErrors"_s, QJsonArray()}};
}

SimResponse ShopifySim::readItem(const QString &query, const QJsonObject &variables)
{
    const QString itemGid = argument(query, u"inventoryItem\\s*\\(\\s*id"_s, variables);
    const QString locationGid =
        argument(query, u"inventoryLevel\\s*\\(\\s*locationId"_s, variables);
    if (!m_bucket.take(m_queryCost, monotonicMs()))
        return throttled(m_queryCost);
    const SimListing *found =
        itemGid.startsWith(kItemPrefix) ? listing(itemGid.mid(kItemPrefix.size())) : nullptr;
    if (!found)
        return answer(QJsonObject {{u"inventoryItem"_s, QJsonValue()}}, m_queryCost);
    QJsonObject item {{u"id"_s, itemGid},
                      {u"sku"_s, found->sku.isEmpty() ? QJsonValue() : QJsonValue(found->sku)},
                      {u"tracked"_s, true}};
    if (query.contains("inventoryLevel"_L1)) {
        const bool locationOk = locationGid.startsWith(kLocationPrefix) &&
            (m_locationGid.isEmpty() || locationGid == m_locationGid);
        const QJsonArray levelQuantities {
            QJsonObject {{u"name"_s, u"available"_s}, {u"quantity"_s, found->quantity}},
            QJsonObject {{u"name"_s, u"on_hand"_s}, {u"quantity"_s, found->quantity}}};
        item.insert(u"inventoryLevel"_s,
                    locationOk
                        ? QJsonValue(QJsonObject {
                              {u"id"_s,
                               u"gid://shopify/InventoryLevel/%1?inventory_item_id=%2"_s.arg(
                                   locationGid.mid(kLocationPrefix.size()), found->remoteId)},
                              {u"quantities"_s, levelQuantities}})
                        : QJsonValue());
    }
    return answer(QJsonObject {{u"inventoryItem"_s, item}}, m_queryCost);
}

} // namespace ChannelDesk
