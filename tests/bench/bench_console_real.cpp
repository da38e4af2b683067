// The measured half of bench_console --real (bench_console_realrun.cpp starts it): the console a
// merchant opens, in a process of its own. The real MainWindow shown offscreen at 1600x1000 with
// the Stock tab in front, scrolled twice a second; the real core on its worker thread (CoreBridge,
// ConsoleWorker, CoreRuntime) opening a seeded SQLite inventory and the channels config file of
// six channels simulated by channeldesk-sim in another process, listening for their webhooks.
// Measured: the GUI thread's stall p99 (the heartbeat of benchconsole.h), the first paint of the
// stock table holding its rows from process start, and peak RSS (VmHWM) of this process only.
#include "benchconsole.h"
#include "benchreport.h"
#include "console/corebridge.h"
#include "mainwindow.h"
#include "stock/stockmodel.h"
#include "stock/stockpanel.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace ChannelDesk::Bench {

int runRealConsole(QApplication &app, const QString &directory, int seconds)
{
    QLoggingCategory::setFilterRules(u"channeldesk.*.debug=false\nchanneldesk.*.info=false\n"
                                     "channeldesk.*.warning=false"_s);
    ConsoleWorker::Options options;
    options.databaseLocation = directory + u"/"_s + QLatin1StringView(kRealDatabase);
    options.configPath = directory + u"/"_s + QLatin1StringView(kRealConfig);
    options.configRequired = true;
    options.listen = true; // the shops' webhooks
    CoreBridge bridge(options);
    MainWindow window(&bridge);
    window.resize(1600, 1000);
    auto *stock = window.findChild<StockPanel *>(u"stockPanel"_s);
    if (!stock) {
        std::fprintf(stderr, "the window has no stock panel\n");
        return 1;
    }
    FirstPaint firstPaint(stock->view());
    QString failed;
    QObject::connect(&bridge, &CoreBridge::startFailed, &app,
                     [&failed](const QString &error) { failed = error; });
    double startedMs = -1; // the core opened the inventory, started and said so
    QObject::connect(&bridge, &CoreBridge::started, &app, [&startedMs] {
        startedMs = msSinceProcessStart();
        // The driver starts placing orders on the shops now (bench_console_realrun.cpp).
        std::printf("%s %.0f ms from process start\n", kRealStartedLine, startedMs);
        std::fflush(stdout);
    });
    QObject::connect(&bridge, &CoreBridge::logMessage, &app, [](const QString &message) {
        std::fprintf(stderr, "console: %s\n", qPrintable(message));
    });
    window.show();
    bridge.start();

    // Measure from the start: the load of the SKUs is part of what the merchant feels.
    Heartbeat heartbeat;
    heartbeat.start();
    firstPaint.waitForIt();
    if (!failed.isEmpty() || !firstPaint.happened()) {
        std::fprintf(stderr, "the console did not show its stock: %s\n", qPrintable(failed));
        return 1;
    }
    // CHANNELDESK_BENCH_SCREENSHOT=DIR: the window as first painted and at the end, to look at.
    const QString screenshots = qEnvironmentVariable("CHANNELDESK_BENCH_SCREENSHOT");
    if (!screenshots.isEmpty())
        window.grab().save(screenshots + u"/console-first-paint.png"_s);
    QTimer scroll;
    QObject::connect(&scroll, &QTimer::timeout, [stock] {
        QScrollBar *bar = stock->view()->verticalScrollBar();
        bar->setValue(int(QRandomGenerator::global()->bounded(bar->maximum() + 1)));
    });
    scroll.start(500);
    ConsoleStatus lastStatus;
    QList<double> orderRates; // the status bar's orders/s, every half second of the run
    QObject::connect(&bridge, &CoreBridge::statusChanged, &app,
                     [&lastStatus, &orderRates](const ConsoleStatus &s) {
                         lastStatus = s;
                         orderRates.append(s.ordersPerSecond);
                     });
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    QApplication::exec();
    heartbeat.stop();
    const int rowsShown = stock->model()->rowCount();
    if (!screenshots.isEmpty())
        window.grab().save(screenshots + u"/console-end.png"_s);
    window.close();

    const QList<double> &stalls = heartbeat.stalls();
    std::printf("console: channels=%lld, stock rows shown at the end: %d\n",
                qint64(bridge.info().channels.size()), rowsShown);
    std::printf("core started (inventory opened) %.0f ms from process start; the status bar's "
                "orders applied: p50 %.0f/s, max %.0f/s over the run\n",
                startedMs, percentile(orderRates, 0.5), percentile(orderRates, 1.0));
    std::printf("core at the end: %.0f orders/s applied, worst channel p99 lag %.0f ms (%s), "
                "%lld listings pending, %lld dead letters\n",
                lastStatus.ordersPerSecond, lastStatus.worstP99Ms,
                qPrintable(lastStatus.worstChannel), lastStatus.pending, lastStatus.deadLetters);
    std::printf("console process: %.1f s of CPU over %.1f s\n", cpuSeconds(),
                msSinceProcessStart() / 1000);
    printConsoleFigures(stalls, firstPaint);
    return 0;
}

} // namespace ChannelDesk::Bench
