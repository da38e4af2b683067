// Shopify orders by polling, following:
// - https://shopify.dev/docs/api/admin-graphql/latest/queries/orders (first, after, query,
//   sortKey: UPDATED_AT; only the last 60 days without read_all_orders) and
//   https://shopify.dev/docs/api/usage/search-syntax (updated_at:>='<ISO time>')
// - https://shopify.dev/docs/api/admin-graphql/latest/objects/Order (updatedAt, cancelledAt,
//   shippingAddress, lineItems, refunds(first:), fulfillments(first:))
// - .../objects/LineItem (quantity: units ordered including refunded and removed ones;
//   currentQuantity: excluding them; sku; variant)
// - .../objects/RefundLineItem (lineItem, quantity, restockType RETURN|CANCEL|LEGACY_RESTOCK|
//   NO_RESTOCK) and .../objects/FulfillmentLineItem (lineItem, quantity), Fulfillment.status
// Checked field by field against the Admin API schema (2025-01 and later). Ids are global ids;
// events carry their numbers, as the REST-shaped webhooks do (shopifywebhookparser.cpp).
#include "shopifyorderpoll.h"

#include "channels/jsonutil.h"
#include "channels/shopify/shopifyadapter.h"

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcShopify)

using namespace ShopifyGraphql;

namespace {

const QString kLineFields = u"id sku quantity currentQuantity variant { id }"_s;
const QString kRefundLineFields = u"lineItem { id } quantity restockType"_s;
const QString kFulfillmentLineFields = u"lineItem { id } quantity"_s;
const QString kPageInfo = u"pageInfo { hasNextPage endCursor }"_s;

QJsonArray nodesOf(const QJsonObject &connection)
{
    return connection.value(u"nodes"_s).toArray();
}

// The connection's next cursor, or empty when it has no more.
QString nextCursor(const QJsonObject &connection)
{
    const QJsonObject info = connection.value(u"pageInfo"_s).toObject();
    return info.value(u"hasNextPage"_s).toBool() ? info.value(u"endCursor"_s).toString()
                                                 : QString();
}

} // namespace

// An order of the page with what the follow-up queries add to it.
struct ShopifyOrderPoll::Pending
{
    QJsonObject order;
    QJsonArray lineItems;
    QString lineCursor;
    // Refunds then fulfillments: {id, status, refund, lines, cursor}; `cursor` set while lines
    // remain to be read, `unread` when none were read yet.
    struct Child
    {
        QString id;
        QString status;
        bool refund = true;
        QJsonArray lines;
        QString cursor;
        bool unread = false;
    };
    QList<Child> children;
    bool childrenListed = false;
};

QString ShopifyOrderPoll::ordersQuery()
{
    return u"query PollOrders($first: Int!, $after: String, $query: String!) "
           "{ orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) "
           "{ nodes { id updatedAt cancelledAt "
           "shippingAddress { zip countryCodeV2 city provinceCode } "
           "lineItems(first: %1) { nodes { %4 } %7 } "
           "refunds(first: %2) { id refundLineItems(first: %3) { nodes { %5 } %7 } } "
           "fulfillments(first: %8) { id status fulfillmentLineItems(first: %3) "
           "{ nodes { %6 } %7 } } } %7 } }"_s.arg(kLineItemsPerOrder)
               .arg(kRefundsPerOrder)
               .arg(kLinesPerRefund)
               .arg(kLineFields, kRefundLineFields, kFulfillmentLineFields, kPageInfo)
               .arg(kFulfillmentsPerOrder);
}

QString ShopifyOrderPoll::lineItemsQuery()
{
    return u"query OrderLineItems($id: ID!, $after: String) { order(id: $id) "
           "{ lineItems(first: %1, after: $after) { nodes { %2 } %3 } } }"_s.arg(kFollowUpPage)
               .arg(kLineFields, kPageInfo);
}

QString ShopifyOrderPoll::orderChildrenQuery()
{
    return u"query OrderChildren($id: ID!) { order(id: $id) "
           "{ refunds(first: %1) { id } fulfillments(first: %1) { id status } } }"_s.arg(
               kFollowUpPage);
}

QString ShopifyOrderPoll::childLinesQuery()
{
    return u"query ChildLines($id: ID!, $after: String) { node(id: $id) "
           "{ ... on Refund { id refundLineItems(first: %1, after: $after) { nodes { %2 } %4 } } "
           "... on Fulfillment { id fulfillmentLineItems(first: %1, after: $after) "
           "{ nodes { %3 } %4 } } } }"_s.arg(kFollowUpPage)
               .arg(kRefundLineFields, kFulfillmentLineFields, kPageInfo);
}

