// InboxStore: deliveries kept raw in group commits, drained in arrival order, replayed only when
// refused, pruned only once drained; a full or read-only inbox keeps nothing half-written.
#include "intake/inboxstore.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestInboxStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void keepsDeliveriesRawInArrivalOrder();
    void keepsADeliveryWithoutTopicOrId();
    void outcomesLeaveThePendingQueue();
    void listsByChannelAndStatus();
    void replaysOnlyWhatWasRefused_data();
    void replaysOnlyWhatWasRefused();
    void prunesOnlyWhatIsDrained();
    void fullOrReadOnlyInboxKeepsNothing_data();
    void fullOrReadOnlyInboxKeepsNothing();
    void locationBesideTheInventory();

private:
    static Delivery delivery(const QString &channel, const QByteArray &body, qint64 at = 1000)
    {
        Delivery d;
        d.channel = channel;
        d.topic = "orders/create";
        d.headers = {{"x-shopify-hmac-sha256", "c2ln"}, {"x-shopify-topic", "orders/create"}};
        d.body = body;
        d.deliveryId = u"d-"_s + QString::fromUtf8(body);
        d.receivedAtMs = at;
        return d;
    }
    qint64 rows()
    {
        QSqlQuery q(m_db->connection());
        q.exec(u"SELECT COUNT(*) FROM deliveries"_s);
        q.next();
        return q.value(0).toLongLong();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<InboxStore> m_inbox;
};

void TestInboxStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = InboxStore::open(m_dir->filePath(u"inventory.inbox.sqlite"_s), true, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_inbox = std::make_unique<InboxStore>(*m_db);
}

void TestInboxStore::cleanup()
{
    m_inbox.reset();
    m_db.reset();
    m_dir.reset();
}

void TestInboxStore::keepsDeliveriesRawInArrivalOrder()
{
    const QByteArray raw("{\"id\": 1,\n \"x\": \"\\u00e9\"}\0tail", 28);
    const auto ids = m_inbox->append({delivery(u"shop"_s, raw), delivery(u"woo"_s, "2")});
    QVERIFY2(ids, qPrintable(ids.error()));
    QCOMPARE(ids->size(), 2);
    QVERIFY(ids->at(0) < ids->at(1));
    const auto pending = m_inbox->pending(10);
    QVERIFY(pending);
    QCOMPARE(pending->size(), 2);
    const InboxEntry &first = pending->at(0);
    QCOMPARE(first.delivery.body, raw); // byte for byte: the signature is over these
    QCOMPARE(first.delivery.channel, u"shop"_s);
    QCOMPARE(first.delivery.topic, QByteArray("orders/create"));
    QCOMPARE(first.delivery.headers.value("x-shopify-hmac-sha256"), QByteArray("c2ln"));
    QCOMPARE(first.delivery.receivedAtMs, 1000);
    QCOMPARE(first.status, DeliveryStatus::Pending);
    QCOMPARE(pending->at(1).delivery.channel, u"woo"_s);
    QCOMPARE(m_inbox->backlog().valueOr(-1), 2);
}

void TestInboxStore::keepsADeliveryWithoutTopicOrId()
{
    // WooCommerce's save-time ping names no topic and no delivery id; refusing to keep it
    // would answer it 503, and WooCommerce would not save the webhook.
    Delivery ping;
    ping.channel = u"woo"_s;
    ping.body = "webhook_id=12";
    ping.receivedAtMs = 1000;
    const auto ids = m_inbox->append({ping});
    QVERIFY2(ids, qPrintable(ids.error()));
    const auto entry = m_inbox->entry(ids->at(0));
    QVERIFY(entry && *entry);
    QCOMPARE((*entry)->delivery.topic, QByteArray());
    QCOMPARE((*entry)->delivery.deliveryId, QString());
    QCOMPARE((*entry)->delivery.body, QByteArray("webhook_id=12"));
}

void TestInboxStore::outcomesLeaveThePendingQueue()
{
    const auto ids = m_inbox->append({delivery(u"shop"_s, "1"), delivery(u"shop"_s, "2")});
    QVERIFY(ids);
    QVERIFY(m_inbox->recordOutcomes({{ids->at(0), DeliveryStatus::Invalid, u"lines: missing"_s}},
                                    5000));
    const auto pending = m_inbox->pending(10);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->at(0).id, ids->at(1));
    const auto entry = m_inbox->entry(ids->at(0));
    QVERIFY(entry && *entry);
    QCOMPARE((*entry)->status, DeliveryStatus::Invalid);
    QCOMPARE((*entry)->error, u"lines: missing"_s);
    QCOMPARE((*entry)->appliedAtMs, 5000);
    QCOMPARE(m_inbox->backlog().valueOr(-1), 1);
}

void TestInboxStore::listsByChannelAndStatus()
{
    const auto ids = m_inbox->append(
        {delivery(u"shop"_s, "1"), delivery(u"woo"_s, "2"), delivery(u"shop"_s, "3")});
    QVERIFY(m_inbox->recordOutcomes({{ids->at(0), DeliveryStatus::Applied, {}}}, 2000));
    InboxStore::Filter filter;
    filter.channel = u"shop"_s;
    QCOMPARE(m_inbox->list(filter)->size(), 2);
    QCOMPARE(m_inbox->list(filter)->at(0).id, ids->at(2)); // newest first
    filter.status = DeliveryStatus::Applied;
    QCOMPARE(m_inbox->list(filter)->size(), 1);
    filter.channel.clear();
    filter.status = DeliveryStatus::Pending;
    QCOMPARE(m_inbox->list(filter)->size(), 2);
    const auto counts = m_inbox->counts();
    QVERIFY(counts);
    QCOMPARE(counts->value({u"shop"_s, u"applied"_s}), 1);
    QCOMPARE(counts->value({u"shop"_s, u"pending"_s}), 1);
    QCOMPARE(counts->value({u"woo"_s, u"pending"_s}), 1);
}

