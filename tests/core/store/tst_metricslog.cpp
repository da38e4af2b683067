// MetricsLog: rows written by one process come back, through a rebuilt LagMonitor, as the same
// percentiles, success rate and status in another.
#include "metrics/lagmonitor.h"
#include "store/deadletterqueue.h"
#include "store/mappingstore.h"
#include "store/metricslog.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"
#include "testdatabase.h"
#include "util/clock.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kShop = u"shop"_s;
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
} // namespace

class TestMetricsLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void outcomeNames();
    void percentilesAndSuccessRate();
    void windowExcludesOldRows();
    void pruneDeletesOldRowsOnly();
    void gaugesFromListings();
    void status_data();
    void status();
    void batchJoinsTheCallersTransaction();
    void lastAckAt();

private:
    void seedAndMap(const QString &channel, const QStringList &skus, qint64 mappedAtMs);
    qint64 now() const { return m_clock.nowMs(); }

    ManualClock m_clock;
    std::unique_ptr<TestDatabase> m_t;
};

void TestMetricsLog::init()
{
    m_clock.set(1'767'225'600'000);
    m_t = std::make_unique<TestDatabase>();
}

void TestMetricsLog::cleanup()
{
    m_t.reset();
}

void TestMetricsLog::seedAndMap(const QString &channel, const QStringList &skus, qint64 mappedAtMs)
{
    SyncEngine engine(m_t->db(), m_clock);
    QList<StockImportRow> stock;
    QList<ListingMapping> mappings;
    for (const QString &sku : skus) {
        stock.append(stockRow(sku, 10));
        mappings.append({channel, sku, u"r-"_s + sku});
    }
    const auto r = engine.importStock(stock, u"t"_s, u"seed"_s);
    QVERIFY2(r.ok(), qPrintable(r.message));
    const Status mapped = MappingStore(m_t->db()).importMappings(mappings, mappedAtMs);
    QVERIFY2(mapped, qPrintable(mapped.error()));
}

void TestMetricsLog::outcomeNames()
{
    for (AttemptOutcome o : {AttemptOutcome::Acknowledged, AttemptOutcome::Failed,
                             AttemptOutcome::Throttled, AttemptOutcome::Unanswered})
        QVERIFY(attemptOutcomeFromName(attemptOutcomeName(o)) == o);
    QCOMPARE(attemptOutcomeName(AttemptOutcome::Unanswered), u"unanswered"_s);
    QVERIFY(!attemptOutcomeFromName(u"ok"_s).has_value());
}

void TestMetricsLog::percentilesAndSuccessRate()
{
    MetricsLog log(m_t->db());
    QList<LagSample> lags;
    for (qint64 ms = 1; ms <= 100; ++ms)
        lags.append({kShop, now() - 60 * kSecond + ms * 100, ms});
    for (int i = 0; i < 10; ++i)
        lags.append({u"ebay"_s, now() - 10 * kSecond, 500});
    QList<PropagationCall> calls;
    for (int i = 0; i < 99; ++i)
        calls.append({kShop, now() - 30 * kSecond, AttemptOutcome::Acknowledged, 1});
    const Status recorded = log.record(lags, calls);
    QVERIFY2(recorded, qPrintable(recorded.error()));
    QVERIFY(log.recordCall(kShop, now() - 20 * kSecond, AttemptOutcome::Failed, 3));
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM lag_samples"_s), 110);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM propagation_calls"_s), 100);

    LagMonitor monitor(m_clock);
    QVERIFY(log.loadInto(monitor, now() - 10 * kMinute));
    QCOMPARE(monitor.channels(), (QStringList {u"ebay"_s, kShop}));
    const ChannelLagStats s = monitor.snapshot(kShop, LagMonitor::kFiveMinutesMs);
    QCOMPARE(s.count, 100);
    QVERIFY2(qAbs(s.p99Ms - 99) <= 0.99, qPrintable(QString::number(s.p99Ms)));
    QVERIFY2(qAbs(s.p95Ms - 95) <= 0.95, qPrintable(QString::number(s.p95Ms)));
    QVERIFY2(qAbs(s.p50Ms - 50) <= 0.50, qPrintable(QString::number(s.p50Ms)));
    QCOMPARE(s.maxMs, 100.0);
    QCOMPARE(s.attempts, 100);
    QCOMPARE(s.failures, 1);
    // The rate counts listing updates: the failed call carried 3.
    QCOMPARE(s.updates, 102);
    QCOMPARE(s.failedUpdates, 3);
    QVERIFY(qFuzzyCompare(s.successRate, 99.0 / 102.0));
    QCOMPARE(s.status, ChannelStatus::Ok);
    // The other channel's rows stay its own.
    const ChannelLagStats ebay = monitor.snapshot(u"ebay"_s, LagMonitor::kFiveMinutesMs);
    QCOMPARE(ebay.count, 10);
    QVERIFY(qAbs(ebay.p50Ms - 500) <= 5);
    QCOMPARE(ebay.attempts, 0);
}

