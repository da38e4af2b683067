// Amazon's bulk path end to end: the real AmazonAdapter's pushBulk against the simulated Feeds
// API over loopback HTTP (createFeedDocument, the upload to the pre-signed URL, createFeed,
// getFeed until the feed ends, getFeedDocument and the processing report): a good feed, a feed
// with one bad message, a FATAL feed sent again, a feed polled until DONE, the
// JSON_LISTINGS_FEED allowance of 5 feeds per 5 minutes; a feed past its deadline cancelled
// while IN_QUEUE and waited for while IN_PROGRESS; a feed from before a restart followed again
// (getFeeds), whether createFeed answered before the restart or not.
#include "channels/amazon/amazonadapter.h"
#include "sim/amazonsim.h"
#include "simfixture.h"

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestAmazonFeeds : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void goodFeedAcknowledgesEveryListing_data();
    void goodFeedAcknowledgesEveryListing();
    void badMessageFailsOnlyItsListing_data();
    void badMessageFailsOnlyItsListing();
    void fatalFeedIsSentAgain();
    void feedIsPolledUntilDone();
    void fiveFeedsPerFiveMinutes();
    void feedPastItsDeadline_data();
    void feedPastItsDeadline();
    void feedFromBeforeARestart_data();
    void feedFromBeforeARestart();

private:
    std::unique_ptr<AmazonAdapter> makeAdapter(qint64 deadlineMs = 30 * 60 * 1000) const;
    // Moves the clock by `stepMs` every 50 ms, `steps` times, or until `answer` has a value.
    void runFor(const std::optional<PushReport> &answer, int steps, qint64 stepMs);
    AmazonSim *amazon() { return qobject_cast<AmazonSim *>(m_sim->channel(u"amz"_s)); }
    // X-0 .. X-<count - 1>, 40 units each.
    QList<ListingUpdate> seedListings(int count, qint64 newQuantity);
    // pushBulk, moving the (manual) clock a second at a time until the answer comes.
    PushReport pushBulk(const QList<ListingUpdate> &updates);

    std::unique_ptr<AmazonAdapter> m_adapter;
};

void TestAmazonFeeds::init()
{
    setUp();
    m_adapter = makeAdapter();
    amazon()->setFeedProcessingMs(3000);
}

std::unique_ptr<AmazonAdapter> TestAmazonFeeds::makeAdapter(qint64 deadlineMs) const
{
    AmazonSettings settings = amazonSettings();
    settings.feedDeadlineMs = deadlineMs;
    return std::make_unique<AmazonAdapter>(settings, m_network.get(), *m_clock);
}

void TestAmazonFeeds::runFor(const std::optional<PushReport> &answer, int steps, qint64 stepMs)
{
    for (int i = 0; i < steps && !answer; ++i) {
        QTest::qWait(50);
        m_clock->advance(stepMs);
    }
}

void TestAmazonFeeds::cleanup()
{
    m_adapter.reset();
    tearDown();
}

QList<ListingUpdate> TestAmazonFeeds::seedListings(int count, qint64 newQuantity)
{
    QJsonObject listings;
    QList<ListingUpdate> updates;
    for (int i = 0; i < count; ++i) {
        const QString sku = u"X-%1"_s.arg(i);
        listings.insert(sku, 40);
        ListingUpdate u;
        u.sku = sku;
        u.remoteId = sku;
        u.quantity = newQuantity + i;
        u.version = 100 + i;
        updates.append(u);
    }
    QString error;
    if (!m_sim->channel(u"amz"_s)->seedListings(listings, &error))
        qWarning() << error;
    return updates;
}

PushReport TestAmazonFeeds::pushBulk(const QList<ListingUpdate> &updates)
{
    std::optional<PushReport> answer;
    m_adapter->pushBulk(updates, {}, [&](const PushReport &report) { answer = report; });
    for (int i = 0; i < 400 && !answer; ++i) {
        QTest::qWait(10);
        if (i % 4 == 3)
            m_clock->advance(1000);
    }
    return answer.value_or(PushReport {});
}

