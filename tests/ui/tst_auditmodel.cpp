// The Audit tab's table under QAbstractItemModelTester: one page of mutations replacing another,
// and an empty page; its CSV export is spreadsheet-safe (csvCell).
#include "audit/auditmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestAuditModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void auditModel();
    void csvIsSpreadsheetSafe_data();
    void csvIsSpreadsheetSafe();
};

namespace {

Mutation mutation(qint64 id, const QString &sku, qint64 delta)
{
    Mutation m;
    m.id = id;
    m.sku = sku;
    m.delta = delta;
    m.availableAfter = 10 + delta;
    m.version = id;
    m.kind = MutationKind::Order;
    m.channel = u"shop"_s;
    m.orderId = QString::number(1000 + id);
    m.atMs = 1'700'000'000'000 + id;
    return m;
}

} // namespace

void TestAuditModel::auditModel()
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMutations({mutation(1, u"A"_s, -1), mutation(2, u"B"_s, -2)});
    QCOMPARE(model.rowCount(), 2);
    model.setMutations({mutation(3, u"C"_s, 5)});
    QCOMPARE(model.rowCount(), 1);
    model.setMutations({});
    QCOMPARE(model.rowCount(), 0);
}

void TestAuditModel::csvIsSpreadsheetSafe_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << u"stock count"_s << u",stock count"_s;
    QTest::newRow("formula") << u"=HYPERLINK(1)"_s << u",'=HYPERLINK(1)"_s;
    QTest::newRow("at") << u"@cmd"_s << u",'@cmd"_s;
    QTest::newRow("comma after a plus") << u"+1,2"_s << u",\"'+1,2\""_s;
}

void TestAuditModel::csvIsSpreadsheetSafe()
{
    QFETCH(QString, reason);
    QFETCH(QString, cell);
    Mutation m = mutation(1, u"A"_s, -3);
    m.kind = MutationKind::Adjust;
    m.reason = reason;
    AuditModel model;
    model.setMutations({m});
    const QStringList lines = model.toCsv().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).contains(cell), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(u",-3,"_s), qPrintable(lines.at(1))); // a number stays one
}

QTEST_MAIN(TestAuditModel)
#include "tst_auditmodel.moc"
