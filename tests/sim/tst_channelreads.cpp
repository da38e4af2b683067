// The channels' read side end to end: each real adapter (ChannelReader) against its simulator
// over loopback HTTP, in the channel's wire format: the catalogue page by page, quantities in
// bulk, a quantity changed behind our back, and orders polled with the webhooks switched off.
#include "channels/channelfactory.h"
#include "channels/shopify/shopifyadapter.h"
#include "channels/shopify/shopifyorderpoll.h"
#include "fakechannelserver.h" // Test::Capture
#include "sim/graphqlcost.h"
#include "simfixture.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

namespace {

QString typeOf(const QString &channel)
{
    static const QHash<QString, QString> types {{u"shop-us"_s, u"shopify"_s},
                                                {u"woo"_s, u"woocommerce"_s},
                                                {u"ebay"_s, u"ebay"_s},
                                                {u"amz"_s, u"amazon"_s}};
    return types.value(channel);
}

// `count` more listings in the channel's own id form, each with a SKU and a quantity.
QJsonObject extraListings(const QString &channel, int count)
{
    QJsonObject listings;
    for (int i = 0; i < count; ++i) {
        QString id;
        if (channel == "shop-us"_L1)
            id = QString::number(40'000 + i);
        else if (channel == "woo"_L1)
            id = i % 4 == 3 ? u"%1/%2"_s.arg(5000 + i / 8).arg(9000 + i) : QString::number(200 + i);
        else
            id = u"X-%1"_s.arg(i, 4, 10, QChar(u'0'));
        // eBay and Amazon address a listing by its SKU: the remote id is the SKU there.
        const bool bySku = channel == "ebay"_L1 || channel == "amz"_L1;
        listings.insert(
            id, QJsonObject {{u"quantity"_s, i % 17}, {u"sku"_s, bySku ? id : u"P-%1"_s.arg(i)}});
    }
    return listings;
}

} // namespace

class TestChannelReads : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup()
    {
        m_adapters.clear();
        tearDown();
    }

    void listListingsPagesTheWholeCatalogue_data();
    void listListingsPagesTheWholeCatalogue();
    void readQuantitiesInBulk_data();
    void readQuantitiesInBulk();
    void changeBehindOurBackIsRead_data();
    void changeBehindOurBackIsRead();
    void ordersArePolledWithWebhooksOff_data();
    void ordersArePolledWithWebhooksOff();
    void amazonCatalogueGoesPastAThousand();
    void shopifyQueriesStayUnderTheCostLimit_data();
    void shopifyQueriesStayUnderTheCostLimit();
    void shopifyLongOrderIsReadWhole();

private:
    ChannelReader *reader(const QString &channel);
    void seed(const QString &channel, const QJsonObject &listings);
    QList<RemoteListing> wholeCatalogue(const QString &channel, int *pages);
    FetchOrdersResult poll(const QString &channel, const QString &mark);

    std::vector<std::unique_ptr<ChannelAdapter>> m_adapters;
};

ChannelReader *TestChannelReads::reader(const QString &channel)
{
    const ChannelConfig config = channelConfig(channel, typeOf(channel));
    m_adapters.push_back(createChannelAdapter(config, m_network.get(), *m_clock));
    return m_adapters.back()->reader();
}

void TestChannelReads::seed(const QString &channel, const QJsonObject &listings)
{
    QString error;
    QVERIFY2(m_sim->channel(channel)->seedListings(listings, &error), qPrintable(error));
}

QList<RemoteListing> TestChannelReads::wholeCatalogue(const QString &channel, int *pages)
{
    ChannelReader *channelReader = reader(channel);
    QList<RemoteListing> all;
    QString token;
    *pages = 0;
    do {
        // The simulators' buckets refill with the (manual) clock.
        m_clock->advance(1000);
        Test::Capture<ListingPage> page;
        channelReader->listListings(token, page.callback());
        if (!QTest::qWaitFor([&] { return page.calls == 1; }, 10000)) {
            qWarning() << "no answer for page" << *pages;
            return {};
        }
        if (!page.value.ok()) {
            qWarning() << "page" << *pages << "failed:" << page.value.message;
            return {};
        }
        all += page.value.listings;
        token = page.value.nextPageToken;
        ++*pages;
    } while (!token.isEmpty() && *pages < 200);
    return all;
}

FetchOrdersResult TestChannelReads::poll(const QString &channel, const QString &mark)
{
    Test::Capture<FetchOrdersResult> capture;
    reader(channel)->fetchOrders(mark, capture.callback());
    if (!QTest::qWaitFor([&] { return capture.calls == 1; }, 10000))
        qWarning() << "no answer from the poll";
    return capture.value;
}

