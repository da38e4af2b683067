// The buffer rules as stored (store/bufferstore.h): overrides all or none, audited, and a new
// stock version exactly when what a mapped listing should show changed (so propagation sends
// it); a channel rule changed between runs re-sends what it changes; the propagators' read.
#include "store/bufferstore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const BufferOverride kNone;

BufferOverride percent(int p)
{
    BufferOverride b;
    b.percent = p;
    return b;
}
} // namespace

class TestBufferStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void overridesAreStoredAndRemoved();
    void allOrNothing_data();
    void allOrNothing();
    void resendsOnlyWhatChangesAMappedListing_data();
    void resendsOnlyWhatChangesAMappedListing();
    void unchangedOverrideIsNotAudited();
    void channelRuleChangedBetweenRuns();
    void skuInputs();

private:
    qint64 version(const QString &sku) { return m_t->stock(sku).version; }
    QList<Mutation> bufferRows()
    {
        QList<Mutation> rows;
        for (const Mutation &m : m_t->log())
            if (m.kind == MutationKind::Buffer)
                rows.append(m);
        return rows;
    }

    std::unique_ptr<TestDatabase> m_t;
    ManualClock m_clock;
    BufferRules m_rules;
};

void TestBufferStore::init()
{
    m_t = std::make_unique<TestDatabase>();
    SyncEngine engine(m_t->db(), m_clock);
    // A: 10 available, safety buffer 2; B: 3 available. Both listed on shop, A also on ebay.
    QVERIFY(
        engine.importStock({stockRow(u"A"_s, 10, 2), stockRow(u"B"_s, 3)}, u"t"_s, u"s"_s).ok());
    QString error;
    QVERIFY(MappingStore(m_t->db()).importMappings(
        {{u"shop"_s, u"A"_s, u"1"_s}, {u"shop"_s, u"B"_s, u"2"_s}, {u"ebay"_s, u"A"_s, u"A"_s}},
        m_clock.nowMs()));
    m_rules = BufferRules({{u"shop"_s, kNone}, {u"ebay"_s, kNone}, {u"amz"_s, kNone}});
}

void TestBufferStore::cleanup()
{
    m_t.reset();
}

void TestBufferStore::overridesAreStoredAndRemoved()
{
    BufferStore store(m_t->db());
    const BufferOverride full {1, 50, 8, 0};
    const auto set =
        store.setOverrides({{u"shop"_s, u"A"_s, full}, {u"ebay"_s, u"B"_s, percent(0)}}, m_rules,
                           u"alice"_s, u"spring sale"_s, m_clock.nowMs());
    QVERIFY2(set, qPrintable(set.error()));
    QCOMPARE(set->changed, 2);
    const auto all = store.overrides();
    QVERIFY(all);
    QCOMPARE(*all,
             (QList<ListingBuffer> {{u"ebay"_s, u"B"_s, percent(0)}, {u"shop"_s, u"A"_s, full}}));
    QCOMPARE(*store.overrides(u"shop"_s), (QList<ListingBuffer> {{u"shop"_s, u"A"_s, full}}));
    QCOMPARE(store.overrides({}, u"B"_s)->size(), 1);

    // Audited with actor, reason and both rules.
    const QList<Mutation> audit = bufferRows();
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(0).channel, u"shop"_s);
    QCOMPARE(audit.at(0).actor, u"alice"_s);
    QCOMPARE(audit.at(0).delta, 0);
    QCOMPARE(audit.at(0).reason,
             u"spring sale: reserve 1, percent 50, max 8, pause_at 0 (was reserve inherited, "
             "percent inherited, max inherited, pause_at inherited); shows 4 instead of 10"_s);

    // An empty override removes the row.
    QVERIFY(
        store.setOverrides({{u"shop"_s, u"A"_s, kNone}}, m_rules, u"alice"_s, {}, m_clock.nowMs()));
    QCOMPARE(*store.overrides(), (QList<ListingBuffer> {{u"ebay"_s, u"B"_s, percent(0)}}));
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM listing_buffers"_s), 1);
}

