// Several `serve` workers on one PostgreSQL inventory (issue 12): each channel's propagator runs
// in one worker at a time, under its lease (LeaseStore). A worker writes its heartbeat and takes
// or renews every channel's lease each second; a lease lasts kLeaseTtlMs, so when its holder dies
// another worker takes the channel within kLeaseTtlMs + one tick (< 5 s), with the next token,
// and the old holder's late acknowledgements are refused by the fence.
#include "coreruntime_p.h"
#include "runtime/coreruntime.h"
#include "store/leasestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSysInfo>
#include <QUuid>

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcRuntime)

namespace {
using namespace Qt::StringLiterals;
constexpr qint64 kLeaseTtlMs = 3'000;
constexpr int kLeaseTickMs = 1'000;

// Leases compare times written by different machines: the wall clock, never a test's clock.
qint64 wallClockMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

void CoreRuntime::startLeases()
{
    if (m_workerId.isEmpty()) {
        m_workerId = u"%1:%2:%3"_s.arg(QSysInfo::machineHostName(),
                                       QString::number(QCoreApplication::applicationPid()),
                                       QUuid::createUuid().toString(QUuid::Id128).left(8));
        m_workerStartedAtMs = wallClockMs();
        m_leaseTick.setInterval(kLeaseTickMs);
        connect(&m_leaseTick, &QTimer::timeout, this, &CoreRuntime::renewLeases);
    }
    renewLeases();
    m_leaseTick.start();
}

void CoreRuntime::renewLeases()
{
    if (!m_running)
        return;
    const qint64 now = wallClockMs();
    LeaseStore leases(*m_db);
    const LeaseStore::Worker me {m_workerId,
                                 QSysInfo::machineHostName(),
                                 QCoreApplication::applicationPid(),
                                 m_workerStartedAtMs,
                                 now,
                                 {}};
    if (const Status beat = leases.heartbeat(me, now); !beat)
        qCWarning(lcRuntime) << "cannot record this worker's heartbeat:" << beat.error();
    for (auto &c : m_channels) {
        // Before the call: the propagator's margin counts from when the renewal may have been
        // made, by its own monotonic clock.
        const qint64 askedAtNs = m_clock.monotonicNs();
        const auto token = leases.acquire(c->config.id, m_workerId, now, kLeaseTtlMs);
        if (!token) {
            // Kept running: once the lease expires the fence refuses what it would write.
            qCWarning(lcRuntime) << c->config.id << "cannot renew the lease:" << token.error();
            continue;
        }
        if (token->has_value())
            c->propagator->leaseRenewed(askedAtNs);
        if (token->has_value() && **token != c->leaseToken) {
            c->leaseToken = **token;
            c->propagator->setFence(m_workerId, c->leaseToken);
            c->propagator->start();
            qCInfo(lcRuntime).noquote()
                << c->config.id << "lease taken by" << m_workerId << "token" << c->leaseToken;
        } else if (!token->has_value() && c->leaseToken != 0) {
            c->leaseToken = 0;
            c->propagator->stop();
            qCInfo(lcRuntime).noquote() << c->config.id << "lease lost by" << m_workerId;
        }
    }
}

void CoreRuntime::releaseLeases()
{
    m_leaseTick.stop();
    if (m_workerId.isEmpty())
        return;
    LeaseStore leases(*m_db);
    for (auto &c : m_channels) {
        if (c->leaseToken == 0)
            continue;
        if (const Status done = leases.release(c->config.id, m_workerId, c->leaseToken); !done)
            qCWarning(lcRuntime) << c->config.id << "cannot release the lease:" << done.error();
        c->leaseToken = 0;
    }
}

} // namespace ChannelDesk
