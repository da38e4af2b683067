#include "metrics/alertrules.h"
#include "metrics/lagmonitor.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

// Feeds one second of a channel's traffic into the monitor.
using Feed = std::function<void(LagMonitor &, const QString &)>;
Q_DECLARE_METATYPE(Feed)
Q_DECLARE_METATYPE(ChannelDesk::AlertRule)

class TestAlertRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void singleSpikeDoesNotFire_data();
    void singleSpikeDoesNotFire();
    void sustainedConditionFiresAfterPendingPeriod_data();
    void sustainedConditionFiresAfterPendingPeriod();
    void oneSlowUpdateFiresAtOnce();
    void interruptedConditionStartsOver();
    void stalledChannelFires();
    void deadLettersFireAtOnceAndResolve();
    void oversellAttemptFiresAtOnceAndNamesSkus();
    void thresholdsAndPendingAreConfigurable();
    void disablingRuleResolvesIt();
    void alertTravelsAsVariant();

private:
    const QString shop = u"shop-us"_s;
};

namespace {
constexpr qint64 kSec = 1000;

// The alerts of one rule among those a spy caught (a 31-s lag also breaks the p99 rule, a channel
// answering only 429 also breaks the success-rate rule).
QList<Alert> ofRule(const QSignalSpy &spy, AlertRule rule)
{
    QList<Alert> out;
    for (const QList<QVariant> &args : spy) {
        const auto a = args.at(0).value<Alert>();
        if (a.rule == rule)
            out.append(a);
    }
    return out;
}

void healthy(LagMonitor &m, const QString &ch)
{
    for (int i = 0; i < 10; ++i) {
        m.recordOutcome(ch, AttemptOutcome::Acknowledged);
        m.recordLag(ch, 20'000);
    }
}
} // namespace

void TestAlertRules::initTestCase()
{
    QCOMPARE(alertRuleName(AlertRule::LagP99), u"lag_p99"_s);
    QCOMPARE(alertRuleName(AlertRule::UnknownSku), u"unknown_sku"_s);
}

void TestAlertRules::singleSpikeDoesNotFire_data()
{
    QTest::addColumn<Feed>("spike");
    QTest::newRow("one 8-s lag") << Feed(
        [](LagMonitor &m, const QString &ch) { m.recordLag(ch, 8'000'000); });
    QTest::newRow("a burst of failures") << Feed([](LagMonitor &m, const QString &ch) {
        for (int i = 0; i < 5; ++i)
            m.recordOutcome(ch, AttemptOutcome::Failed);
    });
}

void TestAlertRules::singleSpikeDoesNotFire()
{
    QFETCH(Feed, spike);
    for (qint64 offset : {qint64(0), 3 * kSec, 9 * kSec + 999}) { // anywhere in a 10-s slot
        ManualClock clock;
        clock.advance(offset);
        LagMonitor monitor(clock);
        AlertRules rules(monitor, clock);
        QSignalSpy raised(&rules, &AlertRules::alertRaised);
        healthy(monitor, shop);
        spike(monitor, shop);
        for (int s = 0; s < 120; ++s) {
            rules.evaluate();
            healthy(monitor, shop);
            clock.advance(kSec);
        }
        QCOMPARE(raised.count(), 0);
        QVERIFY(rules.activeAlerts().isEmpty());
    }
}

void TestAlertRules::sustainedConditionFiresAfterPendingPeriod_data()
{
    QTest::addColumn<Feed>("bad");
    QTest::addColumn<AlertRule>("rule");
    QTest::addColumn<double>("value"); // of the alert when it fires

    QTest::newRow("p99 over 5 s") << Feed([](LagMonitor &m, const QString &ch) {
        m.recordLag(ch, 20'000);
        m.recordLag(ch, 6'000'000);
    }) << AlertRule::LagP99 << 6000.0;
    QTest::newRow("success rate under 99%") << Feed([](LagMonitor &m, const QString &ch) {
        for (int i = 0; i < 9; ++i)
            m.recordOutcome(ch, AttemptOutcome::Acknowledged);
        m.recordOutcome(ch, AttemptOutcome::Throttled);
    }) << AlertRule::SuccessRate << 0.9;
    // Calls that succeeded, but with 3 of 25 items refused each time: 22/25 of the updates.
    QTest::newRow("refused items of batches") << Feed([](LagMonitor &m, const QString &ch) {
        m.recordCall(ch, AttemptOutcome::Acknowledged, 25, 3);
    }) << AlertRule::SuccessRate << 0.88;
}

void TestAlertRules::sustainedConditionFiresAfterPendingPeriod()
{
    QFETCH(Feed, bad);
    QFETCH(AlertRule, rule);
    QFETCH(double, value);

    ManualClock clock;
    LagMonitor monitor(clock);
    AlertRules rules(monitor, clock);
    QSignalSpy raised(&rules, &AlertRules::alertRaised);
    QSignalSpy resolved(&rules, &AlertRules::alertResolved);
    const qint64 pending = rules.config(rule).pendingMs;
    QCOMPARE(pending, 30 * kSec);

    const qint64 t0 = clock.nowMs();
    bad(monitor, shop);
    rules.evaluate(); // the condition is first seen here
    while (clock.nowMs() < t0 + pending - kSec) {
        clock.advance(kSec);
        bad(monitor, shop);
        rules.evaluate();
    }
    clock.advance(kSec - 1);
    rules.evaluate();
    QCOMPARE(ofRule(raised, rule).size(), 0);
    clock.advance(1);
    rules.evaluate();
    QCOMPARE(ofRule(raised, rule).size(), 1);

    const Alert alert = ofRule(raised, rule).first();
    QCOMPARE(alert.rule, rule);
    QCOMPARE(alert.channel, shop);
    QCOMPARE(alert.key, alertRuleName(rule) + u":shop-us"_s);
    QCOMPARE(alert.sinceMs, t0);
    QCOMPARE(alert.firedAtMs, t0 + pending);
    QVERIFY2(qAbs(alert.value - value) <= 0.01 * value, qPrintable(QString::number(alert.value)));
    QCOMPARE(alert.threshold, rules.config(rule).threshold);
    QVERIFY2(alert.message.contains(shop), qPrintable(alert.message));
    const QList<Alert> active = rules.activeAlerts();
    QVERIFY(std::any_of(active.begin(), active.end(),
                        [&](const Alert &a) { return a.key == alert.key; }));

    // Still bad for a minute: no second page.
    for (int s = 0; s < 60; ++s) {
        clock.advance(kSec);
        bad(monitor, shop);
        rules.evaluate();
    }
    QCOMPARE(ofRule(raised, rule).size(), 1);
    QCOMPARE(ofRule(resolved, rule).size(), 0);

    // Healthy again: resolves once the bad samples leave the 30-s window.
    for (int s = 0; s < 40 && ofRule(resolved, rule).isEmpty(); ++s) {
        clock.advance(kSec);
        healthy(monitor, shop);
        rules.evaluate();
    }
    QCOMPARE(ofRule(resolved, rule).size(), 1);
    const Alert gone = ofRule(resolved, rule).first();
    QCOMPARE(gone.key, alert.key);
    QCOMPARE(gone.resolvedAtMs, clock.nowMs());
    QVERIFY(rules.activeAlerts().isEmpty());
    QCOMPARE(ofRule(raised, rule).size(), 1);
}

void TestAlertRules::oneSlowUpdateFiresAtOnce()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    AlertRules rules(monitor, clock);
    QSignalSpy raised(&rules, &AlertRules::alertRaised);
    QSignalSpy resolved(&rules, &AlertRules::alertResolved);
    healthy(monitor, shop);
    rules.evaluate();
    monitor.recordLag(shop, 45'000'000); // one listing update that took 45 s
    rules.evaluate();
    QCOMPARE(ofRule(raised, AlertRule::LagMax).size(), 1);
    const Alert alert = ofRule(raised, AlertRule::LagMax).first();
    QCOMPARE(alert.firedAtMs, clock.nowMs());
    QVERIFY2(qAbs(alert.value - 45'000.0) <= 450.0, qPrintable(QString::number(alert.value)));
    QVERIFY2(alert.message.contains(shop), qPrintable(alert.message));

    // Healthy updates after it: resolves once the slow one leaves the window, and never fires
    // again for it.
    for (int s = 0; s < 60; ++s) {
        clock.advance(kSec);
        healthy(monitor, shop);
        rules.evaluate();
    }
    QCOMPARE(ofRule(raised, AlertRule::LagMax).size(), 1);
    QCOMPARE(ofRule(resolved, AlertRule::LagMax).size(), 1);
}

void TestAlertRules::interruptedConditionStartsOver()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    AlertRules rules(monitor, clock);
    QSignalSpy raised(&rules, &AlertRules::alertRaised);
    monitor.setDeadLetterDepth(shop, 0);
    AlertRuleConfig c = rules.config(AlertRule::DeadLetter);
    c.pendingMs = 20 * kSec;
    rules.setConfig(AlertRule::DeadLetter, c);

    monitor.setDeadLetterDepth(shop, 1);
    rules.evaluate();
    clock.advance(19 * kSec);
    rules.evaluate();
    monitor.setDeadLetterDepth(shop, 0); // retried by hand
    clock.advance(kSec);
    rules.evaluate();
    monitor.setDeadLetterDepth(shop, 1);
    clock.advance(kSec);
    rules.evaluate(); // holding again, from here
    const qint64 since = clock.nowMs();
    clock.advance(20 * kSec - 1);
    rules.evaluate();
    QCOMPARE(raised.count(), 0);
    clock.advance(1);
    rules.evaluate();
    QCOMPARE(raised.count(), 1);
    QCOMPARE(raised.at(0).at(0).value<Alert>().sinceMs, since);
}

void TestAlertRules::stalledChannelFires()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    AlertRules rules(monitor, clock);
    QSignalSpy raised(&rules, &AlertRules::alertRaised);
    healthy(monitor, shop);
    monitor.setPending(shop, 7);
    // Throttled every 5 s: stalled after 30 s, the alert 30 s later.
    for (int s = 0; s <= 60; ++s) {
        if (s % 5 == 0)
            monitor.recordOutcome(shop, AttemptOutcome::Throttled);
        rules.evaluate();
        if (s < 60)
            clock.advance(kSec);
    }
    QCOMPARE(ofRule(raised, AlertRule::ChannelStalled).size(), 0);
    clock.advance(kSec);
    rules.evaluate();
    QCOMPARE(ofRule(raised, AlertRule::ChannelStalled).size(), 1);
    QCOMPARE(ofRule(raised, AlertRule::SuccessRate).size(), 1); // only 429s for a while
    const Alert alert = ofRule(raised, AlertRule::ChannelStalled).first();
    QCOMPARE(alert.rule, AlertRule::ChannelStalled);
    QCOMPARE(alert.severity, AlertSeverity::Critical);
    QVERIFY2(alert.message.contains(u"7 listings"_s), qPrintable(alert.message));
    QVERIFY2(alert.message.contains(u"not confirmed"_s), qPrintable(alert.message));
}

void TestAlertRules::deadLettersFireAtOnceAndResolve()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    AlertRules rules(monitor, clock);
    QSignalSpy raised(&rules, &AlertRules::alertRaised);
    QSignalSpy resolved(&rules, &AlertRules::alertResolved);
    monitor.setDeadLetterDepth(shop, 3);
    monitor.setDeadLetterDepth(u"ebay-uk"_s, 0);
    rules.evaluate();
    QCOMPARE(raised.count(), 1);
    const auto alert = raised.at(0).at(0).value<Alert>();
    QCOMPARE(alert.key, u"dead_letter:shop-us"_s);
    QCOMPARE(alert.value, 3.0);
    QVERIFY2(alert.message.contains(u"dead-letter queue"_s), qPrintable(alert.message));
    monitor.setDeadLetterDepth(shop, 0);
    clock.advance(kSec);
    rules.evaluate();
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(raised.count(), 1);
}

