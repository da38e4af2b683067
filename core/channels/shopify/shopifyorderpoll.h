#pragma once

#include "channels/channelreader.h"
#include "channels/orderpolling.h"

#include <QJsonObject>
#include <QList>

#include <memory>

namespace ChannelDesk {

class ShopifyAdapter;

// One poll of Shopify's orders changed since a high-water mark (ShopifyAdapter::fetchOrders):
// orders(first:, after:, query: "updated_at:>='<mark>'", sortKey: UPDATED_AT), oldest change
// first, every page, each order turned into the events its webhooks would give, with the same
// ids, so an order seen both ways is a duplicate:
// - the sale (orders/create): its line items with their original quantity, recorded cancelled
//   when cancelledAt is set (it then takes nothing);
// - one refund per refund id (refunds/create), restocking unless its restockType is NO_RESTOCK;
// - the cancel (orders/cancelled), after the refunds;
// - when `pollEdits` is set (intake "poll", no webhooks), units removed by order edits
//   (quantity - currentQuantity - refunded), one edit per unit and line so seeing it again moves
//   nothing; with webhooks on, edits come from orders/edited, whose ids a poll cannot name;
// - one shipment per fulfillment id (fulfillments/create), except cancelled or failed ones.
// An order with more lines, refunds or fulfillments than the page query carries is completed
// with follow-up queries before it is handed over. The mark moves only past orders handed over:
// a poll cut short hands back the orders it finished and a mark to resume from.
class ShopifyOrderPoll : public std::enable_shared_from_this<ShopifyOrderPoll>
{
public:
    // What the page query asks per order; more is read with follow-up queries. A page of 3
    // orders requests about 850 cost points (a query may request 1,000).
    static constexpr int kOrdersPerPage = 3;
    static constexpr int kLineItemsPerOrder = 25;
    static constexpr int kRefundsPerOrder = 5;
    static constexpr int kFulfillmentsPerOrder = 5;
    static constexpr int kLinesPerRefund = 10;
    static constexpr int kFollowUpPage = 100;

    static void start(ShopifyAdapter *adapter, const QString &highWaterMark, bool pollEdits,
                      std::function<void(const FetchOrdersResult &)> done);

    // The query texts, for tests that check them against the schema's fields.
    static QString ordersQuery();
    static QString lineItemsQuery();
    static QString orderChildrenQuery();
    static QString childLinesQuery();
    // One order node as the queries above read it (its lists complete) -> its events.
    static QList<OrderEvent> orderEvents(const QJsonObject &order, const QString &channel,
                                         qint64 nowMs, bool pollEdits);

    ShopifyOrderPoll(ShopifyAdapter *adapter, bool pollEdits,
                     std::function<void(const FetchOrdersResult &)> done);

private:
    struct Pending; // an order being completed by follow-up queries
    void fetchPage();
    void nextOrder();
    void completeLineItems();
    void completeChildren();
    void completeChildLines();
    void handOver();
    void finish(const ReadStatus &failure);

    ShopifyAdapter *m_adapter;
    bool m_pollEdits;
    std::function<void(const FetchOrdersResult &)> m_done;
    PollMark m_mark;
    QString m_filter; // the search query, fixed for the whole poll
    QString m_cursor; // after this page cursor
    bool m_morePages = false;
    QList<QJsonObject> m_page; // orders of the page not handed over yet
    std::unique_ptr<Pending> m_pending;
    QList<OrderEvent> m_events;
};

} // namespace ChannelDesk
