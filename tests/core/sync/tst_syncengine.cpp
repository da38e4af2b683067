#include "domain/sku.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

using Outcomes = QList<ApplyOutcome>;
using Events = QList<OrderEvent>;
using Levels = QMap<QString, qint64>;

Q_DECLARE_METATYPE(Outcomes)
Q_DECLARE_METATYPE(Events)

class TestSyncEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outcomes_data();
    void outcomes();
    void batchMatchesOneByOne_data() { outcomes_data(); }
    void batchMatchesOneByOne();
    void logRecordsEachChange();
    void pauseAtBufferAndResumeAbove();
    void oversellIsAppliedAndSaysWhatIsOwed();
    void unknownSkuIsRecordedOnce();
    void staleCacheIsCaughtByCompareAndSwap();
    void staleCacheDoesNotRefuseAnOrder_data();
    void staleCacheDoesNotRefuseAnOrder();
    void adjust_data();
    void adjust();
    void importCreatesUpdatesAndPauses();
    void importIsAllOrNothing();
    void committedSignal();
};

namespace {
void seed(SyncEngine &engine, const QList<StockImportRow> &rows)
{
    const auto r = engine.importStock(rows, u"test"_s, u"seed"_s);
    QVERIFY2(r.ok(), qPrintable(r.message));
}
} // namespace

void TestSyncEngine::outcomes_data()
{
    QTest::addColumn<Events>("events");
    QTest::addColumn<Outcomes>("expected");
    QTest::addColumn<Levels>("finalStock"); // seeded with A=10, B=5, C=1

    using O = ApplyOutcome;
    QTest::newRow("one order") << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 3}})}
                               << Outcomes {O::Applied}
                               << Levels {{u"A"_s, 7}, {u"B"_s, 5}, {u"C"_s, 1}};
    QTest::newRow("duplicate") << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 3}}),
                                          order(u"shop"_s, u"1"_s, {{u"A"_s, 3}})}
                               << Outcomes {O::Applied, O::Duplicate}
                               << Levels {{u"A"_s, 7}, {u"B"_s, 5}, {u"C"_s, 1}};
    QTest::newRow("same id, other channel")
        << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 3}}), order(u"ebay"_s, u"1"_s, {{u"A"_s, 3}})}
        << Outcomes {O::Applied, O::Applied} << Levels {{u"A"_s, 4}, {u"B"_s, 5}, {u"C"_s, 1}};
    QTest::newRow("duplicate with other lines is still a duplicate")
        << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 3}}), order(u"shop"_s, u"1"_s, {{u"B"_s, 1}})}
        << Outcomes {O::Applied, O::Duplicate} << Levels {{u"A"_s, 7}, {u"B"_s, 5}, {u"C"_s, 1}};
    QTest::newRow("exactly all") << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 10}})}
                                 << Outcomes {O::Applied}
                                 << Levels {{u"A"_s, 0}, {u"B"_s, 5}, {u"C"_s, 1}};
    // A sale is a fact: short or not, every line is applied; below zero is units owed.
    QTest::newRow("one too many is oversold")
        << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 11}})} << Outcomes {O::Oversold}
        << Levels {{u"A"_s, -1}, {u"B"_s, 5}, {u"C"_s, 1}};
    QTest::newRow("second order runs out")
        << Events {order(u"shop"_s, u"1"_s, {{u"C"_s, 1}}), order(u"shop"_s, u"2"_s, {{u"C"_s, 1}})}
        << Outcomes {O::Applied, O::Oversold} << Levels {{u"A"_s, 10}, {u"B"_s, 5}, {u"C"_s, -1}};
    QTest::newRow("every line is applied")
        << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 2}, {u"C"_s, 2}})} << Outcomes {O::Oversold}
        << Levels {{u"A"_s, 8}, {u"B"_s, 5}, {u"C"_s, -1}};
    QTest::newRow("same sku on two lines adds up")
        << Events {order(u"shop"_s, u"1"_s, {{u"B"_s, 3}, {u"B"_s, 3}})} << Outcomes {O::Oversold}
        << Levels {{u"A"_s, 10}, {u"B"_s, -1}, {u"C"_s, 1}};
    QTest::newRow("two lines") << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 2}, {u"B"_s, 5}})}
                               << Outcomes {O::Applied}
                               << Levels {{u"A"_s, 8}, {u"B"_s, 0}, {u"C"_s, 1}};
    QTest::newRow("unknown sku waits, the other line is applied")
        << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 2}, {u"Z"_s, 1}})} << Outcomes {O::Unmatched}
        << Levels {{u"A"_s, 8}, {u"B"_s, 5}, {u"C"_s, 1}};
    QTest::newRow("invalid") << Events {order(u"shop"_s, u""_s, {{u"A"_s, 2}}),
                                        order(u"shop"_s, u"2"_s, {{u"A"_s, 0}})}
                             << Outcomes {O::Invalid, O::Invalid}
                             << Levels {{u"A"_s, 10}, {u"B"_s, 5}, {u"C"_s, 1}};
    QTest::newRow("invalid does not block neighbours")
        << Events {order(u"shop"_s, u"1"_s, {{u"A"_s, 1}}), order(u"shop"_s, u""_s, {{u"A"_s, 2}}),
                   order(u"shop"_s, u"3"_s, {{u"A"_s, 1}})}
        << Outcomes {O::Applied, O::Invalid, O::Applied}
        << Levels {{u"A"_s, 8}, {u"B"_s, 5}, {u"C"_s, 1}};
    QTest::newRow("oversold order's redelivery is a duplicate")
        << Events {order(u"shop"_s, u"1"_s, {{u"C"_s, 5}}), order(u"shop"_s, u"1"_s, {{u"C"_s, 5}})}
        << Outcomes {O::Oversold, O::Duplicate} << Levels {{u"A"_s, 10}, {u"B"_s, 5}, {u"C"_s, -4}};
}

