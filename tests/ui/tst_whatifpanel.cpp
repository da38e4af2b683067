// The Lag tab's what-if panel. Fed as the core feeds it (whatIfReady): the three per-window
// figures, the measured p99 in the label, the worst windows in the order given; an answer for
// another polling interval than the one chosen is ignored; an error is said. On the real core
// over a database holding 500 sales a day: the replay runs on the core thread (the request
// returns before the answer, which arrives through the bridge) and shows the seeds' 5.2.
#include "guitestbase.h"
#include "lag/lagpanel.h"
#include "lag/whatifpanel.h"
#include "salelog.h"
#include "store/metricslog.h"

#include <QDateTime>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDay = 24 * 60 * 60 * 1000;
constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z

WhatIf::Report report(int pollMinutes, std::optional<qint64> lagMs)
{
    WhatIf::Report r;
    r.pollMinutes = pollMinutes;
    r.fromMs = kStartMs;
    r.toMs = kStartMs + kDay;
    r.windows = 96;
    r.orders = 555;
    r.ordersPerWindow = 555 / 96.0;
    r.stalePerWindowPolling = 554 / 96.0;
    r.measuredLagMs = lagMs;
    if (lagMs)
        r.stalePerWindowMeasured = 3 / 96.0;
    r.worstWindows = {{kStartMs + 900'000, 9, 8, 2}, {kStartMs, 7, 6, 1}};
    return r;
}

QString text(const QWidget *root, const char *name)
{
    const auto *label = root->findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : u"(no label %1)"_s.arg(QString::fromLatin1(name));
}

} // namespace

class TestWhatIfPanel : public GuiTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        initGuiTestCase(u"tst_whatifpanel"_s);
    }
    void init() { initGuiTest(); }
    void cleanup() { cleanupGuiTest(); }

    void showsTheAnswer_data();
    void showsTheAnswer();
    void ignoresAnotherIntervalAndSaysErrors();
    void replaysOnTheCoreThread();
};

void TestWhatIfPanel::showsTheAnswer_data()
{
    QTest::addColumn<qint64>("lagMs"); // < 0: none recorded
    QTest::addColumn<QString>("measuredLabel");
    QTest::addColumn<QString>("measured");
    QTest::addColumn<QString>("worstMeasured");
    QTest::newRow("lag measured")
        << qint64(1250) << u"Taken against stale stock per window, measured lag (p99 1250 ms):"_s
        << u"0.0"_s << u"2"_s;
    QTest::newRow("no lag yet") << qint64(-1)
                                << u"Taken against stale stock per window, measured lag:"_s
                                << u"- (no lag recorded yet)"_s << u"-"_s;
}

void TestWhatIfPanel::showsTheAnswer()
{
    QFETCH(qint64, lagMs);
    QFETCH(QString, measuredLabel);
    QFETCH(QString, measured);
    QFETCH(QString, worstMeasured);
    CoreBridge bridge({}); // never started: the test speaks for the core
    WhatIfPanel panel(&bridge);
    panel.resize(900, 260);
    panel.show();
    Q_EMIT bridge.whatIfReady(report(15, lagMs < 0 ? std::nullopt : std::optional<qint64>(lagMs)),
                              {});
    QCOMPARE(text(&panel, "whatIfOrders"), u"5.8"_s);
    QCOMPARE(text(&panel, "whatIfStalePolling"), u"5.8"_s);
    QCOMPARE(text(&panel, "whatIfStaleMeasuredLabel"), measuredLabel);
    QCOMPARE(text(&panel, "whatIfStaleMeasured"), measured);
    QVERIFY2(text(&panel, "whatIfSpan").startsWith(u"555 orders from "_s),
             qPrintable(text(&panel, "whatIfSpan")));
    auto *worst = panel.findChild<QTableWidget *>(u"whatIfWorst"_s);
    QVERIFY(worst);
    QCOMPARE(worst->rowCount(), 2);
    QCOMPARE(worst->item(0, 1)->text(), u"9"_s);
    QCOMPARE(worst->item(0, 2)->text(), u"8"_s);
    QCOMPARE(worst->item(0, 3)->text(), worstMeasured);
    QCOMPARE(worst->item(1, 1)->text(), u"7"_s);
    // Every figure fits its label: nothing clipped.
    for (const char *name : {"whatIfOrders", "whatIfStalePolling", "whatIfStaleMeasured"}) {
        const auto *label = panel.findChild<QLabel *>(QString::fromLatin1(name));
        QVERIFY(label->width() >= label->sizeHint().width());
    }
}

void TestWhatIfPanel::ignoresAnotherIntervalAndSaysErrors()
{
    CoreBridge bridge({});
    WhatIfPanel panel(&bridge);
    Q_EMIT bridge.whatIfReady(report(15, 60), {});
    // Asked for hourly meanwhile: a late 15-minute answer does not overwrite what is shown.
    panel.findChild<QSpinBox *>(u"whatIfPoll"_s)->setValue(60);
    WhatIf::Report late = report(15, 60);
    late.ordersPerWindow = 99;
    Q_EMIT bridge.whatIfReady(late, {});
    QCOMPARE(text(&panel, "whatIfOrders"), u"5.8"_s);
    Q_EMIT bridge.whatIfReady({}, u"database is locked"_s);
    QCOMPARE(text(&panel, "whatIfSpan"), u"Cannot replay the audit log: database is locked"_s);
    QCOMPARE(text(&panel, "whatIfOrders"), u"-"_s);
    QCOMPARE(panel.findChild<QTableWidget *>(u"whatIfWorst"_s)->rowCount(), 0);
}

void TestWhatIfPanel::replaysOnTheCoreThread()
{
    const ConsoleWorker::Options options = seededOptions(1, 10);
    {
        QString error;
        auto db = Database::open(options.databaseLocation, &error);
        QVERIFY2(db, qPrintable(error));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        appendEvenSales(*db, 500, now - kDay, kDay, {u"shop"_s, u"ebay"_s}, u"MUG-1"_s);
        QVERIFY(MetricsLog(*db).recordLag(u"ebay"_s, now - 60'000, 80));
    }
    QVERIFY(startWindow(options));
    auto *panel = widget<WhatIfPanel>(u"whatIfPanel"_s);
    QVERIFY(panel);
    QVERIFY(window()->findChild<LagPanel *>()->isAncestorOf(panel));
    panel->findChild<QSpinBox *>(u"whatIfSince"_s)->setValue(1);

    QSignalSpy answers(bridge(), &CoreBridge::whatIfReady);
    bridge()->requestWhatIf(15, 1);
    // Posted to the core thread: nothing is computed while the GUI thread asks.
    QCOMPARE(answers.count(), 0);
    QVERIFY(answers.wait(30'000));
    QTRY_COMPARE_WITH_TIMEOUT(text(panel, "whatIfOrders"), u"5.2"_s, 30'000);
    QCOMPARE(text(panel, "whatIfStalePolling"), u"5.2"_s);
    QCOMPARE(text(panel, "whatIfStaleMeasured"), u"0.0"_s);
    QVERIFY(text(panel, "whatIfStaleMeasuredLabel").contains(u"p99 80 ms"_s));
    QVERIFY(quitWindow());
}

QTEST_MAIN(TestWhatIfPanel)
#include "tst_whatifpanel.moc"