void TestAmazonFeeds::goodFeedAcknowledgesEveryListing_data()
{
    QTest::addColumn<int>("listings");
    QTest::newRow("one") << 1;
    QTest::newRow("three") << 3;
    QTest::newRow("two hundred") << 200;
}

void TestAmazonFeeds::goodFeedAcknowledgesEveryListing()
{
    QFETCH(int, listings);
    const QList<ListingUpdate> updates = seedListings(listings, 7);
    QVERIFY(m_adapter->bulkBatchSize() > 0);
    const PushReport report = pushBulk(updates);
    QCOMPARE(report.outcomes.size(), listings);
    for (int i = 0; i < listings; ++i) {
        const PushOutcome &o = report.outcomes.at(i);
        QVERIFY2(o.ok(), qPrintable(o.message));
        QCOMPARE(o.sku, updates.at(i).sku);
        QCOMPARE(o.version, updates.at(i).version);
        QCOMPARE(o.ackedQuantity, std::optional<qint64>(7 + i));
        QCOMPARE(m_sim->channel(u"amz"_s)->listing(updates.at(i).sku)->quantity, 7 + i);
    }
    // Nothing that would slow patchListingsItem's bucket.
    QVERIFY(!report.throttled);
    QVERIFY(!report.retryAfterMs);
    // Kept with each listing that fails: the feed, not its document.
    QVERIFY(report.request.contains("JSON_LISTINGS_FEED"_L1));
    QVERIFY2(report.request.size() < 200, qPrintable(report.request));
    QVERIFY(report.response.contains(u"\"messagesAccepted\":%1"_s.arg(listings)));
    QCOMPARE(amazon()->feedCounts().value(u"DONE"_s), 1);
    QCOMPARE(stats(u"amz"_s).value("events"_L1).toObject().value("feeds_done"_L1).toInt(), 1);
}

void TestAmazonFeeds::badMessageFailsOnlyItsListing_data()
{
    QTest::addColumn<int>("bad");
    QTest::newRow("first") << 0;
    QTest::newRow("middle") << 2;
    QTest::newRow("last") << 4;
}

void TestAmazonFeeds::badMessageFailsOnlyItsListing()
{
    QFETCH(int, bad);
    QList<ListingUpdate> updates = seedListings(5, 3);
    updates[bad].remoteId = u"NOT-LISTED"_s; // Amazon has no such SKU
    const PushReport report = pushBulk(updates);
    QCOMPARE(report.outcomes.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const PushOutcome &o = report.outcomes.at(i);
        if (i == bad) {
            QCOMPARE(o.failure, FailureKind::Permanent);
            QCOMPARE(o.errorCode, u"4000004"_s);
            QVERIFY2(o.message.contains("NOT-LISTED"_L1), qPrintable(o.message));
            QCOMPARE(m_sim->channel(u"amz"_s)->listing(updates.at(i).sku)->quantity, 40);
        } else {
            QVERIFY2(o.ok(), qPrintable(o.message));
            QCOMPARE(m_sim->channel(u"amz"_s)->listing(updates.at(i).sku)->quantity, 3 + i);
        }
    }
}

void TestAmazonFeeds::fatalFeedIsSentAgain()
{
    const QList<ListingUpdate> updates = seedListings(4, 9);
    amazon()->failNextFeeds(1);
    const PushReport fatal = pushBulk(updates);
    QCOMPARE(fatal.outcomes.size(), 4);
    for (const PushOutcome &o : fatal.outcomes) {
        // Retryable, and the listings' own fault: the propagator sends them again.
        QCOMPARE(o.failure, FailureKind::Transient);
        QVERIFY2(o.message.contains("FATAL"_L1), qPrintable(o.message));
    }
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"X-0"_s)->quantity, 40);

    const PushReport again = pushBulk(updates);
    QCOMPARE(again.outcomes.size(), 4);
    for (const PushOutcome &o : again.outcomes)
        QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"X-3"_s)->quantity, 12);
    QCOMPARE(amazon()->feedCounts().value(u"FATAL"_s), 1);
    QCOMPARE(amazon()->feedCounts().value(u"DONE"_s), 1);
}

