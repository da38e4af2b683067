// Reconciliation: which listings are drift (the race rules, data-driven), drift recorded with a
// `since` that survives later runs, and a fix that sends ours again through normal propagation.
#include "store/bufferstore.h"
#include "store/driftstore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/reconciler.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ListingVerdict)

namespace {

// Reads answered from a table, synchronously; counts the calls.
struct FakeReads
{
    QHash<QString, qint64> shown;
    QString failure;
    int calls = 0;
    std::function<void()> duringRead; // runs between the read and its answer (races)

    ListingReads reads()
    {
        ListingReads r;
        r.listListings = [](const QString &, std::function<void(const ListingPage &)> done) {
            done(ListingPage {});
        };
        r.readQuantities = [this](const QStringList &ids,
                                  std::function<void(const QuantitiesRead &)> done) {
            ++calls;
            if (duringRead)
                duringRead();
            QuantitiesRead out;
            if (!failure.isEmpty()) {
                out.failure = FailureKind::Transient;
                out.message = failure;
            }
            for (const QString &id : ids) {
                if (shown.contains(id))
                    out.quantities.insert(id, shown.value(id));
            }
            done(out);
        };
        return r;
    }
};

} // namespace

class TestReconciler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void verdict_data();
    void verdict();
    void driftIsListedAndKeepsItsSince();
    void saleDuringTheReadIsNotDrift();
    void pendingListingIsNotDrift();
    void failedReadChangesNothing();
    void fixSendsOursAgainAudited();
    void expectedFollowsTheBufferRule_data();
    void expectedFollowsTheBufferRule();

private:
    ReconcileReport run(FakeReads &fake, const BufferOverride &rule = {})
    {
        ReconcileReport out;
        bool answered = false;
        reconcileChannel(
            m_t->db(), u"shop"_s, fake.reads(), m_clock,
            [&](const ReconcileReport &r) {
                out = r;
                answered = true;
            },
            rule);
        if (!answered)
            qFatal("reconcileChannel did not answer");
        return out;
    }
    void settle(const QString &sku, qint64 quantity)
    {
        const StockLevel s = m_t->stock(sku);
        QVERIFY(PropagationStore(m_t->db())
                    .acknowledge(u"shop"_s, {{sku, s.version, quantity, false}}, m_clock.nowMs())
                    .ok());
    }

    std::unique_ptr<TestDatabase> m_t;
    ManualClock m_clock;
};

void TestReconciler::init()
{
    m_t = std::make_unique<TestDatabase>();
    SyncEngine engine(m_t->db(), m_clock);
    QVERIFY(
        engine.importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 5)}, u"t"_s, u"seed"_s).ok());
    QVERIFY(MappingStore(m_t->db())
                .importMappings({{u"shop"_s, u"A"_s, u"101"_s}, {u"shop"_s, u"B"_s, u"102"_s}},
                                m_clock.nowMs())
                .ok());
    settle(u"A"_s, 10);
    settle(u"B"_s, 5);
    QVERIFY(PropagationStore(m_t->db()).ingest(u"shop"_s, 100).ok()); // the cursor starts here
}

void TestReconciler::cleanup()
{
    m_t.reset();
}

void TestReconciler::verdict_data()
{
    QTest::addColumn<int>("beforeState");
    QTest::addColumn<qint64>("beforeAcked");
    QTest::addColumn<qint64>("afterAcked");
    QTest::addColumn<qint64>("stockVersion");
    QTest::addColumn<int>("shown"); // -1: unread
    QTest::addColumn<ListingVerdict>("expected");
    const int inSync = int(ListingState::State::InSync);
    const int pending = int(ListingState::State::Pending);
    const int retrying = int(ListingState::State::Retrying);
    const int dead = int(ListingState::State::Dead);
    QTest::newRow("shows what it should")
        << inSync << 3LL << 3LL << 3LL << 7 << ListingVerdict::InSync;
    QTest::newRow("shows another number")
        << inSync << 3LL << 3LL << 3LL << 9 << ListingVerdict::Drift;
    QTest::newRow("sale after the ack (newer version)")
        << inSync << 3LL << 3LL << 4LL << 9 << ListingVerdict::OnItsWay;
    QTest::newRow("acked while we read")
        << inSync << 3LL << 4LL << 4LL << 9 << ListingVerdict::OnItsWay;
    QTest::newRow("pending") << pending << 3LL << 3LL << 3LL << 9 << ListingVerdict::OnItsWay;
    QTest::newRow("retrying") << retrying << 3LL << 3LL << 3LL << 9 << ListingVerdict::OnItsWay;
    QTest::newRow("dead-lettered") << dead << 3LL << 3LL << 3LL << 9 << ListingVerdict::OnItsWay;
    QTest::newRow("no count") << inSync << 3LL << 3LL << 3LL << -1 << ListingVerdict::Unread;
}

