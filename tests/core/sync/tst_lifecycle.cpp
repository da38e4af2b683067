// The pure rules of an order's life (core/sync/lifecycle.h), one ledger line at a time.
#include "sync/lifecycle.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<ChannelDesk::OrderLine>)

namespace {
// A one-line order of SKU "A": applied units, of which some shipped and some restocked.
LedgerOrder orderOf(qint64 applied, qint64 shipped = 0, qint64 restocked = 0, qint64 waiting = 0)
{
    LedgerOrder o;
    o.channel = u"shop"_s;
    o.orderId = u"1"_s;
    LedgerLine l;
    l.lineNo = 1;
    l.lineId = u"L1"_s;
    l.sku = u"A"_s;
    l.ordered = applied + waiting;
    l.applied = applied;
    l.shipped = shipped;
    l.restocked = restocked;
    l.waiting = waiting;
    o.lines.append(l);
    return o;
}

OrderEvent lifecycleEvent(OrderEventKind kind, QList<OrderLine> lines, bool delta = false)
{
    OrderEvent e {u"shop"_s, u"1"_s, std::move(lines), 0};
    e.kind = kind;
    e.eventId = u"E"_s;
    e.editDelta = delta;
    return e;
}

OrderLine line(qint64 qty, bool restock = true, const QString &sku = u"A"_s)
{
    OrderLine l {sku, qty};
    l.restock = restock;
    return l;
}

// The sum of the moves: (change of available, change of committed).
std::pair<qint64, qint64> total(const LifecyclePlan &plan)
{
    qint64 available = 0, committed = 0;
    for (const StockMove &m : plan.moves) {
        available += m.available;
        committed += m.committed;
    }
    return {available, committed};
}
} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refund_data();
    void refund();
    void ship_data();
    void ship();
    void edit_data();
    void edit();
    void cancelGivesBackWhatIsHeldOnce();
    void linesMatchByLineIdThenSku();
    void owedNeverExceedsWhatIsHeld();
};

void TestLifecycle::refund_data()
{
    QTest::addColumn<qint64>("applied");
    QTest::addColumn<qint64>("shipped");
    QTest::addColumn<qint64>("restocked");
    QTest::addColumn<qint64>("qty");
    QTest::addColumn<bool>("restock");
    QTest::addColumn<qint64>("availableChange");
    QTest::addColumn<qint64>("committedChange");
    QTest::addColumn<int>("outcome");
    using O = ApplyOutcome;
    QTest::newRow("restock one held")
        << 2LL << 0LL << 0LL << 1LL << true << 1LL << -1LL << int(O::Refunded);
    QTest::newRow("restock more than held")
        << 2LL << 0LL << 0LL << 5LL << true << 2LL << -2LL << int(O::Refunded);
    QTest::newRow("shipped comes back as a return")
        << 2LL << 2LL << 0LL << 1LL << true << 1LL << 0LL << int(O::Refunded);
    QTest::newRow("held first, then returns")
        << 3LL << 1LL << 0LL << 3LL << true << 3LL << -2LL << int(O::Refunded);
    QTest::newRow("nothing left to restock")
        << 2LL << 0LL << 2LL << 1LL << true << 0LL << 0LL << int(O::Ignored);
    QTest::newRow("not restocked: written off")
        << 2LL << 0LL << 0LL << 1LL << false << 0LL << -1LL << int(O::Refunded);
    QTest::newRow("not restocked, shipped: nothing moves")
        << 2LL << 2LL << 0LL << 1LL << false << 0LL << 0LL << int(O::Ignored);
}

void TestLifecycle::refund()
{
    QFETCH(qint64, applied);
    QFETCH(qint64, shipped);
    QFETCH(qint64, restocked);
    QFETCH(qint64, qty);
    QFETCH(bool, restock);
    QFETCH(qint64, availableChange);
    QFETCH(qint64, committedChange);
    QFETCH(int, outcome);
    LedgerOrder o = orderOf(applied, shipped, restocked);
    const LifecyclePlan plan =
        Lifecycle::refund(o, lifecycleEvent(OrderEventKind::Refund, {line(qty, restock)}));
    QCOMPARE(int(plan.outcome), outcome);
    QCOMPARE(total(plan), std::make_pair(availableChange, committedChange));
    QVERIFY(o.lines.first().withinBounds());
}

void TestLifecycle::ship_data()
{
    QTest::addColumn<qint64>("applied");
    QTest::addColumn<qint64>("restocked");
    QTest::addColumn<QList<OrderLine>>("lines");
    QTest::addColumn<qint64>("shipped");
    QTest::newRow("part") << 3LL << 0LL << QList<OrderLine> {line(2)} << 2LL;
    QTest::newRow("more than held") << 3LL << 0LL << QList<OrderLine> {line(9)} << 3LL;
    QTest::newRow("all, without lines") << 3LL << 0LL << QList<OrderLine> {} << 3LL;
    QTest::newRow("restocked units do not ship") << 3LL << 2LL << QList<OrderLine> {} << 1LL;
    QTest::newRow("another SKU") << 3LL << 0LL << QList<OrderLine> {line(1, true, u"B"_s)} << 0LL;
}

