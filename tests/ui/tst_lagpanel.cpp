// The Lag tab fed as the core feeds it (a started signal, then LagSeriesSets): one p99 series per
// channel, or p50/p95/p99 of one; the dashed threshold line and its legend follow the config's
// p99 alert threshold; the axes are titled, the time axis formats for the window, and the lag
// axis leaves room above the threshold and the worst point; the histogram labels its bins and
// shows shares; a set for another window than the one shown is ignored.
#include "console/corebridge.h"
#include "lag/lagpanel.h"
#include "metrics/lagmonitor.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

#include <memory>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z

ConsoleInfo info(double lagP99Seconds, const QStringList &channels = {u"shop"_s, u"ebay"_s})
{
    ConsoleInfo i;
    i.channels = channels;
    i.alerts.lagP99Seconds = lagP99Seconds;
    return i;
}

// A point every 10 s; a count of 0 is a span without samples.
LagSeries series(const QString &channel, const QList<double> &p99Ms)
{
    LagSeries s;
    s.channel = channel;
    for (qsizetype i = 0; i < p99Ms.size(); ++i) {
        LagPoint p;
        p.tMs = kStartMs + i * 10'000;
        p.spanMs = 10'000;
        p.count = p99Ms.at(i) > 0 ? 5 : 0;
        p.p50Ms = p99Ms.at(i) / 4;
        p.p95Ms = p99Ms.at(i) / 2;
        p.p99Ms = p99Ms.at(i);
        s.points.append(p);
    }
    return s;
}

QLineSeries *lineNamed(QChart *chart, const QString &name)
{
    for (QAbstractSeries *s : chart->series()) {
        if (s->name() == name)
            return qobject_cast<QLineSeries *>(s);
    }
    return nullptr;
}

QStringList seriesNames(QChart *chart)
{
    QStringList names;
    for (QAbstractSeries *s : chart->series())
        names.append(s->name());
    return names;
}

template<typename Axis> Axis *axis(QChart *chart, Qt::Orientation orientation)
{
    const QList<QAbstractAxis *> axes = chart->axes(orientation);
    return axes.isEmpty() ? nullptr : qobject_cast<Axis *>(axes.first());
}

} // namespace

class TestLagPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void p99OfEveryChannel();
    void thresholdFollowsTheConfig_data();
    void thresholdFollowsTheConfig();
    void axes_data();
    void axes();
    void oneChannelShowsThreePercentiles();
    void histogramLabelsBinsAndShowsShares();
    void anotherWindowIsIgnored();

private:
    QComboBox *combo(const char *name) const
    {
        return m_panel->findChild<QComboBox *>(QString::fromLatin1(name));
    }

    // Never started: the test speaks for the core through the bridge's signals.
    std::unique_ptr<CoreBridge> m_bridge;
    std::unique_ptr<LagPanel> m_panel;
};

void TestLagPanel::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestLagPanel::init()
{
    m_bridge = std::make_unique<CoreBridge>(ConsoleWorker::Options {});
    m_panel = std::make_unique<LagPanel>(m_bridge.get());
    m_panel->resize(900, 500);
    m_panel->show();
}

void TestLagPanel::cleanup()
{
    m_panel.reset();
    m_bridge.reset();
}

