// The propagator against a scripted channel that fails: backoff, Retry-After, the dead-letter
// queue, a stale compare value, a rejected batch, refused and throttled items.
#include "propagatortest.h"
#include "store/deadletterqueue.h"

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

PushOutcome transient(const QString &message = u"HTTP 503"_s)
{
    PushOutcome o;
    o.failure = FailureKind::Transient;
    o.httpStatus = 503;
    o.message = message;
    return o;
}

// A refusal Shopify reports as a user error in an HTTP 200 answer, as its adapter classifies it.
PushOutcome userError(FailureKind kind, const QString &code, const QString &message)
{
    PushOutcome o;
    o.failure = kind;
    o.httpStatus = 200;
    o.errorCode = code;
    o.message = message;
    return o;
}

// The propagator acts on the kind an adapter gives, never on a channel's own code: the scripted
// channel names its refusals its own way (Shopify would say CHANGE_FROM_QUANTITY_STALE and
// BATCH_REJECTED).
PushOutcome stale()
{
    // changeFromQuantity no longer matches: the shop sold something we have not heard of.
    return userError(FailureKind::StaleCompare, u"SCRIPTED_COMPARE_STALE"_s,
                     u"The changeFromQuantity value does not match persisted value."_s);
}

PushOutcome batchRejected()
{
    // inventorySetQuantities is all or nothing: an item that was fine in a call where another
    // item was refused was not applied either.
    return userError(FailureKind::Collateral, u"SCRIPTED_REFUSED_WITH_OTHERS"_s,
                     u"not applied: another item of the same call was refused"_s);
}

PushOutcome permanent()
{
    PushOutcome o;
    o.failure = FailureKind::Permanent;
    o.httpStatus = 404;
    o.errorCode = u"woocommerce_rest_product_invalid_id"_s;
    o.message = u"Invalid ID."_s;
    return o;
}

} // namespace

class TestPropagatorFailures : public PropagatorTest
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void transientFailureBacksOffAndRetriesTheCurrentQuantity();
    void retryAfterIsAFloor();
    void permanentFailureGoesStraightToTheDeadLetterQueue();
    void exhaustedRetriesGoToTheDeadLetterQueue();
    void staleCompareValueIsRefreshedWithoutUsingAnAttempt();
    void batchRejectionDoesNotUseAnAttempt();
    void refusedItemsOfABatchCountAsFailedUpdates();
    void throttledUpdatesAreNotFailedUpdates();
};

void TestPropagatorFailures::transientFailureBacksOffAndRetriesTheCurrentQuantity()
{
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator::Options o;
    o.jitterSeed = 7;
    Propagator p(m_t->db(), &channel, m_clock, o);
    channel.script = {transient()};
    QSignalSpy failed(&p, &Propagator::attemptFailed);
    p.start();
    runUntilIdle(p);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(3).toBool(), false); // not permanent
    ListingState l = listings(u"shop"_s).first();
    QCOMPARE(l.state, ListingState::State::Retrying);
    QCOMPARE(l.attempts, 1);
    QVERIFY(l.nextAttemptAtMs >= m_clock.nowMs());
    QVERIFY(l.nextAttemptAtMs <= m_clock.nowMs() + 1000); // attempt 0: at most 1 s
    QVERIFY(l.lastError.contains(u"503"_s));

    // Stock moves while the channel is down; the retry sends what is true now.
    m_engine->apply(order(u"ebay"_s, u"x"_s, {{u"A"_s, 9}}));
    m_clock.set(l.nextAttemptAtMs);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 2);
    QCOMPARE(channel.calls.last().first().quantity, 91);
    QCOMPARE(listings(u"shop"_s).first().state, ListingState::State::InSync);
    QCOMPARE(listings(u"shop"_s).first().attempts, 0);
}

void TestPropagatorFailures::retryAfterIsAFloor()
{
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator p(m_t->db(), &channel, m_clock);
    channel.script = {transient(u"429"_s)};
    channel.retryAfter = 7'500;
    p.start();
    runUntilIdle(p);
    const ListingState l = listings(u"shop"_s).first();
    QVERIFY(l.nextAttemptAtMs >= m_clock.nowMs() + 7'500);
    // The bucket is blocked too: nothing goes out before then, even when woken.
    m_clock.advance(7'000);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 1);
    m_clock.advance(600);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 2);
}

void TestPropagatorFailures::permanentFailureGoesStraightToTheDeadLetterQueue()
{
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator p(m_t->db(), &channel, m_clock);
    channel.script = {permanent()};
    QSignalSpy dead(&p, &Propagator::deadLettered);
    p.start();
    runUntilIdle(p);
    QCOMPARE(dead.count(), 1);
    QCOMPARE(listings(u"shop"_s).first().state, ListingState::State::Dead);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM dead_letters WHERE channel = 'shop' AND "
                        "error_kind = 'permanent' AND attempts = 1"_s),
             1);
    // Nothing new, nothing sent: it waits for a newer version (tst_nolistingfrozen) or a person.
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 1);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM dead_letters"_s), 1);
}

