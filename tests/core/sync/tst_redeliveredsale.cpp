// A sale delivered again (a channel's retry, a poll, a replay from the inbox) after the merchant
// fixed what made a line wait: the line takes its stock then, exactly once; nothing else of the
// order is taken again, and a line that still cannot resolve waits as it was, nothing logged.
#include "store/mappingstore.h"
#include "store/orderledger.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kShop = u"shop"_s;
} // namespace

class TestRedeliveredSale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waitingLineTakesItsStockOnceWhenFixed_data();
    void waitingLineTakesItsStockOnceWhenFixed();
    void redeliveryOfAnOrderThatNeverWaitedIsADuplicate();
};

void TestRedeliveredSale::waitingLineTakesItsStockOnceWhenFixed_data()
{
    QTest::addColumn<QString>("fix");
    QTest::addColumn<qint64>("stockOfTheFix"); // units of the waiting line's SKU after the fix
    QTest::addColumn<ApplyOutcome>("again"); // the second delivery's outcome
    QTest::addColumn<qint64>("after"); // the waiting line's SKU after it
    // The line (2 units) names a SKU that was not in stock; the merchant imports it.
    QTest::newRow("SKU created since")
        << u"sku"_s << qint64(5) << ApplyOutcome::Applied << qint64(3);
    QTest::newRow("SKU created since, short")
        << u"sku"_s << qint64(1) << ApplyOutcome::Oversold << qint64(-1);
    // The line names a product id no listing mapped; a mapping appears without applying the
    // waiting lines (another process's plain insert, say).
    QTest::newRow("mapping added since")
        << u"mapping"_s << qint64(5) << ApplyOutcome::Applied << qint64(3);
    // map-import applies the waiting lines itself: the delivery finds nothing left to take.
    QTest::newRow("mapping imported (applied then)")
        << u"map-import"_s << qint64(5) << ApplyOutcome::Duplicate << qint64(3);
    QTest::newRow("nothing fixed")
        << u"none"_s << qint64(5) << ApplyOutcome::Duplicate << qint64(5);
}

void TestRedeliveredSale::waitingLineTakesItsStockOnceWhenFixed()
{
    QFETCH(QString, fix);
    QFETCH(qint64, stockOfTheFix);
    QFETCH(ApplyOutcome, again);
    QFETCH(qint64, after);
    TestDatabase t;
    SyncEngine engine(t.db());
    const bool byProductId = fix != u"sku"_s;
    QList<StockImportRow> seed {stockRow(u"A"_s, 5)};
    if (byProductId)
        seed.append(stockRow(u"NEW"_s, stockOfTheFix)); // in stock, but nothing maps gid-9
    QVERIFY(engine.importStock(seed, u"test"_s, u"seed"_s).ok());
    const OrderLine waiting = byProductId ? byRemoteId(u"gid-9"_s, 2) : OrderLine {u"NEW"_s, 2};
    const OrderEvent sale = order(kShop, u"1"_s, {{u"A"_s, 1}, waiting});
    QCOMPARE(engine.apply(sale).outcome, ApplyOutcome::Unmatched);
    QCOMPARE(t.stock(u"A"_s).available, 4);
    const qint64 unmatchedRows =
        t.count(u"SELECT COUNT(*) FROM mutations WHERE kind = 'unmatched'"_s);
    QCOMPARE(unmatchedRows, 1);

    if (fix == u"sku"_s) {
        QVERIFY(engine.importStock({stockRow(u"NEW"_s, stockOfTheFix)}, u"test"_s, u"fix"_s).ok());
    } else if (fix != u"none"_s) {
        QVERIFY(MappingStore(t.db()).importMappings({{kShop, u"NEW"_s, u"gid-9"_s}}, 1));
        if (fix == u"map-import"_s)
            QVERIFY(engine.applyWaiting(kShop, {u"gid-9"_s}, u"test"_s).ok());
    }

    const ApplyResult second = engine.apply(sale);
    QVERIFY2(second.outcome == again,
             qPrintable(outcomeName(second.outcome) + u": "_s + second.message));
    QCOMPARE(t.stock(u"NEW"_s).available, after);
    QCOMPARE(t.stock(u"A"_s).available, 4); // the line that was applied is not taken again
    // A line that still waits is not logged as waiting a second time.
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM mutations WHERE kind = 'unmatched'"_s), unmatchedRows);
    LedgerOrder ledger;
    bool found = false;
    QVERIFY(OrderLedger(t.db()).readOrder(kShop, u"1"_s, &ledger, &found) && found);
    QCOMPARE(ledger.lines.at(1).waiting, fix == u"none"_s ? 2 : 0);

    // Delivered a third time: nothing left to take.
    QCOMPARE(engine.apply(sale).outcome, ApplyOutcome::Duplicate);
    QCOMPARE(t.stock(u"NEW"_s).available, after);
    QCOMPARE(t.stock(u"A"_s).available, 4);
}

void TestRedeliveredSale::redeliveryOfAnOrderThatNeverWaitedIsADuplicate()
{
    TestDatabase t;
    SyncEngine engine(t.db());
    QVERIFY(engine.importStock({stockRow(u"A"_s, 5)}, u"test"_s, u"seed"_s).ok());
    const OrderEvent sale = order(kShop, u"1"_s, {{u"A"_s, 2}});
    QCOMPARE(engine.apply(sale).outcome, ApplyOutcome::Applied);
    const ApplyResult again = engine.apply(sale);
    QCOMPARE(again.outcome, ApplyOutcome::Duplicate);
    QVERIFY(again.mutations.isEmpty());
    QCOMPARE(t.stock(u"A"_s).available, 3);
}

QTEST_GUILESS_MAIN(TestRedeliveredSale)
#include "tst_redeliveredsale.moc"
