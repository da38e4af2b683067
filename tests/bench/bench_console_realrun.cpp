// bench_console --real SKUS ORDERS_PER_SECOND SECONDS: the whole console at SKUS SKUs on the real
// core (issue 13), three processes as a merchant's machine would have them. This one, the driver:
// seeds the SQLite inventory once (the demo's catalogue, six channels' mappings and what they
// acknowledged; not timed), writes the channels config file a merchant would, starts the six
// simulated shops (Shopify x2, WooCommerce x2, eBay, Amazon) in channeldesk-sim, then the measured
// console (bench_console_real.cpp) in a process of its own, and once its core started places
// ORDERS_PER_SECOND orders on the shops (POST /_sim/<id>/orders, the demo's order stream): the
// shops send them to the console's listener as signed webhooks (Shopify, WooCommerce) or hold
// them for its order polling (eBay, Amazon). It reports the rate the shops took and the rate the
// console's order path applied (the orders in its inventory afterwards), then the console's
// figures, its JSON line last.
#include "benchconsole.h"
#include "benchreport.h"
#include "benchsim.h"
#include "channels/channelconfig.h"
#include "sim/demodriver.h"
#include "store/database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace ChannelDesk::Bench {

namespace {
constexpr int kFeedTickMs = 10;
constexpr int kMaxInFlight = 256; // orders sent to the shops and not yet answered
constexpr int kPollIntervalSeconds = 2;

// The channels config file the console opens: the demo's channels on the simulator, listening on
// `listenPort`, every secret named by an environment variable that `environment` gets.
QByteArray consoleConfig(ChannelsConfig config, quint16 listenPort,
                         QProcessEnvironment *environment)
{
    config.listenPort = listenPort;
    // eBay and Amazon send no order webhooks: polled every 2 s, as the demo does, so that their
    // orders reach the console within the run.
    for (ChannelConfig &c : config.channels)
        c.pollIntervalSeconds = kPollIntervalSeconds;
    QJsonObject root = channelsConfigToJson(config);
    QJsonArray channels = root.value("channels"_L1).toArray();
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const ChannelConfig &c = config.channels.at(i);
        const QString prefix = u"BENCH_"_s + c.id.toUpper().replace(u'-', u'_') + u'_';
        QJsonObject o = channels.at(i).toObject();
        QJsonObject credentials;
        for (auto it = c.credentials.cbegin(); it != c.credentials.cend(); ++it) {
            const QString name = prefix + it.key().toUpper();
            credentials.insert(it.key() + u"_env"_s, name);
            environment->insert(name, QString::fromUtf8(it.value()));
        }
        o.insert(u"credentials"_s, credentials);
        if (!c.webhookSecrets.isEmpty()) {
            const QString name = prefix + u"HOOK"_s;
            o.insert(u"webhook_secret_env"_s, name);
            environment->insert(name, QString::fromUtf8(c.webhookSecrets.first()));
        }
        channels[i] = o;
    }
    root.insert(u"channels"_s, channels);
    return QJsonDocument(root).toJson();
}

