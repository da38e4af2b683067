// File > Import stock…'s preview (previewStockImport): a file read with import-stock's rules and
// compared with the stock as it stands — new SKUs, changed and unchanged ones, on hand counted
// against the units committed to open orders — and a file with any bad row gives no rows at all.
#include "sync/stockimportpreview.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestStockImportPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void preview_data();
    void preview();

private:
    std::unique_ptr<TestDatabase> m_t;
};

void TestStockImportPreview::init()
{
    // A: 10 available with 2 committed to an open order (on hand 12); B: 5, "Bowl", buffer 1.
    m_t = std::make_unique<TestDatabase>();
    SyncEngine engine(m_t->db());
    StockImportRow b = stockRow(u"B"_s, 5, 1);
    b.title = u"Bowl"_s;
    QVERIFY(engine.importStock({stockRow(u"A"_s, 12), b}, u"test"_s, u"seed"_s).ok());
    QCOMPARE(engine.apply(order(u"shop"_s, u"1"_s, {{u"A"_s, 2}})).outcome, ApplyOutcome::Applied);
    QCOMPARE(m_t->stock(u"A"_s).committed, 2);
}

void TestStockImportPreview::cleanup()
{
    m_t.reset();
}

void TestStockImportPreview::preview_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QStringList>("errors"); // each a prefix of one message, in order
    QTest::addColumn<QString>("changes"); // per row: sku:new|changed|same:before>after
    QTest::newRow("unchanged") << u"sku,available\nA,10\n"_s << QStringList() << u"A:same:10>10"_s;
    QTest::newRow("changed and new")
        << u"sku,available\nA,4\nC,7\n"_s << QStringList() << u"A:changed:10>4 C:new:0>7"_s;
    QTest::newRow("title only") << u"sku,available,title\nB,5,Big bowl\n"_s << QStringList()
                                << u"B:changed:5>5"_s;
    QTest::newRow("buffer only") << u"sku,available,safety_buffer\nB,5,1\n"_s << QStringList()
                                 << u"B:same:5>5"_s;
    QTest::newRow("on hand counts the committed units")
        << u"sku,on_hand\nA,12\nB,5\n"_s << QStringList() << u"A:same:10>10 B:same:5>5"_s;
    QTest::newRow("on hand below committed")
        << u"sku,on_hand\nB,3\nA,1\n"_s << QStringList {u"A: on hand 1 is less than the 2"_s}
        << QString();
    QTest::newRow("a bad row") << u"sku,available\nA,4\nB,x\nC,-1\n"_s
                               << QStringList {u"line 3:"_s, u"line 4:"_s} << QString();
}

void TestStockImportPreview::preview()
{
    QFETCH(QString, csv);
    QFETCH(QStringList, errors);
    QFETCH(QString, changes);
    const StockImportPreview p = previewStockImport(csv, InventoryStore(m_t->db()));
    QCOMPARE(p.errors.size(), errors.size());
    for (qsizetype i = 0; i < errors.size(); ++i)
        QVERIFY2(p.errors.at(i).startsWith(errors.at(i)), qPrintable(p.errors.at(i)));
    QCOMPARE(p.ok(), errors.isEmpty());
    if (!p.ok()) {
        QVERIFY(p.rows.isEmpty()); // nothing can be imported
        return;
    }
    QStringList seen;
    for (const StockImportChange &c : p.changes)
        seen.append(
            u"%1:%2:%3>%4"_s.arg(c.sku,
                                 c.isNew           ? u"new"_s
                                     : c.changes() ? u"changed"_s
                                                   : u"same"_s)
                .arg(c.availableBefore)
                .arg(c.availableAfter));
    QCOMPARE(seen.join(u' '), changes);
    QCOMPARE(p.rows.size(), p.changes.size());
    // The stock is untouched by a preview.
    QCOMPARE(m_t->stock(u"A"_s).available, 10);
}

QTEST_GUILESS_MAIN(TestStockImportPreview)
#include "tst_stockimportpreview.moc"
