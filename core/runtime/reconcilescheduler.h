#pragma once

#include "metrics/channellagstats.h"
#include "sync/reconciler.h"

#include <QObject>
#include <QString>

#include <map>

namespace ChannelDesk {

class Clock;
class Database;
class LagMonitor;

// Runs reconciliation by itself (issue 10): each channel every `reconcile_interval_s` (0: never
// on a schedule) and right after it recovers from an outage (its health from unreachable or
// stalled back to ok or idle), one run per channel at a time. Ticked by its owner (the runtime's
// housekeeping), it reads time from the Clock only, so a test drives it with a fake clock. After
// each run it sets the channel's drift gauges (/metrics channeldesk_drift_listings, the drift
// alert) on the LagMonitor.
class ReconcileScheduler : public QObject
{
    Q_OBJECT
public:
    ReconcileScheduler(Database &db, const Clock &clock, LagMonitor *monitor,
                       QObject *parent = nullptr);

    // The first run comes one interval after this call (the merchant's own map-pull or the last
    // run before a restart already compared; a recovery runs at once).
    // `rule` is the channel's config buffer: what its listings should show is compared under it.
    void addChannel(const QString &channel, const ListingReads &reads, int intervalSeconds,
                    const BufferOverride &rule = {});
    // Runs what is due now and notices recoveries.
    void tick();
    // A run of the channel now (the console's "Reconcile now", a recovery); false when it is
    // unknown or a run of it is already under way.
    bool runNow(const QString &channel);
    bool isRunning(const QString &channel) const;
    // The channel's next scheduled run, or -1 when it has no schedule.
    qint64 nextRunAtMs(const QString &channel) const;

Q_SIGNALS:
    void reconciled(const ChannelDesk::ReconcileReport &report);

private:
    struct Entry
    {
        ListingReads reads;
        BufferOverride rule;
        qint64 intervalMs = 0;
        qint64 nextAtMs = -1;
        bool running = false;
        ChannelStatus lastStatus = ChannelStatus::Idle;
    };
    void finished(const ReconcileReport &report);

    Database &m_db;
    const Clock &m_clock;
    LagMonitor *m_monitor;
    std::map<QString, Entry> m_channels;
};

} // namespace ChannelDesk
