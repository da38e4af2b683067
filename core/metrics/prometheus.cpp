#include "prometheus.h"

#include "metrics/lagmonitor.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {

using Label = std::pair<QByteArray, QString>;

QByteArray number(double v)
{
    if (std::isnan(v))
        return "NaN"_ba;
    if (std::isinf(v))
        return v > 0 ? "+Inf"_ba : "-Inf"_ba;
    return QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

QByteArray number(qint64 v)
{
    return QByteArray::number(v);
}

// HELP text escapes backslash and newline only.
QByteArray helpText(const char *help)
{
    QByteArray out(help);
    out.replace('\\', "\\\\").replace('\n', "\\n");
    return out;
}

class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out += "# HELP " + QByteArray(name) + ' ' + helpText(help) + '\n';
        m_out += "# TYPE " + QByteArray(name) + ' ' + type + '\n';
    }
    template<typename T>
    void sample(const QByteArray &name, std::initializer_list<Label> labels, T value)
    {
        m_out += name;
        if (labels.size()) {
            m_out += '{';
            bool first = true;
            for (const Label &l : labels) {
                if (!first)
                    m_out += ',';
                first = false;
                m_out += l.first + "=\"" + prometheusLabelValue(l.second) + '"';
            }
            m_out += '}';
        }
        m_out += ' ' + number(value) + '\n';
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

} // namespace