void TestSyncEngine::outcomes()
{
    QFETCH(Events, events);
    QFETCH(Outcomes, expected);
    QFETCH(Levels, finalStock);
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 10), stockRow(u"B"_s, 5), stockRow(u"C"_s, 1)});

    Outcomes actual;
    for (const ApplyResult &r : engine.applyBatch(events))
        actual.append(r.outcome);
    QCOMPARE(actual, expected);
    for (auto it = finalStock.cbegin(); it != finalStock.cend(); ++it)
        QCOMPARE(t.stock(it.key()).available, it.value());
    // Whatever was sold is committed: on hand is untouched until it ships.
    for (auto it = finalStock.cbegin(); it != finalStock.cend(); ++it)
        QCOMPARE(t.stock(it.key()).onHand(), it.key() == u"A"_s ? 10 : it.key() == u"B"_s ? 5 : 1);
}

void TestSyncEngine::batchMatchesOneByOne()
{
    QFETCH(Events, events);
    QFETCH(Outcomes, expected);
    QFETCH(Levels, finalStock);
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 10), stockRow(u"B"_s, 5), stockRow(u"C"_s, 1)});
    Outcomes actual;
    for (const OrderEvent &e : std::as_const(events))
        actual.append(engine.apply(e).outcome);
    QCOMPARE(actual, expected);
    for (auto it = finalStock.cbegin(); it != finalStock.cend(); ++it)
        QCOMPARE(t.stock(it.key()).available, it.value());
}

void TestSyncEngine::logRecordsEachChange()
{
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 10), stockRow(u"B"_s, 5)});
    const auto r = engine.apply(order(u"shop"_s, u"77"_s, {{u"A"_s, 2}, {u"B"_s, 1}}));
    QCOMPARE(r.outcome, ApplyOutcome::Applied);
    QCOMPARE(r.mutations.size(), 2);

    const QList<Mutation> log = t.log();
    QCOMPARE(log.size(), 4); // 2 imports + 2 order rows
    const Mutation &a = log.at(2);
    QCOMPARE(a.sku, u"A"_s);
    QCOMPARE(a.delta, -2);
    QCOMPARE(a.availableAfter, 8);
    QCOMPARE(a.version, 2);
    QCOMPARE(a.kind, MutationKind::Order);
    QCOMPARE(a.channel, u"shop"_s);
    QCOMPARE(a.orderId, u"77"_s);
    QVERIFY(a.id > 0);
    QCOMPARE(r.mutations.at(0).id, a.id);
    QCOMPARE(t.stock(u"A"_s).version, 2);
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM orders"_s), 1);
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM order_lines WHERE order_id = '77'"_s), 2);
    QCOMPARE(a.committedDelta, 2);
    QCOMPARE(a.committedAfter, 2);
}

