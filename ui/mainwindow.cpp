#include "mainwindow.h"

#include "alerts/alertmodel.h"
#include "audit/auditpanel.h"
#include "channels/channelspanel.h"
#include "channels/connectchanneldialog.h"
#include "console/corebridge.h"
#include "deliveries/deliverypanel.h"
#include "dlq/deadletterpanel.h"
#include "drift/driftpanel.h"
#include "lag/lagpanel.h"
#include "orders/orderspanel.h"
#include "orders/ordertimelinedialog.h"
#include "quotes/quotepanel.h"
#include "settings/settingsdialog.h"
#include "stock/stockfiles.h"
#include "stock/stockpanel.h"
#include "widgets/emptystate.h"
#include "widgets/taskprogress.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTabWidget>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

MainWindow::MainWindow(CoreBridge *bridge, QWidget *parent)
    : QMainWindow(parent)
    , m_bridge(bridge)
    , m_tabs(new QTabWidget(this))
    , m_stock(new StockPanel(bridge, this))
    , m_ordersPanel(new OrdersPanel(bridge, this))
    , m_channels(new ChannelsPanel(bridge, this))
    , m_lag(new LagPanel(bridge, this))
    , m_deadLetters(new DeadLetterPanel(bridge, this))
    , m_quotes(new QuotePanel(bridge, this))
    , m_audit(new AuditPanel(bridge, this))
    , m_alerts(new AlertModel(this))
    , m_progress(new TaskProgress(this))
    , m_stockFiles(new StockFiles(bridge, m_stock, m_progress, this))
    , m_log(new QPlainTextEdit(this))
    , m_connection(new QLabel(tr("Starting the core…"), this))
    , m_orders(new QLabel(this))
    , m_lagLabel(new QLabel(this))
    , m_dlq(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("ChannelDesk"));
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->addTab(m_stock, tr("&Stock"));
    m_tabs->addTab(m_ordersPanel, tr("&Orders"));
    m_tabs->addTab(m_channels, tr("&Channels"));
    m_tabs->addTab(m_lag, tr("&Lag"));
    m_tabs->addTab(m_deadLetters, tr("&Dead letters"));
    m_tabs->addTab(new DriftPanel(bridge, this), tr("Dr&ift"));
    m_tabs->addTab(new DeliveryPanel(bridge, this), tr("D&eliveries"));
    m_tabs->addTab(m_quotes, tr("Carrier &quotes"));
    m_tabs->addTab(m_audit, tr("A&udit"));
    auto *alertsView = new QTableView(this);
    alertsView->setObjectName(u"alertsView"_s);
    alertsView->setModel(m_alerts);
    alertsView->verticalHeader()->hide();
    alertsView->horizontalHeader()->setStretchLastSection(false);
    for (int column :
         {AlertModel::Severity, AlertModel::Rule, AlertModel::Channel, AlertModel::Since})
        alertsView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    alertsView->horizontalHeader()->setSectionResizeMode(AlertModel::Message, QHeaderView::Stretch);
    alertsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *alertsEmpty = new EmptyState(alertsView, m_alerts, this);
    alertsEmpty->setTitle(tr("No alerts"));
    alertsEmpty->setText(tr("A slow or failing channel, an oversold order, an unknown SKU or a "
                            "dead letter raises an alert here, in the status bar and as a "
                            "notification, as soon as it happens."));
    m_tabs->addTab(alertsEmpty, tr("Ale&rts"));
    setCentralWidget(m_tabs);

    auto *logDock = new QDockWidget(tr("Event log"), this);
    logDock->setObjectName(u"eventLogDock"_s);
    m_log->setObjectName(u"eventLog"_s);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);

    for (QLabel *label : {m_connection, m_orders, m_lagLabel, m_dlq})
        label->setContentsMargins(8, 0, 8, 0);
    m_connection->setObjectName(u"statusConnection"_s);
    m_orders->setObjectName(u"statusOrders"_s);
    m_lagLabel->setObjectName(u"statusLag"_s);
    m_dlq->setObjectName(u"statusDeadLetters"_s);
    statusBar()->addWidget(m_connection, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_orders);
    statusBar()->addPermanentWidget(m_lagLabel);
    statusBar()->addPermanentWidget(m_dlq);

    createActions();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        // The app's own icon; windows built without one (tests) fall back to a standard icon.
        const QIcon appIcon = QApplication::windowIcon();
        m_tray = new QSystemTrayIcon(
            appIcon.isNull() ? style()->standardIcon(QStyle::SP_ComputerIcon) : appIcon, this);
        m_tray->setObjectName(u"trayIcon"_s);
        m_tray->setToolTip(tr("ChannelDesk"));
        m_tray->show();
    }

    if (m_bridge) {
        connect(m_bridge, &CoreBridge::started, this, [this](const ConsoleInfo &info) {
            m_lagThresholdMs = info.alerts.lagP99Seconds * 1000.0;
            m_connection->setText(info.demo ? tr("Demo: %n simulated channel(s), database %1",
                                                 nullptr, int(info.channels.size()))
                                                  .arg(info.databaseLocation)
                                            : tr("Connected: %n channel(s), database %1", nullptr,
                                                 int(info.channels.size()))
                                                  .arg(info.databaseLocation));
            m_bridge->refreshDeadLetters();
            m_audit->load();
        });
        connect(m_bridge, &CoreBridge::startFailed, this, [this](const QString &error) {
            m_connection->setText(tr("Not connected: %1").arg(error));
            log(tr("The core did not start: %1").arg(error));
            QMessageBox::critical(this, tr("ChannelDesk"),
                                  tr("The sync core did not start:\n%1").arg(error));
        });
        connect(m_bridge, &CoreBridge::statusChanged, this, &MainWindow::onStatus);
        connect(m_bridge, &CoreBridge::alertsChanged, m_alerts, &AlertModel::setAlerts);
        connect(m_bridge, &CoreBridge::alertsChanged, this,
                [this, alertsEmpty](const QList<Alert> &alerts) {
                    m_tabs->setTabText(m_tabs->indexOf(alertsEmpty),
                                       alerts.isEmpty() ? tr("Ale&rts")
                                                        : tr("Ale&rts (%1)").arg(alerts.size()));
                });
        connect(m_bridge, &CoreBridge::alertRaised, this, &MainWindow::onAlertRaised);
        connect(m_bridge, &CoreBridge::logMessage, this, &MainWindow::log);
        connect(m_stockFiles, &StockFiles::finished, this, &MainWindow::log);
        // A listing pull in the status bar, with Cancel, while it reads the catalogue.
        connect(m_bridge, &CoreBridge::listingPullProgress, this,
                [this](quint64 requestId, int listingsRead) {
                    if (m_pullRequest != requestId) {
                        m_pullRequest = requestId;
                        m_pullTask = m_progress->begin(QString(), [this, requestId] {
                            m_bridge->cancelListingPull(requestId);
                        });
                    }
                    m_progress->update(m_pullTask,
                                       tr("Reading listings: %L1 so far…").arg(listingsRead), 0, 0);
                });
        connect(m_bridge, &CoreBridge::listingPullFinished, this,
                [this](const ListingPullAnswer &answer) {
                    if (answer.requestId == m_pullRequest)
                        m_progress->finish(m_pullTask);
                });
    }
    connect(m_ordersPanel, &OrdersPanel::timelineRequested, this, &MainWindow::openOrderTimeline);
    connect(m_audit, &AuditPanel::orderTimelineRequested, this, &MainWindow::openOrderTimeline);
    connect(m_quotes, &QuotePanel::orderTimelineRequested, this, &MainWindow::openOrderTimeline);
    connect(m_deadLetters, &DeadLetterPanel::orderTimelineRequested, this,
            &MainWindow::openOrderTimeline);
    connect(m_deadLetters, &DeadLetterPanel::skuRequested, this, [this](const QString &sku) {
        m_tabs->setCurrentWidget(m_stock);
        m_stock->selectSku(sku);
    });
    connect(m_deadLetters, &DeadLetterPanel::ordersRequested, this,
            [this](const QList<std::pair<QString, QString>> &orders, const QString &caption) {
                m_tabs->setCurrentWidget(m_ordersPanel);
                m_ordersPanel->showOnly(orders, caption);
            });
    connect(m_stock, &StockPanel::historyRequested, this, [this](const QString &sku) {
        m_audit->showSku(sku);
        m_tabs->setCurrentWidget(m_audit);
    });
    restoreSettings();
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::tabNames() const
{
    return {u"stock"_s, u"orders"_s,     u"channels"_s, u"lag"_s,   u"dead-letters"_s,
            u"drift"_s, u"deliveries"_s, u"quotes"_s,   u"audit"_s, u"alerts"_s};
}