QByteArray prometheusLabelValue(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray prometheusText(const LagMonitor &monitor, const OrderCounters &orders,
                          const LedgerGauges &ledger)
{
    const QStringList channels = monitor.channels();
    QList<ChannelLagStats> recent;
    QList<LagMonitor::Totals> totals;
    for (const QString &c : channels) {
        recent.append(monitor.snapshot(c, LagMonitor::kFiveMinutesMs));
        totals.append(monitor.totals(c));
    }
    const auto ch = [&](qsizetype i) { return Label {"channel"_ba, channels.at(i)}; };
    Writer w;

    w.family("channeldesk_sync_lag_seconds", "histogram",
             "Time from a stock change being committed to the channel acknowledging it, "
             "since start.");
    const QList<qint64> &bounds = LagMonitor::histogramBoundsMs();
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const LagMonitor::Totals &t = totals.at(i);
        qint64 cumulative = 0;
        for (qsizetype b = 0; b < bounds.size(); ++b) {
            cumulative += t.lagBins.value(b);
            w.sample("channeldesk_sync_lag_seconds_bucket"_ba,
                     {ch(i), {"le"_ba, QString::number(double(bounds.at(b)) / 1000.0, 'g', 6)}},
                     cumulative);
        }
        w.sample("channeldesk_sync_lag_seconds_bucket"_ba, {ch(i), {"le"_ba, u"+Inf"_s}},
                 t.lagCount);
        w.sample("channeldesk_sync_lag_seconds_sum"_ba, {ch(i)}, double(t.lagSumMicros) / 1e6);
        w.sample("channeldesk_sync_lag_seconds_count"_ba, {ch(i)}, t.lagCount);
    }

    // Prometheus keeps the quantile label for summaries: the recent percentiles are one, shaped
    // as client libraries shape theirs (quantiles over a sliding window, _sum and _count since
    // start), so `promtool check metrics` takes it.
    w.family("channeldesk_sync_lag_recent_seconds", "summary",
             "p50, p95 and p99 of the sync lag over the last 5 minutes (NaN when there was "
             "none); _sum and _count since start.");
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const ChannelLagStats &s = recent.at(i);
        const bool any = s.count > 0;
        const std::pair<const char *, double> quantiles[] = {
            {"0.5", s.p50Ms}, {"0.95", s.p95Ms}, {"0.99", s.p99Ms}};
        for (const auto &[q, ms] : quantiles) {
            w.sample("channeldesk_sync_lag_recent_seconds"_ba,
                     {ch(i), {"quantile"_ba, QString::fromLatin1(q)}}, any ? ms / 1000.0 : qQNaN());
        }
        const LagMonitor::Totals &t = totals.at(i);
        w.sample("channeldesk_sync_lag_recent_seconds_sum"_ba, {ch(i)},
                 double(t.lagSumMicros) / 1e6);
        w.sample("channeldesk_sync_lag_recent_seconds_count"_ba, {ch(i)}, t.lagCount);
    }

    w.family("channeldesk_sync_lag_max_seconds", "gauge",
             "The longest sync lag over the last 5 minutes.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_sync_lag_max_seconds"_ba, {ch(i)}, recent.at(i).maxMs / 1000.0);

    w.family("channeldesk_propagation_attempts_total", "counter",
             "Attempts to update a channel, since start.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_propagation_attempts_total"_ba, {ch(i)}, totals.at(i).attempts);

    w.family("channeldesk_propagation_failures_total", "counter",
             "Failed attempts to update a channel (throttled and unanswered included), since "
             "start.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_propagation_failures_total"_ba, {ch(i)}, totals.at(i).failures);

    w.family("channeldesk_propagation_throttled_total", "counter",
             "Attempts the channel answered with 429 (throttled), since start.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_propagation_throttled_total"_ba, {ch(i)}, totals.at(i).throttled);

    w.family("channeldesk_listing_updates_total", "counter",
             "Listing updates sent to a channel (a batch call carries many), since start.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_listing_updates_total"_ba, {ch(i)}, totals.at(i).updates);

    w.family("channeldesk_listing_updates_failed_total", "counter",
             "Listing updates the channel did not take (refused items of a batch included), "
             "since start.");
    for (qsizetype i = 0; i < channels.size(); ++i) {
        w.sample("channeldesk_listing_updates_failed_total"_ba, {ch(i)},
                 totals.at(i).failedUpdates);
    }

    w.family("channeldesk_propagation_success_ratio", "gauge",
             "Share of listing updates the channel took over the last 5 minutes (1 with none).");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_propagation_success_ratio"_ba, {ch(i)}, recent.at(i).successRate);

    w.family("channeldesk_dead_letters", "gauge",
             "Listing updates parked in the dead-letter queue.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_dead_letters"_ba, {ch(i)}, recent.at(i).deadLetters);

    w.family("channeldesk_drift_listings", "gauge",
             "Listings the last reconciliation found showing another quantity than they "
             "should.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_drift_listings"_ba, {ch(i)}, recent.at(i).driftListings);

    w.family("channeldesk_pending_listings", "gauge",
             "Listings with a quantity not yet acknowledged by the channel.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        w.sample("channeldesk_pending_listings"_ba, {ch(i)}, recent.at(i).pending);

    w.family("channeldesk_channel_status", "gauge",
             "1 for the channel's current status (idle, ok, slow, stalled, unreachable), 0 for "
             "the others.");
    for (qsizetype i = 0; i < channels.size(); ++i) {
        for (ChannelStatus st : {ChannelStatus::Idle, ChannelStatus::Ok, ChannelStatus::Slow,
                                 ChannelStatus::Stalled, ChannelStatus::Unreachable}) {
            w.sample("channeldesk_channel_status"_ba, {ch(i), {"status"_ba, channelStatusName(st)}},
                     qint64(recent.at(i).status == st));
        }
    }

    w.family("channeldesk_oversold_orders_total", "counter",
             "Sales applied that took a SKU below zero (units owed), since start.");
    w.sample("channeldesk_oversold_orders_total"_ba, {}, monitor.oversoldOrdersTotal());

    w.family("channeldesk_orders_total", "counter",
             "Order events (sales and lifecycle events) by outcome when first received, since "
             "start; a sale delivered again is a duplicate, also when its waiting lines apply "
             "then (channeldesk_unmatched_lines says what waits now).");
    const std::pair<const char *, qint64> outcomes[] = {
        {"applied", orders.applied},     {"oversold", orders.oversold},
        {"unmatched", orders.unmatched}, {"duplicate", orders.duplicate},
        {"cancelled", orders.cancelled}, {"refunded", orders.refunded},
        {"edited", orders.edited},       {"shipped", orders.shipped},
        {"ignored", orders.ignored},     {"invalid", orders.invalid}};
    for (const auto &[outcome, n] : outcomes)
        w.sample("channeldesk_orders_total"_ba, {{"outcome"_ba, QString::fromLatin1(outcome)}}, n);

    w.family("channeldesk_oversold_orders_open", "gauge",
             "Orders with units owed to customers, not yet settled.");
    w.sample("channeldesk_oversold_orders_open"_ba, {}, ledger.oversoldOrders);
    w.family("channeldesk_units_owed", "gauge",
             "Units sold below zero and not yet settled, over all open oversold orders.");
    w.sample("channeldesk_units_owed"_ba, {}, ledger.unitsOwed);
    w.family("channeldesk_unmatched_lines", "gauge",
             "Order lines waiting for a listing mapping or a SKU.");
    w.sample("channeldesk_unmatched_lines"_ba, {}, ledger.unmatchedLines);

    return w.take();
}

QByteArray prometheusIntakeText(const QHash<QPair<QString, QString>, qint64> &deliveries,
                                qint64 backlog)
{
    Writer w;
    w.family("channeldesk_deliveries_total", "counter",
             "Deliveries kept in the inbox (status pending) and drained, by channel and outcome, "
             "since start; per delivery: one replayed from the inbox counts again with the "
             "outcome of its replay.");
    QList<QPair<QString, QString>> keys = deliveries.keys();
    std::sort(keys.begin(), keys.end());
    for (const auto &key : keys)
        w.sample("channeldesk_deliveries_total"_ba,
                 {{"channel"_ba, key.first}, {"status"_ba, key.second}}, deliveries.value(key));
    w.family("channeldesk_inbox_backlog", "gauge",
             "Deliveries kept in the inbox and not yet applied by the order path.");
    w.sample("channeldesk_inbox_backlog"_ba, {}, backlog);
    return w.take();
}

} // namespace ChannelDesk
