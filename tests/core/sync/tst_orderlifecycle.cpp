// The life of an order on the order path (issue 9): a sale is a fact, lines wait for their
// mapping, and cancels, refunds, edits and shipments move stock exactly once.
#include "store/mappingstore.h"
#include "store/orderledger.h"
#include "testdatabase.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kShop = u"shop"_s;

OrderEvent sale(const QString &id, QList<OrderLine> lines)
{
    return order(kShop, id, std::move(lines));
}

OrderEvent lifecycle(OrderEventKind kind, const QString &id, const QString &eventId,
                     QList<OrderLine> lines = {})
{
    OrderEvent e = order(kShop, id, std::move(lines));
    e.kind = kind;
    e.eventId = eventId;
    return e;
}

OrderLine restocked(const QString &sku, qint64 qty, bool restock = true)
{
    OrderLine l {sku, qty};
    l.restock = restock;
    return l;
}
} // namespace

class TestOrderLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void shortSaleGoesNegativeAndIsOversold();
    void cancelOfOversoldOrderClearsTheList();
    void restockResolvesOwedUnits();
    void merchantResolvesOversold();
    void mappedLineAppliesAtOnceUnmappedWaitsForItsMapping();
    void unknownSkuLineIsResolvedByTheMerchant_data();
    void unknownSkuLineIsResolvedByTheMerchant();
    void orderArrivingCancelledTakesNothing();
    void shopifyRefundThenCancelGivesBackExactlyOnce();
    void refundBeforeItsOrderWaitsForIt();
    void editMovesTheDifference();
    void shipmentLeavesCommittedAndCancelRestocksOnlyTheRest();
    void refundAfterShipmentIsAReturn();
    void refundWithoutRestockWritesOff();
    void eventsOfAnUnknownOrderAreIgnoredAndKept();
    void conservationOverARandomStream();
    void shipmentByAnotherConnectionIsNotLost();
    void shipmentOfAWaitingLineWaitsForIt();
    void editAfterARefundComparesWithWhatIsLeft();
    void recentOrdersKeepThoseThatNeedTheMerchant();

private:
    SyncEngine &engine() { return *m_engine; }
    void seed(const QList<StockImportRow> &rows)
    {
        const auto r = engine().importStock(rows, u"test"_s, u"seed"_s);
        QVERIFY2(r.ok(), qPrintable(r.message));
    }
    ApplyOutcome apply(const OrderEvent &e)
    {
        const ApplyResult r = engine().apply(e);
        return r.outcome;
    }
    LedgerOrder ledger(const QString &id)
    {
        LedgerOrder o;
        bool found = false;
        OrderLedger reader(m_t->db());
        if (!reader.readOrder(kShop, id, &o, &found) || !found)
            qFatal("no order %s", qPrintable(id));
        return o;
    }
    QList<OversoldEntry> oversold()
    {
        const auto out = OrderLedger(m_t->db()).oversold();
        if (!out)
            qFatal("%s", qPrintable(out.error()));
        return *out;
    }
    QList<UnmatchedEntry> unmatched()
    {
        const auto out = OrderLedger(m_t->db()).unmatched();
        if (!out)
            qFatal("%s", qPrintable(out.error()));
        return *out;
    }

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestOrderLifecycle::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_engine = std::make_unique<SyncEngine>(m_t->db());
}

void TestOrderLifecycle::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

