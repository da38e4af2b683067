// The whole window on GuiTestBase: the console starts over a seeded database and in demo mode
// (simulated channels, an order stream), shows the stock, opens every tab and the Settings
// dialog through their actions, quits through File > Quit and remembers the last tab. A Qt
// warning on the way (threads, connections, models) fails the test.
#include "guitestbase.h"
#include "settings/settingsdialog.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestMainWindowSmoke : public GuiTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTestCase(u"tst_mainwindow_smoke"_s); }
    void init() { initGuiTest(); }
    void cleanup() { cleanupGuiTest(); }

    void seededStartShowsTheStock();
    void everyTabAndTheSettingsOpen_data();
    void everyTabAndTheSettingsOpen();
    void lastTabIsRestored();

private:
    void openSettingsAndClose();
};

void TestMainWindowSmoke::seededStartShowsTheStock()
{
    QVERIFY(startWindow(seededOptions(25, 40)));
    auto *view = widget<QTableView>(u"stockView"_s);
    QVERIFY(view);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 25, 10'000);
    auto *connection = widget<QLabel>(u"statusConnection"_s);
    QVERIFY(connection);
    QVERIFY2(connection->text().startsWith(u"Connected: "_s), qPrintable(connection->text()));

    // Stock > Find SKU goes to the filter; typing narrows the table.
    QVERIFY(trigger(u"actionFind"_s));
    QCOMPARE(window()->tabs()->currentWidget()->objectName(), u"stockPanel"_s);
    auto *filter = widget<QLineEdit>(u"stockFilter"_s);
    QVERIFY(filter);
    QTest::keyClicks(filter, u"SKU-000"_s);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 9, 5'000); // SKU-0001 to SKU-0009
    QVERIFY(quitWindow());
}

void TestMainWindowSmoke::everyTabAndTheSettingsOpen_data()
{
    QTest::addColumn<bool>("demo");
    QTest::newRow("seeded database") << false;
    QTest::newRow("demo") << true;
}

void TestMainWindowSmoke::everyTabAndTheSettingsOpen()
{
    QFETCH(bool, demo);
    if (demo)
        allowChannelDeskWarnings();
    QVERIFY(startWindow(demo ? demoOptions() : seededOptions()));
    QCOMPARE(bridge()->info().demo, demo);
    if (demo) {
        // The simulated shops are connected and the order stream reaches the stock table.
        QCOMPARE(bridge()->info().channels.size(), 6);
        auto *view = widget<QTableView>(u"stockView"_s);
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, 20'000);
    }

    QTabWidget *tabs = window()->tabs();
    const QStringList names = window()->tabNames();
    QCOMPARE(names.size(), tabs->count());
    // Backwards, so that every action changes the tab (the window starts on the first one).
    for (qsizetype i = names.size() - 1; i >= 0; --i) {
        const QString name = u"actionShow-"_s + names.at(i);
        QVERIFY2(trigger(name), qPrintable(name));
        QCOMPARE(tabs->currentIndex(), int(i));
        QWidget *page = tabs->currentWidget();
        QVERIFY(page->isVisible());
        QVERIFY(!page->grab().isNull()); // painted offscreen, with whatever the core sent so far
    }
    openSettingsAndClose();
    QVERIFY(quitWindow());
}

void TestMainWindowSmoke::openSettingsAndClose()
{
    QVERIFY(trigger(u"actionSettings"_s));
    auto *dialog = window()->findChild<SettingsDialog *>(u"settingsDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // The dialog fills in from the core's answer (settingsLoaded).
    auto *keychain = dialog->findChild<QLabel *>(u"keychainStatus"_s);
    QVERIFY(keychain);
    QTRY_VERIFY_WITH_TIMEOUT(!keychain->text().isEmpty(), 10'000);
    auto *pages = dialog->findChild<QTabWidget *>(u"settingsTabs"_s);
    QVERIFY(pages);
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        QVERIFY(pages->currentWidget()->isVisible());
    }
    // A second Settings… raises the open dialog rather than opening another.
    QVERIFY(trigger(u"actionSettings"_s));
    QCOMPARE(window()->findChildren<SettingsDialog *>().size(), 1);
    auto *close = dialog->findChild<QPushButton *>(u"settingsClose"_s);
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(!window()->findChild<SettingsDialog *>()); // deleted on close
}

void TestMainWindowSmoke::lastTabIsRestored()
{
    const ConsoleWorker::Options options = seededOptions();
    QVERIFY(startWindow(options));
    QVERIFY(trigger(u"actionShow-audit"_s));
    QVERIFY(quitWindow());
    // The next start opens where the merchant left.
    QVERIFY(startWindow(options));
    QCOMPARE(window()->tabs()->currentWidget()->objectName(), u"auditPanel"_s);
    QVERIFY(quitWindow());
}

QTEST_MAIN(TestMainWindowSmoke)
#include "tst_mainwindow_smoke.moc"
