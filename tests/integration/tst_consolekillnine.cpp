// Proof (issue 11), "the same for the console's core (kill the app)": the console, `channeldesk`
// offscreen with a config of one simulated WooCommerce shop, runs the same core as `serve` on its
// worker thread (the webhook listener on the config's address, the inbox, the drain, the
// propagator). It is SIGKILLed at random moments 10 times while signed webhooks arrive, and
// started again; then every delivery answered 200 is applied exactly once and every change is
// acknowledged by the channel or dead-lettered. The driver and the checks are
// tests/common/killnine.h, shared with tst_killnine (serve).
#include "killnine.h"

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleKillNine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_driver.tearDown(); }
    void answeredDeliveriesAreAppliedExactlyOnce();

private:
    KillNineDriver m_driver;
    QProcessEnvironment m_env;
    QTemporaryDir m_runtimeDir; // 0700, as Qt wants XDG_RUNTIME_DIR
};

void TestConsoleKillNine::initTestCase()
{
    m_driver.setUp();
    QVERIFY(m_runtimeDir.isValid());
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The user's settings, data and keychain stay untouched: no session bus, so the console
    // takes the channel's secrets from the environment the config names.
    const QString home = m_driver.dirPath() + u"/home"_s;
    m_env.insert(u"HOME"_s, home);
    m_env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    m_env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    m_env.insert(u"XDG_CACHE_HOME"_s, home + u"/cache"_s);
    m_env.insert(u"XDG_RUNTIME_DIR"_s, m_runtimeDir.path());
    m_env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
    // The core says where it listens (the config asks for any free port).
    m_env.insert(u"QT_MESSAGE_PATTERN"_s, u"%{category}: %{message}"_s);
    m_env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=false\nchanneldesk.runtime.info=true"_s);
}

void TestConsoleKillNine::answeredDeliveriesAreAppliedExactlyOnce()
{
    KillNineDriver::Launch console;
    console.program = QStringLiteral(CHANNELDESK_PATH);
    console.arguments = {u"--config"_s, m_driver.configPath(), u"--db"_s, m_driver.databasePath()};
    console.portLine = QRegularExpression(u"^channeldesk\\.runtime: listening on \\S+ (\\d+)$"_s);
    console.environment = m_env;
    console.portChannel = QProcess::StandardError; // the core says where it listens
    QProcess app;
    m_driver.prove(console, app);
    if (QTest::currentTestFailed())
        return;
    // The console has no clean stop but its window; the proof does not need one.
    app.kill();
    app.waitForFinished();
}

QTEST_GUILESS_MAIN(TestConsoleKillNine)
#include "tst_consolekillnine.moc"