void TestAlertRules::oversellAttemptFiresAtOnceAndNamesSkus()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    AlertRules rules(monitor, clock);
    QSignalSpy raised(&rules, &AlertRules::alertRaised);
    QSignalSpy resolved(&rules, &AlertRules::alertResolved);
    rules.evaluate();
    QCOMPARE(raised.count(), 0);
    monitor.noteOversold({-1, u"MUG-RED"_s, shop, u"1042"_s, u"took MUG-RED to -2: 2 owed"_s});
    monitor.noteOversold({-1, u"MUG-RED"_s, shop, u"1043"_s, u"took MUG-RED to -3: 1 owed"_s});
    monitor.noteUnmatched({-1, u"GHOST-1"_s, shop, u"1044"_s, u"line 2 waits"_s});
    rules.evaluate();
    QCOMPARE(raised.count(), 2);
    const QList<Alert> active = rules.activeAlerts();
    QCOMPARE(active.size(), 2);
    QCOMPARE(active.at(0).key, u"oversell_attempt"_s);
    QCOMPARE(active.at(0).severity, AlertSeverity::Critical);
    QCOMPARE(active.at(0).value, 2.0);
    // The alert names the orders and says what happened.
    QVERIFY2(active.at(0).message.contains(u"order %1/1042 took MUG-RED to -2: 2 owed"_s.arg(shop)),
             qPrintable(active.at(0).message));
    QVERIFY2(active.at(0).message.contains(u"order %1/1043"_s.arg(shop)),
             qPrintable(active.at(0).message));
    QCOMPARE(active.at(1).key, u"unknown_sku"_s);
    QVERIFY2(active.at(1).message.contains(u"order %1/1044 line 2 waits"_s.arg(shop)),
             qPrintable(active.at(1).message));

    clock.advance(LagMonitor::kFiveMinutesMs - 1);
    rules.evaluate();
    QCOMPARE(resolved.count(), 0);
    clock.advance(1);
    rules.evaluate();
    QCOMPARE(resolved.count(), 2);
}

