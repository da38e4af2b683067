// ShopifyAdapter's read side against a fake Admin API: the query texts, the catalogue and
// quantity reads, and order polls that give the events (and ids) Shopify's webhooks give.
#include "channels/shopify/shopifyadapter.h"
#include "channels/shopify/shopifyorderpoll.h"
#include "channels/shopify/shopifywebhookparser.h"
#include "eventtext.h"
#include "fakechannelserver.h"
#include "util/clock.h"
#include "webhooktest.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ChannelDesk::Test;

namespace ChannelDesk {

namespace {

QByteArray cost(int requested, int actual)
{
    return R"("extensions":{"cost":{"requestedQueryCost":)" + QByteArray::number(requested) +
        R"(,"actualQueryCost":)" + QByteArray::number(actual) +
        R"(,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1500,"restoreRate":100.0}}})";
}

QByteArray answer(const QJsonObject &data)
{
    return R"({"data":)" + QJsonDocument(data).toJson(QJsonDocument::Compact) + "," +
        cost(400, 40) + "}";
}

QJsonObject fixture(const QString &name)
{
    QFile f(QStringLiteral(CHANNEL_FIXTURES) + u"/shopify/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject variant(int n, const QJsonValue &level, bool tracked = true)
{
    return QJsonObject {{u"id"_s, u"gid://shopify/ProductVariant/%1"_s.arg(7000 + n)},
                        {u"sku"_s, u"SKU-%1"_s.arg(n)},
                        {u"displayName"_s, u"Shirt - %1"_s.arg(n)},
                        {u"inventoryItem"_s,
                         QJsonObject {{u"id"_s, u"gid://shopify/InventoryItem/%1"_s.arg(30000 + n)},
                                      {u"tracked"_s, tracked},
                                      {u"inventoryLevel"_s, level}}}};
}

QJsonObject level(qint64 available)
{
    return QJsonObject {
        {u"quantities"_s,
         QJsonArray {QJsonObject {{u"name"_s, u"available"_s}, {u"quantity"_s, available}}}}};
}

QJsonObject connection(const QJsonArray &nodes, const QString &nextCursor = {})
{
    return QJsonObject {
        {u"nodes"_s, nodes},
        {u"pageInfo"_s,
         QJsonObject {{u"hasNextPage"_s, !nextCursor.isEmpty()},
                      {u"endCursor"_s, nextCursor.isEmpty() ? QJsonValue() : nextCursor}}}};
}

// A polled order with one line, changed at `updatedAt`.
QJsonObject order(const QString &id, const QString &updatedAt, int lineQuantity = 1,
                  int current = -1, const QJsonArray &refunds = {})
{
    return QJsonObject {
        {u"id"_s, QString(u"gid://shopify/Order/"_s + id)},
        {u"updatedAt"_s, updatedAt},
        {u"cancelledAt"_s, QJsonValue()},
        {u"lineItems"_s,
         connection({QJsonObject {{u"id"_s, QString(u"gid://shopify/LineItem/"_s + id + u'1')},
                                  {u"sku"_s, u"SKU-1"_s},
                                  {u"quantity"_s, lineQuantity},
                                  {u"currentQuantity"_s, current < 0 ? lineQuantity : current},
                                  {u"variant"_s, QJsonValue()}}})},
        {u"refunds"_s, refunds},
        {u"fulfillments"_s, QJsonArray()}};
}

} // namespace

class TestShopifyReads : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queriesAskForTheFieldsTheyRead_data();
    void queriesAskForTheFieldsTheyRead();
    void listListingsPages();
    void readQuantitiesByInventoryItem();
    void throttledReadSaysHowLongToWait();
    void polledOrderGivesTheWebhooksEvents();
    void pollEditsOnlyWhenAsked_data();
    void pollEditsOnlyWhenAsked();
    void pollCompletesLongOrders();
    void pollCutShortResumesAfterWhatItHandedOver();

private:
    std::unique_ptr<ShopifyAdapter> adapter(const FakeChannelServer &server,
                                            bool pollEdits = false);
    QNetworkAccessManager m_network;
    ManualClock m_clock;
};

std::unique_ptr<ShopifyAdapter> TestShopifyReads::adapter(const FakeChannelServer &server,
                                                          bool pollEdits)
{
    ShopifySettings settings;
    settings.channelId = u"shop-us"_s;
    settings.baseUrl = server.baseUrl();
    settings.locationId = u"124656943"_s;
    settings.accessToken = "shpat_test_token";
    settings.timeoutMs = 5000;
    settings.pollEdits = pollEdits;
    return std::make_unique<ShopifyAdapter>(settings, &m_network, m_clock);
}

void TestShopifyReads::queriesAskForTheFieldsTheyRead_data()
{
    // Each field as the Admin API schema spells it (checked against the 2025-01 schema and the
    // reference of later versions): the adapter reads exactly these.
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("catalogue") << ShopifyAdapter::listListingsQuery()
                               << QStringList {u"productVariants(first: $first, after: $after)"_s,
                                               u"sku"_s,
                                               u"displayName"_s,
                                               u"inventoryItem { id tracked"_s,
                                               u"inventoryLevel(locationId: $locationId)"_s,
                                               u"quantities(names: [\"available\"])"_s,
                                               u"{ name quantity }"_s,
                                               u"pageInfo { hasNextPage endCursor }"_s};
    QTest::newRow("quantities") << ShopifyAdapter::readQuantitiesQuery()
                                << QStringList {u"($ids: [ID!]!, $locationId: ID!)"_s,
                                                u"nodes(ids: $ids)"_s, u"... on InventoryItem"_s,
                                                u"inventoryLevel(locationId: $locationId)"_s};
    QTest::newRow("orders") << ShopifyOrderPoll::ordersQuery()
                            << QStringList {u"($first: Int!, $after: String, $query: String!)"_s,
                                            u"orders(first: $first, after: $after, query: "
                                            "$query, sortKey: UPDATED_AT)"_s,
                                            u"updatedAt cancelledAt"_s,
                                            u"shippingAddress { zip countryCodeV2 city "
                                            "provinceCode }"_s,
                                            u"lineItems(first: 25)"_s,
                                            u"id sku quantity currentQuantity variant { id }"_s,
                                            u"refunds(first: 5) { id refundLineItems(first: 10)"_s,
                                            u"lineItem { id } quantity restockType"_s,
                                            u"fulfillments(first: 5) { id status "
                                            "fulfillmentLineItems(first: 10)"_s};
    QTest::newRow("line items") << ShopifyOrderPoll::lineItemsQuery()
                                << QStringList {u"order(id: $id)"_s,
                                                u"lineItems(first: 100, after: $after)"_s};
    QTest::newRow("refunds and fulfillments")
        << ShopifyOrderPoll::orderChildrenQuery()
        << QStringList {u"refunds(first: 100) { id }"_s,
                        u"fulfillments(first: 100) { id status }"_s};
    QTest::newRow("their lines") << ShopifyOrderPoll::childLinesQuery()
                                 << QStringList {u"node(id: $id)"_s,
                                                 u"... on Refund { id refundLineItems(first: "
                                                 "100, after: $after)"_s,
                                                 u"... on Fulfillment { id "
                                                 "fulfillmentLineItems(first: 100, after: "
                                                 "$after)"_s};
}

void TestShopifyReads::queriesAskForTheFieldsTheyRead()
{
    QFETCH(QString, query);
    QFETCH(QStringList, fields);
    for (const QString &field : fields)
        QVERIFY2(query.contains(field), qPrintable(field + u" in "_s + query));
    QCOMPARE(query.count(u'{'), query.count(u'}'));
    QCOMPARE(query.count(u'('), query.count(u')'));
}

void TestShopifyReads::listListingsPages()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(
        200,
        answer({{u"productVariants"_s,
                 connection({variant(1, level(12)), variant(2, QJsonValue())}, u"c1"_s)}})));
    server.enqueue(CannedResponse::json(
        200, answer({{u"productVariants"_s, connection({variant(3, level(0), false)})}})));
    auto shop = adapter(server);
    Capture<ListingPage> first;
    shop->listListings(QString(), first.callback());
    QTRY_COMPARE(first.calls, 1);
    QVERIFY(first.value.ok());
    QCOMPARE(first.value.nextPageToken, u"c1"_s);
    // The remote id is the inventory item's number, as mappings and pushes write it.
    QCOMPARE(first.value.listings,
             (QList<RemoteListing> {{u"30001"_s, u"SKU-1"_s, 12, u"Shirt - 1"_s},
                                    {u"30002"_s, u"SKU-2"_s, std::nullopt, u"Shirt - 2"_s}}));
    const QJsonObject sent = server.requests().at(0).json();
    QCOMPARE(sent.value(u"query"_s).toString(), ShopifyAdapter::listListingsQuery());
    const QJsonObject variables = sent.value(u"variables"_s).toObject();
    QCOMPARE(variables.value(u"first"_s).toInt(), ShopifyAdapter::kListingsPageSize);
    QVERIFY(variables.value(u"after"_s).isNull());
    QCOMPARE(variables.value(u"locationId"_s).toString(), u"gid://shopify/Location/124656943"_s);