void TestBufferStore::allOrNothing_data()
{
    QTest::addColumn<QList<ListingBuffer>>("rows");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown channel")
        << QList<ListingBuffer> {{u"shop"_s, u"A"_s, percent(50)}, {u"etsy"_s, u"A"_s, percent(50)}}
        << u"unknown channel \"etsy\" (not in the config)"_s;
    QTest::newRow("unknown SKU") << QList<ListingBuffer> {{u"shop"_s, u"A"_s, percent(50)},
                                                          {u"shop"_s, u"Z"_s, percent(50)}}
                                 << u"unknown SKU \"Z\" (import stock first)"_s;
}

void TestBufferStore::allOrNothing()
{
    QFETCH(QList<ListingBuffer>, rows);
    QFETCH(QString, error);
    const qint64 before = version(u"A"_s);
    const auto set =
        BufferStore(m_t->db()).setOverrides(rows, m_rules, u"t"_s, {}, m_clock.nowMs());
    QVERIFY(!set);
    QCOMPARE(set.error(), error);
    // The first row, good on its own, did not stay.
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM listing_buffers"_s), 0);
    QCOMPARE(version(u"A"_s), before);
    QVERIFY(bufferRows().isEmpty());
}

void TestBufferStore::resendsOnlyWhatChangesAMappedListing_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<BufferOverride>("buffer");
    QTest::addColumn<bool>("resent");

    QTest::newRow("shows less") << u"shop"_s << u"A"_s << percent(50) << true;
    QTest::newRow("pauses") << u"shop"_s << u"A"_s << BufferOverride {{}, {}, {}, 10} << true;
    QTest::newRow("max above what is shown")
        << u"shop"_s << u"A"_s << BufferOverride {{}, {}, 500, {}} << false;
    QTest::newRow("pause_at still below")
        << u"ebay"_s << u"A"_s << BufferOverride {{}, {}, {}, 5} << false;
    // B has 3 available: a reserve of 3 shows 0 (not a pause: its safety buffer is 0).
    QTest::newRow("reserve takes all")
        << u"shop"_s << u"B"_s << BufferOverride {3, {}, {}, {}} << true;
    QTest::newRow("not listed on the channel") << u"ebay"_s << u"B"_s << percent(0) << false;
    QTest::newRow("configured channel without listings")
        << u"amz"_s << u"A"_s << percent(0) << false;
}

void TestBufferStore::resendsOnlyWhatChangesAMappedListing()
{
    QFETCH(QString, channel);
    QFETCH(QString, sku);
    QFETCH(BufferOverride, buffer);
    QFETCH(bool, resent);
    const qint64 before = version(sku);
    const auto set = BufferStore(m_t->db()).setOverrides({{channel, sku, buffer}}, m_rules, u"t"_s,
                                                         {}, m_clock.nowMs());
    QVERIFY2(set, qPrintable(set.error()));
    QCOMPARE(set->changed, 1);
    QCOMPARE(set->resent, resent ? 1 : 0);
    // A new version is what makes the listing due; the audit row carries it.
    QCOMPARE(version(sku), before + (resent ? 1 : 0));
    QCOMPARE(bufferRows().size(), 1);
    QCOMPARE(bufferRows().first().version, version(sku));
}

void TestBufferStore::unchangedOverrideIsNotAudited()
{
    BufferStore store(m_t->db());
    QVERIFY(store.setOverrides({{u"shop"_s, u"A"_s, percent(50)}}, m_rules, u"t"_s, {},
                               m_clock.nowMs()));
    const qint64 v = version(u"A"_s);
    const auto again =
        store.setOverrides({{u"shop"_s, u"A"_s, percent(50)}, {u"shop"_s, u"B"_s, kNone}}, m_rules,
                           u"t"_s, {}, m_clock.nowMs());
    QVERIFY(again);
    QCOMPARE(again->changed, 0);
    QCOMPARE(again->resent, 0);
    QCOMPARE(version(u"A"_s), v);
    QCOMPARE(bufferRows().size(), 1);
}

