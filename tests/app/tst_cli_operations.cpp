// Runs the real channeldesk-cli binary: the CLI contract for the demo, map-import, quote, the
// dead-letter queue, lag and serve.
#include "clitest.h"
#include "store/database.h"
#include "store/deadletterqueue.h"
#include "store/mappingstore.h"
#include "store/metricslog.h"
#include "store/propagationstore.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>

#include <csignal>

using namespace Qt::StringLiterals;

class TestCliOperations : public ChannelDesk::Testing::CliTest
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void demoRunsAndBalances();
    void mapImport_data();
    void mapImport();
    void mapImportKeepsOneSkuPerListing();
    void quoteWithoutCarriersIsBadInput();
    void deadLetterQueue();
    void serveStopsCleanlyOnSigterm();
    void serveRefusesABadConfig_data();
    void serveRefusesABadConfig();
    void lagReport();
};

void TestCliOperations::demoRunsAndBalances()
{
    const Run r =
        cli({u"demo"_s, u"--duration"_s, u"2"_s, u"--db"_s, m_dir->filePath(u"demo.sqlite"_s)});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("[  1s]"), r.out.constData());
    QVERIFY2(r.out.contains("books balance"), r.out.constData());
}

void TestCliOperations::mapImport_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("good") << QByteArray("channel,sku,remote_id\nshop,A,101\nebay,A,A\nshop,B,102\n")
                          << 0 << QByteArray();
    QTest::newRow("unknown sku") << QByteArray("channel,sku,remote_id\nshop,A,1\nshop,ZZ,2\n") << 1
                                 << QByteArray("line 3: unknown SKU \"ZZ\"");
    QTest::newRow("missing field") << QByteArray("channel,sku,remote_id\nshop,A\n") << 1
                                   << QByteArray("line 2: expected 3 fields");
    QTest::newRow("empty remote id") << QByteArray("channel,sku,remote_id\nshop,A,\n") << 1
                                     << QByteArray("line 2: remote_id is missing");
    QTest::newRow("mapped twice") << QByteArray("channel,sku,remote_id\nshop,A,1\nshop,A,2\n") << 1
                                  << QByteArray("line 3: A is mapped twice on shop");
    QTest::newRow("one listing, two skus")
        << QByteArray("channel,sku,remote_id\nshop,A,101\nshop,B,101\nebay,B,101\n") << 1
        << QByteArray("line 3: listing 101 on shop is already mapped to A on line 2");
    QTest::newRow("bad header") << QByteArray("channel,sku\nshop,A\n") << 1
                                << QByteArray("line 1: missing column \"remote_id\"");
}

void TestCliOperations::mapImport()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, code);
    QFETCH(QByteArray, message);
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA,3\nB,4\n")}).code, 0);
    const Run r = cli({u"map-import"_s, write(u"m.csv"_s, csv)});
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QString error;
    auto db = ChannelDesk::Database::open(m_db, &error);
    QVERIFY(db);
    QCOMPARE(ChannelDesk::MappingStore(*db).mappings()->size(), code == 0 ? 3 : 0);
}

void TestCliOperations::mapImportKeepsOneSkuPerListing()
{
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA,3\nB,4\n")}).code, 0);
    QCOMPARE(cli({u"map-import"_s, write(u"m.csv"_s, "channel,sku,remote_id\nshop,A,101\n")}).code,
             0);
    // B onto A's listing: refused, nothing changes.
    const Run taken =
        cli({u"map-import"_s, write(u"m2.csv"_s, "channel,sku,remote_id\nshop,B,101\n")});
    QCOMPARE(taken.code, 1);
    QVERIFY2(taken.err.contains("line 2: listing 101 on shop is already mapped to A"),
             taken.err.constData());
    // Moving A elsewhere in the same file frees the listing for B.
    QCOMPARE(cli({u"map-import"_s,
                  write(u"m3.csv"_s, "channel,sku,remote_id\nshop,A,201\nshop,B,101\n")})
                 .code,
             0);
    QString error;
    auto db = ChannelDesk::Database::open(m_db, &error);
    QVERIFY(db);
    const auto listings = ChannelDesk::MappingStore(*db).mappings();
    QVERIFY2(listings, qPrintable(listings.error()));
    QCOMPARE(listings->size(), 2);
    for (const ChannelDesk::ListingMapping &l : *listings)
        QCOMPARE(l.remoteId, l.sku == u"A"_s ? u"201"_s : u"101"_s);
}