void TestMetricsLog::windowExcludesOldRows()
{
    MetricsLog log(m_t->db());
    for (int i = 0; i < 5; ++i) {
        QVERIFY(log.recordLag(kShop, now() - 2 * LagMonitor::kOneHourMs, 1000));
        QVERIFY(
            log.recordCall(kShop, now() - 2 * LagMonitor::kOneHourMs, AttemptOutcome::Failed, 1));
    }
    for (int i = 0; i < 3; ++i) {
        QVERIFY(log.recordLag(kShop, now() - 30 * kSecond, 10));
        QVERIFY(log.recordCall(kShop, now() - 30 * kSecond, AttemptOutcome::Acknowledged, 1));
    }

    LagMonitor day(m_clock);
    QVERIFY(log.loadInto(day, now() - LagMonitor::kOneDayMs));
    QCOMPARE(day.snapshot(kShop, LagMonitor::kFiveMinutesMs).count, 3);
    QCOMPARE(day.snapshot(kShop, LagMonitor::kFiveMinutesMs).successRate, 1.0);
    QCOMPARE(day.snapshot(kShop, LagMonitor::kOneHourMs).count, 3);
    const ChannelLagStats all = day.snapshot(kShop, LagMonitor::kOneDayMs);
    QCOMPARE(all.count, 8);
    QCOMPARE(all.maxMs, 1000.0);
    QCOMPARE(all.attempts, 8);
    QCOMPARE(all.failures, 5);

    // Rows before sinceMs are not replayed at all.
    LagMonitor recent(m_clock);
    QVERIFY(log.loadInto(recent, now() - 10 * kMinute));
    QCOMPARE(recent.snapshot(kShop, LagMonitor::kOneDayMs).count, 3);
    QCOMPARE(recent.snapshot(kShop, LagMonitor::kOneDayMs).attempts, 3);
}

void TestMetricsLog::pruneDeletesOldRowsOnly()
{
    MetricsLog log(m_t->db());
    const qint64 old = now() - 25 * LagMonitor::kOneHourMs;
    const qint64 kept = now() - 23 * LagMonitor::kOneHourMs;
    QVERIFY(log.record(
        {{kShop, old, 5}, {kShop, kept, 6}, {u"ebay"_s, old, 7}},
        {{kShop, old, AttemptOutcome::Failed, 1}, {kShop, kept, AttemptOutcome::Acknowledged, 2}}));
    QVERIFY(log.prune(now() - MetricsLog::kRetentionMs));
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM lag_samples"_s), 1);
    QCOMPARE(m_t->count(u"SELECT MIN(at) FROM lag_samples"_s), kept);
    QCOMPARE(m_t->count(u"SELECT lag_ms FROM lag_samples"_s), 6);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM propagation_calls"_s), 1);
    QCOMPARE(m_t->count(u"SELECT listings FROM propagation_calls"_s), 2);
    // Nothing more to prune.
    QVERIFY(log.prune(now() - MetricsLog::kRetentionMs));
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM lag_samples"_s), 1);
}

