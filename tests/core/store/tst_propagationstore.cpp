// PropagationStore: the change feed folds into listing state (coalesced, never backwards), due
// listings come with the current stock, acknowledgements close what they cover, and a failed
// statement rolls its transaction back.
#include "store/deadletterqueue.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kShop = u"shop"_s;
}

class TestPropagationStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firstIngestStartsAtTheEndOfTheLog();
    void ingestCoalescesChanges();
    void ingestOfTheChannelsOwnSaleMovesWhatItShows();
    void dueListings_data();
    void dueListings();
    void dueOrderOfUrgency_data();
    void dueOrderOfUrgency();
    void newerVersionReArmsADeadListing();
    void acknowledgeNeverMovesBackwards_data();
    void acknowledgeNeverMovesBackwards();
    void acknowledgeClosesTheDeadLetter();
    void retryOfADeadListingLeavesItDead();
    void nextAttemptAt();
    void countsAndFilters();
    void listingsBetween_data();
    void listingsBetween();
    void highWaterMark();
    void failedStatementRollsBack();
    void batchKeepsARemapMadeMeanwhile();

private:
    PropagationStore store() { return PropagationStore(m_t->db()); }
    ListingState listing(const QString &sku)
    {
        const auto out = store().listings(kShop, sku);
        if (!out || out->size() != 1)
            qFatal("no listing %s", qPrintable(sku));
        return out->constFirst();
    }
    // Maps A, B and C on the shop, runs the first ingest and acknowledges the seed.
    void mapAndSettle();
    // Then changes A (version 2) and parks it in the dead-letter queue.
    void parkA(const QString &kind);

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
};

void TestPropagationStore::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_clock.set(1'000'000);
    m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
    QVERIFY(m_engine
                ->importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 20), stockRow(u"C"_s, 30)},
                              u"t"_s, u"seed"_s)
                .ok());
}

void TestPropagationStore::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

void TestPropagationStore::mapAndSettle()
{
    QVERIFY(MappingStore(m_t->db()).importMappings(
        {{kShop, u"A"_s, u"1"_s}, {kShop, u"B"_s, u"2"_s}, {kShop, u"C"_s, u"3"_s}},
        m_clock.nowMs()));
    QCOMPARE(store().ingest(kShop, 100).valueOr(-1), 0);
    QVERIFY(store().acknowledge(
        kShop, {{u"A"_s, 1, 10, false}, {u"B"_s, 1, 20, false}, {u"C"_s, 1, 30, false}},
        m_clock.nowMs()));
}

void TestPropagationStore::parkA(const QString &kind)
{
    mapAndSettle();
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    QVERIFY(store().ingest(kShop, 100));
    DeadLetterQueue::Failure f;
    f.version = 2;
    f.attempts = 1;
    f.kind = kind;
    f.atMs = m_clock.nowMs();
    QVERIFY(DeadLetterQueue(m_t->db()).deadLetter(kShop, u"A"_s, f));
}

void TestPropagationStore::batchKeepsARemapMadeMeanwhile()
{
    // A propagator's memory read A as remote id 1; the merchant remaps A to 9 before the tick
    // writes A's acknowledgement. The acknowledgement is written, the remap stays.
    mapAndSettle();
    ListingState held = listing(u"A"_s);
    QCOMPARE(held.remoteId, u"1"_s);
    QVERIFY(MappingStore(m_t->db()).importMappings({{kShop, u"A"_s, u"9"_s}}, m_clock.nowMs()));
    held.ackedVersion = 5;
    held.ackedQuantity = 7;
    PropagationStore::Batch batch;
    batch.channel = kShop;
    batch.rows = {held};
    const Status written = store().writeBatches({batch}, nullptr);
    QVERIFY2(written, qPrintable(written.error()));
    const ListingState now = listing(u"A"_s);
    QCOMPARE(now.ackedVersion, 5);
    QCOMPARE(now.ackedQuantity, std::optional<qint64>(7));
    QCOMPARE(now.remoteId, u"9"_s);
}

void TestPropagationStore::firstIngestStartsAtTheEndOfTheLog()
{
    QVERIFY(!store().cursor(kShop)->has_value());
    QCOMPARE(store().ingest(kShop, 100).valueOr(-1), 0);
    QCOMPARE(store().cursor(kShop)->value_or(-1), 3); // the three imports
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    QCOMPARE(store().ingest(kShop, 100).valueOr(-1), 1);
    QCOMPARE(store().cursor(kShop)->value_or(-1), 4);
}