void TestCliOperations::quoteWithoutCarriersIsBadInput()
{
    const Run r = cli({u"quote"_s, u"--config"_s, write(u"c.json"_s, R"({"carriers": []})"),
                       write(u"o.json"_s, R"({"order_id":"1","promised_by":"2026-12-01",
        "from":{"postal_code":"10001","country":"US"},"to":{"postal_code":"94105","country":"US"},
        "parcels":[{"weight_g":1200,"length_cm":30,"width_cm":20,"height_cm":10}]})")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no enabled carrier"), r.err.constData());
}

void TestCliOperations::deadLetterQueue()
{
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA,3\nB,4\n")}).code, 0);
    QCOMPARE(cli({u"map-import"_s,
                  write(u"m.csv"_s, "channel,sku,remote_id\nshop,A,101\nshop,B,102\nebay,A,A\n")})
                 .code,
             0);
    {
        QString error;
        auto db = ChannelDesk::Database::open(m_db, &error);
        QVERIFY(db);
        ChannelDesk::DeadLetterQueue store(*db);
        ChannelDesk::DeadLetterQueue::Failure f;
        f.version = 1;
        f.attempts = 1;
        f.kind = u"permanent"_s;
        f.httpStatus = 404;
        f.code = u"woocommerce_rest_product_invalid_id"_s;
        f.message = u"Invalid ID."_s;
        f.request = u"{\"stock_quantity\":3}"_s;
        f.response = u"{\"code\":\"woocommerce_rest_product_invalid_id\"}"_s;
        f.atMs = 1'767'225'600'000;
        QVERIFY(store.deadLetter(u"shop"_s, u"A"_s, f));
        QVERIFY(store.deadLetter(u"shop"_s, u"A"_s, f)); // still one entry, two in history
        QVERIFY(store.deadLetter(u"shop"_s, u"B"_s, f));
        QVERIFY(store.deadLetter(u"ebay"_s, u"A"_s, f));
    }
    const Run list = cli({u"dlq"_s, u"--json"_s});
    QCOMPARE(list.code, 0);
    const QJsonArray all = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(all.size(), 3);
    const QJsonObject first = all.at(0).toObject();
    for (const QString &key :
         {u"channel"_s, u"sku"_s, u"state"_s, u"attempts"_s, u"last_error"_s, u"first_failed_at"_s,
          u"last_failed_at"_s, u"request"_s, u"response"_s, u"history"_s})
        QVERIFY2(first.contains(key), qPrintable(key));
    QCOMPARE(QJsonDocument::fromJson(cli({u"dlq"_s, u"--channel"_s, u"ebay"_s, u"--json"_s}).out)
                 .array()
                 .size(),
             1);
    QCOMPARE(cli({u"dlq"_s}).code, 0);

    QCOMPARE(cli({u"dlq-retry"_s}).code, 1); // no selector
    QCOMPARE(cli({u"dlq-retry"_s, u"--all"_s, u"--channel"_s, u"shop"_s}).code, 1);
    const Run retry = cli({u"dlq-retry"_s, u"--sku"_s, u"B"_s});
    QCOMPARE(retry.code, 0);
    QVERIFY(retry.out.contains("1 dead letter queued"));
    const QJsonArray afterRetry =
        QJsonDocument::fromJson(cli({u"dlq"_s, u"--channel"_s, u"shop"_s, u"--json"_s}).out)
            .array();
    QStringList states;
    for (const QJsonValue &v : afterRetry)
        states.append(v[u"sku"_s].toString() + u'=' + v[u"state"_s].toString());
    QCOMPARE(states, (QStringList {u"A=dead"_s, u"B=retrying"_s}));

    QCOMPARE(cli({u"dlq-discard"_s, u"--channel"_s, u"shop"_s}).code, 1); // no reason
    const Run discard =
        cli({u"dlq-discard"_s, u"--channel"_s, u"shop"_s, u"--reason"_s, u"listing deleted"_s});
    QCOMPARE(discard.code, 0);
    QVERIFY(discard.out.contains("1 dead letter discarded")); // B is retrying, not dead
    const QJsonArray audit =
        QJsonDocument::fromJson(cli({u"audit"_s, u"--sku"_s, u"A"_s, u"--json"_s}).out).array();
    QCOMPARE(audit.last()[u"kind"_s].toString(), u"dlq_discard"_s);
    QCOMPARE(audit.last()[u"reason"_s].toString(), u"listing deleted"_s);
    QCOMPARE(audit.last()[u"channel"_s].toString(), u"shop"_s);
    QCOMPARE(QJsonDocument::fromJson(cli({u"dlq"_s, u"--json"_s}).out).array().size(), 2);
}

