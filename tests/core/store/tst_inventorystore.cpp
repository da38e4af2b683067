// The audit read of the mutation log: every filter narrows, and a limited read can take the
// newest rows (what the console shows) or the oldest (what the CLI prints).
#include "store/inventorystore.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestInventoryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void auditFilters_data();
    void auditFilters();
    void limitedAuditTakesTheRequestedEnd_data();
    void limitedAuditTakesTheRequestedEnd();
    void stockPage_data();
    void stockPage();

private:
    std::unique_ptr<TestDatabase> m_t;
    ManualClock m_clock;
};

void TestInventoryStore::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_clock.set(1000000);
    SyncEngine engine(m_t->db(), m_clock);
    // ids 1, 2: imports; 3..6: orders; 7: an adjustment.
    QVERIFY(engine.importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 10)}, u"t"_s, u"s"_s).ok());
    m_clock.advance(1000);
    QCOMPARE(engine.apply(order(u"shop"_s, u"1"_s, {{u"A"_s, 1}})).outcome, ApplyOutcome::Applied);
    QCOMPARE(engine.apply(order(u"woo"_s, u"2"_s, {{u"A"_s, 1}})).outcome, ApplyOutcome::Applied);
    m_clock.advance(1000);
    QCOMPARE(engine.apply(order(u"shop"_s, u"3"_s, {{u"B"_s, 2}})).outcome, ApplyOutcome::Applied);
    QCOMPARE(engine.apply(order(u"woo"_s, u"4"_s, {{u"B"_s, 1}})).outcome, ApplyOutcome::Applied);
    QVERIFY(engine.adjust(u"A"_s, 5, u"bob"_s, u"found a box"_s).ok());
}

void TestInventoryStore::cleanup()
{
    m_t.reset();
}

void TestInventoryStore::auditFilters_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<int>("kind"); // -1: any
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<QList<qint64>>("ids");

    QTest::newRow("everything") << QString() << QString() << QString() << -1 << qint64(0)
                                << QList<qint64> {1, 2, 3, 4, 5, 6, 7};
    QTest::newRow("sku") << u"A"_s << QString() << QString() << -1 << qint64(0)
                         << QList<qint64> {1, 3, 4, 7};
    QTest::newRow("order") << QString() << u"3"_s << QString() << -1 << qint64(0)
                           << QList<qint64> {5};
    QTest::newRow("channel") << QString() << QString() << u"woo"_s << -1 << qint64(0)
                             << QList<qint64> {4, 6};
    QTest::newRow("kind") << QString() << QString() << QString() << int(MutationKind::Adjust)
                          << qint64(0) << QList<qint64> {7};
    QTest::newRow("time") << QString() << QString() << QString() << -1 << qint64(1'002'000)
                          << QList<qint64> {5, 6, 7};
    QTest::newRow("sku and channel")
        << u"B"_s << QString() << u"shop"_s << -1 << qint64(0) << QList<qint64> {5};
}

void TestInventoryStore::auditFilters()
{
    QFETCH(QString, sku);
    QFETCH(QString, orderId);
    QFETCH(QString, channel);
    QFETCH(int, kind);
    QFETCH(qint64, fromMs);
    QFETCH(QList<qint64>, ids);
    InventoryStore::AuditFilter f;
    f.sku = sku;
    f.orderId = orderId;
    f.channel = channel;
    if (kind >= 0)
        f.kind = MutationKind(kind);
    f.fromMs = fromMs;
    const auto out = InventoryStore(m_t->db()).audit(f);
    QVERIFY2(out, qPrintable(out.error()));
    QList<qint64> got;
    for (const Mutation &m : *out)
        got.append(m.id);
    QCOMPARE(got, ids);
}

void TestInventoryStore::limitedAuditTakesTheRequestedEnd_data()
{
    QTest::addColumn<bool>("newestFirst");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::newRow("oldest first") << false << QList<qint64> {1, 2, 3};
    QTest::newRow("newest first") << true << QList<qint64> {7, 6, 5};
}

void TestInventoryStore::limitedAuditTakesTheRequestedEnd()
{
    QFETCH(bool, newestFirst);
    QFETCH(QList<qint64>, ids);
    InventoryStore::AuditFilter f;
    f.limit = 3;
    f.newestFirst = newestFirst;
    const auto out = InventoryStore(m_t->db()).audit(f);
    QVERIFY2(out, qPrintable(out.error()));
    QList<qint64> got;
    for (const Mutation &m : *out)
        got.append(m.id);
    QCOMPARE(got, ids);
}

void TestInventoryStore::stockPage_data()
{
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("skus");

    QTest::newRow("from the first") << QString() << 2 << QStringList {u"A"_s, u"B"_s};
    QTest::newRow("after a SKU") << u"A"_s << 2 << QStringList {u"B"_s, u"C"_s};
    QTest::newRow("after a name between SKUs") << u"BA"_s << 5 << QStringList {u"C"_s, u"D"_s};
    QTest::newRow("the last page is short") << u"B"_s << 5 << QStringList {u"C"_s, u"D"_s};
    QTest::newRow("past the last") << u"D"_s << 5 << QStringList();
}

void TestInventoryStore::stockPage()
{
    QFETCH(QString, after);
    QFETCH(int, limit);
    QFETCH(QStringList, skus);
    QVERIFY(SyncEngine(m_t->db(), m_clock)
                .importStock({stockRow(u"D"_s, 4), stockRow(u"C"_s, 3)}, u"t"_s, u"s"_s)
                .ok());
    const auto page = InventoryStore(m_t->db()).stockPage(after, limit);
    QVERIFY2(page, qPrintable(page.error()));
    QStringList got;
    for (const StockLevel &level : *page)
        got.append(level.sku);
    QCOMPARE(got, skus);
    // The rows as stock() reads them.
    for (const StockLevel &level : *page)
        QCOMPARE(level.available, InventoryStore(m_t->db()).stock(level.sku)->value().available);
}

QTEST_MAIN(TestInventoryStore)
#include "tst_inventorystore.moc"
