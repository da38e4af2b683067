// OrderIntake in its runtime: what is answered how, what is kept, and the guarantees the inbox
// and its writer exist for — an answer sent only once its delivery is committed, by the writer's
// thread, so that neither the core thread nor the answer waits for the inventory's write lock,
// and a full or read-only inbox that answers 503 and keeps nothing.
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
#include <QThread>

#include <atomic>
#include <mutex>

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
    void answersOnlyAfterTheWriterCommitted_data();
    void answersOnlyAfterTheWriterCommitted();
    void theCoreThreadDoesNotWaitForTheInbox();
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

void TestOrderIntake::answersOnlyAfterTheWriterCommitted_data()
{
    QTest::addColumn<int>("deliveries");
    QTest::newRow("one") << 1;
    QTest::newRow("a group") << 3;
    QTest::newRow("more than a group commit holds") << 300; // maxBatch 256: two commits
}

void TestOrderIntake::answersOnlyAfterTheWriterCommitted()
{
    QFETCH(int, deliveries);
    // Each answer, as it is sent, looks for its delivery through a connection of its own: only
    // what is committed is there to see.
    struct Seen
    {
        int status = 0;
        qint64 id = 0;
        qint64 visible = -1; // rows with that id another connection sees
        bool onThisThread = false;
    };
    std::mutex mutex;
    QList<Seen> seen;
    const QString location = m_runtime->inboxDatabase()->location();
    QThread *const thisThread = QThread::currentThread();
    for (int order = 1; order <= deliveries; ++order) {
        Delivery d;
        d.channel = u"woo"_s;
        const WebhookRequest r = woo(wooOrder(order));
        d.body = r.body;
        d.headers = r.headers;
        m_runtime->intake()->receive(d, [&, thisThread](int status, QJsonObject body) {
            Seen s {status, body.value(u"delivery"_s).toInteger(), -1,
                    QThread::currentThread() == thisThread};
            QString error;
            if (const auto other = InboxStore::openReadOnly(location, &error)) {
                QSqlQuery q(other->connection());
                q.prepare(u"SELECT COUNT(*) FROM deliveries WHERE id = ?"_s);
                q.addBindValue(s.id);
                if (q.exec() && q.next())
                    s.visible = q.value(0).toLongLong();
            }
            const std::lock_guard lock(mutex);
            seen.append(s);
        });
    }
    const auto answered = [&] {
        const std::lock_guard lock(mutex);
        return seen.size();
    };
    QTRY_COMPARE(answered(), qsizetype(deliveries));
    const std::lock_guard lock(mutex);
    for (const Seen &s : std::as_const(seen)) {
        QCOMPARE(s.status, 200);
        QVERIFY(s.id > 0);
        QCOMPARE(s.visible, 1); // committed before it was answered
        QVERIFY(!s.onThisThread); // by the writer's thread, not the core's
    }
    QCOMPARE(inboxRows(), deliveries);
}

void TestOrderIntake::theCoreThreadDoesNotWaitForTheInbox()
{
    // Another connection holds the inbox's write lock (a CLI replay, say), on this thread. The
    // delivery waits for it on the writer's thread: not answered, not lost, and this thread
    // goes on (its event loop runs: with the commit here, it would wait out the inbox's busy
    // timeout and answer 503).
    QString error;
    auto other = InboxStore::open(m_runtime->inboxDatabase()->location(), false, &error);
    QVERIFY2(other, qPrintable(error));
    QVERIFY(other->beginWrite());
    std::atomic<int> status {0};
    Delivery d;
    d.channel = u"woo"_s;
    const WebhookRequest r = woo(wooOrder(6));
    d.body = r.body;
    d.headers = r.headers;
    m_runtime->intake()->receive(d, [&status](int answered, QJsonObject) { status = answered; });
    QElapsedTimer loop;
    loop.start();
    QTest::qWait(200);
    QCOMPARE_LT(loop.elapsed(), 1000); // the event loop ran; nothing held this thread
    QCOMPARE(status.load(), 0); // the lock is held: not committed, so not answered
    other->rollback();
    QTRY_COMPARE(status.load(), 200);
    QCOMPARE(inboxRows(), 1);
    QTRY_COMPARE(available(), 8);
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
    // On the writer's own connection (the pragmas are the connection's).
    const auto onWriter = [this](const QString &sql) {
        bool done = false;
        m_runtime->intake()->onWriter([&](Database &inbox) {
            QSqlQuery pages(inbox.connection());
            if (pages.exec(u"PRAGMA page_count"_s) && pages.next())
                done =
                    inbox.exec(sql.contains(u"%1"_s) ? sql.arg(pages.value(0).toLongLong()) : sql);
        });
        m_runtime->intake()->flush();
        return done;
    };
    QVERIFY(onWriter(refuse));
    // A body big enough to need pages of its own.
    const QByteArray note = "\"note\":\"" + QByteArray(20000, 'n') + "\",\"status\"";
    const QByteArray big = wooOrder(9).replace("\"status\"", note);
    const auto refused = Testing::deliverAndDrain(*m_runtime, u"woo"_s, woo(big));
    QCOMPARE(refused.status, 503);
    QVERIFY(refused.body.value(u"error"_s).toString().contains(u"inbox"_s));
    QCOMPARE(inboxRows(), 0); // nothing kept, so the channel's retry is right
    QCOMPARE(available(), 10);
    // Space is back: the channel's retry is kept and applied.
    QVERIFY(onWriter(allow));
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
    QTRY_COMPARE(m_runtime->intake()->inbox().backlog().valueOr(-1), 0); // its outcome written
}

QTEST_GUILESS_MAIN(TestOrderIntake)
#include "tst_orderintake.moc"