void TestCliOperations::lagReport()
{
    using namespace ChannelDesk;
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA,3\nB,4\n")}).code, 0);
    QCOMPARE(cli({u"map-import"_s,
                  write(u"m.csv"_s,
                        "channel,sku,remote_id\nshop,A,1\nshop,B,2\n"
                        "ebay,A,A\nwoo,A,11\n")})
                 .code,
             0);
    // What a running serve would have written: rows at real time, as the CLI reads the clock.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QString error;
        auto db = Database::open(m_db, &error);
        QVERIFY2(db, qPrintable(error));
        QVERIFY(
            PropagationStore(*db).acknowledge(u"shop"_s, {{u"A"_s, 1, 3, false}}, now - 10'000));
        DeadLetterQueue::Failure f;
        f.version = 1;
        f.attempts = 1;
        f.kind = u"permanent"_s;
        f.message = u"Invalid ID."_s;
        f.atMs = now - 10'000;
        QVERIFY(DeadLetterQueue(*db).deadLetter(u"shop"_s, u"B"_s, f));
        // woo: a change waiting for ten minutes.
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(
            u"UPDATE listings SET pending_since = %1 WHERE channel = 'woo'"_s.arg(now - 600'000)));

        MetricsLog log(*db);
        QList<LagSample> lags;
        QList<PropagationCall> calls;
        for (qint64 ms = 1; ms <= 100; ++ms) {
            lags.append({u"shop"_s, now - 10'000, ms});
            calls.append({u"shop"_s, now - 10'000,
                          ms == 100 ? AttemptOutcome::Failed : AttemptOutcome::Acknowledged, 1});
        }
        lags.append({u"amazon"_s, now - 7'200'000, 250});
        for (int i = 0; i < 3; ++i) {
            calls.append({u"ebay"_s, now - 5'000, AttemptOutcome::Unanswered, 1});
            calls.append({u"woo"_s, now - 5'000, AttemptOutcome::Failed, 1});
        }
        const Status recorded = log.record(lags, calls);
        QVERIFY2(recorded, qPrintable(recorded.error()));
    }

    const Run json = cli({u"lag"_s, u"--json"_s});
    QCOMPARE(json.code, 0);
    const QJsonArray channels = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(channels.size(), 4);
    QHash<QString, QJsonObject> by;
    for (const QJsonValue &v : channels)
        by.insert(v[u"channel"_s].toString(), v.toObject());
    QCOMPARE(channels.at(0)[u"channel"_s].toString(), u"amazon"_s); // sorted
    QStringList keys = by.value(u"shop"_s).keys();
    for (const QString &key :
         {u"channel"_s, u"window"_s, u"count"_s, u"p50_ms"_s, u"p95_ms"_s, u"p99_ms"_s, u"max_ms"_s,
          u"success_rate"_s, u"attempts"_s, u"failures"_s, u"throttled"_s, u"dead_letters"_s,
          u"pending"_s, u"last_ack_at"_s, u"status"_s})
        QVERIFY2(keys.contains(key), qPrintable(key));

    const QJsonObject shop = by.value(u"shop"_s);
    QCOMPARE(shop[u"window"_s].toString(), u"5m"_s);
    QCOMPARE(shop[u"count"_s].toInteger(), 100);
    QVERIFY2(qAbs(shop[u"p99_ms"_s].toDouble() - 99) <= 0.99, json.out.constData());
    QCOMPARE(shop[u"max_ms"_s].toDouble(), 100.0);
    QVERIFY(qFuzzyCompare(shop[u"success_rate"_s].toDouble(), 0.99));
    QCOMPARE(shop[u"attempts"_s].toInteger(), 100);
    QCOMPARE(shop[u"failures"_s].toInteger(), 1);
    QCOMPARE(shop[u"dead_letters"_s].toInteger(), 1);
    QCOMPARE(shop[u"pending"_s].toInteger(), 0);
    QCOMPARE(shop[u"status"_s].toString(), u"ok"_s);
    const QDateTime lastAck =
        QDateTime::fromString(shop[u"last_ack_at"_s].toString(), Qt::ISODateWithMs);
    QVERIFY2(lastAck.isValid(), json.out.constData());
    QCOMPARE(lastAck.toMSecsSinceEpoch(), now - 10'000);

    const QJsonObject ebay = by.value(u"ebay"_s);
    QCOMPARE(ebay[u"status"_s].toString(), u"unreachable"_s);
    QCOMPARE(ebay[u"pending"_s].toInteger(), 1);
    QVERIFY(ebay[u"last_ack_at"_s].isNull());
    QCOMPARE(ebay[u"success_rate"_s].toDouble(), 0.0);
    const QJsonObject woo = by.value(u"woo"_s);
    QCOMPARE(woo[u"status"_s].toString(), u"stalled"_s);
    QCOMPARE(woo[u"failures"_s].toInteger(), 3);
    const QJsonObject amazon = by.value(u"amazon"_s);
    QCOMPARE(amazon[u"status"_s].toString(), u"idle"_s);
    QCOMPARE(amazon[u"count"_s].toInteger(), 0);

    // A day's window reaches amazon's sample; the status does not change with the window.
    const Run day = cli({u"lag"_s, u"--json"_s, u"--window"_s, u"24h"_s});
    QCOMPARE(day.code, 0);
    for (const QJsonValue &v : QJsonDocument::fromJson(day.out).array()) {
        QCOMPARE(v[u"window"_s].toString(), u"24h"_s);
        if (v[u"channel"_s].toString() == "amazon"_L1) {
            QCOMPARE(v[u"count"_s].toInteger(), 1);
            QCOMPARE(v[u"max_ms"_s].toDouble(), 250.0);
            QCOMPARE(v[u"status"_s].toString(), u"idle"_s);
        }
    }

    const Run text = cli({u"lag"_s});
    QCOMPARE(text.code, 0);
    const QList<QByteArray> lines = text.out.split('\n');
    QVERIFY2(lines.value(0).startsWith("CHANNEL") && lines.value(0).contains("P99 MS"),
             text.out.constData());
    QVERIFY(lines.value(3).startsWith("shop "));
    QVERIFY(lines.value(3).contains(" ok "));
    QVERIFY(lines.value(4).startsWith("woo ") && lines.value(4).contains(" stalled "));

    QCOMPARE(cli({u"lag"_s, u"--window"_s, u"2d"_s}).code, 1);
    const QString junk =
        write(u"junk.sqlite"_s, QByteArray("definitely not sqlite ").repeated(100));
    const Run bad = cli({u"lag"_s, u"--json"_s, u"--db"_s, junk});
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains("unusable database"));
    QVERIFY(bad.out.isEmpty());
}

void TestCliOperations::serveStopsCleanlyOnSigterm()
{
    const QString config = write(u"serve.json"_s, R"({"listen": "127.0.0.1:0", "channels": []})");
    QProcess serve;
    serve.start(QStringLiteral(CLI_PATH), {u"serve"_s, u"--config"_s, config, u"--db"_s, m_db});
    QVERIFY(serve.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += serve.readAllStandardOutput()).contains("serving"), 20'000);
    const QRegularExpressionMatch port =
        QRegularExpression(u"http://127\\.0\\.0\\.1:(\\d+)"_s).match(QString::fromUtf8(out));
    QVERIFY2(port.hasMatch(), out.constData());

    QNetworkAccessManager network;
    QNetworkReply *reply =
        network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/healthz"_s.arg(port.captured(1)))));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll())[u"status"_s].toString(), u"ok"_s);
    delete reply;

    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(20'000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY(serve.readAllStandardOutput().contains("stopped"));
}

void TestCliOperations::serveRefusesABadConfig_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("not json") << QByteArray("{nope") << QByteArray("serve.json");
    QTest::newRow("missing base_url")
        << QByteArray(R"({"channels": [{"id": "a", "type": "shopify"}]})")
        << QByteArray("channels[0].base_url");
    QTest::newRow("unknown type")
        << QByteArray(R"({"channels": [{"id": "a", "type": "etsy", "base_url": "http://x"}]})")
        << QByteArray("channels[0].type");
    QTest::newRow("secret not set")
        << QByteArray(R"({"channels": [{"id": "a", "type": "ebay", "base_url": "http://x",
                       "credentials": {"token_env": "CHANNELDESK_TEST_UNSET_VARIABLE"}}]})")
        << QByteArray("CHANNELDESK_TEST_UNSET_VARIABLE");
}

void TestCliOperations::serveRefusesABadConfig()
{
    QFETCH(QByteArray, config);
    QFETCH(QByteArray, message);
    const Run r = cli({u"serve"_s, u"--config"_s, write(u"serve.json"_s, config)});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(cli({u"serve"_s}).code, 1); // no --config
}

QTEST_GUILESS_MAIN(TestCliOperations)
#include "tst_cli_operations.moc"
