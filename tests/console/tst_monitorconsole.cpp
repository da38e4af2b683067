// Consoles in monitor mode on a PostgreSQL inventory shared with `serve` workers (issue 12): two
// workers take signed WooCommerce webhooks and propagate to the simulated shop, two consoles
// watch. A console takes no lease and writes no heartbeat (the workers table holds the two
// workers only, and the channel's lease stays with one of them), so it pushes nothing; yet
// each console sees, live, what the workers did: the stock after every sale, the channel's
// acknowledgement of it, a listing the workers dead-lettered, their lag samples, the deliveries
// of the shared inbox and which worker holds the channel, also after the holder died and the
// other worker took over. Both consoles show the same numbers. The consoles' slow fallback read
// is turned off: all of it arrives by the workers' notifications.
#include "console/corebridge.h"
#include "intake/inboxstore.h"
#include "killnine.h"
#include "serveworkers.h"
#include "store/mappingstore.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

#include <array>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
// What a console last showed, from its bridge's signals.
struct ConsoleView
{
    explicit ConsoleView(CoreBridge &bridge)
    {
        const auto keep = [this](const QList<StockRow> &rows) {
            for (const StockRow &r : rows)
                stock.insert(r.sku, r);
        };
        QObject::connect(&bridge, &CoreBridge::stockLoaded, &bridge, keep);
        QObject::connect(&bridge, &CoreBridge::stockChanged, &bridge, keep);
        QObject::connect(&bridge, &CoreBridge::channelsChanged, &bridge,
                         [this](const QList<ChannelRow> &rows) {
                             if (!rows.isEmpty())
                                 channel = rows.first();
                         });
        QObject::connect(&bridge, &CoreBridge::deadLettersChanged, &bridge,
                         [this](const QList<DeadLetter> &letters) {
                             deadLetters.clear();
                             for (const DeadLetter &d : letters)
                                 deadLetters.insert(d.channel + u'/' + d.sku, d.version);
                         });
        QObject::connect(&bridge, &CoreBridge::deliveriesChanged, &bridge,
                         [this](const QList<InboxEntry> &rows, qint64) {
                             applied = pending = 0;
                             for (const InboxEntry &e : rows) {
                                 applied += e.status == DeliveryStatus::Applied ? 1 : 0;
                                 pending += e.status == DeliveryStatus::Pending ? 1 : 0;
                             }
                         });
    }
    qint64 available(const QString &sku) const { return stock.value(sku).available; }
    qint64 acked(const QString &sku) const
    {
        const StockRow r = stock.value(sku);
        return r.channels.isEmpty() ? -2 : r.channels.first().ackedQuantity;
    }

    QHash<QString, StockRow> stock;
    ChannelRow channel;
    QHash<QString, qint64> deadLetters; // "channel/sku" -> the version that failed
    int applied = 0;
    int pending = 0;
};
} // namespace

class TestMonitorConsole : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void consolesWatchWhatWorkersDo();

private:
    QString leaseHolder();
    // No one but the two workers ever registered or held the lease.
    void verifyOnlyWorkersWork();

    std::unique_ptr<TestDatabase> m_t;
    KillNineDriver m_driver;
    std::unique_ptr<ServeWorkers<2>> m_workers;
};

void TestMonitorConsole::initTestCase()
{
    if (!testOnPostgres())
        QSKIP("monitor mode is for consoles on a shared PostgreSQL inventory");
    m_t = std::make_unique<TestDatabase>();
    m_driver.setDatabaseLocation(m_t->path());
    m_driver.setUp();
    m_workers = std::make_unique<ServeWorkers<2>>(m_driver, *m_t);
    // A listing the shop cannot take (no such product id): the workers dead-letter it.
    StockImportRow row;
    row.sku = u"WOO-B"_s;
    row.available = 5;
    QVERIFY(SyncEngine(m_t->db()).importStock({row}, u"test"_s, u"seed"_s).ok());
    QVERIFY(
        MappingStore(m_t->db()).importMappings({{u"woo"_s, u"WOO-B"_s, u"no-such-id"_s}}, 1).ok());
}

void TestMonitorConsole::cleanupTestCase()
{
    m_workers.reset();
    if (m_t)
        m_driver.tearDown();
}

QString TestMonitorConsole::leaseHolder()
{
    QSqlQuery q(m_t->db().connection());
    if (!q.exec(u"SELECT holder FROM channel_leases WHERE channel = 'woo'"_s) || !q.next())
        return {};
    return q.value(0).toString();
}

void TestMonitorConsole::verifyOnlyWorkersWork()
{
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM workers"_s), 2);
    const QString holder = leaseHolder();
    QVERIFY2(m_workers->slotOf(holder) >= 0, qPrintable(holder));
}

