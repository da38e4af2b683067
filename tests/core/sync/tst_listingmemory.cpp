// ListingMemory (core/sync/listingmemory.h): one channel's listings held in memory, small
// enough for six channels of 100,000 SKUs in a console. What only a listing in trouble or in
// flight has (its error, its unacknowledged changes) lives beside it only while it has it; SKU
// names are one copy for every channel; the clock of a listing still behind restarts at its
// oldest unacknowledged change.
#include "store/mappingstore.h"
#include "store/mutationlog.h"
#include "sync/listingmemory.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kShop = u"shop"_s;
using State = ListingState::State;
} // namespace

class TestListingMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void skuNamesAreOneCopy_data();
    void skuNamesAreOneCopy();
    void detailLivesOnlyWhileNeeded();
    void olderAcknowledgementRestartsTheClockAtTheNextChange();
    void batchCarriesTheErrorAndTheAcknowledgedQuantity();

private:
    // Folds what the log holds past the memory's cursor.
    void fold(ListingMemory &memory);
    void adjustA(qint64 delta, qint64 atMs);

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
};

void TestListingMemory::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_clock.set(1'000'000);
    m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
    QVERIFY(m_engine->importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 20)}, u"t"_s, u"seed"_s)
                .ok());
    // The shop lists A by its SKU (as Amazon and eBay do) and B by a number of its own.
    QVERIFY(MappingStore(m_t->db()).importMappings(
        {{kShop, u"A"_s, u"A"_s}, {kShop, u"B"_s, u"7"_s}}, m_clock.nowMs()));
    // Both reached the shop: in sync before each test.
    QVERIFY(PropagationStore(m_t->db()).ingest(kShop, 100));
    QVERIFY(PropagationStore(m_t->db()).acknowledge(
        kShop, {{u"A"_s, 1, 10, false}, {u"B"_s, 1, 20, false}}, m_clock.nowMs()));
}

void TestListingMemory::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

void TestListingMemory::fold(ListingMemory &memory)
{
    const auto rows = MutationLog(m_t->db()).feed(memory.cursor(), 100);
    QVERIFY2(rows, qPrintable(rows.error()));
    memory.fold(*rows);
}

void TestListingMemory::adjustA(qint64 delta, qint64 atMs)
{
    m_clock.set(atMs);
    QVERIFY(m_engine->adjust(u"A"_s, delta, u"t"_s, u"count"_s).ok());
}

void TestListingMemory::skuNamesAreOneCopy_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<bool>("remoteIdIsTheSku");
    QTest::newRow("listed by SKU") << u"A"_s << true;
    QTest::newRow("listed by its own id") << u"B"_s << false;
}

void TestListingMemory::skuNamesAreOneCopy()
{
    QFETCH(QString, sku);
    QFETCH(bool, remoteIdIsTheSku);
    // What the hub hands out (PropagationHub::sharedSku): one copy of each name.
    QSet<QString> names;
    const auto shared = [&names](const QString &s) {
        if (const auto it = names.constFind(s); it != names.cend())
            return *it;
        names.insert(s);
        return s;
    };
    ListingMemory memory(kShop);
    const Status loaded = memory.load(m_t->db(), shared);
    QVERIFY2(loaded, qPrintable(loaded.error()));
    const ListingMemory::Listing *l = memory.listing(sku);
    QVERIFY(l);
    const QString name = *names.constFind(sku);
    QCOMPARE(l->remoteId == name, remoteIdIsTheSku);
    // The remote id is the SKU's one copy, not a second string with the same letters.
    QCOMPARE(l->remoteId.isSharedWith(name), remoteIdIsTheSku);
}

void TestListingMemory::detailLivesOnlyWhileNeeded()
{
    ListingMemory memory(kShop);
    QVERIFY(memory.load(m_t->db()));
    QVERIFY(!memory.detail(u"A"_s)); // in sync: nothing beside it

    adjustA(-1, 2'000'000); // version 2
    fold(memory);
    QCOMPARE(memory.listing(u"A"_s)->state, State::Pending);
    QVERIFY(memory.detail(u"A"_s));
    QCOMPARE(memory.detail(u"A"_s)->changes.size(), 1);

    memory.scheduleRetry(u"A"_s, 1, 2'100'000, u"HTTP 503"_s);
    QCOMPARE(memory.detail(u"A"_s)->lastError, u"HTTP 503"_s);

    memory.acknowledge({u"A"_s, 2, 9, false}, 2'200'000);
    QCOMPARE(memory.listing(u"A"_s)->state, State::InSync);
    QCOMPARE(memory.listing(u"A"_s)->ackedQuantity(), std::optional<qint64>(9));
    QVERIFY(!memory.detail(u"A"_s)); // no error, no change left: gone
}

void TestListingMemory::olderAcknowledgementRestartsTheClockAtTheNextChange()
{
    ListingMemory memory(kShop);
    QVERIFY(memory.load(m_t->db()));
    adjustA(-1, 2'000'000); // version 2
    adjustA(-1, 3'000'000); // version 3
    fold(memory);
    QCOMPARE(memory.listing(u"A"_s)->pendingSinceMs, 2'000'000);

    // The channel took version 2 (sent before 3 was committed): 3 is still behind, and its lag
    // counts from when 3 was committed.
    memory.acknowledge({u"A"_s, 2, 9, false}, 3'500'000);
    QCOMPARE(memory.listing(u"A"_s)->state, State::Pending);
    QCOMPARE(memory.listing(u"A"_s)->pendingSinceMs, 3'000'000);
    QCOMPARE(memory.detail(u"A"_s)->changes.size(), 1);

    memory.acknowledge({u"A"_s, 3, 8, false}, 3'600'000);
    QCOMPARE(memory.listing(u"A"_s)->state, State::InSync);
    QCOMPARE(memory.listing(u"A"_s)->pendingSinceMs, 0);
    // Never backwards: a late answer for version 2 changes nothing.
    memory.acknowledge({u"A"_s, 2, 9, false}, 3'700'000);
    QCOMPARE(memory.listing(u"A"_s)->ackedVersion, 3);
    QCOMPARE(memory.listing(u"A"_s)->ackedQuantity(), std::optional<qint64>(8));
}

void TestListingMemory::batchCarriesTheErrorAndTheAcknowledgedQuantity()
{
    // What the tick writes is the listing as memory holds it, its detail included.
    ListingMemory memory(kShop);
    QVERIFY(memory.load(m_t->db()));
    adjustA(-1, 2'000'000);
    fold(memory);
    memory.setAckedQuantity(u"A"_s, 4);
    memory.scheduleRetry(u"A"_s, 2, 2'500'000, u"HTTP 502"_s);
    const ListingMemory::Batch batch = memory.takeBatch();
    QCOMPARE(batch.rows.size(), 1);
    const ListingState &row = batch.rows.constFirst();
    QCOMPARE(row.sku, u"A"_s);
    QCOMPARE(row.state, State::Retrying);
    QCOMPARE(row.attempts, 2);
    QCOMPARE(row.nextAttemptAtMs, 2'500'000);
    QCOMPARE(row.lastError, u"HTTP 502"_s);
    QCOMPARE(row.ackedQuantity, std::optional<qint64>(4));
    QCOMPARE(row.pendingSinceMs, 2'000'000);
    QVERIFY(!memory.isDirty());
}

QTEST_GUILESS_MAIN(TestListingMemory)
#include "tst_listingmemory.moc"
