#include "propagationstore.h"

#include "attemptlog.h"
#include "database.h"
#include "deadletterqueue.h"
#include "domain/mutation.h"
#include "leasestore.h"
#include "mutationlog.h"
#include "statement.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

ListingState::State stateFromName(const QString &name)
{
    if (name == "pending"_L1)
        return ListingState::State::Pending;
    if (name == "retrying"_L1)
        return ListingState::State::Retrying;
    if (name == "dead"_L1)
        return ListingState::State::Dead;
    return ListingState::State::InSync;
}

DueListing dueFrom(const QSqlQuery &q)
{
    DueListing d;
    d.sku = q.value(0).toString();
    d.remoteId = q.value(1).toString();
    d.available = q.value(2).toLongLong();
    d.version = q.value(3).toLongLong();
    d.paused = q.value(4).toInt() != 0;
    d.quantityToSend = d.paused ? 0 : std::max<qint64>(0, d.available);
    if (!q.value(5).isNull())
        d.ackedQuantity = q.value(5).toLongLong();
    d.ackedVersion = q.value(6).toLongLong();
    d.attempts = q.value(7).toInt();
    d.pendingSinceMs = q.value(8).toLongLong();
    d.ackedPaused = q.value(9).toInt() != 0;
    return d;
}

ListingState listingFrom(const QSqlQuery &q)
{
    ListingState s;
    s.channel = q.value(0).toString();
    s.sku = q.value(1).toString();
    s.remoteId = q.value(2).toString();
    s.ackedVersion = q.value(3).toLongLong();
    if (!q.value(4).isNull())
        s.ackedQuantity = q.value(4).toLongLong();
    s.ackedPaused = q.value(5).toInt() != 0;
    s.ackedAtMs = q.value(6).toLongLong();
    s.pendingVersion = q.value(7).toLongLong();
    s.pendingSinceMs = q.value(8).toLongLong();
    s.attempts = q.value(9).toInt();
    s.nextAttemptAtMs = q.value(10).toLongLong();
    s.state = stateFromName(q.value(11).toString());
    s.lastError = q.value(12).toString();
    return s;
}

// A stock change of the log, as ingest folds it into one listing.
struct FeedRow
{
    qint64 version, delta, at;
    MutationKind kind;
    QString channel;
};
} // namespace

QString stateName(ListingState::State state)
{
    switch (state) {
    case ListingState::State::InSync:
        return u"in_sync"_s;
    case ListingState::State::Pending:
        return u"pending"_s;
    case ListingState::State::Retrying:
        return u"retrying"_s;
    case ListingState::State::Dead:
        return u"dead"_s;
    }
    return {};
}