void TestPropagationStore::ingestCoalescesChanges()
{
    mapAndSettle();
    m_clock.advance(1000);
    const qint64 first = m_clock.nowMs();
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    m_clock.advance(1000);
    QVERIFY(m_engine->adjust(u"A"_s, -2, u"t"_s, u"count"_s).ok());
    QVERIFY(m_engine->importStock({stockRow(u"D"_s, 1)}, u"t"_s, u"new SKU"_s).ok()); // unlisted
    QCOMPARE(store().ingest(kShop, 100).valueOr(-1), 3);
    const ListingState a = listing(u"A"_s);
    QCOMPARE(a.state, ListingState::State::Pending);
    QCOMPARE(a.pendingVersion, 3); // only the newest goes out
    QCOMPARE(a.pendingSinceMs, first); // lag counts from the oldest change
    QCOMPARE(listing(u"B"_s).state, ListingState::State::InSync);
    const auto due = store().due(kShop, m_clock.nowMs(), 10);
    QVERIFY(due);
    QCOMPARE(due->size(), 1);
    QCOMPARE(due->first().available, 7); // the current stock
    QCOMPARE(due->first().version, 3);
}

void TestPropagationStore::ingestOfTheChannelsOwnSaleMovesWhatItShows()
{
    mapAndSettle();
    QCOMPARE(m_engine->apply(order(kShop, u"o1"_s, {{u"A"_s, 2}})).outcome, ApplyOutcome::Applied);
    QCOMPARE(m_engine->apply(order(u"woo"_s, u"o2"_s, {{u"B"_s, 3}})).outcome,
             ApplyOutcome::Applied);
    QVERIFY(store().ingest(kShop, 100));
    QCOMPARE(listing(u"A"_s).ackedQuantity.value_or(-1), 8); // the shop sold 2 itself
    QCOMPARE(listing(u"B"_s).ackedQuantity.value_or(-1), 20); // another channel's sale
}

void TestPropagationStore::dueListings_data()
{
    QTest::addColumn<QStringList>("busy");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("as urgent: oldest change first")
        << QStringList() << 10 << QStringList {u"C"_s, u"A"_s};
    QTest::newRow("limit") << QStringList() << 1 << QStringList {u"C"_s};
    QTest::newRow("busy skipped") << QStringList {u"C"_s} << 1 << QStringList {u"A"_s};
}

void TestPropagationStore::dueListings()
{
    QFETCH(QStringList, busy);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    mapAndSettle();
    // C (27 of 30) and A (9 of 10) are as urgent: the oldest change goes first.
    QVERIFY(m_engine->adjust(u"C"_s, -3, u"t"_s, u"count"_s).ok());
    m_clock.advance(10);
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    m_clock.advance(10);
    QVERIFY(m_engine->adjust(u"B"_s, -1, u"t"_s, u"count"_s).ok());
    QVERIFY(store().ingest(kShop, 100));
    // B waits for its retry time; it is not due yet.
    QVERIFY(store().scheduleRetry(kShop, u"B"_s, 1, m_clock.nowMs() + 5000, u"HTTP 503"_s));
    const auto due =
        store().due(kShop, m_clock.nowMs(), limit, QSet<QString>(busy.cbegin(), busy.cend()));
    QVERIFY2(due, qPrintable(due.error()));
    QStringList got;
    for (const DueListing &d : *due)
        got.append(d.sku);
    QCOMPARE(got, expected);
}

void TestPropagationStore::dueOrderOfUrgency_data()
{
    // Each listing is acknowledged at its imported quantity (A 10, B 20, C 30, then D 40 and
    // E 50), then its SKU is adjusted by the delta, in this order.
    QTest::addColumn<QList<int>>("deltas"); // A, B, C, D, E
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("pause, then least left relative to the change, then increases")
        << QList<int> {-1, -20, -28, 5, -10} << 5
        << QStringList {u"B"_s, u"C"_s, u"E"_s, u"A"_s, u"D"_s};
    QTest::newRow("the window takes the most urgent, not the oldest")
        << QList<int> {-1, -2, -3, -30, -49} << 2 << QStringList {u"E"_s, u"D"_s};
    QTest::newRow("equal urgency: oldest change first")
        << QList<int> {-1, -2, -3, 0, 0} << 2 << QStringList {u"A"_s, u"B"_s};
}

void TestPropagationStore::dueOrderOfUrgency()
{
    QFETCH(QList<int>, deltas);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QVERIFY(
        m_engine->importStock({stockRow(u"D"_s, 40), stockRow(u"E"_s, 50)}, u"t"_s, u"s"_s).ok());
    const QStringList skus {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s};
    QList<ListingMapping> rows;
    QList<PropagationStore::Ack> acks;
    for (qsizetype i = 0; i < skus.size(); ++i) {
        rows.append({kShop, skus.at(i), QString::number(i)});
        acks.append({skus.at(i), 1, 10 * (i + 1), false});
    }
    QVERIFY(MappingStore(m_t->db()).importMappings(rows, m_clock.nowMs()));
    QVERIFY(store().ingest(kShop, 100));
    QVERIFY(store().acknowledge(kShop, acks, m_clock.nowMs()));
    for (qsizetype i = 0; i < skus.size(); ++i) {
        m_clock.advance(10);
        if (deltas.at(i) != 0)
            QVERIFY(m_engine->adjust(skus.at(i), deltas.at(i), u"t"_s, u"count"_s).ok());
    }
    QVERIFY(store().ingest(kShop, 100));
    const auto due = store().due(kShop, m_clock.nowMs(), limit);
    QVERIFY2(due, qPrintable(due.error()));
    QStringList got;
    for (const DueListing &d : *due)
        got.append(d.sku);
    QCOMPARE(got, expected);
}

