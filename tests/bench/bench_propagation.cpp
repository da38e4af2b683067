// Sync lag under load (DESIGN §11): N channels with 10 ms of latency each, orders applied at a
// steady rate through the real runtime, lag read from the LagMonitor the console and /metrics
// use. Usage: bench_propagation [CHANNELS] [ORDERS_PER_SECOND] [SECONDS] [LATENCY_MS]
// (LATENCY_MS: each channel's answer time, 10 by default as DESIGN §11 sets it).
// The simulated channels run as a separate channeldesk-sim process.
// CHANNELDESK_BENCH_DURABILITY=normal runs the core with "durability": "normal".
// Channels alternate Shopify and WooCommerce (both batch); eBay is left out on purpose: its
// 250-revisions-a-day limit paces a hot listing to one revision every 2 s by design.
#include "benchreport.h"
#include "benchsim.h"
#include "metrics/lagmonitor.h"
#include "runtime/coreruntime.h"
#include "sim/orderstream.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

double quantile(QList<qint64> &values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values.at(qsizetype(q * double(values.size() - 1))));
}

// Where the lag went, from the push log (SQLite only): how long a version waited in the core
// before its call was sent, and how long the call took to be answered (sent -> acknowledged).
void printBreakdown(const QString &databaseFile, qint64 sinceMs)
{
    QList<qint64> waiting, roundTrip;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"breakdown"_s);
        db.setDatabaseName(databaseFile);
        if (!db.open())
            return;
        QSqlQuery q(db);
        q.prepare(u"SELECT sent_at, acked_at, lag_ms FROM push_log "
                  "WHERE sent_at >= ? AND acked_at IS NOT NULL"_s);
        q.addBindValue(sinceMs);
        if (q.exec()) {
            while (q.next()) {
                const qint64 trip = q.value(1).toLongLong() - q.value(0).toLongLong();
                roundTrip.append(trip);
                waiting.append(q.value(2).toLongLong() - trip);
            }
        }
    }
    QSqlDatabase::removeDatabase(u"breakdown"_s);
    if (roundTrip.isEmpty())
        return;
    std::printf("lag breakdown (%lld listing updates): before the call p50=%.0f p99=%.0f ms; "
                "call sent -> answered p50=%.0f p99=%.0f ms\n",
                qlonglong(roundTrip.size()), quantile(waiting, 0.5), quantile(waiting, 0.99),
                quantile(roundTrip, 0.5), quantile(roundTrip, 0.99));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"channeldesk.*.debug=false\nchanneldesk.*.info=false"_s);
    const QStringList args = app.arguments();
    const int channels = args.size() > 1 ? args.at(1).toInt() : 8;
    const int rate = args.size() > 2 ? args.at(2).toInt() : 1000;
    const int seconds = args.size() > 3 ? args.at(3).toInt() : 10;
    const int latencyMs = args.size() > 4 ? args.at(4).toInt() : 10;
    constexpr int kSkus = 200;

    QTemporaryDir dir;
    QList<Bench::Channel> list;
    for (int c = 0; c < channels; ++c)
        list.append({u"ch%1"_s.arg(c), c % 2 == 0 ? u"shopify"_s : u"woocommerce"_s, latencyMs, 0});
    // CHANNELDESK_BENCH_DURABILITY=normal: no fsync per commit (the goal is with the default).
    const bool normal = qgetenv("CHANNELDESK_BENCH_DURABILITY") == "normal";
    Bench::Core core(list, kSkus, dir.path(), false,
                     normal ? QJsonObject {{u"durability"_s, u"normal"_s}} : QJsonObject {});
    CoreRuntime &runtime = core.runtime();

    OrderStream::Options streamOptions;
    for (int i = 0; i < kSkus; ++i)
        streamOptions.skus.append(Bench::skuName(i));
    streamOptions.channels = {u"pos"_s};
    streamOptions.duplicateShare = 0;
    OrderStream stream(streamOptions);

    // Let the first sync settle, then measure only the steady state.
    QElapsedTimer clock;
    // How busy the core's thread is: every 5 ms a call is posted to it, and how long it waits
    // to run is what every channel's answer waits too (what limits the lag at 40 channels).
    QList<qint64> waitsUs;
    QTimer probe;
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        QElapsedTimer posted;
        posted.start();
        QMetaObject::invokeMethod(
            &app, [&waitsUs, posted] { waitsUs.append(posted.nsecsElapsed() / 1000); },
            Qt::QueuedConnection);
    });
    double owed = 0; // orders due but not yet sent, carried between ticks
    qint64 measuredSinceMs = 0;
    QTimer::singleShot(3000, &app, [&] {
        std::printf("channels=%d rate=%d/s seconds=%d latency=%dms skus=%d\n", channels, rate,
                    seconds, latencyMs, kSkus);
        for (const QString &ch : runtime.lagMonitor()->channels())
            runtime.lagMonitor()->removeChannel(ch);
        clock.start();
        measuredSinceMs = QDateTime::currentMSecsSinceEpoch();
        probe.start(5);
        auto *tick = new QTimer(&app);
        QObject::connect(tick, &QTimer::timeout, &app, [&, tick] {
            owed += rate / 100.0;
            const int n = int(owed);
            owed -= n;
            runtime.engine()->applyBatch(stream.take(n, 0));
            if (clock.elapsed() >= seconds * 1000) {
                tick->stop();
                probe.stop();
                QTimer::singleShot(2000, &app, &QCoreApplication::quit);
            }
        });
        tick->start(10);
    });
    app.exec();

    double worst = 0;
    QJsonObject perChannel;
    for (const ChannelLagStats &s : runtime.lagMonitor()->snapshots(LagMonitor::kFiveMinutesMs)) {
        perChannel.insert(s.channel, Bench::rounded(s.p99Ms));
        std::printf("%-5s acks=%6lld p50=%7.1f ms p95=%7.1f ms p99=%7.1f ms max=%7.1f ms "
                    "calls=%lld\n",
                    qPrintable(s.channel), s.count, s.p50Ms, s.p95Ms, s.p99Ms, s.maxMs, s.attempts);
        worst = std::max(worst, s.p99Ms);
    }
    std::printf("worst p99: %.1f ms\n", worst);
    std::sort(waitsUs.begin(), waitsUs.end());
    if (!waitsUs.isEmpty()) {
        const auto at = [&](double q) {
            return waitsUs.at(qsizetype(q * (waitsUs.size() - 1))) / 1000.0;
        };
        std::printf("core thread: a posted call waited p50=%.1f ms p95=%.1f ms p99=%.1f ms "
                    "(%lld probes of %d every 5 ms)\n",
                    at(0.5), at(0.95), at(0.99), qlonglong(waitsUs.size()), seconds * 200);
    }
    if (!Testing::testOnPostgres())
        printBreakdown(dir.path() + u"/bench.sqlite"_s, measuredSinceMs);
    Bench::printJsonLine({{u"channels"_s, channels},
                          {u"worst_p99_ms"_s, Bench::rounded(worst)},
                          {u"channels_p99_ms"_s, perChannel}});
    return 0;
}