void TestAmazonFeeds::feedIsPolledUntilDone()
{
    amazon()->setFeedProcessingMs(60'000);
    const QList<ListingUpdate> updates = seedListings(2, 1);
    std::optional<PushReport> answer;
    m_adapter->pushBulk(updates, {}, [&](const PushReport &report) { answer = report; });
    // Under way: not answered, one feed at a time, nothing applied yet.
    QTRY_COMPARE_WITH_TIMEOUT(amazon()->feedCounts().value(u"IN_PROGRESS"_s), 1, 5000);
    QTest::qWait(200);
    QVERIFY(!answer);
    QCOMPARE(m_adapter->bulkBatchSize(), 0);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"X-1"_s)->quantity, 40);
    m_clock->advance(59'000);
    QTest::qWait(200);
    QVERIFY(!answer);
    m_clock->advance(1'000);
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
    QCOMPARE(answer->outcomes.size(), 2);
    QVERIFY(answer->outcomes.at(1).ok());
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"X-1"_s)->quantity, 2);
    QVERIFY(m_adapter->bulkBatchSize() > 0);
}

void TestAmazonFeeds::fiveFeedsPerFiveMinutes()
{
    amazon()->setFeedProcessingMs(0);
    const QList<ListingUpdate> updates = seedListings(1, 5);
    for (int i = 0; i < AmazonAdapter::kFeedsPerWindow; ++i) {
        QVERIFY(m_adapter->bulkBatchSize() > 0);
        QVERIFY(pushBulk(updates).outcomes.value(0).ok());
    }
    // The window is used (pushBulk moved the clock a little): none now, one again after it.
    QCOMPARE(m_adapter->bulkBatchSize(), 0);
    m_clock->advance(AmazonAdapter::kFeedWindowMs);
    QVERIFY(m_adapter->bulkBatchSize() > 0);
    QVERIFY(pushBulk(updates).outcomes.value(0).ok());
}

void TestAmazonFeeds::feedPastItsDeadline_data()
{
    QTest::addColumn<bool>("queued"); // Amazon's queue is busy: the feed stays IN_QUEUE
    QTest::newRow("IN_QUEUE: cancelled, sent again") << true;
    QTest::newRow("IN_PROGRESS: waited for") << false;
}

