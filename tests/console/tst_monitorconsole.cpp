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
    bool startWorker(int w);
    QString leaseHolder();
    // No one but the two workers ever registered or held the lease.
    void verifyOnlyWorkersWork();

    std::unique_ptr<TestDatabase> m_t;
    KillNineDriver m_driver;
    std::array<std::unique_ptr<QProcess>, 2> m_workers;
    std::array<quint16, 2> m_ports {};
};

void TestMonitorConsole::initTestCase()
{
    if (!testOnPostgres())
        QSKIP("monitor mode is for consoles on a shared PostgreSQL inventory");
    m_t = std::make_unique<TestDatabase>();
    m_driver.setDatabaseLocation(m_t->path());
    m_driver.setUp();
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
    for (auto &w : m_workers) {
        if (w) {
            w->kill();
            w->waitForFinished();
        }
    }
    if (m_t)
        m_driver.tearDown();
}

bool TestMonitorConsole::startWorker(int w)
{
    KillNineDriver::Launch launch {
        QStringLiteral(CHANNELDESK_CLI),
        {u"serve"_s, u"--config"_s, m_driver.configPath(), u"--db"_s, m_t->path()},
        QRegularExpression(u"serving .* http://[^ ]+:(\\d+)"_s)};
    launch.environment.insert(u"XDG_DATA_HOME"_s, m_t->filePath(u"worker-%1"_s.arg(w)));
    m_workers[w] = std::make_unique<QProcess>();
    return KillNineDriver::start(launch, *m_workers[w], &m_ports[w]);
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
    QVERIFY2(holder.contains(u":%1:"_s.arg(m_workers[0]->processId())) ||
                 holder.contains(u":%1:"_s.arg(m_workers[1]->processId())),
             qPrintable(holder));
}

void TestMonitorConsole::consolesWatchWhatWorkersDo()
{
    QVERIFY(startWorker(0));
    QVERIFY(startWorker(1));
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
    m_driver.deliver(*m_workers[0], m_ports[0], kSales / 2, -1);
    m_driver.deliver(*m_workers[1], m_ports[1], kSales, -1);
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
    const QString holder = leaseHolder();
    const int victim = holder.contains(u":%1:"_s.arg(m_workers[0]->processId())) ? 0 : 1;
    m_workers[victim]->kill();
    m_workers[victim]->waitForFinished();
    const QString survivor = u":%1:"_s.arg(m_workers[1 - victim]->processId());
    QTRY_VERIFY_WITH_TIMEOUT(leaseHolder().contains(survivor), 10'000);
    for (int c = 0; c < 2; ++c) {
        QTRY_COMPARE_WITH_TIMEOUT(views[c]->channel.holder, leaseHolder(), 10'000);
        QVERIFY(!views[c]->channel.heldHere);
    }
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM workers"_s), 2); // the dead one's row stays
}

QTEST_GUILESS_MAIN(TestMonitorConsole)
#include "tst_monitorconsole.moc"