void TestSyncEngine::pauseAtBufferAndResumeAbove()
{
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 5, 2)});
    QVERIFY(!t.stock(u"A"_s).paused);

    QCOMPARE(engine.apply(order(u"shop"_s, u"1"_s, {{u"A"_s, 2}})).outcome, ApplyOutcome::Applied);
    QVERIFY(!t.stock(u"A"_s).paused); // 3 > buffer 2
    const auto r = engine.apply(order(u"shop"_s, u"2"_s, {{u"A"_s, 1}}));
    QCOMPARE(r.outcome, ApplyOutcome::Applied);
    QVERIFY(t.stock(u"A"_s).paused); // 2 <= buffer 2
    QCOMPARE(r.mutations.size(), 2);
    QCOMPARE(r.mutations.at(1).kind, MutationKind::Pause);
    QCOMPARE(r.mutations.at(1).delta, 0);
    QCOMPARE(r.mutations.at(1).version, r.mutations.at(0).version + 1);

    // Still sells what is left while paused (channels may lag), and does not pause twice.
    QCOMPARE(engine.apply(order(u"shop"_s, u"3"_s, {{u"A"_s, 2}})).mutations.size(), 1);
    QCOMPARE(t.stock(u"A"_s).available, 0);

    const auto up = engine.adjust(u"A"_s, 2, u"tester"_s, u"found two"_s);
    QVERIFY(up.ok());
    QVERIFY(t.stock(u"A"_s).paused); // 2 is not above the buffer
    const auto more = engine.adjust(u"A"_s, 1, u"tester"_s, u"found one"_s);
    QVERIFY(more.ok());
    QVERIFY(!t.stock(u"A"_s).paused);
    QCOMPARE(more.mutations.constLast().kind, MutationKind::Resume);
    QCOMPARE(t.stock(u"A"_s).version, more.mutations.constLast().version);
}

void TestSyncEngine::oversellIsAppliedAndSaysWhatIsOwed()
{
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 1)});
    const StockLevel before = t.stock(u"A"_s);
    const auto r = engine.apply(order(u"shop"_s, u"9"_s, {{u"A"_s, 4}}));
    QCOMPARE(r.outcome, ApplyOutcome::Oversold);
    QVERIFY2(r.message.contains(u"A: 3 owed"_s), qPrintable(r.message));
    QCOMPARE(t.stock(u"A"_s).available, -3);
    QCOMPARE(t.stock(u"A"_s).version, before.version + 2); // the sale and the pause
    const QList<Mutation> log = t.log(u"A"_s);
    QCOMPARE(log.at(log.size() - 2).kind, MutationKind::Order);
    QCOMPARE(log.at(log.size() - 2).delta, -4);
    QVERIFY(log.at(log.size() - 2).reason.contains(u"took A to -3: 3 owed"_s));
    QCOMPARE(log.constLast().kind, MutationKind::Pause);
}

void TestSyncEngine::unknownSkuIsRecordedOnce()
{
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 1)});
    QCOMPARE(engine.apply(order(u"shop"_s, u"5"_s, {{u"NOPE"_s, 1}})).outcome,
             ApplyOutcome::Unmatched);
    QCOMPARE(engine.apply(order(u"shop"_s, u"5"_s, {{u"NOPE"_s, 1}})).outcome,
             ApplyOutcome::Duplicate);
    QCOMPARE(t.log(u"NOPE"_s).size(), 1);
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM stock"_s), 1);
}