void TestAmazonFeeds::feedPastItsDeadline()
{
    QFETCH(bool, queued);
    m_adapter = makeAdapter(60'000);
    amazon()->setFeedProcessingMs(10 * 60'000);
    amazon()->holdFeedQueue(queued);
    const QList<ListingUpdate> updates = seedListings(3, 7);
    std::optional<PushReport> answer;
    m_adapter->pushBulk(updates, {}, [&](const PushReport &report) { answer = report; });
    // Two minutes: past the deadline of one.
    runFor(answer, 12, 10'000);
    if (queued) {
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QCOMPARE(amazon()->feedCounts().value(u"CANCELLED"_s), 1);
        QCOMPARE(answer->outcomes.size(), 3);
        for (const PushOutcome &o : answer->outcomes) {
            QCOMPARE(o.failure, FailureKind::Transient);
            QVERIFY2(o.message.contains("CANCELLED"_L1), qPrintable(o.message));
        }
        // Cancelled, it never runs: nothing it carried can land after what is sent next.
        amazon()->holdFeedQueue(false);
        m_clock->advance(10 * 60'000);
        QCOMPARE(amazon()->feedCounts().value(u"DONE"_s), 0);
        QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"X-0"_s)->quantity, 40);
        return;
    }
    // Still running: its listings stay in flight, and no other feed starts.
    QTest::qWait(200);
    QVERIFY(!answer);
    QCOMPARE(amazon()->feedCounts().value(u"IN_PROGRESS"_s), 1);
    QCOMPARE(m_adapter->bulkBatchSize(), 0);
    m_clock->advance(9 * 60'000); // the feed started within the first minute
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
    QCOMPARE(answer->outcomes.size(), 3);
    for (const PushOutcome &o : answer->outcomes)
        QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"X-2"_s)->quantity, 9);
}

void TestAmazonFeeds::feedFromBeforeARestart_data()
{
    QTest::addColumn<QString>("id"); // "feed": the id createFeed gave; else what was kept
    QTest::addColumn<bool>("queued"); // the feed stayed IN_QUEUE
    QTest::addColumn<qint64>("downMs"); // how long the process was down
    QTest::addColumn<bool>("waits"); // no answer before the feed ends
    QTest::addColumn<bool>("acknowledged"); // else failed, to be sent again
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("shown"); // what X-0 shows at the end (40 before, 7 after the feed)
    constexpr qint64 kFeedMs = 10 * 60'000;
    QTest::newRow("IN_PROGRESS: waited for, its report read")
        << u"feed"_s << false << qint64(0) << true << true << QString() << 7;
    QTest::newRow("DONE while down: its report read")
        << u"feed"_s << false << kFeedMs << false << true << QString() << 7;
    QTest::newRow("IN_QUEUE past its deadline: cancelled")
        << u"feed"_s << true << qint64(2 * 60'000) << false << false << u"CANCELLED"_s << 40;
    QTest::newRow("createFeed unanswered, the feed running: waited for")
        << QString() << false << qint64(0) << true << false << u"found after a restart"_s << 7;
    QTest::newRow("createFeed unanswered, nothing running")
        << QString() << false << kFeedMs << false << false << u"not IN_QUEUE or IN_PROGRESS"_s << 7;
    QTest::newRow("a feed Amazon does not have")
        << u"999"_s << false << kFeedMs << false << false << u"not found"_s << 7;
}

void TestAmazonFeeds::feedFromBeforeARestart()
{
    QFETCH(QString, id);
    QFETCH(bool, queued);
    QFETCH(qint64, downMs);
    QFETCH(bool, waits);
    QFETCH(bool, acknowledged);
    QFETCH(QString, message);
    QFETCH(int, shown);
    m_adapter = makeAdapter(60'000);
    amazon()->setFeedProcessingMs(10 * 60'000);
    amazon()->holdFeedQueue(queued);
    const QList<ListingUpdate> updates = seedListings(3, 7);
    const qint64 submittedAtMs = m_clock->nowMs();
    QString created;
    m_adapter->pushBulk(
        updates, [&](const QString &feedId, qsizetype) { created = feedId; },
        [](const PushReport &) { QFAIL("answered before the restart"); });
    QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty(), 5000);
    // The process ends; another starts with what the database kept.
    m_adapter = makeAdapter(60'000);
    m_clock->advance(downMs);
    std::optional<PushReport> answer;
    m_adapter->resumeBulk({id == "feed"_L1 ? created : id, submittedAtMs, updates},
                          [&](const PushReport &report) { answer = report; });
    QCOMPARE(m_adapter->bulkBatchSize(), 0); // no new feed while it is followed
    if (waits) {
        runFor(answer, 5, 1000);
        QVERIFY(!answer);
        m_clock->advance(10 * 60'000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
    QCOMPARE(answer->outcomes.size(), 3);
    for (qsizetype i = 0; i < answer->outcomes.size(); ++i) {
        const PushOutcome &o = answer->outcomes.at(i);
        QCOMPARE(o.sku, updates.at(i).sku);
        QCOMPARE(o.version, updates.at(i).version);
        QCOMPARE(o.ok(), acknowledged);
        if (!acknowledged) {
            QCOMPARE(o.failure, FailureKind::Transient);
            QVERIFY2(o.message.contains(message), qPrintable(o.message));
        }
    }
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"X-0"_s)->quantity, shown);
    QVERIFY(m_adapter->bulkBatchSize() > 0);
}

QTEST_GUILESS_MAIN(TestAmazonFeeds)
#include "tst_amazonfeeds.moc"
