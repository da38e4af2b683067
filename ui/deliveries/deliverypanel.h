#pragma once

#include "console/consoletypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ChannelDesk {

class CoreBridge;
class DeliveryModel;

// The Deliveries tab (issue 11): every delivery the inbox kept, webhook or poll, newest first,
// with what the order path made of it, filtered by channel and status as `deliveries` is; the
// selected one's raw body and reason below; Replay puts a refused one back in the queue (after a
// fix: a mapping added, a SKU created), as `delivery-replay` does.
class DeliveryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DeliveryPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    DeliveryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

public Q_SLOTS:
    void replaySelected();
    void setChannels(const QList<ChannelDesk::ChannelRow> &channels);

private:
    void applyFilter();
    void showSelected();
    void setBacklog(qint64 backlog);
    void updateState();

    CoreBridge *m_bridge;
    DeliveryModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QComboBox *m_channel;
    QComboBox *m_status;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QLabel *m_count;
    QPushButton *m_replay;
    qint64 m_backlog = 0;
};

} // namespace ChannelDesk
