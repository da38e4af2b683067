#pragma once

#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// The conditions AlertRules watches (DESIGN §6, issue 3).
enum class AlertRule {
    LagP99, // a channel's p99 sync lag above the threshold
    LagMax, // any single sync lag above the threshold
    SuccessRate, // too many attempts to update a channel failing
    ChannelStalled, // a channel stalled or unreachable (LagMonitor's status)
    DeadLetter, // listings parked in the dead-letter queue
    OversellAttempt, // an order asked for more than was in stock
    UnknownSku, // an order named a SKU that is not mapped
    Drift, // listings showing another quantity than they should, seen by two reconciliations
};
inline constexpr int kAlertRuleCount = 8;

enum class AlertSeverity { Warning, Critical };

// "lag_p99", "lag_max", "success_rate", "channel_stalled", "dead_letter", "oversell_attempt",
// "unknown_sku", "drift"; and "warning" / "critical". Stable words for keys, JSON and logs.
QString alertRuleName(AlertRule rule);
QString alertSeverityName(AlertSeverity severity);

// One alert as the console, the CLI and the log show it.
struct Alert
{
    QString key; // "<rule>:<channel>", or "<rule>" for a store-wide rule
    AlertRule rule = AlertRule::LagP99;
    QString channel; // empty for store-wide rules (oversell, unknown SKU)
    AlertSeverity severity = AlertSeverity::Warning;
    QString message; // one sentence for the merchant
    qint64 sinceMs = 0; // when the condition was first seen to hold
    qint64 firedAtMs = -1;
    qint64 resolvedAtMs = -1; // set in alertResolved
    double value = 0; // the measured value (ms for lags, a ratio, a count)
    double threshold = 0;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::Alert)