void TestLagPanel::p99OfEveryChannel()
{
    Q_EMIT m_bridge->started(info(5));
    QCOMPARE(seriesNames(m_panel->chart()),
             (QStringList {u"shop"_s, u"ebay"_s, u"5 s threshold"_s}));

    LagSeriesSet set;
    set.windowMs = LagMonitor::kFiveMinutesMs;
    set.channels = {series(u"shop"_s, {1200, 0, 800}), series(u"ebay"_s, {300, 450, 0})};
    Q_EMIT m_bridge->lagSeriesReady(set);
    // Seconds, in the middle of each span; a span without samples is no point (not a 0).
    QLineSeries *shop = lineNamed(m_panel->chart(), u"shop"_s);
    QVERIFY(shop);
    QCOMPARE(shop->points(),
             (QList<QPointF> {{double(kStartMs + 5'000), 1.2}, {double(kStartMs + 25'000), 0.8}}));
    QLineSeries *ebay = lineNamed(m_panel->chart(), u"ebay"_s);
    QVERIFY(ebay);
    QCOMPARE(ebay->count(), 2);
    QCOMPARE(ebay->at(1).y(), 0.45);

    // The series are replaced whole: the next refresh does not append.
    set.channels = {series(u"shop"_s, {900})};
    Q_EMIT m_bridge->lagSeriesReady(set);
    QCOMPARE(shop->points(), (QList<QPointF> {{double(kStartMs + 5'000), 0.9}}));
}

void TestLagPanel::thresholdFollowsTheConfig_data()
{
    QTest::addColumn<double>("configSeconds");
    QTest::addColumn<QString>("legend");
    QTest::newRow("2.5 s") << 2.5 << u"2.5 s threshold"_s;
    QTest::newRow("10 s") << 10.0 << u"10 s threshold"_s;
    QTest::newRow("0.75 s") << 0.75 << u"0.75 s threshold"_s;
}

void TestLagPanel::thresholdFollowsTheConfig()
{
    QFETCH(double, configSeconds);
    QFETCH(QString, legend);
    // Before the core starts: the default.
    QCOMPARE(m_panel->thresholdMs(), LagPanel::kDefaultThresholdMs);
    QVERIFY(lineNamed(m_panel->chart(), u"5 s threshold"_s));

    Q_EMIT m_bridge->started(info(configSeconds));
    QCOMPARE(m_panel->thresholdMs(), configSeconds * 1000);
    QLineSeries *threshold = lineNamed(m_panel->chart(), legend);
    QVERIFY2(threshold, qPrintable(seriesNames(m_panel->chart()).join(u", "_s)));
    QCOMPARE(threshold->pen().style(), Qt::DashLine);

    LagSeriesSet set;
    set.windowMs = LagMonitor::kFiveMinutesMs;
    set.channels = {series(u"shop"_s, {100})};
    Q_EMIT m_bridge->lagSeriesReady(set);
    // A flat line across the whole window at the threshold, in seconds.
    QCOMPARE(threshold->count(), 2);
    QCOMPARE(threshold->at(0).y(), configSeconds);
    QCOMPARE(threshold->at(1).y(), configSeconds);
    QCOMPARE(qint64(threshold->at(1).x() - threshold->at(0).x()), set.windowMs);
}

void TestLagPanel::axes_data()
{
    QTest::addColumn<int>("windowIndex");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<QString>("timeFormat");
    QTest::addColumn<double>("worstP99Ms");
    QTest::addColumn<double>("atLeastSeconds"); // the lag axis reaches at least this far
    QTest::newRow("5 min, under the threshold")
        << 0 << LagMonitor::kFiveMinutesMs << u"HH:mm:ss"_s << 800.0 << 2.0 * 1.2;
    QTest::newRow("1 h, above the threshold")
        << 1 << LagMonitor::kOneHourMs << u"HH:mm:ss"_s << 9000.0 << 9.0 * 1.1;
    QTest::newRow("24 h") << 2 << LagMonitor::kOneDayMs << u"HH:mm"_s << 100.0 << 2.0 * 1.2;
}

void TestLagPanel::axes()
{
    QFETCH(int, windowIndex);
    QFETCH(qint64, windowMs);
    QFETCH(QString, timeFormat);
    QFETCH(double, worstP99Ms);
    QFETCH(double, atLeastSeconds);
    Q_EMIT m_bridge->started(info(2));
    QComboBox *window = combo("lagWindow");
    QVERIFY(window);
    window->setCurrentIndex(windowIndex);
    QCOMPARE(m_panel->windowMs(), windowMs);

    LagSeriesSet set;
    set.windowMs = windowMs;
    set.channels = {series(u"shop"_s, {worstP99Ms / 2, worstP99Ms})};
    Q_EMIT m_bridge->lagSeriesReady(set);

    auto *time = axis<QDateTimeAxis>(m_panel->chart(), Qt::Horizontal);
    auto *lag = axis<QValueAxis>(m_panel->chart(), Qt::Vertical);
    QVERIFY(time);
    QVERIFY(lag);
    QCOMPARE(time->titleText(), u"Time"_s);
    QCOMPARE(lag->titleText(), u"Lag (seconds)"_s);
    QCOMPARE(lag->labelFormat(), u"%.1f"_s);
    QCOMPARE(time->format(), timeFormat);
    QCOMPARE(time->max().toMSecsSinceEpoch() - time->min().toMSecsSinceEpoch(), windowMs);
    QCOMPARE(lag->min(), 0.0);
    QVERIFY2(lag->max() >= atLeastSeconds, qPrintable(QString::number(lag->max())));
}

void TestLagPanel::oneChannelShowsThreePercentiles()
{
    Q_EMIT m_bridge->started(info(5));
    QComboBox *view = combo("lagView");
    QVERIFY(view);
    // p99 of every channel, the histogram, then one entry per channel.
    QCOMPARE(view->count(), 4);
    view->setCurrentIndex(3);
    QCOMPARE(seriesNames(m_panel->chart()),
             (QStringList {u"ebay p50"_s, u"ebay p95"_s, u"ebay p99"_s, u"5 s threshold"_s}));

    LagSeriesSet set;
    set.windowMs = LagMonitor::kFiveMinutesMs;
    set.channels = {series(u"shop"_s, {4000}), series(u"ebay"_s, {2000})};
    Q_EMIT m_bridge->lagSeriesReady(set);
    QCOMPARE(lineNamed(m_panel->chart(), u"ebay p50"_s)->at(0).y(), 0.5);
    QCOMPARE(lineNamed(m_panel->chart(), u"ebay p95"_s)->at(0).y(), 1.0);
    QCOMPARE(lineNamed(m_panel->chart(), u"ebay p99"_s)->at(0).y(), 2.0);
}

void TestLagPanel::histogramLabelsBinsAndShowsShares()
{
    Q_EMIT m_bridge->started(info(5));
    m_panel->setShowsHistogram(true);
    QVERIFY(m_panel->showsHistogram());

    LagSeriesSet set;
    set.windowMs = LagMonitor::kFiveMinutesMs;
    set.binBoundsMs = {100, 1000};
    LagSeries shop = series(u"shop"_s, {});
    shop.distribution = {1, 3, 0};
    LagSeries ebay = series(u"ebay"_s, {});
    ebay.distribution = {0, 0, 0};
    set.channels = {shop, ebay};
    Q_EMIT m_bridge->lagSeriesReady(set);

    auto *bins = axis<QBarCategoryAxis>(m_panel->histogramChart(), Qt::Horizontal);
    auto *share = axis<QValueAxis>(m_panel->histogramChart(), Qt::Vertical);
    QVERIFY(bins);
    QVERIFY(share);
    QCOMPARE(bins->categories(),
             (QStringList {u"\u2264 100 ms"_s, u"100 ms\u20131 s"_s, u"> 1 s"_s}));
    QCOMPARE(share->titleText(), u"Share of updates (%)"_s);
    QCOMPARE(share->max(), 100.0);
    const QList<QAbstractSeries *> all = m_panel->histogramChart()->series();
    QCOMPARE(all.size(), 1);
    auto *bars = qobject_cast<QBarSeries *>(all.first());
    QVERIFY(bars);
    QCOMPARE(bars->count(), 2);
    // "%n update(s)": the plural form comes from a translation the test does not load.
    QVERIFY2(bars->barSets().at(0)->label().startsWith(u"shop (4 update"_s),
             qPrintable(bars->barSets().at(0)->label()));
    QCOMPARE(bars->barSets().at(0)->at(0), 25.0);
    QCOMPARE(bars->barSets().at(0)->at(1), 75.0);
    QCOMPARE(bars->barSets().at(0)->at(2), 0.0);
    QCOMPARE(bars->barSets().at(1)->label(), u"ebay (no updates)"_s);
}

void TestLagPanel::anotherWindowIsIgnored()
{
    Q_EMIT m_bridge->started(info(5));
    LagSeriesSet set;
    set.windowMs = LagMonitor::kOneHourMs; // an answer to a request for another window
    set.channels = {series(u"shop"_s, {700})};
    Q_EMIT m_bridge->lagSeriesReady(set);
    QCOMPARE(lineNamed(m_panel->chart(), u"shop"_s)->count(), 0);
    set.windowMs = LagMonitor::kFiveMinutesMs;
    Q_EMIT m_bridge->lagSeriesReady(set);
    QCOMPARE(lineNamed(m_panel->chart(), u"shop"_s)->count(), 1);
}

QTEST_MAIN(TestLagPanel)
#include "tst_lagpanel.moc"