void TestInboxStore::replaysOnlyWhatWasRefused_data()
{
    QTest::addColumn<DeliveryStatus>("status");
    QTest::addColumn<bool>("replayed");
    QTest::newRow("invalid") << DeliveryStatus::Invalid << true;
    QTest::newRow("ignored") << DeliveryStatus::Ignored << true;
    QTest::newRow("unmatched") << DeliveryStatus::Unmatched << true;
    QTest::newRow("applied") << DeliveryStatus::Applied << false;
    QTest::newRow("duplicate") << DeliveryStatus::Duplicate << false;
    QTest::newRow("oversold") << DeliveryStatus::Oversold << false;
    QTest::newRow("pending") << DeliveryStatus::Pending << false;
}

void TestInboxStore::replaysOnlyWhatWasRefused()
{
    QFETCH(DeliveryStatus, status);
    QFETCH(bool, replayed);
    const auto ids = m_inbox->append({delivery(u"shop"_s, "1")});
    if (status != DeliveryStatus::Pending)
        QVERIFY(m_inbox->recordOutcomes({{ids->at(0), status, u"why"_s}}, 2000));
    const Status result = m_inbox->replay(ids->at(0));
    QCOMPARE(result.ok(), replayed);
    QCOMPARE(m_inbox->backlog().valueOr(-1), replayed || status == DeliveryStatus::Pending ? 1 : 0);
    if (replayed)
        QCOMPARE((*m_inbox->entry(ids->at(0)))->error, QString());
    QVERIFY(!m_inbox->replay(ids->at(0) + 100).ok()); // no such delivery
}

void TestInboxStore::prunesOnlyWhatIsDrained()
{
    const auto ids = m_inbox->append({delivery(u"shop"_s, "old-drained", 1000),
                                      delivery(u"shop"_s, "old-pending", 1000),
                                      delivery(u"shop"_s, "new-drained", 9000)});
    QVERIFY(m_inbox->recordOutcomes(
        {{ids->at(0), DeliveryStatus::Applied, {}}, {ids->at(2), DeliveryStatus::Applied, {}}},
        9500));
    const auto pruned = m_inbox->prune(5000);
    QVERIFY(pruned);
    QCOMPARE(*pruned, 1);
    QVERIFY(!*m_inbox->entry(ids->at(0)));
    QVERIFY(*m_inbox->entry(ids->at(1))); // never before it is drained
    QVERIFY(*m_inbox->entry(ids->at(2)));
}

void TestInboxStore::fullOrReadOnlyInboxKeepsNothing_data()
{
    QTest::addColumn<QString>("refuse");
    QTest::addColumn<QString>("allow");
    // SQLite's own answers to a full disk (SQLITE_FULL when the file may not grow) and a
    // read-only file, brought about on this connection only.
    QTest::newRow("disk full") << u"PRAGMA max_page_count = %1"_s
                               << u"PRAGMA max_page_count = 1073741823"_s;
    QTest::newRow("read-only") << u"PRAGMA query_only = 1"_s << u"PRAGMA query_only = 0"_s;
}

void TestInboxStore::fullOrReadOnlyInboxKeepsNothing()
{
    QFETCH(QString, refuse);
    QFETCH(QString, allow);
    QVERIFY(m_inbox->append({delivery(u"shop"_s, "before")}));
    QSqlQuery pages(m_db->connection());
    QVERIFY(pages.exec(u"PRAGMA page_count"_s) && pages.next());
    QVERIFY(
        m_db->exec(refuse.contains(u"%1"_s) ? refuse.arg(pages.value(0).toLongLong()) : refuse));
    // A batch big enough to need new pages: none of it may be kept.
    QList<Delivery> batch;
    for (int i = 0; i < 50; ++i)
        batch.append(delivery(u"shop"_s, QByteArray(2000, 'x') + QByteArray::number(i)));
    const auto refused = m_inbox->append(batch);
    QVERIFY(!refused);
    QVERIFY(!refused.error().isEmpty());
    QCOMPARE(rows(), 1);
    QVERIFY(!m_db->inTransaction());
    // Space is back: the same deliveries are kept, all of them.
    QVERIFY(m_db->exec(allow));
    QVERIFY(m_inbox->append(batch));
    QCOMPARE(rows(), 51);
}

void TestInboxStore::locationBesideTheInventory()
{
    QCOMPARE(InboxStore::locationFor(u"/var/lib/cd/inventory.sqlite"_s),
             u"/var/lib/cd/inventory.inbox.sqlite"_s);
    // A PostgreSQL inventory's inbox is in the same database, shared by every worker.
    QCOMPARE(InboxStore::locationFor(u"postgresql://u:p@h/db"_s), u"postgresql://u:p@h/db"_s);
}

QTEST_GUILESS_MAIN(TestInboxStore)
#include "tst_inboxstore.moc"
