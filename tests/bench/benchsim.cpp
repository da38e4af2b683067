#include "benchsim.h"

#include "channels/channelconfig.h"
#include "runtime/coreruntime.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace ChannelDesk::Bench {

namespace {
bool usesSkuAsRemoteId(const QString &type)
{
    return type == "ebay"_L1 || type == "amazon"_L1;
}

QJsonObject simChannel(const Channel &c, int skus, qint64 quantity)
{
    QJsonObject listings;
    for (int i = 0; i < skus; ++i)
        listings.insert(remoteId(c.type, i), quantity);
    QJsonObject o {{u"id"_s, c.id},
                   {u"type"_s, c.type},
                   {u"listings"_s, listings},
                   {u"latency_ms"_s, c.latencyMs}};
    const double rps = c.requestsPerSecond;
    if (c.type == "shopify"_L1) {
        o.insert(u"token"_s, u"t"_s);
        // Shopify limits by query cost: a stock update costs 10 points.
        o.insert(u"rate_limit"_s,
                 rps > 0 ? QJsonObject {{u"maximum_available"_s, 10 * rps},
                                        {u"restore_rate"_s, 10 * rps},
                                        {u"mutation_cost"_s, 10},
                                        {u"throttled_status"_s, 429}}
                         : QJsonObject {{u"maximum_available"_s, 1e9}, {u"restore_rate"_s, 1e9}});
    } else if (c.type == "woocommerce"_L1) {
        o.insert(u"consumer_key"_s, u"k"_s);
        o.insert(u"consumer_secret"_s, u"s"_s);
        if (rps > 0)
            o.insert(u"rate_limit"_s,
                     QJsonObject {
                         {u"requests_per_second"_s, rps}, {u"burst"_s, rps}, {u"status"_s, 429}});
    } else if (c.type == "ebay"_L1) {
        o.insert(u"token"_s, u"t"_s);
        if (rps > 0)
            o.insert(u"rate_limit"_s,
                     QJsonObject {{u"requests_per_second"_s, rps}, {u"burst"_s, rps}});
    } else {
        o.insert(u"seller_id"_s, u"A2BENCH"_s);
        o.insert(u"marketplace_id"_s, u"ATVPDKIKX0DER"_s);
        o.insert(u"lwa_client_id"_s, u"id"_s);
        o.insert(u"lwa_client_secret"_s, u"s"_s);
        o.insert(u"refresh_token"_s, u"rt"_s);
        // How long the simulated Amazon processes a JSON_LISTINGS_FEED: the real one takes
        // minutes (up to eight hours under load); CHANNELDESK_BENCH_FEED_S, default 10 s.
        const QByteArray feedSeconds = qgetenv("CHANNELDESK_BENCH_FEED_S");
        o.insert(u"feed_processing_s"_s, feedSeconds.isEmpty() ? 10.0 : feedSeconds.toDouble());
        o.insert(u"rate_limit"_s,
                 rps > 0 ? QJsonObject {{u"rate"_s, rps}, {u"burst"_s, rps}}
                         : QJsonObject {{u"rate"_s, 1e6}, {u"burst"_s, 1e6}});
    }
    return o;
}

QJsonObject coreChannel(const Channel &c, const QString &simBaseUrl)
{
    QJsonObject o {
        {u"id"_s, c.id},
        {u"type"_s, c.type},
        {u"base_url"_s, QString(simBaseUrl + c.id)},
        {u"max_requests_per_second"_s, c.requestsPerSecond > 0 ? c.requestsPerSecond : 1000.0}};
    if (!c.intake.isEmpty())
        o.insert(u"intake"_s, c.intake);
    if (c.type == "shopify"_L1) {
        o.insert(u"location_id"_s, u"1"_s);
        o.insert(u"credentials"_s, QJsonObject {{u"token_env"_s, u"BENCH_T"_s}});
        o.insert(u"webhook_secret_env"_s, u"BENCH_T"_s);
    } else if (c.type == "woocommerce"_L1) {
        o.insert(u"credentials"_s,
                 QJsonObject {{u"consumer_key_env"_s, u"BENCH_K"_s},
                              {u"consumer_secret_env"_s, u"BENCH_S"_s}});
        o.insert(u"webhook_secret_env"_s, u"BENCH_T"_s);
    } else if (c.type == "ebay"_L1) {
        o.insert(u"credentials"_s, QJsonObject {{u"token_env"_s, u"BENCH_T"_s}});
    } else {
        o.insert(u"seller_id"_s, u"A2BENCH"_s);
        o.insert(u"marketplace_id"_s, u"ATVPDKIKX0DER"_s);
        o.insert(u"lwa_url"_s, QString(simBaseUrl + c.id));
        // CHANNELDESK_BENCH_FEED_THRESHOLD=N sets the config's feed_threshold (0: no feeds).
        if (const QByteArray threshold = qgetenv("CHANNELDESK_BENCH_FEED_THRESHOLD");
            !threshold.isEmpty())
            o.insert(u"feed_threshold"_s, threshold.toInt());
        o.insert(u"credentials"_s,
                 QJsonObject {{u"lwa_client_id_env"_s, u"BENCH_LWA_ID"_s},
                              {u"lwa_client_secret_env"_s, u"BENCH_S"_s},
                              {u"refresh_token_env"_s, u"BENCH_RT"_s}});
    }
    return o;
}
} // namespace

