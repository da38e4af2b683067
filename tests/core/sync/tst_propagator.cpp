// The propagator against a scripted channel: coalescing, ordering, pause/resume, an origin
// channel's own order, the token bucket, the lag and a channel's daily revision limit (its
// failures: tst_propagatorfailures).
#include "propagatortest.h"

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestPropagator : public PropagatorTest
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void firstPushSetsTheChannel();
    void coalescesToTheNewestVersion();
    void neverSendsAnOlderVersion();
    void pauseAtZeroAndResume();
    void originChannelIsSentTheTruthComparedToItsOwnSale();
    void tokenBucketLimitsCalls();
    void lagIsMeasuredFromTheOldestChange();
    void dailyRevisionLimitHoldsThroughAFlashSale();
    void revisionIsSpentOnlyWhenSent();
    void callsAreGroupedWhileOneIsInFlight_data();
    void callsAreGroupedWhileOneIsInFlight();
};

void TestPropagator::firstPushSetsTheChannel()
{
    map(u"shop"_s, {u"A"_s, u"B"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator p(m_t->db(), &channel, m_clock);
    p.start();
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 1); // both listings in one batch
    QCOMPARE(channel.held.value(u"r-A"_s), 100);
    QCOMPARE(channel.held.value(u"r-B"_s), 5);
    for (const ListingState &l : listings(u"shop"_s))
        QCOMPARE(l.state, ListingState::State::InSync);
}

void TestPropagator::coalescesToTheNewestVersion()
{
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator p(m_t->db(), &channel, m_clock);
    p.start();
    runUntilIdle(p);
    channel.calls.clear();
    QList<OrderEvent> burst;
    for (int i = 0; i < 60; ++i)
        burst.append(order(u"ebay"_s, QString::number(i), {{u"A"_s, 1}}));
    m_engine->applyBatch(burst);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 1); // 60 orders, one call
    QCOMPARE(channel.calls.first().first().quantity, 40);
    QCOMPARE(channel.calls.first().first().version, m_t->stock(u"A"_s).version);
    QCOMPARE(channel.held.value(u"r-A"_s), 40);
}

void TestPropagator::neverSendsAnOlderVersion()
{
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator p(m_t->db(), &channel, m_clock);
    p.start();
    for (int i = 0; i < 30; ++i) {
        m_engine->apply(order(u"ebay"_s, QString::number(i), {{u"A"_s, 1}}));
        if (i % 7 == 0)
            QCoreApplication::processEvents();
    }
    runUntilIdle(p);
    qint64 last = 0;
    for (const auto &call : std::as_const(channel.calls)) {
        for (const ListingUpdate &u : call) {
            QVERIFY2(u.version > last, "a version was sent after a newer one");
            last = u.version;
        }
    }
    QCOMPARE(channel.held.value(u"r-A"_s), 70);
}

void TestPropagator::pauseAtZeroAndResume()
{
    map(u"shop"_s, {u"B"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator p(m_t->db(), &channel, m_clock);
    p.start();
    runUntilIdle(p);
    m_engine->apply(order(u"ebay"_s, u"1"_s, {{u"B"_s, 5}}));
    runUntilIdle(p);
    QVERIFY(channel.calls.last().first().paused);
    QCOMPARE(channel.held.value(u"r-B"_s), 0);
    QVERIFY(m_engine->adjust(u"B"_s, 12, u"t"_s, u"restock"_s).ok());
    runUntilIdle(p);
    QVERIFY(!channel.calls.last().first().paused);
    QCOMPARE(channel.held.value(u"r-B"_s), 12);
}

void TestPropagator::originChannelIsSentTheTruthComparedToItsOwnSale()
{
    map(u"shop"_s, {u"A"_s});
    map(u"ebay"_s, {u"A"_s});
    ScriptedChannel shop(u"shop"_s);
    ScriptedChannel ebay(u"ebay"_s);
    Propagator ps(m_t->db(), &shop, m_clock);
    Propagator pe(m_t->db(), &ebay, m_clock);
    ps.start();
    pe.start();
    runUntilIdle(ps);
    runUntilIdle(pe);
    shop.calls.clear();
    ebay.calls.clear();
    m_engine->apply(order(u"shop"_s, u"1001"_s, {{u"A"_s, 2}}));
    runUntilIdle(ps);
    runUntilIdle(pe);
    // The shop sold it itself and shows 98 already, if no push of ours overwrote its sale; it
    // is sent the truth anyway, compared against the 98 it should hold.
    QCOMPARE(shop.calls.size(), 1);
    QCOMPARE(shop.calls.first().first().quantity, 98);
    QCOMPARE(shop.calls.first().first().lastAckedQuantity.value_or(-1), 98);
    QCOMPARE(ebay.calls.size(), 1);
    QCOMPARE(ebay.calls.first().first().quantity, 98);
    QCOMPARE(ebay.calls.first().first().lastAckedQuantity.value_or(-1), 100);
    QCOMPARE(listings(u"shop"_s).first().ackedQuantity.value_or(-1), 98);
    QCOMPARE(listings(u"shop"_s).first().state, ListingState::State::InSync);
}

void TestPropagator::tokenBucketLimitsCalls()
{
    map(u"slow"_s, {u"A"_s, u"B"_s});
    ScriptedChannel channel(u"slow"_s, 1, 2.0); // one listing per call, 2 calls a second
    Propagator::Options o;
    o.burst = 1;
    Propagator p(m_t->db(), &channel, m_clock, o);
    p.start();
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 1); // the clock stands still: one token only
    // At 2 calls a second the next token is due 500 ms later; half way, nothing is sent.
    m_clock.advance(250);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 1);
    m_clock.advance(250);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 2);
}

