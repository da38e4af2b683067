// WooCommerce REST API v3, following https://woocommerce.github.io/woocommerce-rest-api-docs/
// ("Update a product" PUT /wp-json/wc/v3/products/<id>, "Batch update products" POST
// /wp-json/wc/v3/products/batch, "Update a product variation" and "Batch update product
// variations" under products/<product_id>/variations, "Errors": {code, message, data: {status}},
// batch limit 100 objects; "Authentication over HTTPS": HTTP Basic with key and secret), and
// https://developer.woocommerce.com/docs/apis/rest-api/v3/order-refunds/ ("List all refunds"
// GET /wp-json/wc/v3/orders/<id>/refunds: id, line_items[] with product_id, variation_id, sku,
// quantity negative and meta_data _refunded_item_id naming the order's line; api_restock is
// write-only, default true, so a refund read back says nothing of restocking).
#include "wooadapter.h"

#include "channels/httperror.h"
#include "channels/jsonutil.h"
#include "channels/retryafter.h"
#include "channels/woocommerce/woowebhookparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcWoo, "channeldesk.channels.woocommerce")

namespace {

struct WooError
{
    QString code;
    QString message;
    int status = 0;
};

WooError readError(const QJsonObject &object)
{
    return {object.value(u"code"_s).toString(), object.value(u"message"_s).toString(),
            object.value(u"data"_s).toObject().value(u"status"_s).toInt()};
}

QJsonObject stockBody(qint64 id, qint64 quantity)
{
    QJsonObject body {{u"manage_stock"_s, true}, {u"stock_quantity"_s, quantity}};
    if (id != 0)
        body.insert(u"id"_s, id);
    return body;
}

} // namespace

QString WooTarget::remoteId() const
{
    return isVariation() ? u"%1/%2"_s.arg(productId).arg(variationId) : QString::number(productId);
}

std::optional<WooTarget> WooTarget::parse(const QString &remoteId)
{
    static const QRegularExpression pattern(u"^\\s*([0-9]{1,18})(?:/([0-9]{1,18}))?\\s*$"_s);
    const auto match = pattern.match(remoteId);
    if (!match.hasMatch())
        return std::nullopt;
    WooTarget target;
    target.productId = match.captured(1).toLongLong();
    target.variationId = match.captured(2).isEmpty() ? 0 : match.captured(2).toLongLong();
    if (target.productId == 0 || (!match.captured(2).isEmpty() && target.variationId == 0))
        return std::nullopt;
    return target;
}

// One HTTP request's worth of a push: a single PUT, or one batch endpoint's updates.
struct WooAdapter::Group
{
    QString path;
    bool batch = false;
    QList<qsizetype> indexes; // into the push's updates
    QList<ListingUpdate> updates;
    QList<WooTarget> targets;
};

WooAdapter::WooAdapter(WooSettings settings, QNetworkAccessManager *network, const Clock &clock,
                       QObject *parent)
    : ChannelAdapter(parent)
    , m_settings(std::move(settings))
    , m_network(network)
    , m_clock(clock)
{
    if (m_settings.apiVersion.isEmpty())
        m_settings.apiVersion = u"v3"_s;
}

QUrl WooAdapter::endpoint(const QString &path) const
{
    return apiUrl(m_settings.baseUrl, u"/wp-json/wc/%1/%2"_s.arg(m_settings.apiVersion, path));
}

