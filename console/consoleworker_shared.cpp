// A console on a PostgreSQL inventory shared with other processes (serve workers, other
// consoles, channeldesk-cli): their changes reach this console live through LISTEN/NOTIFY, not
// by polling. Every commit that writes the mutation log notifies Database::kMutationsChannel;
// on each notification the console reads the log past what it has seen and folds it in as its
// own engine's changes (StockProjection skips versions it already shows). The other changes a
// console shows notify Database::kChangesChannel with their kind: the workers'
// acknowledgements, retries and dead letters ("listings": the listings are read again), their
// lag samples and call outcomes ("metrics": CoreRuntime::followSharedMetrics), the shared inbox
// ("deliveries") and a lease changing hands ("leases"). Those are read at a flush, at most every
// kSharedReadMs however often the workers notify, and all of them every
// Options::sharedFallbackMs (5 s) anyway (a notification lost while the connection was re-made;
// a lease that expired without anyone taking it writes nothing).
#include "console/consoleworker.h"
#include "runtime/coreruntime.h"
#include "store/database.h"
#include "store/leasestore.h"
#include "store/mutationlog.h"
#include "store/propagationstore.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>

#include <utility>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
constexpr int kFeedBatch = 5'000;
constexpr qint64 kSharedReadMs = 250;
} // namespace

void ConsoleWorker::listenForOthers()
{
    Database *db = m_runtime->database();
    if (db->dialect() != Database::Dialect::Postgres)
        return; // a SQLite file has one writer process: the console's own core
    QSqlDriver *driver = db->connection().driver();
    const QString mutations = QLatin1StringView(Database::kMutationsChannel);
    const QString changes = QLatin1StringView(Database::kChangesChannel);
    for (const QString &channel : {mutations, changes}) {
        if (!driver->subscribeToNotification(channel)) {
            Q_EMIT logMessage(tr("Cannot listen for other processes' changes: %1")
                                  .arg(driver->lastError().text()));
            return;
        }
    }
    connect(driver, &QSqlDriver::notification, this,
            [this, mutations, changes](const QString &name, QSqlDriver::NotificationSource,
                                       const QVariant &payload) {
                if (name == mutations)
                    readOthersChanges();
                else if (name == changes)
                    onSharedChange(payload.toString());
            });
}

void ConsoleWorker::readOthersChanges()
{
    if (!m_runtime)
        return;
    MutationLog log(*m_runtime->database());
    while (true) {
        const auto rows = log.feed(m_seenMutationId, kFeedBatch);
        if (!rows) {
            Q_EMIT logMessage(tr("Cannot read other processes' changes: %1").arg(rows.error()));
            return;
        }
        if (rows->isEmpty())
            return;
        m_seenMutationId = rows->constLast().id;
        onMutations(*rows);
        if (rows->size() < kFeedBatch)
            return;
    }
}

void ConsoleWorker::onSharedChange(const QString &kind)
{
    switch (Database::changeFromName(kind).value_or(Database::Change::Listings)) {
    case Database::Change::Listings:
        m_shared.listings = true;
        m_deadLettersDirty = true;
        break;
    case Database::Change::Metrics:
        m_shared.metrics = true;
        break;
    case Database::Change::Deliveries:
        m_deliveriesDirty = true;
        break;
    case Database::Change::Leases:
        m_shared.leases = true;
        break;
    }
}

void ConsoleWorker::readSharedChanges()
{
    if (!m_runtime || m_runtime->database()->dialect() != Database::Dialect::Postgres)
        return;
    const qint64 now = m_clock.nowMs();
    if (m_shared.lastFallbackMs == 0 ||
        now - m_shared.lastFallbackMs >= m_options.sharedFallbackMs) {
        m_shared.lastFallbackMs = now;
        m_shared.listings = m_shared.metrics = m_shared.leases = true;
        m_deadLettersDirty = m_deliveriesDirty = true;
    }
    if (now - m_shared.lastReadMs < kSharedReadMs)
        return;
    m_shared.lastReadMs = now;
    if (std::exchange(m_shared.listings, false))
        reloadListings(QString());
    if (std::exchange(m_shared.metrics, false))
        m_runtime->followSharedMetrics();
}

QHash<QString, QString> ConsoleWorker::leaseHolders()
{
    if (!m_runtime || m_runtime->database()->dialect() != Database::Dialect::Postgres ||
        !std::exchange(m_shared.leases, false))
        return m_shared.holders;
    // Who holds each channel as of now; a holder renewing its lease notifies nothing, so the
    // answer stands until a lease changes hands (or the fallback reads again).
    const auto leases = LeaseStore(*m_runtime->database()).leases();
    if (!leases) {
        Q_EMIT logMessage(tr("Cannot read the channels' leases: %1").arg(leases.error()));
        return m_shared.holders;
    }
    const qint64 wallNow = QDateTime::currentMSecsSinceEpoch(); // leases use the wall clock
    m_shared.holders.clear();
    for (const LeaseStore::Lease &l : *leases) {
        if (l.expiresAtMs > wallNow)
            m_shared.holders.insert(l.channel, l.holder);
    }
    return m_shared.holders;
}

} // namespace ChannelDesk
