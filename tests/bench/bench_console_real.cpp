// bench_console --real SKUS ORDERS_PER_SECOND SECONDS: the whole console on the real core, as
// `channeldesk --demo` runs it (issue 13). The core on its worker thread (CoreBridge,
// ConsoleWorker, CoreRuntime), the SKUs in a SQLite file, orders at a steady rate through the real
// order path from the demo's six simulated channels (Shopify x2, WooCommerce x2, eBay, Amazon, on
// loopback in the same process, on the core thread) with propagation to them, and the real
// MainWindow shown offscreen at 1600x1000, the Stock tab in front, scrolled twice a second.
// Measured: the GUI thread's stall p99 (the heartbeat of benchconsole.h), the first paint of the
// stock table holding its rows from process start, and peak RSS (VmHWM: core, simulators and
// GUI together, as one process).
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

int runReal(QApplication &app, int skus, int ordersPerSecond, int seconds)
{
    QLoggingCategory::setFilterRules(u"channeldesk.*.debug=false\nchanneldesk.*.info=false\n"
                                     "channeldesk.*.warning=false"_s);
    ConsoleWorker::Options options;
    options.demo = true;
    options.listen = false;
    options.demoOptions.skus = skus;
    // A steady rate: no flash sale, no injected faults during the run.
    options.demoOptions.ordersPerSecond = ordersPerSecond;
    options.demoOptions.flashOrdersPerSecond = ordersPerSecond;
    options.demoOptions.firstFlashMs = options.demoOptions.flashEveryMs = 3600 * 1000;
    options.demoOptions.firstFaultMs = options.demoOptions.faultEveryMs = 3600 * 1000;
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
    double startedMs = -1; // the core seeded, started and said so
    QObject::connect(&bridge, &CoreBridge::started, &app,
                     [&startedMs] { startedMs = msSinceProcessStart(); });
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
    QTimer scroll;
    QObject::connect(&scroll, &QTimer::timeout, [stock] {
        QScrollBar *bar = stock->view()->verticalScrollBar();
        bar->setValue(int(QRandomGenerator::global()->bounded(bar->maximum() + 1)));
    });
    scroll.start(500);
    qint64 ordersSeen = 0;
    QObject::connect(
        &bridge, &CoreBridge::ordersReceived, &app,
        [&ordersSeen](const QList<OrderEvent> &orders) { ordersSeen += orders.size(); });
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
    window.close();

    const QList<double> &stalls = heartbeat.stalls();
    std::printf("real core: skus=%d orders_per_second=%d seconds=%d channels=%lld\n", skus,
                ordersPerSecond, seconds, qint64(bridge.info().channels.size()));
    std::printf("stock rows shown: %d; orders the GUI heard of (last few per flush): %lld\n",
                stock->model()->rowCount(), ordersSeen);
    std::printf("core started (demo seeded) %.0f ms from process start; orders applied: p50 "
                "%.0f/s over the run\n",
                startedMs, percentile(orderRates, 0.5));
    std::printf("core at the end: %.0f orders/s applied, worst channel p99 lag %.0f ms (%s), "
                "%lld listings pending, %lld dead letters\n",
                lastStatus.ordersPerSecond, lastStatus.worstP99Ms,
                qPrintable(lastStatus.worstChannel), lastStatus.pending, lastStatus.deadLetters);
    printConsoleFigures(stalls, firstPaint);
    return 0;
}

} // namespace ChannelDesk::Bench