void TestLifecycle::ship()
{
    QFETCH(qint64, applied);
    QFETCH(qint64, restocked);
    QFETCH(QList<OrderLine>, lines);
    QFETCH(qint64, shipped);
    LedgerOrder o = orderOf(applied, 0, restocked);
    const LifecyclePlan plan = Lifecycle::ship(o, lifecycleEvent(OrderEventKind::Ship, lines));
    QCOMPARE(o.lines.first().shipped, shipped);
    QCOMPARE(total(plan), std::make_pair(qint64(0), -shipped));
    QCOMPARE(plan.outcome, shipped > 0 ? ApplyOutcome::Shipped : ApplyOutcome::Ignored);
    QVERIFY(o.lines.first().withinBounds());
}

void TestLifecycle::edit_data()
{
    QTest::addColumn<qint64>("applied");
    QTest::addColumn<qint64>("shipped");
    QTest::addColumn<qint64>("qty");
    QTest::addColumn<bool>("delta");
    QTest::addColumn<qint64>("availableChange");
    QTest::addColumn<qint64>("ordered");
    QTest::newRow("to more") << 2LL << 0LL << 3LL << false << -1LL << 3LL;
    QTest::newRow("to fewer") << 2LL << 0LL << 1LL << false << 1LL << 1LL;
    QTest::newRow("to zero") << 2LL << 0LL << 0LL << false << 2LL << 0LL;
    QTest::newRow("same") << 2LL << 0LL << 2LL << false << 0LL << 2LL;
    QTest::newRow("by +2") << 2LL << 0LL << 2LL << true << -2LL << 4LL;
    QTest::newRow("by -1") << 2LL << 0LL << -1LL << true << 1LL << 1LL;
    QTest::newRow("fewer than shipped gives back only what is held")
        << 3LL << 2LL << 0LL << false << 1LL << 2LL;
}

void TestLifecycle::edit()
{
    QFETCH(qint64, applied);
    QFETCH(qint64, shipped);
    QFETCH(qint64, qty);
    QFETCH(bool, delta);
    QFETCH(qint64, availableChange);
    QFETCH(qint64, ordered);
    LedgerOrder o = orderOf(applied, shipped);
    const LifecyclePlan plan =
        Lifecycle::edit(o, lifecycleEvent(OrderEventKind::Edit, {line(qty)}, delta), 1);
    QCOMPARE(total(plan).first, availableChange);
    QCOMPARE(total(plan).second, -availableChange);
    QCOMPARE(o.lines.first().ordered, ordered);
    QVERIFY(o.lines.first().withinBounds());
    QCOMPARE(plan.outcome, availableChange != 0 ? ApplyOutcome::Edited : ApplyOutcome::Ignored);
}

void TestLifecycle::cancelGivesBackWhatIsHeldOnce()
{
    LedgerOrder o = orderOf(5, 2, 1, 3);
    const LifecyclePlan plan = Lifecycle::cancel(o, lifecycleEvent(OrderEventKind::Cancel, {}));
    QCOMPARE(plan.outcome, ApplyOutcome::Cancelled);
    // 5 applied, 2 shipped, 1 already back: 2 come back; the 3 waiting stop waiting.
    QCOMPARE(total(plan), std::make_pair(qint64(2), qint64(-2)));
    QCOMPARE(o.lines.first().waiting, 0);
    QVERIFY(o.cancelled);
    const LifecyclePlan again = Lifecycle::cancel(o, lifecycleEvent(OrderEventKind::Cancel, {}));
    QCOMPARE(again.outcome, ApplyOutcome::Ignored);
    QVERIFY(again.moves.isEmpty());
    // Nor does a cancelled order take more by an edit.
    QCOMPARE(Lifecycle::edit(o, lifecycleEvent(OrderEventKind::Edit, {line(9)}), 1).outcome,
             ApplyOutcome::Ignored);
}

void TestLifecycle::linesMatchByLineIdThenSku()
{
    LedgerOrder o = orderOf(2);
    LedgerLine second = o.lines.first();
    second.lineNo = 2;
    second.lineId = u"L2"_s;
    o.lines.append(second);
    OrderLine byId = line(2);
    byId.lineId = u"L2"_s;
    Lifecycle::refund(o, lifecycleEvent(OrderEventKind::Refund, {byId}));
    QCOMPARE(o.lines.at(0).restocked, 0);
    QCOMPARE(o.lines.at(1).restocked, 2);
    // By SKU, across the lines in order.
    LedgerOrder p = orderOf(2);
    p.lines.append(second);
    Lifecycle::refund(p, lifecycleEvent(OrderEventKind::Refund, {line(3)}));
    QCOMPARE(p.lines.at(0).restocked, 2);
    QCOMPARE(p.lines.at(1).restocked, 1);
}

void TestLifecycle::owedNeverExceedsWhatIsHeld()
{
    LedgerOrder o = orderOf(3);
    o.lines.first().owed = 3;
    Lifecycle::refund(o, lifecycleEvent(OrderEventKind::Refund, {line(2)}));
    QCOMPARE(o.lines.first().owed, 1);
    // Shipping settles nothing: the unit is still sold, and the SKU as short as before.
    Lifecycle::ship(o, lifecycleEvent(OrderEventKind::Ship, {}));
    QCOMPARE(o.lines.first().owed, 1);
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