void TestChannelReads::listListingsPagesTheWholeCatalogue_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<int>("extra");
    QTest::addColumn<int>("minPages");
    // Each a little over two of the channel's pages.
    QTest::newRow("shopify") << u"shop-us"_s << 203 << 3;
    QTest::newRow("woocommerce") << u"woo"_s << 260 << 3;
    QTest::newRow("ebay") << u"ebay"_s << 403 << 3;
    QTest::newRow("amazon") << u"amz"_s << 43 << 3;
}

void TestChannelReads::listListingsPagesTheWholeCatalogue()
{
    QFETCH(QString, channel);
    QFETCH(int, extra);
    QFETCH(int, minPages);
    seed(channel, extraListings(channel, extra));
    int pages = 0;
    const QList<RemoteListing> listings = wholeCatalogue(channel, &pages);
    QVERIFY(pages >= minPages);

    // Every listing the channel holds, once, with its SKU and what it shows.
    const QJsonObject held = m_sim->channel(channel)->listingsJson();
    QCOMPARE(listings.size(), held.size());
    QSet<QString> seen;
    for (const RemoteListing &listing : listings) {
        QVERIFY2(held.contains(listing.remoteId), qPrintable(listing.remoteId));
        QVERIFY2(!seen.contains(listing.remoteId), qPrintable(listing.remoteId));
        seen.insert(listing.remoteId);
        const QJsonObject entry = held.value(listing.remoteId).toObject();
        QCOMPARE(listing.sku, entry.value("sku"_L1).toString());
        QCOMPARE(listing.quantity, std::optional<qint64>(entry.value("quantity"_L1).toInteger()));
    }
}

void TestChannelReads::readQuantitiesInBulk_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<int>("extra"); // more than one call takes
    QTest::addColumn<QString>("unknown");
    QTest::addColumn<int>("calls"); // API calls for the read
    QTest::newRow("shopify") << u"shop-us"_s << 120 << u"999999"_s << 2;
    // Simple products in one call, the variations of each parent in one call each.
    QTest::newRow("woocommerce") << u"woo"_s << 40 << u"999"_s << 7;
    QTest::newRow("ebay") << u"ebay"_s << 30 << u"NOPE"_s << 2;
    QTest::newRow("amazon") << u"amz"_s << 25 << u"NOPE"_s << 2;
}

void TestChannelReads::readQuantitiesInBulk()
{
    QFETCH(QString, channel);
    QFETCH(int, extra);
    QFETCH(QString, unknown);
    QFETCH(int, calls);
    seed(channel, extraListings(channel, extra));
    const QJsonObject held = m_sim->channel(channel)->listingsJson();
    QStringList ids = held.keys();
    ids.append(unknown);
    sim("DELETE", channel, u"stats"_s);
    const qint64 callsBefore = stats(channel).value("calls"_L1).toInteger();

    Test::Capture<QuantitiesRead> capture;
    reader(channel)->readQuantities(ids, capture.callback());
    QTRY_COMPARE_WITH_TIMEOUT(capture.calls, 1, 10000);
    QVERIFY2(capture.value.ok(), qPrintable(capture.value.message));
    QCOMPARE(capture.value.quantities.size(), held.size());
    for (auto it = held.begin(); it != held.end(); ++it)
        QCOMPARE(capture.value.quantities.value(it.key(), -1),
                 it.value().toObject().value("quantity"_L1).toInteger());
    QCOMPARE(capture.value.missing.keys(), QStringList {unknown});
    // In bulk: a handful of calls, not one per listing (Amazon's also fetches a token).
    const qint64 made = stats(channel).value("calls"_L1).toInteger() - callsBefore;
    QCOMPARE(made - (channel == "amz"_L1 ? 1 : 0), qint64(calls));
}

void TestChannelReads::changeBehindOurBackIsRead_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("remoteId");
    QTest::newRow("shopify") << u"shop-us"_s << u"30322696"_s;
    QTest::newRow("woocommerce") << u"woo"_s << u"94/101"_s;
    QTest::newRow("ebay") << u"ebay"_s << u"A-2"_s;
    QTest::newRow("amazon") << u"amz"_s << u"B-1"_s;
}