void TestPropagator::lagIsMeasuredFromTheOldestChange()
{
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator p(m_t->db(), &channel, m_clock);
    QSignalSpy acked(&p, &Propagator::acknowledged);
    p.start();
    runUntilIdle(p);
    acked.clear();
    m_engine->apply(order(u"ebay"_s, u"1"_s, {{u"A"_s, 1}}));
    m_clock.advance(300);
    m_engine->apply(order(u"ebay"_s, u"2"_s, {{u"A"_s, 1}}));
    m_clock.advance(200);
    runUntilIdle(p);
    QCOMPARE(acked.count(), 1);
    QCOMPARE(acked.at(0).at(4).toLongLong(), 500);
}

void TestPropagator::dailyRevisionLimitHoldsThroughAFlashSale()
{
    // A channel that allows 10 revisions of a listing a day: at most one every 2 s, 5 in a
    // burst, then one every 2.4 hours. A flash sale of 95 orders, one every 200 ms, must not
    // spend them all, and its final quantity must still go out.
    map(u"ebay"_s, {u"A"_s});
    ScriptedChannel channel(u"ebay"_s, 25, 1000, 10);
    Propagator p(m_t->db(), &channel, m_clock);
    p.start();
    runUntilIdle(p); // the first push
    for (int i = 0; i < 95; ++i) {
        m_engine->apply(order(u"pos"_s, QString::number(i), {{u"A"_s, 1}}));
        m_clock.advance(200);
        runUntilIdle(p);
    }
    // 19 s of sale, one revision per 2 s at most: the first push and 4 more, coalesced.
    QCOMPARE(channel.calls.size(), 5);
    QCOMPARE(listings(u"ebay"_s).first().state, ListingState::State::Pending);
    m_clock.advance(3 * 3600 * 1000); // the budget refills with time
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 6);
    QCOMPARE(channel.held.value(u"r-A"_s), 5); // 100 - 95

    // Selling out pauses the listing at once, even with the bucket empty and within 2 s.
    m_engine->apply(order(u"pos"_s, u"last"_s, {{u"A"_s, 5}}));
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 7);
    QVERIFY(channel.calls.last().first().paused);
    QCOMPARE(channel.held.value(u"r-A"_s), 0);

    // A restock resumes it at once; a plain change then waits for the budget.
    QVERIFY(m_engine->adjust(u"A"_s, 40, u"t"_s, u"restock"_s).ok());
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 8);
    QVERIFY(m_engine->adjust(u"A"_s, 1, u"t"_s, u"found one"_s).ok());
    m_clock.advance(3000);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 8); // the bucket is empty: it waits
    QVERIFY(m_engine->adjust(u"A"_s, 1, u"t"_s, u"found one more"_s).ok());
    m_clock.advance(3000);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 8);
    m_clock.advance(3 * 3600 * 1000);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 9); // both corrections in one revision
    QCOMPARE(channel.held.value(u"r-A"_s), 42);
}

void TestPropagator::revisionIsSpentOnlyWhenSent()
{
    // eBay-like: a daily revision budget and one call a second. The call limit, not the
    // budget, holds A back at first (B, with 5 to show, is more urgent than A with 100); A's
    // revision must not be used up while it waits, or it would sit out the 2 s spacing too and
    // lose a revision of its day for nothing.
    map(u"ebay"_s, {u"A"_s, u"B"_s});
    ScriptedChannel channel(u"ebay"_s, 1, 1.0, 10); // one listing per call, one call a second
    Propagator::Options o;
    o.burst = 1;
    Propagator p(m_t->db(), &channel, m_clock, o);
    p.start();
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 1); // B; A waits for a token
    QCOMPARE(channel.calls.at(0).first().sku, u"B"_s);
    m_clock.advance(1000);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 2); // A, a second later, not after 2 s
    QCOMPARE(channel.calls.at(1).first().sku, u"A"_s);
}