void TestSyncEngine::staleCacheIsCaughtByCompareAndSwap()
{
    // Two engines on two connections: the first caches A, the second changes it behind its
    // back. The first must not overwrite the second's change with its stale figure.
    TestDatabase t;
    auto other = t.another();
    SyncEngine first(t.db());
    SyncEngine second(*other);
    seed(first, {stockRow(u"A"_s, 10)});
    QCOMPARE(first.apply(order(u"shop"_s, u"1"_s, {{u"A"_s, 1}})).outcome, ApplyOutcome::Applied);
    QCOMPARE(second.apply(order(u"shop"_s, u"2"_s, {{u"A"_s, 4}})).outcome, ApplyOutcome::Applied);
    QCOMPARE(first.apply(order(u"shop"_s, u"3"_s, {{u"A"_s, 2}})).outcome, ApplyOutcome::Applied);
    QCOMPARE(t.stock(u"A"_s).available, 3);
    QCOMPARE(t.stock(u"A"_s).version, 4);
    // The stale cache must not hide that the stock is gone: the next sale is oversold.
    QCOMPARE(second.apply(order(u"shop"_s, u"4"_s, {{u"A"_s, 3}})).outcome, ApplyOutcome::Applied);
    QCOMPARE(first.apply(order(u"shop"_s, u"5"_s, {{u"A"_s, 1}})).outcome, ApplyOutcome::Oversold);
    QCOMPARE(t.stock(u"A"_s).available, -1);
}

void TestSyncEngine::staleCacheDoesNotRefuseAnOrder_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::newRow("alone") << 1;
    QTest::newRow("in a group commit") << 3;
}

void TestSyncEngine::staleCacheDoesNotRefuseAnOrder()
{
    // The first engine has seen A sold out; the second restocks it. A sale planned on the first
    // engine's stale cache must not be called oversold: the compare-and-swap catches the stale
    // row and the plan is made again from fresh reads.
    QFETCH(int, batchSize);
    TestDatabase t;
    auto other = t.another();
    SyncEngine first(t.db());
    SyncEngine second(*other);
    seed(first, {stockRow(u"A"_s, 1), stockRow(u"B"_s, 10)});
    QCOMPARE(first.apply(order(u"shop"_s, u"1"_s, {{u"A"_s, 1}})).outcome, ApplyOutcome::Applied);
    QVERIFY(second.adjust(u"A"_s, 5, u"clerk"_s, u"delivery"_s).ok());

    QList<OrderEvent> batch {order(u"shop"_s, u"2"_s, {{u"A"_s, 2}})};
    for (int i = 1; i < batchSize; ++i)
        batch.append(order(u"shop"_s, u"b%1"_s.arg(i), {{u"B"_s, 1}}));
    const auto results = first.applyBatch(batch);
    QCOMPARE(results.at(0).outcome, ApplyOutcome::Applied);
    for (qsizetype i = 1; i < results.size(); ++i)
        QCOMPARE(results.at(i).outcome, ApplyOutcome::Applied);
    QCOMPARE(t.stock(u"A"_s).available, 3);
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM order_lines WHERE owed > 0"_s), 0);
    // A real shortage is oversold, and owed once.
    QCOMPARE(first.apply(order(u"shop"_s, u"3"_s, {{u"A"_s, 4}})).outcome, ApplyOutcome::Oversold);
    QCOMPARE(t.stock(u"A"_s).available, -1);
    QCOMPARE(t.count(u"SELECT SUM(owed) FROM order_lines"_s), 1);
}

void TestSyncEngine::adjust_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<qint64>("delta");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("after");
    using E = SyncEngine::ChangeError;
    QTest::newRow("up") << u"A"_s << qint64(5) << u"recount"_s << int(E::None) << qint64(15);
    QTest::newRow("down") << u"A"_s << qint64(-4) << u"damaged"_s << int(E::None) << qint64(6);
    QTest::newRow("to zero") << u"A"_s << qint64(-10) << u"lost"_s << int(E::None) << qint64(0);
    QTest::newRow("below zero") << u"A"_s << qint64(-11) << u"lost"_s << int(E::WouldGoNegative)
                                << qint64(10);
    QTest::newRow("zero delta") << u"A"_s << qint64(0) << u"x"_s << int(E::InvalidInput)
                                << qint64(10);
    QTest::newRow("no reason") << u"A"_s << qint64(1) << u"  "_s << int(E::InvalidInput)
                               << qint64(10);
    QTest::newRow("unknown sku") << u"Q"_s << qint64(1) << u"x"_s << int(E::UnknownSku)
                                 << qint64(10);
    QTest::newRow("over max") << u"A"_s << qint64(Quantity::kMax) << u"x"_s << int(E::InvalidInput)
                              << qint64(10);
}