void TestOrderLifecycle::shortSaleGoesNegativeAndIsOversold()
{
    seed({stockRow(u"A"_s, 1), stockRow(u"B"_s, 5)});
    const ApplyResult r = engine().apply(sale(u"1"_s, {{u"A"_s, 3}, {u"B"_s, 1}}));
    QCOMPARE(r.outcome, ApplyOutcome::Oversold);
    QVERIFY2(r.message.contains(u"A: 2 owed"_s), qPrintable(r.message));
    QCOMPARE(r.mutations.first().owed(), 2); // what the oversell alert counts
    // Every line took its stock: the units left the shelf, whatever we thought we had.
    QCOMPARE(m_t->stock(u"A"_s).available, -2);
    QCOMPARE(m_t->stock(u"A"_s).committed, 3);
    QCOMPARE(m_t->stock(u"A"_s).onHand(), 1);
    QCOMPARE(m_t->stock(u"B"_s).available, 4);
    QVERIFY(m_t->stock(u"A"_s).paused);
    const QList<OversoldEntry> list = oversold();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().orderId, u"1"_s);
    QCOMPARE(list.first().sku, u"A"_s);
    QCOMPARE(list.first().owed, 2);
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::Oversold);
    // Redelivery changes nothing.
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 3}, {u"B"_s, 1}})), ApplyOutcome::Duplicate);
    QCOMPARE(m_t->stock(u"A"_s).available, -2);
}

void TestOrderLifecycle::cancelOfOversoldOrderClearsTheList()
{
    seed({stockRow(u"A"_s, 1)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 3}})), ApplyOutcome::Oversold);
    QCOMPARE(apply(lifecycle(OrderEventKind::Cancel, u"1"_s, {})), ApplyOutcome::Cancelled);
    QCOMPARE(m_t->stock(u"A"_s).available, 1);
    QCOMPARE(m_t->stock(u"A"_s).committed, 0);
    QVERIFY(oversold().isEmpty());
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::Cancelled);
    // A second cancel (a new delivery, or another id for the same cancel) does nothing.
    QCOMPARE(apply(lifecycle(OrderEventKind::Cancel, u"1"_s, {})), ApplyOutcome::Duplicate);
    QCOMPARE(m_t->stock(u"A"_s).available, 1);
}

void TestOrderLifecycle::restockResolvesOwedUnits()
{
    seed({stockRow(u"A"_s, 0)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 2}})), ApplyOutcome::Oversold);
    QCOMPARE(apply(sale(u"2"_s, {{u"A"_s, 1}})), ApplyOutcome::Oversold);
    QCOMPARE(oversold().size(), 2);
    // Not yet enough: still owed.
    QVERIFY(engine().adjust(u"A"_s, 2, u"me"_s, u"found two"_s).ok());
    QCOMPARE(m_t->stock(u"A"_s).available, -1);
    QCOMPARE(oversold().size(), 2);
    QVERIFY(engine().adjust(u"A"_s, 4, u"me"_s, u"delivery"_s).ok());
    QCOMPARE(m_t->stock(u"A"_s).available, 3);
    QVERIFY(oversold().isEmpty());
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::Applied);
    int resolves = 0;
    for (const Mutation &m : m_t->log(u"A"_s))
        resolves += m.kind == MutationKind::Resolve ? 1 : 0;
    QCOMPARE(resolves, 2);
}

void TestOrderLifecycle::merchantResolvesOversold()
{
    seed({stockRow(u"A"_s, 0)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 1}})), ApplyOutcome::Oversold);
    QVERIFY(!engine().resolveOversold(kShop, u"1"_s, u"me"_s, QString()).ok());
    QCOMPARE(engine().resolveOversold(kShop, u"nope"_s, u"me"_s, u"x"_s).error,
             SyncEngine::ChangeError::NotFound);
    const auto r = engine().resolveOversold(kShop, u"1"_s, u"me"_s, u"customer agreed to wait"_s);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(oversold().isEmpty());
    QCOMPARE(r.mutations.size(), 1);
    QCOMPARE(r.mutations.first().kind, MutationKind::Resolve);
    QCOMPARE(r.mutations.first().actor, u"me"_s);
    QVERIFY(r.mutations.first().reason.contains(u"customer agreed to wait"_s));
    // Nothing left to resolve.
    QCOMPARE(engine().resolveOversold(kShop, u"1"_s, u"me"_s, u"again"_s).error,
             SyncEngine::ChangeError::NotFound);
    // The stock itself is still the truth: one unit owed.
    QCOMPARE(m_t->stock(u"A"_s).available, -1);
}