void TestMonitorConsole::consolesWatchWhatWorkersDo()
{
    QVERIFY(m_workers->start(0));
    QVERIFY(m_workers->start(1));
    QTRY_VERIFY_WITH_TIMEOUT(!leaseHolder().isEmpty(), 10'000);

    ConsoleWorker::Options options;
    options.databaseLocation = m_t->path();
    options.configPath = m_driver.configPath();
    options.listen = false;
    options.flushIntervalMs = 20;
    options.statsEveryFlushes = 5;
    options.sharedFallbackMs = 3'600'000; // only what the workers notify is read again
    std::array<std::unique_ptr<CoreBridge>, 2> consoles;
    std::array<std::unique_ptr<ConsoleView>, 2> views;
    for (int c = 0; c < 2; ++c) {
        consoles[c] = std::make_unique<CoreBridge>(options);
        views[c] = std::make_unique<ConsoleView>(*consoles[c]);
        QSignalSpy started(consoles[c].get(), &CoreBridge::started);
        consoles[c]->start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 15'000);
        consoles[c]->setDeliveryFilter(QString(), QString());
    }
    // Started, and not among the workers: neither registered nor holding the lease.
    verifyOnlyWorkersWork();
    if (QTest::currentTestFailed())
        return;

    // A change of the listing the shop refuses (dead-lettered since the workers started): the
    // workers send it, and dead-letter its new version.
    QVERIFY(SyncEngine(m_t->db()).adjust(u"WOO-B"_s, 1, u"test"_s, u"recount"_s).ok());
    const qint64 version = m_t->stock(u"WOO-B"_s).version;
    std::array<qint64, 2> samples {};
    for (int c = 0; c < 2; ++c) {
        QTRY_COMPARE_WITH_TIMEOUT(views[c]->deadLetters.value(u"woo/WOO-B"_s), version, 20'000);
        samples[c] = views[c]->channel.stats.count;
    }

    // Then sales through both workers, kept in the shared inbox while another connection holds
    // its drain lock, then applied.
    QString error;
    auto drainer = InboxStore::open(InboxStore::locationFor(m_t->path()), false, &error);
    QVERIFY2(drainer, qPrintable(error));
    QTRY_VERIFY(drainer->tryLock(Database::SessionLock::InboxDrain).valueOr(false));
    constexpr int kSales = 40;
    m_driver.deliver(m_workers->process(0), m_workers->port(0), kSales / 2, -1);
    m_driver.deliver(m_workers->process(1), m_workers->port(1), kSales, -1);
    QCOMPARE(m_driver.answered().size(), kSales);
    for (int c = 0; c < 2; ++c)
        QTRY_COMPARE_WITH_TIMEOUT(views[c]->pending, kSales, 20'000);
    drainer.reset();
    const qint64 left = KillNineDriver::kStock - kSales;
    for (int c = 0; c < 2; ++c) {
        ConsoleView &v = *views[c];
        QTRY_COMPARE_WITH_TIMEOUT(v.available(u"WOO-A"_s), left, 20'000);
        // The workers' acknowledgement and their lag samples.
        QTRY_COMPARE_WITH_TIMEOUT(v.acked(u"WOO-A"_s), left, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(v.channel.stats.count > samples[c], 20'000);
        // The shared inbox: every delivery, whichever worker took it.
        QTRY_COMPARE_WITH_TIMEOUT(v.applied, kSales, 20'000);
        // Who propagates: a worker, never this console.
        QTRY_COMPARE_WITH_TIMEOUT(v.channel.holder, leaseHolder(), 10'000);
        QVERIFY(!v.channel.heldHere);
        verifyOnlyWorkersWork();
        if (QTest::currentTestFailed())
            return;
    }
    // The same numbers in both.
    QTRY_COMPARE_WITH_TIMEOUT(views[0]->stock.value(u"WOO-A"_s), views[1]->stock.value(u"WOO-A"_s),
                              10'000);
    QCOMPARE(views[0]->deadLetters, views[1]->deadLetters);
    for (int c = 0; c < 2; ++c)
        QTRY_COMPARE_WITH_TIMEOUT(views[c]->channel.stats.deadLetters, 1, 10'000);
    // The holder dies: the other worker takes the channel over, and both consoles say so.
    const int victim = m_workers->slotOf(leaseHolder());
    QVERIFY(victim >= 0);
    m_workers->kill(victim);
    QTRY_COMPARE_WITH_TIMEOUT(m_workers->slotOf(leaseHolder()), 1 - victim, 10'000);
    for (int c = 0; c < 2; ++c) {
        QTRY_COMPARE_WITH_TIMEOUT(views[c]->channel.holder, leaseHolder(), 10'000);
        QVERIFY(!views[c]->channel.heldHere);
    }
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM workers"_s), 2); // the dead one's row stays
}

QTEST_GUILESS_MAIN(TestMonitorConsole)
#include "tst_monitorconsole.moc"