void TestMetricsLog::gaugesFromListings()
{
    seedAndMap(kShop, {u"A"_s, u"B"_s, u"C"_s, u"D"_s}, now() - kMinute);
    seedAndMap(u"ebay"_s, {u"A"_s}, now() - kMinute);
    PropagationStore store(m_t->db());
    const ListingState a = store.listings(kShop, u"A"_s)->value(0);
    QVERIFY(store.acknowledge(kShop, {{u"A"_s, a.pendingVersion, 10, false}}, now()));
    QVERIFY(store.scheduleRetry(kShop, u"B"_s, 1, now() + 2000, u"HTTP 503"_s));
    DeadLetterQueue::Failure f;
    f.version = 1;
    f.attempts = 1;
    f.kind = u"permanent"_s;
    f.httpStatus = 404;
    f.message = u"no such listing"_s;
    f.atMs = now();
    QVERIFY(DeadLetterQueue(m_t->db()).deadLetter(kShop, u"C"_s, f));
    MetricsLog log(m_t->db());
    QVERIFY(log.recordLag(u"amazon"_s, now() - 2 * LagMonitor::kOneHourMs, 40));

    LagMonitor monitor(m_clock);
    QVERIFY(log.loadInto(monitor, now() - 10 * kMinute));
    // A channel whose only rows are older than sinceMs is still listed.
    QCOMPARE(monitor.channels(), (QStringList {u"amazon"_s, u"ebay"_s, kShop}));
    const ChannelLagStats shop = monitor.snapshot(kShop);
    QCOMPARE(shop.pending, 2); // B retrying, D pending
    QCOMPARE(shop.deadLetters, 1); // C
    const ChannelLagStats ebay = monitor.snapshot(u"ebay"_s);
    QCOMPARE(ebay.pending, 1);
    QCOMPARE(ebay.deadLetters, 0);
    const ChannelLagStats amazon = monitor.snapshot(u"amazon"_s);
    QCOMPARE(amazon.pending, 0);
    QCOMPARE(amazon.count, 0);
    QCOMPARE(amazon.status, ChannelStatus::Idle);
}

using Outcomes = QList<AttemptOutcome>;

void TestMetricsLog::status_data()
{
    QTest::addColumn<QList<qint64>>("lagsMs");
    QTest::addColumn<qint64>("lagAgeMs"); // how long ago the lags were acknowledged
    QTest::addColumn<Outcomes>("outcomes"); // each 5 s ago
    QTest::addColumn<qint64>("pendingAgeMs"); // -1: nothing pending
    QTest::addColumn<QString>("expected");

    const auto ack = AttemptOutcome::Acknowledged;
    const auto failed = AttemptOutcome::Failed;
    const auto throttled = AttemptOutcome::Throttled;
    const auto unanswered = AttemptOutcome::Unanswered;
    QTest::newRow("ok") << QList<qint64> {20, 30, 40} << 5 * kSecond << Outcomes {ack, ack}
                        << qint64(-1) << u"ok"_s;
    QTest::newRow("slow") << QList<qint64> {6000, 7000} << 5 * kSecond << Outcomes {ack}
                          << qint64(-1) << u"slow"_s;
    // Pending for 10 minutes, last acknowledgement 20 minutes ago, attempts answered but failing.
    QTest::newRow("stalled") << QList<qint64> {40} << 20 * kMinute
                             << Outcomes {failed, throttled, failed} << 10 * kMinute
                             << u"stalled"_s;
    // The same work pending for less than the stall period is not a stall yet.
    QTest::newRow("pending briefly")
        << QList<qint64> {40} << 20 * kMinute << Outcomes {failed, throttled, failed}
        << 10 * kSecond << u"ok"_s;
    // Acknowledging recently while an old change waits: moving, not stalled.
    QTest::newRow("pending, acknowledging")
        << QList<qint64> {40} << 5 * kSecond << Outcomes {ack} << 10 * kMinute << u"ok"_s;
    QTest::newRow("unreachable") << QList<qint64> {} << 0LL
                                 << Outcomes {unanswered, unanswered, unanswered} << 10 * kMinute
                                 << u"unreachable"_s;
    QTest::newRow("idle") << QList<qint64> {40} << 2 * LagMonitor::kOneHourMs << Outcomes {}
                          << qint64(-1) << u"idle"_s;
}