void TestOrderLifecycle::mappedLineAppliesAtOnceUnmappedWaitsForItsMapping()
{
    seed({stockRow(u"A"_s, 5), stockRow(u"B"_s, 5)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 1}, byRemoteId(u"gid-9"_s, 2)})),
             ApplyOutcome::Unmatched);
    QCOMPARE(m_t->stock(u"A"_s).available, 4);
    QCOMPARE(m_t->stock(u"B"_s).available, 5);
    QList<UnmatchedEntry> waiting = unmatched();
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().line, 2);
    QCOMPARE(waiting.first().remoteId, u"gid-9"_s);
    QCOMPARE(waiting.first().quantity, 2);
    // A second order for the same product waits behind the first.
    QCOMPARE(apply(sale(u"2"_s, {byRemoteId(u"gid-9"_s, 1)})), ApplyOutcome::Unmatched);

    QVERIFY(MappingStore(m_t->db()).importMappings({{kShop, u"B"_s, u"gid-9"_s}}, 1));
    const auto r = engine().applyWaiting(kShop, {u"gid-9"_s}, u"test"_s);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(m_t->stock(u"B"_s).available, 2);
    QCOMPARE(m_t->stock(u"B"_s).committed, 3);
    QVERIFY(unmatched().isEmpty());
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::Applied);
    QCOMPARE(ledger(u"1"_s).lines.at(1).sku, u"B"_s);
    // In the orders' sequence: order 1's line first.
    QList<Mutation> taken;
    for (const Mutation &m : r.mutations) {
        if (m.kind == MutationKind::Order)
            taken.append(m);
    }
    QCOMPARE(taken.size(), 2);
    QCOMPARE(taken.at(0).orderId, u"1"_s);
    QCOMPARE(taken.at(1).orderId, u"2"_s);
    // Applying again finds nothing waiting.
    const auto again = engine().applyWaiting(kShop, {u"gid-9"_s}, u"test"_s);
    QVERIFY(again.ok());
    QCOMPARE(m_t->stock(u"B"_s).available, 2);
}

void TestOrderLifecycle::unknownSkuLineIsResolvedByTheMerchant_data()
{
    QTest::addColumn<bool>("ignore");
    QTest::newRow("applied to a SKU") << false;
    QTest::newRow("ignored (a gift card)") << true;
}

void TestOrderLifecycle::unknownSkuLineIsResolvedByTheMerchant()
{
    QFETCH(bool, ignore);
    seed({stockRow(u"A"_s, 5), stockRow(u"B"_s, 5)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 1}, {u"NOPE"_s, 1}})), ApplyOutcome::Unmatched);
    QCOMPARE(m_t->stock(u"A"_s).available, 4);
    QCOMPARE(unmatched().size(), 1);
    QCOMPARE(unmatched().first().sku, u"NOPE"_s);
    QCOMPARE(engine().resolveUnmatched(kShop, u"1"_s, 1, u"B"_s, u"me"_s, {}).error,
             SyncEngine::ChangeError::NotFound); // line 1 is not waiting
    QCOMPARE(engine().resolveUnmatched(kShop, u"1"_s, 2, u"ZZZ"_s, u"me"_s, {}).error,
             SyncEngine::ChangeError::UnknownSku);
    QCOMPARE(engine().resolveUnmatched(kShop, u"1"_s, 2, {}, u"me"_s, {}).error,
             SyncEngine::ChangeError::InvalidInput); // ignoring needs a reason
    const auto r = ignore ? engine().resolveUnmatched(kShop, u"1"_s, 2, {}, u"me"_s, u"gift card"_s)
                          : engine().resolveUnmatched(kShop, u"1"_s, 2, u"B"_s, u"me"_s, {});
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(unmatched().isEmpty());
    QCOMPARE(m_t->stock(u"B"_s).available, ignore ? 5 : 4);
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::Applied);
    QCOMPARE(ledger(u"1"_s).lines.at(1).applied, ignore ? 0 : 1);
}

