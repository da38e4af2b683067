// The quote table: the model checker while answers are set and replaced, the row order (chosen,
// ranked by score, dropped, errors), greyed dropped rows and errors with their reasons, and the
// sentence that explains the choice.
#include "quotes/quotemodel.h"
#include "quotetestdata.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QFont>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Test;
using namespace Qt::StringLiterals;

class TestQuoteModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void passesModelTester();
    void rowsSortedByScoreWithChosenFirst();
    void rows_data();
    void rows();
    void explanation_data();
    void explanation();

private:
    static QString cell(const QuoteModel &model, int row, int column, int role = Qt::DisplayRole)
    {
        return model.index(row, column).data(role).toString();
    }
};

void TestQuoteModel::passesModelTester()
{
    QuoteModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(QuoteModel::SortRole);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(QuoteModel::Count));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setResult(sampleQuoteResult());
    QCOMPARE(model.rowCount(), 7); // 5 quotes and 2 errors
    proxy.sort(QuoteModel::Score, Qt::DescendingOrder);
    proxy.sort(QuoteModel::Delivery);

    QuoteResult smaller = sampleQuoteResult();
    smaller.quotes.remove(0, 3);
    smaller.errors.clear();
    model.setResult(smaller);
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasResult());
    model.setResult(sampleQuoteResult());
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(reset.count(), 4);
    for (int column = 0; column < QuoteModel::Count; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void TestQuoteModel::rowsSortedByScoreWithChosenFirst()
{
    QuoteModel model;
    model.setResult(sampleQuoteResult());
    const QStringList expected {u"shippo/Priority Mail"_s,
                                u"ups/Ground"_s,
                                u"easypost/Priority"_s,
                                u"fedex/FedEx Ground"_s,
                                u"fedex/FedEx Express Saver"_s,
                                u"easypost/"_s,
                                u"fedex/"_s};
    QStringList actual;
    for (int row = 0; row < model.rowCount(); ++row)
        actual.append(cell(model, row, QuoteModel::Source) + u'/' +
                      cell(model, row, QuoteModel::Service));
    QCOMPARE(actual, expected);

    // Qualifying quotes climb in score; the chosen one has the lowest.
    double previous = 0;
    for (int row = 0; row < 3; ++row) {
        const double score =
            model.index(row, QuoteModel::Score).data(QuoteModel::SortRole).toDouble();
        QVERIFY2(score > previous, qPrintable(u"row %1"_s.arg(row)));
        previous = score;
    }
    QCOMPARE(model.index(0, 0).data(QuoteModel::FateRole).toInt(),
             int(QuoteModel::RowKind::Chosen));
    QCOMPARE(cell(model, 0, QuoteModel::Fate), u"Chosen"_s);
    QCOMPARE(cell(model, 1, QuoteModel::Fate), u"Ranked #2"_s);
    QCOMPARE(cell(model, 0, QuoteModel::Score), u"10.94"_s);
    QCOMPARE(cell(model, 0, QuoteModel::Reliability), u"90%"_s);
    QCOMPARE(cell(model, 0, QuoteModel::Cost), u"9.85"_s);
    QCOMPARE(cell(model, 0, QuoteModel::Currency), u"USD"_s);
    QCOMPARE(cell(model, 0, QuoteModel::MeetsPromise), u"Yes"_s);
    QCOMPARE(cell(model, 3, QuoteModel::MeetsPromise), u"No"_s);
    QCOMPARE(cell(model, 0, QuoteModel::Delivery), u"Thu 2026-12-03"_s);
}

void TestQuoteModel::rows_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("greyed");
    QTest::addColumn<QString>("reason");

    QTest::newRow("chosen") << 0 << int(QuoteModel::RowKind::Chosen) << false
                            << u"27 of 30 deliveries to US-941 on time"_s;
    QTest::newRow("ranked") << 1 << int(QuoteModel::RowKind::Ranked) << false
                            << u"27 of 30 deliveries to US-941 on time"_s;
    QTest::newRow("late") << 3 << int(QuoteModel::RowKind::Dropped) << true
                          << u"Late: arrives Mon 2026-12-07, promised Fri 2026-12-04"_s;
    QTest::newRow("no estimate") << 4 << int(QuoteModel::RowKind::Dropped) << true
                                 << u"No delivery estimate"_s;
    QTest::newRow("aggregator error")
        << 5 << int(QuoteModel::RowKind::Error) << true
        << u"No service: Account not enabled for domestic US shipments."_s;
    QTest::newRow("timeout") << 6 << int(QuoteModel::RowKind::Error) << true
                             << u"Timed out: no answer within the 2500 ms deadline"_s;
}

void TestQuoteModel::rows()
{
    QFETCH(int, row);
    QFETCH(int, kind);
    QFETCH(bool, greyed);
    QFETCH(QString, reason);
    QuoteModel model;
    model.setResult(sampleQuoteResult());
    QCOMPARE(model.index(row, 0).data(QuoteModel::FateRole).toInt(), kind);
    QCOMPARE(cell(model, row, QuoteModel::Reason), reason);
    for (int column = 0; column < QuoteModel::Count; ++column) {
        const QVariant foreground = model.index(row, column).data(Qt::ForegroundRole);
        if (greyed)
            QCOMPARE(foreground.value<QBrush>().color(), QuoteModel::droppedForeground());
        else
            QVERIFY(!foreground.isValid());
        const bool chosen = kind == int(QuoteModel::RowKind::Chosen);
        QCOMPARE(model.index(row, column).data(Qt::FontRole).value<QFont>().bold(), chosen);
        QCOMPARE(model.index(row, column).data(Qt::BackgroundRole).value<QBrush>().color() ==
                     QuoteModel::chosenBackground(),
                 chosen);
    }
}

void TestQuoteModel::explanation_data()
{
    QTest::addColumn<QuoteResult>("result");
    QTest::addColumn<QStringList>("says");

    QTest::newRow("chosen") << sampleQuoteResult()
                            << QStringList {u"USPS Priority Mail via shippo chosen"_s,
                                            u"9.85 USD"_s,
                                            u"90% on time to US-941"_s,
                                            u"scores 10.94"_s,
                                            u"the lowest of 3 qualifying quotes"_s,
                                            u"2 dropped"_s,
                                            u"2 carrier errors"_s};
    QuoteResult direct = sampleQuoteResult();
    direct.quotes = {direct.quotes.at(4)}; // UPS Ground, from UPS itself
    direct.quotes[0].fate = QuoteFate::Chosen;
    direct.errors.clear();
    QTest::newRow("carrier's own API")
        << direct
        << QStringList {u"UPS Ground chosen: 12.40 USD"_s, u"the only qualifying quote."_s};
    QuoteResult none = sampleQuoteResult();
    none.quotes = {none.quotes.at(0), none.quotes.at(2)};
    QTest::newRow("none qualified")
        << none
        << QStringList {u"No quote qualified"_s, u"all 2 quotes were dropped"_s,
                        u"2 carrier errors"_s};
    QTest::newRow("no carriers") << QuoteResult() << QStringList {u"no carrier is configured"_s};
}

void TestQuoteModel::explanation()
{
    QFETCH(QuoteResult, result);
    QFETCH(QStringList, says);
    const QString sentence = QuoteModel::explanation(result);
    for (const QString &part : std::as_const(says))
        QVERIFY2(sentence.contains(part), qPrintable(sentence + u" lacks: "_s + part));
}

QTEST_MAIN(TestQuoteModel)
#include "tst_quotemodel.moc"
