#pragma once

#include "console/consoletypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class QTreeView;

namespace ChannelDesk {

class CoreBridge;
class DeadLetterDetailPane;
class DeadLetterFilterProxy;
class DeadLetterGroupModel;
class DeadLetterModel;

// The Dead letters tab: the letters counted by channel and error on the left (selecting a
// channel or an error narrows the table), the queue, and the selected letter's attempts, the
// orders behind it and its history below; Retry selected / Retry all shown / Discard, and jumps
// to the letter's SKU (Stock tab) and to its orders (Orders tab). A retry sends the current
// quantity; the row shows "retrying" until the channel answers, then leaves or comes back dead.
class DeadLetterPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DeadLetterPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    DeadLetterModel *model() const { return m_model; }
    DeadLetterGroupModel *groups() const { return m_groups; }
    DeadLetterFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QTreeView *groupView() const { return m_groupView; }
    DeadLetterDetailPane *detailPane() const { return m_detail; }
    QSplitter *splitter() const { return m_splitter; }

public Q_SLOTS:
    void retrySelected();
    void retryAllShown();
    void discardSelected();
    // The current letter's SKU in the Stock tab; its orders in the Orders tab.
    void showSkuOfCurrent();
    void showOrdersOfCurrent();

Q_SIGNALS:
    void skuRequested(const QString &sku);
    // The orders (channel, order id) behind a letter, with a caption naming it.
    void ordersRequested(const QList<std::pair<QString, QString>> &orders, const QString &caption);
    void orderTimelineRequested(const QString &channel, const QString &orderId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QList<DeadLetterKey> selectedKeys() const;
    QList<DeadLetterKey> shownKeys() const;
    const DeadLetter *currentLetter() const;
    void applyGroup();
    void showDetail();
    void updateCount();
    void fitGroups();

    CoreBridge *m_bridge;
    DeadLetterModel *m_model;
    DeadLetterGroupModel *m_groups;
    DeadLetterFilterProxy *m_proxy;
    QTreeView *m_groupView;
    QLabel *m_count;
    QTableView *m_view;
    DeadLetterDetailPane *m_detail;
    QSplitter *m_splitter;
    QSplitter *m_sides;
    bool m_groupsFitted = false;
    QPushButton *m_showSku;
    QPushButton *m_showOrders;
    DeadLetterKey m_requested; // the letter whose detail was asked for last
};

} // namespace ChannelDesk