void TestChannelReads::changeBehindOurBackIsRead()
{
    QFETCH(QString, channel);
    QFETCH(QString, remoteId);
    // A merchant types a number into the channel's admin: no API write, the listing changes.
    const Reply adjusted =
        sim("POST", channel, u"adjust"_s, {{u"remote_id"_s, remoteId}, {u"quantity"_s, 77}});
    QCOMPARE(adjusted.status, 200);
    QCOMPARE(stats(channel).value("write_count"_L1).toInt(), 0);
    QCOMPARE(stats(channel).value("events"_L1).toObject().value("merchant_edits"_L1).toInt(), 1);

    Test::Capture<QuantitiesRead> capture;
    reader(channel)->readQuantities({remoteId}, capture.callback());
    QTRY_COMPARE_WITH_TIMEOUT(capture.calls, 1, 10000);
    QCOMPARE(capture.value.quantities.value(remoteId), 77);

    // The control API says what it will not do.
    QCOMPARE(
        sim("POST", channel, u"adjust"_s, {{u"remote_id"_s, u"nope"_s}, {u"delta"_s, 1}}).status,
        404);
    QCOMPARE(
        sim("POST", channel, u"adjust"_s, {{u"remote_id"_s, remoteId}, {u"delta"_s, -100}}).status,
        400);
    QVERIFY(m_sim->channel(channel)->setShownQuantity(remoteId, 5));
    QCOMPARE(m_sim->channel(channel)->listing(remoteId)->quantity, 5);
}

void TestChannelReads::ordersArePolledWithWebhooksOff_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("remoteId");
    QTest::addColumn<QStringList>("cancelKinds"); // the events a polled cancel gives
    QTest::newRow("shopify") << u"shop-us"_s << u"30322695"_s
                             << QStringList {u"sale"_s, u"refund"_s, u"cancel"_s};
    QTest::newRow("woocommerce") << u"woo"_s << u"93"_s << QStringList {u"cancel"_s};
    QTest::newRow("ebay") << u"ebay"_s << u"A-1"_s << QStringList {u"sale"_s, u"cancel"_s};
    QTest::newRow("amazon") << u"amz"_s << u"B-1"_s << QStringList {u"cancel"_s};
}

void TestChannelReads::ordersArePolledWithWebhooksOff()
{
    QFETCH(QString, channel);
    QFETCH(QString, remoteId);
    QFETCH(QStringList, cancelKinds);
    QCOMPARE(sim("POST", channel, u"webhooks"_s, {{u"enabled"_s, false}}).status, 200);
    // Seven orders: Shopify's poll reads three a page.
    QStringList placed;
    for (int i = 0; i < 7; ++i) {
        const Reply order =
            sim("POST", channel, u"orders"_s,
                {{u"order_id"_s, u"%1"_s.arg(5001 + i)},
                 {u"lines"_s,
                  QJsonArray {QJsonObject {{u"remote_id"_s, remoteId}, {u"quantity"_s, 1}}}}});
        QCOMPARE(order.status, 201);
        placed.append(order.json.value("order_id"_L1).toString());
    }
    // Nothing is sent: the webhooks of the channels that have them are held back.
    if (m_sim->channel(channel)->type() == "shopify"_L1 ||
        m_sim->channel(channel)->type() == "woocommerce"_L1)
        QCOMPARE(
            stats(channel).value("events"_L1).toObject().value("webhooks_suppressed"_L1).toInt(),
            7);
    QCOMPARE(stats(channel).value("events"_L1).toObject().value("webhook_attempts"_L1).toInt(), 0);

    const FetchOrdersResult first = poll(channel, QString());
    QVERIFY2(first.failure == FailureKind::None, qPrintable(first.message));
    QStringList sold;
    for (const OrderEvent &event : first.orders) {
        QCOMPARE(event.kind, OrderEventKind::Sale);
        QCOMPARE(event.channel, channel);
        QCOMPARE(event.lines.size(), 1);
        QCOMPARE(event.lines.first().quantity, 1);
        sold.append(event.orderId);
    }
    std::sort(sold.begin(), sold.end());
    QCOMPARE(sold, placed);
    QVERIFY(!first.nextHighWaterMark.isEmpty());

    // Nothing new: nothing handed over again.
    m_clock->advance(2000);
    const FetchOrdersResult quiet = poll(channel, first.nextHighWaterMark);
    QVERIFY(quiet.orders.isEmpty());

    // A cancel is seen by the next poll, and only that order comes back.
    QCOMPARE(sim("POST", channel, u"cancel"_s, {{u"order_id"_s, placed.at(2)}}).status, 200);
    m_clock->advance(2000);
    const FetchOrdersResult second = poll(channel, quiet.nextHighWaterMark);
    QStringList kinds;
    for (const OrderEvent &event : second.orders) {
        QCOMPARE(event.orderId, placed.at(2));
        kinds.append(eventKindName(event.kind));
    }
    QCOMPARE(kinds, cancelKinds);
    if (channel == "woo"_L1) // WooCommerce gives back only what an order it knows took
        QCOMPARE(second.onlyForKnownOrders, QSet<QString> {placed.at(2)});
}