Result<std::optional<qint64>> PropagationStore::cursor(const QString &channel) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT last_mutation_id FROM channel_cursors WHERE channel = ?"_s);
    q.addBindValue(channel);
    if (!q.exec())
        return queryError(q, "cannot read a channel's cursor:");
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<int> PropagationStore::ingest(const QString &channel, int limit)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const auto from = cursor(channel);
    if (!from)
        return Error {from.error()};
    if (!*from) {
        // A channel seen for the first time starts at the end of the log: its mappings already
        // start pending at the current version.
        const auto end = MutationLog(m_db).lastId();
        if (!end)
            return Error {end.error()};
        QSqlQuery init(m_db.connection());
        init.prepare(u"INSERT INTO channel_cursors (channel, last_mutation_id, updated_at) "
                     "VALUES (?, ?, 0)"_s);
        init.addBindValue(channel);
        init.addBindValue(*end);
        if (!init.exec())
            return queryError(init, "cannot start a channel's cursor:");
        if (const Status done = tx.commit(); !done)
            return Error {done.error()};
        return 0;
    }

    QHash<QString, QList<FeedRow>> bySku;
    QStringList order;
    qint64 last = **from;
    int read = 0;
    const auto feed = MutationLog(m_db).feed(last, limit);
    if (!feed)
        return Error {feed.error()};
    for (const Mutation &m : *feed) {
        ++read;
        last = m.id;
        if (!changesStock(m.kind))
            continue;
        if (!bySku.contains(m.sku))
            order.append(m.sku);
        bySku[m.sku].append({m.version, m.delta, m.atMs, m.kind, m.channel});
    }

    QSqlQuery get(m_db.connection());
    get.setForwardOnly(true);
    get.prepare(u"SELECT acked_version, acked_quantity, pending_version, pending_since, state "
                "FROM listings WHERE channel = ? AND sku = ?"_s);
    QSqlQuery put(m_db.connection());
    put.prepare(u"UPDATE listings SET acked_version = ?, acked_quantity = ?, pending_version = ?, "
                "pending_since = ?, state = ? WHERE channel = ? AND sku = ?"_s);
    // A newer version goes out: a dead listing starts over with its normal backoff.
    QSqlQuery rearm(m_db.connection());
    rearm.prepare(u"UPDATE listings SET attempts = 0, next_attempt_at = NULL, last_error = ? "
                  "WHERE channel = ? AND sku = ?"_s);
    DeadLetterQueue letters(m_db);
    for (const QString &sku : std::as_const(order)) {
        get.addBindValue(channel);
        get.addBindValue(sku);
        if (!get.exec())
            return queryError(get, "cannot fold the change feed:");
        if (!get.next())
            continue; // not listed on this channel
        const qint64 ackedVersion = get.value(0).toLongLong();
        QVariant ackedQuantity = get.value(1);
        qint64 pendingVersion = get.value(2).toLongLong();
        QVariant pendingSince = get.value(3);
        QString state = get.value(4).toString();
        get.finish();
        qint64 newest = 0;
        qint64 newestAt = 0;
        for (const FeedRow &m : bySku.value(sku)) {
            if (m.version <= ackedVersion)
                continue;
            newest = m.version;
            newestAt = m.at;
            // The channel took this order itself and already shows that much less: what we
            // compare against (Shopify's changeFromQuantity) must say so. It is still sent the
            // truth: a channel without compare-and-swap may have had its own sale overwritten
            // by a push computed before we heard of that sale.
            if (m.kind == MutationKind::Order && m.channel == channel && !ackedQuantity.isNull())
                ackedQuantity = ackedQuantity.toLongLong() + m.delta;
            pendingVersion = std::max(pendingVersion, m.version);
            if (pendingSince.isNull())
                pendingSince = m.at;
        }
        if (pendingVersion > ackedVersion && state == "in_sync"_L1)
            state = u"pending"_s;
        const bool rearmed = newest > 0 && state == "dead"_L1;
        if (rearmed)
            state = u"pending"_s;
        put.addBindValue(ackedVersion);
        put.addBindValue(ackedQuantity);
        put.addBindValue(pendingVersion);
        put.addBindValue(pendingVersion > ackedVersion ? pendingSince : QVariant());
        put.addBindValue(state);
        put.addBindValue(channel);
        put.addBindValue(sku);
        if (!put.exec())
            return queryError(put, "cannot fold the change feed:");
        if (rearmed) {
            rearm.addBindValue(u"re-armed by version %1"_s.arg(newest));
            rearm.addBindValue(channel);
            rearm.addBindValue(sku);
            if (!rearm.exec())
                return queryError(rearm, "cannot re-arm a dead listing:");
            const Status noted = letters.noteEvent(
                channel, sku, {DeadLetterQueue::Event::Rearmed, newest, newestAt, {}});
            if (!noted)
                return Error {noted.error()};
        }
    }
    QSqlQuery advance(m_db.connection());
    advance.prepare(u"UPDATE channel_cursors SET last_mutation_id = ?, updated_at = ? "
                    "WHERE channel = ?"_s);
    advance.addBindValue(last);
    advance.addBindValue(QDateTime::currentMSecsSinceEpoch());
    advance.addBindValue(channel);
    if (!advance.exec())
        return queryError(advance, "cannot advance a channel's cursor:");
    if (const Status done = tx.commit(); !done)
        return Error {done.error()};
    return read;
}

