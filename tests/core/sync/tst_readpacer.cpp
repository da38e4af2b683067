// ReadPacer: reads share the channel's token bucket with its pushes but never take the tokens
// pushes need, one read at a time, and what a read's answer says about limits holds pushes too.
#include "sync/ratelimiter.h"
#include "sync/readpacer.h"
#include "util/clock.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

// A channel whose reads answer on the next event-loop turn with what the test scripted.
class ScriptedReader : public QObject, public ChannelReader
{
public:
    void listListings(const QString &pageToken,
                      std::function<void(const ListingPage &)> done) override
    {
        ++calls;
        ListingPage page;
        static_cast<ReadStatus &>(page) = nextStatus;
        nextStatus = {};
        page.listings.append({pageToken, pageToken, 1, {}});
        QMetaObject::invokeMethod(
            this, [done, page] { done(page); }, Qt::QueuedConnection);
    }
    int maxQuantitiesPerRead() const override { return 20; }
    void fetchOrders(const QString &, std::function<void(const FetchOrdersResult &)>) override { }
    bool hasOrderWebhooks() const override { return false; }
    IntakeMode defaultIntake() const override { return IntakeMode::Poll; }
    int defaultPollIntervalSeconds() const override { return 5; }

    int calls = 0;
    QList<QStringList> batches;
    ReadStatus nextStatus;

protected:
    void readQuantityBatch(const QStringList &remoteIds,
                           std::function<void(const QuantitiesRead &)> done) override
    {
        ++calls;
        batches.append(remoteIds);
        QuantitiesRead read;
        for (const QString &id : remoteIds)
            read.quantities.insert(id, id.size());
        QMetaObject::invokeMethod(
            this, [done, read] { done(read); }, Qt::QueuedConnection);
    }
    QObject *readContext() override { return this; }
};

} // namespace

class TestReadPacer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsLeaveTheReserveToPushes_data();
    void readsLeaveTheReserveToPushes();
    void throttledReadHoldsPushesToo();
    void quantitiesTakeATokenPerCall();
};

void TestReadPacer::readsLeaveTheReserveToPushes_data()
{
    QTest::addColumn<double>("burst");
    QTest::addColumn<int>("immediate"); // reads that go at once from a full bucket
    QTest::newRow("burst 10: 5 kept for pushes") << 10.0 << 5;
    QTest::newRow("burst 5") << 5.0 << 2; // 2.5 kept: reads go while 3.5 or more are there
    QTest::newRow("burst 1: a read waits for a full bucket") << 1.0 << 1;
}

void TestReadPacer::readsLeaveTheReserveToPushes()
{
    QFETCH(double, burst);
    QFETCH(int, immediate);
    ManualClock clock;
    RateLimiter limiter(clock, 10, burst); // 10 tokens a second
    ScriptedReader reader;
    ReadPacer pacer(&reader, limiter, clock);
    int answered = 0;
    for (int i = 0; i < 8; ++i)
        pacer.listListings(QString::number(i), [&](const ListingPage &) { ++answered; });
    QTRY_COMPARE(answered, immediate);
    QTRY_VERIFY(pacer.waiting() > 0 && !pacer.busy());
    QCOMPARE(reader.calls, immediate);
    // What is left is the pushes': a push finds a token although reads are waiting.
    if (burst > 1)
        QVERIFY(limiter.tryAcquire());

    // Tokens come back with time, and the waiting reads go, one at a time.
    for (int second = 0; second < 10 && answered < 8; ++second) {
        const int before = answered;
        clock.advance(1000);
        QTRY_VERIFY(answered > before);
    }
    QCOMPARE(answered, 8);
    QCOMPARE(pacer.waiting(), 0);
}

void TestReadPacer::throttledReadHoldsPushesToo()
{
    ManualClock clock;
    RateLimiter limiter(clock, 10, 10);
    ScriptedReader reader;
    ReadPacer pacer(&reader, limiter, clock);
    reader.nextStatus.failure = FailureKind::Throttled;
    reader.nextStatus.throttled = true;
    reader.nextStatus.retryAfterMs = 3000;
    bool done = false;
    pacer.listListings(QString(), [&](const ListingPage &page) {
        QCOMPARE(page.failure, FailureKind::Throttled);
        done = true;
    });
    QTRY_VERIFY(done);
    // The channel said wait: the shared bucket holds pushes as well.
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.msUntilAvailable(), 3000);
    QVERIFY(limiter.rate() < limiter.configuredRate());
}

void TestReadPacer::quantitiesTakeATokenPerCall()
{
    ManualClock clock;
    RateLimiter limiter(clock, 10, 10);
    ScriptedReader reader;
    ReadPacer pacer(&reader, limiter, clock);
    QStringList ids;
    for (int i = 0; i < 45; ++i)
        ids.append(u"SKU-%1"_s.arg(i));
    QuantitiesRead read;
    bool done = false;
    pacer.readQuantities(ids, [&](const QuantitiesRead &r) {
        read = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(reader.batches.size(), 3); // 20 + 20 + 5
    QCOMPARE(read.quantities.size(), 45);
    QCOMPARE(read.quantities.value(u"SKU-44"_s), 6);
    // Three tokens taken, seven left.
    QVERIFY(std::abs(limiter.tokens() - 7.0) < 1e-6);
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestReadPacer)
#include "tst_readpacer.moc"
