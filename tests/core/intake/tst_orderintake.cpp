// OrderIntake in its runtime: what is answered how, what is kept, and the two guarantees the
// inbox exists for — an answer that does not wait for the inventory's write lock, and a full or
// read-only inbox that answers 503 and keeps nothing.
#include "channels/channelconfig.h"
#include "intake/orderintake.h"
#include "intakedelivery.h"
#include "runtime/coreruntime.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "sync/syncengine.h"
#include "webhooktest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kSecret = "hook-secret";

QByteArray wooOrder(int id, const QString &status = u"processing"_s, qint64 quantity = 2)
{
    const QJsonObject order {{u"id"_s, id},
                             {u"status"_s, status},
                             {u"line_items"_s,
                              QJsonArray {QJsonObject {{u"id"_s, 311},
                                                       {u"product_id"_s, 93},
                                                       {u"quantity"_s, quantity},
                                                       {u"sku"_s, u"WOO-A"_s}}}}};
    return QJsonDocument(order).toJson(QJsonDocument::Compact);
}

WebhookRequest woo(const QByteArray &body, const QByteArray &secret = kSecret)
{
    WebhookRequest r;
    r.body = body;
    r.headers.insert("x-wc-webhook-topic", "order.updated");
    r.headers.insert("x-wc-webhook-delivery-id", "77");
    if (!secret.isEmpty())
        r.headers.insert("x-wc-webhook-signature", WebhookTest::sign(body, secret));
    return r;
}
} // namespace

class TestOrderIntake : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void answers_data();
    void answers();
    void answersOnlyAfterTheGroupCommit();
    void answersWhileTheInventoryIsLocked();
    void fullOrReadOnlyInboxAnswers503_data();
    void fullOrReadOnlyInboxAnswers503();
    void keptDeliveriesSurviveARestart();

private:
    qint64 available() const
    {
        return (*InventoryStore(*m_runtime->database()).stock(u"WOO-A"_s))->available;
    }
    qint64 inboxRows() const
    {
        QSqlQuery q(m_runtime->inboxDatabase()->connection());
        q.exec(u"SELECT COUNT(*) FROM deliveries"_s);
        q.next();
        return q.value(0).toLongLong();
    }
    void startRuntime();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CoreRuntime> m_runtime;
};

void TestOrderIntake::startRuntime()
{
    qputenv("INTAKE_WOO_KEY", "ck_test");
    qputenv("INTAKE_WOO_SECRET", "cs_test");
    qputenv("INTAKE_SECRET", kSecret);
    const QByteArray config = R"({"channels": [
  {"id": "woo", "type": "woocommerce", "base_url": "http://127.0.0.1:9",
   "credentials": {"consumer_key_env": "INTAKE_WOO_KEY", "consumer_secret_env": "INTAKE_WOO_SECRET"},
   "webhook_secret_env": "INTAKE_SECRET"},
  {"id": "bay", "type": "ebay", "base_url": "http://127.0.0.1:9",
   "credentials": {"token_env": "INTAKE_SECRET"}}]})";
    const ChannelsConfigResult parsed =
        parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    CoreRuntime::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.listen = false;
    options.orderPollIntervalMs = 3'600'000;
    m_runtime = std::make_unique<CoreRuntime>(options);
    QString error;
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
}

void TestOrderIntake::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    startRuntime();
    StockImportRow row;
    row.sku = u"WOO-A"_s;
    row.available = 10;
    QVERIFY(m_runtime->engine()->importStock({row}, u"test"_s, u"seed"_s).ok());
}

void TestOrderIntake::cleanup()
{
    m_runtime.reset();
    m_dir.reset();
}

void TestOrderIntake::answers_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<int>("status"); // the intake's answer
    QTest::addColumn<QString>("outcome"); // what the order path made of it; empty: not kept
    QTest::addColumn<qint64>("available");
    QTest::newRow("signed order") << u"woo"_s << wooOrder(1) << kSecret << 200 << u"applied"_s
                                  << qint64(8);
    QTest::newRow("unsigned") << u"woo"_s << wooOrder(1) << QByteArray() << 401 << QString()
                              << qint64(10);
    QTest::newRow("wrong signature")
        << u"woo"_s << wooOrder(1) << QByteArray("other") << 401 << QString() << qint64(10);
    QTest::newRow("unknown channel")
        << u"nope"_s << wooOrder(1) << kSecret << 404 << QString() << qint64(10);
    QTest::newRow("poll-only channel")
        << u"bay"_s << wooOrder(1) << kSecret << 404 << QString() << qint64(10);
    // Signed but not ours to apply: kept with its reason, answered 200 (the channel delivered).
    QTest::newRow("signed, not JSON")
        << u"woo"_s << QByteArray("{oops") << kSecret << 200 << u"invalid"_s << qint64(10);
    QTest::newRow("signed, quantity a string")
        << u"woo"_s << wooOrder(1).replace("\"quantity\":2", "\"quantity\":\"2\"") << kSecret << 200
        << u"invalid"_s << qint64(10);
    QTest::newRow("signed, unpaid")
        << u"woo"_s << wooOrder(1, u"pending"_s) << kSecret << 200 << u"ignored"_s << qint64(10);
}

