// MainWindow's menus: every action has an objectName and a shortcut of its own
// (tst_mainwindow_shortcuts checks they are all there and all different), and the empty
// panels' buttons trigger the same actions.
#include "audit/auditpanel.h"
#include "channels/channelspanel.h"
#include "dlq/deadletterpanel.h"
#include "mainwindow.h"
#include "orders/orderspanel.h"
#include "stock/stockfiles.h"
#include "stock/stockpanel.h"
#include "widgets/emptystate.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QAction *addMenuAction(QMenu *menu, const QString &text, const QString &objectName,
                       const QKeySequence &shortcut)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    return action;
}

// A button of an empty panel that does what the menu action does.
void addEmptyButton(EmptyState *empty, const QString &text, const QString &objectName,
                    QAction *action)
{
    QPushButton *button = empty->addButton(text, objectName);
    button->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
}
} // namespace

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"menuFile"_s);
    QAction *importStock = addMenuAction(file, tr("&Import stock…"), u"actionImportStock"_s,
                                         QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(importStock, &QAction::triggered, m_stockFiles, &StockFiles::importStock);
    QAction *exportStock = addMenuAction(file, tr("E&xport stock…"), u"actionExportStock"_s,
                                         QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportStock, &QAction::triggered, m_stockFiles, &StockFiles::exportStock);
    QAction *exportAudit = addMenuAction(file, tr("&Export audit log…"), u"actionExportAudit"_s,
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(exportAudit, &QAction::triggered, m_audit, &AuditPanel::exportCsv);
    file->addSeparator();
    QAction *demo = addMenuAction(file, tr("Try the &demo"), u"actionTryDemo"_s,
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    demo->setToolTip(tr("Open a second window on simulated channels, in a temporary database"));
    connect(demo, &QAction::triggered, this, [this] {
        if (!QProcess::startDetached(QApplication::applicationFilePath(), {u"--demo"_s}))
            log(tr("The demo did not start"));
    });
    QAction *preferences = file->addAction(tr("&Settings…"));
    preferences->setObjectName(u"actionSettings"_s);
    QList<QKeySequence> preferenceKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!preferenceKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        preferenceKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setShortcuts(preferenceKeys);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::openSettings);
    file->addSeparator();
    QAction *quit =
        addMenuAction(file, tr("&Quit"), u"actionQuit"_s, QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *stock = menuBar()->addMenu(tr("&Stock"));
    stock->setObjectName(u"menuStock"_s);
    QAction *addSku = addMenuAction(stock, tr("Add a S&KU…"), u"actionAddSku"_s,
                                    QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(addSku, &QAction::triggered, m_stockFiles, &StockFiles::addSku);
    QAction *adjust = addMenuAction(stock, tr("&Adjust selected SKU…"), u"actionAdjust"_s,
                                    QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(adjust, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_stock);
        m_stock->adjustCurrent();
    });
    QAction *undo = addMenuAction(stock, tr("&Undo last adjustment"), u"actionUndoAdjust"_s,
                                  QKeySequence(Qt::CTRL | Qt::Key_Z));
    undo->setEnabled(false);
    connect(undo, &QAction::triggered, m_stock, &StockPanel::undoAdjustment);
    connect(m_stock, &StockPanel::undoAvailableChanged, undo, &QAction::setEnabled);
    QAction *find =
        addMenuAction(stock, tr("&Find SKU"), u"actionFind"_s, QKeySequence(QKeySequence::Find));
    connect(find, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_stock);
        m_stock->filterEdit()->setFocus();
        m_stock->filterEdit()->selectAll();
    });
    QAction *problems = addMenuAction(stock, tr("Only &problems"), u"actionOnlyProblems"_s,
                                      QKeySequence(Qt::CTRL | Qt::Key_P));
    problems->setCheckable(true);
    connect(problems, &QAction::toggled, m_stock->problemsToggle(), &QCheckBox::setChecked);
    connect(m_stock->problemsToggle(), &QCheckBox::toggled, problems, &QAction::setChecked);
    addEmptyButton(m_stock->emptyState(), tr("Import stock from CSV…"), u"emptyImportStock"_s,
                   importStock);
    addEmptyButton(m_stock->emptyState(), tr("Add a SKU…"), u"emptyAddSku"_s, addSku);
    addEmptyButton(m_stock->emptyState(), tr("Try the demo"), u"emptyTryDemo"_s, demo);

    QMenu *orders = menuBar()->addMenu(tr("&Orders"));
    orders->setObjectName(u"menuOrders"_s);
    orders->addActions(m_ordersPanel->actions());

    QMenu *channels = menuBar()->addMenu(tr("&Channels"));
    channels->setObjectName(u"menuChannels"_s);
    QAction *connectChannel =
        addMenuAction(channels, tr("&Connect a channel…"), u"actionConnectChannel"_s,
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(connectChannel, &QAction::triggered, this, &MainWindow::connectChannel);
    channels->addActions(m_channels->actions());
    connect(m_channels->findChild<QAction *>(u"actionImportListings"_s), &QAction::triggered, this,
            [this] { m_tabs->setCurrentWidget(m_channels); });
    addEmptyButton(m_channels->emptyState(), tr("Connect a channel…"), u"emptyConnectChannel"_s,
                   connectChannel);

    QMenu *dlq = menuBar()->addMenu(tr("&Dead letters"));
    dlq->setObjectName(u"menuDeadLetters"_s);
    QAction *retry = addMenuAction(dlq, tr("&Retry selected"), u"actionRetrySelected"_s,
                                   QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(retry, &QAction::triggered, m_deadLetters, &DeadLetterPanel::retrySelected);
    QAction *retryAll = addMenuAction(dlq, tr("Retry all &shown"), u"actionRetryAllShown"_s,
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(retryAll, &QAction::triggered, m_deadLetters, &DeadLetterPanel::retryAllShown);
    QAction *discard = addMenuAction(dlq, tr("&Discard selected…"), u"actionDiscard"_s,
                                     QKeySequence(Qt::CTRL | Qt::Key_Delete));
    connect(discard, &QAction::triggered, m_deadLetters, &DeadLetterPanel::discardSelected);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"menuView"_s);
    QToolBar *toolbar = addToolBar(tr("Panels"));
    toolbar->setObjectName(u"panelsToolBar"_s);
    toolbar->setMovable(false);
    for (int i = 0; i < m_tabs->count(); ++i) {
        // Ctrl+1 to Ctrl+9, then Ctrl+0 for the tenth tab.
        const QKeySequence key(Qt::CTRL | Qt::Key(i < 9 ? Qt::Key_1 + i : Qt::Key_0));
        QAction *go = addMenuAction(view, m_tabs->tabText(i).remove(u'&'),
                                    u"actionShow-%1"_s.arg(tabNames().value(i)), key);
        connect(go, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
        toolbar->addAction(go);
    }
    toolbar->addSeparator();
    toolbar->addAction(adjust);
    toolbar->addAction(retry);
    view->addSeparator();
    QAction *logToggle = findChild<QDockWidget *>(u"eventLogDock"_s)->toggleViewAction();
    logToggle->setObjectName(u"actionEventLog"_s);
    logToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(logToggle);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(u"menuHelp"_s);
    QAction *about = addMenuAction(help, tr("&About ChannelDesk"), u"actionAbout"_s,
                                   QKeySequence(QKeySequence::HelpContents));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About ChannelDesk"),
                           tr("<b>ChannelDesk %1</b><p>One source of truth for stock across "
                              "Shopify, WooCommerce, eBay and Amazon.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

} // namespace ChannelDesk
