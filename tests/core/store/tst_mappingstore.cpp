// MappingStore: mappings are imported all or none, a new or moved mapping starts pending at the
// SKU's current version, and lookups by remote id and by SKU find the listing.
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestMappingStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void importIsAllOrNothing();
    void newMappingStartsPendingAtTheCurrentVersion();
    void movedMappingStartsPendingAgain_data();
    void movedMappingStartsPendingAgain();
    void mappingsOfAChannel_data();
    void mappingsOfAChannel();
    void lookups_data();
    void lookups();
    void databaseErrorIsAnError();

private:
    ListingState listing(const QString &channel, const QString &sku)
    {
        const auto out = PropagationStore(m_t->db()).listings(channel, sku);
        if (!out || out->size() != 1)
            qFatal("no listing %s/%s", qPrintable(channel), qPrintable(sku));
        return out->constFirst();
    }

    std::unique_ptr<TestDatabase> m_t;
    ManualClock m_clock;
};

void TestMappingStore::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_clock.set(1'000'000);
    SyncEngine engine(m_t->db(), m_clock);
    QVERIFY(engine
                .importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 5), stockRow(u"C"_s, 1)},
                             u"t"_s, u"seed"_s)
                .ok());
    QVERIFY(engine.adjust(u"A"_s, -1, u"t"_s, u"count"_s).ok()); // A is at version 2
}

void TestMappingStore::cleanup()
{
    m_t.reset();
}

void TestMappingStore::importIsAllOrNothing()
{
    MappingStore store(m_t->db());
    const Status imported = store.importMappings(
        {{u"shop"_s, u"A"_s, u"1"_s}, {u"shop"_s, u"NOPE"_s, u"2"_s}, {u"shop"_s, u"B"_s, u"3"_s}},
        m_clock.nowMs());
    QVERIFY(!imported);
    QVERIFY2(imported.error().contains(u"unknown SKU NOPE"_s), qPrintable(imported.error()));
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM listings"_s), 0); // A was rolled back
    QVERIFY(!m_t->db().inTransaction());
    QVERIFY(store.importMappings({{u"shop"_s, u"A"_s, u"1"_s}}, m_clock.nowMs()));
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM listings"_s), 1);
}

void TestMappingStore::newMappingStartsPendingAtTheCurrentVersion()
{
    QVERIFY(MappingStore(m_t->db()).importMappings({{u"shop"_s, u"A"_s, u"1"_s}}, 4242));
    const ListingState l = listing(u"shop"_s, u"A"_s);
    QCOMPARE(l.state, ListingState::State::Pending);
    QCOMPARE(l.pendingVersion, 2);
    QCOMPARE(l.ackedVersion, 0);
    QCOMPARE(l.pendingSinceMs, 4242);
    QCOMPARE(l.remoteId, u"1"_s);
}

void TestMappingStore::movedMappingStartsPendingAgain_data()
{
    QTest::addColumn<QString>("remoteId");
    QTest::addColumn<int>("state");
    QTest::newRow("same listing keeps its state") << u"1"_s << int(ListingState::State::InSync);
    QTest::newRow("another listing is sent our quantity")
        << u"9"_s << int(ListingState::State::Pending);
}

void TestMappingStore::movedMappingStartsPendingAgain()
{
    QFETCH(QString, remoteId);
    QFETCH(int, state);
    MappingStore store(m_t->db());
    QVERIFY(store.importMappings({{u"shop"_s, u"A"_s, u"1"_s}}, 1));
    QVERIFY(PropagationStore(m_t->db()).acknowledge(u"shop"_s, {{u"A"_s, 2, 9, false}}, 2));
    QCOMPARE(listing(u"shop"_s, u"A"_s).state, ListingState::State::InSync);
    QVERIFY(store.importMappings({{u"shop"_s, u"A"_s, remoteId}}, 3));
    QCOMPARE(int(listing(u"shop"_s, u"A"_s).state), state);
    QCOMPARE(listing(u"shop"_s, u"A"_s).remoteId, remoteId);
}

void TestMappingStore::mappingsOfAChannel_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QStringList>("expected"); // channel/sku/remote id
    QTest::newRow("all, by channel and SKU")
        << QString() << QStringList {u"ebay/A/A"_s, u"shop/A/1"_s, u"shop/C/3"_s};
    QTest::newRow("one channel") << u"shop"_s << QStringList {u"shop/A/1"_s, u"shop/C/3"_s};
    QTest::newRow("unknown channel") << u"woo"_s << QStringList();
}

void TestMappingStore::mappingsOfAChannel()
{
    QFETCH(QString, channel);
    QFETCH(QStringList, expected);
    MappingStore store(m_t->db());
    QVERIFY(store.importMappings(
        {{u"shop"_s, u"C"_s, u"3"_s}, {u"shop"_s, u"A"_s, u"1"_s}, {u"ebay"_s, u"A"_s, u"A"_s}},
        1));
    const auto read = store.mappings(channel);
    QVERIFY2(read, qPrintable(read.error()));
    QStringList got;
    for (const ListingMapping &m : *read)
        got.append(m.channel + u'/' + m.sku + u'/' + m.remoteId);
    QCOMPARE(got, expected);
}

void TestMappingStore::lookups_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("remoteId");
    QTest::addColumn<QString>("sku"); // empty: not found
    QTest::newRow("found") << u"shop"_s << u"3"_s << u"C"_s;
    QTest::newRow("another channel's id") << u"ebay"_s << u"3"_s << QString();
    QTest::newRow("unknown id") << u"shop"_s << u"77"_s << QString();
}

void TestMappingStore::lookups()
{
    QFETCH(QString, channel);
    QFETCH(QString, remoteId);
    QFETCH(QString, sku);
    MappingStore store(m_t->db());
    QVERIFY(store.importMappings({{u"shop"_s, u"C"_s, u"3"_s}, {u"ebay"_s, u"A"_s, u"A"_s}}, 1));
    const auto byRemote = store.byRemoteId(channel, remoteId);
    QVERIFY(byRemote);
    QCOMPARE(byRemote->has_value(), !sku.isEmpty());
    if (sku.isEmpty())
        return;
    QCOMPARE(**byRemote, (ListingMapping {channel, sku, remoteId}));
    const auto bySku = store.bySku(channel, sku);
    QVERIFY(bySku && bySku->has_value());
    QCOMPARE(**bySku, (ListingMapping {channel, sku, remoteId}));
    QVERIFY(!store.bySku(u"woo"_s, sku)->has_value());
}

void TestMappingStore::databaseErrorIsAnError()
{
    MappingStore store(m_t->db());
    QVERIFY(m_t->db().exec(u"DROP TABLE listings"_s));
    const auto read = store.mappings();
    QVERIFY(!read);
    QVERIFY(!read.error().isEmpty());
    QVERIFY(!store.byRemoteId(u"shop"_s, u"1"_s));
    QVERIFY(!store.importMappings({{u"shop"_s, u"A"_s, u"1"_s}}, 1));
    QVERIFY(!m_t->db().inTransaction());
}

QTEST_GUILESS_MAIN(TestMappingStore)
#include "tst_mappingstore.moc"