QString skuName(int index)
{
    return u"SKU-%1"_s.arg(index);
}

QString remoteId(const QString &type, int index)
{
    return usesSkuAsRemoteId(type) ? skuName(index) : QString::number(1000 + index);
}

SimProcess::~SimProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

quint16 SimProcess::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool SimProcess::start(const QList<Channel> &channels, int skus, qint64 quantity,
                       const QString &directory, QString *error)
{
    QJsonArray simChannels;
    for (const Channel &c : channels)
        simChannels.append(simChannel(c, skus, quantity));
    return start(simChannels, freePort(), directory, error);
}

bool SimProcess::start(const QJsonArray &simChannels, quint16 port, const QString &directory,
                       QString *error)
{
    m_baseUrl = u"http://127.0.0.1:%1/"_s.arg(port);
    QFile config(directory + u"/sim.json"_s);
    if (!config.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1"_s.arg(config.fileName());
        return false;
    }
    config.write(QJsonDocument(QJsonObject {{u"listen"_s, u"127.0.0.1:%1"_s.arg(port)},
                                            {u"channels"_s, simChannels}})
                     .toJson());
    config.close();
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(CHANNELDESK_SIM), {u"--config"_s, config.fileName()});
    if (!m_process.waitForReadyRead(120'000)) { // 100,000 listings a channel take a while
        *error = u"channeldesk-sim did not start"_s;
        return false;
    }
    return true;
}

static QByteArray coreConfig(const QList<Channel> &channels, const QString &simBaseUrl,
                             const QJsonObject &extra)
{
    qputenv("BENCH_T", "t");
    qputenv("BENCH_K", "k");
    qputenv("BENCH_S", "s");
    qputenv("BENCH_LWA_ID", "id");
    qputenv("BENCH_RT", "rt");
    QJsonArray list;
    for (const Channel &c : channels)
        list.append(coreChannel(c, simBaseUrl));
    QJsonObject root = extra;
    root.insert(u"listen"_s, u"127.0.0.1:0"_s);
    root.insert(u"channels"_s, list);
    return QJsonDocument(root).toJson();
}

static bool seedInventory(const QString &location, const QList<Channel> &channels, int skus,
                          qint64 available, QString *error)
{
    auto db = Database::open(location, error);
    if (!db)
        return false;
    QList<StockImportRow> rows;
    QList<ListingMapping> mappings;
    for (int i = 0; i < skus; ++i) {
        StockImportRow r;
        r.sku = skuName(i);
        r.available = available;
        rows.append(r);
        for (const Channel &c : channels)
            mappings.append({c.id, r.sku, remoteId(c.type, i)});
    }
    const SyncEngine::ChangeResult seeded =
        SyncEngine(*db).importStock(rows, u"bench"_s, u"seed"_s);
    if (!seeded.ok()) {
        *error = seeded.message;
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (const Status mapped = MappingStore(*db).importMappings(mappings, now); !mapped) {
        *error = mapped.error();
        return false;
    }
    for (const Channel &c : channels) {
        QList<PropagationStore::Ack> acks;
        for (int i = 0; i < skus; ++i)
            acks.append({skuName(i), 1, available, false});
        if (const Status acked = PropagationStore(*db).acknowledge(c.id, acks, now); !acked) {
            *error = acked.error();
            return false;
        }
    }
    return true;
}

Core::Core(const QList<Channel> &channels, int skus, const QString &directory, bool listen,
           const QJsonObject &extraConfig, int intakeMaxWaitMs)
{
    constexpr qint64 kPlenty = 100'000'000; // no order runs out
    QString error;
    if (!m_simulator.start(channels, skus, kPlenty, directory, &error))
        qFatal("%s", qPrintable(error));
    // Sets the secrets.
    const QByteArray config = coreConfig(channels, m_simulator.baseUrl(), extraConfig);
    const auto parsed = parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    if (!parsed.ok())
        qFatal("%s", qPrintable(parsed.error));
    CoreRuntime::Options options;
    if (Testing::testOnPostgres()) {
        m_location = std::make_unique<Testing::TestLocation>();
        options.databaseLocation = m_location->location();
    } else {
        options.databaseLocation = directory + u"/bench.sqlite"_s;
    }
    options.config = *parsed.config;
    options.listen = listen;
    if (intakeMaxWaitMs >= 0)
        options.intakeMaxWaitMs = intakeMaxWaitMs;
    if (!seedInventory(options.databaseLocation, channels, skus, kPlenty, &error))
        qFatal("%s", qPrintable(error));
    m_runtime = std::make_unique<CoreRuntime>(options);
    if (!m_runtime->start(&error))
        qFatal("%s", qPrintable(error));
}

Core::~Core()
{
    m_runtime.reset(); // its connections close before the database is dropped
}

} // namespace ChannelDesk::Bench
