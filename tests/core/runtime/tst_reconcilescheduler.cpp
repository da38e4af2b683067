// ReconcileScheduler: runs each channel on its reconcile_interval_s (0: never), right after the
// channel recovers from an outage, one run at a time; sets the drift gauges and the drift alert.
// Time is a ManualClock: no test waits.
#include "metrics/alertrules.h"
#include "metrics/lagmonitor.h"
#include "metrics/prometheus.h"
#include "runtime/reconcilescheduler.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// Reads that answer when told to (a run in progress), or at once.
struct FakeReads
{
    QHash<QString, qint64> shown;
    bool hold = false;
    int calls = 0;
    QList<std::function<void()>> held;

    ListingReads reads()
    {
        ListingReads r;
        r.listListings = [](const QString &, std::function<void(const ListingPage &)> done) {
            done(ListingPage {});
        };
        r.readQuantities = [this](const QStringList &ids,
                                  std::function<void(const QuantitiesRead &)> done) {
            ++calls;
            QuantitiesRead out;
            for (const QString &id : ids) {
                if (shown.contains(id))
                    out.quantities.insert(id, shown.value(id));
            }
            if (hold)
                held.append([done, out] { done(out); });
            else
                done(out);
        };
        return r;
    }
};

} // namespace

class TestReconcileScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void runsOnItsInterval();
    void zeroIntervalNeverRunsOnItsOwn();
    void oneRunAtATime();
    void runsWhenTheChannelRecovers();
    void driftThatOutlivesARunAlertsAndIsOnMetrics();

private:
    std::unique_ptr<TestDatabase> m_t;
    ManualClock m_clock;
    std::unique_ptr<LagMonitor> m_monitor;
    FakeReads m_fake;
};

void TestReconcileScheduler::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_monitor = std::make_unique<LagMonitor>(m_clock);
    m_fake = {};
    m_fake.shown = {{u"101"_s, 10}};
    SyncEngine engine(m_t->db(), m_clock);
    QVERIFY(engine.importStock({stockRow(u"A"_s, 10)}, u"t"_s, u"seed"_s).ok());
    QVERIFY(MappingStore(m_t->db())
                .importMappings({{u"shop"_s, u"A"_s, u"101"_s}}, m_clock.nowMs())
                .ok());
    QVERIFY(PropagationStore(m_t->db())
                .acknowledge(u"shop"_s, {{u"A"_s, m_t->stock(u"A"_s).version, 10, false}},
                             m_clock.nowMs())
                .ok());
}

void TestReconcileScheduler::cleanup()
{
    m_monitor.reset();
    m_t.reset();
}

void TestReconcileScheduler::runsOnItsInterval()
{
    ReconcileScheduler s(m_t->db(), m_clock, m_monitor.get());
    QSignalSpy done(&s, &ReconcileScheduler::reconciled);
    s.addChannel(u"shop"_s, m_fake.reads(), 900);
    s.tick();
    QCOMPARE(m_fake.calls, 0); // not before one interval
    m_clock.advance(899'999);
    s.tick();
    QCOMPARE(m_fake.calls, 0);
    m_clock.advance(1);
    s.tick();
    QCOMPARE(m_fake.calls, 1);
    QCOMPARE(done.size(), 1);
    s.tick();
    QCOMPARE(m_fake.calls, 1); // the next one is an interval later
    m_clock.advance(900'000);
    s.tick();
    QCOMPARE(m_fake.calls, 2);
}

void TestReconcileScheduler::zeroIntervalNeverRunsOnItsOwn()
{
    ReconcileScheduler s(m_t->db(), m_clock, m_monitor.get());
    s.addChannel(u"shop"_s, m_fake.reads(), 0);
    for (int i = 0; i < 5; ++i) {
        m_clock.advance(3'600'000);
        s.tick();
    }
    QCOMPARE(m_fake.calls, 0);
    QCOMPARE(s.nextRunAtMs(u"shop"_s), -1);
    QVERIFY(s.runNow(u"shop"_s)); // by hand it still runs
    QCOMPARE(m_fake.calls, 1);
}

void TestReconcileScheduler::oneRunAtATime()
{
    ReconcileScheduler s(m_t->db(), m_clock, m_monitor.get());
    m_fake.hold = true;
    s.addChannel(u"shop"_s, m_fake.reads(), 60);
    QVERIFY(s.runNow(u"shop"_s));
    QVERIFY(s.isRunning(u"shop"_s));
    QVERIFY(!s.runNow(u"shop"_s));
    m_clock.advance(120'000);
    s.tick();
    QCOMPARE(m_fake.calls, 1);
    m_fake.held.takeFirst()();
    QVERIFY(!s.isRunning(u"shop"_s));
    QVERIFY(s.runNow(u"shop"_s));
    QCOMPARE(m_fake.calls, 2);
}

void TestReconcileScheduler::runsWhenTheChannelRecovers()
{
    ReconcileScheduler s(m_t->db(), m_clock, m_monitor.get());
    s.addChannel(u"shop"_s, m_fake.reads(), 0); // no schedule: only the recovery runs it
    for (int i = 0; i < 10; ++i)
        m_monitor->recordCall(u"shop"_s, AttemptOutcome::Unanswered, 1, 1);
    s.tick();
    QCOMPARE(m_monitor->snapshot(u"shop"_s).status, ChannelStatus::Unreachable);
    QCOMPARE(m_fake.calls, 0);
    m_monitor->recordLag(u"shop"_s, 10'000);
    m_monitor->recordCall(u"shop"_s, AttemptOutcome::Acknowledged, 1, 0);
    QVERIFY(m_monitor->snapshot(u"shop"_s).status != ChannelStatus::Unreachable);
    s.tick();
    QCOMPARE(m_fake.calls, 1);
    s.tick();
    QCOMPARE(m_fake.calls, 1); // once per recovery
}

void TestReconcileScheduler::driftThatOutlivesARunAlertsAndIsOnMetrics()
{
    AlertRules alerts(*m_monitor, m_clock);
    QSignalSpy raised(&alerts, &AlertRules::alertRaised);
    ReconcileScheduler s(m_t->db(), m_clock, m_monitor.get());
    m_fake.shown[u"101"_s] = 7; // someone typed 7 in the shop's admin
    s.addChannel(u"shop"_s, m_fake.reads(), 900);
    QVERIFY(s.runNow(u"shop"_s));
    QCOMPARE(m_monitor->snapshot(u"shop"_s).driftListings, 1);
    alerts.evaluate();
    QCOMPARE(raised.size(), 0); // seen once: may be a sale on its way
    m_clock.advance(900'000);
    s.tick();
    alerts.evaluate();
    QCOMPARE(raised.size(), 1);
    const Alert a = raised.at(0).at(0).value<Alert>();
    QCOMPARE(a.rule, AlertRule::Drift);
    QCOMPARE(a.channel, u"shop"_s);
    const QByteArray text = prometheusText(*m_monitor, {});
    QVERIFY2(text.contains("channeldesk_drift_listings{channel=\"shop\"} 1"), text.constData());
}

QTEST_GUILESS_MAIN(TestReconcileScheduler)
#include "tst_reconcilescheduler.moc"
