// The propagator against a scripted channel: coalescing, ordering, backoff, Retry-After, the
// dead-letter queue, pause/resume, an origin channel's own order, and the token bucket.
#include "store/deadletterqueue.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/propagator.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

#include <deque>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// A channel whose answers the test scripts; unscripted calls succeed. Answers come on the next
// event-loop turn, as a network reply would.
class ScriptedChannel : public ChannelAdapter
{
public:
    explicit ScriptedChannel(QString id, int batch = 50, double rate = 1000, int dailyLimit = 0)
        : m_id(std::move(id))
        , m_batch(batch)
        , m_rate(rate)
        , m_dailyLimit(dailyLimit)
    {
    }
    int maxRevisionsPerListingPerDay() const override { return m_dailyLimit; }
    QString channelId() const override { return m_id; }
    QString type() const override { return u"scripted"_s; }
    int maxBatchSize() const override { return m_batch; }
    double documentedRequestsPerSecond() const override { return m_rate; }

    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override
    {
        calls.append(updates);
        PushReport report;
        std::optional<PushOutcome> scripted;
        if (!script.empty()) {
            scripted = script.front();
            script.pop_front();
        }
        for (const ListingUpdate &u : updates) {
            PushOutcome o = refused.value(u.sku, scripted.value_or(PushOutcome {}));
            o.sku = u.sku;
            o.version = u.version;
            if (o.ok())
                held[u.remoteId] = u.quantityToSend();
            report.outcomes.append(o);
        }
        report.retryAfterMs = retryAfter;
        retryAfter.reset();
        QMetaObject::invokeMethod(
            this, [done, report] { done(report); }, Qt::QueuedConnection);
    }
    void readListing(const QString &remoteId,
                     std::function<void(const ReadListingResult &)> done) override
    {
        ReadListingResult r;
        r.quantity = held.value(remoteId);
        QMetaObject::invokeMethod(
            this, [done, r] { done(r); }, Qt::QueuedConnection);
    }

    QList<QList<ListingUpdate>> calls;
    std::deque<PushOutcome> script;
    QHash<QString, PushOutcome> refused; // by SKU: that item's answer, whatever the script says
    std::optional<qint64> retryAfter;
    QHash<QString, qint64> held;

private:
    QString m_id;
    int m_batch;
    double m_rate;
    int m_dailyLimit;
};

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

class TestPropagator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firstPushSetsTheChannel();
    void coalescesToTheNewestVersion();
    void neverSendsAnOlderVersion();
    void transientFailureBacksOffAndRetriesTheCurrentQuantity();
    void retryAfterIsAFloor();
    void permanentFailureGoesStraightToTheDeadLetterQueue();
    void exhaustedRetriesGoToTheDeadLetterQueue();
    void staleCompareValueIsRefreshedWithoutUsingAnAttempt();
    void batchRejectionDoesNotUseAnAttempt();
    void refusedItemsOfABatchCountAsFailedUpdates();
    void throttledUpdatesAreNotFailedUpdates();
    void pauseAtZeroAndResume();
    void originChannelIsSentTheTruthComparedToItsOwnSale();
    void tokenBucketLimitsCalls();
    void lagIsMeasuredFromTheOldestChange();
    void dailyRevisionLimitHoldsThroughAFlashSale();
    void revisionIsSpentOnlyWhenSent();

private:
    void map(const QString &channel, const QStringList &skus);
    void runUntilIdle(Propagator &p);
    QList<ListingState> listings(const QString &channel)
    {
        const auto out = PropagationStore(m_t->db()).listings(channel);
        if (!out)
            qFatal("cannot read listings: %s", qPrintable(out.error()));
        return *out;
    }

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
};

void TestPropagator::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
    QVERIFY(
        m_engine->importStock({stockRow(u"A"_s, 100), stockRow(u"B"_s, 5)}, u"t"_s, u"s"_s).ok());
}

void TestPropagator::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

void TestPropagator::map(const QString &channel, const QStringList &skus)
{
    QList<ListingMapping> rows;
    for (const QString &sku : skus)
        rows.append({channel, sku, u"r-"_s + sku});
    const Status mapped = MappingStore(m_t->db()).importMappings(rows, m_clock.nowMs());
    QVERIFY2(mapped, qPrintable(mapped.error()));
}

void TestPropagator::runUntilIdle(Propagator &p)
{
    QSignalSpy idle(&p, &Propagator::idle);
    p.wake();
    QTRY_VERIFY_WITH_TIMEOUT(idle.count() > 0 && p.inFlight() == 0, 5000);
}

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

void TestPropagator::transientFailureBacksOffAndRetriesTheCurrentQuantity()
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

void TestPropagator::retryAfterIsAFloor()
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

void TestPropagator::permanentFailureGoesStraightToTheDeadLetterQueue()
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

void TestPropagator::exhaustedRetriesGoToTheDeadLetterQueue()
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

void TestPropagator::staleCompareValueIsRefreshedWithoutUsingAnAttempt()
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

void TestPropagator::batchRejectionDoesNotUseAnAttempt()
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

void TestPropagator::refusedItemsOfABatchCountAsFailedUpdates()
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

void TestPropagator::throttledUpdatesAreNotFailedUpdates()
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