void TestChannelReads::amazonCatalogueGoesPastAThousand()
{
    // One search pages through at most 1,000 results; the catalogue goes on with a new search
    // from the last creation date reached.
    seed(u"amz"_s, extraListings(u"amz"_s, 1010));
    int pages = 0;
    const QList<RemoteListing> listings = wholeCatalogue(u"amz"_s, &pages);
    QSet<QString> unique;
    for (const RemoteListing &listing : listings)
        unique.insert(listing.remoteId);
    QCOMPARE(unique.size(), 1011);
    QVERIFY(pages > 50);
}

void TestChannelReads::shopifyQueriesStayUnderTheCostLimit_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QJsonObject>("variables");
    QTest::addColumn<int>("cost"); // Shopify's calculated cost; at most 1,000 is accepted
    QJsonArray ids;
    for (int i = 0; i < ShopifyAdapter::kQuantitiesPerRead; ++i)
        ids.append(u"gid://shopify/InventoryItem/%1"_s.arg(i));
    QTest::newRow("catalogue page")
        << ShopifyAdapter::listListingsQuery()
        << QJsonObject {{u"first"_s, ShopifyAdapter::kListingsPageSize}} << 402;
    QTest::newRow("quantities") << ShopifyAdapter::readQuantitiesQuery()
                                << QJsonObject {{u"ids"_s, ids}} << 300;
    QTest::newRow("orders page") << ShopifyOrderPoll::ordersQuery()
                                 << QJsonObject {{u"first"_s, ShopifyOrderPoll::kOrdersPerPage}}
                                 << 854;
    QTest::newRow("line items") << ShopifyOrderPoll::lineItemsQuery() << QJsonObject() << 203;
    QTest::newRow("refunds and fulfillments")
        << ShopifyOrderPoll::orderChildrenQuery() << QJsonObject() << 201;
}

void TestChannelReads::shopifyQueriesStayUnderTheCostLimit()
{
    QFETCH(QString, query);
    QFETCH(QJsonObject, variables);
    QFETCH(int, cost);
    QCOMPARE(shopifyRequestedCost(query, variables).value_or(-1), cost);
    QVERIFY(cost <= 1000);
}

void TestChannelReads::shopifyLongOrderIsReadWhole()
{
    // 30 lines: more than the page query reads of an order, and a cancel whose refund has
    // more lines than it reads per refund; both are completed by follow-up queries.
    seed(u"shop-us"_s, extraListings(u"shop-us"_s, 30));
    QCOMPARE(sim("POST", u"shop-us"_s, u"webhooks"_s, {{u"enabled"_s, false}}).status, 200);
    QJsonArray lines;
    for (int i = 0; i < 30; ++i)
        lines.append(
            QJsonObject {{u"remote_id"_s, QString::number(40'000 + i)}, {u"quantity"_s, 1}});
    // Listings seeded with 0 still take an order: the channel oversells, as a real one can.
    const Reply order =
        sim("POST", u"shop-us"_s, u"orders"_s,
            {{u"order_id"_s, u"6001"_s}, {u"lines"_s, lines}, {u"allow_oversell"_s, true}});
    QCOMPARE(order.status, 201);
    QCOMPARE(sim("POST", u"shop-us"_s, u"cancel"_s, {{u"order_id"_s, u"6001"_s}}).status, 200);
    const FetchOrdersResult result = poll(u"shop-us"_s, QString());
    QVERIFY2(result.failure == FailureKind::None, qPrintable(result.message));
    QCOMPARE(result.orders.size(), 3);
    QCOMPARE(result.orders.at(0).lines.size(), 30);
    QVERIFY(result.orders.at(0).cancelled);
    QCOMPARE(result.orders.at(1).kind, OrderEventKind::Refund);
    QCOMPARE(result.orders.at(1).eventId,
             u"%1"_s.arg(900'000'000 + order.json.value("number"_L1).toInt()));
    QCOMPARE(result.orders.at(1).lines.size(), 30);
    QCOMPARE(result.orders.at(2).kind, OrderEventKind::Cancel);
    QCOMPARE(
        stats(u"shop-us"_s).value("events"_L1).toObject().value("max_cost_exceeded"_L1).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestChannelReads)
#include "tst_channelreads.moc"