QNetworkRequest WooAdapter::request(const QString &path) const
{
    QNetworkRequest request = makeApiRequest(endpoint(path), m_settings.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader(
        "Authorization",
        "Basic " + QByteArray(m_settings.consumerKey + ':' + m_settings.consumerSecret).toBase64());
    return request;
}

void WooAdapter::push(const QList<ListingUpdate> &updates,
                      std::function<void(const PushReport &)> done)
{
    auto report = std::make_shared<PushReport>();
    report->outcomes.resize(updates.size());
    QList<Group> groups;
    Group simple {u"products/batch"_s, true, {}, {}, {}};
    QHash<qint64, qsizetype> variationGroup; // parent product -> index in groups
    QList<Group> variations;
    for (qsizetype i = 0; i < updates.size(); ++i) {
        const ListingUpdate &update = updates.at(i);
        PushOutcome &outcome = report->outcomes[i];
        outcome.sku = update.sku;
        outcome.version = update.version;
        const auto target = WooTarget::parse(update.remoteId);
        if (!target) {
            outcome.failure = FailureKind::Permanent;
            outcome.errorCode = u"invalid_remote_id"_s;
            outcome.message = u"remote id \"%1\" is not \"<product id>\" or "
                              "\"<product id>/<variation id>\""_s.arg(update.remoteId);
            continue;
        }
        Group *group = &simple;
        if (target->isVariation()) {
            auto found = variationGroup.constFind(target->productId);
            if (found == variationGroup.cend()) {
                variations.append(Group {
                    u"products/%1/variations/batch"_s.arg(target->productId), true, {}, {}, {}});
                found = variationGroup.insert(target->productId, variations.size() - 1);
            }
            group = &variations[*found];
        }
        group->indexes.append(i);
        group->updates.append(update);
        group->targets.append(*target);
    }
    if (!simple.indexes.isEmpty())
        groups.append(simple);
    groups.append(variations);
    for (Group &group : groups) {
        if (group.indexes.size() == 1) {
            // One listing: the plain update endpoint.
            const WooTarget &target = group.targets.first();
            group.batch = false;
            group.path = target.isVariation()
                ? u"products/%1/variations/%2"_s.arg(target.productId).arg(target.variationId)
                : u"products/%1"_s.arg(target.productId);
        }
    }
    if (groups.isEmpty()) {
        answerLater(this, std::move(done), *report);
        return;
    }

    auto remaining = std::make_shared<qsizetype>(groups.size());
    auto finish = std::make_shared<std::function<void(const PushReport &)>>(std::move(done));
    for (const Group &group : groups) {
        const QList<qsizetype> indexes = group.indexes;
        sendGroup(group, [report, remaining, finish, indexes](const PushReport &part) {
            for (qsizetype i = 0; i < indexes.size(); ++i)
                report->outcomes[indexes.at(i)] = part.outcomes.at(i);
            if (part.retryAfterMs)
                report->retryAfterMs =
                    std::max(*part.retryAfterMs, report->retryAfterMs.value_or(0));
            if (part.rateLimitPerSecond)
                report->rateLimitPerSecond = part.rateLimitPerSecond;
            report->throttled = report->throttled || part.throttled;
            auto append = [](QString &all, const QString &piece) {
                all += (all.isEmpty() ? QString() : u"\n"_s) + piece;
            };
            append(report->request, part.request);
            append(report->response, part.response);
            if (--*remaining == 0)
                (*finish)(*report);
        });
    }
}

void WooAdapter::sendGroup(const Group &group, std::function<void(const PushReport &)> done)
{
    QJsonObject body;
    if (group.batch) {
        QJsonArray update;
        for (qsizetype i = 0; i < group.updates.size(); ++i) {
            const WooTarget &target = group.targets.at(i);
            update.append(stockBody(target.isVariation() ? target.variationId : target.productId,
                                    group.updates.at(i).quantityToSend()));
        }
        body.insert(u"update"_s, update);
    } else {
        body = stockBody(0, group.updates.first().quantityToSend());
    }
    const QByteArray payload = compactJson(body);
    sendHttp(m_network, this, request(group.path), group.batch ? "POST" : "PUT", payload,
             [this, group, payload, done = std::move(done)](const HttpResponse &response) {
                 PushReport report;
                 report.request = u"%1 %2 %3"_s.arg(group.batch ? u"POST"_s : u"PUT"_s, group.path,
                                                    QString::fromUtf8(payload));
                 report.response = bodyForInspector(response.body);
                 report.retryAfterMs = parseRetryAfterMs(response.header("retry-after"), m_clock);
                 report.throttled = response.status == 429;
                 const auto root = parseJsonObject(response.body);
                 for (const ListingUpdate &update : group.updates) {
                     PushOutcome outcome;
                     outcome.sku = update.sku;
                     outcome.version = update.version;
                     outcome.httpStatus = response.status;
                     report.outcomes.append(outcome);
                 }
                 const FailureKind callFailure = classifyResponse(response);
                 if (callFailure != FailureKind::None) {
                     const WooError error = root ? readError(*root) : WooError {};
                     for (PushOutcome &outcome : report.outcomes) {
                         outcome.failure = callFailure;
                         outcome.errorCode = error.code;
                         outcome.message =
                             error.message.isEmpty() ? describeFailure(response) : error.message;
                     }
                     done(report);
                     return;
                 }
                 if (!group.batch) {
                     PushOutcome &outcome = report.outcomes.first();
                     const auto stock =
                         root ? jsonInteger(root->value(u"stock_quantity"_s)) : std::nullopt;
                     outcome.ackedQuantity = stock.value_or(group.updates.first().quantityToSend());
                     done(report);
                     return;
                 }
                 // A batch answers 200 even when items failed: each item carries the product
                 // or an error object, in the order of the request.
                 const QJsonArray items = root ? root->value(u"update"_s).toArray() : QJsonArray();
                 for (qsizetype i = 0; i < report.outcomes.size(); ++i) {
                     PushOutcome &outcome = report.outcomes[i];
                     const WooTarget &target = group.targets.at(i);
                     const qint64 id = target.isVariation() ? target.variationId : target.productId;
                     QJsonObject item;
                     if (i < items.size() &&
                         jsonInteger(items.at(i).toObject().value(u"id"_s)).value_or(id) == id) {
                         item = items.at(i).toObject();
                     } else {
                         for (const QJsonValue &candidate : items) {
                             if (jsonInteger(candidate.toObject().value(u"id"_s)) == id) {
                                 item = candidate.toObject();
                                 break;
                             }
                         }
                     }
                     if (item.isEmpty()) {
                         outcome.failure = FailureKind::Transient;
                         outcome.errorCode = u"missing_in_answer"_s;
                         outcome.message = u"the batch answer does not mention id %1"_s.arg(id);
                     } else if (item.value(u"error"_s).isObject()) {
                         const WooError error = readError(item.value(u"error"_s).toObject());
                         outcome.failure = error.status != 0 ? classifyHttpStatus(error.status)
                                                             : FailureKind::Permanent;
                         if (outcome.failure == FailureKind::None)
                             outcome.failure = FailureKind::Permanent;
                         outcome.errorCode = error.code;
                         outcome.message = error.message;
                         if (error.status != 0)
                             outcome.httpStatus = error.status;
                     } else {
                         outcome.ackedQuantity =
                             jsonInteger(item.value(u"stock_quantity"_s))
                                 .value_or(group.updates.at(i).quantityToSend());
                     }
                 }
                 done(report);
             });
}

void WooAdapter::readListing(const QString &remoteId,
                             std::function<void(const ReadListingResult &)> done)
{
    const auto target = WooTarget::parse(remoteId);
    if (!target) {
        ReadListingResult result;
        result.failure = FailureKind::Permanent;
        result.message = u"remote id \"%1\" is not a WooCommerce product id"_s.arg(remoteId);
        answerLater(this, std::move(done), result);
        return;
    }
    const QString path = target->isVariation()
        ? u"products/%1/variations/%2"_s.arg(target->productId).arg(target->variationId)
        : u"products/%1"_s.arg(target->productId);
    sendHttp(m_network, this, request(path), "GET", {},
             [done = std::move(done)](const HttpResponse &response) {
                 ReadListingResult result;
                 const auto root = parseJsonObject(response.body);
                 result.failure = classifyResponse(response);
                 if (result.failure != FailureKind::None) {
                     const WooError error = root ? readError(*root) : WooError {};
                     result.message =
                         error.message.isEmpty() ? describeFailure(response) : error.message;
                 } else if (const auto stock = root ? jsonInteger(root->value(u"stock_quantity"_s))
                                                    : std::nullopt) {
                     result.quantity = *stock;
                 } else {
                     result.failure = FailureKind::Permanent;
                     result.message =
                         u"the listing does not manage stock (stock_quantity is null)"_s;
                 }
                 done(result);
             });
}

} // namespace ChannelDesk