QList<OrderEvent> ShopifyOrderPoll::orderEvents(const QJsonObject &order, const QString &channel,
                                                qint64 nowMs, bool pollEdits)
{
    const QString orderId = numericId(order.value(u"id"_s).toString());
    auto event = [&](OrderEventKind kind, const QString &eventId = {}) {
        OrderEvent e;
        e.channel = channel;
        e.orderId = orderId;
        e.receivedAtMs = nowMs;
        e.kind = kind;
        e.eventId = eventId;
        return e;
    };
    // The order's lines by line id: refunds and fulfillments name lines by id only.
    QHash<QString, OrderLine> lines;
    QHash<QString, qint64> current;
    OrderEvent sale = event(OrderEventKind::Sale);
    const QJsonValue cancelledAt = order.value(u"cancelledAt"_s);
    sale.cancelled = cancelledAt.isString() && !cancelledAt.toString().isEmpty();
    const QJsonObject address = order.value(u"shippingAddress"_s).toObject();
    sale.shipTo = ShipTo::from(
        address.value(u"zip"_s).toString(), address.value(u"countryCodeV2"_s).toString(),
        address.value(u"city"_s).toString(), address.value(u"provinceCode"_s).toString());
    for (const QJsonValue &value : nodesOf(order.value(u"lineItems"_s).toObject())) {
        const QJsonObject item = value.toObject();
        OrderLine line;
        line.sku = item.value(u"sku"_s).toString().trimmed();
        line.quantity = jsonInteger(item.value(u"quantity"_s)).value_or(0);
        line.lineId = numericId(item.value(u"id"_s).toString());
        line.remoteId = numericId(item.value(u"variant"_s).toObject().value(u"id"_s).toString());
        if (line.quantity < 1 || line.lineId.isEmpty())
            continue;
        lines.insert(line.lineId, line);
        current.insert(line.lineId, jsonInteger(item.value(u"currentQuantity"_s)).value_or(0));
        sale.lines.append(line);
    }
    auto lineFor = [&](const QJsonObject &child, qint64 quantity) {
        const QString lineId =
            numericId(child.value(u"lineItem"_s).toObject().value(u"id"_s).toString());
        OrderLine line = lines.value(lineId);
        line.lineId = lineId;
        line.quantity = quantity;
        return line;
    };

    QList<OrderEvent> events;
    if (!sale.lines.isEmpty())
        events.append(sale);
    QHash<QString, qint64> refunded; // by line id
    for (const QJsonValue &value : order.value(u"refunds"_s).toArray()) {
        const QJsonObject refund = value.toObject();
        OrderEvent e = event(OrderEventKind::Refund, numericId(refund.value(u"id"_s).toString()));
        for (const QJsonValue &lineValue : nodesOf(refund.value(u"refundLineItems"_s).toObject())) {
            const QJsonObject item = lineValue.toObject();
            const qint64 quantity = jsonInteger(item.value(u"quantity"_s)).value_or(0);
            if (quantity <= 0)
                continue;
            OrderLine line = lineFor(item, quantity);
            line.restock = item.value(u"restockType"_s).toString() != "NO_RESTOCK"_L1;
            refunded[line.lineId] += quantity;
            e.lines.append(line);
        }
        // A refund of money only moves no stock.
        if (!e.eventId.isEmpty() && !e.lines.isEmpty())
            events.append(e);
    }
    // The refunds first: what they restock comes back, what they keep out stays out; the
    // cancel then gives back whatever the order still holds (as orders/cancelled does).
    if (sale.cancelled)
        events.append(event(OrderEventKind::Cancel));
    if (pollEdits && !sale.cancelled) {
        // Units an order edit removed: what the line no longer has beyond its refunds. One
        // edit per unit, so a later poll seeing more removed only adds the new units.
        for (const OrderLine &line : std::as_const(sale.lines)) {
            const qint64 removed =
                line.quantity - current.value(line.lineId) - refunded.value(line.lineId);
            for (qint64 unit = 1; unit <= removed; ++unit) {
                OrderEvent edit =
                    event(OrderEventKind::Edit, u"removed-%1-%2"_s.arg(line.lineId).arg(unit));
                edit.editDelta = true;
                OrderLine change = line;
                change.quantity = -1;
                edit.lines.append(change);
                events.append(edit);
            }
        }
    }
    static const QStringList notShipped = {u"CANCELLED"_s, u"ERROR"_s, u"FAILURE"_s};
    for (const QJsonValue &value : order.value(u"fulfillments"_s).toArray()) {
        const QJsonObject fulfillment = value.toObject();
        if (notShipped.contains(fulfillment.value(u"status"_s).toString()))
            continue;
        OrderEvent ship =
            event(OrderEventKind::Ship, numericId(fulfillment.value(u"id"_s).toString()));
        for (const QJsonValue &lineValue :
             nodesOf(fulfillment.value(u"fulfillmentLineItems"_s).toObject())) {
            const QJsonObject item = lineValue.toObject();
            const qint64 quantity = jsonInteger(item.value(u"quantity"_s)).value_or(0);
            if (quantity > 0)
                ship.lines.append(lineFor(item, quantity));
        }
        if (!ship.eventId.isEmpty() && !ship.lines.isEmpty())
            events.append(ship);
    }
    return events;
}