void TestOrderLifecycle::orderArrivingCancelledTakesNothing()
{
    seed({stockRow(u"A"_s, 5)});
    OrderEvent e = sale(u"9999"_s, {{u"A"_s, 2}});
    e.cancelled = true;
    QCOMPARE(apply(e), ApplyOutcome::Cancelled);
    QCOMPARE(m_t->stock(u"A"_s).available, 5);
    QCOMPARE(ledger(u"9999"_s).status(), OrderStatus::Cancelled);
    QCOMPARE(apply(lifecycle(OrderEventKind::Cancel, u"9999"_s, {})), ApplyOutcome::Ignored);
    QCOMPARE(apply(e), ApplyOutcome::Duplicate);
    QCOMPARE(m_t->stock(u"A"_s).available, 5);
}

void TestOrderLifecycle::shopifyRefundThenCancelGivesBackExactlyOnce()
{
    seed({stockRow(u"A"_s, 10)});
    const OrderEvent create = sale(u"1"_s, {{u"A"_s, 2}});
    const OrderEvent refund1 =
        lifecycle(OrderEventKind::Refund, u"1"_s, u"R1"_s, {restocked(u"A"_s, 1)});
    // orders/cancelled lists every refund of the order: R1 again, and R2 for the rest.
    const OrderEvent refund2 =
        lifecycle(OrderEventKind::Refund, u"1"_s, u"R2"_s, {restocked(u"A"_s, 1)});
    const OrderEvent cancel = lifecycle(OrderEventKind::Cancel, u"1"_s, {});
    QCOMPARE(apply(create), ApplyOutcome::Applied);
    QCOMPARE(m_t->stock(u"A"_s).available, 8);
    QCOMPARE(apply(refund1), ApplyOutcome::Refunded);
    QCOMPARE(m_t->stock(u"A"_s).available, 9);
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::PartiallyRefunded);
    const QList<ApplyResult> results = engine().applyBatch({refund1, refund2, cancel});
    QCOMPARE(results.at(0).outcome, ApplyOutcome::Duplicate);
    QCOMPARE(results.at(1).outcome, ApplyOutcome::Refunded);
    QCOMPARE(results.at(2).outcome, ApplyOutcome::Cancelled);
    QCOMPARE(m_t->stock(u"A"_s).available, 10);
    QCOMPARE(m_t->stock(u"A"_s).committed, 0);
    const qint64 version = m_t->stock(u"A"_s).version;
    // Every delivery again, in any order: nothing moves.
    for (const OrderEvent &e : {cancel, refund2, create, refund1})
        QCOMPARE(apply(e), ApplyOutcome::Duplicate);
    QCOMPARE(m_t->stock(u"A"_s).available, 10);
    QCOMPARE(m_t->stock(u"A"_s).version, version);
}

void TestOrderLifecycle::refundBeforeItsOrderWaitsForIt()
{
    seed({stockRow(u"A"_s, 10)});
    QCOMPARE(apply(lifecycle(OrderEventKind::Refund, u"1"_s, u"R1"_s, {restocked(u"A"_s, 1)})),
             ApplyOutcome::Ignored);
    QCOMPARE(apply(lifecycle(OrderEventKind::Ship, u"1"_s, u"S1"_s, {{u"A"_s, 1}})),
             ApplyOutcome::Ignored);
    QCOMPARE(m_t->stock(u"A"_s).available, 10);
    const ApplyResult r = engine().apply(sale(u"1"_s, {{u"A"_s, 3}}));
    QCOMPARE(r.outcome, ApplyOutcome::Applied);
    QVERIFY2(r.message.contains(u"2 earlier"_s), qPrintable(r.message));
    // Took 3, one came back, one shipped.
    QCOMPARE(m_t->stock(u"A"_s).available, 8);
    QCOMPARE(m_t->stock(u"A"_s).committed, 1);
    const LedgerOrder o = ledger(u"1"_s);
    QCOMPARE(o.lines.first().restocked, 1);
    QCOMPARE(o.lines.first().shipped, 1);
    // The kept events are keyed: redelivered, they are duplicates.
    QCOMPARE(apply(lifecycle(OrderEventKind::Refund, u"1"_s, u"R1"_s, {restocked(u"A"_s, 1)})),
             ApplyOutcome::Duplicate);
    QCOMPARE(m_t->stock(u"A"_s).available, 8);
}