namespace ChannelDesk {

QList<OrderEvent> WooAdapter::refundEvents(const QJsonArray &refunds, const QString &orderId)
{
    QList<OrderEvent> events;
    for (const QJsonValue &value : refunds) {
        const QJsonObject refund = value.toObject();
        OrderEvent event;
        event.kind = OrderEventKind::Refund;
        event.orderId = orderId;
        event.eventId = jsonIdString(refund.value(u"id"_s));
        if (event.eventId.isEmpty())
            continue;
        for (const QJsonValue &itemValue : refund.value(u"line_items"_s).toArray()) {
            const QJsonObject item = itemValue.toObject();
            OrderLine line;
            // Refunded quantities are negative; a refund of money only has none.
            line.quantity = -jsonInteger(item.value(u"quantity"_s)).value_or(0);
            if (line.quantity <= 0)
                continue;
            line.sku = item.value(u"sku"_s).toString().trimmed();
            line.remoteId = WooWebhookParser::wooRemoteId(item);
            for (const QJsonValue &meta : item.value(u"meta_data"_s).toArray()) {
                if (meta.toObject().value(u"key"_s).toString() == "_refunded_item_id"_L1)
                    line.lineId = jsonIdString(meta.toObject().value(u"value"_s));
            }
            // WooCommerce keeps no restock flag on the refund (api_restock is write-only and
            // defaults to true; the admin's "Restock refunded items" is not stored on it), so a
            // refunded line is taken as restocked. Stock is only ever shown less than this.
            line.restock = true;
            event.lines.append(line);
        }
        // A refund of money only (no line items) moves no stock: nothing to apply.
        if (!event.lines.isEmpty())
            events.append(event);
    }
    return events;
}

void WooAdapter::fetchRefunds(const QString &orderId,
                              std::function<void(const FetchOrdersResult &)> done)
{
    bool numeric = false;
    orderId.toLongLong(&numeric);
    if (!numeric) {
        FetchOrdersResult result;
        result.failure = FailureKind::Permanent;
        result.message = u"order id \"%1\" is not a WooCommerce order id"_s.arg(orderId);
        answerLater(this, std::move(done), result);
        return;
    }
    QNetworkRequest get = request(u"orders/%1/refunds"_s.arg(orderId));
    QUrl url = get.url();
    url.setQuery(u"per_page=100"_s);
    get.setUrl(url);
    sendHttp(m_network, this, get, "GET", {},
             [orderId, done = std::move(done)](const HttpResponse &response) {
                 FetchOrdersResult result;
                 result.failure = classifyResponse(response);
                 const QJsonDocument doc = QJsonDocument::fromJson(response.body);
                 if (result.failure == FailureKind::None && !doc.isArray()) {
                     result.failure = FailureKind::Transient;
                     result.message =
                         u"the refunds of order %1 are not a JSON array"_s.arg(orderId);
                 } else if (result.failure != FailureKind::None) {
                     const WooError error = doc.isObject() ? readError(doc.object()) : WooError {};
                     result.message =
                         error.message.isEmpty() ? describeFailure(response) : error.message;
                 } else {
                     result.orders = refundEvents(doc.array(), orderId);
                 }
                 done(result);
             });
}

} // namespace ChannelDesk