void TestPropagatorFailures::exhaustedRetriesGoToTheDeadLetterQueue()
{
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator::Options o;
    o.maxAttempts = 3;
    o.probeIntervalMs = 24 * 3600 * 1000; // its recovery is tst_nolistingfrozen's
    Propagator p(m_t->db(), &channel, m_clock, o);
    channel.script = {transient(), transient(), transient(), transient()};
    QSignalSpy dead(&p, &Propagator::deadLettered);
    p.start();
    for (int i = 0; i < 3; ++i) {
        runUntilIdle(p);
        m_clock.advance(60'000);
    }
    QCOMPARE(channel.calls.size(), 3);
    QCOMPARE(dead.count(), 1);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM dead_letters WHERE error_kind = 'exhausted' "
                        "AND attempts = 3"_s),
             1);
    QSqlQuery q(m_t->db().connection());
    QVERIFY(q.exec(u"SELECT history FROM dead_letters"_s) && q.next());
    QVERIFY(q.value(0).toString().contains(u"exhausted"_s));
}

void TestPropagatorFailures::staleCompareValueIsRefreshedWithoutUsingAnAttempt()
{
    // The shop sells on its own faster than we hear of it: five stale answers in a row with
    // three attempts allowed must still end with the truth on the channel, not a dead letter.
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    channel.held[u"r-A"_s] = 97; // the shop sold 3 we have not heard of
    Propagator::Options o;
    o.maxAttempts = 3;
    Propagator p(m_t->db(), &channel, m_clock, o);
    channel.script = {stale(), stale(), stale(), stale(), stale()};
    QSignalSpy dead(&p, &Propagator::deadLettered);
    QSignalSpy calls(&p, &Propagator::callFinished);
    p.start();
    for (int i = 0; i < 6; ++i) {
        runUntilIdle(p);
        m_clock.advance(60'000);
    }
    QCOMPARE(dead.count(), 0);
    QCOMPARE(channel.calls.size(), 6);
    // The channel answered every call properly: its success rate must not suffer for our race.
    QCOMPARE(calls.count(), 6);
    for (const QList<QVariant> &call : std::as_const(calls)) {
        QCOMPARE(call.at(1).value<AttemptOutcome>(), AttemptOutcome::Acknowledged);
        QCOMPARE(call.at(3).toInt(), 0); // no failed update either
    }
    QCOMPARE(channel.held.value(u"r-A"_s), 100);
    const ListingState a = listings(u"shop"_s).constFirst();
    QCOMPARE(a.state, ListingState::State::InSync);
    // The refresh read back what the shop held, so the last push compared against it.
    QCOMPARE(channel.calls.last().first().lastAckedQuantity, std::optional<qint64>(97));
}

void TestPropagatorFailures::batchRejectionDoesNotUseAnAttempt()
{
    // A listing that shares calls with a hot one whose compare value keeps going stale is
    // refused with it, call after call. That is not its failure: with three attempts allowed,
    // five rejections in a row must not dead-letter it, nor count against the channel.
    map(u"shop"_s, {u"A"_s});
    ScriptedChannel channel(u"shop"_s);
    Propagator::Options o;
    o.maxAttempts = 3;
    Propagator p(m_t->db(), &channel, m_clock, o);
    channel.script = {batchRejected(), batchRejected(), batchRejected(), batchRejected(),
                      batchRejected()};
    QSignalSpy dead(&p, &Propagator::deadLettered);
    QSignalSpy calls(&p, &Propagator::callFinished);
    p.start();
    for (int i = 0; i < 6; ++i) {
        runUntilIdle(p);
        m_clock.advance(60'000);
    }
    QCOMPARE(dead.count(), 0);
    QCOMPARE(channel.calls.size(), 6);
    for (const QList<QVariant> &call : std::as_const(calls))
        QCOMPARE(call.at(1).value<AttemptOutcome>(), AttemptOutcome::Acknowledged);
    QCOMPARE(channel.held.value(u"r-A"_s), 100);
    QCOMPARE(listings(u"shop"_s).constFirst().state, ListingState::State::InSync);
}

void TestPropagatorFailures::refusedItemsOfABatchCountAsFailedUpdates()
{
    // One call carrying two listings, one of which the channel refuses (an eBay 207 or a
    // WooCommerce batch answer): the call went through, and one update of two failed.
    map(u"shop"_s, {u"A"_s, u"B"_s});
    ScriptedChannel channel(u"shop"_s);
    channel.refused[u"B"_s] = permanent();
    Propagator p(m_t->db(), &channel, m_clock);
    QSignalSpy calls(&p, &Propagator::callFinished);
    p.start();
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 1);
    QCOMPARE(calls.count(), 1);
    QCOMPARE(calls.at(0).at(1).value<AttemptOutcome>(), AttemptOutcome::Acknowledged);
    QCOMPARE(calls.at(0).at(2).toInt(), 2);
    QCOMPARE(calls.at(0).at(3).toInt(), 1);
}

void TestPropagatorFailures::throttledUpdatesAreNotFailedUpdates()
{
    // A 429 on a call of two listings: the channel is pacing us. The call is a failure (it is
    // retried, and counted as throttled), but no update is held against the success rate.
    map(u"shop"_s, {u"A"_s, u"B"_s});
    ScriptedChannel channel(u"shop"_s);
    PushOutcome throttled;
    throttled.failure = FailureKind::Throttled;
    throttled.httpStatus = 429;
    throttled.message = u"Too Many Requests"_s;
    channel.script = {throttled};
    Propagator p(m_t->db(), &channel, m_clock);
    QSignalSpy calls(&p, &Propagator::callFinished);
    p.start();
    runUntilIdle(p);
    QVERIFY(calls.count() >= 1);
    QVERIFY(calls.at(0).at(1).value<AttemptOutcome>() != AttemptOutcome::Acknowledged);
    QCOMPARE(calls.at(0).at(2).toInt(), 2);
    QCOMPARE(calls.at(0).at(3).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestPropagatorFailures)
#include "tst_propagatorfailures.moc"
