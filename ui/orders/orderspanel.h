#pragma once

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace ChannelDesk {

class CoreBridge;
class OrderFilterProxy;
class OrderModel;

// The Orders tab: recent orders with their status, filtered by channel, status and SKU, the
// oversold ones and those with waiting lines first, with their resolve actions. The core thread
// reads the ledger; while the tab is shown it asks every couple of seconds and hears back only
// when an order changed. Double-clicking an order (or Timeline…) asks for its timeline.
class OrdersPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 2000;

    explicit OrdersPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    OrderModel *model() const { return m_model; }
    OrderFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }

public Q_SLOTS:
    void resolveOversoldSelected();
    void resolveLineSelected();
    void showTimelineSelected();
    // Only these orders (channel, order id), every other filter cleared, under a caption with a
    // "Show all orders" button; an empty list shows every order again.
    void showOnly(const QList<std::pair<QString, QString>> &orders, const QString &caption);

Q_SIGNALS:
    void timelineRequested(const QString &channel, const QString &orderId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    int currentSourceRow() const;
    void updateActions();
    void updateSummary();

    CoreBridge *m_bridge;
    OrderModel *m_model;
    OrderFilterProxy *m_proxy;
    QComboBox *m_channel;
    QComboBox *m_status;
    QLineEdit *m_sku;
    QLabel *m_summary;
    QWidget *m_focus; // the caption of showOnly() and its button
    QLabel *m_focusText;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTableView *m_view;
    QAction *m_resolveOversold;
    QAction *m_resolveLine;
    QAction *m_timeline;
    QTimer m_refresh;
    bool m_loaded = false;
    QString m_error;
};

} // namespace ChannelDesk
