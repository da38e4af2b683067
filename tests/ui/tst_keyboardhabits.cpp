// The console's keyboard and habits (issue 15): every menu action has a shortcut and no two
// actions share one, file dialogs open in the folder used last, Undo takes back the last manual
// adjustment with a compensating one (audited), and a long import shows in the status bar with
// a progress bar and Cancel.
#include "guitestbase.h"
#include "stock/adjustdialog.h"
#include "stock/stockfiles.h"
#include "stock/stockmodel.h"
#include "stock/stockpanel.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "widgets/filedialogs.h"
#include "widgets/taskprogress.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestKeyboardHabits : public GuiTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTestCase(u"tst_keyboardhabits"_s); }
    void init() { initGuiTest(); }
    void cleanup() { cleanupGuiTest(); }

    void everyMenuActionHasItsOwnShortcut();
    void lastFolderIsRemembered();
    void undoTakesBackTheLastAdjustment();
    void importShowsProgressAndCancels();

private:
    qint64 available(const QString &sku) const;
};

qint64 TestKeyboardHabits::available(const QString &sku) const
{
    const StockModel *model = window()->stockPanel()->model();
    const StockRow *row = model->rowAt(model->rowOf(sku));
    return row ? row->available : -1;
}

void TestKeyboardHabits::everyMenuActionHasItsOwnShortcut()
{
    QVERIFY(startWindow(seededOptions(1)));
    QStringList missing;
    QHash<QKeySequence, QString> owners;
    QStringList clashes;
    const auto check = [&](QAction *action, bool needsShortcut) {
        if (action->isSeparator() || action->menu())
            return;
        if (needsShortcut && action->shortcuts().isEmpty())
            missing.append(action->text());
        for (const QKeySequence &key : action->shortcuts()) {
            const QString owner = owners.value(key);
            if (!owner.isEmpty() && owner != action->objectName())
                clashes.append(u"%1: %2 and %3"_s.arg(key.toString(), owner, action->objectName()));
            owners.insert(key, action->objectName());
        }
    };
    int menuActions = 0;
    for (QAction *menu : window()->menuBar()->actions()) {
        QVERIFY(menu->menu());
        for (QAction *action : menu->menu()->actions()) {
            QVERIFY2(action->isSeparator() || !action->objectName().isEmpty(),
                     qPrintable(action->text()));
            check(action, true);
            menuActions += action->isSeparator() ? 0 : 1;
        }
    }
    QVERIFY(menuActions >= 25);
    // Actions outside the menus (a view's context menu) may not take a menu action's keys.
    for (QAction *action : window()->findChildren<QAction *>())
        check(action, false);
    QVERIFY2(missing.isEmpty(), qPrintable(u"no shortcut: "_s + missing.join(u", "_s)));
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

void TestKeyboardHabits::lastFolderIsRemembered()
{
    QCOMPARE(FileDialogs::lastFolder(), QDir::homePath());
    QDir(dataDir()).mkdir(u"exports"_s);
    const QString folder = dataDir() + u"/exports"_s;
    FileDialogs::rememberFolder(folder + u"/stock.csv"_s);
    QCOMPARE(FileDialogs::lastFolder(), folder);
    FileDialogs::rememberFolder(QString()); // a cancelled dialog forgets nothing
    QCOMPARE(FileDialogs::lastFolder(), folder);
    QDir(folder).removeRecursively(); // gone since: back home
    QCOMPARE(FileDialogs::lastFolder(), QDir::homePath());
}

void TestKeyboardHabits::undoTakesBackTheLastAdjustment()
{
    const ConsoleWorker::Options options = seededOptions(2, 40);
    QVERIFY(startWindow(options));
    StockPanel *stock = window()->stockPanel();
    QTRY_COMPARE(stock->model()->rowCount(), 2);
    QAction *undo = action(u"actionUndoAdjust"_s);
    QVERIFY(undo && !undo->isEnabled());
    QVERIFY(stock->selectSku(u"SKU-0002"_s));
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<AdjustDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QSpinBox *>(u"adjustDelta"_s)->setValue(-7);
        dialog->findChild<QLineEdit *>(u"adjustReason"_s)->setText(u"damaged"_s);
        dialog->findChild<QPushButton *>(u"adjustOk"_s)->click();
    });
    QVERIFY(trigger(u"actionAdjust"_s));
    QTRY_COMPARE(available(u"SKU-0002"_s), 33);
    QTRY_VERIFY(undo->isEnabled());

    QSignalSpy finished(bridge(), &CoreBridge::adjustFinished);
    QCOMPARE(undo->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QVERIFY(trigger(u"actionUndoAdjust"_s));
    QVERIFY(finished.wait(10'000));
    QTRY_COMPARE(available(u"SKU-0002"_s), 40);
    QVERIFY(!undo->isEnabled()); // an undo is not undone
    QCOMPARE(available(u"SKU-0001"_s), 40);

    QString error;
    auto db = Database::open(options.databaseLocation, &error);
    QVERIFY2(db, qPrintable(error));
    InventoryStore::AuditFilter filter;
    filter.sku = u"SKU-0002"_s;
    filter.kind = MutationKind::Adjust;
    const auto audit = InventoryStore(*db).audit(filter);
    QVERIFY(audit);
    QCOMPARE(audit->size(), 2);
    QCOMPARE(audit->at(1).delta, 7);
    QCOMPARE(audit->at(1).reason, u"undo of the adjustment by -7: damaged"_s);
    QCOMPARE(audit->at(1).actor, u"console"_s);
}

void TestKeyboardHabits::importShowsProgressAndCancels()
{
    QVERIFY(startWindow(seededOptions(1)));
    const QString path = dataDir() + u"/stock.csv"_s;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sku,available\nSKU-0001,3\n");
    file.close();
    TaskProgress *progress = window()->taskProgress();
    QVERIFY(!progress->isVisibleTo(window()));
    window()->stockFiles()->importFrom(path);
    // The answer comes through the event loop: until then the status bar says what runs.
    QVERIFY(progress->isVisibleTo(window()));
    QCOMPARE(progress->text(), u"Reading stock.csv…"_s);
    QVERIFY(progress->findChild<QProgressBar *>(u"taskProgressBar"_s)->isVisibleTo(window()));
    auto *cancel = progress->findChild<QPushButton *>(u"taskProgressCancel"_s);
    QVERIFY(cancel && cancel->isVisibleTo(window()));
    QSignalSpy previewed(bridge(), &CoreBridge::stockImportPreviewed);
    cancel->click();
    QVERIFY(!progress->isVisibleTo(window()));
    QVERIFY(previewed.wait(10'000));
    QTest::qWait(50);
    QVERIFY(!window()->stockFiles()->previewDialog()); // the cancelled answer is dropped
    QCOMPARE(available(u"SKU-0001"_s), 40);
}

QTEST_MAIN(TestKeyboardHabits)
#include "tst_keyboardhabits.moc"
