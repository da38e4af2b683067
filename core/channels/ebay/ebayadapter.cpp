// eBay, following:
// -
// https://developer.ebay.com/api-docs/sell/inventory/resources/inventory_item/methods/bulkUpdatePriceQuantity
//   and https://developer.ebay.com/api-docs/sell/static/inventory/bulk-updates.html (up to 25,
//   shipToLocationAvailability.quantity; 200 when all succeeded, 207 when mixed)
// - https://developer.ebay.com/api-docs/sell/inventory/types/slr:PriceQuantityResponse
//   (per item: sku, offerId, statusCode, errors[], warnings[]; ErrorDetailV3 errorId, message)
// - https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/getOrders
//   (filter=lastmodifieddate:[<iso>..], URL-encoded; limit up to 200, offset; orders[].lineItems;
//   orders[].fulfillmentStartInstructions[].shippingStep.shipTo.contactAddress;
//   orders[].cancelStatus.cancelState NONE_REQUESTED|IN_PROGRESS|CANCELED; lineItems[].lineItemId,
//   lineItemFulfillmentStatus NOT_STARTED|IN_PROGRESS|FULFILLED)
// - https://developer.ebay.com/api-docs/sell/fulfillment/types/sel:LineItemRefund (lineItems[].
//   refunds[].refundId, amount, refundDate: money, not units) and sel:OrderRefund
//   (paymentSummary.refunds[]: order-level refunds, which name no line and so move no stock)
#include "ebayadapter.h"

#include "channels/httperror.h"
#include "channels/jsonutil.h"
#include "channels/orderpolling.h"
#include "channels/retryafter.h"
#include "util/timeformat.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcEbay, "channeldesk.channels.ebay")

namespace {

struct EbayError
{
    QString code;
    QString message;
};

EbayError firstError(const QJsonArray &errors)
{
    if (errors.isEmpty())
        return {};
    const QJsonObject error = errors.first().toObject();
    QString message = error.value(u"message"_s).toString();
    const QString longMessage = error.value(u"longMessage"_s).toString();
    if (!longMessage.isEmpty() && longMessage != message)
        message += u" ("_s + longMessage + u')';
    return {jsonIdString(error.value(u"errorId"_s)), message};
}

} // namespace

ReadStatus EbayAdapter::readFailure(const HttpResponse &response, const Clock &clock)
{
    const auto root = parseJsonObject(response.body);
    const EbayError error = root ? firstError(root->value(u"errors"_s).toArray()) : EbayError {};
    return readStatusOf(response, clock, error.code, error.message, root.has_value());
}

struct EbayAdapter::OrderPoll
{
    PollMark from; // where the filter starts, and the orders at that time handed over already
    PollMark reached; // moves up with every order handed over
    int offset = 0;
    QList<OrderEvent> orders;
    std::function<void(const FetchOrdersResult &)> done;
};

EbayAdapter::EbayAdapter(EbaySettings settings, QNetworkAccessManager *network, const Clock &clock,
                         QObject *parent)
    : ChannelAdapter(parent)
    , m_settings(std::move(settings))
    , m_network(network)
    , m_clock(clock)
{
}

QNetworkRequest EbayAdapter::request(const QUrl &url) const
{
    QNetworkRequest request = makeApiRequest(url, m_settings.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + m_settings.token);
    return request;
}