void TestOrderLifecycle::editMovesTheDifference()
{
    seed({stockRow(u"A"_s, 10), stockRow(u"B"_s, 10)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 2}})), ApplyOutcome::Applied);
    QCOMPARE(apply(lifecycle(OrderEventKind::Edit, u"1"_s, u"E1"_s, {{u"A"_s, 3}, {u"B"_s, 1}})),
             ApplyOutcome::Edited);
    QCOMPARE(m_t->stock(u"A"_s).available, 7);
    QCOMPARE(m_t->stock(u"B"_s).available, 9);
    QCOMPARE(apply(lifecycle(OrderEventKind::Edit, u"1"_s, u"E2"_s, {{u"A"_s, 0}})),
             ApplyOutcome::Edited);
    QCOMPARE(m_t->stock(u"A"_s).available, 10);
    QCOMPARE(m_t->stock(u"A"_s).committed, 0);
    // The same quantities again change nothing.
    QCOMPARE(apply(lifecycle(OrderEventKind::Edit, u"1"_s, u"E3"_s, {{u"B"_s, 1}})),
             ApplyOutcome::Ignored);
    QCOMPARE(apply(lifecycle(OrderEventKind::Edit, u"1"_s, u"E2"_s, {{u"A"_s, 0}})),
             ApplyOutcome::Duplicate);
    // A cancel gives back what the order holds after its edits: B's one unit.
    QCOMPARE(apply(lifecycle(OrderEventKind::Cancel, u"1"_s, {})), ApplyOutcome::Cancelled);
    QCOMPARE(m_t->stock(u"A"_s).available, 10);
    QCOMPARE(m_t->stock(u"B"_s).available, 10);
}

void TestOrderLifecycle::shipmentLeavesCommittedAndCancelRestocksOnlyTheRest()
{
    seed({stockRow(u"A"_s, 10)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 3}})), ApplyOutcome::Applied);
    const qint64 version = m_t->stock(u"A"_s).version;
    QCOMPARE(apply(lifecycle(OrderEventKind::Ship, u"1"_s, u"F1"_s, {{u"A"_s, 2}})),
             ApplyOutcome::Shipped);
    QCOMPARE(m_t->stock(u"A"_s).available, 7);
    QCOMPARE(m_t->stock(u"A"_s).committed, 1);
    QCOMPARE(m_t->stock(u"A"_s).onHand(), 8);
    // What channels show did not change: no new version to push.
    QCOMPARE(m_t->stock(u"A"_s).version, version);
    // Shipping more than is held ships what is held.
    QCOMPARE(apply(lifecycle(OrderEventKind::Ship, u"1"_s, u"F2"_s, {{u"A"_s, 5}})),
             ApplyOutcome::Shipped);
    QCOMPARE(m_t->stock(u"A"_s).committed, 0);
    QCOMPARE(apply(lifecycle(OrderEventKind::Ship, u"1"_s, u"F3"_s, {{u"A"_s, 1}})),
             ApplyOutcome::Ignored);
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::Shipped);
    // Cancelling a shipped order gives nothing back: the units are gone.
    QCOMPARE(apply(lifecycle(OrderEventKind::Cancel, u"1"_s, {})), ApplyOutcome::Cancelled);
    QCOMPARE(m_t->stock(u"A"_s).available, 7);
    QCOMPARE(m_t->stock(u"A"_s).onHand(), 7);
}

