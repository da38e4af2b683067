// A failure in the middle of the transaction leaves stock, keys and log exactly as they were;
// in a group commit, the failing event does not take its neighbours down.
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestSyncEngineRollback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void failureMidTransactionChangesNothing_data();
    void failureMidTransactionChangesNothing();
    void groupCommitIsolatesTheFailure();

private:
    struct Snapshot
    {
        QList<StockLevel> stock;
        qint64 keys = 0;
        qint64 log = 0;
        bool operator==(const Snapshot &) const = default;
    };
    Snapshot snapshot();
    // Makes the database refuse to log any mutation for sku, after the stock row was written.
    void poison(const QString &sku);

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestSyncEngineRollback::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_engine = std::make_unique<SyncEngine>(m_t->db());
    QVERIFY(
        m_engine->importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 10, 2)}, u"t"_s, u"seed"_s)
            .ok());
}

void TestSyncEngineRollback::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

TestSyncEngineRollback::Snapshot TestSyncEngineRollback::snapshot()
{
    Snapshot s;
    s.stock = InventoryStore(m_t->db()).allStock().valueOr({});
    s.keys = m_t->count(u"SELECT COUNT(*) FROM orders"_s) +
        m_t->count(u"SELECT COUNT(*) FROM order_lines"_s);
    s.log = m_t->count(u"SELECT COUNT(*) FROM mutations"_s);
    return s;
}

void TestSyncEngineRollback::poison(const QString &sku)
{
    QVERIFY(m_t->injectFault(u"poison"_s, u"INSERT"_s, u"mutations"_s, u"injected failure"_s,
                             u"NEW.sku = '%1'"_s.arg(sku)));
}

void TestSyncEngineRollback::failureMidTransactionChangesNothing_data()
{
    QTest::addColumn<OrderEvent>("event");
    QTest::newRow("one line") << order(u"s"_s, u"1"_s, {{u"B"_s, 3}});
    QTest::newRow("second of two lines") << order(u"s"_s, u"1"_s, {{u"A"_s, 1}, {u"B"_s, 1}});
    QTest::newRow("the pause row") << order(u"s"_s, u"1"_s, {{u"B"_s, 8}});
}

void TestSyncEngineRollback::failureMidTransactionChangesNothing()
{
    QFETCH(OrderEvent, event);
    const Snapshot before = snapshot();
    poison(u"B"_s);
    QSignalSpy committed(m_engine.get(), &SyncEngine::mutationsCommitted);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"mutation append failed"_s));
    const ApplyResult r = m_engine->apply(event);
    QCOMPARE(r.outcome, ApplyOutcome::StorageError);
    QVERIFY(!r.isFinal()); // the caller may retry; the order is not lost
    QCOMPARE(snapshot(), before);
    QCOMPARE(committed.count(), 0);

    // Once the fault is gone the same order applies, once.
    QVERIFY(m_t->removeFault(u"poison"_s, u"mutations"_s));
    QCOMPARE(m_engine->apply(event).outcome, ApplyOutcome::Applied);
    QCOMPARE(m_engine->apply(event).outcome, ApplyOutcome::Duplicate);
}

void TestSyncEngineRollback::groupCommitIsolatesTheFailure()
{
    poison(u"B"_s);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"mutation append failed"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"mutation append failed"_s));
    const auto results = m_engine->applyBatch({order(u"s"_s, u"1"_s, {{u"A"_s, 1}}),
                                               order(u"s"_s, u"2"_s, {{u"B"_s, 1}}),
                                               order(u"s"_s, u"3"_s, {{u"A"_s, 2}})});
    QCOMPARE(results.at(0).outcome, ApplyOutcome::Applied);
    QCOMPARE(results.at(1).outcome, ApplyOutcome::StorageError);
    QCOMPARE(results.at(2).outcome, ApplyOutcome::Applied);
    QCOMPARE(m_t->stock(u"A"_s).available, 7);
    QCOMPARE(m_t->stock(u"B"_s).available, 10);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM orders WHERE order_id = '2'"_s), 0);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM order_lines WHERE order_id = '2'"_s), 0);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM mutations WHERE sku = 'B' AND kind = 'order'"_s), 0);
}

QTEST_GUILESS_MAIN(TestSyncEngineRollback)
#include "tst_syncengine_rollback.moc"
