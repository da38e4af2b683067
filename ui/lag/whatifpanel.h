#pragma once

#include "metrics/whatif.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QSpinBox;
class QTableWidget;

namespace ChannelDesk {

class CoreBridge;

// The Lag tab's what-if, the seeds' argument on the merchant's own orders: had the shops polled
// every N minutes, how many orders per window would have been taken against stale stock, and how
// many with the lag this installation measured, worst windows first. The core thread replays the
// audit log (CoreBridge::requestWhatIf); the panel shows the answer for the interval and span it
// asked for, again when they change, when the tab is shown and every 15 seconds.
class WhatIfPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    int pollMinutes() const;
    int sinceDays() const;
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showReport(const ChannelDesk::WhatIf::Report &report, const QString &error);

    CoreBridge *m_bridge;
    QSpinBox *m_poll;
    QSpinBox *m_since;
    QLabel *m_span;
    QLabel *m_orders;
    QLabel *m_stalePolling;
    QLabel *m_staleMeasuredLabel;
    QLabel *m_staleMeasured;
    QTableWidget *m_worst;
    QTimer m_changed; // waits for the spin boxes to settle
    QTimer m_refresh;
};

} // namespace ChannelDesk