ShopifyOrderPoll::ShopifyOrderPoll(ShopifyAdapter *adapter, bool pollEdits,
                                   std::function<void(const FetchOrdersResult &)> done)
    : m_adapter(adapter)
    , m_pollEdits(pollEdits)
    , m_done(std::move(done))
{
}

void ShopifyOrderPoll::start(ShopifyAdapter *adapter, const QString &highWaterMark, bool pollEdits,
                             std::function<void(const FetchOrdersResult &)> done)
{
    auto poll = std::make_shared<ShopifyOrderPoll>(adapter, pollEdits, std::move(done));
    poll->m_mark = PollMark::parse(highWaterMark, adapter->clock().nowMs(),
                                   adapter->settings().initialLookbackMs);
    // Whole seconds: the mark's own second is included (>=) and what was handed over at that
    // time is skipped by id.
    poll->m_filter =
        u"updated_at:>='%1'"_s.arg(poll->m_mark.at.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s));
    poll->fetchPage();
}

void ShopifyOrderPoll::fetchPage()
{
    QJsonObject variables {{u"first"_s, kOrdersPerPage}, {u"query"_s, m_filter}};
    variables.insert(u"after"_s, m_cursor.isEmpty() ? QJsonValue() : QJsonValue(m_cursor));
    m_adapter->query(ordersQuery(), variables, [self = shared_from_this()](const QueryAnswer &a) {
        if (!a.status.ok()) {
            self->finish(a.status);
            return;
        }
        const QJsonObject orders = a.data.value(u"orders"_s).toObject();
        for (const QJsonValue &value : nodesOf(orders))
            self->m_page.append(value.toObject());
        self->m_cursor = nextCursor(orders);
        self->m_morePages = !self->m_cursor.isEmpty();
        self->nextOrder();
    });
}

void ShopifyOrderPoll::nextOrder()
{
    while (!m_page.isEmpty()) {
        const QJsonObject order = m_page.takeFirst();
        const QString id = numericId(order.value(u"id"_s).toString());
        if (id.isEmpty() || m_mark.covers(id, parseIsoTime(order.value(u"updatedAt"_s).toString())))
            continue;
        m_pending = std::make_unique<Pending>();
        m_pending->order = order;
        const QJsonObject lineItems = order.value(u"lineItems"_s).toObject();
        m_pending->lineItems = nodesOf(lineItems);
        m_pending->lineCursor = nextCursor(lineItems);
        const QJsonArray refunds = order.value(u"refunds"_s).toArray();
        const QJsonArray fulfillments = order.value(u"fulfillments"_s).toArray();
        for (const QJsonValue &value : refunds) {
            const QJsonObject refund = value.toObject();
            const QJsonObject lines = refund.value(u"refundLineItems"_s).toObject();
            m_pending->children.append({refund.value(u"id"_s).toString(),
                                        {},
                                        true,
                                        nodesOf(lines),
                                        nextCursor(lines),
                                        false});
        }
        for (const QJsonValue &value : fulfillments) {
            const QJsonObject fulfillment = value.toObject();
            const QJsonObject lines = fulfillment.value(u"fulfillmentLineItems"_s).toObject();
            m_pending->children.append({fulfillment.value(u"id"_s).toString(),
                                        fulfillment.value(u"status"_s).toString(), false,
                                        nodesOf(lines), nextCursor(lines), false});
        }
        // A full list may have more than the page query asked for.
        m_pending->childrenListed =
            refunds.size() < kRefundsPerOrder && fulfillments.size() < kFulfillmentsPerOrder;
        completeLineItems();
        return;
    }
    if (m_morePages) {
        fetchPage();
        return;
    }
    finish(ReadStatus {});
}

void ShopifyOrderPoll::completeLineItems()
{
    if (m_pending->lineCursor.isEmpty()) {
        completeChildren();
        return;
    }
    const QJsonObject variables {{u"id"_s, m_pending->order.value(u"id"_s)},
                                 {u"after"_s, m_pending->lineCursor}};
    m_adapter->query(lineItemsQuery(), variables,
                     [self = shared_from_this()](const QueryAnswer &a) {
                         if (!a.status.ok()) {
                             self->finish(a.status);
                             return;
                         }
                         const QJsonObject lineItems =
                             a.data.value(u"order"_s).toObject().value(u"lineItems"_s).toObject();
                         for (const QJsonValue &value : nodesOf(lineItems))
                             self->m_pending->lineItems.append(value);
                         self->m_pending->lineCursor = nextCursor(lineItems);
                         self->completeLineItems();
                     });
}