    Capture<ListingPage> second;
    shop->listListings(first.value.nextPageToken, second.callback());
    QTRY_COMPARE(second.calls, 1);
    QCOMPARE(server.requests().at(1).json().value(u"variables"_s).toObject().value(u"after"_s),
             QJsonValue(u"c1"_s));
    QVERIFY(second.value.nextPageToken.isEmpty());
    // An untracked item keeps no count.
    QCOMPARE(second.value.listings.size(), 1);
    QVERIFY(!second.value.listings.first().quantity);
}

void TestShopifyReads::readQuantitiesByInventoryItem()
{
    FakeChannelServer server;
    server.setHandler([](const RecordedRequest &request) {
        const QJsonArray ids =
            request.json().value(u"variables"_s).toObject().value(u"ids"_s).toArray();
        QJsonArray nodes;
        for (const QJsonValue &id : ids) {
            const QString gid = id.toString();
            const int n = gid.section(u'/', -1).toInt();
            if (n == 999)
                nodes.append(QJsonValue()); // names nothing
            else
                nodes.append(QJsonObject {
                    {u"id"_s, gid}, {u"tracked"_s, true}, {u"inventoryLevel"_s, level(n % 100)}});
        }
        return CannedResponse::json(200, answer({{u"nodes"_s, nodes}}));
    });
    auto shop = adapter(server);
    QStringList ids;
    for (int i = 0; i < 150; ++i)
        ids.append(QString::number(10000 + i));
    ids.append(u"gid://shopify/InventoryItem/10042"_s); // the same item as a gid
    ids.append(u"999"_s);
    ids.append(u"not-an-id"_s);
    Capture<QuantitiesRead> capture;
    shop->readQuantities(ids, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QVERIFY(capture.value.ok());
    // 100 ids a call: two calls for 152 ids (one is not an id at all and is never sent).
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(0).json().value(u"query"_s).toString(),
             ShopifyAdapter::readQuantitiesQuery());
    QCOMPARE(capture.value.quantities.size(), 151);
    QCOMPARE(capture.value.quantities.value(u"10042"_s), 42);
    QCOMPARE(capture.value.quantities.value(u"gid://shopify/InventoryItem/10042"_s), 42);
    QCOMPARE(capture.value.missing.keys().size(), 2);
    QCOMPARE(capture.value.missing.value(u"999"_s), u"unknown inventory item"_s);
    QVERIFY(capture.value.missing.contains(u"not-an-id"_s));
}

