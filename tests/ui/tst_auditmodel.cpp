// The Audit tab's table under QAbstractItemModelTester: one page of mutations replacing another,
// and an empty page.
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

QTEST_MAIN(TestAuditModel)
#include "tst_auditmodel.moc"
