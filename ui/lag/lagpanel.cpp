#include "lag/lagpanel.h"

#include "console/corebridge.h"
#include "lag/whatifpanel.h"
#include "metrics/lagmonitor.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
constexpr int kPoints = 60;
constexpr int kRefreshMs = 2000;
constexpr int kHistogramRole = Qt::UserRole + 1;

// Distinct colours for up to ten series (the chart theme repeats after five).
QColor seriesColour(int index)
{
    static const QRgb palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0x9467bd, 0x8c564b,
                                   0xe377c2, 0x17becf, 0xbcbd22, 0x7f7f7f, 0xd62728};
    return QColor::fromRgb(palette[size_t(index) % std::size(palette)]);
}

QString durationLabel(qint64 ms)
{
    return ms < 1000 ? LagPanel::tr("%1 ms").arg(ms) : LagPanel::tr("%1 s").arg(ms / 1000);
}
} // namespace

LagPanel::LagPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_window(new QComboBox(this))
    , m_view(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_chartView(new QChartView(this))
    , m_chart(new QChart)
    , m_histogramView(new QChartView(this))
    , m_histogram(new QChart)
    , m_bars(new QBarSeries(m_histogram))
    , m_bins(new QBarCategoryAxis(m_histogram))
    , m_share(new QValueAxis(m_histogram))
    , m_x(new QDateTimeAxis(m_chart))
    , m_y(new QValueAxis(m_chart))
    , m_whatIf(new WhatIfPanel(bridge, this))
{
    setObjectName(u"lagPanel"_s);
    // Axis numbers in the UI's language (1,5 in German), as the tables show them.
    m_chart->setLocalizeNumbers(true);
    m_histogram->setLocalizeNumbers(true);
    m_window->setObjectName(u"lagWindow"_s);
    m_window->addItem(tr("Last 5 minutes"), LagMonitor::kFiveMinutesMs);
    m_window->addItem(tr("Last hour"), LagMonitor::kOneHourMs);
    m_window->addItem(tr("Last 24 hours"), LagMonitor::kOneDayMs);
    m_view->setObjectName(u"lagView"_s);
    m_view->addItem(tr("p99 of every channel"), QString());
    m_view->addItem(tr("Distribution of the window (histogram)"), QString());
    m_view->setItemData(1, true, kHistogramRole);
    m_view->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chartView->setObjectName(u"lagChart"_s);
    m_chartView->setChart(m_chart); // takes ownership
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chart->setTitle(tr("Sync lag (commit to channel acknowledgement)"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_x->setTitleText(tr("Time"));
    m_y->setTitleText(tr("Lag (seconds)"));
    m_y->setLabelFormat(u"%.1f"_s);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);

    m_histogramView->setObjectName(u"lagHistogram"_s);
    m_histogramView->setChart(m_histogram); // takes ownership
    m_histogramView->setRenderHint(QPainter::Antialiasing);
    m_histogram->setTitle(tr("Sync lag distribution: share of each channel's updates per lag"));
    m_histogram->legend()->setAlignment(Qt::AlignBottom);
    m_histogram->addSeries(m_bars);
    m_bins->setTitleText(tr("Lag (commit to channel acknowledgement)"));
    m_share->setTitleText(tr("Share of updates (%)"));
    m_share->setLabelFormat(u"%.0f"_s);
    m_share->setRange(0, 100);
    m_histogram->addAxis(m_bins, Qt::AlignBottom);
    m_histogram->addAxis(m_share, Qt::AlignLeft);
    m_bars->attachAxis(m_bins);
    m_bars->attachAxis(m_share);
    m_stack->addWidget(m_chartView);
    m_stack->addWidget(m_histogramView);

    auto *bar = new QHBoxLayout;
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_window);
    auto *viewLabel = new QLabel(tr("&Show:"), this);
    viewLabel->setBuddy(m_view);
    bar->addWidget(windowLabel);
    bar->addWidget(m_window);
    bar->addWidget(viewLabel);
    bar->addWidget(m_view);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_whatIf);

    connect(m_window, &QComboBox::currentIndexChanged, this, &LagPanel::refresh);
    connect(m_view, &QComboBox::currentIndexChanged, this, [this] {
        rebuildSeries();
        refresh();
    });
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &LagPanel::refresh);
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::started, this, [this](const ConsoleInfo &info) {
            m_thresholdMs = info.alerts.lagP99Seconds * 1000.0;
            setChannels(info.channels);
            refresh();
            m_refresh.start();
        });
        connect(m_bridge, &CoreBridge::lagSeriesReady, this, &LagPanel::showSeries);
    }
    rebuildSeries();
}

qint64 LagPanel::windowMs() const
{
    return m_window->currentData().toLongLong();
}

void LagPanel::refresh()
{
    if (m_bridge && m_bridge->isStarted())
        m_bridge->requestLagSeries(windowMs(), kPoints);
}

void LagPanel::setChannels(const QStringList &channels)
{
    m_view->blockSignals(true);
    while (m_view->count() > 2)
        m_view->removeItem(2);
    for (const QString &c : channels)
        m_view->addItem(tr("%1: p50, p95, p99").arg(c), c);
    m_view->blockSignals(false);
    rebuildSeries();
}