void TestOrderIntake::answers()
{
    QFETCH(QString, channel);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, secret);
    QFETCH(QString, outcome);
    const auto answer = Testing::deliverAndDrain(*m_runtime, channel, woo(body, secret));
    QTEST(answer.status, "status");
    QCOMPARE(inboxRows(), outcome.isEmpty() ? 0 : 1);
    if (!outcome.isEmpty()) {
        QCOMPARE(answer.body.value(u"status"_s).toString(), outcome);
        if (outcome == u"invalid"_s)
            QVERIFY(!answer.body.value(u"error"_s).toString().isEmpty());
    }
    QTEST(available(), "available");
}

void TestOrderIntake::answersOnlyAfterTheGroupCommit()
{
    QList<int> answered;
    for (int order = 1; order <= 3; ++order) {
        Delivery d;
        d.channel = u"woo"_s;
        const WebhookRequest r = woo(wooOrder(order));
        d.body = r.body;
        d.headers = r.headers;
        m_runtime->intake()->receive(
            d, [&answered](int status, QJsonObject) { answered.append(status); });
    }
    QVERIFY(answered.isEmpty()); // nothing is answered before it is kept
    QCOMPARE(inboxRows(), 0);
    QTRY_COMPARE(answered, (QList<int> {200, 200, 200})); // the batch's timer commits them
    QCOMPARE(inboxRows(), 3);
    QTRY_COMPARE(available(), 4); // then drained, in arrival order
}

void TestOrderIntake::answersWhileTheInventoryIsLocked()
{
    // Another connection holds the inventory's write lock (as another process would: SQLite
    // locks the file, not the connection). The guarantee does not depend on how long it holds
    // it, so the test holds it across the calls instead of for 30 s.
    QString error;
    auto other = Database::open(m_dir->filePath(u"inventory.sqlite"_s), &error);
    QVERIFY2(other, qPrintable(error));
    QVERIFY(other->beginWrite());
    QElapsedTimer answeredIn;
    answeredIn.start();
    const auto answer = Testing::deliverAndDrain(*m_runtime, u"woo"_s, woo(wooOrder(5)));
    // Kept and answered, and the drain gave up on the lock at once instead of waiting the
    // connection's 10 s: the intake answers on the same thread.
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(u"status"_s).toString(), u"pending"_s);
    QCOMPARE_LT(answeredIn.elapsed(), 100);
    QCOMPARE(m_runtime->intake()->inbox().backlog().valueOr(-1), 1);
    // The lock goes: the next drain (on its own, by the retry timer) applies it.
    other->rollback();
    QTRY_COMPARE(m_runtime->intake()->inbox().backlog().valueOr(-1), 0);
    QCOMPARE(available(), 8);
}

void TestOrderIntake::fullOrReadOnlyInboxAnswers503_data()
{
    QTest::addColumn<QString>("refuse");
    QTest::addColumn<QString>("allow");
    QTest::newRow("disk full") << u"PRAGMA max_page_count = %1"_s
                               << u"PRAGMA max_page_count = 1073741823"_s;
    QTest::newRow("read-only") << u"PRAGMA query_only = 1"_s << u"PRAGMA query_only = 0"_s;
}

void TestOrderIntake::fullOrReadOnlyInboxAnswers503()
{
    QFETCH(QString, refuse);
    QFETCH(QString, allow);
    Database &inbox = *m_runtime->inboxDatabase();
    QSqlQuery pages(inbox.connection());
    QVERIFY(pages.exec(u"PRAGMA page_count"_s) && pages.next());
    QVERIFY(
        inbox.exec(refuse.contains(u"%1"_s) ? refuse.arg(pages.value(0).toLongLong()) : refuse));
    // A body big enough to need pages of its own.
    const QByteArray note = "\"note\":\"" + QByteArray(20000, 'n') + "\",\"status\"";
    const QByteArray big = wooOrder(9).replace("\"status\"", note);
    const auto refused = Testing::deliverAndDrain(*m_runtime, u"woo"_s, woo(big));
    QCOMPARE(refused.status, 503);
    QVERIFY(refused.body.value(u"error"_s).toString().contains(u"inbox"_s));
    QCOMPARE(inboxRows(), 0); // nothing kept, so the channel's retry is right
    QCOMPARE(available(), 10);
    // Space is back: the channel's retry is kept and applied.
    QVERIFY(inbox.exec(allow));
    const auto kept = Testing::deliverAndDrain(*m_runtime, u"woo"_s, woo(big));
    QCOMPARE(kept.status, 200);
    QCOMPARE(kept.body.value(u"status"_s).toString(), u"applied"_s);
    QCOMPARE(available(), 8);
}

void TestOrderIntake::keptDeliveriesSurviveARestart()
{
    // Kept and answered, and the process ends before the order path ran.
    QCOMPARE(Testing::receive(*m_runtime, u"woo"_s, woo(wooOrder(3))).status, 200);
    QCOMPARE(available(), 10);
    m_runtime.reset();
    startRuntime();
    QTRY_COMPARE(available(), 8); // the next start drains what the last one kept
    QCOMPARE(m_runtime->intake()->inbox().backlog().valueOr(-1), 0);
}

QTEST_GUILESS_MAIN(TestOrderIntake)
#include "tst_orderintake.moc"
