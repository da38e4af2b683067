// GET /metrics as Prometheus reads it: CoreRuntime with one channel in sync (the simulated eBay,
// so the lag figures are real numbers) and one that cannot be reached (NaN quantiles), its
// answer piped into `promtool check metrics`, Prometheus' own linter (Debian's prometheus
// package; packaging/install-deps.sh installs it). Without promtool the test is skipped.
#include "runtime/coreruntime.h"
#include "sim/channelsim.h"
#include "sim/simtcpserver.h"
#include "store/database.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
const QString kSku = u"SKU-1"_s;
}

class TestMetricsExposition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void promtoolFindsNothingToSay();
    void lagIsRecordedBetweenHousekeepings();

private:
    // The simulated eBay, a channel that is down, and the runtime with gauges and alerts every
    // `housekeepingIntervalMs`.
    void start(int housekeepingIntervalMs);
    QByteArray metrics();
    ListingState::State ebayState();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QHttpServer> m_simServer;
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<CoreRuntime> m_runtime;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestMetricsExposition::start(int housekeepingIntervalMs)
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_simServer = std::make_unique<QHttpServer>();
    auto *tcp = new SimTcpServer(m_simServer.get());
    QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
    const quint16 simPort = tcp->serverPort();

    QString error;
    const QJsonArray simChannels {QJsonObject {
        {u"id"_s, u"ebay"_s},
        {u"type"_s, u"ebay"_s},
        {u"token"_s, u"ebay-token"_s},
        {u"listings"_s, QJsonObject {{kSku, QJsonObject {{u"quantity"_s, 5}, {u"sku"_s, kSku}}}}}}};
    m_sim = std::make_unique<ChannelSimulator>(SystemClock::instance());
    QVERIFY2(m_sim->configure(simChannels, &error), qPrintable(error));
    m_sim->install(*m_simServer);
    m_simServer->bind(tcp);

    // "down" listens nowhere: a port that was free a moment ago.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    qputenv("METRICS_EBAY_TOKEN", "ebay-token");
    const QByteArray config = uR"({"listen": "127.0.0.1:0", "channels": [
            {"id": "ebay", "type": "ebay", "base_url": "http://127.0.0.1:%1/ebay",
             "credentials": {"token_env": "METRICS_EBAY_TOKEN"}},
            {"id": "down", "type": "ebay", "base_url": "http://127.0.0.1:%2/ebay",
             "credentials": {"token_env": "METRICS_EBAY_TOKEN"}}]})"_s.arg(simPort)
                                  .arg(closedPort)
                                  .toUtf8();
    const ChannelsConfigResult parsed =
        parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    CoreRuntime::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.housekeepingIntervalMs = housekeepingIntervalMs;
    options.metricsFlushIntervalMs = 50;
    options.propagation.backoffBaseMs = 50;
    options.propagation.backoffCapMs = 200;
    options.propagation.pollIntervalMs = 100;
    {
        auto db = Database::open(options.databaseLocation, &error);
        QVERIFY2(db, qPrintable(error));
        StockImportRow row;
        row.sku = kSku;
        row.available = 5;
        QVERIFY(SyncEngine(*db).importStock({row}, u"test"_s, u"seed"_s).ok());
        QVERIFY(MappingStore(*db).importMappings({{u"ebay"_s, kSku, kSku}, {u"down"_s, kSku, kSku}},
                                                 QDateTime::currentMSecsSinceEpoch()));
    }
    m_runtime = std::make_unique<CoreRuntime>(options);
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
}

void TestMetricsExposition::cleanup()
{
    m_runtime.reset();
    m_sim.reset();
    m_simServer.reset();
    m_network.reset();
    m_dir.reset();
}

QByteArray TestMetricsExposition::metrics()
{
    QNetworkReply *reply = m_network->get(
        QNetworkRequest(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(m_runtime->port()))));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10'000))
        qFatal("/metrics did not answer");
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

ListingState::State TestMetricsExposition::ebayState()
{
    const auto out = PropagationStore(*m_runtime->database()).listings(u"ebay"_s, kSku);
    return out && !out->isEmpty() ? out->constFirst().state : ListingState::State::Pending;
}

void TestMetricsExposition::promtoolFindsNothingToSay()
{
    start(200);
    if (QTest::currentTestFailed())
        return;
    // The listing reached eBay, so its lag is a sample in the histogram and the summary.
    QTRY_COMPARE_WITH_TIMEOUT(ebayState(), ListingState::State::InSync, 10'000);
    const QByteArray text = metrics();
    QVERIFY2(text.contains("channeldesk_sync_lag_recent_seconds_count{channel=\"ebay\"} 1\n"),
             text.constData());
    QVERIFY2(text.contains(
                 "channeldesk_sync_lag_recent_seconds{channel=\"down\",quantile=\"0.99\"} NaN\n"),
             text.constData());

    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    if (promtool.isEmpty())
        QSKIP("promtool is not installed (Debian: prometheus; packaging/install-deps.sh)");
    QProcess check;
    check.start(promtool, {u"check"_s, u"metrics"_s});
    QVERIFY(check.waitForStarted());
    check.write(text);
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(30'000));
    const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
    QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, said.constData());
    QVERIFY2(said.trimmed().isEmpty(), said.constData());
}

void TestMetricsExposition::lagIsRecordedBetweenHousekeepings()
{
    // What `channeldesk-cli lag` and consoles on a shared inventory read: the acknowledgement's
    // lag sample, its call and its push reach the database within the metrics tick, although
    // the next housekeeping is an hour away (the metrics of a busy channel are written every
    // metricsFlushIntervalMs, not with the gauges and alerts).
    start(3'600'000);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(ebayState(), ListingState::State::InSync, 10'000);
    QString error;
    const auto reader = m_runtime->database()->openAnother(&error);
    QVERIFY2(reader, qPrintable(error));
    const auto count = [&](const QString &sql) {
        QSqlQuery q(reader->connection());
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT COUNT(*) FROM lag_samples WHERE channel = 'ebay'"_s),
                              1, 5'000);
    QTRY_VERIFY_WITH_TIMEOUT(
        count(u"SELECT COUNT(*) FROM propagation_calls WHERE channel = 'ebay'"_s) >= 1, 5'000);
    QTRY_COMPARE_WITH_TIMEOUT(
        count(u"SELECT COUNT(*) FROM push_log WHERE channel = 'ebay' AND lag_ms IS NOT NULL"_s), 1,
        5'000);
}

QTEST_GUILESS_MAIN(TestMetricsExposition)
#include "tst_metricsexposition.moc"