void TestPropagationStore::newerVersionReArmsADeadListing()
{
    parkA(QString(DeadLetterQueue::kPermanent));
    DeadLetterQueue queue(m_t->db());
    // Something other than a new version (another SKU's change) leaves it dead.
    QVERIFY(m_engine->adjust(u"B"_s, -1, u"t"_s, u"count"_s).ok());
    QVERIFY(store().ingest(kShop, 100));
    QCOMPARE(listing(u"A"_s).state, ListingState::State::Dead);
    QCOMPARE(queue.deadLetters()->first().state, u"dead"_s);

    m_clock.advance(1000);
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok()); // version 3
    QVERIFY(store().ingest(kShop, 100));
    const ListingState a = listing(u"A"_s);
    QCOMPARE(a.state, ListingState::State::Pending);
    QCOMPARE(a.attempts, 0);
    QCOMPARE(a.pendingVersion, 3);
    const auto due = store().due(kShop, m_clock.nowMs(), 10);
    QVERIFY(due);
    QCOMPARE(due->size(), 2); // A and B
    const auto letters = queue.deadLetters();
    QCOMPARE(letters->size(), 1);
    QCOMPARE(letters->first().state, u"rearmed"_s);
    QVERIFY(letters->first().retrying);
    QVERIFY(letters->first().history.contains(u"\"event\":\"rearmed\",\"version\":3"_s));
}

void TestPropagationStore::acknowledgeNeverMovesBackwards_data()
{
    QTest::addColumn<qint64>("ackedVersion");
    QTest::addColumn<qint64>("expectedAcked");
    QTest::addColumn<int>("state");
    QTest::newRow("the newest") << qint64(3) << qint64(3) << int(ListingState::State::InSync);
    QTest::newRow("an older one: still pending")
        << qint64(2) << qint64(2) << int(ListingState::State::Pending);
    QTest::newRow("one already covered: ignored")
        << qint64(1) << qint64(1) << int(ListingState::State::Pending);
}

void TestPropagationStore::acknowledgeNeverMovesBackwards()
{
    QFETCH(qint64, ackedVersion);
    QFETCH(qint64, expectedAcked);
    QFETCH(int, state);
    mapAndSettle();
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    m_clock.advance(500);
    const qint64 second = m_clock.nowMs();
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    QVERIFY(store().ingest(kShop, 100));
    QVERIFY(store().acknowledge(kShop, {{u"A"_s, ackedVersion, 42, false}}, m_clock.nowMs()));
    const ListingState a = listing(u"A"_s);
    QCOMPARE(a.ackedVersion, expectedAcked);
    QCOMPARE(int(a.state), state);
    if (ackedVersion == 2)
        QCOMPARE(a.pendingSinceMs, second); // the change not covered starts the clock
    // A late answer for an older version changes nothing.
    QVERIFY(store().acknowledge(kShop, {{u"A"_s, 1, 1, false}}, m_clock.nowMs()));
    QCOMPARE(listing(u"A"_s).ackedVersion, expectedAcked);
}

void TestPropagationStore::acknowledgeClosesTheDeadLetter()
{
    parkA(QString(DeadLetterQueue::kExhausted));
    DeadLetterQueue queue(m_t->db());
    QCOMPARE(queue.retry({kShop, u"A"_s}, u"t"_s, m_clock.nowMs()).valueOr(-1), 1);
    QCOMPARE(queue.deadLetters()->size(), 1); // sent again, answer not in yet
    QVERIFY(store().acknowledge(kShop, {{u"A"_s, 2, 9, false}}, m_clock.nowMs()));
    QVERIFY(queue.deadLetters()->isEmpty());
}

void TestPropagationStore::retryOfADeadListingLeavesItDead()
{
    parkA(QString(DeadLetterQueue::kPermanent));
    // A late failure of a call sent before it was parked does not bring it back.
    QVERIFY(store().scheduleRetry(kShop, u"A"_s, 3, m_clock.nowMs(), u"late"_s));
    QCOMPARE(listing(u"A"_s).state, ListingState::State::Dead);
    QVERIFY(store().due(kShop, m_clock.nowMs(), 10)->isEmpty());
}

