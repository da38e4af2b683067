// The shared ingest (issue 13): one read of the change feed serves every channel's propagator,
// memory is rebuilt from the database on restart, acknowledgements written per tick are sent
// again (never lost) when the process dies before the tick, and a propagator under a lease sends
// nothing once its own clock says the lease may have expired (issue 12).
#include "store/leasestore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/propagationhub.h"
#include "sync/propagator.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// Takes every update and answers on the next event-loop turn, as a network reply would.
class TakingChannel : public ChannelAdapter
{
public:
    explicit TakingChannel(QString id)
        : m_id(std::move(id))
    {
    }
    QString channelId() const override { return m_id; }
    QString type() const override { return u"taking"_s; }
    int maxBatchSize() const override { return 50; }
    double documentedRequestsPerSecond() const override { return 1000; }
    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override
    {
        calls.append(updates);
        PushReport report;
        for (const ListingUpdate &u : updates) {
            held[u.sku] = u.quantityToSend();
            report.outcomes.append(PushOutcome {});
        }
        QMetaObject::invokeMethod(
            this, [done, report] { done(report); }, Qt::QueuedConnection);
    }
    void readListing(const QString &, std::function<void(const ReadListingResult &)>) override { }

    QList<QList<ListingUpdate>> calls;
    QHash<QString, qint64> held;

private:
    QString m_id;
};

// Every update sent, oldest first.
QList<ListingUpdate> sentUpdates(const TakingChannel &channel)
{
    QList<ListingUpdate> out;
    for (const auto &call : channel.calls)
        out.append(call);
    return out;
}

} // namespace

class TestPropagationHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void oneReadServesEveryChannel_data();
    void oneReadServesEveryChannel();
    void restartRebuildsMemoryFromTheDatabase();
    void acksNotWrittenBeforeACrashAreSentAgain();
    void failedWriteRebuildsMemoryAndSendsAgain();
    void lapsedLeaseSendsNothing_data();
    void lapsedLeaseSendsNothing();

private:
    void map(const QString &channel, const QStringList &skus);
    ListingState listing(Database &db, const QString &channel, const QString &sku)
    {
        const auto out = PropagationStore(db).listings(channel, sku);
        if (!out || out->isEmpty())
            qFatal("cannot read the listing");
        return out->constFirst();
    }

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
};

void TestPropagationHub::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
    QVERIFY(
        m_engine->importStock({stockRow(u"A"_s, 100), stockRow(u"B"_s, 5)}, u"t"_s, u"s"_s).ok());
}

void TestPropagationHub::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

void TestPropagationHub::map(const QString &channel, const QStringList &skus)
{
    QList<ListingMapping> rows;
    for (const QString &sku : skus)
        rows.append({channel, sku, u"r-"_s + sku});
    const Status mapped = MappingStore(m_t->db()).importMappings(rows, m_clock.nowMs());
    QVERIFY2(mapped, qPrintable(mapped.error()));
}

void TestPropagationHub::oneReadServesEveryChannel_data()
{
    QTest::addColumn<int>("channels");
    QTest::newRow("1 channel") << 1;
    QTest::newRow("4 channels") << 4;
    QTest::newRow("16 channels") << 16;
}

