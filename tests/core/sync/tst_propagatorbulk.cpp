// The propagator's bulk hook (issue 13, Amazon's JSON_LISTINGS_FEED): when more listings are due
// than the adapter's threshold, the least urgent go in one pushBulk and the most urgent (pauses
// always) one by one; a bulk's listings stay in flight until its answer, each is acknowledged or
// fails on its own. Each bulk is kept in the database until its answer is written: after a
// restart the adapter follows it again, and its listings (a newer version of one included) wait
// for it, so the old quantities cannot land after newer ones.
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/propagator.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// One listing a push(), answered on the next event-loop turn; pushBulk() answers when the test
// says (a feed takes minutes).
class BulkChannel : public ChannelAdapter
{
public:
    explicit BulkChannel(int threshold)
        : m_threshold(threshold)
    {
    }
    QString channelId() const override { return u"amz"_s; }
    QString type() const override { return u"bulk"_s; }
    int maxBatchSize() const override { return 1; }
    double documentedRequestsPerSecond() const override { return 1000; }
    int bulkThreshold() const override { return m_threshold; }
    int bulkBatchSize() const override { return oneAtATime && !held.isEmpty() ? 0 : 100; }
    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override
    {
        sent.append(updates);
        QMetaObject::invokeMethod(
            this, [done, report = answer(updates)] { done(report); }, Qt::QueuedConnection);
    }
    void pushBulk(const QList<ListingUpdate> &updates, BulkProgress progress,
                  std::function<void(const PushReport &)> done) override
    {
        bulks.append(updates);
        held.append(std::move(done));
        progress(u"feed-%1"_s.arg(bulks.size()), updates.size());
    }
    // A submission from before a restart: followed, and answered like the others by release().
    void resumeBulk(const BulkSubmission &submission,
                    std::function<void(const PushReport &)> done) override
    {
        resumed.append(submission);
        bulks.append(submission.updates);
        held.append(std::move(done));
    }
    void readListing(const QString &, std::function<void(const ReadListingResult &)> done) override
    {
        done(ReadListingResult {FailureKind::Permanent, u"not read"_s, 0});
    }
    // Answers the oldest bulk: every listing acknowledged but `refused`.
    void release(const QString &refused = {})
    {
        PushReport report = answer(bulks.at(answered));
        for (PushOutcome &o : report.outcomes) {
            if (o.sku == refused) {
                o.failure = FailureKind::Permanent;
                o.httpStatus = 200;
                o.errorCode = u"4000001"_s;
                o.message = u"refused"_s;
            }
        }
        ++answered;
        auto done = held.takeFirst();
        done(report);
    }
    QStringList sentSkus() const
    {
        QStringList skus;
        for (const ListingUpdate &u : sent)
            skus.append(u.sku);
        return skus;
    }

    QList<ListingUpdate> sent;
    QList<QList<ListingUpdate>> bulks;
    QList<std::function<void(const PushReport &)>> held;
    QList<BulkSubmission> resumed;
    qsizetype answered = 0;
    bool oneAtATime = true;

private:
    static PushReport answer(const QList<ListingUpdate> &updates)
    {
        PushReport report;
        for (const ListingUpdate &u : updates) {
            PushOutcome o;
            o.sku = u.sku;
            o.version = u.version;
            o.ackedQuantity = u.quantityToSend();
            report.outcomes.append(o);
        }
        return report;
    }

    int m_threshold;
};

} // namespace

class TestPropagatorBulk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void backlogBeyondThresholdGoesInOneBulk_data();
    void backlogBeyondThresholdGoesInOneBulk();
    void pausesNeverWaitForABulk();
    void bulkListingsStayInFlightUntilAnswered();
    void eachListingOfABulkEndsOnItsOwn();
    void unansweredBulkIsFollowedAfterRestart_data();
    void unansweredBulkIsFollowedAfterRestart();
    void aStartAgainFollowsABulkOnce();

private:
    std::unique_ptr<Propagator> start(BulkChannel &channel);
    ListingState state(const QString &sku);

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
};

void TestPropagatorBulk::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
    QList<StockImportRow> stock;
    QList<ListingMapping> mappings;
    for (int i = 0; i < 10; ++i) {
        const QString sku = u"S-%1"_s.arg(i);
        // S-0 has the least stock, so it is the most urgent of the first sends.
        stock.append(stockRow(sku, 10 + 10 * i));
        mappings.append({u"amz"_s, sku, sku});
    }
    QVERIFY(m_engine->importStock(stock, u"t"_s, u"s"_s).ok());
    QVERIFY(MappingStore(m_t->db()).importMappings(mappings, m_clock.nowMs()));
}

void TestPropagatorBulk::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

std::unique_ptr<Propagator> TestPropagatorBulk::start(BulkChannel &channel)
{
    auto p = std::make_unique<Propagator>(m_t->db(), &channel, m_clock);
    p->start();
    return p;
}