void TestReconciler::verdict()
{
    QFETCH(int, beforeState);
    QFETCH(qint64, beforeAcked);
    QFETCH(qint64, afterAcked);
    QFETCH(qint64, stockVersion);
    QFETCH(int, shown);
    QFETCH(ListingVerdict, expected);
    ListingState before;
    before.state = ListingState::State(beforeState);
    before.ackedVersion = beforeAcked;
    before.pendingVersion = beforeAcked;
    ListingState after = before;
    after.ackedVersion = afterAcked;
    after.pendingVersion = afterAcked;
    if (afterAcked != beforeAcked)
        after.state = ListingState::State::InSync;
    StockLevel stock;
    stock.available = 7;
    stock.version = stockVersion;
    const auto read = shown < 0 ? std::nullopt : std::optional<qint64>(shown);
    QCOMPARE(
        compareListing(before, after, stock, read, expectedShown(BufferRules(), u"shop"_s, stock)),
        expected);
}

void TestReconciler::driftIsListedAndKeepsItsSince()
{
    FakeReads fake;
    fake.shown = {{u"101"_s, 10}, {u"102"_s, 8}};
    const qint64 first = m_clock.nowMs();
    ReconcileReport r = run(fake);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(fake.calls, 1); // one bulk read for the channel
    QCOMPARE(r.compared, 2);
    QCOMPARE(r.drift.size(), 1);
    QCOMPARE(r.drift.at(0).sku, u"B"_s);
    QCOMPARE(r.drift.at(0).shown, 8);
    QCOMPARE(r.drift.at(0).expected, 5);
    QCOMPARE(r.drift.at(0).sinceMs, first);

    // A second run still sees it: since stays, runs counts it.
    m_clock.advance(60'000);
    r = run(fake);
    QCOMPARE(r.drift.size(), 1);
    QCOMPARE(r.drift.at(0).sinceMs, first);
    QCOMPARE(r.drift.at(0).runs, 2);
    QCOMPARE(DriftStore(m_t->db()).countByChannel()->value(u"shop"_s), 1);

    // Someone puts it right on the channel: the drift is gone.
    fake.shown[u"102"_s] = 5;
    r = run(fake);
    QVERIFY(r.drift.isEmpty());
    QVERIFY(DriftStore(m_t->db()).drift()->isEmpty());
}

void TestReconciler::saleDuringTheReadIsNotDrift()
{
    FakeReads fake;
    fake.shown = {{u"101"_s, 10}, {u"102"_s, 5}};
    // The channel was read showing 10; a sale of 2 commits before the compare.
    fake.duringRead = [this] {
        SyncEngine engine(m_t->db(), m_clock);
        QVERIFY(engine.apply(order(u"other"_s, u"o1"_s, {{u"A"_s, 2}})).outcome ==
                ApplyOutcome::Applied);
    };
    const ReconcileReport r = run(fake);
    QVERIFY(r.drift.isEmpty());
    QCOMPARE(r.onTheirWay, 1);
}

void TestReconciler::pendingListingIsNotDrift()
{
    SyncEngine engine(m_t->db(), m_clock);
    QVERIFY(engine.adjust(u"A"_s, -3, u"t"_s, u"count"_s).ok());
    QVERIFY(PropagationStore(m_t->db()).ingest(u"shop"_s, 100).ok());
    FakeReads fake;
    fake.shown = {{u"101"_s, 10}, {u"102"_s, 5}};
    const ReconcileReport r = run(fake);
    QVERIFY(r.drift.isEmpty());
    QCOMPARE(r.onTheirWay, 1);
    QCOMPARE(r.compared, 1);
}

void TestReconciler::failedReadChangesNothing()
{
    FakeReads fake;
    fake.shown = {{u"102"_s, 8}};
    QVERIFY(run(fake).drift.size() == 1);
    fake.failure = u"HTTP 503"_s;
    const ReconcileReport r = run(fake);
    QVERIFY(!r.ok());
    QVERIFY(r.error.contains(u"HTTP 503"_s));
    QCOMPARE(DriftStore(m_t->db()).drift()->size(), 1); // kept as it was
}

void TestReconciler::fixSendsOursAgainAudited()
{
    FakeReads fake;
    fake.shown = {{u"101"_s, 10}, {u"102"_s, 8}};
    const ReconcileReport r = run(fake);
    QCOMPARE(r.drift.size(), 1);
    const auto armed = DriftStore(m_t->db()).resend(r.drift, u"ann"_s, m_clock.nowMs());
    QVERIFY2(armed.ok(), qPrintable(armed.error()));
    QCOMPARE(*armed, 1);
    QVERIFY(DriftStore(m_t->db()).drift()->isEmpty());

    // Due again at the current version, comparing with what the channel really shows.
    const auto due = PropagationStore(m_t->db()).due(u"shop"_s, m_clock.nowMs(), 10);
    QVERIFY(due.ok());
    QCOMPARE(due->size(), 1);
    QCOMPARE(due->at(0).sku, u"B"_s);
    QCOMPARE(due->at(0).available, 5);
    QCOMPARE(due->at(0).ackedQuantity, std::optional<qint64>(8));
    const QList<Mutation> log = m_t->log(u"B"_s);
    QCOMPARE(kindName(log.constLast().kind), u"reconcile"_s);
    QCOMPARE(log.constLast().actor, u"ann"_s);
    QCOMPARE(log.constLast().channel, u"shop"_s);
    QCOMPARE(log.constLast().delta, 0);

    // Acknowledged: in sync, and the next run finds nothing.
    QVERIFY(PropagationStore(m_t->db())
                .acknowledge(u"shop"_s, {{u"B"_s, due->at(0).version, 5, false}}, m_clock.nowMs())
                .ok());
    fake.shown[u"102"_s] = 5;
    QVERIFY(run(fake).drift.isEmpty());
}

// What a listing should show is what the propagator sends: the channel's config rule, and a
// listing's own override over it. A channel showing half of 10 under "percent 50" is in sync.
void TestReconciler::expectedFollowsTheBufferRule_data()
{
    QTest::addColumn<int>("percent"); // the channel's rule; -1: none
    QTest::addColumn<qint64>("overrideMax"); // A's override on the channel; -1: none
    QTest::addColumn<qint64>("shown"); // what the channel shows of A (10 available)
    QTest::addColumn<qint64>("expected"); // -1: no drift

    QTest::newRow("no rule, shows all") << -1 << qint64(-1) << qint64(10) << qint64(-1);
    QTest::newRow("no rule, shows half") << -1 << qint64(-1) << qint64(5) << qint64(10);
    QTest::newRow("half, shows half") << 50 << qint64(-1) << qint64(5) << qint64(-1);
    QTest::newRow("half, shows all") << 50 << qint64(-1) << qint64(10) << qint64(5);
    QTest::newRow("half, override max 3, shows 3") << 50 << qint64(3) << qint64(3) << qint64(-1);
    QTest::newRow("half, override max 3, shows 5") << 50 << qint64(3) << qint64(5) << qint64(3);
}

void TestReconciler::expectedFollowsTheBufferRule()
{
    QFETCH(int, percent);
    QFETCH(qint64, overrideMax);
    QFETCH(qint64, shown);
    QFETCH(qint64, expected);
    BufferOverride rule;
    if (percent >= 0)
        rule.percent = percent;
    if (overrideMax >= 0) {
        BufferOverride own;
        own.max = overrideMax;
        const BufferRules rules({{u"shop"_s, rule}});
        QVERIFY(
            BufferStore(m_t->db())
                .setOverrides({{u"shop"_s, u"A"_s, own}}, rules, u"t"_s, u"test"_s, m_clock.nowMs())
                .ok());
        QVERIFY(PropagationStore(m_t->db()).ingest(u"shop"_s, 100).ok());
        settle(u"A"_s, shown); // acknowledged at the new version
    }
    FakeReads fake;
    fake.shown = {{u"101"_s, shown}, {u"102"_s, percent >= 0 ? 2 : 5}};
    const ReconcileReport r = run(fake, rule);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.compared, 2);
    if (expected < 0) {
        QVERIFY(r.drift.isEmpty());
        return;
    }
    QCOMPARE(r.drift.size(), 1);
    QCOMPARE(r.drift.at(0).sku, u"A"_s);
    QCOMPARE(r.drift.at(0).expected, expected);
}

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