QLineSeries *LagPanel::addSeries(const QString &name)
{
    auto *series = new QLineSeries(m_chart);
    series->setName(name);
    QPen pen(seriesColour(int(m_chart->series().size())));
    pen.setWidth(2);
    series->setPen(pen);
    m_chart->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    series->setVisible(!m_hidden.value(name));
    return series;
}

bool LagPanel::showsHistogram() const
{
    return m_view->currentData(kHistogramRole).toBool();
}

void LagPanel::setShowsHistogram(bool histogram)
{
    m_view->setCurrentIndex(histogram ? 1 : 0);
}

void LagPanel::rebuildSeries()
{
    m_stack->setCurrentWidget(showsHistogram() ? m_histogramView : m_chartView);
    m_chart->removeAllSeries();
    m_series.clear();
    const QString channel = m_view->currentData().toString();
    if (channel.isEmpty()) {
        for (int i = 2; i < m_view->count(); ++i)
            m_series.append(addSeries(m_view->itemData(i).toString()));
    } else {
        for (const QString &p : {u"p50"_s, u"p95"_s, u"p99"_s})
            m_series.append(addSeries(u"%1 %2"_s.arg(channel, p)));
    }
    m_threshold =
        addSeries(tr("%1 s threshold").arg(QLocale().toString(m_thresholdMs / 1000.0, 'g', 3)));
    QPen dashed(QColor(0xc0, 0x20, 0x20));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidth(2);
    m_threshold->setPen(dashed);
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            QAbstractSeries *series = marker->series();
            series->setVisible(!series->isVisible());
            marker->setVisible(true); // keep the entry so it can be switched back on
            m_hidden.insert(series->name(), !series->isVisible());
            QBrush brush = marker->labelBrush();
            QColor colour = brush.color();
            colour.setAlphaF(series->isVisible() ? 1.0 : 0.4);
            brush.setColor(colour);
            marker->setLabelBrush(brush);
        });
    }
}

void LagPanel::showDistribution(const LagSeriesSet &set)
{
    QStringList labels;
    for (qsizetype i = 0; i < set.binBoundsMs.size(); ++i) {
        labels.append(i == 0 ? tr("\u2264 %1").arg(durationLabel(set.binBoundsMs.at(0)))
                             : tr("%1\u2013%2")
                                   .arg(durationLabel(set.binBoundsMs.at(i - 1)),
                                        durationLabel(set.binBoundsMs.at(i))));
    }
    if (!set.binBoundsMs.isEmpty())
        labels.append(tr("> %1").arg(durationLabel(set.binBoundsMs.last())));
    if (m_bins->categories() != labels) {
        m_bins->clear();
        m_bins->append(labels);
    }
    m_bars->clear();
    for (const LagSeries &s : set.channels) {
        qint64 total = 0;
        for (qint64 n : s.distribution)
            total += n;
        auto *bars = new QBarSet(total ? tr("%1 (%n update(s))", nullptr, int(total)).arg(s.channel)
                                       : tr("%1 (no updates)").arg(s.channel));
        bars->setColor(seriesColour(int(m_bars->count())));
        bars->setBorderColor(bars->color());
        for (qint64 n : s.distribution)
            bars->append(total ? 100.0 * double(n) / double(total) : 0.0);
        m_bars->append(bars);
    }
}

void LagPanel::showSeries(const LagSeriesSet &set)
{
    if (set.windowMs != windowMs())
        return;
    if (showsHistogram()) {
        showDistribution(set);
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    double top = m_thresholdMs * 1.2;
    const QString channel = m_view->currentData().toString();
    const auto toPoints = [&](const QList<LagPoint> &points, double LagPoint::*field) {
        QList<QPointF> out;
        out.reserve(points.size());
        for (const LagPoint &p : points) {
            if (p.count == 0)
                continue;
            out.append(QPointF(double(p.tMs + p.spanMs / 2), p.*field / 1000.0));
            top = std::max(top, p.*field * 1.1);
        }
        return out;
    };
    for (const LagSeries &s : set.channels) {
        if (channel.isEmpty()) {
            for (QLineSeries *series : std::as_const(m_series)) {
                if (series->name() == s.channel)
                    series->replace(toPoints(s.points, &LagPoint::p99Ms));
            }
        } else if (s.channel == channel && m_series.size() == 3) {
            m_series.at(0)->replace(toPoints(s.points, &LagPoint::p50Ms));
            m_series.at(1)->replace(toPoints(s.points, &LagPoint::p95Ms));
            m_series.at(2)->replace(toPoints(s.points, &LagPoint::p99Ms));
        }
    }
    const qint64 from = now - set.windowMs;
    m_threshold->replace({QPointF(double(from), m_thresholdMs / 1000.0),
                          QPointF(double(now), m_thresholdMs / 1000.0)});
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(now));
    m_x->setFormat(set.windowMs > LagMonitor::kOneHourMs ? u"HH:mm"_s : u"HH:mm:ss"_s);
    m_x->setTickCount(7);
    m_y->setRange(0, top / 1000.0);
    m_y->applyNiceNumbers();
}

} // namespace ChannelDesk
