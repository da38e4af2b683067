// No listing left frozen (issue 10), against a channel the test can take down and bring back: a
// newer version re-arms a dead listing, a pause jumps the queue, throttling uses no attempt, and
// a channel that answers again gets its retryable dead letters re-driven with no click.
#include "store/attemptlog.h"
#include "store/deadletterqueue.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/propagator.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <deque>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

PushOutcome failure(FailureKind kind, int status, const QString &message = {})
{
    PushOutcome o;
    o.failure = kind;
    o.httpStatus = status;
    o.message = message.isEmpty() ? u"HTTP %1"_s.arg(status) : message;
    return o;
}

// A channel that is up, or down with one answer for every call and read (a 401, a 500), with
// answers per SKU and throttling scripted on top. Answers come on the next event-loop turn.
class FlakyChannel : public ChannelAdapter
{
public:
    explicit FlakyChannel(int batch = 50)
        : m_batch(batch)
    {
    }
    QString channelId() const override { return u"shop"_s; }
    QString type() const override { return u"flaky"_s; }
    int maxBatchSize() const override { return m_batch; }
    double documentedRequestsPerSecond() const override { return 1000; }

    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override
    {
        calls.append(updates);
        PushReport report;
        report.throttled = throttleNext > 0;
        report.request = u"{\"call\": %1}"_s.arg(calls.size());
        report.response = u"{\"answer\": %1}"_s.arg(calls.size());
        for (const ListingUpdate &u : updates) {
            PushOutcome o;
            if (throttleNext > 0)
                o = failure(FailureKind::Throttled, 429);
            else if (down)
                o = *down;
            else if (auto it = bySku.find(u.sku); it != bySku.end() && !it->empty())
                o = it->front(), it->pop_front();
            o.sku = u.sku;
            o.version = u.version;
            if (o.ok())
                held[u.remoteId] = u.quantityToSend();
            report.outcomes.append(o);
        }
        throttleNext = std::max(0, throttleNext - 1);
        QMetaObject::invokeMethod(
            this, [done, report] { done(report); }, Qt::QueuedConnection);
    }
    void readListing(const QString &remoteId,
                     std::function<void(const ReadListingResult &)> done) override
    {
        ++reads;
        ReadListingResult r;
        r.quantity = held.value(remoteId);
        if (down) {
            r.failure = down->failure;
            r.message = down->message;
        }
        QMetaObject::invokeMethod(
            this, [done, r] { done(r); }, Qt::QueuedConnection);
    }

    QStringList skusOfCall(qsizetype i) const
    {
        QStringList skus;
        for (const ListingUpdate &u : calls.at(i))
            skus.append(u.sku);
        return skus;
    }

    QList<QList<ListingUpdate>> calls;
    std::optional<PushOutcome> down;
    QHash<QString, std::deque<PushOutcome>> bySku;
    int throttleNext = 0;
    int reads = 0;
    QHash<QString, qint64> held;

private:
    int m_batch;
};

} // namespace

class TestNoListingFrozen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void newerVersionReArmsADeadListing();
    void pauseJumpsTheQueue();
    void throttlingUsesNoAttempt();
    void realFailuresStillCount();
    void recoveredChannelReDrivesItsRetryableLetters();
    void answerOfAnotherListingIsARecovery();
    void restartAsksAChannelWithParkedLetters();
    void everyAttemptIsKept();

private:
    void map(const QStringList &skus);
    void runUntilIdle(Propagator &p);
    ListingState listing(const QString &sku)
    {
        const auto out = PropagationStore(m_t->db()).listings(u"shop"_s, sku);
        if (!out || out->size() != 1)
            qFatal("no listing %s", qPrintable(sku));
        return out->constFirst();
    }
    QList<DeadLetter> letters()
    {
        const auto out = DeadLetterQueue(m_t->db()).deadLetters();
        if (!out)
            qFatal("cannot read the dead letters: %s", qPrintable(out.error()));
        return *out;
    }
    Propagator::Options options() const
    {
        Propagator::Options o;
        o.jitterSeed = 3;
        o.probeIntervalMs = 10'000;
        return o;
    }

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
};

void TestNoListingFrozen::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
    QVERIFY(m_engine
                ->importStock({stockRow(u"A"_s, 100), stockRow(u"B"_s, 5), stockRow(u"C"_s, 300),
                               stockRow(u"D"_s, 10)},
                              u"t"_s, u"s"_s)
                .ok());
}

void TestNoListingFrozen::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

