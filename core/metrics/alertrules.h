#pragma once

#include "metrics/alert.h"
#include "util/clock.h"

#include <QList>
#include <QObject>

#include <array>
#include <map>

namespace ChannelDesk {

class LagMonitor;

// How one rule is judged. `threshold` is in the rule's unit: ms for lags, a ratio for the success
// rate, a count for dead letters and order problems ("more than"); unused for ChannelStalled.
struct AlertRuleConfig
{
    bool enabled = true;
    double threshold = 0;
    qint64 windowMs = 30'000; // the LagMonitor window the rule reads
    qint64 pendingMs = 30'000; // how long the condition must hold before the alert fires
};

// Turns LagMonitor's figures into alerts: lag p99 > 5 s, any lag > 30 s, success rate < 0.99, a
// stalled or unreachable channel, any dead letter, any oversell attempt, any unknown SKU. A
// condition must hold at every evaluate() for the rule's pending period before the alert fires,
// so one slow call pages nobody; the alert resolves at the first evaluate() where it no longer
// holds. The owner calls evaluate() on a timer; time comes from the Clock.
//
// Defaults: the p99, success-rate and stall rules read a 30-second window and wait 30 s, so a
// spike that leaves the window before the pending period ends never fires. A single update over
// the lag limit (30 s), dead letters, oversell attempts and unknown SKUs are facts rather than
// noise: they fire at once, and the two order rules look back 5 minutes.
class AlertRules : public QObject
{
    Q_OBJECT
public:
    AlertRules(const LagMonitor &monitor, const Clock &clock, QObject *parent = nullptr);

    static AlertRuleConfig defaultConfig(AlertRule rule);
    AlertRuleConfig config(AlertRule rule) const;
    void setConfig(AlertRule rule, const AlertRuleConfig &config);

    // Alerts that fired and have not resolved, ordered by key.
    QList<Alert> activeAlerts() const;

public Q_SLOTS:
    void evaluate();

Q_SIGNALS:
    void alertRaised(const ChannelDesk::Alert &alert);
    void alertResolved(const ChannelDesk::Alert &alert);

private:
    struct Tracked
    {
        Alert alert;
        bool firing = false;
    };
    std::map<QString, Alert> currentConditions(qint64 now) const;

    const LagMonitor &m_monitor;
    const Clock &m_clock;
    std::array<AlertRuleConfig, kAlertRuleCount> m_configs;
    std::map<QString, Tracked> m_tracked; // conditions seen holding, firing or still pending
};

} // namespace ChannelDesk
