// The shared inbox on PostgreSQL (issue 12): the deliveries a `serve` worker accepted are kept in
// the inventory's own database, so when that worker dies for good before applying them, another
// worker applies them. Worker A answers signed WooCommerce webhooks while another connection holds
// the inbox's drain lock (A keeps them but cannot apply them), then is killed with SIGKILL;
// worker B, started afterwards with a data folder of its own, applies every one of them once.
#include "intake/inboxstore.h"
#include "killnine.h"
#include "serveworkers.h"
#include "testdatabase.h"

#include <QProcess>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestSharedInbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void anotherWorkerAppliesWhatTheDeadOneAccepted();
    void oneDrainerAtATime();

private:
    qint64 inboxCount(const QString &status);

    std::unique_ptr<TestDatabase> m_t;
    KillNineDriver m_driver;
    std::unique_ptr<ServeWorkers<2>> m_workers; // A and B
};

void TestSharedInbox::initTestCase()
{
    if (!testOnPostgres())
        QSKIP("the inbox is shared by workers on a PostgreSQL inventory");
    m_t = std::make_unique<TestDatabase>();
    m_driver.setDatabaseLocation(m_t->path());
    m_driver.setUp();
    m_workers = std::make_unique<ServeWorkers<2>>(m_driver, *m_t);
}

void TestSharedInbox::cleanupTestCase()
{
    m_workers.reset();
    if (m_t)
        m_driver.tearDown();
}

qint64 TestSharedInbox::inboxCount(const QString &status)
{
    QString error;
    auto inbox = InboxStore::openReadOnly(InboxStore::locationFor(m_t->path()), &error);
    if (!inbox) {
        qWarning("%s", qPrintable(error));
        return -1;
    }
    const auto counts = InboxStore(*inbox).counts();
    return counts ? counts->value({u"woo"_s, status}) : -1;
}

void TestSharedInbox::anotherWorkerAppliesWhatTheDeadOneAccepted()
{
    constexpr int kSales = 30;
    QVERIFY(m_workers->start(0));
    // The drain lock held by another connection: A keeps what it accepts but cannot apply it.
    QString error;
    auto drainer = InboxStore::open(InboxStore::locationFor(m_t->path()), false, &error);
    QVERIFY2(drainer, qPrintable(error));
    // (A drains every second: taken between two of its drains.)
    QTRY_VERIFY(drainer->tryLock(Database::SessionLock::InboxDrain).valueOr(false));
    m_driver.deliver(m_workers->process(0), m_workers->port(0), kSales, -1);
    QCOMPARE(m_driver.answered().size(), kSales);
    QTRY_COMPARE_WITH_TIMEOUT(inboxCount(u"pending"_s), kSales, 10'000);
    m_workers->kill(0); // for good: its data folder is never used again
    drainer.reset(); // the lock goes with its connection
    QCOMPARE(m_t->stock(u"WOO-A"_s).available, KillNineDriver::kStock);

    QVERIFY(m_workers->start(1));
    QTRY_COMPARE_WITH_TIMEOUT(m_t->stock(u"WOO-A"_s).available, KillNineDriver::kStock - kSales,
                              20'000);
    QTRY_COMPARE_WITH_TIMEOUT(inboxCount(u"applied"_s), kSales, 10'000);
    QCOMPARE(inboxCount(u"pending"_s), 0);
    verifyBooksBalance(*m_t, u"WOO-A"_s, KillNineDriver::kStock, kSales);
}

void TestSharedInbox::oneDrainerAtATime()
{
    // The drain lock: one connection at a time, never waited for, and dropped with the
    // connection of a worker that dies (the server notices the closed connection a moment later).
    m_workers->kill(1); // no worker drains meanwhile
    QString error;
    auto first = InboxStore::open(InboxStore::locationFor(m_t->path()), false, &error);
    auto second = InboxStore::open(InboxStore::locationFor(m_t->path()), false, &error);
    QVERIFY2(first && second, qPrintable(error));
    QTRY_VERIFY(first->tryLock(Database::SessionLock::InboxDrain).valueOr(false));
    QCOMPARE(second->tryLock(Database::SessionLock::InboxDrain).valueOr(true), false);
    first.reset();
    QTRY_VERIFY(second->tryLock(Database::SessionLock::InboxDrain).valueOr(false));
    QVERIFY(second->unlock(Database::SessionLock::InboxDrain).ok());
}

QTEST_GUILESS_MAIN(TestSharedInbox)
#include "tst_sharedinbox.moc"