void TestNoListingFrozen::map(const QStringList &skus)
{
    QList<ListingMapping> rows;
    for (const QString &sku : skus)
        rows.append({u"shop"_s, sku, u"r-"_s + sku});
    QVERIFY(MappingStore(m_t->db()).importMappings(rows, m_clock.nowMs()));
}

void TestNoListingFrozen::runUntilIdle(Propagator &p)
{
    QSignalSpy idle(&p, &Propagator::idle);
    p.wake();
    QTRY_VERIFY_WITH_TIMEOUT(idle.count() > 0 && p.inFlight() == 0, 5000);
}

void TestNoListingFrozen::newerVersionReArmsADeadListing()
{
    map({u"A"_s});
    FlakyChannel channel;
    channel.bySku[u"A"_s] = {failure(FailureKind::Permanent, 404, u"Invalid ID."_s),
                             failure(FailureKind::Transient, 503)};
    Propagator p(m_t->db(), &channel, m_clock, options());
    p.start();
    runUntilIdle(p);
    QCOMPARE(listing(u"A"_s).state, ListingState::State::Dead);

    // A sale makes a newer version: it goes out, with its normal backoff after a failure.
    QCOMPARE(m_engine->apply(order(u"ebay"_s, u"1"_s, {{u"A"_s, 1}})).outcome,
             ApplyOutcome::Applied);
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 2);
    QCOMPARE(channel.calls.last().first().quantity, 99);
    ListingState a = listing(u"A"_s);
    QCOMPARE(a.state, ListingState::State::Retrying);
    QCOMPARE(a.attempts, 1); // started over
    QVERIFY(a.nextAttemptAtMs > m_clock.nowMs());
    // The letter keeps the history and says what happened to it.
    QCOMPARE(letters().size(), 1);
    QCOMPARE(letters().first().state, u"rearmed"_s);
    const QJsonArray history = QJsonDocument::fromJson(letters().first().history.toUtf8()).array();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).toObject().value(u"event"_s).toString(), u"rearmed"_s);

    m_clock.set(a.nextAttemptAtMs);
    runUntilIdle(p);
    QCOMPARE(channel.held.value(u"r-A"_s), 99);
    QCOMPARE(listing(u"A"_s).state, ListingState::State::InSync);
    QVERIFY(letters().isEmpty()); // acknowledged: closed
}

void TestNoListingFrozen::pauseJumpsTheQueue()
{
    map({u"A"_s, u"B"_s, u"C"_s, u"D"_s});
    FlakyChannel channel(1);
    Propagator::Options o = options();
    o.maxInFlight = 1;
    Propagator p(m_t->db(), &channel, m_clock, o);
    p.start();
    runUntilIdle(p);
    channel.calls.clear();
    // Oldest change first would send A, C, D, B; B sells out, D is about to.
    p.stop();
    QCOMPARE(m_engine->apply(order(u"ebay"_s, u"1"_s, {{u"A"_s, 1}})).outcome,
             ApplyOutcome::Applied);
    m_clock.advance(1);
    QCOMPARE(m_engine->apply(order(u"ebay"_s, u"2"_s, {{u"C"_s, 10}})).outcome,
             ApplyOutcome::Applied);
    m_clock.advance(1);
    QCOMPARE(m_engine->apply(order(u"ebay"_s, u"3"_s, {{u"D"_s, 8}})).outcome,
             ApplyOutcome::Applied);
    m_clock.advance(1);
    QCOMPARE(m_engine->apply(order(u"ebay"_s, u"4"_s, {{u"B"_s, 5}})).outcome,
             ApplyOutcome::Applied);
    p.start();
    runUntilIdle(p);
    QCOMPARE(channel.calls.size(), 4);
    QStringList order;
    for (qsizetype i = 0; i < channel.calls.size(); ++i)
        order += channel.skusOfCall(i);
    QCOMPARE(order, (QStringList {u"B"_s, u"D"_s, u"C"_s, u"A"_s}));
    QVERIFY(channel.calls.first().first().paused);
}

