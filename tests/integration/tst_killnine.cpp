// Proof (issue 11): `serve` killed with SIGKILL at random moments, 10 times, and started again,
// with a driver sending signed WooCommerce webhooks the way the channel does (again until it
// hears 200) and the simulator as the channel stock is pushed to. Every delivery answered 200 is
// applied exactly once, and every change is acknowledged by the channel or dead-lettered. The
// driver and the checks are tests/common/killnine.h, shared with tst_consolekillnine.
#include "killnine.h"

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestKillNine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_driver.setUp(); }
    void cleanupTestCase() { m_driver.tearDown(); }
    void answeredDeliveriesAreAppliedExactlyOnce();

private:
    KillNineDriver m_driver;
};

void TestKillNine::answeredDeliveriesAreAppliedExactlyOnce()
{
    QProcess serve;
    m_driver.prove(
        {QStringLiteral(CHANNELDESK_CLI),
         {u"serve"_s, u"--config"_s, m_driver.configPath(), u"--db"_s, m_driver.databasePath()},
         QRegularExpression(u"serving .* http://[^ ]+:(\\d+)"_s)},
        serve);
    if (QTest::currentTestFailed())
        return;
    // The last run stops cleanly.
    serve.terminate();
    QVERIFY(serve.waitForFinished(30'000));
    QCOMPARE(serve.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestKillNine)
#include "tst_killnine.moc"
