#pragma once

#include "console/consoletypes.h"

#include <QMainWindow>

class QLabel;
class QPlainTextEdit;
class QSystemTrayIcon;
class QTabWidget;

namespace ChannelDesk {

class AlertModel;
class AuditPanel;
class ChannelsPanel;
class CoreBridge;
class DeadLetterPanel;
class LagPanel;
class OrdersPanel;
class QuotePanel;
class StockFiles;
class StockPanel;
class TaskProgress;

// The console window: one tab per panel, an event log dock, and a status bar with the
// connection, orders per second, the worst p99 lag and the dead-letter depth. Talks to the core
// only through the CoreBridge it is given. Geometry, dock layout, splitter, column widths and
// the last tab persist in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(CoreBridge *bridge, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *tabs() const { return m_tabs; }
    StockPanel *stockPanel() const { return m_stock; }
    DeadLetterPanel *deadLetterPanel() const { return m_deadLetters; }
    LagPanel *lagPanel() const { return m_lag; }
    QuotePanel *quotePanel() const { return m_quotes; }
    OrdersPanel *ordersPanel() const { return m_ordersPanel; }
    ChannelsPanel *channelsPanel() const { return m_channels; }
    AuditPanel *auditPanel() const { return m_audit; }
    StockFiles *stockFiles() const { return m_stockFiles; }
    TaskProgress *taskProgress() const { return m_progress; }
    // Opens (or raises) the timeline dialog of an order.
    void openOrderTimeline(const QString &channel, const QString &orderId);
    // Stable names of the tabs ("stock", "channels", ...), for screenshots.
    QStringList tabNames() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void openSettings();
    void connectChannel();
    void restoreSettings();
    void saveSettings() const;
    void onStatus(const ChannelDesk::ConsoleStatus &status);
    void onAlertRaised(const ChannelDesk::Alert &alert);
    void log(const QString &message);

    CoreBridge *m_bridge;
    QTabWidget *m_tabs;
    StockPanel *m_stock;
    OrdersPanel *m_ordersPanel;
    ChannelsPanel *m_channels;
    LagPanel *m_lag;
    DeadLetterPanel *m_deadLetters;
    QuotePanel *m_quotes;
    AuditPanel *m_audit;
    AlertModel *m_alerts;
    TaskProgress *m_progress;
    StockFiles *m_stockFiles;
    quint64 m_pullRequest = 0; // the listing pull the status bar shows
    quint64 m_pullTask = 0;
    QPlainTextEdit *m_log;
    QLabel *m_connection;
    QLabel *m_orders;
    QLabel *m_lagLabel;
    double m_lagThresholdMs = 5000; // the p99 lag alert threshold, from the config once started
    QLabel *m_dlq;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace ChannelDesk