void TestMetricsLog::status()
{
    QFETCH(QList<qint64>, lagsMs);
    QFETCH(qint64, lagAgeMs);
    QFETCH(Outcomes, outcomes);
    QFETCH(qint64, pendingAgeMs);
    QFETCH(QString, expected);

    if (pendingAgeMs >= 0)
        seedAndMap(kShop, {u"A"_s}, now() - pendingAgeMs);
    MetricsLog log(m_t->db());
    QList<LagSample> lags;
    for (qint64 ms : lagsMs)
        lags.append({kShop, now() - lagAgeMs, ms});
    QList<PropagationCall> calls;
    for (AttemptOutcome o : outcomes)
        calls.append({kShop, now() - 5 * kSecond, o, 1});
    QVERIFY(log.record(lags, calls));
    // Time passes in the writer before the reader looks: a separate process at a later moment.
    m_clock.advance(kSecond);

    LagMonitor monitor(m_clock);
    QVERIFY(log.loadInto(monitor, now() - LagMonitor::kOneDayMs));
    QCOMPARE(channelStatusName(monitor.snapshot(kShop).status), expected);
}

void TestMetricsLog::batchJoinsTheCallersTransaction()
{
    MetricsLog log(m_t->db());
    const QList<LagSample> lags {{kShop, now(), 1}, {kShop, now(), 2}};
    QVERIFY(m_t->db().beginWrite());
    QVERIFY(log.recordLags(lags));
    QVERIFY(m_t->db().inTransaction()); // still the caller's to end
    m_t->db().rollback();
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM lag_samples"_s), 0);

    // On its own it commits, and another connection (another process) sees the rows.
    QVERIFY(log.recordLags(lags));
    QVERIFY(log.recordCalls({{kShop, now(), AttemptOutcome::Throttled, 4}}));
    QVERIFY(!m_t->db().inTransaction());
    auto other = m_t->another();
    LagMonitor monitor(m_clock);
    QVERIFY(MetricsLog(*other).loadInto(monitor, now() - kMinute));
    QCOMPARE(monitor.snapshot(kShop).count, 2);
    QCOMPARE(monitor.snapshot(kShop).throttled, 1);
}

void TestMetricsLog::lastAckAt()
{
    MetricsLog log(m_t->db());
    QCOMPARE(log.lastAckAt(kShop)->value_or(-1), -1);
    QVERIFY(log.recordCall(kShop, now() - 5 * kSecond, AttemptOutcome::Failed, 1));
    QCOMPARE(log.lastAckAt(kShop)->value_or(-1), -1);
    QVERIFY(log.recordLag(kShop, now() - 3 * LagMonitor::kOneHourMs, 10));
    QCOMPARE(log.lastAckAt(kShop)->value_or(-1), now() - 3 * LagMonitor::kOneHourMs);
    QVERIFY(
        log.recordCall(kShop, now() - 2 * LagMonitor::kOneHourMs, AttemptOutcome::Acknowledged, 1));
    QCOMPARE(log.lastAckAt(kShop)->value_or(-1), now() - 2 * LagMonitor::kOneHourMs);
    QCOMPARE(log.lastAckAt(u"ebay"_s)->value_or(-1), -1);
}

QTEST_GUILESS_MAIN(TestMetricsLog)
#include "tst_metricslog.moc"