void TestNoListingFrozen::throttlingUsesNoAttempt()
{
    map({u"A"_s});
    FlakyChannel channel;
    channel.throttleNext = 6;
    Propagator::Options o = options();
    o.maxAttempts = 2;
    Propagator p(m_t->db(), &channel, m_clock, o);
    QSignalSpy dead(&p, &Propagator::deadLettered);
    p.start();
    for (int i = 0; i < 7; ++i) {
        runUntilIdle(p);
        QCOMPARE(listing(u"A"_s).attempts, 0);
        m_clock.advance(60'000);
    }
    QCOMPARE(dead.count(), 0);
    QCOMPARE(channel.calls.size(), 7);
    QCOMPARE(listing(u"A"_s).state, ListingState::State::InSync);
    QCOMPARE(channel.held.value(u"r-A"_s), 100);
}

void TestNoListingFrozen::realFailuresStillCount()
{
    map({u"A"_s});
    FlakyChannel channel;
    channel.down = failure(FailureKind::Transient, 503);
    Propagator::Options o = options();
    o.maxAttempts = 2;
    Propagator p(m_t->db(), &channel, m_clock, o);
    QSignalSpy dead(&p, &Propagator::deadLettered);
    p.start();
    for (int i = 0; i < 2; ++i) {
        runUntilIdle(p);
        m_clock.advance(60'000);
    }
    QCOMPARE(dead.count(), 1);
    QCOMPARE(letters().first().errorKind, QString(DeadLetterQueue::kExhausted));
}

void TestNoListingFrozen::recoveredChannelReDrivesItsRetryableLetters()
{
    map({u"A"_s, u"B"_s, u"C"_s});
    FlakyChannel channel;
    // C's listing is gone for good; then the whole channel refuses our credentials.
    channel.bySku[u"C"_s] = {failure(FailureKind::Permanent, 404, u"Invalid ID."_s)};
    Propagator p(m_t->db(), &channel, m_clock, options());
    QSignalSpy redriven(&p, &Propagator::redriven);
    p.start();
    runUntilIdle(p);
    QCOMPARE(listing(u"C"_s).state, ListingState::State::Dead);
    channel.down = failure(FailureKind::Permanent, 401, u"Invalid access token"_s);
    QCOMPARE(m_engine->apply(order(u"ebay"_s, u"1"_s, {{u"A"_s, 100}})).outcome,
             ApplyOutcome::Applied); // A sells out meanwhile
    QVERIFY(m_engine->adjust(u"B"_s, -1, u"t"_s, u"count"_s).ok());
    runUntilIdle(p);
    QCOMPARE(listing(u"A"_s).state, ListingState::State::Dead);
    QCOMPARE(listing(u"B"_s).state, ListingState::State::Dead);
    for (const DeadLetter &d : letters()) {
        QCOMPARE(d.errorKind,
                 d.sku == u"C"_s ? QString(DeadLetterQueue::kPermanent)
                                 : QString(DeadLetterQueue::kUnauthorized));
    }
    QCOMPARE(channel.held.value(u"r-A"_s), 100); // the channel still sells what is gone

    // Still down: the probe reads one listing now and then, and nothing is re-driven.
    m_clock.advance(10'000);
    runUntilIdle(p);
    QCOMPARE(channel.reads, 1);
    QCOMPARE(redriven.count(), 0);
    m_clock.advance(5'000);
    runUntilIdle(p);
    QCOMPARE(channel.reads, 1); // not before the interval

    // The merchant fixes the token: the next probe sees it, A and B go out by themselves.
    channel.down.reset();
    m_clock.advance(5'000);
    runUntilIdle(p);
    QCOMPARE(channel.reads, 2);
    QCOMPARE(redriven.count(), 1);
    QCOMPARE(redriven.first().at(1).toInt(), 2);
    QCOMPARE(channel.held.value(u"r-A"_s), 0);
    QCOMPARE(channel.held.value(u"r-B"_s), 4);
    QCOMPARE(listing(u"A"_s).state, ListingState::State::InSync);
    // The listing's own failure stays for the merchant.
    QCOMPARE(letters().size(), 1);
    QCOMPARE(letters().first().sku, u"C"_s);
    QCOMPARE(letters().first().state, u"dead"_s);
    // Each re-drive is audited.
    int audited = 0;
    for (const Mutation &m : m_t->log()) {
        if (m.kind == MutationKind::DeadLetterRetry) {
            QCOMPARE(m.actor, u"auto-redrive"_s);
            ++audited;
        }
    }
    QCOMPARE(audited, 2);
}

void TestNoListingFrozen::answerOfAnotherListingIsARecovery()
{
    map({u"A"_s, u"B"_s});
    FlakyChannel channel;
    Propagator::Options o = options();
    o.maxAttempts = 2;
    Propagator p(m_t->db(), &channel, m_clock, o);
    p.start();
    runUntilIdle(p);
    // A server error on every call: A uses its attempts up.
    channel.down = failure(FailureKind::Transient, 500);
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    for (int i = 0; i < 2; ++i) {
        runUntilIdle(p);
        m_clock.advance(60'000);
    }
    QCOMPARE(listing(u"A"_s).state, ListingState::State::Dead);
    // The channel is back, and B's change is taken before the next probe: A follows.
    channel.down.reset();
    const int reads = channel.reads;
    QVERIFY(m_engine->adjust(u"B"_s, -1, u"t"_s, u"count"_s).ok());
    runUntilIdle(p);
    QCOMPARE(channel.reads, reads);
    QCOMPARE(channel.held.value(u"r-A"_s), 99);
    QCOMPARE(listing(u"A"_s).state, ListingState::State::InSync);
    QVERIFY(letters().isEmpty());
}

void TestNoListingFrozen::restartAsksAChannelWithParkedLetters()
{
    map({u"A"_s});
    QVERIFY(PropagationStore(m_t->db()).ingest(u"shop"_s, 100));
    DeadLetterQueue::Failure f;
    f.version = 1;
    f.attempts = 8;
    f.kind = QString(DeadLetterQueue::kExhausted);
    f.httpStatus = 503;
    QVERIFY(DeadLetterQueue(m_t->db()).deadLetter(u"shop"_s, u"A"_s, f));
    // A new process: no call has told it anything about the channel yet.
    FlakyChannel channel;
    Propagator p(m_t->db(), &channel, m_clock, options());
    p.start();
    runUntilIdle(p);
    QCOMPARE(channel.reads, 1);
    QCOMPARE(channel.held.value(u"r-A"_s), 100);
    QVERIFY(letters().isEmpty());
}

void TestNoListingFrozen::everyAttemptIsKept()
{
    map({u"A"_s, u"B"_s});
    FlakyChannel channel;
    channel.bySku[u"A"_s] = {failure(FailureKind::Transient, 0, u"connection refused"_s),
                             failure(FailureKind::Throttled, 429),
                             failure(FailureKind::Transient, 503),
                             failure(FailureKind::Permanent, 404, u"Invalid ID."_s)};
    channel.bySku[u"A"_s][3].errorCode = u"woocommerce_rest_product_invalid_id"_s;
    Propagator p(m_t->db(), &channel, m_clock, options());
    p.start();
    runUntilIdle(p);
    for (int i = 0; i < 3; ++i) {
        m_clock.set(listing(u"A"_s).nextAttemptAtMs);
        runUntilIdle(p);
    }
    QCOMPARE(listing(u"A"_s).state, ListingState::State::Dead);
    const auto kept = AttemptLog(m_t->db()).attempts(u"shop"_s, u"A"_s);
    QVERIFY2(kept, qPrintable(kept.error()));
    QCOMPARE(kept->size(), 4);
    QStringList kinds;
    QList<int> counts;
    QStringList requests;
    for (const ListingAttempt &a : *kept) {
        kinds.append(a.kind);
        counts.append(a.attempt);
        requests.append(a.request);
        QCOMPARE(a.version, listing(u"A"_s).pendingVersion);
    }
    QCOMPARE(kinds,
             (QStringList {u"unanswered"_s, u"throttled"_s, u"transient"_s, u"permanent"_s}));
    QCOMPARE(counts, (QList<int> {1, 1, 2, 3})); // throttling used none
    // Each with its own call's request and answer, not only the last.
    QCOMPARE(requests.first(), u"{\"call\": 1}"_s);
    QCOMPARE(kept->at(1).response, u"{\"answer\": 2}"_s);
    QCOMPARE(kept->last().httpStatus, 404);
    QCOMPARE(kept->last().code, u"woocommerce_rest_product_invalid_id"_s);
    QCOMPARE(kept->last().message, u"Invalid ID."_s);
    // B went through at once: nothing kept for it.
    QVERIFY(AttemptLog(m_t->db()).attempts(u"shop"_s, u"B"_s)->isEmpty());
    QCOMPARE(letters().first().httpStatus, 404);
    QCOMPARE(letters().first().code, u"woocommerce_rest_product_invalid_id"_s);

    // A newer version goes through: the listing is on the channel, its attempts are history.
    QCOMPARE(m_engine->apply(order(u"ebay"_s, u"1"_s, {{u"A"_s, 1}})).outcome,
             ApplyOutcome::Applied);
    runUntilIdle(p);
    QCOMPARE(listing(u"A"_s).state, ListingState::State::InSync);
    QVERIFY(AttemptLog(m_t->db()).attempts(u"shop"_s, u"A"_s)->isEmpty());
}

QTEST_GUILESS_MAIN(TestNoListingFrozen)
#include "tst_nolistingfrozen.moc"
