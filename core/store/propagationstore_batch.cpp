// PropagationStore::writeBatches: what every channel's propagator changed in memory since the
// last tick (ListingMemory), written in one transaction (issue 13). The rows are written whole,
// as memory holds them, so the order of the changes in between (a fold, an acknowledgement, a
// retry) does not matter; each channel's part is fenced by its own lease.
#include "attemptlog.h"
#include "database.h"
#include "deadletterqueue.h"
#include "propagationstore.h"
#include "statement.h"
#include "writetransaction.h"

#include <QDateTime>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

Status PropagationStore::writeBatches(const QList<Batch> &batches, QStringList *refused)
{
    bool any = false;
    for (const Batch &b : batches)
        any = any || !b.isEmpty();
    if (!any)
        return {};
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // NULL is written as 0 (no acknowledged quantity: a flag); CAST keeps PostgreSQL's
    // parameter types. The remote id is not the propagator's to write (mappings are): leaving
    // it out keeps a remap made meanwhile, and spares its index an update per acknowledgement.
    Statement *row = m_db.statement(
        u"UPDATE listings SET acked_version = ?, "
        "acked_quantity = CASE WHEN CAST(? AS BIGINT) <> 0 THEN CAST(? AS BIGINT) END, "
        "acked_paused = ?, acked_at = NULLIF(CAST(? AS BIGINT), 0), pending_version = ?, "
        "pending_since = NULLIF(CAST(? AS BIGINT), 0), attempts = ?, "
        "next_attempt_at = NULLIF(CAST(? AS BIGINT), 0), state = ?, last_error = ? "
        "WHERE channel = ? AND sku = ?"_s);
    Statement *letter = m_db.statement(u"DELETE FROM dead_letters WHERE channel = ? AND sku = ?"_s);
    Statement *cursor = m_db.statement(
        u"UPDATE channel_cursors SET last_mutation_id = ?, updated_at = ? WHERE channel = ?"_s);
    if (!row || !letter || !cursor)
        return Error {m_db.lastError()};
    AttemptLog attempts(m_db);
    DeadLetterQueue letters(m_db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Batch &b : batches) {
        if (b.isEmpty())
            continue;
        if (const Status fence = checkFence(b.channel, b.fenceWorker, b.fenceToken); !fence) {
            if (!fence.error().startsWith("lease lost"_L1))
                return fence;
            if (refused)
                refused->append(b.channel);
            continue;
        }
        for (const ListingState &l : b.rows) {
            row->bind(0, l.ackedVersion);
            row->bind(1, qint64(l.ackedQuantity ? 1 : 0));
            row->bind(2, l.ackedQuantity.value_or(0));
            row->bind(3, qint64(l.ackedPaused ? 1 : 0));
            row->bind(4, l.ackedAtMs);
            row->bind(5, l.pendingVersion);
            row->bind(6, l.pendingSinceMs);
            row->bind(7, qint64(l.attempts));
            row->bind(8, l.nextAttemptAtMs);
            row->bind(9, stateName(l.state));
            row->bind(10, nonNull(l.lastError));
            row->bind(11, b.channel);
            row->bind(12, l.sku);
            if (!row->exec())
                return Error {row->lastError()};
        }
        for (const QString &sku : b.delivered) {
            letter->bind(0, b.channel);
            letter->bind(1, sku);
            if (!letter->exec())
                return Error {letter->lastError()};
            if (const Status forgot = attempts.forget(b.channel, sku); !forgot)
                return forgot;
        }
        for (const Batch::Rearm &r : b.rearmed) {
            const Status noted = letters.noteEvent(
                b.channel, r.sku, {DeadLetterQueue::Event::Rearmed, r.version, r.atMs, {}});
            if (!noted)
                return noted;
        }
        if (b.cursor) {
            cursor->bind(0, *b.cursor);
            cursor->bind(1, now);
            cursor->bind(2, b.channel);
            if (!cursor->exec())
                return Error {cursor->lastError()};
        }
    }
    // Consoles watching a shared inventory (monitor mode) read the listings again.
    m_db.noteChange(Database::Change::Listings);
    return tx.commit();
}

} // namespace ChannelDesk