void TestOrderLifecycle::refundAfterShipmentIsAReturn()
{
    seed({stockRow(u"A"_s, 10)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 2}})), ApplyOutcome::Applied);
    QCOMPARE(apply(lifecycle(OrderEventKind::Ship, u"1"_s, u"F1"_s)), ApplyOutcome::Shipped);
    QCOMPARE(m_t->stock(u"A"_s).onHand(), 8);
    QCOMPARE(apply(lifecycle(OrderEventKind::Refund, u"1"_s, u"R1"_s, {restocked(u"A"_s, 5)})),
             ApplyOutcome::Refunded);
    // Only the two that were sold come back, as a return: on hand grows.
    QCOMPARE(m_t->stock(u"A"_s).available, 10);
    QCOMPARE(m_t->stock(u"A"_s).committed, 0);
    QCOMPARE(m_t->stock(u"A"_s).onHand(), 10);
    QCOMPARE(apply(lifecycle(OrderEventKind::Refund, u"1"_s, u"R2"_s, {restocked(u"A"_s, 1)})),
             ApplyOutcome::Ignored);
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::Refunded);
}

void TestOrderLifecycle::refundWithoutRestockWritesOff()
{
    seed({stockRow(u"A"_s, 10)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 2}})), ApplyOutcome::Applied);
    QCOMPARE(
        apply(lifecycle(OrderEventKind::Refund, u"1"_s, u"R1"_s, {restocked(u"A"_s, 1, false)})),
        ApplyOutcome::Refunded);
    // The unit will not ship and does not come back: it leaves committed, available stays.
    QCOMPARE(m_t->stock(u"A"_s).available, 8);
    QCOMPARE(m_t->stock(u"A"_s).committed, 1);
    QCOMPARE(apply(lifecycle(OrderEventKind::Cancel, u"1"_s, {})), ApplyOutcome::Cancelled);
    QCOMPARE(m_t->stock(u"A"_s).available, 9);
    QCOMPARE(m_t->stock(u"A"_s).committed, 0);
}

void TestOrderLifecycle::eventsOfAnUnknownOrderAreIgnoredAndKept()
{
    seed({stockRow(u"A"_s, 10)});
    const ApplyResult r = engine().apply(lifecycle(OrderEventKind::Cancel, u"404"_s, {}));
    QCOMPARE(r.outcome, ApplyOutcome::Ignored);
    QVERIFY(r.message.contains(u"not seen yet"_s));
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM order_events WHERE state = 'waiting'"_s), 1);
    // The order then arrives, and is cancelled at once.
    QCOMPARE(apply(sale(u"404"_s, {{u"A"_s, 4}})), ApplyOutcome::Cancelled);
    QCOMPARE(m_t->stock(u"A"_s).available, 10);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM order_events WHERE state = 'waiting'"_s), 0);
}