void TestPropagationHub::oneReadServesEveryChannel()
{
    QFETCH(int, channels);
    PropagationHub hub(m_t->db(), PropagationHub::Options {5000, 1, 60'000});
    connect(m_engine.get(), &SyncEngine::mutationsCommitted, &hub, &PropagationHub::wake);
    std::vector<std::unique_ptr<TakingChannel>> shops;
    std::vector<std::unique_ptr<Propagator>> propagators;
    for (int c = 0; c < channels; ++c) {
        const QString id = u"ch%1"_s.arg(c);
        map(id, {u"A"_s, u"B"_s});
        shops.push_back(std::make_unique<TakingChannel>(id));
        propagators.push_back(std::make_unique<Propagator>(m_t->db(), shops.back().get(), m_clock,
                                                           Propagator::Options {}, &hub));
        propagators.back()->start();
    }
    const auto settled = [&] {
        for (const auto &s : shops) {
            if (s->held.value(u"A"_s) != m_t->stock(u"A"_s).available)
                return false;
        }
        for (const auto &p : propagators) {
            if (p->inFlight() > 0)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000);

    // One commit of three orders: every channel hears of it from one read of the log.
    const int readsBefore = hub.feedReads();
    m_engine->applyBatch({order(u"pos"_s, u"1"_s, {{u"A"_s, 1}}),
                          order(u"pos"_s, u"2"_s, {{u"A"_s, 2}}),
                          order(u"pos"_s, u"3"_s, {{u"B"_s, 1}})});
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000);
    QCOMPARE(hub.feedReads() - readsBefore, 1);
    for (const auto &s : shops) {
        QCOMPARE(s->held.value(u"A"_s), 97);
        QCOMPARE(s->held.value(u"B"_s), 4);
    }
    // The database follows within the tick, every channel in sync at the current version.
    hub.flush();
    for (int c = 0; c < channels; ++c) {
        const ListingState l = listing(m_t->db(), u"ch%1"_s.arg(c), u"A"_s);
        QCOMPARE(l.state, ListingState::State::InSync);
        QCOMPARE(l.ackedVersion, m_t->stock(u"A"_s).version);
    }
}

void TestPropagationHub::restartRebuildsMemoryFromTheDatabase()
{
    map(u"shop"_s, {u"A"_s, u"B"_s});
    {
        TakingChannel shop(u"shop"_s);
        Propagator p(m_t->db(), &shop, m_clock);
        p.start();
        QTRY_VERIFY_WITH_TIMEOUT(shop.held.value(u"A"_s) == 100 && p.inFlight() == 0, 5000);
    } // written as it goes
    QCOMPARE(listing(m_t->db(), u"shop"_s, u"A"_s).ackedQuantity, 100);

    // While nothing runs: A sells twice, and B waits for a retry an hour away (as a propagator
    // before the restart would have left it).
    m_engine->apply(order(u"pos"_s, u"1"_s, {{u"A"_s, 3}}));
    m_engine->apply(order(u"pos"_s, u"2"_s, {{u"A"_s, 4}}));
    m_engine->apply(order(u"pos"_s, u"3"_s, {{u"B"_s, 1}}));
    QVERIFY(PropagationStore(m_t->db()).ingest(u"shop"_s, 100).ok());
    QVERIFY(PropagationStore(m_t->db())
                .scheduleRetry(u"shop"_s, u"B"_s, 2, m_clock.nowMs() + 3'600'000, u"HTTP 503"_s)
                .ok());

    TakingChannel shop(u"shop"_s);
    Propagator p(m_t->db(), &shop, m_clock);
    QSignalSpy acked(&p, &Propagator::acknowledged);
    p.start();
    QTRY_VERIFY_WITH_TIMEOUT(acked.count() == 1, 5000);
    // A once, at its current version, compared with what the channel acknowledged before the
    // restart; B still waits for its retry time.
    const QList<ListingUpdate> sent = sentUpdates(shop);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().sku, u"A"_s);
    QCOMPARE(sent.first().version, m_t->stock(u"A"_s).version);
    QCOMPARE(sent.first().quantity, 93);
    QCOMPARE(sent.first().lastAckedQuantity, 100);
    const ListingState b = listing(m_t->db(), u"shop"_s, u"B"_s);
    QCOMPARE(b.state, ListingState::State::Retrying);
    QCOMPARE(b.attempts, 2);
}

void TestPropagationHub::acksNotWrittenBeforeACrashAreSentAgain()
{
    map(u"shop"_s, {u"A"_s});
    // A tick that never comes in this test: what the channel answers stays in memory, as in a
    // process killed between the answer and the write.
    Propagator::Options o;
    o.flushTickMs = 3'600'000;
    o.pollIntervalMs = 3'600'000;
    TakingChannel before(u"shop"_s);
    auto crashed = std::make_unique<Propagator>(m_t->db(), &before, m_clock, o);
    crashed->start();
    QTRY_VERIFY_WITH_TIMEOUT(before.held.value(u"A"_s) == 100 && crashed->inFlight() == 0, 5000);
    crashed->hub()->flush(); // in sync in the database, its cursor at the end of the log
    QCOMPARE(listing(m_t->db(), u"shop"_s, u"A"_s).state, ListingState::State::InSync);
    m_engine->apply(order(u"pos"_s, u"1"_s, {{u"A"_s, 10}}));
    crashed->wake();
    QTRY_VERIFY_WITH_TIMEOUT(before.held.value(u"A"_s) == 90 && crashed->inFlight() == 0, 5000);
    // Folded, answered, not written: the database still has A in sync at the old version.
    QCOMPARE(listing(m_t->db(), u"shop"_s, u"A"_s).ackedQuantity, 100);

    // The restarted process (another connection) rebuilds from the database: A goes again at
    // its current version, never an older one, and is then in sync.
    auto db = m_t->another();
    TakingChannel after(u"shop"_s);
    {
        Propagator restarted(*db, &after, m_clock);
        restarted.start();
        QTRY_VERIFY_WITH_TIMEOUT(after.held.value(u"A"_s) == 90 && restarted.inFlight() == 0, 5000);
        restarted.hub()->flush();
    }
    const QList<ListingUpdate> resent = sentUpdates(after);
    QCOMPARE(resent.size(), 1);
    QCOMPARE(resent.first().version, m_t->stock(u"A"_s).version);
    const ListingState a = listing(*db, u"shop"_s, u"A"_s);
    QCOMPARE(a.state, ListingState::State::InSync);
    QCOMPARE(a.ackedVersion, m_t->stock(u"A"_s).version);
    QCOMPARE(a.ackedQuantity, 90);
    db.reset();
    crashed.reset();
}

void TestPropagationHub::failedWriteRebuildsMemoryAndSendsAgain()
{
    map(u"shop"_s, {u"A"_s});
    TakingChannel shop(u"shop"_s);
    Propagator p(m_t->db(), &shop, m_clock);
    QSignalSpy acked(&p, &Propagator::acknowledged);
    p.start();
    QTRY_VERIFY_WITH_TIMEOUT(acked.count() == 1, 5000);
    // The tick's transaction fails: nothing is announced, and the listing goes again.
    QVERIFY(m_t->injectFault(u"no_acks"_s, u"UPDATE"_s, u"listings"_s, u"listings are frozen"_s));
    m_engine->apply(order(u"pos"_s, u"1"_s, {{u"A"_s, 1}}));
    p.wake();
    QTRY_VERIFY_WITH_TIMEOUT(shop.calls.size() >= 3, 5000);
    QCOMPARE(acked.count(), 1);
    QVERIFY(m_t->removeFault(u"no_acks"_s, u"listings"_s));
    QTRY_VERIFY_WITH_TIMEOUT(acked.count() == 2, 5000);
    for (const ListingUpdate &u : sentUpdates(shop).mid(1))
        QCOMPARE(u.version, m_t->stock(u"A"_s).version); // the same version, never older
    QCOMPARE(listing(m_t->db(), u"shop"_s, u"A"_s).state, ListingState::State::InSync);
}

void TestPropagationHub::lapsedLeaseSendsNothing_data()
{
    QTest::addColumn<qint64>("sinceRenewalMs");
    QTest::addColumn<bool>("sends");
    QTest::newRow("just renewed") << qint64(0) << true;
    QTest::newRow("within the margin") << qint64(1'999) << true;
    QTest::newRow("margin used up") << qint64(2'000) << false;
    QTest::newRow("woke from SIGSTOP") << qint64(60'000) << false;
}

void TestPropagationHub::lapsedLeaseSendsNothing()
{
    QFETCH(qint64, sinceRenewalMs);
    QFETCH(bool, sends);
    map(u"shop"_s, {u"A"_s});
    // The database lease (wall clock) stays valid throughout: only the propagator's own
    // monotonic clock says the lease may be gone (ttl 3 s, margin 1 s).
    const auto token = LeaseStore(m_t->db()).acquire(
        u"shop"_s, u"w1"_s, QDateTime::currentMSecsSinceEpoch(), 3'600'000);
    QVERIFY(token && token->has_value());
    TakingChannel shop(u"shop"_s);
    Propagator p(m_t->db(), &shop, m_clock);
    p.setFence(u"w1"_s, **token);
    p.leaseRenewed(m_clock.monotonicNs());
    p.start();
    QTRY_VERIFY_WITH_TIMEOUT(shop.held.value(u"A"_s) == 100 && p.inFlight() == 0, 5000);

    m_clock.advance(sinceRenewalMs);
    QSignalSpy idle(&p, &Propagator::idle);
    m_engine->apply(order(u"pos"_s, u"1"_s, {{u"A"_s, 1}}));
    p.wake();
    if (sends) {
        QTRY_COMPARE_WITH_TIMEOUT(shop.held.value(u"A"_s), 99, 5000);
    } else {
        // It looked, and went idle without a call.
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() > 0, 5000);
        QCOMPARE(shop.calls.size(), 1);
        QVERIFY(!p.leaseAllowsSending());
        // Renewed: it goes.
        p.leaseRenewed(m_clock.monotonicNs());
        QTRY_COMPARE_WITH_TIMEOUT(shop.held.value(u"A"_s), 99, 5000);
    }
}

QTEST_GUILESS_MAIN(TestPropagationHub)
#include "tst_propagationhub.moc"
