// Replay of an `unmatched` delivery (issue 11): a WooCommerce order with a line whose SKU is not
// in stock is kept, its other line applied, and the delivery recorded unmatched. Replayed before
// the fix it stays unmatched (not duplicate: it can be replayed again); after the merchant
// created the SKU, a replay applies that line exactly once and the delivery reads applied. The
// console's Replay (CoreRuntime::replayDelivery) and `channeldesk-cli delivery-replay`
// (InboxStore::replay on its own connection, drained by the running core) do the same.
#include "channels/channelconfig.h"
#include "fakechannelserver.h"
#include "intakedelivery.h"
#include "runtime/coreruntime.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "sync/syncengine.h"
#include "webhooktest.h"

#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kSecret = "hook-secret";

// Order 801: one unit of WOO-A (in stock) and two of WOO-NEW (not yet).
WebhookRequest wooOrder()
{
    const QJsonArray lines {
        QJsonObject {
            {u"id"_s, 1}, {u"product_id"_s, 93}, {u"quantity"_s, 1}, {u"sku"_s, u"WOO-A"_s}},
        QJsonObject {
            {u"id"_s, 2}, {u"product_id"_s, 94}, {u"quantity"_s, 2}, {u"sku"_s, u"WOO-NEW"_s}}};
    WebhookRequest r;
    r.body =
        QJsonDocument(
            QJsonObject {{u"id"_s, 801}, {u"status"_s, u"processing"_s}, {u"line_items"_s, lines}})
            .toJson(QJsonDocument::Compact);
    r.headers.insert("x-wc-webhook-topic", "order.created");
    r.headers.insert("x-wc-webhook-signature", WebhookTest::sign(r.body, kSecret));
    return r;
}
} // namespace

class TestDeliveryReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void unmatchedDeliveryAppliesItsLineOnceAfterTheFix_data();
    void unmatchedDeliveryAppliesItsLineOnceAfterTheFix();

private:
    // Replays the delivery as the console or the CLI does, then the core drains.
    Status replay(const QString &via, qint64 id)
    {
        Status replayed;
        if (via == u"console"_s) {
            replayed = m_runtime->replayDelivery(id);
        } else {
            QString error;
            const auto inbox = InboxStore::open(
                InboxStore::locationFor(m_runtime->database()->location()), true, &error);
            if (!inbox)
                return Error {error};
            replayed = InboxStore(*inbox).replay(id);
        }
        m_runtime->drainInbox();
        return replayed;
    }
    InboxEntry entry(qint64 id) const
    {
        const auto e = m_runtime->intake()->inbox().entry(id);
        if (!e || !*e)
            qFatal("no delivery %lld", qlonglong(id));
        return **e;
    }
    qint64 available(const QString &sku) const
    {
        return (*InventoryStore(*m_runtime->database()).stock(sku))->available;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::FakeChannelServer> m_woo;
    std::unique_ptr<CoreRuntime> m_runtime;
};

void TestDeliveryReplay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_woo = std::make_unique<Test::FakeChannelServer>();
    QVERIFY(m_woo->listening());
    qputenv("REPLAY_WOO_KEY", "ck_test");
    qputenv("REPLAY_WOO_SECRET", "cs_test");
    qputenv("REPLAY_SECRET", kSecret);
    const QByteArray config = uR"({"channels": [
  {"id": "woo", "type": "woocommerce", "base_url": "%1", "intake": "webhook",
   "credentials": {"consumer_key_env": "REPLAY_WOO_KEY", "consumer_secret_env": "REPLAY_WOO_SECRET"},
   "webhook_secret_env": "REPLAY_SECRET"}]})"_s.arg(m_woo->baseUrl().toString())
                                  .toUtf8();
    const ChannelsConfigResult parsed =
        parseChannelsConfig(config, QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    CoreRuntime::Options options;
    options.databaseLocation = m_dir->filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.listen = false;
    m_runtime = std::make_unique<CoreRuntime>(options);
    QString error;
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
    StockImportRow row;
    row.sku = u"WOO-A"_s;
    row.available = 10;
    QVERIFY(m_runtime->engine()->importStock({row}, u"test"_s, u"seed"_s).ok());
}

void TestDeliveryReplay::cleanup()
{
    m_runtime.reset();
    m_woo.reset();
    m_dir.reset();
}

void TestDeliveryReplay::unmatchedDeliveryAppliesItsLineOnceAfterTheFix_data()
{
    QTest::addColumn<QString>("via");
    QTest::newRow("the console's Replay") << u"console"_s;
    QTest::newRow("channeldesk-cli delivery-replay") << u"cli"_s;
}

void TestDeliveryReplay::unmatchedDeliveryAppliesItsLineOnceAfterTheFix()
{
    QFETCH(QString, via);
    qint64 id = 0;
    QCOMPARE(Testing::receive(*m_runtime, u"woo"_s, wooOrder(), &id).status, 200);
    m_runtime->drainInbox();
    QCOMPARE(entry(id).status, DeliveryStatus::Unmatched);
    QVERIFY2(entry(id).error.contains(u"WOO-NEW"_s), qPrintable(entry(id).error));
    QCOMPARE(available(u"WOO-A"_s), 9);

    // Nothing fixed yet: the replay finds the line still waiting, and says so.
    QVERIFY(replay(via, id).ok());
    QCOMPARE(entry(id).status, DeliveryStatus::Unmatched);
    QVERIFY2(entry(id).error.contains(u"WOO-NEW"_s), qPrintable(entry(id).error));
    QCOMPARE(available(u"WOO-A"_s), 9);

    // The merchant creates the SKU; the replay applies the waiting line, and only it.
    StockImportRow row;
    row.sku = u"WOO-NEW"_s;
    row.available = 5;
    QVERIFY(m_runtime->engine()->importStock({row}, u"test"_s, u"fix"_s).ok());
    QVERIFY(replay(via, id).ok());
    QCOMPARE(entry(id).status, DeliveryStatus::Applied);
    QCOMPARE(available(u"WOO-NEW"_s), 3);
    QCOMPARE(available(u"WOO-A"_s), 9);

    // Applied now: not replayed again, and the channel's own redelivery changes nothing.
    const Status again = replay(via, id);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(u"applied"_s), qPrintable(again.error()));
    QCOMPARE(Testing::deliverAndDrain(*m_runtime, u"woo"_s, wooOrder())
                 .body.value(u"status"_s)
                 .toString(),
             u"duplicate"_s);
    QCOMPARE(available(u"WOO-NEW"_s), 3);
    QCOMPARE(available(u"WOO-A"_s), 9);
}

QTEST_GUILESS_MAIN(TestDeliveryReplay)
#include "tst_deliveryreplay.moc"