// Random sales, cancels, refunds, edits and shipments, with duplicates and reordering: every
// SKU's available and committed equal the sum of their changes in the audit log, on hand moves
// only by imports, adjustments, shipments, returns and write-offs, and every ledger line stays
// within its bounds.
void TestOrderLifecycle::conservationOverARandomStream()
{
    const QStringList skus {u"A"_s, u"B"_s, u"C"_s, u"D"_s};
    seed({stockRow(u"A"_s, 20), stockRow(u"B"_s, 5), stockRow(u"C"_s, 0), stockRow(u"D"_s, 50)});
    QRandomGenerator random(20261202);
    QList<OrderEvent> events;
    constexpr int kOrders = 150;
    for (int o = 0; o < kOrders; ++o) {
        const QString id = QString::number(o);
        QList<OrderLine> lines;
        const int n = 1 + int(random.bounded(3));
        for (int l = 0; l < n; ++l)
            lines.append({skus.at(int(random.bounded(skus.size()))), 1 + random.bounded(4)});
        if (random.bounded(10) == 0)
            lines.append({u"GHOST"_s, 1}); // waits: no such SKU
        events.append(sale(id, lines));
        const QString sku = lines.first().sku;
        switch (random.bounded(6)) {
        case 0:
            events.append(lifecycle(OrderEventKind::Cancel, id, {}));
            break;
        case 1:
            events.append(lifecycle(OrderEventKind::Refund, id, u"r"_s + id,
                                    {restocked(sku, 1 + random.bounded(3), random.bounded(2))}));
            break;
        case 2:
            events.append(
                lifecycle(OrderEventKind::Edit, id, u"e"_s + id, {{sku, random.bounded(5)}}));
            break;
        case 3:
            events.append(
                lifecycle(OrderEventKind::Ship, id, u"s"_s + id, {{sku, 1 + random.bounded(3)}}));
            events.append(
                lifecycle(OrderEventKind::Refund, id, u"x"_s + id, {restocked(sku, 1, true)}));
            break;
        default:
            break;
        }
    }
    // Duplicates, and neighbours swapped (a refund may come before its order).
    for (int i = 0; i < 60; ++i)
        events.append(events.at(int(random.bounded(events.size()))));
    for (int i = 0; i + 1 < events.size(); i += 1 + int(random.bounded(4)))
        events.swapItemsAt(i, i + 1);
    // In batches of varying size, as the inbox drains them.
    for (qsizetype i = 0; i < events.size();) {
        const qsizetype n = 1 + random.bounded(20);
        for (const ApplyResult &r : engine().applyBatch(events.mid(i, n)))
            QVERIFY2(r.isFinal(), qPrintable(r.message));
        i += n;
    }
    QVERIFY(engine().adjust(u"C"_s, 40, u"me"_s, u"delivery"_s).ok());

    // The books: per SKU, what the log says equals what the row says.
    static const QSet<MutationKind> onHandMovers {MutationKind::Import, MutationKind::Adjust,
                                                  MutationKind::Ship, MutationKind::Refund,
                                                  MutationKind::Cancel};
    for (const QString &sku : skus) {
        const StockLevel s = m_t->stock(sku);
        qint64 available = 0, committed = 0;
        for (const Mutation &m : m_t->log(sku)) {
            available += m.delta;
            committed += m.committedDelta;
            QCOMPARE(m.availableAfter, available);
            QCOMPARE(m.committedAfter, committed);
            if (m.delta + m.committedDelta != 0)
                QVERIFY2(onHandMovers.contains(m.kind), qPrintable(kindName(m.kind)));
        }
        QCOMPARE(s.available, available);
        QCOMPARE(s.committed, committed);
        QVERIFY(s.committed >= 0);
    }
    // Every ledger line within its bounds, and committed is what open lines hold.
    QHash<QString, qint64> open;
    for (int o = 0; o < kOrders; ++o) {
        const LedgerOrder order = ledger(QString::number(o));
        for (const LedgerLine &l : order.lines) {
            QVERIFY2(l.withinBounds(), qPrintable(u"order %1 line %2"_s.arg(o).arg(l.lineNo)));
            if (!l.sku.isEmpty())
                open[l.sku] += l.open();
        }
    }
    for (const QString &sku : skus)
        QCOMPARE(m_t->stock(sku).committed, open.value(sku));
    // Nothing waits but the ghost lines, and nothing is owed on a SKU at zero or above.
    for (const UnmatchedEntry &u : unmatched())
        QCOMPARE(u.sku, u"GHOST"_s);
    for (const OversoldEntry &e : oversold())
        QVERIFY2(m_t->stock(e.sku).available < 0, qPrintable(e.sku));
}

// A shipment moves committed units without a new version; an engine whose cached row predates
// it must not write its stale committed back (the compare-and-swap compares committed too).
void TestOrderLifecycle::shipmentByAnotherConnectionIsNotLost()
{
    seed({stockRow(u"A"_s, 10)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 2}})), ApplyOutcome::Applied); // cached here
    auto other = m_t->another();
    SyncEngine shipper(*other);
    QCOMPARE(shipper.apply(lifecycle(OrderEventKind::Ship, u"1"_s, u"F1"_s)).outcome,
             ApplyOutcome::Shipped);
    QCOMPARE(apply(sale(u"2"_s, {{u"A"_s, 1}})), ApplyOutcome::Applied);
    QCOMPARE(m_t->stock(u"A"_s).available, 7);
    QCOMPARE(m_t->stock(u"A"_s).committed, 1);
}

