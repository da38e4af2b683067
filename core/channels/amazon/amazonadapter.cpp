// Amazon Selling Partner API, following:
// - https://developer-docs.amazon.com/sp-api/docs/listings-items-api-v2021-08-01-reference
//   (patchListingsItem: PATCH /listings/2021-08-01/items/{sellerId}/{sku}?marketplaceIds=...,
//   body {productType, patches[]}; answer {sku, status ACCEPTED|INVALID|VALID, submissionId,
//   issues[{code, message, severity, attributeNames}]}; usage plan 5 requests/s, burst 5, the
//   applied rate in x-amzn-RateLimit-Limit)
// - https://developer-docs.amazon.com/sp-api/docs/partially-update-a-listing and the use case
//   guide's fulfillment_availability example ([{fulfillment_channel_code: "DEFAULT", quantity}])
// - https://developer-docs.amazon.com/sp-api/docs/orders-api-v0-reference (getOrders with
//   MarketplaceIds and LastUpdatedAfter, payload.Orders[], NextToken; getOrderItems
//   payload.OrderItems[].SellerSKU/OrderItemId/QuantityOrdered/QuantityShipped; OrderStatus
//   Pending, Unshipped, PartiallyShipped, Shipped, Canceled, Unfulfillable, InvoiceUnconfirmed;
//   Order.ShippingAddress PostalCode, CountryCode,
//   City and StateOrRegion, which need no restricted data token, unlike the name and street)
// - https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api
//   (x-amz-access-token; 403 Unauthorized for a bad or expired token)
#include "amazonadapter.h"

#include "channels/httperror.h"
#include "channels/jsonutil.h"
#include "channels/orderpolling.h"
#include "channels/retryafter.h"
#include "util/timeformat.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSet>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcAmazon, "channeldesk.channels.amazon")

namespace {

struct SpApiError
{
    QString code;
    QString message;
};

SpApiError firstError(const std::optional<QJsonObject> &root)
{
    if (!root)
        return {};
    const QJsonArray errors = root->value(u"errors"_s).toArray();
    if (errors.isEmpty())
        return {};
    const QJsonObject error = errors.first().toObject();
    QString message = error.value(u"message"_s).toString();
    const QString details = error.value(u"details"_s).toString();
    if (!details.isEmpty())
        message += u" ("_s + details + u')';
    return {error.value(u"code"_s).toString(), message};
}

QUrl withPath(const QUrl &base, const QString &encodedPath)
{
    QUrl url = base;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + encodedPath, QUrl::TolerantMode);
    return url;
}

QString pathSegment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

ReadStatus AmazonAdapter::readFailure(const HttpResponse &response,
                                      const LwaTokenSource::Token &token) const
{
    ReadStatus status;
    if (token.failure != FailureKind::None) {
        status.failure = token.failure;
        status.httpStatus = token.httpStatus;
        status.errorCode = token.errorCode;
        status.message = token.message;
        return status;
    }
    const auto root = parseJsonObject(response.body);
    const SpApiError error = firstError(root);
    return readStatusOf(response, m_clock, error.code, error.message, root.has_value());
}

struct AmazonAdapter::OrderPoll
{
    QDateTime from;
    QDateTime highWater;
    QString nextToken;
    QList<QString> pendingOrderIds; // oldest update first
    QHash<QString, QDateTime> updatedAt;
    QHash<QString, ShipTo> shipTo;
    QHash<QString, QString> status; // OrderStatus by order id
    QSet<QString> finishedAtFrom; // orders handed over already, updated exactly at `from`
    OrderEvent current;
    QList<OrderEvent> currentShipments; // of `current`, from its items' QuantityShipped
    QString itemsNextToken;
    QList<OrderEvent> orders;
    std::function<void(const FetchOrdersResult &)> done;
};

AmazonAdapter::AmazonAdapter(AmazonSettings settings, QNetworkAccessManager *network,
                             const Clock &clock, QObject *parent)
    : ChannelAdapter(parent)
    , m_settings(std::move(settings))
    , m_network(network)
    , m_clock(clock)
    , m_tokens(new LwaTokenSource(m_settings.lwa, network, clock, m_settings.timeoutMs, this))
{
}

