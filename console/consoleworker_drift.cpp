// ConsoleWorker's side of the Drift view (issue 10): the drift as stored, a fix by normal
// propagation (audited as reconcile), and a reconciliation on demand; runs on the worker thread.
#include "console/consoleworker.h"
#include "runtime/coreruntime.h"
#include "runtime/reconcilescheduler.h"
#include "store/driftstore.h"
#include "sync/propagator.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

void ConsoleWorker::refreshDrift()
{
    if (!m_runtime)
        return;
    const auto rows = DriftStore(*m_runtime->database()).drift();
    if (!rows) {
        Q_EMIT logMessage(tr("Cannot read the drift: %1").arg(rows.error()));
        return;
    }
    Q_EMIT driftChanged(*rows);
}

void ConsoleWorker::fixDrift(const QList<DeadLetterKey> &listings)
{
    if (!m_runtime)
        return;
    DriftStore store(*m_runtime->database());
    const auto rows = store.drift();
    if (!rows) {
        Q_EMIT driftActionFinished(0, rows.error());
        return;
    }
    QList<DriftRow> chosen;
    QSet<QString> channels;
    for (const DriftRow &d : *rows) {
        if (listings.contains(DeadLetterKey {d.channel, d.sku})) {
            chosen.append(d);
            channels.insert(d.channel);
        }
    }
    const auto armed = store.resend(chosen, m_options.actor, m_clock.nowMs());
    if (!armed) {
        Q_EMIT driftActionFinished(0, armed.error());
        return;
    }
    // Tell the propagators now rather than at their next poll.
    const QList<Propagator *> propagators = m_runtime->propagators();
    for (Propagator *p : propagators) {
        if (channels.contains(p->channelId()))
            p->wake();
    }
    refreshDrift();
    Q_EMIT driftActionFinished(*armed, {});
}

void ConsoleWorker::reconcileNow(const QString &channel)
{
    ReconcileScheduler *scheduler = m_runtime ? m_runtime->reconcileScheduler() : nullptr;
    if (!scheduler)
        return;
    const QStringList channels = channel.isEmpty() ? m_channelIds : QStringList {channel};
    for (const QString &id : channels)
        scheduler->runNow(id);
}

void ConsoleWorker::connectDrift()
{
    ReconcileScheduler *scheduler = m_runtime->reconcileScheduler();
    if (!scheduler)
        return;
    connect(scheduler, &ReconcileScheduler::reconciled, this,
            [this](const ReconcileReport &report) {
                if (!report.ok())
                    Q_EMIT logMessage(
                        tr("Reconciliation of %1 failed: %2").arg(report.channel, report.error));
                refreshDrift();
            });
    refreshDrift();
}

} // namespace ChannelDesk