void TestShopifyReads::throttledReadSaysHowLongToWait()
{
    FakeChannelServer server;
    server.enqueue(CannedResponse::json(
        200,
        R"({"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],"extensions":{"cost":{"requestedQueryCost":402,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":202,"restoreRate":100.0}}}})"));
    auto shop = adapter(server);
    Capture<ListingPage> capture;
    shop->listListings(QString(), capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, FailureKind::Throttled);
    QVERIFY(capture.value.throttled);
    // (402 - 202) / 100 per second
    QCOMPARE(capture.value.retryAfterMs, std::optional<qint64>(2000));
}

void TestShopifyReads::polledOrderGivesTheWebhooksEvents()
{
    // The same order as the webhook fixtures, as the orders query reads it: every event the
    // webhooks give comes with the same kind, id and lines, so one seen both ways is a
    // duplicate in the order path.
    const QJsonObject polled = fixture(u"graphql_order_cancelled.json"_s);
    QVERIFY(!polled.isEmpty());
    const QStringList fromPoll =
        describe(ShopifyOrderPoll::orderEvents(polled, u"shop-us"_s, 0, false));

    const ShopifyWebhookParser parser;
    const WebhookTest::Channel shopify {"x-shopify-hmac-sha256", "x-shopify-topic", {}, {}};
    QStringList fromWebhooks;
    for (const auto &[file, topic] :
         {std::pair {u"orders_create.json"_s, "orders/create"_ba},
          std::pair {u"orders_cancelled.json"_s, "orders/cancelled"_ba},
          std::pair {u"fulfillments_create.json"_s, "fulfillments/create"_ba}}) {
        QFile f(QStringLiteral(CHANNEL_FIXTURES) + u"/shopify/"_s + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        const WebhookResult result = parser.parse(
            shopify.request(body, WebhookTest::sign(body, "secret"), topic), {"secret"});
        QCOMPARE(result.kind, WebhookResult::Kind::Order);
        QList<OrderEvent> events = result.events;
        for (OrderEvent &e : events) {
            if (e.orderId.isEmpty())
                e.orderId = result.orderId;
        }
        fromWebhooks += describe(events);
    }
    // The poll sees the order cancelled: its sale is recorded cancelled (a sale seen before is
    // a duplicate either way); everything else is the same event.
    QStringList expected = fromWebhooks;
    QStringList poll = fromPoll;
    QVERIFY(poll.first().startsWith(u"sale 450789469  cancelled "_s));
    poll.first().remove(u" cancelled"_s);
    std::sort(expected.begin(), expected.end());
    std::sort(poll.begin(), poll.end());
    QCOMPARE(poll, expected);
    // The cancelled fulfillment shipped nothing.
    QVERIFY(!fromPoll.join(u'\n').contains(u"255858047"_s));
}

void TestShopifyReads::pollEditsOnlyWhenAsked_data()
{
    QTest::addColumn<bool>("pollEdits");
    QTest::addColumn<QStringList>("events");
    // 5 ordered, 1 refunded (restocked), 2 more removed by an order edit: current 2.
    const QString sale = u"sale 77  771:SKU-1::5"_s;
    const QString refund = u"refund 77 8 771:SKU-1::1"_s;
    QTest::newRow("with webhooks on") << false << QStringList {sale, refund};
    QTest::newRow("poll only") << true
                               << QStringList {sale, refund,
                                               u"edit 77 removed-771-1 delta 771:SKU-1::-1"_s,
                                               u"edit 77 removed-771-2 delta 771:SKU-1::-1"_s};
}

void TestShopifyReads::pollEditsOnlyWhenAsked()
{
    QFETCH(bool, pollEdits);
    QFETCH(QStringList, events);
    const QJsonArray refunds {
        QJsonObject {{u"id"_s, u"gid://shopify/Refund/8"_s},
                     {u"refundLineItems"_s,
                      connection({QJsonObject {
                          {u"lineItem"_s, QJsonObject {{u"id"_s, u"gid://shopify/LineItem/771"_s}}},
                          {u"quantity"_s, 1},
                          {u"restockType"_s, u"RETURN"_s}}})}}};
    const QJsonObject polled = order(u"77"_s, u"2026-01-01T00:00:00Z"_s, 5, 2, refunds);
    QCOMPARE(describe(ShopifyOrderPoll::orderEvents(polled, u"shop-us"_s, 0, pollEdits)), events);
}

void TestShopifyReads::pollCompletesLongOrders()
{
    // An order with more lines than the page query carries, and a refund with more lines
    // than it reads per refund: both are completed before the order is handed over.
    FakeChannelServer server;
    auto lineNodes = [](int from, int to) {
        QJsonArray nodes;
        for (int i = from; i < to; ++i)
            nodes.append(QJsonObject {{u"id"_s, u"gid://shopify/LineItem/%1"_s.arg(i)},
                                      {u"sku"_s, u"S-%1"_s.arg(i)},
                                      {u"quantity"_s, 1},
                                      {u"currentQuantity"_s, 0},
                                      {u"variant"_s, QJsonValue()}});
        return nodes;
    };
    auto refundNodes = [](int from, int to) {
        QJsonArray nodes;
        for (int i = from; i < to; ++i)
            nodes.append(QJsonObject {
                {u"lineItem"_s, QJsonObject {{u"id"_s, u"gid://shopify/LineItem/%1"_s.arg(i)}}},
                {u"quantity"_s, 1},
                {u"restockType"_s, u"CANCEL"_s}});
        return nodes;
    };
    server.setHandler([&](const RecordedRequest &request) {
        const QString query = request.json().value(u"query"_s).toString();
        if (query.startsWith(u"query PollOrders"_s)) {
            QJsonObject big {
                {u"id"_s, u"gid://shopify/Order/5"_s},
                {u"updatedAt"_s, u"2026-01-01T00:00:00Z"_s},
                {u"cancelledAt"_s, u"2026-01-01T00:00:00Z"_s},
                {u"lineItems"_s, connection(lineNodes(0, 25), u"l25"_s)},
                {u"refunds"_s,
                 QJsonArray {QJsonObject {
                     {u"id"_s, u"gid://shopify/Refund/9"_s},
                     {u"refundLineItems"_s, connection(refundNodes(0, 10), u"r10"_s)}}}},
                {u"fulfillments"_s, QJsonArray()}};
            return CannedResponse::json(200, answer({{u"orders"_s, connection({big})}}));
        }
        if (query.startsWith(u"query OrderLineItems"_s))
            return CannedResponse::json(
                200,
                answer(
                    {{u"order"_s, QJsonObject {{u"lineItems"_s, connection(lineNodes(25, 30))}}}}));
        if (query.startsWith(u"query ChildLines"_s))
            return CannedResponse::json(
                200,
                answer({{u"node"_s,
                         QJsonObject {{u"id"_s, u"gid://shopify/Refund/9"_s},
                                      {u"refundLineItems"_s, connection(refundNodes(10, 30))}}}}));
        return CannedResponse::json(400, R"({"errors":"unexpected query"})");
    });
    auto shop = adapter(server);
    Capture<FetchOrdersResult> capture;
    shop->fetchOrders(u"2025-12-31T00:00:00.000Z"_s, capture.callback());
    QTRY_COMPARE(capture.calls, 1);
    QCOMPARE(capture.value.failure, FailureKind::None);
    QCOMPARE(server.requests().size(), 3);
    const QJsonObject lineVariables =
        server.requests().at(1).json().value(u"variables"_s).toObject();
    QCOMPARE(lineVariables.value(u"after"_s).toString(), u"l25"_s);
    QCOMPARE(lineVariables.value(u"id"_s).toString(), u"gid://shopify/Order/5"_s);
    QCOMPARE(server.requests().at(2).json().value(u"variables"_s).toObject().value(u"after"_s),
             QJsonValue(u"r10"_s));
    const QList<OrderEvent> &events = capture.value.orders;
    QCOMPARE(events.size(), 3); // sale (cancelled), refund, cancel
    QCOMPARE(events.at(0).lines.size(), 30);
    QCOMPARE(events.at(1).kind, OrderEventKind::Refund);
    QCOMPARE(events.at(1).lines.size(), 30);
    QCOMPARE(events.at(1).lines.last().sku, u"S-29"_s); // named from the order's lines
    QCOMPARE(events.at(2).kind, OrderEventKind::Cancel);
    // The poll's filter starts at the mark's second.
    QCOMPARE(server.requests().at(0).json().value(u"variables"_s).toObject().value(u"query"_s),
             QJsonValue(u"updated_at:>='2025-12-31T00:00:00Z'"_s));
}

void TestShopifyReads::pollCutShortResumesAfterWhatItHandedOver()
{
    FakeChannelServer server;
    server.enqueue(
        CannedResponse::json(200,
                             answer({{u"orders"_s,
                                      connection({order(u"1"_s, u"2026-01-01T00:00:05Z"_s),
                                                  order(u"2"_s, u"2026-01-01T00:00:07Z"_s)},
                                                 u"p2"_s)}})));
    server.enqueue(CannedResponse::json(503, R"({"errors":"Service Unavailable"})"));
    auto shop = adapter(server);
    Capture<FetchOrdersResult> first;
    shop->fetchOrders(u"2026-01-01T00:00:00.000Z"_s, first.callback());
    QTRY_COMPARE(first.calls, 1);
    QCOMPARE(first.value.failure, FailureKind::Transient);
    QCOMPARE(first.value.orders.size(), 2); // both sales of the page read
    QCOMPARE(first.value.nextHighWaterMark, u"2026-01-01T00:00:07.000Z|2"_s);
    QCOMPARE(server.requests().at(1).json().value(u"variables"_s).toObject().value(u"after"_s),
             QJsonValue(u"p2"_s));

    // The next poll starts at that second; order 2 is not handed over again, order 3 (changed
    // in the same second) is.
    server.enqueue(
        CannedResponse::json(200,
                             answer({{u"orders"_s,
                                      connection({order(u"2"_s, u"2026-01-01T00:00:07Z"_s),
                                                  order(u"3"_s, u"2026-01-01T00:00:07Z"_s)})}})));
    Capture<FetchOrdersResult> second;
    shop->fetchOrders(first.value.nextHighWaterMark, second.callback());
    QTRY_COMPARE(second.calls, 1);
    QCOMPARE(server.requests().at(2).json().value(u"variables"_s).toObject().value(u"query"_s),
             QJsonValue(u"updated_at:>='2026-01-01T00:00:07Z'"_s));
    QCOMPARE(second.value.failure, FailureKind::None);
    QCOMPARE(describe(second.value.orders), QStringList {u"sale 3  31:SKU-1::1"_s});
    QCOMPARE(second.value.nextHighWaterMark, u"2026-01-01T00:00:07.000Z|2,3"_s);
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestShopifyReads)
#include "tst_shopifyreads.moc"