void EbayAdapter::push(const QList<ListingUpdate> &updates,
                       std::function<void(const PushReport &)> done)
{
    if (updates.isEmpty()) {
        answerLater(this, std::move(done), PushReport {});
        return;
    }
    QJsonArray requests;
    QStringList ebaySkus;
    for (const ListingUpdate &update : updates) {
        const QString sku = update.remoteId.isEmpty() ? update.sku : update.remoteId;
        ebaySkus.append(sku);
        requests.append(QJsonObject {
            {u"sku"_s, sku},
            {u"shipToLocationAvailability"_s,
             QJsonObject {{u"quantity"_s, update.quantityToSend()}}},
        });
    }
    const QByteArray payload = compactJson(QJsonObject {{u"requests"_s, requests}});
    const QUrl url = apiUrl(m_settings.baseUrl, u"/sell/inventory/v1/bulk_update_price_quantity"_s);
    sendHttp(
        m_network, this, request(url), "POST", payload,
        [this, updates, ebaySkus, payload, done = std::move(done)](const HttpResponse &response) {
            PushReport report;
            report.request = QString::fromUtf8(payload);
            report.response = bodyForInspector(response.body);
            report.retryAfterMs = parseRetryAfterMs(response.header("retry-after"), m_clock);
            report.throttled = response.status == 429;
            const auto root = parseJsonObject(response.body);
            for (const ListingUpdate &update : updates) {
                PushOutcome outcome;
                outcome.sku = update.sku;
                outcome.version = update.version;
                outcome.httpStatus = response.status;
                report.outcomes.append(outcome);
            }
            const FailureKind callFailure = classifyResponse(response);
            if (callFailure != FailureKind::None) {
                const EbayError error =
                    root ? firstError(root->value(u"errors"_s).toArray()) : EbayError {};
                for (PushOutcome &outcome : report.outcomes) {
                    outcome.failure = callFailure;
                    outcome.errorCode = error.code;
                    outcome.message =
                        error.message.isEmpty() ? describeFailure(response) : error.message;
                }
                done(report);
                return;
            }
            // 200 or 207: each item has its own statusCode; match them by SKU.
            const QJsonArray responses =
                root ? root->value(u"responses"_s).toArray() : QJsonArray();
            QHash<QString, QJsonObject> bySku;
            for (const QJsonValue &value : responses) {
                const QJsonObject item = value.toObject();
                const QString sku = item.value(u"sku"_s).toString();
                if (!bySku.contains(sku))
                    bySku.insert(sku, item);
            }
            for (qsizetype i = 0; i < report.outcomes.size(); ++i) {
                PushOutcome &outcome = report.outcomes[i];
                QJsonObject item = bySku.value(ebaySkus.at(i));
                if (item.isEmpty() && i < responses.size() &&
                    !responses.at(i).toObject().contains(u"sku"_s))
                    item = responses.at(i).toObject();
                const int status = item.value(u"statusCode"_s).toInt();
                if (item.isEmpty() || status == 0) {
                    outcome.failure = FailureKind::Transient;
                    outcome.errorCode = u"MISSING_IN_ANSWER"_s;
                    outcome.message = u"the answer has no status for SKU %1"_s.arg(ebaySkus.at(i));
                    continue;
                }
                outcome.httpStatus = status;
                outcome.failure = classifyHttpStatus(status);
                if (outcome.failure == FailureKind::None) {
                    outcome.ackedQuantity = updates.at(i).quantityToSend();
                } else {
                    const EbayError error = firstError(item.value(u"errors"_s).toArray());
                    outcome.errorCode = error.code;
                    outcome.message =
                        error.message.isEmpty() ? u"item status %1"_s.arg(status) : error.message;
                }
            }
            done(report);
        });
}

void EbayAdapter::readListing(const QString &remoteId,
                              std::function<void(const ReadListingResult &)> done)
{
    QUrl url = m_settings.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + u"/sell/inventory/v1/inventory_item/"_s +
                    QString::fromLatin1(QUrl::toPercentEncoding(remoteId)),
                QUrl::TolerantMode);
    sendHttp(m_network, this, request(url), "GET", {},
             [done = std::move(done)](const HttpResponse &response) {
                 ReadListingResult result;
                 const auto root = parseJsonObject(response.body);
                 result.failure = classifyResponse(response);
                 if (result.failure != FailureKind::None) {
                     const EbayError error =
                         root ? firstError(root->value(u"errors"_s).toArray()) : EbayError {};
                     result.message =
                         error.message.isEmpty() ? describeFailure(response) : error.message;
                     done(result);
                     return;
                 }
                 const auto quantity = root
                     ? jsonInteger(root->value(u"availability"_s)
                                       .toObject()
                                       .value(u"shipToLocationAvailability"_s)
                                       .toObject()
                                       .value(u"quantity"_s))
                     : std::nullopt;
                 if (quantity) {
                     result.quantity = *quantity;
                 } else {
                     result.failure = FailureKind::Permanent;
                     result.message = u"the inventory item has no ship-to-home quantity"_s;
                 }
                 done(result);
             });
}

