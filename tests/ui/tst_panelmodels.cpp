// Every table model of the console under QAbstractItemModelTester, through the updates the core
// sends: first load, in-place changes, rows arriving and leaving, and an empty set.
#include "alerts/alertmodel.h"
#include "audit/auditmodel.h"
#include "channels/channelmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestPanelModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void alertModel();
    void channelModel();
    void channelModelUpdatesInPlace();
    void auditModel();
};

namespace {

Alert alert(AlertRule rule, const QString &channel, const QString &message)
{
    Alert a;
    a.rule = rule;
    a.channel = channel;
    a.key = channel.isEmpty() ? QString::number(int(rule))
                              : QString::number(int(rule)) + u':' + channel;
    a.message = message;
    a.sinceMs = 1'700'000'000'000;
    a.severity =
        rule == AlertRule::OversellAttempt ? AlertSeverity::Critical : AlertSeverity::Warning;
    return a;
}

ChannelRow channel(const QString &id, double p99Ms)
{
    ChannelRow r;
    r.id = id;
    r.type = u"shopify"_s;
    r.stats.count = 10;
    r.stats.p50Ms = p99Ms / 4;
    r.stats.p95Ms = p99Ms / 2;
    r.stats.p99Ms = p99Ms;
    r.rate = 2;
    r.tokens = 1;
    return r;
}

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

void TestPanelModels::alertModel()
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAlerts({alert(AlertRule::LagP99, u"ebay"_s, u"slow"_s),
                     alert(AlertRule::OversellAttempt, {}, u"refused"_s)});
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.index(0, AlertModel::Message).data().toString().isEmpty());
    model.setAlerts({alert(AlertRule::OversellAttempt, {}, u"refused again"_s)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, AlertModel::Message).data().toString(), u"refused again"_s);
    model.setAlerts({});
    QCOMPARE(model.rowCount(), 0);
}

void TestPanelModels::channelModel()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({channel(u"a"_s, 100), channel(u"b"_s, 7000)});
    QCOMPARE(model.rowCount(), 2);
    model.setRows({channel(u"a"_s, 120), channel(u"b"_s, 200), channel(u"c"_s, 10)});
    QCOMPARE(model.rowCount(), 3);
    model.setRows({channel(u"c"_s, 10)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, 0), ChannelModel::ChannelIdRole).toString(), u"c"_s);
}

void TestPanelModels::channelModelUpdatesInPlace()
{
    // The figures refresh twice a second: the same channels must not reset the view (which
    // would drop the selection the Pause/Resume buttons act on).
    ChannelModel model;
    model.setRows({channel(u"a"_s, 100), channel(u"b"_s, 200)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRows({channel(u"a"_s, 150), channel(u"b"_s, 200)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QVERIFY(changed.count() >= 1);
}

void TestPanelModels::auditModel()
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

QTEST_MAIN(TestPanelModels)
#include "tst_panelmodels.moc"