QUrl AmazonAdapter::listingUrl(const QString &sellerSku) const
{
    QUrl url = withPath(m_settings.baseUrl,
                        u"/listings/2021-08-01/items/%1/%2"_s.arg(pathSegment(m_settings.sellerId),
                                                                  pathSegment(sellerSku)));
    QUrlQuery query;
    query.addQueryItem(u"marketplaceIds"_s, m_settings.marketplaceId);
    url.setQuery(query);
    return url;
}

QJsonArray AmazonAdapter::quantityPatches(qint64 quantity)
{
    return QJsonArray {QJsonObject {
        {u"op"_s, u"replace"_s},
        {u"path"_s, u"/attributes/fulfillment_availability"_s},
        {u"value"_s,
         QJsonArray {QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s},
                                  {u"quantity"_s, quantity}}}},
    }};
}

QUrl AmazonAdapter::searchUrl() const
{
    QUrl url = withPath(m_settings.baseUrl,
                        u"/listings/2021-08-01/items/%1"_s.arg(pathSegment(m_settings.sellerId)));
    QUrlQuery query;
    query.addQueryItem(u"marketplaceIds"_s, m_settings.marketplaceId);
    url.setQuery(query);
    return url;
}

void AmazonAdapter::call(
    const QUrl &url, const QByteArray &verb, const QByteArray &body,
    std::function<void(const HttpResponse &, const LwaTokenSource::Token &)> done, bool retried)
{
    m_tokens->get([this, url, verb, body, retried,
                   done = std::move(done)](const LwaTokenSource::Token &token) mutable {
        if (token.failure != FailureKind::None) {
            done(HttpResponse {}, token);
            return;
        }
        QNetworkRequest request = makeApiRequest(url, m_settings.timeoutMs);
        request.setRawHeader("x-amz-access-token", token.accessToken);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        sendHttp(m_network, this, request, verb, body,
                 [this, url, verb, body, retried, token,
                  done = std::move(done)](const HttpResponse &response) mutable {
                     if (response.status == 403 && !token.fresh && !retried) {
                         // The cached token may have expired early: renew it once.
                         qCInfo(lcAmazon) << m_settings.channelId << "403, renewing the token";
                         m_tokens->invalidate();
                         call(url, verb, body, std::move(done), true);
                         return;
                     }
                     done(response, token);
                 });
    });
}

void AmazonAdapter::push(const QList<ListingUpdate> &updates,
                         std::function<void(const PushReport &)> done)
{
    if (updates.isEmpty()) {
        answerLater(this, std::move(done), PushReport {});
        return;
    }
    if (updates.size() == 1) {
        pushOne(updates.first(), std::move(done));
        return;
    }
    // More than maxBatchSize(): one call per listing, one combined report.
    auto report = std::make_shared<PushReport>();
    report->outcomes.resize(updates.size());
    auto remaining = std::make_shared<qsizetype>(updates.size());
    auto finish = std::make_shared<std::function<void(const PushReport &)>>(std::move(done));
    for (qsizetype i = 0; i < updates.size(); ++i) {
        pushOne(updates.at(i), [report, remaining, finish, i](const PushReport &part) {
            report->outcomes[i] = part.outcomes.first();
            if (part.retryAfterMs)
                report->retryAfterMs =
                    std::max(*part.retryAfterMs, report->retryAfterMs.value_or(0));
            if (part.rateLimitPerSecond)
                report->rateLimitPerSecond = part.rateLimitPerSecond;
            report->throttled = report->throttled || part.throttled;
            report->request += (report->request.isEmpty() ? QString() : u"\n"_s) + part.request;
            report->response += (report->response.isEmpty() ? QString() : u"\n"_s) + part.response;
            if (--*remaining == 0)
                (*finish)(*report);
        });
    }
}

