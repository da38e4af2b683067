#pragma once

// The kill -9 proof (issue 11), shared by the tests that kill a process running the core:
// tst_killnine (`serve`) and tst_consolekillnine (the console, `channeldesk`). A driver sends
// signed WooCommerce webhooks the way the channel does (again until it hears 200), the simulator
// (channeldesk-sim) is the channel stock is pushed to, and the process under test is SIGKILLed
// at random moments with deliveries in flight, then started again. The checks afterwards: every
// delivery answered 200 is applied exactly once (one sale per order, the stock down one unit per
// order), every change is acknowledged by the channel or dead-lettered, and the channel's
// propagator has read the log to its end from its cursor.
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
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace ChannelDesk::Testing {

class KillNineDriver
{
public:
    static constexpr int kOrders = 300;
    static constexpr int kKills = 10;
    static constexpr qint64 kStock = 100'000;
    static inline const QByteArray kSecret = "kill-secret";

    // How to start the process under test (with configPath() and databasePath()): it is ready
    // when it prints a line matching portLine, whose first capture is its webhook port.
    struct Launch
    {
        QString program;
        QStringList arguments;
        QRegularExpression portLine;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QProcess::ProcessChannel portChannel = QProcess::StandardOutput;
    };

    QString configPath() const { return m_dir.filePath(QStringLiteral("config.json")); }
    // The inventory: a SQLite file in the driver's folder unless setDatabaseLocation gave
    // another (a postgresql:// URL).
    QString databasePath() const
    {
        return m_location.isEmpty() ? m_dir.filePath(QStringLiteral("inventory.sqlite"))
                                    : m_location;
    }
    void setDatabaseLocation(const QString &location) { m_location = location; }
    QString dirPath() const { return m_dir.path(); }

    // The port a process prints on a line matching `pattern` (its first capture).
    static quint16 portFrom(QProcess &process, const QRegularExpression &pattern)
    {
        if (!process.waitForReadyRead(30'000))
            return 0;
        while (true) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            if (const auto match = pattern.match(line); match.hasMatch())
                return quint16(match.captured(1).toUInt());
            if (!process.canReadLine() && !process.waitForReadyRead(30'000))
                return 0;
        }
    }

    // Starts the process as `launch` says and waits for its port; false (and its output
    // printed) when it does not come.
    static bool start(const Launch &launch, QProcess &process, quint16 *port)
    {
        process.setProcessEnvironment(launch.environment);
        process.setReadChannel(launch.portChannel);
        process.start(launch.program, launch.arguments);
        *port = portFrom(process, launch.portLine);
        if (*port == 0)
            qWarning() << process.readAllStandardOutput() << process.readAllStandardError();
        return *port != 0;
    }

    // Starts the simulated WooCommerce shop, writes the core's config (a webhook channel with
    // its secrets in the environment) and seeds the inventory with the mapped SKU.
    void setUp()
    {
        using namespace Qt::StringLiterals;
        QVERIFY(m_dir.isValid());
        const QString simConfig = uR"({"listen": "127.0.0.1:0", "channels": [
  {"id": "woo", "type": "woocommerce", "consumer_key": "ck_test", "consumer_secret": "cs_test",
   "webhooks": false, "listings": {"93": {"quantity": %1, "sku": "WOO-A"}}}]})"_s.arg(kStock);
        QFile simFile(m_dir.filePath(u"sim.json"_s));
        QVERIFY(simFile.open(QIODevice::WriteOnly));
        simFile.write(simConfig.toUtf8());
        simFile.close();
        m_sim.start(QStringLiteral(CHANNELDESK_SIM), {u"--config"_s, simFile.fileName()});
        const quint16 simPort =
            portFrom(m_sim, QRegularExpression(u"listening on http://[^ ]+:(\\d+)"_s));
        QVERIFY(simPort != 0);

        qputenv("KILL_WOO_KEY", "ck_test");
        qputenv("KILL_WOO_SECRET", "cs_test");
        qputenv("KILL_SECRET", kSecret);
        QFile config(configPath());
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(uR"({"listen": "127.0.0.1:0", "channels": [
  {"id": "woo", "type": "woocommerce", "base_url": "http://127.0.0.1:%1/woo", "intake": "webhook",
   "credentials": {"consumer_key_env": "KILL_WOO_KEY", "consumer_secret_env": "KILL_WOO_SECRET"},
   "webhook_secret_env": "KILL_SECRET"}]})"_s.arg(simPort)
                         .toUtf8());
        config.close();

        QString error;
        auto db = Database::open(databasePath(), &error);
        QVERIFY2(db, qPrintable(error));
        StockImportRow row;
        row.sku = u"WOO-A"_s;
        row.available = kStock;
        QVERIFY(SyncEngine(*db).importStock({row}, u"test"_s, u"seed"_s).ok());
        QVERIFY(MappingStore(*db).importMappings({{u"woo"_s, u"WOO-A"_s, u"93"_s}}, 1).ok());
    }

    void tearDown()
    {
        m_sim.kill();
        m_sim.waitForFinished();
    }

    // The whole proof: the kills, then the checks with the last run (left running in `last`).
    void prove(const Launch &launch, QProcess &last)
    {
        killAtRandomMomentsThenDeliverAll(launch, last);
        if (!QTest::currentTestFailed())
            verifyExactlyOnceAndPropagated();
    }

    // kKills runs, each sent the next slice of orders (and what was never answered) and
    // SIGKILLed after a random number of them were answered, with others still in flight; then
    // a last run in `last` (left running) that is sent everything never answered.
    void killAtRandomMomentsThenDeliverAll(const Launch &launch, QProcess &last)
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill moments seeded with %u", seed);
        QRandomGenerator random(seed);
        int cuts = 0;
        for (int kill = 0; kill < kKills; ++kill) {
            QProcess process;
            quint16 port = 0;
            QVERIFY(start(launch, process, &port));
            if (deliver(process, port, (kill + 1) * kOrders / kKills,
                        int(random.bounded(1, kOrders / kKills))))
                ++cuts;
            process.kill();
            process.waitForFinished();
        }
        qInfo("%d of %d kills cut deliveries off; %lld of %d answered before the last run", cuts,
              kKills, qlonglong(m_answered.size()), kOrders);
        QVERIFY2(cuts >= kKills / 2, "too few kills hit deliveries in flight to prove anything");
        quint16 port = 0;
        QVERIFY(start(launch, last, &port));
        for (int attempt = 0; attempt < 5 && m_answered.size() < kOrders; ++attempt)
            deliver(last, port, kOrders, -1);
        QCOMPARE(m_answered.size(), kOrders);
    }

    // With the last run still going: the inbox drained, every answered delivery one sale, the
    // stock down one unit per order, and the channel acknowledged (or dead-lettered) the last
    // change, its propagator's cursor at the end of the log.
    void verifyExactlyOnceAndPropagated()
    {
        using namespace Qt::StringLiterals;
        QString error;
        auto inbox = InboxStore::open(InboxStore::locationFor(databasePath()), true, &error);
        QVERIFY2(inbox, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(InboxStore(*inbox).backlog().valueOr(-1), 0, 30'000);
        auto db = Database::open(databasePath(), &error);
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
        const QSet<int> lost = QSet<int>(m_answered).subtract(applied);
        const QSet<int> unasked = QSet<int>(applied).subtract(m_answered);
        QVERIFY2(lost.isEmpty(),
                 qPrintable(u"%1 orders answered 200 were never applied"_s.arg(lost.size())));
        QVERIFY2(unasked.isEmpty(),
                 qPrintable(u"%1 orders applied were never answered 200"_s.arg(unasked.size())));
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
        const auto dead = DeadLetterQueue(*db).deadLetters({u"woo"_s, {}});
        QVERIFY(dead);
        if (dead->isEmpty()) {
            const auto listings = PropagationStore(*db).listings(u"woo"_s, u"WOO-A"_s);
            QVERIFY(listings && !listings->isEmpty());
            QCOMPARE(listings->first().ackedQuantity.value_or(-1), kStock - kOrders);
        }
        // The propagator read the log from its cursor to the end, through every restart.
        QVERIFY(q.exec(u"SELECT MAX(id) FROM mutations"_s) && q.next());
        const qint64 last = q.value(0).toLongLong();
        QTRY_COMPARE_WITH_TIMEOUT(
            PropagationStore(*db).cursor(u"woo"_s).valueOr(std::nullopt).value_or(-1), last,
            30'000);
    }

    // Sends every order up to `upTo` not answered 200 yet; returns when all are answered, or
    // SIGKILLs the process once `killAfter` of them were answered in this run (-1: never).
    // True if the kill cut requests off.
    bool deliver(QProcess &process, quint16 port, int upTo, int killAfter)
    {
        using namespace Qt::StringLiterals;
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
                QMessageAuthenticationCode::hash(body, kSecret, QCryptographicHash::Sha256)
                    .toBase64());
            QNetworkReply *reply = m_network.post(request, body);
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, id] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                    m_answered.insert(id);
                    // The moment: SIGKILL, whatever the process is doing with the others.
                    if (++answeredNow == killAfter) {
                        cut = inFlight > 1;
                        process.kill();
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

    // Orders answered 200 so far (deliver() sends only the others).
    const QSet<int> &answered() const { return m_answered; }
    // Forgets them: the next deliver() sends every order again (a redelivery of each).
    void forgetAnswers() { m_answered.clear(); }

private:
    static QByteArray order(int id)
    {
        using namespace Qt::StringLiterals;
        const QJsonObject o {{u"id"_s, id},
                             {u"status"_s, u"processing"_s},
                             {u"line_items"_s,
                              QJsonArray {QJsonObject {{u"id"_s, id * 10},
                                                       {u"product_id"_s, 93},
                                                       {u"quantity"_s, 1},
                                                       {u"sku"_s, u"WOO-A"_s}}}}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    QTemporaryDir m_dir;
    QString m_location;
    QProcess m_sim;
    QNetworkAccessManager m_network;
    QSet<int> m_answered; // answered 200
};

} // namespace ChannelDesk::Testing
