#include "reconcilescheduler.h"

#include "metrics/lagmonitor.h"
#include "util/clock.h"

#include <QLoggingCategory>
#include <QPointer>

namespace ChannelDesk {

namespace {
Q_LOGGING_CATEGORY(lcReconcile, "channeldesk.reconcile")

bool down(ChannelStatus s)
{
    return s == ChannelStatus::Unreachable || s == ChannelStatus::Stalled;
}
} // namespace

ReconcileScheduler::ReconcileScheduler(Database &db, const Clock &clock, LagMonitor *monitor,
                                       QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_monitor(monitor)
{
}

void ReconcileScheduler::addChannel(const QString &channel, const ListingReads &reads,
                                    int intervalSeconds, const BufferOverride &rule)
{
    Entry e;
    e.reads = reads;
    e.rule = rule;
    e.intervalMs = qint64(std::max(0, intervalSeconds)) * 1000;
    e.nextAtMs = e.intervalMs > 0 ? m_clock.nowMs() + e.intervalMs : -1;
    m_channels[channel] = std::move(e);
    if (m_monitor) {
        // The gauges start from what the last run (maybe before a restart) found.
        const auto rows = DriftStore(m_db).drift(channel);
        if (rows) {
            qint64 outlived = 0;
            for (const DriftRow &d : *rows)
                outlived += d.runs > 1 ? 1 : 0;
            m_monitor->setDrift(channel, rows->size(), outlived);
        }
    }
}

void ReconcileScheduler::tick()
{
    const qint64 now = m_clock.nowMs();
    for (auto &[channel, e] : m_channels) {
        bool due = e.nextAtMs >= 0 && now >= e.nextAtMs;
        if (m_monitor) {
            const ChannelStatus status = m_monitor->snapshot(channel).status;
            if (down(e.lastStatus) && !down(status)) {
                qCInfo(lcReconcile) << channel << "recovered: reconciling";
                due = true;
            }
            e.lastStatus = status;
        }
        if (due)
            runNow(channel);
    }
}

bool ReconcileScheduler::runNow(const QString &channel)
{
    const auto it = m_channels.find(channel);
    if (it == m_channels.end() || it->second.running || !it->second.reads.isValid())
        return false;
    Entry &e = it->second;
    e.running = true;
    if (e.intervalMs > 0)
        e.nextAtMs = m_clock.nowMs() + e.intervalMs;
    QPointer<ReconcileScheduler> self(this);
    reconcileChannel(
        m_db, channel, e.reads, m_clock,
        [self](const ReconcileReport &report) {
            if (self)
                self->finished(report);
        },
        e.rule);
    return true;
}

bool ReconcileScheduler::isRunning(const QString &channel) const
{
    const auto it = m_channels.find(channel);
    return it != m_channels.end() && it->second.running;
}

qint64 ReconcileScheduler::nextRunAtMs(const QString &channel) const
{
    const auto it = m_channels.find(channel);
    return it == m_channels.end() ? -1 : it->second.nextAtMs;
}

void ReconcileScheduler::finished(const ReconcileReport &report)
{
    const auto it = m_channels.find(report.channel);
    if (it != m_channels.end())
        it->second.running = false;
    if (!report.ok()) {
        qCWarning(lcReconcile) << report.channel << "reconciliation failed:" << report.error;
    } else if (m_monitor) {
        const auto rows = DriftStore(m_db).drift(report.channel);
        if (rows) {
            qint64 outlived = 0;
            for (const DriftRow &d : *rows)
                outlived += d.runs > 1 ? 1 : 0;
            m_monitor->setDrift(report.channel, rows->size(), outlived);
        }
    }
    Q_EMIT reconciled(report);
}

} // namespace ChannelDesk