void AmazonAdapter::pushOne(const ListingUpdate &update,
                            std::function<void(const PushReport &)> done)
{
    const QString sellerSku = update.remoteId.isEmpty() ? update.sku : update.remoteId;
    const QJsonObject body {{u"productType"_s, u"PRODUCT"_s},
                            {u"patches"_s, quantityPatches(update.quantityToSend())}};
    const QByteArray payload = compactJson(body);
    const QUrl url = listingUrl(sellerSku);
    call(url, "PATCH", payload,
         [this, update, payload, url, done = std::move(done)](const HttpResponse &response,
                                                              const LwaTokenSource::Token &token) {
             PushReport report;
             report.request =
                 u"PATCH %1 %2"_s.arg(url.path(QUrl::FullyEncoded), QString::fromUtf8(payload));
             report.response = bodyForInspector(response.body);
             PushOutcome outcome;
             outcome.sku = update.sku;
             outcome.version = update.version;
             outcome.httpStatus = response.status;
             if (token.failure != FailureKind::None) {
                 outcome.failure = token.failure;
                 outcome.httpStatus = token.httpStatus;
                 outcome.errorCode = token.errorCode;
                 outcome.message = token.message;
                 report.outcomes.append(outcome);
                 done(report);
                 return;
             }
             report.retryAfterMs = parseRetryAfterMs(response.header("retry-after"), m_clock);
             bool ok = false;
             const double limit = response.header("x-amzn-ratelimit-limit").trimmed().toDouble(&ok);
             if (ok && limit > 0)
                 report.rateLimitPerSecond = limit;
             report.throttled = response.status == 429;
             const auto root = parseJsonObject(response.body);
             outcome.failure = classifyResponse(response);
             if (outcome.failure != FailureKind::None) {
                 const SpApiError error = firstError(root);
                 outcome.errorCode = error.code;
                 outcome.message =
                     error.message.isEmpty() ? describeFailure(response) : error.message;
             } else {
                 const QString status = root ? root->value(u"status"_s).toString() : QString();
                 if (status == u"ACCEPTED"_s || status == u"VALID"_s) {
                     outcome.ackedQuantity = update.quantityToSend();
                 } else if (status == u"INVALID"_s) {
                     // A 200 that refuses the submission: permanent, with Amazon's issues.
                     outcome.failure = FailureKind::Permanent;
                     const QJsonArray issues = root->value(u"issues"_s).toArray();
                     QStringList messages;
                     // Errors first: they are why it was refused; warnings only add context.
                     for (const QString &severity : {u"ERROR"_s, u"WARNING"_s}) {
                         for (const QJsonValue &value : issues) {
                             const QJsonObject issue = value.toObject();
                             if (issue.value(u"severity"_s).toString() != severity)
                                 continue;
                             if (outcome.errorCode.isEmpty())
                                 outcome.errorCode = issue.value(u"code"_s).toString();
                             messages.append(issue.value(u"message"_s).toString());
                         }
                     }
                     outcome.message = messages.isEmpty() ? u"INVALID"_s : messages.join(u"; "_s);
                 } else {
                     outcome.failure = FailureKind::Transient;
                     outcome.errorCode = u"BAD_RESPONSE"_s;
                     outcome.message = u"unexpected submission status \"%1\""_s.arg(status);
                 }
             }
             report.outcomes.append(outcome);
             done(report);
         });
}