Result<QList<DueListing>> PropagationStore::due(const QString &channel, qint64 nowMs, int limit,
                                                const QSet<QString> &busy) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // DuePriority's order in SQL, on what the SKU itself would show (shown: 0 when paused or
    // owed; acked: what the channel shows, never below 0): the tier (pause, decrease,
    // increase), then shown / |shown - acked| (no change last), then the oldest change.
    q.prepare(u"SELECT sku, remote_id, available, version, paused, acked_quantity, "
              "acked_version, attempts, pending_since, acked_paused FROM ("
              "SELECT l.sku, l.remote_id, s.available, s.version, s.paused, l.acked_quantity, "
              "l.acked_version, l.attempts, l.pending_since, l.acked_paused, "
              "CASE WHEN s.paused <> 0 OR s.available < 0 THEN 0 ELSE s.available END AS shown, "
              "CASE WHEN l.acked_quantity < 0 THEN 0 ELSE l.acked_quantity END AS acked "
              "FROM listings l JOIN stock s ON s.sku = l.sku "
              "WHERE l.channel = ? AND l.state IN ('pending', 'retrying') "
              "AND COALESCE(l.next_attempt_at, 0) <= ? AND s.version > l.acked_version) d "
              "ORDER BY CASE WHEN shown = 0 AND COALESCE(acked, 1) > 0 THEN 0 "
              "WHEN acked IS NULL OR shown < acked THEN 1 ELSE 2 END, "
              "CASE WHEN acked IS NULL THEN 1 ELSE ABS(shown - acked) END = 0, "
              "CAST(shown AS REAL) / CASE WHEN acked IS NULL OR shown = acked THEN 1 "
              "ELSE ABS(shown - acked) END, "
              "pending_since LIMIT ?"_s);
    q.addBindValue(channel);
    q.addBindValue(nowMs);
    q.addBindValue(limit + int(busy.size()));
    if (!q.exec())
        return queryError(q, "cannot read the due listings:");
    QList<DueListing> out;
    while (q.next() && out.size() < limit) {
        if (busy.contains(q.value(0).toString()))
            continue;
        out.append(dueFrom(q));
    }
    return out;
}

