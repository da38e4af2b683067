#include "guitestbase.h"

#include "secrets/memorysecretstore.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QAction>
#include <QMutex>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk::Testing {

namespace {

// The warnings of the current test, from any thread.
QMutex warningsMutex;
QStringList warnings;
bool channelDeskWarningsAllowed = false;
QtMessageHandler previousHandler = nullptr;

// What the offscreen platform plugin says it cannot do for a window: it has no window manager.
bool offscreenLimit(const QString &message)
{
    static const QRegularExpression limit(
        u"^This plugin does not support (propagateSizeHints|raise)\\(\\)$"_s);
    return limit.match(message).hasMatch();
}

void recordWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && !offscreenLimit(message)) {
        const QString category = QString::fromLatin1(context.category);
        QMutexLocker lock(&warningsMutex);
        if (!channelDeskWarningsAllowed || !category.startsWith("channeldesk."_L1))
            warnings.append(u"%1: %2"_s.arg(category, message));
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

void GuiTestBase::initGuiTestCase(const QString &testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ChannelDeskTest"_s);
    QCoreApplication::setApplicationName(testName);
    QLocale::setDefault(QLocale::c());
}

void GuiTestBase::initGuiTest()
{
    {
        QMutexLocker lock(&warningsMutex);
        warnings.clear();
        channelDeskWarningsAllowed = false;
    }
    previousHandler = qInstallMessageHandler(recordWarnings);
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void GuiTestBase::cleanupGuiTest()
{
    // What goes wrong while the window and the core thread shut down counts too.
    m_window.reset();
    m_bridge.reset();
    m_dir.reset();
    qInstallMessageHandler(previousHandler);
    QMutexLocker lock(&warningsMutex);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void GuiTestBase::allowChannelDeskWarnings()
{
    QMutexLocker lock(&warningsMutex);
    channelDeskWarningsAllowed = true;
}

ConsoleWorker::Options GuiTestBase::seededOptions(int skus, qint64 available)
{
    ConsoleWorker::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    QString error;
    auto db = Database::open(options.databaseLocation, &error);
    if (!db)
        qFatal("cannot open the test database: %s", qPrintable(error));
    QList<StockImportRow> rows;
    for (int i = 1; i <= skus; ++i) {
        StockImportRow row;
        row.sku = u"SKU-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        row.available = available;
        rows.append(row);
    }
    if (!SyncEngine(*db).importStock(rows, u"test"_s, u"seed"_s).ok())
        qFatal("cannot seed the test database");
    options.configPath = m_dir->filePath(u"channeldesk.json"_s);
    options.configRequired = false;
    options.listen = false;
    auto keychain = std::make_shared<MemorySecretStore::Contents>();
    options.secretStore = [keychain] { return std::make_unique<MemorySecretStore>(keychain); };
    return options;
}

ConsoleWorker::Options GuiTestBase::demoOptions()
{
    ConsoleWorker::Options options;
    options.demo = true;
    options.demoOptions.skus = 200;
    return options;
}

bool GuiTestBase::startWindow(const ConsoleWorker::Options &options)
{
    m_bridge = std::make_unique<CoreBridge>(options);
    m_window = std::make_unique<MainWindow>(m_bridge.get());
    QSignalSpy started(m_bridge.get(), &CoreBridge::started);
    QSignalSpy failed(m_bridge.get(), &CoreBridge::startFailed);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    m_bridge->start();
    // The core opens its database on its own thread (and in the demo binds the simulators).
    return QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, 30'000) &&
        failed.isEmpty();
}

bool GuiTestBase::quitWindow()
{
    if (!m_window || !trigger(u"actionQuit"_s))
        return false;
    const bool closed = !m_window->isVisible();
    m_window.reset();
    m_bridge.reset();
    return closed;
}

QAction *GuiTestBase::action(const QString &objectName) const
{
    return m_window ? m_window->findChild<QAction *>(objectName) : nullptr;
}

bool GuiTestBase::trigger(const QString &objectName)
{
    QAction *a = action(objectName);
    if (!a || !a->isEnabled())
        return false;
    a->trigger();
    return true;
}

} // namespace ChannelDesk::Testing