void AmazonAdapter::readListing(const QString &remoteId,
                                std::function<void(const ReadListingResult &)> done)
{
    QUrl url = listingUrl(remoteId);
    QUrlQuery query(url);
    query.addQueryItem(u"includedData"_s, u"fulfillmentAvailability"_s);
    url.setQuery(query);
    call(
        url, "GET", {},
        [done = std::move(done)](const HttpResponse &response, const LwaTokenSource::Token &token) {
            ReadListingResult result;
            if (token.failure != FailureKind::None) {
                result.failure = token.failure;
                result.message = token.message;
                done(result);
                return;
            }
            const auto root = parseJsonObject(response.body);
            result.failure = classifyResponse(response);
            if (result.failure != FailureKind::None) {
                const SpApiError error = firstError(root);
                result.message =
                    error.message.isEmpty() ? describeFailure(response) : error.message;
                done(result);
                return;
            }
            result.failure = FailureKind::Permanent;
            result.message = u"the listing has no DEFAULT fulfillment availability"_s;
            const QJsonArray availability =
                root ? root->value(u"fulfillmentAvailability"_s).toArray() : QJsonArray();
            for (const QJsonValue &value : availability) {
                const QJsonObject entry = value.toObject();
                if (entry.value(u"fulfillmentChannelCode"_s).toString() == u"DEFAULT"_s) {
                    result.failure = FailureKind::None;
                    result.message.clear();
                    result.quantity = jsonInteger(entry.value(u"quantity"_s)).value_or(0);
                }
            }
            done(result);
        });
}

void AmazonAdapter::fetchOrders(const QString &highWaterMark,
                                std::function<void(const FetchOrdersResult &)> done)
{
    auto poll = std::make_shared<OrderPoll>();
    // The mark is "<ISO time>" or "<ISO time>|<id>,<id>...": the ids were handed over already
    // and were updated at exactly that time (LastUpdatedAfter is inclusive and Amazon's times
    // are whole seconds, so without them a busy second would be fetched again and again).
    const qsizetype bar = highWaterMark.indexOf(u'|');
    if (bar >= 0) {
        const QStringList ids = highWaterMark.mid(bar + 1).split(u',', Qt::SkipEmptyParts);
        poll->finishedAtFrom = QSet<QString>(ids.cbegin(), ids.cend());
    }
    poll->from = pollStart(highWaterMark.left(bar), m_clock.nowMs(), m_settings.initialLookbackMs);
    poll->highWater = poll->from;
    poll->done = std::move(done);
    fetchOrderList(poll);
}

void AmazonAdapter::fetchOrderList(std::shared_ptr<OrderPoll> poll)
{
    QUrl url = withPath(m_settings.baseUrl, u"/orders/v0/orders"_s);
    QUrlQuery query;
    query.addQueryItem(u"MarketplaceIds"_s, m_settings.marketplaceId);
    if (poll->nextToken.isEmpty())
        query.addQueryItem(u"LastUpdatedAfter"_s, isoUtc(poll->from.toMSecsSinceEpoch()));
    else
        query.addQueryItem(u"NextToken"_s,
                           QString::fromLatin1(QUrl::toPercentEncoding(poll->nextToken)));
    url.setQuery(query);
    call(url, "GET", {},
         [this, poll](const HttpResponse &response, const LwaTokenSource::Token &token) {
             if (token.failure != FailureKind::None) {
                 finishPoll(poll, token.failure, token.message);
                 return;
             }
             const auto root = parseJsonObject(response.body);
             const FailureKind failure = classifyResponse(response);
             if (failure != FailureKind::None || !root) {
                 const SpApiError error = firstError(root);
                 finishPoll(poll, failure != FailureKind::None ? failure : FailureKind::Transient,
                            error.message.isEmpty() ? describeFailure(response) : error.message,
                            readFailure(response, token).retryAfterMs);
                 return;
             }
             const QJsonObject payload = root->value(u"payload"_s).toObject();
             const QJsonArray orders = payload.value(u"Orders"_s).toArray();
             for (const QJsonValue &value : orders) {
                 const QJsonObject order = value.toObject();
                 poll->highWater = laterOf(
                     poll->highWater, parseIsoTime(order.value(u"LastUpdateDate"_s).toString()));
                 const QString id = order.value(u"AmazonOrderId"_s).toString();
                 const QDateTime updated =
                     parseIsoTime(order.value(u"LastUpdateDate"_s).toString());
                 if (id.isEmpty() || (updated == poll->from && poll->finishedAtFrom.contains(id)))
                     continue;
                 const QString status = order.value(u"OrderStatus"_s).toString();
                 poll->updatedAt.insert(id, updated);
                 if (status == "Canceled"_L1) {
                     // What the order took comes back (once: a cancel is once per order). Its
                     // items are not needed for that, so none are fetched. An order never seen
                     // before is kept waiting by the order path and takes nothing.
                     OrderEvent cancel;
                     cancel.channel = m_settings.channelId;
                     cancel.orderId = id;
                     cancel.receivedAtMs = m_clock.nowMs();
                     cancel.kind = OrderEventKind::Cancel;
                     poll->orders.append(cancel);
                     continue;
                 }
                 // Unfulfillable (multi-channel fulfilment only) takes nothing.
                 if (status == "Unfulfillable"_L1)
                     continue;
                 poll->pendingOrderIds.append(id);
                 poll->status.insert(id, status);
                 const QJsonObject address = order.value(u"ShippingAddress"_s).toObject();
                 const ShipTo to = ShipTo::from(address.value(u"PostalCode"_s).toString(),
                                                address.value(u"CountryCode"_s).toString(),
                                                address.value(u"City"_s).toString(),
                                                address.value(u"StateOrRegion"_s).toString());
                 if (!to.isEmpty())
                     poll->shipTo.insert(id, to);
             }
             poll->nextToken = payload.value(u"NextToken"_s).toString();
             // This page's items come before the next page, so a poll that fails later still
             // hands over every page it finished.
             // Items are fetched oldest first, so a poll that fails half-way can still hand
             // over what it finished and move the mark up to the first order it did not.
             std::stable_sort(poll->pendingOrderIds.begin(), poll->pendingOrderIds.end(),
                              [&](const QString &a, const QString &b) {
                                  return poll->updatedAt.value(a) < poll->updatedAt.value(b);
                              });
             fetchNextOrderItems(poll);
         });
}