QTEST_GUILESS_MAIN(TestPropagator)
#include "tst_propagator.moc"

void TestPropagator::callsAreGroupedWhileOneIsInFlight_data()
{
    QTest::addColumn<int>("batch");
    QTest::addColumn<QStringList>("sold"); // one unit of each, while A's call is in flight
    QTest::addColumn<qint64>("clockAdvanceMs");
    QTest::addColumn<bool>("sentAtOnce");
    QTest::addColumn<qint64>("stampedAheadMs"); // the sale's time ahead of this clock

    const qint64 linger = Propagator::Options {}.lingerMs;
    QTest::newRow("fits the next call: waits for the answer")
        << 50 << QStringList {u"B"_s, u"C"_s} << qint64(0) << false << qint64(0);
    QTest::newRow("waited the linger: goes")
        << 50 << QStringList {u"B"_s} << linger << true << qint64(0);
    QTest::newRow("fills a call: goes")
        << 2 << QStringList {u"B"_s, u"C"_s} << qint64(0) << true << qint64(0);
    QTest::newRow("one listing a call: concurrent as before")
        << 1 << QStringList {u"B"_s} << qint64(0) << true << qint64(0);
    // B holds 1: the sale takes it to 0, so the channel must stop selling it now.
    QTest::newRow("a pause: goes") << 50 << QStringList {u"P"_s} << qint64(0) << true << qint64(0);
    // Another worker's clock ahead of this one stamped the change: the linger still ends.
    QTest::newRow("stamped ahead of this clock: goes after the linger")
        << 50 << QStringList {u"B"_s} << linger << true << qint64(1000);
}

// Group commit for calls (issue 13): every call costs the same work here, on the network and at
// the channel whatever it carries, so while one is in flight what becomes due waits for its
// answer and leaves in the next call, unless it fills a call, must stop selling, or has waited
// Options::lingerMs (a slow or stuck call never holds the others back for longer).
void TestPropagator::callsAreGroupedWhileOneIsInFlight()
{
    QFETCH(int, batch);
    QFETCH(QStringList, sold);
    QFETCH(qint64, clockAdvanceMs);
    QFETCH(bool, sentAtOnce);
    QFETCH(qint64, stampedAheadMs);

    QVERIFY(
        m_engine->importStock({stockRow(u"C"_s, 50), stockRow(u"P"_s, 1)}, u"t"_s, u"s"_s).ok());
    map(u"shop"_s, {u"A"_s, u"B"_s, u"C"_s, u"P"_s});
    ScriptedChannel channel(u"shop"_s, batch);
    Propagator p(m_t->db(), &channel, m_clock);
    p.start();
    runUntilIdle(p);
    channel.calls.clear();

    channel.holdAnswers = true;
    m_engine->apply(order(u"ebay"_s, u"first"_s, {{u"A"_s, 1}}));
    p.wake();
    QTRY_COMPARE_WITH_TIMEOUT(channel.calls.size(), 1, 500);
    QList<OrderEvent> sales;
    for (const QString &sku : std::as_const(sold))
        sales.append(order(u"ebay"_s, u"then-"_s + sku, {{sku, 1}}));
    m_engine->applyBatch(sales);
    m_clock.set(m_clock.nowMs() - stampedAheadMs);
    p.wake();
    if (clockAdvanceMs > 0) {
        // Nothing goes before the linger is over, and nothing but time is needed after it.
        QTest::qWait(100);
        QCOMPARE(channel.calls.size(), 1);
        m_clock.advance(clockAdvanceMs);
    }
    if (sentAtOnce) {
        // Well before the poll (pollIntervalMs) would find it.
        QTRY_COMPARE_WITH_TIMEOUT(channel.calls.size(), 2, 500);
        QCOMPARE(p.inFlight(), 2);
    } else {
        QTest::qWait(100); // the fold, the pump and the timers have had every chance
        QCOMPARE(channel.calls.size(), 1);
    }

    // Whatever waited leaves with the answer: every sold listing once, in as few calls as fit.
    channel.holdAnswers = false;
    channel.releaseAnswers();
    runUntilIdle(p);
    QStringList sent;
    for (qsizetype i = 1; i < channel.calls.size(); ++i) {
        for (const ListingUpdate &u : channel.calls.at(i))
            sent.append(u.sku);
    }
    sent.sort();
    QCOMPARE(sent, sold);
    if (!sentAtOnce)
        QCOMPARE(channel.calls.size(), 2);
}