void TestBufferStore::channelRuleChangedBetweenRuns()
{
    BufferStore store(m_t->db());
    // Defaults everywhere: what listings were sent before buffers existed. Nothing to do.
    QCOMPARE(*store.applyChannelRules(m_rules, u"config"_s, m_clock.nowMs()), 0);
    QVERIFY(store.channelRules()->isEmpty());

    // shop keeps 6 back: A shows 4 instead of 10, B 0 instead of 3; eBay is unchanged.
    QVERIFY(store.setOverrides({{u"shop"_s, u"B"_s, BufferOverride {0, {}, {}, {}}}}, m_rules,
                               u"t"_s, {}, m_clock.nowMs()));
    const qint64 a = version(u"A"_s);
    const qint64 b = version(u"B"_s);
    BufferRules changed = m_rules;
    changed.setChannel(u"shop"_s, BufferOverride {6, {}, {}, {}});
    const auto resent = store.applyChannelRules(changed, u"config"_s, m_clock.nowMs());
    QVERIFY2(resent, qPrintable(resent.error()));
    QCOMPARE(*resent, 1); // B's own override (reserve 0) wins: it still shows 3
    QCOMPARE(version(u"A"_s), a + 1);
    QCOMPARE(version(u"B"_s), b);
    const Mutation last = bufferRows().constLast();
    QCOMPARE(last.sku, u"A"_s);
    QCOMPARE(last.actor, u"config"_s);
    QVERIFY2(last.reason.contains(u"shows 4 instead of 10"_s), qPrintable(last.reason));
    QCOMPARE(store.channelRules()->value(u"shop"_s), (BufferOverride {6, {}, {}, {}}));

    // The same rules again: recorded, so nothing.
    QCOMPARE(*store.applyChannelRules(changed, u"config"_s, m_clock.nowMs()), 0);
    QCOMPARE(version(u"A"_s), a + 1);
    // Back to the defaults: A shows 10 again.
    QCOMPARE(*store.applyChannelRules(m_rules, u"config"_s, m_clock.nowMs()), 1);
    QCOMPARE(store.channelRules()->value(u"shop"_s), kNone);
}

void TestBufferStore::skuInputs()
{
    BufferStore store(m_t->db());
    QVERIFY(store.setOverrides({{u"shop"_s, u"A"_s, BufferOverride {1, 0, {}, 0}},
                                {u"ebay"_s, u"A"_s, BufferOverride {{}, 50, 7, {}}}},
                               m_rules, u"t"_s, {}, m_clock.nowMs()));
    const auto a = store.skuInputs(u"A"_s);
    QVERIFY2(a, qPrintable(a.error()));
    QVERIFY(a->has_value());
    QCOMPARE((*a)->safetyBuffer, 2);
    QCOMPARE((*a)->overrides.size(), 2);
    QCOMPARE((*a)->forChannel(u"shop"_s).buffer, (BufferOverride {1, 0, {}, 0}));
    QCOMPARE((*a)->forChannel(u"ebay"_s).buffer, (BufferOverride {{}, 50, 7, {}}));
    QCOMPARE((*a)->forChannel(u"ebay"_s).safetyBuffer, 2);
    // A channel without an override of A, a SKU without any, a SKU without a stock row.
    QCOMPARE((*a)->forChannel(u"other"_s).buffer, kNone);
    const auto b = store.skuInputs(u"B"_s);
    QVERIFY(b && b->has_value());
    QVERIFY((*b)->overrides.isEmpty());
    const auto none = store.skuInputs(u"nope"_s);
    QVERIFY(none && !none->has_value());
}

QTEST_GUILESS_MAIN(TestBufferStore)
#include "tst_bufferstore.moc"