void TestSyncEngine::adjust()
{
    QFETCH(QString, sku);
    QFETCH(qint64, delta);
    QFETCH(QString, reason);
    QFETCH(int, error);
    QFETCH(qint64, after);
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 10)});
    const qint64 logBefore = t.log().size();
    const auto r = engine.adjust(sku, delta, u"alice"_s, reason);
    QCOMPARE(int(r.error), error);
    QCOMPARE(t.stock(u"A"_s).available, after);
    if (r.ok()) {
        const Mutation m = t.log().at(logBefore);
        QCOMPARE(m.kind, MutationKind::Adjust);
        QCOMPARE(m.actor, u"alice"_s);
        QCOMPARE(m.reason, reason);
        QCOMPARE(m.delta, delta);
    } else {
        QVERIFY(!r.message.isEmpty());
        QCOMPARE(t.log().size(), logBefore);
    }
}

void TestSyncEngine::importCreatesUpdatesAndPauses()
{
    TestDatabase t;
    SyncEngine engine(t.db());
    StockImportRow a = stockRow(u"A"_s, 10, 1);
    a.title = u"Apple"_s;
    seed(engine, {a, stockRow(u"B"_s, 0)});
    QCOMPARE(t.stock(u"A"_s).title, u"Apple"_s);
    QVERIFY(t.stock(u"B"_s).paused); // 0 <= buffer 0: starts paused
    QCOMPARE(t.stock(u"B"_s).version, 2);

    StockImportRow again = stockRow(u"A"_s, 10);
    again.safetyBuffer.reset();
    const auto same = engine.importStock({again}, u"t"_s, u"again"_s);
    QVERIFY(same.ok());
    QVERIFY(same.mutations.isEmpty()); // nothing changed, nothing logged
    QCOMPARE(t.stock(u"A"_s).title, u"Apple"_s);

    const auto r = engine.importStock({stockRow(u"B"_s, 7)}, u"t"_s, u"delivery"_s);
    QVERIFY(r.ok());
    QVERIFY(!t.stock(u"B"_s).paused);
    QCOMPARE(r.mutations.size(), 2);
    QCOMPARE(r.mutations.at(0).delta, 7);
    QCOMPARE(r.mutations.at(1).kind, MutationKind::Resume);
}

void TestSyncEngine::importIsAllOrNothing()
{
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 10)});
    const auto r = engine.importStock({stockRow(u"A"_s, 3), stockRow(u""_s, 4)}, u"t"_s, u"x"_s);
    QVERIFY(!r.ok());
    QCOMPARE(t.stock(u"A"_s).available, 10);
}

void TestSyncEngine::committedSignal()
{
    TestDatabase t;
    SyncEngine engine(t.db());
    seed(engine, {stockRow(u"A"_s, 10)});
    // Without a receiver the engine builds no list for the signal; the results still carry
    // every row.
    const auto quiet = engine.applyBatch({order(u"s"_s, u"0"_s, {{u"A"_s, 1}})});
    QCOMPARE(quiet.at(0).mutations.size(), 1);
    QVERIFY(quiet.at(0).mutations.at(0).id > 0);

    QSignalSpy spy(&engine, &SyncEngine::mutationsCommitted);
    const auto results = engine.applyBatch({order(u"s"_s, u"1"_s, {{u"A"_s, 1}}),
                                            order(u"s"_s, u"1"_s, {{u"A"_s, 1}}),
                                            order(u"s"_s, u"2"_s, {{u"A"_s, 2}})});
    QCOMPARE(spy.count(), 1); // one transaction, one signal
    const auto mutations = spy.at(0).at(0).value<QList<Mutation>>();
    QCOMPARE(mutations.size(), 2);
    QCOMPARE(mutations.at(1).availableAfter, 6);
    // With one, the results carry the same rows as the signal, ids included.
    QCOMPARE(results.at(0).mutations + results.at(2).mutations, mutations);
    QVERIFY(results.at(1).mutations.isEmpty());
    QVERIFY(mutations.at(0).id > quiet.at(0).mutations.at(0).id);
    engine.apply(order(u"s"_s, u"1"_s, {{u"A"_s, 1}})); // duplicate: nothing committed to say
    QCOMPARE(spy.count(), 1);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
