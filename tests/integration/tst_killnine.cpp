// Proof (issue 11): `serve` killed with SIGKILL at random moments, 10 times, and started again,
// with a driver sending signed WooCommerce webhooks the way the channel does (again until it
// hears 200) and the simulator as the channel stock is pushed to. Every delivery answered 200 is
// applied exactly once, and every change is acknowledged by the channel or dead-lettered.
#include "intake/inboxstore.h"
#include "store/database.h"
#include "store/deadletterqueue.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kSecret = "kill-secret";
constexpr int kOrders = 300;
constexpr int kKills = 10;
constexpr qint64 kStock = 100'000;

QByteArray order(int id)
{
    const QJsonObject o {{u"id"_s, id},
                         {u"status"_s, u"processing"_s},
                         {u"line_items"_s,
                          QJsonArray {QJsonObject {{u"id"_s, id * 10},
                                                   {u"product_id"_s, 93},
                                                   {u"quantity"_s, 1},
                                                   {u"sku"_s, u"WOO-A"_s}}}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

quint16 portFrom(QProcess &process, const QString &marker)
{
    if (!process.waitForReadyRead(30'000))
        return 0;
    while (true) {
        const QString line = QString::fromUtf8(process.readLine()).trimmed();
        if (line.contains(marker))
            return quint16(line.section(u':', -1).section(u' ', 0, 0).toUInt());
        if (!process.canReadLine() && !process.waitForReadyRead(30'000))
            return 0;
    }
}
} // namespace

class TestKillNine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answeredDeliveriesAreAppliedExactlyOnce();

private:
    bool startServe(QProcess &serve, quint16 *port);
    // Sends every order up to `upTo` not answered 200 yet; returns when all are answered, or
    // SIGKILLs serve once `killAfter` of them were answered in this run (-1: never). True if
    // the kill cut requests off.
    bool deliver(QProcess &serve, quint16 port, int upTo, int killAfter);

    QTemporaryDir m_dir;
    QProcess m_sim;
    QNetworkAccessManager m_network;
    QSet<int> m_answered; // answered 200
    QString m_db;
};

void TestKillNine::initTestCase()
{
    m_db = m_dir.filePath(u"inventory.sqlite"_s);
    const QJsonObject simConfig {
        {u"listen"_s, u"127.0.0.1:0"_s},
        {u"channels"_s,
         QJsonArray {QJsonObject {
             {u"id"_s, u"woo"_s},
             {u"type"_s, u"woocommerce"_s},
             {u"consumer_key"_s, u"ck_test"_s},
             {u"consumer_secret"_s, u"cs_test"_s},
             {u"webhooks"_s, false},
             {u"listings"_s,
              QJsonObject {
                  {u"93"_s, QJsonObject {{u"quantity"_s, kStock}, {u"sku"_s, u"WOO-A"_s}}}}},
         }}}};
    QFile simFile(m_dir.filePath(u"sim.json"_s));
    QVERIFY(simFile.open(QIODevice::WriteOnly));
    simFile.write(QJsonDocument(simConfig).toJson());
    simFile.close();
    m_sim.start(QStringLiteral(CHANNELDESK_SIM), {u"--config"_s, simFile.fileName()});
    const quint16 simPort = portFrom(m_sim, u"listening on"_s);
    QVERIFY(simPort != 0);

    qputenv("KILL_WOO_KEY", "ck_test");
    qputenv("KILL_WOO_SECRET", "cs_test");
    qputenv("KILL_SECRET", kSecret);
    QFile config(m_dir.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(uR"({"listen": "127.0.0.1:0", "channels": [
  {"id": "woo", "type": "woocommerce", "base_url": "http://127.0.0.1:%1/woo", "intake": "webhook",
   "credentials": {"consumer_key_env": "KILL_WOO_KEY", "consumer_secret_env": "KILL_WOO_SECRET"},
   "webhook_secret_env": "KILL_SECRET"}]})"_s.arg(simPort)
                     .toUtf8());
    config.close();

    QString error;
    auto db = Database::open(m_db, &error);
    QVERIFY2(db, qPrintable(error));
    StockImportRow row;
    row.sku = u"WOO-A"_s;
    row.available = kStock;
    QVERIFY(SyncEngine(*db).importStock({row}, u"test"_s, u"seed"_s).ok());
    QVERIFY(MappingStore(*db).importMappings({{u"woo"_s, u"WOO-A"_s, u"93"_s}}, 1).ok());
}

void TestKillNine::cleanupTestCase()
{
    m_sim.kill();
    m_sim.waitForFinished();
}

bool TestKillNine::startServe(QProcess &serve, quint16 *port)
{
    serve.setProcessChannelMode(QProcess::SeparateChannels);
    serve.start(QStringLiteral(CHANNELDESK_CLI),
                {u"serve"_s, u"--config"_s, m_dir.filePath(u"config.json"_s), u"--db"_s, m_db});
    *port = portFrom(serve, u"serving"_s);
    if (*port == 0)
        qWarning() << serve.readAllStandardError();
    return *port != 0;
}

bool TestKillNine::deliver(QProcess &serve, quint16 port, int upTo, int killAfter)
{
    QEventLoop loop;
    int inFlight = 0;
    bool cut = false;
    int answeredNow = 0;
    for (int id = 1; id <= upTo; ++id) {
        if (m_answered.contains(id))
            continue;
        const QByteArray body = order(id);
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/webhooks/woo"_s.arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("X-WC-Webhook-Topic", "order.created");
        request.setRawHeader(
            "X-WC-Webhook-Signature",
            QMessageAuthenticationCode::hash(body, kSecret, QCryptographicHash::Sha256).toBase64());
        QNetworkReply *reply = m_network.post(request, body);
        ++inFlight;
        connect(reply, &QNetworkReply::finished, &loop, [&, reply, id] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                m_answered.insert(id);
                // The moment: SIGKILL, whatever serve is doing with the others in flight.
                if (++answeredNow == killAfter) {
                    cut = inFlight > 1;
                    serve.kill();
                }
            }
            reply->deleteLater();
            if (--inFlight == 0)
                loop.quit();
        });
    }
    if (inFlight == 0)
        return false;
    loop.exec(); // every request ends: answered, or cut off by the kill
    return cut;
}

void TestKillNine::answeredDeliveriesAreAppliedExactlyOnce()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("kill moments seeded with %u", seed);
    QRandomGenerator random(seed);
    // Each run is sent the next slice of orders (and what was never answered) and killed after
    // a random number of them were answered, with others still in flight.
    int cuts = 0;
    for (int kill = 0; kill < kKills; ++kill) {
        QProcess serve;
        quint16 port = 0;
        QVERIFY(startServe(serve, &port));
        if (deliver(serve, port, (kill + 1) * kOrders / kKills,
                    random.bounded(1, kOrders / kKills)))
            ++cuts;
        serve.kill();
        serve.waitForFinished();
    }
    qInfo("%d of %d kills cut deliveries off; %lld of %d answered before the last run", cuts,
          kKills, qlonglong(m_answered.size()), kOrders);
    QVERIFY2(cuts >= kKills / 2, "too few kills hit deliveries in flight to prove anything");
    // The last run: the channel delivers what was never answered, then serve stops cleanly.
    QProcess serve;
    quint16 port = 0;
    QVERIFY(startServe(serve, &port));
    for (int attempt = 0; attempt < 5 && m_answered.size() < kOrders; ++attempt)
        deliver(serve, port, kOrders, -1);
    QCOMPARE(m_answered.size(), kOrders);

    QString error;
    auto inbox = InboxStore::open(InboxStore::locationFor(m_db), true, &error);
    QVERIFY2(inbox, qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(InboxStore(*inbox).backlog().valueOr(-1), 0, 30'000);
    auto db = Database::open(m_db, &error);
    QVERIFY2(db, qPrintable(error));
    // Exactly once: one sale per order, and the stock down by one unit per order.
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(u"SELECT order_id, COUNT(*) FROM mutations WHERE sku = 'WOO-A' AND "
                   "kind = 'order' GROUP BY order_id"_s));
    QSet<int> applied;
    while (q.next()) {
        QCOMPARE(q.value(1).toInt(), 1);
        applied.insert(q.value(0).toInt());
    }
    QCOMPARE(applied, m_answered);
    const auto stock = InventoryStore(*db).stock(u"WOO-A"_s);
    QVERIFY(stock && *stock);
    QCOMPARE((*stock)->available, kStock - kOrders);
    // Every change reaches the channel, or waits in the dead-letter queue.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto listings = PropagationStore(*db).listings(u"woo"_s, u"WOO-A"_s);
            const auto dead = DeadLetterQueue(*db).deadLetters({u"woo"_s, {}});
            const auto now = InventoryStore(*db).stock(u"WOO-A"_s);
            return listings && dead && now && !listings->isEmpty() &&
                (listings->first().ackedVersion >= (*now)->version || !dead->isEmpty());
        }(),
        30'000);
    serve.terminate();
    QVERIFY(serve.waitForFinished(30'000));
    QCOMPARE(serve.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestKillNine)
#include "tst_killnine.moc"