// The warehouse ships a line before the merchant maps its product: the shipment waits for the
// line, or its units would stay committed for ever once the mapping arrives.
void TestOrderLifecycle::shipmentOfAWaitingLineWaitsForIt()
{
    seed({stockRow(u"B"_s, 5)});
    QCOMPARE(apply(sale(u"1"_s, {byRemoteId(u"gid-9"_s, 2)})), ApplyOutcome::Unmatched);
    QCOMPARE(apply(lifecycle(OrderEventKind::Ship, u"1"_s, u"F1"_s)), ApplyOutcome::Ignored);
    QVERIFY(MappingStore(m_t->db()).importMappings({{kShop, u"B"_s, u"gid-9"_s}}, 1));
    QVERIFY(engine().applyWaiting(kShop, {u"gid-9"_s}, u"test"_s).ok());
    QCOMPARE(m_t->stock(u"B"_s).available, 3);
    QCOMPARE(m_t->stock(u"B"_s).committed, 0); // taken, and shipped at once
    QCOMPARE(m_t->stock(u"B"_s).onHand(), 3);
    QCOMPARE(ledger(u"1"_s).status(), OrderStatus::Shipped);
    QCOMPARE(apply(lifecycle(OrderEventKind::Ship, u"1"_s, u"F1"_s)), ApplyOutcome::Duplicate);
    // The waiting line's audit row is no SKU's: a product id is named in its reason only.
    for (const Mutation &m : m_t->log()) {
        if (m.kind == MutationKind::Unmatched) {
            QVERIFY(m.sku.isEmpty());
            QVERIFY(m.reason.contains(u"gid-9"_s));
        }
    }
}

// An edit names the order's new quantity: after a refund gave one of two back, "1" is no change.
void TestOrderLifecycle::editAfterARefundComparesWithWhatIsLeft()
{
    seed({stockRow(u"A"_s, 10)});
    QCOMPARE(apply(sale(u"1"_s, {{u"A"_s, 2}})), ApplyOutcome::Applied);
    QCOMPARE(apply(lifecycle(OrderEventKind::Refund, u"1"_s, u"R1"_s, {restocked(u"A"_s, 1)})),
             ApplyOutcome::Refunded);
    QCOMPARE(m_t->stock(u"A"_s).available, 9);
    QCOMPARE(apply(lifecycle(OrderEventKind::Edit, u"1"_s, u"E1"_s, {{u"A"_s, 1}})),
             ApplyOutcome::Ignored);
    QCOMPARE(m_t->stock(u"A"_s).available, 9);
    QCOMPARE(apply(lifecycle(OrderEventKind::Edit, u"1"_s, u"E2"_s, {{u"A"_s, 2}})),
             ApplyOutcome::Edited);
    QCOMPARE(m_t->stock(u"A"_s).available, 8);
    QCOMPARE(m_t->stock(u"A"_s).committed, 2);
}

// The Orders tab: the newest orders, and every oversold or waiting one however old, with its
// units.
void TestOrderLifecycle::recentOrdersKeepThoseThatNeedTheMerchant()
{
    seed({stockRow(u"A"_s, 1), stockRow(u"B"_s, 100)});
    QCOMPARE(apply(sale(u"old"_s, {{u"A"_s, 3}})), ApplyOutcome::Oversold);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(apply(sale(QString::number(i), {{u"B"_s, 1}})), ApplyOutcome::Applied);
    const auto read = OrderLedger(m_t->db()).recentOrders(2);
    QVERIFY2(read, qPrintable(read.error()));
    const QList<OrderLedger::OrderSummary> &recent = *read;
    QVERIFY(recent.size() >= 2 && recent.size() <= 9);
    QVERIFY(recent.first().orderId != u"old"_s); // newest first
    const auto old = std::find_if(recent.cbegin(), recent.cend(),
                                  [](const auto &s) { return s.orderId == u"old"_s; });
    QVERIFY(old != recent.cend());
    QCOMPARE(old->status, u"oversold"_s);
    QCOMPARE(old->units, 3);
    QCOMPARE(old->owed, 2);
    QCOMPARE(old->skus, u"A"_s);
}

QTEST_GUILESS_MAIN(TestOrderLifecycle)
#include "tst_orderlifecycle.moc"
