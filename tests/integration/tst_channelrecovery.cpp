// A channel that fails for a while and comes back (issue 10, "no listing left frozen"), end to
// end: CoreRuntime against the simulated eBay. While eBay refuses our token (401) or fails (500),
// a SKU sells out and its listing is dead-lettered; when eBay answers again, the listing shows 0
// there without anyone clicking, and the re-drive is audited.
#include "runtime/coreruntime.h"
#include "sim/channelsim.h"
#include "sim/simtcpserver.h"
#include "store/database.h"
#include "store/deadletterqueue.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
const QString kSku = u"SKU-1"_s;
}

class TestChannelRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void soldOutListingReachesTheChannelWhenItAnswersAgain_data();
    void soldOutListingReachesTheChannelWhenItAnswersAgain();

private:
    QJsonObject simCall(const QString &path, const std::optional<QJsonObject> &post = {});
    qint64 shown();
    ListingState listing();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QHttpServer> m_simServer;
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<CoreRuntime> m_runtime;
    std::unique_ptr<QNetworkAccessManager> m_network;
    quint16 m_simPort = 0;
};

void TestChannelRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_simServer = std::make_unique<QHttpServer>();
    auto *tcp = new SimTcpServer(m_simServer.get());
    QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
    m_simPort = tcp->serverPort();

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

    qputenv("RECOVERY_EBAY_TOKEN", "ebay-token");
    const QByteArray config =
        uR"({"listen": "127.0.0.1:0", "channels": [{"id": "ebay", "type": "ebay",
            "base_url": "http://127.0.0.1:%1/ebay",
            "credentials": {"token_env": "RECOVERY_EBAY_TOKEN"}}]})"_s.arg(m_simPort)
            .toUtf8();
    const ChannelsConfigResult parsed =
        parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    CoreRuntime::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.orderPollIntervalMs = 200;
    options.housekeepingIntervalMs = 200;
    options.propagation.backoffBaseMs = 50;
    options.propagation.backoffCapMs = 200;
    options.propagation.maxAttempts = 3;
    options.propagation.pollIntervalMs = 100;
    options.propagation.probeIntervalMs = 300;
    {
        auto db = Database::open(options.databaseLocation, &error);
        QVERIFY2(db, qPrintable(error));
        StockImportRow row;
        row.sku = kSku;
        row.available = 5;
        QVERIFY(SyncEngine(*db).importStock({row}, u"test"_s, u"seed"_s).ok());
        QVERIFY(MappingStore(*db).importMappings({{u"ebay"_s, kSku, kSku}},
                                                 QDateTime::currentMSecsSinceEpoch()));
    }
    m_runtime = std::make_unique<CoreRuntime>(options);
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(listing().state, ListingState::State::InSync, 10'000);
}

void TestChannelRecovery::cleanup()
{
    m_runtime.reset();
    m_sim.reset();
    m_simServer.reset();
    m_network.reset();
    m_dir.reset();
}

QJsonObject TestChannelRecovery::simCall(const QString &path,
                                         const std::optional<QJsonObject> &post)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_simPort).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    QNetworkReply *reply =
        post ? m_network->post(request, QJsonDocument(*post).toJson()) : m_network->get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10'000))
        qFatal("the simulator did not answer %s", qPrintable(path));
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return body;
}

qint64 TestChannelRecovery::shown()
{
    return simCall(u"/_sim/ebay/listings"_s)
        .value(kSku)
        .toObject()
        .value(u"quantity"_s)
        .toInteger(-1);
}

ListingState TestChannelRecovery::listing()
{
    const auto out = PropagationStore(*m_runtime->database()).listings(u"ebay"_s, kSku);
    return out && !out->isEmpty() ? out->constFirst() : ListingState();
}

void TestChannelRecovery::soldOutListingReachesTheChannelWhenItAnswersAgain_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("kind");
    QTest::newRow("token refused") << u"401"_s << QString(DeadLetterQueue::kUnauthorized);
    QTest::newRow("server errors") << u"500"_s << QString(DeadLetterQueue::kExhausted);
}

void TestChannelRecovery::soldOutListingReachesTheChannelWhenItAnswersAgain()
{
    QFETCH(QString, status);
    QFETCH(QString, kind);
    QCOMPARE(shown(), 5);
    simCall(u"/_sim/ebay/faults"_s, QJsonObject {{u"errors"_s, QJsonObject {{status, 1.0}}}});

    // The SKU sells out elsewhere while eBay fails: eBay still offers 5.
    OrderEvent sale;
    sale.channel = u"web"_s;
    sale.orderId = u"1001"_s;
    sale.lines = {{kSku, 5}};
    QCOMPARE(m_runtime->engine()->apply(sale).outcome, ApplyOutcome::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(listing().state, ListingState::State::Dead, 10'000);
    const auto parked = DeadLetterQueue(*m_runtime->database()).deadLetters();
    QVERIFY(parked && parked->size() == 1);
    QCOMPARE(parked->first().errorKind, kind);
    QCOMPARE(shown(), 5);

    // eBay answers again: no click, the listing shows 0 and the letter is closed.
    simCall(u"/_sim/ebay/faults"_s, QJsonObject {{u"errors"_s, QJsonObject {}}});
    QTRY_COMPARE_WITH_TIMEOUT(shown(), 0, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(listing().state, ListingState::State::InSync, 10'000);
    QVERIFY(DeadLetterQueue(*m_runtime->database()).deadLetters()->isEmpty());
    InventoryStore::AuditFilter filter;
    filter.kind = MutationKind::DeadLetterRetry;
    const auto audit = InventoryStore(*m_runtime->database()).audit(filter);
    QVERIFY(audit);
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->first().actor, u"auto-redrive"_s);
}

QTEST_MAIN(TestChannelRecovery)
#include "tst_channelrecovery.moc"