void MainWindow::openOrderTimeline(const QString &channel, const QString &orderId)
{
    const QList<OrderTimelineDialog *> open = findChildren<OrderTimelineDialog *>();
    for (OrderTimelineDialog *dialog : open) {
        if (dialog->channel() == channel && dialog->orderId() == orderId) {
            dialog->refresh();
            dialog->raise();
            dialog->activateWindow();
            return;
        }
    }
    auto *dialog = new OrderTimelineDialog(m_bridge, channel, orderId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::openSettings()
{
    if (auto *open = findChild<SettingsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_bridge, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::connectChannel()
{
    m_tabs->setCurrentWidget(m_channels);
    if (auto *open = findChild<ConnectChannelDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new ConnectChannelDialog(m_bridge, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Connected: read its listings and show what mapping would do, drift included, before
    // anything is sent (Import listings' dry look).
    connect(dialog, &ConnectChannelDialog::channelSaved, this, [this](const QString &channel) {
        log(tr("%1 connected: reading its listings").arg(channel));
        m_channels->importListingsOf(channel);
    });
    dialog->open();
}

void MainWindow::onStatus(const ConsoleStatus &status)
{
    m_orders->setText(tr("%L1 orders/s").arg(status.ordersPerSecond, 0, 'f', 1));
    m_lagLabel->setText(status.worstChannel.isEmpty()
                            ? tr("worst p99: \u2014")
                            : tr("worst p99: %L1 s (%2)")
                                  .arg(status.worstP99Ms / 1000.0, 0, 'f', 2)
                                  .arg(status.worstChannel));
    m_lagLabel->setStyleSheet(
        status.worstP99Ms > m_lagThresholdMs ? u"color: #b01c1c; font-weight: bold"_s : QString());
    m_dlq->setText(tr("dead letters: %1  pending: %2").arg(status.deadLetters).arg(status.pending));
}

void MainWindow::onAlertRaised(const Alert &alert)
{
    log(tr("Alert: %1").arg(alert.message));
    if (m_tray)
        m_tray->showMessage(tr("ChannelDesk alert"), alert.message,
                            alert.severity == AlertSeverity::Critical ? QSystemTrayIcon::Critical
                                                                      : QSystemTrayIcon::Warning);
}

void MainWindow::log(const QString &message)
{
    m_log->appendPlainText(
        u"%1  %2"_s.arg(QDateTime::currentDateTime().toString(u"HH:mm:ss"_s), message));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    if (!restoreGeometry(settings.value(u"geometry"_s).toByteArray()))
        resize(1400, 860);
    if (!restoreState(settings.value(u"state"_s).toByteArray()))
        resizeDocks({findChild<QDockWidget *>(u"eventLogDock"_s)}, {110}, Qt::Vertical);
    m_deadLetters->splitter()->restoreState(settings.value(u"dlqSplitter"_s).toByteArray());
    m_quotes->splitter()->restoreState(settings.value(u"quotesSplitter"_s).toByteArray());
    m_stock->view()->horizontalHeader()->restoreState(
        settings.value(u"stockHeader2"_s).toByteArray());
    m_tabs->setCurrentIndex(settings.value(u"tab"_s, 0).toInt());
    settings.endGroup();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, saveState());
    settings.setValue(u"dlqSplitter"_s, m_deadLetters->splitter()->saveState());
    settings.setValue(u"quotesSplitter"_s, m_quotes->splitter()->saveState());
    settings.setValue(u"stockHeader2"_s, m_stock->view()->horizontalHeader()->saveState());
    settings.setValue(u"tab"_s, m_tabs->currentIndex());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

} // namespace ChannelDesk