void AmazonAdapter::fetchNextOrderItems(std::shared_ptr<OrderPoll> poll)
{
    if (poll->pendingOrderIds.isEmpty()) {
        if (!poll->nextToken.isEmpty())
            fetchOrderList(poll);
        else
            finishPoll(poll, FailureKind::None, {});
        return;
    }
    const QString orderId = poll->pendingOrderIds.first();
    QUrl url = withPath(m_settings.baseUrl,
                        u"/orders/v0/orders/%1/orderItems"_s.arg(pathSegment(orderId)));
    if (!poll->itemsNextToken.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(u"NextToken"_s,
                           QString::fromLatin1(QUrl::toPercentEncoding(poll->itemsNextToken)));
        url.setQuery(query);
    }
    call(url, "GET", {},
         [this, poll, orderId](const HttpResponse &response, const LwaTokenSource::Token &token) {
             if (token.failure != FailureKind::None) {
                 finishPoll(poll, token.failure, token.message);
                 return;
             }
             const auto root = parseJsonObject(response.body);
             const FailureKind failure = classifyResponse(response);
             if (failure != FailureKind::None || !root) {
                 const SpApiError error = firstError(root);
                 finishPoll(poll, failure != FailureKind::None ? failure : FailureKind::Transient,
                            error.message.isEmpty() ? describeFailure(response) : error.message,
                            readFailure(response, token).retryAfterMs);
                 return;
             }
             const QJsonObject payload = root->value(u"payload"_s).toObject();
             if (poll->current.orderId.isEmpty()) {
                 poll->current.channel = m_settings.channelId;
                 poll->current.orderId = orderId;
                 poll->current.receivedAtMs = m_clock.nowMs();
                 if (const auto it = poll->shipTo.constFind(orderId); it != poll->shipTo.constEnd())
                     poll->current.shipTo = *it;
             }
             const QJsonArray items = payload.value(u"OrderItems"_s).toArray();
             for (const QJsonValue &value : items) {
                 const QJsonObject item = value.toObject();
                 const qint64 quantity = jsonInteger(item.value(u"QuantityOrdered"_s)).value_or(0);
                 if (quantity <= 0)
                     continue;
                 OrderLine line {item.value(u"SellerSKU"_s).toString(), quantity,
                                 item.value(u"OrderItemId"_s).toString()};
                 poll->current.lines.append(line);
                 // Shipped (or PartiallyShipped) units, per item. QuantityShipped only grows,
                 // so each value is its own shipment id: the order path ships at most what the
                 // order still holds, so a later, larger count ships only the difference.
                 const qint64 shipped = jsonInteger(item.value(u"QuantityShipped"_s)).value_or(0);
                 if (shipped > 0 && !line.lineId.isEmpty()) {
                     OrderEvent ship;
                     ship.channel = m_settings.channelId;
                     ship.orderId = orderId;
                     ship.receivedAtMs = m_clock.nowMs();
                     ship.kind = OrderEventKind::Ship;
                     ship.eventId = u"%1@%2"_s.arg(line.lineId).arg(shipped);
                     line.quantity = std::min(shipped, quantity);
                     ship.lines.append(line);
                     poll->currentShipments.append(ship);
                 }
             }
             poll->itemsNextToken = payload.value(u"NextToken"_s).toString();
             if (poll->itemsNextToken.isEmpty()) {
                 if (!poll->current.lines.isEmpty()) {
                     poll->orders.append(poll->current);
                     poll->orders.append(poll->currentShipments);
                     // Shipped with no count per item: the whole order left.
                     if (poll->currentShipments.isEmpty() &&
                         poll->status.value(orderId) == "Shipped"_L1) {
                         OrderEvent ship;
                         ship.channel = m_settings.channelId;
                         ship.orderId = orderId;
                         ship.receivedAtMs = m_clock.nowMs();
                         ship.kind = OrderEventKind::Ship;
                         ship.eventId = u"shipped"_s;
                         poll->orders.append(ship);
                     }
                 }
                 poll->current = OrderEvent {};
                 poll->currentShipments.clear();
                 poll->pendingOrderIds.removeFirst();
             }
             fetchNextOrderItems(poll);
         });
}