ListingState TestPropagatorBulk::state(const QString &sku)
{
    const auto listings = PropagationStore(m_t->db()).listings(u"amz"_s, sku);
    return listings && !listings->isEmpty() ? listings->first() : ListingState {};
}

void TestPropagatorBulk::backlogBeyondThresholdGoesInOneBulk_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("inBulk");
    QTest::newRow("threshold 3: seven in the bulk") << 3 << 7;
    QTest::newRow("threshold 9: one in the bulk") << 9 << 1;
    QTest::newRow("threshold 10: no bulk") << 10 << 0;
    QTest::newRow("no bulk path") << 0 << 0;
}

void TestPropagatorBulk::backlogBeyondThresholdGoesInOneBulk()
{
    QFETCH(int, threshold);
    QFETCH(int, inBulk);
    BulkChannel channel(threshold);
    auto p = start(channel);
    QTRY_COMPARE_WITH_TIMEOUT(channel.sent.size(), 10 - inBulk, 5000);
    QTest::qWait(100);
    QCOMPARE(channel.sent.size(), 10 - inBulk);
    QCOMPARE(channel.bulks.size(), inBulk > 0 ? 1 : 0);
    if (inBulk == 0)
        return;
    // The most urgent went one by one, the rest in the bulk, none in both.
    QCOMPARE(channel.bulks.first().size(), inBulk);
    for (const ListingUpdate &u : channel.bulks.first())
        QVERIFY2(!channel.sentSkus().contains(u.sku), qPrintable(u.sku));
    QVERIFY(channel.sentSkus().contains(u"S-0"_s));
    QCOMPARE(state(channel.bulks.first().first().sku).state, ListingState::State::Pending);
    channel.release();
    QTRY_COMPARE_WITH_TIMEOUT(p->inFlight(), 0, 5000);
    // Written with the propagation tick.
    for (int i = 0; i < 10; ++i)
        QTRY_COMPARE_WITH_TIMEOUT(state(u"S-%1"_s.arg(i)).state, ListingState::State::InSync, 5000);
}

