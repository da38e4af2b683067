// Sync lag under load (DESIGN §11): N channels with 10 ms of latency each, orders applied at a
// steady rate through the real runtime, lag read from the LagMonitor the console and /metrics
// use. Usage: bench_propagation [CHANNELS] [ORDERS_PER_SECOND] [SECONDS]
// The simulated channels run as a separate channeldesk-sim process.
// Channels alternate Shopify and WooCommerce (both batch); eBay is left out on purpose: its
// 250-revisions-a-day limit paces a hot listing to one revision every 2 s by design.
#include "metrics/lagmonitor.h"
#include "runtime/coreruntime.h"
#include "sim/orderstream.h"
#include "store/database.h"
#include "store/listingstore.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"channeldesk.*.debug=false\nchanneldesk.*.info=false"_s);
    const QStringList args = app.arguments();
    const int channels = args.size() > 1 ? args.at(1).toInt() : 8;
    const int rate = args.size() > 2 ? args.at(2).toInt() : 1000;
    const int seconds = args.size() > 3 ? args.at(3).toInt() : 10;
    constexpr int kSkus = 200;

    QTemporaryDir dir;
    // The channels run in their own process, as remote shops would: the core's thread is not
    // the simulator's. Pick a free port for it first.
    quint16 simPort = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        simPort = probe.serverPort();
    }
    const QString sim = u"http://127.0.0.1:%1/"_s.arg(simPort);

    QJsonArray simChannels;
    QString config = u"{\"listen\": \"127.0.0.1:0\", \"channels\": ["_s;
    QList<ListingMapping> mappings;
    for (int c = 0; c < channels; ++c) {
        const bool shopify = c % 2 == 0;
        const QString id = u"ch%1"_s.arg(c);
        QJsonObject listings;
        for (int i = 0; i < kSkus; ++i) {
            const QString remote = QString::number(1000 + i);
            listings.insert(remote, 0);
            mappings.append({id, u"SKU-%1"_s.arg(i), remote});
        }
        QJsonObject ch {{u"id"_s, id}, {u"listings"_s, listings}, {u"latency_ms"_s, 10}};
        if (shopify) {
            ch.insert(u"type"_s, u"shopify"_s);
            ch.insert(u"token"_s, u"t"_s);
            ch.insert(u"rate_limit"_s,
                      QJsonObject {{u"maximum_available"_s, 1e9}, {u"restore_rate"_s, 1e9}});
        } else {
            ch.insert(u"type"_s, u"woocommerce"_s);
            ch.insert(u"consumer_key"_s, u"k"_s);
            ch.insert(u"consumer_secret"_s, u"s"_s);
        }
        simChannels.append(ch);
        config += (c ? u","_s : QString()) +
            (shopify ? u"{\"id\":\"%1\",\"type\":\"shopify\",\"base_url\":\"%2%1\","
                       "\"location_id\":\"1\",\"max_requests_per_second\":1000,"
                       "\"credentials\":{\"token_env\":\"BENCH_T\"},"
                       "\"webhook_secret_env\":\"BENCH_T\"}"_s
                     : u"{\"id\":\"%1\",\"type\":\"woocommerce\",\"base_url\":\"%2%1\","
                       "\"max_requests_per_second\":1000,\"credentials\":"
                       "{\"consumer_key_env\":\"BENCH_K\",\"consumer_secret_env\":\"BENCH_S\"},"
                       "\"webhook_secret_env\":\"BENCH_T\"}"_s)
                .arg(id, sim);
    }
    config += u"]}"_s;
    qputenv("BENCH_T", "t");
    qputenv("BENCH_K", "k");
    qputenv("BENCH_S", "s");
    QString error;
    QFile simConfig(dir.filePath(u"sim.json"_s));
    if (!simConfig.open(QIODevice::WriteOnly))
        qFatal("cannot write the simulator config");
    simConfig.write(QJsonDocument(QJsonObject {{u"listen"_s, u"127.0.0.1:%1"_s.arg(simPort)},
                                               {u"channels"_s, simChannels}})
                        .toJson());
    simConfig.close();
    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    simulator.start(QStringLiteral(CHANNELDESK_SIM), {u"--config"_s, simConfig.fileName()});
    if (!simulator.waitForReadyRead(10'000))
        qFatal("channeldesk-sim did not start");

    const auto parsed =
        parseChannelsConfig(config.toUtf8(), QProcessEnvironment::systemEnvironment());
    if (!parsed.ok())
        qFatal("%s", qPrintable(parsed.error));
    CoreRuntime::Options options;
    options.databaseLocation = dir.filePath(u"bench.sqlite"_s);
    options.config = *parsed.config;
    options.listen = false;
    {
        auto db = Database::open(options.databaseLocation, &error);
        SyncEngine engine(*db);
        QList<StockImportRow> rows;
        for (int i = 0; i < kSkus; ++i) {
            StockImportRow r;
            r.sku = u"SKU-%1"_s.arg(i);
            r.available = 100'000'000;
            rows.append(r);
        }
        engine.importStock(rows, u"bench"_s, u"seed"_s);
        ListingStore(*db).importMappings(mappings, QDateTime::currentMSecsSinceEpoch(), &error);
    }
    CoreRuntime runtime(options);
    if (!runtime.start(&error))
        qFatal("%s", qPrintable(error));

    OrderStream::Options streamOptions;
    for (int i = 0; i < kSkus; ++i)
        streamOptions.skus.append(u"SKU-%1"_s.arg(i));
    streamOptions.channels = {u"pos"_s};
    streamOptions.duplicateShare = 0;
    OrderStream stream(streamOptions);

    // Let the first sync settle, then measure only the steady state.
    QElapsedTimer clock;
    QTimer::singleShot(3000, &app, [&] {
        std::printf("channels=%d rate=%d/s seconds=%d latency=10ms skus=%d\n", channels, rate,
                    seconds, kSkus);
        for (const QString &ch : runtime.lagMonitor()->channels())
            runtime.lagMonitor()->removeChannel(ch);
        clock.start();
        auto *tick = new QTimer(&app);
        double owed = 0;
        QObject::connect(tick, &QTimer::timeout, &app, [&, tick] {
            owed += rate / 100.0;
            const int n = int(owed);
            owed -= n;
            runtime.engine()->applyBatch(stream.take(n, 0));
            if (clock.elapsed() >= seconds * 1000) {
                tick->stop();
                QTimer::singleShot(2000, &app, &QCoreApplication::quit);
            }
        });
        tick->start(10);
    });
    app.exec();
    simulator.kill();
    simulator.waitForFinished();

    double worst = 0;
    for (const ChannelLagStats &s : runtime.lagMonitor()->snapshots(LagMonitor::kFiveMinutesMs)) {
        std::printf("%-5s acks=%6lld p50=%7.1f ms p95=%7.1f ms p99=%7.1f ms max=%7.1f ms "
                    "calls=%lld\n",
                    qPrintable(s.channel), s.count, s.p50Ms, s.p95Ms, s.p99Ms, s.maxMs, s.attempts);
        worst = std::max(worst, s.p99Ms);
    }
    std::printf("worst p99: %.1f ms\n", worst);
    return 0;
}