void AmazonAdapter::finishPoll(std::shared_ptr<OrderPoll> poll, FailureKind failure,
                               const QString &message, std::optional<qint64> retryAfterMs)
{
    FetchOrdersResult result;
    result.failure = failure;
    result.message = message;
    result.retryAfterMs = retryAfterMs;
    if (failure == FailureKind::None) {
        result.orders = poll->orders;
        // The newest change, with the orders changed then (LastUpdatedAfter includes it): the
        // next poll does not hand them over again.
        PollMark mark {poll->from, poll->finishedAtFrom};
        for (const OrderEvent &order : std::as_const(poll->orders))
            mark.advance(order.orderId, poll->updatedAt.value(order.orderId));
        mark.advance({}, poll->highWater);
        mark.doneAt.remove(QString());
        result.nextHighWaterMark = mark.toString();
    } else {
        // A poll that failed half-way hands over the orders it finished. The next one starts
        // at the first order it did not finish (LastUpdatedAfter is inclusive); orders seen
        // again dedupe on their id. Without this, a busy shop on a flaky link never advances.
        result.orders = poll->orders;
        // Resume at the first order not finished; with none pending (a list page failed),
        // after the last one finished.
        QDateTime resume = poll->from;
        if (!poll->pendingOrderIds.isEmpty()) {
            resume = poll->updatedAt.value(poll->pendingOrderIds.first());
        } else {
            for (const OrderEvent &order : std::as_const(poll->orders))
                resume = laterOf(resume, poll->updatedAt.value(order.orderId));
        }
        if (!resume.isValid() || resume < poll->from)
            resume = poll->from;
        QStringList finished;
        if (resume == poll->from)
            finished = QStringList(poll->finishedAtFrom.cbegin(), poll->finishedAtFrom.cend());
        for (const OrderEvent &order : std::as_const(poll->orders)) {
            if (poll->updatedAt.value(order.orderId) == resume)
                finished.append(order.orderId);
        }
        result.nextHighWaterMark = isoUtc(resume.toMSecsSinceEpoch());
        if (!finished.isEmpty())
            result.nextHighWaterMark += u'|' + finished.join(u',');
    }
    poll->done(result);
}

} // namespace ChannelDesk
