// The change feed under concurrent commits (PostgreSQL): a writer takes a mutation id and holds
// its transaction open while another writer commits a later change and a propagator folds the
// feed. Without the write lock of every write transaction (Database::beginWrite's
// pg_advisory_xact_lock), the later row commits first, the propagator's cursor moves past the
// held row's id, and that change is never propagated. With it, the others wait, ids are handed
// out in commit order, and every change reaches the listings.
#include "store/mappingstore.h"
#include "store/mutationlog.h"
#include "store/propagationstore.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <functional>
#include <thread>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kShop = u"shop"_s;

// Runs work on a thread of its own with its own connection (Qt Sql's rule), and says when done.
class Writer
{
public:
    Writer(const QString &location, std::function<bool(Database &)> work)
        : m_thread([this, location, work = std::move(work)] {
            QString error;
            auto db = Database::open(location, &error);
            m_ok = db && work(*db);
            m_done = true;
        })
    {
    }
    ~Writer()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    bool done() const { return m_done; }
    bool join()
    {
        m_thread.join();
        return m_ok;
    }

private:
    std::atomic<bool> m_done {false};
    std::atomic<bool> m_ok {false};
    std::thread m_thread;
};
} // namespace

class TestChangeFeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void heldWriterIsNeverSkipped_data();
    void heldWriterIsNeverSkipped();

private:
    // Sessions of this database waiting for a lock (the write lock or a row).
    static qint64 waiting(TestDatabase &t)
    {
        return t.count(u"SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                       "WHERE NOT l.granted AND d.datname = current_database()"_s);
    }
};

void TestChangeFeed::heldWriterIsNeverSkipped_data()
{
    QTest::addColumn<bool>("viaEngine"); // the later writer: an adjustment, or a sale
    QTest::newRow("a later adjustment") << true;
    QTest::newRow("a later sale") << false;
}

void TestChangeFeed::heldWriterIsNeverSkipped()
{
    QFETCH(bool, viaEngine);
    if (!testOnPostgres())
        QSKIP("SQLite's write lock is the file's: there is one writer by construction");
    TestDatabase t;
    ManualClock clock;
    clock.set(1'000'000);
    SyncEngine engine(t.db(), clock);
    QVERIFY(
        engine.importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 20)}, u"t"_s, u"seed"_s).ok());
    QVERIFY(MappingStore(t.db()).importMappings({{kShop, u"A"_s, u"1"_s}, {kShop, u"B"_s, u"2"_s}},
                                                clock.nowMs()));
    PropagationStore store(t.db());
    QCOMPARE(store.ingest(kShop, 100).valueOr(-1), 0);
    QVERIFY(
        store.acknowledge(kShop, {{u"A"_s, 1, 10, false}, {u"B"_s, 1, 20, false}}, clock.nowMs()));

    // 1. A writer takes the next mutation id (A's version 2) and holds its transaction open.
    auto held = t.another();
    QVERIFY(held->beginWrite());
    Mutation m;
    m.sku = u"A"_s;
    m.delta = -1;
    m.availableAfter = 9;
    m.version = 2;
    m.kind = MutationKind::Adjust;
    m.actor = u"t"_s;
    m.reason = u"held"_s;
    m.atMs = clock.nowMs();
    MutationLog log(*held);
    QVERIFY2(log.append(m), qPrintable(log.lastError()));

    // 2. Another writer changes B: it commits at once (a later id committed first), or waits
    //    for the held transaction.
    const QString location = t.path();
    Writer later(location, [viaEngine](Database &db) {
        ManualClock c;
        c.set(1'000'500);
        SyncEngine e(db, c);
        if (viaEngine)
            return e.adjust(u"B"_s, -1, u"t"_s, u"later"_s).ok();
        return e.apply(order(u"woo"_s, u"o1"_s, {{u"B"_s, 1}})).outcome == ApplyOutcome::Applied;
    });
    QTRY_VERIFY_WITH_TIMEOUT(later.done() || waiting(t) >= 1, 30'000);

    // 3. The propagator folds the feed: past B's row if it is committed, or it waits too.
    const qint64 waitersBefore = later.done() ? 0 : 1;
    Writer propagator(location,
                      [](Database &db) { return bool(PropagationStore(db).ingest(kShop, 100)); });
    QTRY_VERIFY_WITH_TIMEOUT(propagator.done() || waiting(t) >= waitersBefore + 1, 30'000);

    // 4. The held writer commits; everything catches up.
    QVERIFY(held->commit());
    QVERIFY(later.join());
    QVERIFY(propagator.join());
    while (store.ingest(kShop, 100).valueOr(0) > 0) { }

    // Both changes are pending on the channel: the held one was not skipped.
    const auto listings = store.listings(kShop);
    QVERIFY(listings);
    QCOMPARE(listings->size(), 2);
    for (const ListingState &l : *listings) {
        QVERIFY2(l.state == ListingState::State::Pending, qPrintable(l.sku));
        QCOMPARE(l.pendingVersion, 2);
    }
    // And the feed's ids follow commit order: the held row's id is the smaller.
    const auto rows = MutationLog(t.db()).feed(m.id - 1, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).sku, u"A"_s);
    QCOMPARE(rows->at(1).sku, u"B"_s);
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
