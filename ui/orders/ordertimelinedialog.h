#pragma once

#include "store/ordertimeline.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace ChannelDesk {

class CoreBridge;

// One order's timeline, read on the core thread: its lines (ordered, applied, restocked,
// shipped, waiting, owed), everything that happened to it in time order with the stock
// versions it made, and every channel push that carried those versions (sent, acknowledged,
// lag, error). A snapshot: Refresh reads it again.
class OrderTimelineDialog : public QDialog
{
    Q_OBJECT
public:
    OrderTimelineDialog(CoreBridge *bridge, QString channel, QString orderId,
                        QWidget *parent = nullptr);

    const QString &channel() const { return m_channel; }
    const QString &orderId() const { return m_orderId; }
    void refresh();
    // Shows a timeline (what the core answered).
    void setTimeline(const ChannelDesk::OrderTimeline &timeline, const QString &error);

Q_SIGNALS:
    void timelineShown();

private:
    CoreBridge *m_bridge;
    QString m_channel;
    QString m_orderId;
    QLabel *m_title;
    QTableWidget *m_lines;
    QTableWidget *m_events;
    QTableWidget *m_pushes;
};

} // namespace ChannelDesk
