// The console under load (DESIGN §11: 100,000 SKUs and 5,000 changes/s, GUI stall p99 < 16 ms,
// memory < 300 MB). The real Stock tab (model, sort/filter proxy, table view, shown and painted
// by the offscreen platform) receives changed rows the way the core sends them: from another
// thread, through a queued signal, coalesced to 20 batches a second.
//
// A 4 ms heartbeat timer on the GUI thread measures how long the event loop is held up: a stall
// is the time a heartbeat fires after it was due. Also reported: the time one batch takes in
// the model and proxy, the first load, and resident memory.
//
// Usage: bench_console [SKUS] [CHANGES_PER_SECOND] [SECONDS] [SORT_COLUMN]
// SORT_COLUMN: "sku" (the panel's default), "available" (re-sorts on every change) or "problems"
// (the "only problems" filter on, sorted by SKU).
// Or: bench_console --real SKUS ORDERS_PER_SECOND SECONDS, the whole console on the real core
// with the shops in channeldesk-sim (bench_console_realrun.cpp, bench_console_real.cpp).
// Both end with {"stall_p99_ms","first_paint_ms","peak_rss_mb"} on one line; first paint is the
// first paint of the stock table holding its rows, from process start.
#include "benchconsole.h"
#include "benchreport.h"
#include "console/consoletypes.h"
#include "stock/stockfilterproxy.h"
#include "stock/stockmodel.h"
#include "stock/stockpanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace ChannelDesk;
using namespace ChannelDesk::Bench;
using namespace Qt::StringLiterals;

namespace {

constexpr int kChannels = 6;
constexpr int kBatchesPerSecond = 20; // the console worker's flush rate

StockRow makeRow(int i)
{
    StockRow r;
    r.sku = u"SKU-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
    r.title = u"Product %1, colour %2, size %3"_s.arg(i).arg(i % 17).arg(i % 5);
    r.available = 20 + i % 200;
    r.safetyBuffer = 2;
    r.version = 1;
    r.channels.resize(kChannels);
    for (ListingCell &c : r.channels) {
        c.listed = true;
        c.ackedQuantity = r.available;
        c.lagMs = 40;
    }
    return r;
}

// Plays the core's worker: keeps its own copy of the rows, changes random ones (stock moves,
// listings go pending, get acknowledged, now and then retry) and hands each batch over.
class Producer : public QObject
{
    Q_OBJECT
public:
    Producer(QList<StockRow> rows, int changesPerBatch)
        : m_rows(std::move(rows))
        , m_perBatch(changesPerBatch)
    {
    }

    void start()
    {
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &Producer::tick);
        m_timer->start(1000 / kBatchesPerSecond);
    }
    void stop() { m_timer->stop(); }

Q_SIGNALS:
    void changed(const QList<ChannelDesk::StockRow> &rows);

private:
    void tick()
    {
        QList<StockRow> batch;
        batch.reserve(m_perBatch);
        QRandomGenerator *rng = QRandomGenerator::global();
        for (int k = 0; k < m_perBatch; ++k) {
            // Half of the changes land on 1% of the SKUs (a flash sale), the rest anywhere.
            const int hot = std::max<int>(1, int(m_rows.size() / 100));
            const int i =
                k % 2 == 0 ? int(rng->bounded(hot)) : int(rng->bounded(int(m_rows.size())));
            StockRow &r = m_rows[i];
            r.available = std::max<qint64>(0, r.available - 1 - rng->bounded(3));
            if (r.available == 0)
                r.available = 150; // restocked
            ++r.version;
            for (ListingCell &c : r.channels) {
                const quint32 roll = rng->bounded(100);
                if (roll < 60) {
                    c.state = ListingState::State::InSync;
                    c.ackedQuantity = r.available;
                    c.lagMs = 20 + rng->bounded(200);
                    c.outOfSyncSinceMs = 0;
                } else if (roll < 98) {
                    c.state = ListingState::State::Pending;
                    c.outOfSyncSinceMs = 1;
                } else {
                    c.state = ListingState::State::Retrying;
                    c.lastError = u"HTTP 503 Service Unavailable"_s;
                }
            }
            batch.append(r);
        }
        Q_EMIT changed(batch);
    }