void TestPropagationStore::nextAttemptAt()
{
    mapAndSettle();
    QVERIFY(!store().nextAttemptAt(kShop)->has_value());
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    QVERIFY(m_engine->adjust(u"B"_s, -1, u"t"_s, u"count"_s).ok());
    QVERIFY(store().ingest(kShop, 100));
    QVERIFY(store().scheduleRetry(kShop, u"A"_s, 1, 5000, u"x"_s));
    QVERIFY(store().scheduleRetry(kShop, u"B"_s, 1, 3000, u"x"_s));
    QCOMPARE(store().nextAttemptAt(kShop)->value_or(-1), 3000);
    QVERIFY(!store().nextAttemptAt(u"ebay"_s)->has_value());
}

void TestPropagationStore::countsAndFilters()
{
    mapAndSettle();
    QVERIFY(MappingStore(m_t->db()).importMappings({{u"ebay"_s, u"A"_s, u"A"_s}}, 1));
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    QVERIFY(store().ingest(kShop, 100));
    QCOMPARE(store().count(kShop, ListingState::State::Pending).valueOr(-1), 1);
    QCOMPARE(store().count(kShop, ListingState::State::InSync).valueOr(-1), 2);
    QCOMPARE(store().count(u"ebay"_s, ListingState::State::Pending).valueOr(-1), 1);
    QCOMPARE(store().listings()->size(), 4);
    QCOMPARE(store().listings({}, u"A"_s)->size(), 2);
    QCOMPARE(store().listings(u"ebay"_s)->size(), 1);
}

void TestPropagationStore::listingsBetween_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QStringList>("skus");

    QTest::newRow("one SKU") << kShop << u"B"_s << u"B"_s << QStringList {u"B"_s};
    QTest::newRow("both ends included")
        << kShop << u"A"_s << u"B"_s << QStringList {u"A"_s, u"B"_s};
    QTest::newRow("bounds between SKUs")
        << kShop << u"AA"_s << u"D"_s << QStringList {u"B"_s, u"C"_s};
    QTest::newRow("another channel's listings are not read")
        << u"ebay"_s << u"A"_s << u"C"_s << QStringList {u"A"_s};
    QTest::newRow("nothing in the range") << kShop << u"D"_s << u"Z"_s << QStringList();
}

void TestPropagationStore::listingsBetween()
{
    QFETCH(QString, channel);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QStringList, skus);
    mapAndSettle();
    QVERIFY(MappingStore(m_t->db()).importMappings({{u"ebay"_s, u"A"_s, u"A"_s}}, 1));
    const auto read = store().listingsBetween(channel, first, last);
    QVERIFY2(read, qPrintable(read.error()));
    QStringList got;
    for (const ListingState &l : *read) {
        QCOMPARE(l.channel, channel);
        got.append(l.sku);
    }
    QCOMPARE(got, skus);
    if (channel == kShop && !skus.isEmpty())
        QCOMPARE(read->constFirst().ackedQuantity, listing(skus.first()).ackedQuantity);
}

void TestPropagationStore::highWaterMark()
{
    QCOMPARE(store().highWaterMark(kShop).valueOr(u"?"_s), QString());
    QVERIFY(store().setHighWaterMark(kShop, u"2026-01-01T00:00:00Z"_s, 1));
    QVERIFY(store().setHighWaterMark(kShop, u"2026-01-02T00:00:00Z"_s, 2));
    QCOMPARE(store().highWaterMark(kShop).valueOr({}), u"2026-01-02T00:00:00Z"_s);
    QCOMPARE(store().highWaterMark(u"ebay"_s).valueOr(u"?"_s), QString());
}

void TestPropagationStore::failedStatementRollsBack()
{
    mapAndSettle();
    QVERIFY(m_engine->adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok());
    // The cursor cannot move: the fold of the listings must not be kept without it.
    QVERIFY(
        m_t->injectFault(u"no_advance"_s, u"UPDATE"_s, u"channel_cursors"_s, u"cursor is stuck"_s));
    const auto read = store().ingest(kShop, 100);
    QVERIFY(!read);
    QVERIFY2(read.error().contains(u"cursor is stuck"_s), qPrintable(read.error()));
    QVERIFY(!m_t->db().inTransaction());
    QCOMPARE(listing(u"A"_s).state, ListingState::State::InSync);
    QVERIFY(m_t->removeFault(u"no_advance"_s, u"channel_cursors"_s));
    QCOMPARE(store().ingest(kShop, 100).valueOr(-1), 1);
    QCOMPARE(listing(u"A"_s).state, ListingState::State::Pending);
}

QTEST_GUILESS_MAIN(TestPropagationStore)
#include "tst_propagationstore.moc"