qint64 countOrders(const QString &location)
{
    QString error;
    auto db = Database::open(location, &error);
    if (!db)
        return -1;
    QSqlQuery q(db->connection());
    return q.exec(u"SELECT COUNT(*) FROM orders"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

// Places the demo's orders on the simulated shops at a steady rate, over HTTP.
class OrderFeeder
{
public:
    OrderFeeder(DemoDriver &demo, const QString &simulator, int ordersPerSecond)
        : m_demo(demo)
        , m_simulator(simulator)
        , m_rate(ordersPerSecond)
    {
        m_tick.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_tick, &QTimer::timeout, [this] { feed(); });
    }
    void start()
    {
        m_clock.start();
        m_tick.start(kFeedTickMs);
    }
    void stop()
    {
        m_tick.stop();
        m_seconds = double(m_clock.elapsed()) / 1000;
    }
    double seconds() const { return m_seconds; }
    qint64 placed = 0; // the shop took it (201)
    qint64 refused = 0; // the shop did not (out of stock, paused)
    qint64 behind = 0; // not sent: kMaxInFlight orders were waiting for the shops' answers

private:
    void feed()
    {
        const qint64 due = m_clock.elapsed() * m_rate / 1000;
        for (; m_sent < due; ++m_sent) {
            if (m_inFlight >= kMaxInFlight) {
                ++behind;
                continue;
            }
            const std::optional<DemoDriver::PlacedOrder> order = m_demo.nextOrder();
            if (!order)
                continue;
            QNetworkRequest request(QUrl(m_simulator + u"_sim/"_s + order->channel + u"/orders"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            QNetworkReply *reply =
                m_network.post(request, QJsonDocument(order->body).toJson(QJsonDocument::Compact));
            ++m_inFlight;
            QObject::connect(reply, &QNetworkReply::finished, [this, reply] {
                --m_inFlight;
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    ++placed;
                else
                    ++refused;
                reply->deleteLater();
            });
        }
    }

    DemoDriver &m_demo;
    QString m_simulator;
    qint64 m_rate;
    QNetworkAccessManager m_network;
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
    int m_inFlight = 0;
    double m_seconds = 0;
};
} // namespace

int runReal(QApplication &app, int skus, int ordersPerSecond, int seconds)
{
    QTemporaryDir directory;
    const QString database = directory.filePath(QLatin1StringView(kRealDatabase));
    const quint16 simulatorPort = SimProcess::freePort();
    quint16 consolePort = SimProcess::freePort();
    while (consolePort == simulatorPort)
        consolePort = SimProcess::freePort();
    DemoDriver::Options demoOptions;
    demoOptions.skus = skus;
    demoOptions.simulatorPort = simulatorPort;
    DemoDriver demo(SystemClock::instance(), demoOptions);

    // 1. The inventory, once, before anything is measured.
    QElapsedTimer seedClock;
    seedClock.start();
    QString error;
    if (auto db = Database::open(database, &error); !db || !demo.seed(*db, &error)) {
        std::fprintf(stderr, "cannot seed the inventory: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("inventory seeded (not measured): %d SKUs on %lld channels in %.1f s\n", skus,
                qint64(demo.channelsConfig().channels.size()), double(seedClock.elapsed()) / 1000);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QFile config(directory.filePath(QLatin1StringView(kRealConfig)));
    if (!config.open(QIODevice::WriteOnly) ||
        config.write(consoleConfig(demo.channelsConfig(), consolePort, &environment)) < 0) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(config.fileName()));
        return 1;
    }
    config.close();

    // 2. The shops, in their own process.
    auto simulator = std::make_unique<SimProcess>();
    if (!simulator->start(
            demo.simulatorChannels(u"http://127.0.0.1:%1/webhooks/"_s.arg(consolePort)),
            simulatorPort, directory.path(), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    // 3. The console, measured in its own process; the orders start when its core did.
    OrderFeeder feeder(demo, simulator->baseUrl(), ordersPerSecond);
    QProcess console;
    console.setProcessEnvironment(environment);
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QList<QByteArray> consoleLines;
    QObject::connect(&console, &QProcess::readyReadStandardOutput, [&] {
        while (console.canReadLine()) {
            const QByteArray line = console.readLine().trimmed();
            if (line.startsWith(kRealStartedLine))
                feeder.start();
            consoleLines.append(line);
        }
    });
    QObject::connect(&console, &QProcess::finished, &app, [&] {
        feeder.stop();
        QCoreApplication::quit();
    });
    // CHANNELDESK_BENCH_CONSOLE_PREFIX: a command the console runs under ("heaptrack",
    // "perf record -g"), to see where its time and memory go.
    QStringList command =
        qEnvironmentVariable("CHANNELDESK_BENCH_CONSOLE_PREFIX").split(u' ', Qt::SkipEmptyParts);
    command << QCoreApplication::applicationFilePath() << u"--real-console"_s << directory.path()
            << QString::number(seconds);
    console.start(command.takeFirst(), command);
    QApplication::exec();
    const double simulatorCpu = cpuSeconds(simulator->processId());
    simulator.reset(); // its webhooks to the console that closed would only fail now
    if (console.exitStatus() != QProcess::NormalExit || console.exitCode() != 0 ||
        consoleLines.isEmpty()) {
        std::fprintf(stderr, "the console failed (exit code %d)\n", console.exitCode());
        return 1;
    }

    const qint64 applied = countOrders(database);
    const double fed = std::max(feeder.seconds(), 0.001);
    std::printf("real core: skus=%d orders_per_second=%d seconds=%d\n", skus, ordersPerSecond,
                seconds);
    std::printf("orders placed on the shops: %lld in %.1f s (%.0f/s; asked %d/s), %lld refused "
                "by the shops, %lld not sent (the shops were %d answers behind)\n",
                feeder.placed, fed, double(feeder.placed) / fed, ordersPerSecond, feeder.refused,
                feeder.behind, kMaxInFlight);
    std::printf("orders applied by the console's order path: %lld (%.0f/s)\n", applied,
                double(applied) / fed);
    std::printf("CPU: the shops (channeldesk-sim) %.1f s, this driver %.1f s (seeding included)\n",
                simulatorCpu, cpuSeconds());
    // The console's own figures, its JSON line last.
    for (const QByteArray &line : std::as_const(consoleLines))
        std::printf("%s\n", line.constData());
    return 0;
}

} // namespace ChannelDesk::Bench