QList<OrderEvent> EbayAdapter::orderEvents(const QJsonObject &order) const
{
    const QString orderId = order.value(u"orderId"_s).toString();
    const qint64 now = m_clock.nowMs();
    auto event = [&](OrderEventKind kind, const QString &eventId = {}) {
        OrderEvent e;
        e.channel = m_settings.channelId;
        e.orderId = orderId;
        e.receivedAtMs = now;
        e.kind = kind;
        e.eventId = eventId;
        return e;
    };
    // The order is seen again after every change (the poll is by lastmodifieddate): the sale
    // and each event dedupe on their ids, so only what is new moves stock.
    const QString cancelState =
        order.value(u"cancelStatus"_s).toObject().value(u"cancelState"_s).toString();
    OrderEvent sale = event(OrderEventKind::Sale);
    sale.cancelled = cancelState == "CANCELED"_L1;
    // The first fulfillment instruction's address; a Global Shipping Program order names
    // eBay's hub here, which is where the parcel goes.
    const QJsonObject address = order.value(u"fulfillmentStartInstructions"_s)
                                    .toArray()
                                    .at(0) // Undefined when there is none
                                    .toObject()
                                    .value(u"shippingStep"_s)
                                    .toObject()
                                    .value(u"shipTo"_s)
                                    .toObject()
                                    .value(u"contactAddress"_s)
                                    .toObject();
    sale.shipTo = ShipTo::from(
        address.value(u"postalCode"_s).toString(), address.value(u"countryCode"_s).toString(),
        address.value(u"city"_s).toString(), address.value(u"stateOrProvince"_s).toString());
    QList<OrderEvent> refunds; // by refund id, in the order they appear
    QList<OrderEvent> shipments;
    const QJsonArray items = order.value(u"lineItems"_s).toArray();
    for (const QJsonValue &itemValue : items) {
        const QJsonObject item = itemValue.toObject();
        OrderLine line;
        line.sku = item.value(u"sku"_s).toString();
        line.quantity = jsonInteger(item.value(u"quantity"_s)).value_or(0);
        line.lineId = item.value(u"lineItemId"_s).toString();
        if (line.sku.isEmpty()) {
            // A listing made outside the Inventory API has no SKU: the line waits for a
            // mapping of its item id instead of making the order invalid.
            line.remoteId = item.value(u"legacyItemId"_s).toString();
            qCWarning(lcEbay) << m_settings.channelId << "order" << orderId
                              << "has a line without a SKU (legacy item" << line.remoteId << ")";
        }
        sale.lines.append(line);
        // Refunds issued for this line: eBay says the amount, not the units, and restocks
        // nothing on a refund, so the line's units are covered without a restock (units not
        // shipped are written off; shipped ones stay with the buyer). Returns live in the
        // Post-Order API. While a cancellation is in progress its refund belongs to it.
        if (cancelState == "NONE_REQUESTED"_L1 || cancelState.isEmpty()) {
            for (const QJsonValue &refundValue : item.value(u"refunds"_s).toArray()) {
                const QString refundId = refundValue.toObject().value(u"refundId"_s).toString();
                if (refundId.isEmpty())
                    continue;
                auto it = std::find_if(refunds.begin(), refunds.end(),
                                       [&](const OrderEvent &r) { return r.eventId == refundId; });
                if (it == refunds.end())
                    it = refunds.insert(refunds.end(), event(OrderEventKind::Refund, refundId));
                OrderLine refunded = line;
                refunded.restock = false;
                it->lines.append(refunded);
            }
        }
        // A fulfilled line shipped all its units; one shipment per line, so seeing it again
        // changes nothing.
        if (item.value(u"lineItemFulfillmentStatus"_s).toString() == "FULFILLED"_L1 &&
            !sale.cancelled && !line.lineId.isEmpty()) {
            OrderEvent ship = event(OrderEventKind::Ship, u"line-"_s + line.lineId);
            ship.lines.append(line);
            shipments.append(ship);
        }
    }
    QList<OrderEvent> events {sale};
    // The cancel before the refunds: it gives back what the order holds, and the refund that
    // comes with it then finds nothing left to write off.
    if (sale.cancelled)
        events.append(event(OrderEventKind::Cancel));
    events.append(refunds);
    events.append(shipments);
    return events;
}

