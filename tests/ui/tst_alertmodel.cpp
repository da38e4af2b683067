// The Alerts tab's table under QAbstractItemModelTester: alerts arriving, changing and clearing.
#include "alerts/alertmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestAlertModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void alertModel();
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

} // namespace

void TestAlertModel::alertModel()
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

QTEST_MAIN(TestAlertModel)
#include "tst_alertmodel.moc"