Result<std::optional<qint64>> PropagationStore::nextAttemptAt(const QString &channel) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT MIN(next_attempt_at) FROM listings WHERE channel = ? "
              "AND state = 'retrying'"_s);
    q.addBindValue(channel);
    if (!q.exec())
        return queryError(q, "cannot read the next retry:");
    if (!q.next() || q.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Status PropagationStore::acknowledge(const QString &channel, const QList<Ack> &acks, qint64 atMs)
{
    if (acks.isEmpty())
        return {};
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (const Status fence = checkFence(channel); !fence)
        return fence;
    // Prepared once per connection (Database::statement), like the order path's: every
    // acknowledged call of every channel runs these three per listing.
    // Still behind: the oldest change not covered by this acknowledgement starts the clock.
    Statement *q = m_db.statement(
        u"UPDATE listings SET acked_version = ?, acked_quantity = ?, acked_paused = ?, "
        "acked_at = ?, attempts = 0, next_attempt_at = NULL, last_error = '', "
        "state = CASE WHEN pending_version > ? THEN 'pending' ELSE 'in_sync' END, "
        // The one read of the log outside MutationLog: when the oldest change this
        // acknowledgement does not cover was made, in the same statement.
        "pending_since = CASE WHEN pending_version > ? THEN "
        "(SELECT MIN(at) FROM mutations WHERE sku = ? AND version > ?) ELSE NULL END "
        "WHERE channel = ? AND sku = ? AND acked_version < ?"_s);
    // The listing is delivered: its dead letter, if any, is closed, and its failed attempts are
    // history.
    Statement *d = m_db.statement(u"DELETE FROM dead_letters WHERE channel = ? AND sku = ?"_s);
    if (!q || !d)
        return Error {m_db.lastError()};
    AttemptLog attempts(m_db);
    for (const Ack &a : acks) {
        q->bind(0, a.version);
        q->bind(1, a.quantity);
        q->bind(2, qint64(a.paused ? 1 : 0));
        q->bind(3, atMs);
        q->bind(4, a.version);
        q->bind(5, a.version);
        q->bind(6, a.sku);
        q->bind(7, a.version);
        q->bind(8, channel);
        q->bind(9, a.sku);
        q->bind(10, a.version);
        if (!q->exec())
            return Error {q->lastError()};
        d->bind(0, channel);
        d->bind(1, a.sku);
        if (!d->exec())
            return Error {d->lastError()};
        if (const Status forgot = attempts.forget(channel, a.sku); !forgot)
            return forgot;
    }
    m_db.noteChange(Database::Change::Listings);
    return tx.commit();
}

Status PropagationStore::setAckedQuantity(const QString &channel, const QString &sku,
                                          qint64 quantity)
{
    return fenced(channel, [&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(u"UPDATE listings SET acked_quantity = ? WHERE channel = ? AND sku = ?"_s);
        q.addBindValue(quantity);
        q.addBindValue(channel);
        q.addBindValue(sku);
        if (!q.exec())
            return queryError(q, "cannot record what a channel holds:");
        return {};
    });
}

Status PropagationStore::scheduleRetry(const QString &channel, const QString &sku, int attempts,
                                       qint64 nextAttemptAtMs, const QString &error)
{
    return fenced(channel, [&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(u"UPDATE listings SET attempts = ?, next_attempt_at = ?, last_error = ?, "
                  "state = 'retrying' WHERE channel = ? AND sku = ? AND state <> 'dead'"_s);
        q.addBindValue(attempts);
        q.addBindValue(nextAttemptAtMs);
        q.addBindValue(nonNull(error));
        q.addBindValue(channel);
        q.addBindValue(sku);
        if (!q.exec())
            return queryError(q, "cannot schedule a retry:");
        return {};
    });
}

Status PropagationStore::checkFence(const QString &channel) const
{
    return checkFence(channel, m_fenceWorker, m_fenceToken);
}

Status PropagationStore::checkFence(const QString &channel, const QString &worker,
                                    qint64 token) const
{
    if (worker.isEmpty())
        return {};
    const auto held =
        LeaseStore(m_db).holds(channel, worker, token, QDateTime::currentMSecsSinceEpoch());
    if (!held)
        return Error {held.error()};
    if (!*held)
        return Error {u"lease lost: %1 no longer holds the lease of %2 (token %3)"_s.arg(
            worker, channel, QString::number(token))};
    return {};
}

Status PropagationStore::fenced(const QString &channel, const std::function<Status()> &write)
{
    if (m_fenceWorker.isEmpty()) {
        const Status done = write();
        if (done)
            m_db.noteChange(Database::Change::Listings);
        return done;
    }
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (const Status fence = checkFence(channel); !fence)
        return fence;
    if (const Status done = write(); !done)
        return done;
    m_db.noteChange(Database::Change::Listings);
    return tx.commit();
}

namespace {
const QString kListingColumns =
    u"SELECT channel, sku, remote_id, acked_version, acked_quantity, acked_paused, acked_at, "
    "pending_version, pending_since, attempts, next_attempt_at, state, last_error FROM listings"_s;
} // namespace

Result<QList<ListingState>> PropagationStore::listings(const QString &channel,
                                                       const QString &sku) const
{
    QString sql = kListingColumns + u" WHERE 1 = 1"_s;
    QVariantList binds;
    if (!channel.isEmpty()) {
        sql += u" AND channel = ?"_s;
        binds.append(channel);
    }
    if (!sku.isEmpty()) {
        sql += u" AND sku = ?"_s;
        binds.append(sku);
    }
    sql += u" ORDER BY channel, sku"_s;
    return selectRows(m_db, sql, binds, listingFrom, "cannot read listings:");
}

Status PropagationStore::forEachListing(const QString &channel,
                                        const std::function<void(const ListingState &)> &take) const
{
    return forEachRow(m_db, kListingColumns + u" WHERE channel = ? ORDER BY sku"_s, {channel},
                      listingFrom, take, "cannot read listings:");
}

Result<QList<ListingState>> PropagationStore::unsettled(const QString &channel) const
{
    return selectRows(m_db,
                      kListingColumns +
                          u" WHERE channel = ? AND state IN ('pending', 'retrying', 'dead') "
                          "ORDER BY sku"_s,
                      {channel}, listingFrom, "cannot read listings:");
}

Result<QList<ListingState>> PropagationStore::listingsBetween(const QString &channel,
                                                              const QString &firstSku,
                                                              const QString &lastSku) const
{
    // The primary key (channel, sku) answers it.
    return selectRows(m_db,
                      kListingColumns +
                          u" WHERE channel = ? AND sku >= ? AND sku <= ? "
                          "ORDER BY sku"_s,
                      {channel, firstSku, lastSku}, listingFrom, "cannot read listings:");
}

Result<int> PropagationStore::count(const QString &channel, ListingState::State state) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COUNT(*) FROM listings WHERE channel = ? AND state = ?"_s);
    q.addBindValue(channel);
    q.addBindValue(stateName(state));
    if (!q.exec() || !q.next())
        return queryError(q, "cannot count listings:");
    return q.value(0).toInt();
}

Result<QString> PropagationStore::highWaterMark(const QString &channel) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT high_water FROM order_polls WHERE channel = ?"_s);
    q.addBindValue(channel);
    if (!q.exec())
        return queryError(q, "cannot read the order-poll mark:");
    return q.next() ? q.value(0).toString() : QString();
}

Status PropagationStore::setHighWaterMark(const QString &channel, const QString &mark, qint64 nowMs)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO order_polls (channel, high_water, updated_at) "
              "VALUES (?, ?, ?) ON CONFLICT (channel) DO UPDATE SET "
              "high_water = excluded.high_water, updated_at = excluded.updated_at"_s);
    q.addBindValue(channel);
    q.addBindValue(mark);
    q.addBindValue(nowMs);
    if (!q.exec())
        return queryError(q, "cannot record the order-poll mark:");
    return {};
}

} // namespace ChannelDesk
