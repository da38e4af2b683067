// A console on a PostgreSQL inventory shared with other processes (serve workers, other
// consoles, channeldesk-cli): their changes reach this console live through LISTEN/NOTIFY, not
// by polling. Every commit that writes the mutation log notifies Database::kMutationsChannel;
// on each notification the console reads the log past what it has seen and folds it in as its
// own engine's changes (StockProjection skips versions it already shows).
#include "console/consoleworker.h"
#include "runtime/coreruntime.h"
#include "store/database.h"
#include "store/mutationlog.h"

#include <QSqlDriver>
#include <QSqlError>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
constexpr int kFeedBatch = 5'000;
}

void ConsoleWorker::listenForOthers()
{
    Database *db = m_runtime->database();
    if (db->dialect() != Database::Dialect::Postgres)
        return; // a SQLite file has one writer process: the console's own core
    QSqlDriver *driver = db->connection().driver();
    const QString channel = QLatin1StringView(Database::kMutationsChannel);
    if (!driver->subscribeToNotification(channel)) {
        Q_EMIT logMessage(
            tr("Cannot listen for other processes' changes: %1").arg(driver->lastError().text()));
        return;
    }
    connect(driver, &QSqlDriver::notification, this, [this, channel](const QString &name) {
        if (name == channel)
            readOthersChanges();
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

} // namespace ChannelDesk
