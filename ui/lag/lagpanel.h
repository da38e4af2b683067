#pragma once

#include "console/consoletypes.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QChart;
class QChartView;
class QStackedWidget;
class QComboBox;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace ChannelDesk {

class CoreBridge;
class WhatIfPanel;

// The Lag tab: sync lag percentiles from the core LagMonitor over 5 min, 1 h or 24 h, either
// p99 of every channel or p50/p95/p99 of one, with the dashed 5-second threshold, or the
// distribution of the window as a histogram (share of each channel updates per lag bin).
// Clicking a legend entry hides or shows its series. Series are replaced whole on every refresh.
// Below the chart, the what-if of polling on the merchant's own orders (WhatIfPanel).
class LagPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr double kDefaultThresholdMs = 5000;
    // The dashed line: the p99 lag the alerts fire above (the config's "lag_p99_seconds").
    double thresholdMs() const { return m_thresholdMs; }

    explicit LagPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    QChart *chart() const { return m_chart; }
    QChart *histogramChart() const { return m_histogram; }
    WhatIfPanel *whatIf() const { return m_whatIf; }
    bool showsHistogram() const;
    void setShowsHistogram(bool histogram);
    qint64 windowMs() const;
    void refresh();

private:
    void setChannels(const QStringList &channels);
    void rebuildSeries();
    void showSeries(const ChannelDesk::LagSeriesSet &set);
    void showDistribution(const ChannelDesk::LagSeriesSet &set);
    QLineSeries *addSeries(const QString &name);

    CoreBridge *m_bridge;
    QComboBox *m_window;
    QComboBox *m_view;
    QStackedWidget *m_stack;
    QChartView *m_chartView;
    QChart *m_chart;
    QChartView *m_histogramView;
    QChart *m_histogram;
    QBarSeries *m_bars;
    QBarCategoryAxis *m_bins;
    QValueAxis *m_share;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QLineSeries *m_threshold = nullptr;
    double m_thresholdMs = kDefaultThresholdMs;
    QList<QLineSeries *> m_series;
    QHash<QString, bool> m_hidden; // series names the user switched off
    QTimer m_refresh;
    WhatIfPanel *m_whatIf;
};

} // namespace ChannelDesk
