// DriftModel: a new snapshot is merged in (removed, changed, inserted in order), never reset, so
// the Drift view keeps its selection across scheduled reconciliations.
#include "drift/driftmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
DriftRow row(const QString &channel, const QString &sku, qint64 shown, qint64 expected)
{
    return {channel, sku, sku + u"-id"_s, shown, expected, 1000, 1000, 1};
}
} // namespace

class TestDriftModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columns();
    void mergeKeepsRowsAndSignalsDeltas();
    void mergeOrder_data();
    void mergeOrder();
};

void TestDriftModel::columns()
{
    DriftModel m;
    QAbstractItemModelTester tester(&m);
    m.setRows({row(u"shop"_s, u"A"_s, 7, 10)});
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.columnCount(), int(DriftModel::Count));
    QCOMPARE(m.index(0, DriftModel::Channel).data().toString(), u"shop"_s);
    QCOMPARE(m.index(0, DriftModel::Sku).data().toString(), u"A"_s);
    QCOMPARE(m.index(0, DriftModel::RemoteId).data().toString(), u"A-id"_s);
    QCOMPARE(m.index(0, DriftModel::Shown).data().toString(), u"7"_s);
    QCOMPARE(m.index(0, DriftModel::Expected).data().toString(), u"10"_s);
    QCOMPARE(m.index(0, DriftModel::Since).data(DriftModel::SortRole).toLongLong(), 1000);
    QCOMPARE(m.index(0, 0).data(DriftModel::KeySkuRole).toString(), u"A"_s);
    QCOMPARE(m.headerData(DriftModel::Expected, Qt::Horizontal).toString(), u"Expected"_s);
}

void TestDriftModel::mergeKeepsRowsAndSignalsDeltas()
{
    DriftModel m;
    QAbstractItemModelTester tester(&m);
    m.setRows({row(u"ebay"_s, u"A"_s, 1, 2), row(u"shop"_s, u"B"_s, 3, 4)});
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    // A fixed, B shows another number now, C is new.
    m.setRows({row(u"shop"_s, u"B"_s, 5, 4), row(u"shop"_s, u"C"_s, 0, 9)});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m.rowAt(0)->sku, u"B"_s);
    QCOMPARE(m.rowAt(0)->shown, 5);
    QCOMPARE(m.rowAt(1)->sku, u"C"_s);
    // The same snapshot again: nothing.
    m.setRows({row(u"shop"_s, u"B"_s, 5, 4), row(u"shop"_s, u"C"_s, 0, 9)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 1);
}

void TestDriftModel::mergeOrder_data()
{
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("second");
    QTest::newRow("empty to some") << QStringList {} << QStringList {u"a"_s, u"c"_s};
    QTest::newRow("some to empty") << QStringList {u"a"_s, u"b"_s} << QStringList {};
    QTest::newRow("interleaved") << QStringList {u"b"_s, u"d"_s}
                                 << QStringList {u"a"_s, u"b"_s, u"c"_s, u"e"_s};
    QTest::newRow("unsorted input") << QStringList {u"d"_s, u"a"_s} << QStringList {u"c"_s, u"a"_s};
}

void TestDriftModel::mergeOrder()
{
    QFETCH(QStringList, first);
    QFETCH(QStringList, second);
    DriftModel m;
    QAbstractItemModelTester tester(&m);
    auto rows = [](const QStringList &skus) {
        QList<DriftRow> out;
        for (const QString &s : skus)
            out.append(row(u"shop"_s, s, 1, 2));
        return out;
    };
    m.setRows(rows(first));
    m.setRows(rows(second));
    QStringList got;
    for (const DriftRow &r : m.rows())
        got.append(r.sku);
    QStringList expected = second;
    expected.sort();
    QCOMPARE(got, expected);
}

QTEST_MAIN(TestDriftModel)
#include "tst_driftmodel.moc"
