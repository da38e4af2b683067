// LeaseStore: one holder per channel at a time, renewed by its holder, taken over once expired
// with the next token; the token fences the old holder out of every acknowledgement and retry
// (PropagationStore::setFence); workers and the channels they hold.
#include "store/leasestore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kShop = u"shop"_s;
constexpr qint64 kTtl = 5'000;
} // namespace

class TestLeaseStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneHolderAtATime_data();
    void oneHolderAtATime();
    void releaseHandsOverAtOnce();
    void theOldHolderIsFencedOut_data();
    void theOldHolderIsFencedOut();
    void workersAndTheirChannels();
};

void TestLeaseStore::oneHolderAtATime_data()
{
    QTest::addColumn<qint64>("at"); // when w2 asks, after w1 took the lease at 0
    QTest::addColumn<bool>("taken");
    QTest::newRow("while held") << qint64(1) << false;
    QTest::newRow("just before the expiry") << kTtl - 1 << false;
    QTest::newRow("at the expiry") << kTtl << true;
    QTest::newRow("long after") << kTtl * 10 << true;
}

void TestLeaseStore::oneHolderAtATime()
{
    QFETCH(qint64, at);
    QFETCH(bool, taken);
    TestDatabase t;
    LeaseStore leases(t.db());
    QCOMPARE(leases.acquire(kShop, u"w1"_s, 0, kTtl)->value_or(-1), 1);
    const auto second = leases.acquire(kShop, u"w2"_s, at, kTtl);
    QVERIFY(second);
    QCOMPARE(second->has_value(), taken);
    if (taken) {
        QCOMPARE(**second, 2); // a new holder, the next token
        QVERIFY(!*leases.holds(kShop, u"w1"_s, 1, at));
        QVERIFY(*leases.holds(kShop, u"w2"_s, 2, at));
        // The old holder cannot take it back while the new one holds it.
        QVERIFY(!leases.acquire(kShop, u"w1"_s, at + 1, kTtl)->has_value());
    } else {
        // Its holder renews it, same token, a later expiry.
        QCOMPARE(leases.acquire(kShop, u"w1"_s, at, kTtl)->value_or(-1), 1);
        QVERIFY(*leases.holds(kShop, u"w1"_s, 1, at + kTtl - 1));
        QVERIFY(!leases.acquire(kShop, u"w2"_s, at + kTtl - 1, kTtl)->has_value());
    }
    // Another channel's lease is its own.
    QCOMPARE(leases.acquire(u"woo"_s, u"w2"_s, 1, kTtl)->value_or(-1), 1);
}

void TestLeaseStore::releaseHandsOverAtOnce()
{
    TestDatabase t;
    LeaseStore leases(t.db());
    QCOMPARE(leases.acquire(kShop, u"w1"_s, 0, kTtl)->value_or(-1), 1);
    QVERIFY(leases.release(kShop, u"w2"_s, 1)); // not its lease: nothing
    QVERIFY(!leases.acquire(kShop, u"w2"_s, 1, kTtl)->has_value());
    QVERIFY(leases.release(kShop, u"w1"_s, 1));
    QCOMPARE(leases.acquire(kShop, u"w2"_s, 2, kTtl)->value_or(-1), 2);
}

void TestLeaseStore::theOldHolderIsFencedOut_data()
{
    QTest::addColumn<QString>("write");
    QTest::newRow("acknowledge") << u"acknowledge"_s;
    QTest::newRow("setAckedQuantity") << u"setAckedQuantity"_s;
    QTest::newRow("scheduleRetry") << u"scheduleRetry"_s;
}

void TestLeaseStore::theOldHolderIsFencedOut()
{
    QFETCH(QString, write);
    TestDatabase t;
    ManualClock clock;
    SyncEngine engine(t.db(), clock);
    QVERIFY(engine.importStock({stockRow(u"A"_s, 10)}, u"t"_s, u"seed"_s).ok());
    QVERIFY(MappingStore(t.db()).importMappings({{kShop, u"A"_s, u"1"_s}}, clock.nowMs()));
    QVERIFY(PropagationStore(t.db()).ingest(kShop, 100));
    const auto before = PropagationStore(t.db()).listings(kShop);
    QVERIFY(before && before->size() == 1);

    // w1 held the lease (token 1) and lost it: it expired and w2 took it (token 2).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    LeaseStore leases(t.db());
    QCOMPARE(leases.acquire(kShop, u"w1"_s, now - 2 * kTtl, kTtl)->value_or(-1), 1);
    QCOMPARE(leases.acquire(kShop, u"w2"_s, now, kTtl)->value_or(-1), 2);

    const auto run = [&](PropagationStore &store) -> Status {
        if (write == "acknowledge"_L1)
            return store.acknowledge(kShop, {{u"A"_s, 1, 10, false}}, now);
        if (write == "setAckedQuantity"_L1)
            return store.setAckedQuantity(kShop, u"A"_s, 7);
        return store.scheduleRetry(kShop, u"A"_s, 1, now + 1000, u"late"_s);
    };
    PropagationStore old(t.db());
    old.setFence(u"w1"_s, 1);
    const Status refused = run(old);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(u"lease lost"_s), qPrintable(refused.error()));
    QVERIFY(!t.db().inTransaction());
    QCOMPARE(*PropagationStore(t.db()).listings(kShop), *before); // nothing written

    PropagationStore holder(t.db());
    holder.setFence(u"w2"_s, 2);
    QVERIFY(run(holder));
    QVERIFY(*PropagationStore(t.db()).listings(kShop) != *before);
}

void TestLeaseStore::workersAndTheirChannels()
{
    TestDatabase t;
    LeaseStore leases(t.db());
    QVERIFY(leases.heartbeat({u"w1"_s, u"host-a"_s, 11, 100, 0, {}}, 1'000));
    QVERIFY(leases.heartbeat({u"w2"_s, u"host-b"_s, 22, 200, 0, {}}, 1'500));
    QVERIFY(leases.heartbeat({u"w1"_s, u"host-a"_s, 11, 100, 0, {}}, 2'000)); // again
    QVERIFY(leases.acquire(kShop, u"w1"_s, 2'000, kTtl)->has_value());
    QVERIFY(leases.acquire(u"woo"_s, u"w1"_s, 2'000, kTtl)->has_value());
    QVERIFY(leases.acquire(u"ebay"_s, u"w2"_s, 0, 1'000)->has_value()); // expired by 2,000

    const auto workers = leases.workers(2'000);
    QVERIFY(workers);
    QCOMPARE(workers->size(), 2);
    QCOMPARE(workers->at(0).id, u"w1"_s); // the newest heartbeat first
    QCOMPARE(workers->at(0).host, u"host-a"_s);
    QCOMPARE(workers->at(0).pid, 11);
    QCOMPARE(workers->at(0).startedAtMs, 100);
    QCOMPARE(workers->at(0).heartbeatAtMs, 2'000);
    QCOMPARE(workers->at(0).channels, (QStringList {kShop, u"woo"_s}));
    QCOMPARE(workers->at(1).id, u"w2"_s);
    QVERIFY(workers->at(1).channels.isEmpty());
    QCOMPARE(leases.leases()->size(), 3);
}

QTEST_GUILESS_MAIN(TestLeaseStore)
#include "tst_leasestore.moc"
