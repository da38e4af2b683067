// The demo's seed: listings start in sync with the simulated shops, which start with the same
// quantities, except the deliberately broken mappings, which stay pending. And the demo's order
// lives: sales go on to ship, or are cancelled, refunded or edited at the configured rates,
// through the real order path, and once every step has run nothing stays committed.
#include "sim/demodriver.h"
#include "store/bufferstore.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/orderledger.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestDemoDriver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedStartsListingsInSync();
    void ordersLiveOnAtRealisticRates();
};

void TestDemoDriver::seedStartsListingsInSync()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"demo.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    DemoDriver::Options options;
    options.skus = 800; // past the broken mappings (SKUs 700 to 707 on one channel)
    DemoDriver demo(SystemClock::instance(), options);
    QVERIFY2(demo.listen(&error), qPrintable(error));
    QVERIFY2(demo.seed(*db, &error), qPrintable(error));

    QHash<QString, StockLevel> stock;
    const QList<StockLevel> levels = InventoryStore(*db).allStock().valueOr({});
    QVERIFY(!levels.isEmpty());
    for (const StockLevel &s : std::as_const(levels))
        stock.insert(s.sku, s);
    // What each channel shows: its buffer rule (the demo's eBay, Amazon and outlet have one)
    // and the hot SKUs' own rules, recorded so that nothing is sent again at the first start.
    BufferRules rules = bufferRules(demo.channelsConfig());
    rules.setOverrides(BufferStore(*db).overrides().valueOr({}));
    QVERIFY(!rules.override(u"amazon"_s, u"SKU-00001"_s).isEmpty());
    QCOMPARE(BufferStore(*db).applyChannelRules(rules, u"test"_s, 0).valueOr(-1), 0);
    QHash<QString, int> inSync;
    int pending = 0;
    int buffered = 0; // listings shown less than what is available
    const auto listings = PropagationStore(*db).listings();
    QVERIFY2(listings, qPrintable(listings.error()));
    for (const ListingState &l : *listings) {
        const StockLevel s = stock.value(l.sku);
        if (l.state == ListingState::State::InSync) {
            QCOMPARE(l.ackedVersion, s.version);
            const qint64 shown =
                rules.expected(l.channel, l.sku, s.available, s.safetyBuffer).quantity;
            QCOMPARE(l.ackedQuantity, std::optional<qint64>(shown));
            buffered += shown < s.available ? 1 : 0;
            ++inSync[l.channel];
        } else {
            QCOMPARE(l.state, ListingState::State::Pending);
            QVERIFY(!l.ackedQuantity);
            ++pending;
        }
    }
    QCOMPARE(inSync.size(), demo.channelsConfig().channels.size()); // every channel
    QCOMPARE(pending, 8); // the broken mappings, left to reach the dead-letter queue
    QVERIFY(buffered > 100);
}

void TestDemoDriver::ordersLiveOnAtRealisticRates()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"demo.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    ManualClock clock;
    DemoDriver::Options options;
    options.skus = 50;
    options.cancelShare = 0.05;
    options.refundShare = 0.05;
    options.editShare = 0.05;
    DemoDriver demo(clock, options);
    QVERIFY2(demo.listen(&error), qPrintable(error));
    QVERIFY2(demo.seed(*db, &error), qPrintable(error));
    SyncEngine engine(*db, clock);
    demo.followOrders(&engine);

    constexpr int kOrders = 600;
    for (int i = 0; i < kOrders; ++i) {
        OrderEvent sale;
        sale.channel = i % 2 ? u"shop-us"_s : u"woo-main"_s;
        sale.orderId = QString::number(i + 1);
        sale.receivedAtMs = clock.nowMs();
        // The five hot SKUs start with 300 each: no sale here takes one below zero.
        sale.lines = {{u"SKU-%1"_s.arg(1 + i % 5, 5, 10, QChar(u'0')), 1 + i % 2}};
        QCOMPARE(engine.apply(sale).outcome, ApplyOutcome::Applied);
    }
    QVERIFY(demo.lifecyclePending() >= kOrders);
    demo.runLifecycle(); // nothing is due yet: sales do not ship at once
    QCOMPARE(demo.lifecycleCounts().shipped, 0);
    // Step through a minute of the demo's time: every cancel, edit, shipment and refund is due.
    for (int t = 0; t < 240; ++t) {
        clock.advance(250);
        demo.runLifecycle();
    }
    QCOMPARE(demo.lifecyclePending(), 0);

    const DemoDriver::LifecycleCounts &counts = demo.lifecycleCounts();
    QCOMPARE(counts.ignored, 0); // every event had something to do
    // A few percent each (5% configured, give or take the dice), most orders shipped.
    for (const qint64 n : {counts.cancelled, counts.refunded, counts.edited}) {
        QVERIFY2(n >= kOrders / 100 && n <= kOrders / 10, qPrintable(QString::number(n)));
    }
    QCOMPARE(counts.shipped, kOrders - counts.cancelled);
    QVERIFY(counts.shipped > kOrders * 8 / 10);

    // Every sale ended shipped or cancelled: nothing stays committed, and the ledger says so.
    const QList<StockLevel> levels = InventoryStore(*db).allStock().valueOr({});
    QVERIFY(!levels.isEmpty());
    for (const StockLevel &s : std::as_const(levels))
        QVERIFY2(s.committed == 0, qPrintable(s.sku));
    const auto recent = OrderLedger(*db).recentOrders(kOrders);
    QVERIFY2(recent, qPrintable(recent.error()));
    const QList<OrderLedger::OrderSummary> &orders = *recent;
    QHash<QString, int> statuses;
    for (const OrderLedger::OrderSummary &o : std::as_const(orders))
        ++statuses[o.status];
    QCOMPARE(statuses.value(u"cancelled"_s), int(counts.cancelled));
    QVERIFY(statuses.value(u"partially_refunded"_s) + statuses.value(u"refunded"_s) > 0);
    QCOMPARE(statuses.value(u"applied"_s), 0);
    QVERIFY(statuses.value(u"shipped"_s) > kOrders / 2);
}

QTEST_GUILESS_MAIN(TestDemoDriver)
#include "tst_demodriver.moc"