void TestPropagatorBulk::pausesNeverWaitForABulk()
{
    // Five SKUs sold out: each is a pause, more of them than the threshold.
    for (int i = 5; i < 10; ++i)
        m_engine->apply(order(u"pos"_s, u"o%1"_s.arg(i), {{u"S-%1"_s.arg(i), 10 + 10 * i}}));
    BulkChannel channel(3);
    auto p = start(channel);
    QTRY_COMPARE_WITH_TIMEOUT(channel.bulks.size(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(channel.sent.size() >= 5, 5000);
    for (const ListingUpdate &u : channel.bulks.first())
        QVERIFY2(u.quantityToSend() > 0, qPrintable(u.sku));
    for (int i = 5; i < 10; ++i)
        QVERIFY(channel.sentSkus().contains(u"S-%1"_s.arg(i)));
    QCOMPARE(channel.bulks.first().size(), 5); // S-0 .. S-4: the 3 most urgent are pauses
    channel.release();
}

void TestPropagatorBulk::bulkListingsStayInFlightUntilAnswered()
{
    BulkChannel channel(3);
    channel.oneAtATime = false; // the adapter would take another bulk at once
    auto p = start(channel);
    QTRY_COMPARE_WITH_TIMEOUT(channel.bulks.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(channel.sent.size(), 3, 5000);
    const QString inBulk = channel.bulks.first().last().sku;
    // It sells meanwhile: its new version waits for the bulk's answer.
    m_engine->apply(order(u"pos"_s, u"o1"_s, {{inBulk, 1}}));
    p->wake();
    QTest::qWait(200);
    QVERIFY(!channel.sentSkus().contains(inBulk));
    QCOMPARE(channel.bulks.size(), 1);
    channel.release();
    QTRY_VERIFY_WITH_TIMEOUT(channel.sentSkus().contains(inBulk), 5000);
    QCOMPARE(channel.sent.last().version, m_t->stock(inBulk).version);
    QTRY_COMPARE_WITH_TIMEOUT(state(inBulk).state, ListingState::State::InSync, 5000);
}

void TestPropagatorBulk::eachListingOfABulkEndsOnItsOwn()
{
    BulkChannel channel(3);
    auto p = start(channel);
    QTRY_COMPARE_WITH_TIMEOUT(channel.bulks.size(), 1, 5000);
    const QString refused = channel.bulks.first().at(2).sku;
    QSignalSpy dead(p.get(), &Propagator::deadLettered);
    QSignalSpy acked(p.get(), &Propagator::acknowledged);
    channel.release(refused);
    QCOMPARE(dead.count(), 1);
    QCOMPARE(dead.first().at(1).toString(), refused);
    QCOMPARE(state(refused).state, ListingState::State::Dead);
    for (const ListingUpdate &u : channel.bulks.first()) {
        if (u.sku != refused)
            QTRY_COMPARE_WITH_TIMEOUT(state(u.sku).state, ListingState::State::InSync, 5000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(acked.count() >= 6, 5000);
}

void TestPropagatorBulk::unansweredBulkIsFollowedAfterRestart_data()
{
    QTest::addColumn<bool>("soldMeanwhile"); // a listing of the bulk has a newer version
    QTest::addColumn<bool>("bulkFails"); // the old bulk answers as failed (a FATAL feed)
    QTest::newRow("acknowledged after the restart") << false << false;
    QTest::newRow("a newer version waits for it") << true << false;
    QTest::newRow("one refused, a newer one sent after it") << true << true;
}

void TestPropagatorBulk::unansweredBulkIsFollowedAfterRestart()
{
    QFETCH(bool, soldMeanwhile);
    QFETCH(bool, bulkFails);
    QList<ListingUpdate> bulk;
    {
        BulkChannel channel(3);
        auto p = start(channel);
        QTRY_COMPARE_WITH_TIMEOUT(channel.bulks.size(), 1, 5000);
        bulk = channel.bulks.first();
        // The urgent ones went one by one and were answered: once their acknowledgements are
        // written (the propagation tick), only the bulk's listings are left.
        for (int i = 0; i < 10; ++i) {
            const QString sku = u"S-%1"_s.arg(i);
            if (std::none_of(bulk.cbegin(), bulk.cend(),
                             [&](const ListingUpdate &u) { return u.sku == sku; }))
                QTRY_COMPARE_WITH_TIMEOUT(state(sku).state, ListingState::State::InSync, 5000);
        }
        // The process ends with the bulk still at the channel.
        p.reset();
    }
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM bulk_submissions"_s), 1);
    const QString sold = bulk.last().sku;
    if (soldMeanwhile)
        m_engine->apply(order(u"pos"_s, u"o1"_s, {{sold, 1}}));

    BulkChannel again(3);
    again.oneAtATime = false; // a new bulk would be taken at once: only the guard holds them
    auto p = start(again);
    QCOMPARE(again.resumed.size(), 1);
    QCOMPARE(again.resumed.first().id, u"feed-1"_s);
    QCOMPARE(again.resumed.first().updates.size(), bulk.size());
    for (qsizetype i = 0; i < bulk.size(); ++i) {
        QCOMPARE(again.resumed.first().updates.at(i).sku, bulk.at(i).sku);
        QCOMPARE(again.resumed.first().updates.at(i).version, bulk.at(i).version);
        QCOMPARE(again.resumed.first().updates.at(i).quantityToSend(), bulk.at(i).quantityToSend());
    }
    // While it may still land, none of its listings goes again, a newer version neither.
    QTest::qWait(300);
    QCOMPARE(again.sent.size(), 0);
    QCOMPARE(again.bulks.size(), 1);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM bulk_submissions"_s), 1);

    again.release(bulkFails ? bulk.first().sku : QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_t->count(u"SELECT COUNT(*) FROM bulk_submissions"_s), 0, 5000);
    if (soldMeanwhile) {
        // The newer version goes once the old bulk can no longer land after it.
        QTRY_VERIFY_WITH_TIMEOUT(again.sentSkus().contains(sold), 5000);
        QCOMPARE(again.sent.last().version, m_t->stock(sold).version);
    }
    QTRY_COMPARE_WITH_TIMEOUT(p->inFlight(), 0, 5000);
    for (const ListingUpdate &u : std::as_const(bulk)) {
        const ListingState::State expected = bulkFails && u.sku == bulk.first().sku
            ? ListingState::State::Dead
            : ListingState::State::InSync;
        QTRY_COMPARE_WITH_TIMEOUT(state(u.sku).state, expected, 5000);
    }
}

void TestPropagatorBulk::aStartAgainFollowsABulkOnce()
{
    // A serve worker stops its propagator when it loses the channel's lease and starts it when
    // it takes it again: a bulk it still follows is not followed twice.
    BulkChannel channel(3);
    auto p = start(channel);
    QTRY_COMPARE_WITH_TIMEOUT(channel.bulks.size(), 1, 5000);
    p->stop();
    p->start();
    QCOMPARE(channel.resumed.size(), 0);
    QCOMPARE(channel.bulks.size(), 1);
    channel.release();
    QTRY_COMPARE_WITH_TIMEOUT(m_t->count(u"SELECT COUNT(*) FROM bulk_submissions"_s), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(state(channel.bulks.first().first().sku).state,
                              ListingState::State::InSync, 5000);
}

QTEST_GUILESS_MAIN(TestPropagatorBulk)
#include "tst_propagatorbulk.moc"