void TestAlertRules::thresholdsAndPendingAreConfigurable()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    AlertRules rules(monitor, clock);
    QSignalSpy raised(&rules, &AlertRules::alertRaised);
    AlertRuleConfig c = rules.config(AlertRule::LagP99);
    QCOMPARE(c.threshold, 5000.0);
    c.threshold = 100;
    c.pendingMs = 0;
    rules.setConfig(AlertRule::LagP99, c);
    monitor.recordLag(shop, 90'000);
    rules.evaluate();
    QCOMPARE(raised.count(), 0);
    monitor.recordLag(shop, 250'000);
    rules.evaluate();
    QCOMPARE(raised.count(), 1);
    const auto alert = raised.at(0).at(0).value<Alert>();
    QCOMPARE(alert.threshold, 100.0);
    QVERIFY2(alert.message.contains(u"250 ms"_s), qPrintable(alert.message));
    QVERIFY2(alert.message.contains(u"100 ms"_s), qPrintable(alert.message));
}

void TestAlertRules::disablingRuleResolvesIt()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    AlertRules rules(monitor, clock);
    QSignalSpy resolved(&rules, &AlertRules::alertResolved);
    monitor.setDeadLetterDepth(shop, 1);
    rules.evaluate();
    QCOMPARE(rules.activeAlerts().size(), 1);
    AlertRuleConfig c = rules.config(AlertRule::DeadLetter);
    c.enabled = false;
    rules.setConfig(AlertRule::DeadLetter, c);
    rules.evaluate();
    QCOMPARE(resolved.count(), 1);
    QVERIFY(rules.activeAlerts().isEmpty());
}

void TestAlertRules::alertTravelsAsVariant()
{
    Alert a;
    a.key = u"lag_max:x"_s;
    a.rule = AlertRule::LagMax;
    const QVariant v = QVariant::fromValue(a);
    QCOMPARE(v.value<Alert>().key, a.key);
    QCOMPARE(v.value<Alert>().rule, AlertRule::LagMax);
}

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
