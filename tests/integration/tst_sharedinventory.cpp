// One inventory on PostgreSQL shared by several processes (issue 12): three
// `channeldesk-cli apply-orders --workers 4` processes apply the same orders (each file holds
// redeliveries of its own, and every order is in all three files) while two `serve` workers are
// sent the same signed WooCommerce webhooks (every delivery twice, once to each) and both run
// the channel's propagation. The foundation's invariants hold across processes: every distinct
// order applied exactly once, the books balance and the log is a chain for every SKU, and the
// channel converges to the truth.
#include "killnine.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestSharedInventory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void processesShareOneInventory();

private:
    QString writeOrders(int copy, const QList<QByteArray> &lines);

    std::unique_ptr<TestDatabase> m_t;
    KillNineDriver m_driver;
};

void TestSharedInventory::initTestCase()
{
    if (!testOnPostgres())
        QSKIP("a shared inventory is a PostgreSQL one");
    m_t = std::make_unique<TestDatabase>();
    m_driver.setDatabaseLocation(m_t->path());
    m_driver.setUp();
}

void TestSharedInventory::cleanupTestCase()
{
    if (!m_t)
        return;
    m_driver.tearDown();
    m_t.reset();
}

QString TestSharedInventory::writeOrders(int copy, const QList<QByteArray> &lines)
{
    QList<QByteArray> shuffled = lines;
    QRandomGenerator random(quint32(100 + copy));
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    QFile file(m_t->filePath(u"orders-%1.jsonl"_s.arg(copy)));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(shuffled.join('\n'));
    return file.fileName();
}

void TestSharedInventory::processesShareOneInventory()
{
    constexpr int kOrders = 1'500;
    constexpr qint64 kInitial = 1'000; // less than the demand: the last orders oversell
    const QStringList skus {u"HOT-1"_s, u"HOT-2"_s, u"HOT-3"_s};
    {
        SyncEngine seeder(m_t->db());
        QList<StockImportRow> rows;
        for (const QString &sku : skus)
            rows.append(stockRow(sku, kInitial));
        QVERIFY(seeder.importStock(rows, u"t"_s, u"seed"_s).ok());
    }

    // The orders, with 10% redeliveries in each file.
    QRandomGenerator random(12);
    QList<QByteArray> lines;
    QMap<QString, qint64> taken;
    for (int i = 0; i < kOrders; ++i) {
        const QString sku = skus.at(random.bounded(3));
        const int qty = 1 + random.bounded(3);
        taken[sku] += qty;
        lines.append(
            uR"({"channel":"ch%1","order_id":"%2","lines":[{"sku":"%3","qty":%4}]})"_s.arg(i % 4)
                .arg(i)
                .arg(sku)
                .arg(qty)
                .toUtf8());
        if (random.bounded(10) == 0)
            lines.append(lines.at(random.bounded(int(lines.size()))));
    }

    // Two serve workers, each with its own data folder (its inbox).
    QList<std::shared_ptr<QProcess>> serves;
    QList<quint16> ports;
    for (int w = 0; w < 2; ++w) {
        KillNineDriver::Launch launch {
            QStringLiteral(CHANNELDESK_CLI),
            {u"serve"_s, u"--config"_s, m_driver.configPath(), u"--db"_s, m_t->path()},
            QRegularExpression(u"serving .* http://[^ ]+:(\\d+)"_s)};
        launch.environment.insert(u"XDG_DATA_HOME"_s, m_t->filePath(u"serve-%1"_s.arg(w)));
        auto serve = std::make_shared<QProcess>();
        quint16 port = 0;
        QVERIFY(KillNineDriver::start(launch, *serve, &port));
        serves.append(serve);
        ports.append(port);
    }

    // Three apply-orders processes of four workers each, on the same orders.
    QList<std::shared_ptr<QProcess>> appliers;
    for (int copy = 0; copy < 3; ++copy) {
        const QString file = writeOrders(copy, lines);
        QVERIFY(!file.isEmpty());
        auto p = std::make_shared<QProcess>();
        p->start(QStringLiteral(CHANNELDESK_CLI),
                 {u"apply-orders"_s, file, u"--workers"_s, u"4"_s, u"--db"_s, m_t->path()});
        appliers.append(p);
    }

    // Meanwhile the webhooks: every order to the first worker, then every one again to the
    // second.
    for (int w = 0; w < 2; ++w) {
        m_driver.deliver(*serves.at(w), ports.at(w), KillNineDriver::kOrders, -1);
        QCOMPARE(m_driver.answered().size(), KillNineDriver::kOrders);
        m_driver.forgetAnswers();
    }

    qint64 appliedOnce = 0;
    qint64 duplicates = 0;
    for (const auto &p : std::as_const(appliers)) {
        // (It may have ended while the webhooks' event loop ran.)
        QVERIFY(p->state() == QProcess::NotRunning || p->waitForFinished(240'000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        const QJsonObject counts = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
        appliedOnce += counts[u"applied"_s].toInteger() + counts[u"oversold"_s].toInteger();
        duplicates += counts[u"duplicates"_s].toInteger();
    }
    // Each distinct order applied by exactly one worker of one process; every other line of
    // the three files a duplicate.
    QCOMPARE(appliedOnce, kOrders);
    QCOMPARE(duplicates, 3 * lines.size() - kOrders);
    for (const QString &sku : skus) {
        verifyBooksBalance(*m_t, sku, kInitial, taken.value(sku));
        if (QTest::currentTestFailed())
            return;
    }

    // The webhooks: each order one sale, however many workers heard it.
    QTRY_COMPARE_WITH_TIMEOUT(m_t->stock(u"WOO-A"_s).available,
                              KillNineDriver::kStock - KillNineDriver::kOrders, 30'000);
    verifyBooksBalance(*m_t, u"WOO-A"_s, KillNineDriver::kStock, KillNineDriver::kOrders);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM orders"_s), kOrders + KillNineDriver::kOrders);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM (SELECT channel, order_id FROM mutations WHERE "
                        "kind = 'order' GROUP BY channel, order_id HAVING COUNT(*) > 1) twice"_s),
             0);

    // The channel shows the truth: the last version acknowledged, its quantity the stock's.
    const StockLevel woo = m_t->stock(u"WOO-A"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_t->count(
            u"SELECT acked_version FROM listings WHERE channel = 'woo' AND sku = 'WOO-A'"_s) >=
            woo.version,
        30'000);
    QCOMPARE(m_t->count(u"SELECT acked_quantity FROM listings WHERE channel = 'woo'"_s),
             woo.available);

    for (const auto &serve : std::as_const(serves)) {
        serve->terminate();
        QVERIFY(serve->waitForFinished(30'000));
        QCOMPARE(serve->exitCode(), 0);
    }
}

QTEST_GUILESS_MAIN(TestSharedInventory)
#include "tst_sharedinventory.moc"
