#include "alertrules.h"

#include "metrics/lagmonitor.h"
#include "metrics/metricslog.h"

#include <QHash>
#include <QStringList>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {

// "850 ms", "7.2 s", "3 min 5 s": lags as a merchant reads them.
QString readableDuration(double ms)
{
    if (ms < 1000)
        return u"%1 ms"_s.arg(qRound(ms));
    if (ms < 60'000)
        return u"%1 s"_s.arg(ms / 1000.0, 0, 'f', ms < 10'000 ? 1 : 0);
    const qint64 s = qRound64(ms / 1000.0);
    return s % 60 ? u"%1 min %2 s"_s.arg(s / 60).arg(s % 60) : u"%1 min"_s.arg(s / 60);
}

QString percent(double ratio)
{
    return u"%1%"_s.arg(ratio * 100.0, 0, 'f', 1);
}

// The distinct SKUs of some order problems, at most five named.
// "order shop-us/1042 took SKU-7 to -2: 2 owed; ..." (the newest five, and how many more).
QString problemList(const QList<OrderProblem> &problems)
{
    QStringList what;
    for (auto it = problems.crbegin(); it != problems.crend(); ++it) {
        const QString line = it->orderId.isEmpty()
            ? it->sku
            : AlertRules::tr("order %1/%2 %3").arg(it->channel, it->orderId, it->detail);
        if (!what.contains(line))
            what.append(line);
    }
    if (what.size() > 5)
        return AlertRules::tr("%1 and %n more", nullptr, int(what.size() - 5))
            .arg(what.mid(0, 5).join(u"; "_s));
    return what.join(u"; "_s);
}

AlertSeverity severityOf(AlertRule rule)
{
    switch (rule) {
    case AlertRule::LagMax:
    case AlertRule::ChannelStalled:
    case AlertRule::OversellAttempt:
        return AlertSeverity::Critical;
    default:
        return AlertSeverity::Warning;
    }
}

} // namespace

AlertRules::AlertRules(const LagMonitor &monitor, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_clock(clock)
{
    for (int i = 0; i < kAlertRuleCount; ++i)
        m_configs[size_t(i)] = defaultConfig(AlertRule(i));
}

AlertRuleConfig AlertRules::defaultConfig(AlertRule rule)
{
    AlertRuleConfig c;
    switch (rule) {
    case AlertRule::LagP99:
        c.threshold = 5000;
        break;
    case AlertRule::LagMax:
        // One update that took longer is a fact (its listings showed an old quantity): no
        // pending period.
        c.threshold = 30'000;
        c.pendingMs = 0;
        break;
    case AlertRule::SuccessRate:
        c.threshold = 0.99;
        break;
    case AlertRule::ChannelStalled:
        break;
    case AlertRule::DeadLetter:
        c.pendingMs = 0;
        break;
    case AlertRule::Drift:
        // Drift seen once may be a sale whose webhook is on its way; seen by two
        // reconciliations in a row it is real: it fires at once then.
        c.pendingMs = 0;
        break;
    case AlertRule::OversellAttempt:
    case AlertRule::UnknownSku:
        c.windowMs = LagMonitor::kFiveMinutesMs;
        c.pendingMs = 0;
        break;
    }
    return c;
}

AlertRuleConfig AlertRules::config(AlertRule rule) const
{
    return m_configs[size_t(rule)];
}

void AlertRules::setConfig(AlertRule rule, const AlertRuleConfig &config)
{
    m_configs[size_t(rule)] = config;
}

QList<Alert> AlertRules::activeAlerts() const
{
    QList<Alert> out;
    for (const auto &[key, tracked] : m_tracked) {
        if (tracked.firing)
            out.append(tracked.alert);
    }
    return out;
}

std::map<QString, Alert> AlertRules::currentConditions(qint64 now) const
{
    std::map<QString, Alert> out;
    auto hold = [&](AlertRule rule, const QString &channel, double value, const QString &message) {
        Alert a;
        a.rule = rule;
        a.channel = channel;
        a.key = channel.isEmpty() ? alertRuleName(rule) : alertRuleName(rule) + u':' + channel;
        a.severity = severityOf(rule);
        a.value = value;
        a.threshold = config(rule).threshold;
        a.message = message;
        out.emplace(a.key, a);
    };
    auto on = [this](AlertRule rule) { return m_configs[size_t(rule)].enabled; };

    for (const QString &channel : m_monitor.channels()) {
        QHash<qint64, ChannelLagStats> byWindow;
        auto stats = [&](AlertRule rule) -> const ChannelLagStats & {
            const qint64 w = config(rule).windowMs;
            auto it = byWindow.find(w);
            if (it == byWindow.end())
                it = byWindow.insert(w, m_monitor.snapshot(channel, w));
            return *it;
        };
        if (on(AlertRule::LagP99)) {
            const auto &s = stats(AlertRule::LagP99);
            const double limit = config(AlertRule::LagP99).threshold;
            if (s.count > 0 && s.p99Ms > limit) {
                hold(AlertRule::LagP99, channel, s.p99Ms,
                     tr("Stock updates are reaching %1 slowly: 1 in 100 takes %2 or more "
                        "(alert above %3).")
                         .arg(channel, readableDuration(s.p99Ms), readableDuration(limit)));
            }
        }
        if (on(AlertRule::LagMax)) {
            const auto &s = stats(AlertRule::LagMax);
            const double limit = config(AlertRule::LagMax).threshold;
            if (s.count > 0 && s.maxMs > limit) {
                hold(AlertRule::LagMax, channel, s.maxMs,
                     tr("A stock update took %1 to reach %2 (alert above %3), so its listings "
                        "may have shown an old quantity.")
                         .arg(readableDuration(s.maxMs), channel, readableDuration(limit)));
            }
        }
        if (on(AlertRule::SuccessRate)) {
            const auto &s = stats(AlertRule::SuccessRate);
            const double limit = config(AlertRule::SuccessRate).threshold;
            if (s.updates > 0 && s.successRate < limit) {
                hold(AlertRule::SuccessRate, channel, s.successRate,
                     tr("Only %1 of stock updates to %2 are succeeding (%3 of %4 failed, alert "
                        "below %5); failed ones are retried.")
                         .arg(percent(s.successRate), channel)
                         .arg(s.failedUpdates)
                         .arg(s.updates)
                         .arg(percent(limit)));
            }
        }
        if (on(AlertRule::ChannelStalled)) {
            const auto &s = stats(AlertRule::ChannelStalled);
            const double sinceAck = s.lastAckAtMs < 0 ? -1.0 : double(now - s.lastAckAtMs);
            if (s.status == ChannelStatus::Unreachable) {
                hold(AlertRule::ChannelStalled, channel, sinceAck,
                     tr("%1 is not answering: its recent update attempts all timed out or "
                        "could not connect; %2 listings are waiting.")
                         .arg(channel)
                         .arg(s.pending));
            } else if (s.status == ChannelStatus::Stalled) {
                hold(AlertRule::ChannelStalled, channel, sinceAck,
                     s.lastAckAtMs < 0
                         ? tr("%1 has not confirmed any stock update yet while %2 listings are "
                              "waiting.")
                               .arg(channel)
                               .arg(s.pending)
                         : tr("%1 has not confirmed a stock update for %2 while %3 listings "
                              "are waiting.")
                               .arg(channel, readableDuration(sinceAck))
                               .arg(s.pending));
            }
        }
        if (on(AlertRule::DeadLetter)) {
            const auto &s = stats(AlertRule::DeadLetter);
            if (double(s.deadLetters) > config(AlertRule::DeadLetter).threshold) {
                hold(AlertRule::DeadLetter, channel, double(s.deadLetters),
                     tr("%n listing update(s) for %1 could not be delivered and wait in the "
                        "dead-letter queue for you to retry or discard.",
                        nullptr, int(s.deadLetters))
                         .arg(channel));
            }
        }
        if (on(AlertRule::Drift)) {
            const auto &s = stats(AlertRule::Drift);
            if (double(s.driftOutlived) > config(AlertRule::Drift).threshold) {
                hold(AlertRule::Drift, channel, double(s.driftOutlived),
                     tr("%n listing(s) on %1 still show another quantity than they should "
                        "after a second reconciliation: see the Drift view to fix them.",
                        nullptr, int(s.driftOutlived))
                         .arg(channel));
            }
        }
    }

    if (on(AlertRule::OversellAttempt)) {
        const AlertRuleConfig c = config(AlertRule::OversellAttempt);
        const qint64 n = m_monitor.oversoldOrders(c.windowMs);
        if (double(n) > c.threshold) {
            hold(AlertRule::OversellAttempt, {}, double(n),
                 tr("%n order(s) in the last %1 were sold with too little stock: %2. The units "
                    "are owed to customers until the orders are cancelled, refunded, restocked "
                    "or resolved (Orders tab, or `channeldesk-cli oversold`).",
                    nullptr, int(n))
                     .arg(readableDuration(double(c.windowMs)),
                          problemList(m_monitor.recentOversoldOrders(c.windowMs))));
        }
    }
    if (on(AlertRule::UnknownSku)) {
        const AlertRuleConfig c = config(AlertRule::UnknownSku);
        const qint64 n = m_monitor.unmatchedOrders(c.windowMs);
        if (double(n) > c.threshold) {
            hold(AlertRule::UnknownSku, {}, double(n),
                 tr("%n order(s) in the last %1 have lines that wait for a SKU or a listing "
                    "mapping: %2. Their other lines took stock; map the listing or resolve the "
                    "line (Orders tab, or `channeldesk-cli unmatched`).",
                    nullptr, int(n))
                     .arg(readableDuration(double(c.windowMs)),
                          problemList(m_monitor.recentUnmatchedOrders(c.windowMs))));
        }
    }
    return out;
}

void AlertRules::evaluate()
{
    const qint64 now = m_clock.nowMs();
    std::map<QString, Alert> current = currentConditions(now);
    QList<Alert> raised;
    QList<Alert> resolved;

    for (auto it = m_tracked.begin(); it != m_tracked.end();) {
        if (current.count(it->first)) {
            ++it;
            continue;
        }
        if (it->second.firing) {
            it->second.alert.resolvedAtMs = now;
            resolved.append(it->second.alert);
        }
        it = m_tracked.erase(it);
    }
    for (auto &[key, alert] : current) {
        auto [it, isNew] = m_tracked.try_emplace(key);
        Tracked &t = it->second;
        alert.sinceMs = isNew ? now : t.alert.sinceMs;
        alert.firedAtMs = t.alert.firedAtMs;
        t.alert = alert; // the latest value and message
        if (!t.firing && now - t.alert.sinceMs >= config(alert.rule).pendingMs) {
            t.firing = true;
            t.alert.firedAtMs = now;
            raised.append(t.alert);
        }
    }

    // Signals last, so a slot that reads activeAlerts() or evaluates again sees settled state.
    for (const Alert &a : std::as_const(resolved)) {
        qCInfo(lcMetrics).noquote() << "alert resolved:" << a.key;
        Q_EMIT alertResolved(a);
    }
    for (const Alert &a : std::as_const(raised)) {
        qCInfo(lcMetrics).noquote() << "alert raised:" << a.key << "-" << a.message;
        Q_EMIT alertRaised(a);
    }
}

} // namespace ChannelDesk
