#pragma once

#include "console/corebridge.h"
#include "mainwindow.h"

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QAction;

namespace ChannelDesk::Testing {

// The shared fixture of the window tests, after KeePassXC's GuiTestBase: the core bridge and the
// MainWindow over a seeded temporary database (or the demo), driven the way a user drives them,
// through the actions and widgets found by objectName. Settings live in QStandardPaths' test
// location and are cleared for every test. A warning or worse from any thread (a QObject
// parent across threads, a connection to a missing signal, a timer stopped from another
// thread...) fails the test in cleanup, after the window and the core thread are gone; only what
// the offscreen platform says it cannot do (raise a window, take size hints) is let through.
class GuiTestBase : public QObject
{
    Q_OBJECT
protected:
    // For the derived test's initTestCase(), init() and cleanup().
    void initGuiTestCase(const QString &testName);
    void initGuiTest();
    void cleanupGuiTest();

    // A temporary database with `skus` SKUs ("SKU-0001"...) of `available` each, imported through
    // the core (SyncEngine::importStock), and options that start the core on it: no channels
    // yet (a config file that does not exist), no local API, an in-memory keychain.
    ConsoleWorker::Options seededOptions(int skus = 25, qint64 available = 40);
    // The demo: simulated channels on loopback, a synthetic order stream, a temporary database;
    // a smaller catalogue than `channeldesk --demo` so that it starts quickly.
    static ConsoleWorker::Options demoOptions();
    // The demo injects faults on purpose: the core's own warnings about them (channeldesk.*
    // categories: dead letters, throttled order polls) do not fail the current test.
    void allowChannelDeskWarnings();

    // Builds the bridge and the window, shows it, starts the core and waits (bounded) for it.
    bool startWindow(const ConsoleWorker::Options &options);
    // Closes the window as the Quit action does, then destroys it and the bridge (which joins
    // the core thread). False if the window did not close.
    bool quitWindow();

    MainWindow *window() const { return m_window.get(); }
    CoreBridge *bridge() const { return m_bridge.get(); }
    QAction *action(const QString &objectName) const;
    // Triggers the named action; false if the window has none by that name or it is disabled.
    bool trigger(const QString &objectName);
    template<typename T> T *widget(const QString &objectName) const
    {
        return m_window ? m_window->findChild<T *>(objectName) : nullptr;
    }
    QString dataDir() const { return m_dir ? m_dir->path() : QString(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CoreBridge> m_bridge;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace ChannelDesk::Testing
