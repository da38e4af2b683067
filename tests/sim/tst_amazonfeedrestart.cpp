// A restart while a JSON_LISTINGS_FEED is IN_PROGRESS at the simulated Amazon, end to end (issue
// 13): the real Propagator and AmazonAdapter on an inventory, the feed kept in the database and
// followed again after the restart. A listing of the feed that sells meanwhile (sold out: a
// pause, which goes by patchListingsItem at once; or sold down) is sent only once the old feed
// can no longer land after it, so the old quantity never wins.
#include "channels/amazon/amazonadapter.h"
#include "sim/amazonsim.h"
#include "simfixture.h"
#include "store/bulksubmissionstore.h"
#include "store/mappingstore.h"
#include "sync/propagator.h"
#include "testdatabase.h"

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestAmazonFeedRestart : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oldFeedNeverWinsAfterARestart_data();
    void oldFeedNeverWinsAfterARestart();

private:
    AmazonSim *amazon() { return qobject_cast<AmazonSim *>(m_sim->channel(u"amz"_s)); }
    qint64 shown(const QString &sku) { return m_sim->channel(u"amz"_s)->listing(sku)->quantity; }
    std::unique_ptr<AmazonAdapter> makeAdapter() const;
    // Moves the clock by `stepMs` every 20 ms until `done`, `steps` times at most.
    bool runUntil(const std::function<bool()> &done, int steps, qint64 stepMs = 1000);

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestAmazonFeedRestart::init()
{
    setUp();
    m_t = std::make_unique<TestDatabase>();
    m_engine = std::make_unique<SyncEngine>(m_t->db(), *m_clock);
    QList<StockImportRow> stock;
    QList<ListingMapping> mappings;
    QJsonObject listings;
    for (int i = 0; i < 10; ++i) {
        const QString sku = u"S-%1"_s.arg(i);
        stock.append(stockRow(sku, 10 + 10 * i));
        mappings.append({u"amz"_s, sku, sku});
        listings.insert(sku, 40);
    }
    QVERIFY(m_engine->importStock(stock, u"t"_s, u"s"_s).ok());
    QVERIFY(MappingStore(m_t->db()).importMappings(mappings, m_clock->nowMs()));
    QString error;
    QVERIFY2(m_sim->channel(u"amz"_s)->seedListings(listings, &error), qPrintable(error));
    amazon()->setFeedProcessingMs(10 * 60'000);
}

void TestAmazonFeedRestart::cleanup()
{
    m_engine.reset();
    m_t.reset();
    tearDown();
}

std::unique_ptr<AmazonAdapter> TestAmazonFeedRestart::makeAdapter() const
{
    AmazonSettings settings = amazonSettings();
    settings.feedThreshold = 3;
    return std::make_unique<AmazonAdapter>(settings, m_network.get(), *m_clock);
}

bool TestAmazonFeedRestart::runUntil(const std::function<bool()> &done, int steps, qint64 stepMs)
{
    for (int i = 0; i < steps && !done(); ++i) {
        QTest::qWait(20);
        m_clock->advance(stepMs);
    }
    return QTest::qWaitFor(done, 2000);
}

void TestAmazonFeedRestart::oldFeedNeverWinsAfterARestart_data()
{
    QTest::addColumn<qint64>("sold"); // of the feed's first listing, while the process is down
    QTest::newRow("sold out: a pause") << qint64(-1);
    QTest::newRow("sold down") << qint64(5);
}

void TestAmazonFeedRestart::oldFeedNeverWinsAfterARestart()
{
    QFETCH(qint64, sold);
    BulkSubmissionStore kept(m_t->db());
    QStringList inFeed;
    {
        auto adapter = makeAdapter();
        Propagator p(m_t->db(), adapter.get(), *m_clock);
        p.start();
        // The three most urgent go one by one, the other seven in a feed Amazon takes 10
        // minutes to process.
        QVERIFY(runUntil(
            [&] {
                const auto feeds = kept.forChannel(u"amz"_s);
                return feeds && feeds->size() == 1 && !feeds->first().remoteId.isEmpty();
            },
            30));
        const auto feeds = kept.forChannel(u"amz"_s);
        for (const auto &l : feeds->first().listings)
            inFeed.append(l.sku);
        QCOMPARE(inFeed.size(), 7);
        QCOMPARE(amazon()->feedCounts().value(u"IN_PROGRESS"_s), 1);
        // The process ends with the feed IN_PROGRESS.
    }
    const QString sku = inFeed.first();
    const qint64 before = m_t->stock(sku).available;
    QCOMPARE(shown(sku), 40); // the feed has not landed
    m_engine->apply(order(u"pos"_s, u"o1"_s, {{sku, sold < 0 ? before : sold}}));
    const qint64 now = m_t->stock(sku).available;

    auto adapter = makeAdapter();
    Propagator p(m_t->db(), adapter.get(), *m_clock);
    p.start();
    // While the old feed may still land, its listings wait: nothing of them is written.
    runUntil([] { return false; }, 20);
    QCOMPARE(shown(sku), 40);
    QCOMPARE(amazon()->feedCounts().value(u"IN_PROGRESS"_s), 1);
    QCOMPARE(kept.forChannel(u"amz"_s)->size(), 1);

    // The feed lands; then the newer quantity goes, after it.
    QVERIFY(runUntil([&] { return shown(sku) == now; }, 90, 10'000));
    QVERIFY(runUntil([&] { return kept.forChannel(u"amz"_s)->isEmpty(); }, 60));
    for (const QString &s : std::as_const(inFeed))
        QVERIFY(runUntil([&] { return shown(s) == m_t->stock(s).available; }, 60));
    // A last look a while later: the old quantity did not come back.
    runUntil([] { return false; }, 30);
    QCOMPARE(shown(sku), now);
    QCOMPARE(amazon()->feedCounts().value(u"DONE"_s), 1);
}

QTEST_GUILESS_MAIN(TestAmazonFeedRestart)
#include "tst_amazonfeedrestart.moc"
