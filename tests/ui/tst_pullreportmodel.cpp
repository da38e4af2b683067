// PullReportModel: the Import listings dialog's two tables of a pull report (listings on the
// channel only, new listings that show another quantity), numbers sortable as numbers, a listing
// with no SKU or no count said in words; a new report replaces the table.
#include "channels/pullreportmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ChannelDesk::PullReportModel::Table)

namespace {
PullReport report()
{
    PullReport r;
    r.channel = u"ebay"_s;
    r.unmatchedRemote = {{u"9001"_s, u"GIFT"_s, 1000, {}},
                         {u"9002"_s, {}, 4, {}},
                         {u"9003"_s, u"D"_s, std::nullopt, {}}};
    r.drift = {{u"ebay"_s, u"B"_s, u"102"_s, 9, 5}};
    return r;
}
} // namespace

class TestPullReportModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shape_data();
    void shape();
    void cells_data();
    void cells();
    void newReportReplacesTheTable();
};

void TestPullReportModel::shape_data()
{
    QTest::addColumn<PullReportModel::Table>("table");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QStringList>("headers");
    QTest::newRow("unmatched remote") << PullReportModel::Table::UnmatchedRemote << 3
                                      << QStringList {u"Remote id"_s, u"SKU"_s, u"Quantity"_s};
    QTest::newRow("drift") << PullReportModel::Table::Drift << 1
                           << QStringList {u"SKU"_s, u"Remote id"_s, u"Channel shows"_s,
                                           u"We would show"_s};
}

void TestPullReportModel::shape()
{
    QFETCH(PullReportModel::Table, table);
    QFETCH(int, rows);
    QFETCH(QStringList, headers);
    PullReportModel m(table);
    QAbstractItemModelTester tester(&m);
    QCOMPARE(m.rowCount(), 0);
    m.setReport(report());
    QCOMPARE(m.rowCount(), rows);
    QCOMPARE(m.columnCount(), int(headers.size()));
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(m.headerData(c, Qt::Horizontal).toString(), headers.at(c));
}

void TestPullReportModel::cells_data()
{
    QTest::addColumn<PullReportModel::Table>("table");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QVariant>("sort");
    const auto remote = PullReportModel::Table::UnmatchedRemote;
    const auto drift = PullReportModel::Table::Drift;
    QTest::newRow("remote id") << remote << 0 << 0 << u"9001"_s << QVariant(u"9001"_s);
    QTest::newRow("quantity as a number") << remote << 0 << 2 << u"1,000"_s << QVariant(1000LL);
    QTest::newRow("no SKU") << remote << 1 << 1 << u"(none)"_s << QVariant(QString());
    QTest::newRow("no count") << remote << 2 << 2 << u"no count"_s << QVariant(-1LL);
    QTest::newRow("drift sku") << drift << 0 << 0 << u"B"_s << QVariant(u"B"_s);
    QTest::newRow("channel shows") << drift << 0 << 2 << u"9"_s << QVariant(9LL);
    QTest::newRow("we would show") << drift << 0 << 3 << u"5"_s << QVariant(5LL);
}

void TestPullReportModel::cells()
{
    QFETCH(PullReportModel::Table, table);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(QVariant, sort);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    PullReportModel m(table);
    m.setReport(report());
    const QModelIndex i = m.index(row, column);
    QCOMPARE(i.data().toString(), display);
    QCOMPARE(i.data(PullReportModel::SortRole), sort);
}

void TestPullReportModel::newReportReplacesTheTable()
{
    PullReportModel m(PullReportModel::Table::Drift);
    QAbstractItemModelTester tester(&m);
    m.setReport(report());
    PullReport more = report();
    more.drift.append({u"ebay"_s, u"C"_s, u"103"_s, 0, 2});
    m.setReport(more);
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.index(1, 0).data().toString(), u"C"_s);
    m.clear();
    QCOMPARE(m.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestPullReportModel)
#include "tst_pullreportmodel.moc"