void ShopifyOrderPoll::completeChildren()
{
    if (m_pending->childrenListed) {
        completeChildLines();
        return;
    }
    const QJsonObject variables {{u"id"_s, m_pending->order.value(u"id"_s)}};
    m_adapter->query(
        orderChildrenQuery(), variables, [self = shared_from_this()](const QueryAnswer &a) {
            if (!a.status.ok()) {
                self->finish(a.status);
                return;
            }
            Pending &p = *self->m_pending;
            const QJsonObject order = a.data.value(u"order"_s).toObject();
            auto known = [&p](const QString &id) {
                return std::any_of(p.children.cbegin(), p.children.cend(),
                                   [&id](const Pending::Child &c) { return c.id == id; });
            };
            for (const bool refund : {true, false}) {
                const QJsonArray list =
                    order.value(refund ? u"refunds"_s : u"fulfillments"_s).toArray();
                for (const QJsonValue &value : list) {
                    const QJsonObject child = value.toObject();
                    const QString id = child.value(u"id"_s).toString();
                    if (!id.isEmpty() && !known(id))
                        p.children.append(
                            {id, child.value(u"status"_s).toString(), refund, {}, {}, true});
                }
            }
            p.childrenListed = true;
            self->completeChildLines();
        });
}

void ShopifyOrderPoll::completeChildLines()
{
    auto it = std::find_if(m_pending->children.begin(), m_pending->children.end(),
                           [](const Pending::Child &c) { return c.unread || !c.cursor.isEmpty(); });
    if (it == m_pending->children.end()) {
        handOver();
        return;
    }
    QJsonObject variables {{u"id"_s, it->id}};
    variables.insert(u"after"_s, it->cursor.isEmpty() ? QJsonValue() : QJsonValue(it->cursor));
    const qsizetype index = std::distance(m_pending->children.begin(), it);
    m_adapter->query(
        childLinesQuery(), variables, [self = shared_from_this(), index](const QueryAnswer &a) {
            if (!a.status.ok()) {
                self->finish(a.status);
                return;
            }
            Pending::Child &child = self->m_pending->children[index];
            const QJsonObject node = a.data.value(u"node"_s).toObject();
            const QJsonObject lines =
                node.value(child.refund ? u"refundLineItems"_s : u"fulfillmentLineItems"_s)
                    .toObject();
            for (const QJsonValue &value : nodesOf(lines))
                child.lines.append(value);
            child.unread = false;
            child.cursor = nextCursor(lines);
            self->completeChildLines();
        });
}

void ShopifyOrderPoll::handOver()
{
    // The order as one node with complete lists, in the shape orderEvents() reads.
    QJsonObject order = m_pending->order;
    order.insert(u"lineItems"_s, QJsonObject {{u"nodes"_s, m_pending->lineItems}});
    QJsonArray refunds;
    QJsonArray fulfillments;
    for (const Pending::Child &child : std::as_const(m_pending->children)) {
        if (child.refund)
            refunds.append(
                QJsonObject {{u"id"_s, child.id},
                             {u"refundLineItems"_s, QJsonObject {{u"nodes"_s, child.lines}}}});
        else
            fulfillments.append(
                QJsonObject {{u"id"_s, child.id},
                             {u"status"_s, child.status},
                             {u"fulfillmentLineItems"_s, QJsonObject {{u"nodes"_s, child.lines}}}});
    }
    order.insert(u"refunds"_s, refunds);
    order.insert(u"fulfillments"_s, fulfillments);
    m_pending.reset();
    m_events.append(
        orderEvents(order, m_adapter->channelId(), m_adapter->clock().nowMs(), m_pollEdits));
    m_mark.advance(numericId(order.value(u"id"_s).toString()),
                   parseIsoTime(order.value(u"updatedAt"_s).toString()));
    nextOrder();
}

void ShopifyOrderPoll::finish(const ReadStatus &failure)
{
    FetchOrdersResult result;
    result.failure = failure.failure;
    result.message = failure.message;
    result.retryAfterMs = failure.retryAfterMs;
    // The orders handed over, and a mark just past them: a poll cut short resumes at the first
    // order it did not finish.
    result.orders = m_events;
    result.nextHighWaterMark = m_mark.toString();
    if (!failure.ok())
        qCInfo(lcShopify) << m_adapter->channelId() << "order poll cut short:" << failure.message;
    auto done = std::move(m_done);
    done(result);
}

} // namespace ChannelDesk