    QList<StockRow> m_rows;
    int m_perBatch;
    QTimer *m_timer = nullptr;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    registerConsoleTypes();
    const QStringList args = app.arguments();
    if (args.value(1) == u"--real"_s) {
        bool ok = args.size() == 5;
        const int skus = args.value(2).toInt(&ok);
        const int rate = ok ? args.value(3).toInt(&ok) : 0;
        const int seconds = ok ? args.value(4).toInt(&ok) : 0;
        if (!ok || skus < 1 || rate < 1 || seconds < 1) {
            std::fprintf(stderr, "usage: bench_console --real SKUS ORDERS_PER_SECOND SECONDS\n");
            return 1;
        }
        return runReal(app, skus, rate, seconds);
    }
    if (args.value(1) == u"--real-console"_s && args.size() == 4) // started by --real
        return runRealConsole(app, args.at(2), args.at(3).toInt());
    const int skus = args.size() > 1 ? args.at(1).toInt() : 100'000;
    const int rate = args.size() > 2 ? args.at(2).toInt() : 5000;
    const int seconds = args.size() > 3 ? args.at(3).toInt() : 10;
    const QString mode = args.size() > 4 ? args.at(4) : u"sku"_s;
    const qint64 rssBefore = statusKb("VmRSS:");

    QList<StockRow> rows;
    rows.reserve(skus);
    for (int i = 0; i < skus; ++i)
        rows.append(makeRow(i));

    StockPanel panel(nullptr);
    panel.resize(1600, 1000);
    FirstPaint firstPaint(panel.view());
    QStringList channels;
    for (int c = 0; c < kChannels; ++c)
        channels << u"channel-%1"_s.arg(c);
    panel.model()->setChannels(channels);
    panel.show();
    QElapsedTimer loadTimer;
    loadTimer.start();
    panel.model()->load(rows);
    if (mode == u"available"_s)
        panel.view()->sortByColumn(StockModel::Available, Qt::AscendingOrder);
    else if (mode == u"problems"_s)
        panel.proxy()->setOnlyProblems(true);
    QCoreApplication::processEvents();
    const double loadMs = double(loadTimer.nsecsElapsed()) / 1e6;
    firstPaint.waitForIt();

    QThread worker;
    Producer producer(rows, rate / kBatchesPerSecond);
    rows.clear();
    producer.moveToThread(&worker);
    QList<double> batchMs;
    qint64 changes = 0;
    QObject::connect(&producer, &Producer::changed, panel.model(),
                     [&](const QList<StockRow> &batch) {
                         QElapsedTimer t;
                         t.start();
                         panel.model()->applyChanges(batch);
                         batchMs.append(double(t.nsecsElapsed()) / 1e6);
                         changes += batch.size();
                     });
    worker.start();
    QMetaObject::invokeMethod(&producer, &Producer::start);

    Heartbeat heartbeat;
    heartbeat.start();
    // Scroll now and then, as a merchant watching the table would: the view paints new rows.
    QTimer scroll;
    QObject::connect(&scroll, &QTimer::timeout, [&] {
        QTableView *view = panel.view();
        view->verticalScrollBar()->setValue(
            int(QRandomGenerator::global()->bounded(view->verticalScrollBar()->maximum() + 1)));
    });
    scroll.start(500);
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    app.exec();
    QMetaObject::invokeMethod(&producer, &Producer::stop, Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();

    std::printf("skus=%d changes_per_second=%d seconds=%d mode=%s\n", skus, rate, seconds,
                qPrintable(mode));
    std::printf("first load: %.0f ms\n", loadMs);
    std::printf("changes applied: %lld in %lld batches (%.0f/s)\n", changes, qint64(batchMs.size()),
                double(changes) / seconds);
    std::printf("batch in model+proxy: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                percentile(batchMs, 0.5), percentile(batchMs, 0.99), percentile(batchMs, 1.0));
    const QList<double> &stalls = heartbeat.stalls();
    std::printf("memory before the rows: RSS %.0f MB\n", double(rssBefore) / 1024);
    printConsoleFigures(stalls, firstPaint);
    return 0;
}

#include "bench_console.moc"