void EbayAdapter::fetchOrders(const QString &highWaterMark,
                              std::function<void(const FetchOrdersResult &)> done)
{
    auto poll = std::make_shared<OrderPoll>();
    const qsizetype hash = highWaterMark.indexOf(u'#');
    poll->from =
        PollMark::parse(highWaterMark.left(hash), m_clock.nowMs(), m_settings.initialLookbackMs);
    if (hash >= 0 && parseIsoTime(highWaterMark.left(hash).section(u'|', 0, 0)).isValid())
        poll->offset = std::max(0, highWaterMark.mid(hash + 1).toInt());
    poll->reached = poll->from;
    poll->done = std::move(done);
    fetchOrderPage(poll);
}

void EbayAdapter::fetchOrderPage(std::shared_ptr<OrderPoll> poll)
{
    // The filter's range includes its start: what was handed over at that very time is
    // skipped by id (PollMark).
    const QString filter =
        u"lastmodifieddate:[%1..]"_s.arg(isoUtc(poll->from.at.toMSecsSinceEpoch()));
    QUrl url = apiUrl(m_settings.baseUrl, u"/sell/fulfillment/v1/order"_s);
    url.setQuery(u"filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(filter)) +
                     u"&limit=%1&offset=%2"_s.arg(kOrdersPageSize).arg(poll->offset),
                 QUrl::TolerantMode);
    sendHttp(m_network, this, request(url), "GET", {}, [this, poll](const HttpResponse &response) {
        FetchOrdersResult result;
        const auto root = parseJsonObject(response.body);
        const FailureKind failure = classifyResponse(response);
        if (failure != FailureKind::None || !root) {
            result.failure = failure != FailureKind::None ? failure : FailureKind::Transient;
            const EbayError error =
                root ? firstError(root->value(u"errors"_s).toArray()) : EbayError {};
            result.message = error.message.isEmpty() ? describeFailure(response) : error.message;
            result.retryAfterMs = readFailure(response, m_clock).retryAfterMs;
            // The pages read are handed over; the next poll goes on at this page of the same
            // filter, never past it.
            result.orders = poll->orders;
            result.nextHighWaterMark = poll->from.toString();
            if (poll->offset > 0)
                result.nextHighWaterMark += u'#' + QString::number(poll->offset);
            poll->done(result);
            return;
        }
        const QJsonArray orders = root->value(u"orders"_s).toArray();
        for (const QJsonValue &value : orders) {
            const QJsonObject order = value.toObject();
            const QString orderId = order.value(u"orderId"_s).toString();
            const QDateTime modified = parseIsoTime(order.value(u"lastModifiedDate"_s).toString());
            if (orderId.isEmpty() || poll->from.covers(orderId, modified))
                continue;
            poll->orders.append(orderEvents(order));
            poll->reached.advance(orderId, modified);
        }
        const int total = root->value(u"total"_s).toInt();
        poll->offset += kOrdersPageSize;
        if (!orders.isEmpty() && poll->offset < total) {
            fetchOrderPage(poll);
            return;
        }
        result.orders = poll->orders;
        result.nextHighWaterMark = poll->reached.toString();
        poll->done(result);
    });
}

} // namespace ChannelDesk
