#include "syncengine.h"

#include "domain/sku.h"
#include "listingguard.h"
#include "store/database.h"
#include "store/statement.h"
#include "synclog.h"

#include <QMetaMethod>

#include <algorithm>

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcSync, "channeldesk.sync")

namespace {
using namespace Qt::StringLiterals;

enum StatementIndex { kSelectRow, kRemoteSku, kUpdateRow, kInsertRow, kStatementCount };
static_assert(kStatementCount == 4, "SyncEngine::m_statements holds one per index");

const QString kActor = u"order-path"_s;

ApplyResult result(ApplyOutcome outcome, const QString &message = {})
{
    return ApplyResult {outcome, message, {}, false};
}
} // namespace

SyncEngine::SyncEngine(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_ledger(std::make_unique<OrderLedger>(db))
    , m_log(std::make_unique<MutationLog>(db))
    , m_statements(db)
{
}

SyncEngine::~SyncEngine() = default;

Statement *SyncEngine::prepared(int index, const QString &sql)
{
    return m_statements.get(index, sql);
}

QString SyncEngine::sqlError(int index) const
{
    return m_statements.error(index);
}

bool SyncEngine::fail(const QString &why)
{
    m_lastError = why.isEmpty() ? u"database error"_s : why;
    return false;
}

bool SyncEngine::load(const QString &sku, Batch &b, bool *exists)
{
    if (b.working.contains(sku)) {
        *exists = true;
        return true;
    }
    if (!b.freshReads) {
        const auto cached = m_cache.constFind(sku);
        if (cached != m_cache.cend()) {
            b.working.insert(sku, Working {*cached, *cached});
            *exists = true;
            return true;
        }
    }
    Row row;
    bool found = false;
    if (!readRow(sku, &row, &found))
        return false;
    *exists = found;
    if (!found)
        return true;
    m_cache.insert(sku, row);
    b.working.insert(sku, Working {row, row});
    return true;
}

bool SyncEngine::readRow(const QString &sku, Row *row, bool *found)
{
    Statement *q = prepared(kSelectRow,
                            u"SELECT available, committed, safety_buffer, version, paused, title "
                            "FROM stock WHERE sku = ?"_s);
    if (!q)
        return fail(m_db.lastError());
    q->bind(0, sku);
    if (!q->exec())
        return fail(q->lastError());
    if (!q->next()) {
        if (!q->lastError().isEmpty())
            return fail(q->lastError());
        q->finish();
        *found = false;
        return true;
    }
    row->available = q->int64(0);
    row->committed = q->int64(1);
    row->safetyBuffer = q->int64(2);
    row->version = q->int64(3);
    row->paused = q->int64(4) != 0;
    row->title = q->text(5);
    q->finish();
    *found = true;
    return true;
}

bool SyncEngine::skuForRemoteId(const QString &channel, const QString &remoteId, QString *sku)
{
    sku->clear();
    if (remoteId.isEmpty())
        return true;
    Statement *q = prepared(kRemoteSku,
                            u"SELECT sku FROM listings WHERE channel = ? AND remote_id = ? "
                            "ORDER BY sku LIMIT 1"_s);
    if (!q)
        return fail(m_db.lastError());
    q->bind(0, channel);
    q->bind(1, remoteId);
    if (!q->exec())
        return fail(q->lastError());
    if (q->next())
        *sku = q->text(0);
    else if (!q->lastError().isEmpty())
        return fail(q->lastError());
    q->finish();
    return true;
}

bool SyncEngine::writeRow(const QString &sku, const Working &w, qint64 now, bool *casHit)
{
    if (w.isNew) {
        Statement *q = prepared(kInsertRow,
                                u"INSERT INTO stock (sku, title, available, committed, "
                                "safety_buffer, version, paused, updated_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
        if (!q)
            return false;
        q->bind(0, sku);
        q->bind(1, w.current.title);
        q->bind(2, w.current.available);
        q->bind(3, w.current.committed);
        q->bind(4, w.current.safetyBuffer);
        q->bind(5, w.current.version);
        q->bind(6, qint64(w.current.paused ? 1 : 0));
        q->bind(7, now);
        if (!q->exec())
            return false;
        *casHit = true;
        return true;
    }
    // Compare-and-swap: the write lands only on the row this plan was computed from. A shipment
    // moves committed units without a new version (channels show the same), so committed is
    // compared as well.
    Statement *q = prepared(kUpdateRow,
                            u"UPDATE stock SET available = ?, committed = ?, safety_buffer = ?, "
                            "title = ?, version = ?, paused = ?, updated_at = ? "
                            "WHERE sku = ? AND version = ? AND committed = ?"_s);
    if (!q)
        return false;
    q->bind(0, w.current.available);
    q->bind(1, w.current.committed);
    q->bind(2, w.current.safetyBuffer);
    q->bind(3, w.current.title);
    q->bind(4, w.current.version);
    q->bind(5, qint64(w.current.paused ? 1 : 0));
    q->bind(6, now);
    q->bind(7, sku);
    q->bind(8, w.seen.version);
    q->bind(9, w.seen.committed);
    if (!q->exec())
        return false;
    *casHit = q->rowsAffected() == 1;
    return true;
}

Mutation SyncEngine::mutation(const QString &sku, const Working &w, MutationKind kind,
                              qint64 now) const
{
    Mutation m;
    m.sku = sku;
    m.kind = kind;
    m.availableAfter = w.current.available;
    m.committedAfter = w.current.committed;
    m.version = w.current.version;
    m.pausedAfter = w.current.paused;
    m.atMs = now;
    return m;
}

void SyncEngine::planGuard(const QString &sku, Working &w, const QString &channel,
                           const QString &orderId, const QString &actor, qint64 now,
                           QList<Mutation> &out)
{
    const auto kind =
        ListingGuard::transition(w.current.paused, w.current.available, w.current.safetyBuffer);
    if (!kind)
        return;
    w.current.paused = *kind == MutationKind::Pause;
    w.current.version += 1;
    w.touched = true;
    Mutation m = mutation(sku, w, *kind, now);
    m.channel = channel;
    m.orderId = orderId;
    m.actor = actor;
    m.reason = *kind == MutationKind::Pause
        ? u"available %1 at or below safety buffer %2"_s.arg(w.current.available)
              .arg(w.current.safetyBuffer)
        : u"available %1 above safety buffer %2"_s.arg(w.current.available)
              .arg(w.current.safetyBuffer);
    out.append(std::move(m));
}

SyncEngine::TxStatus SyncEngine::finishBatch(Batch &b)
{
    auto forget = [&] {
        for (auto w = b.working.cbegin(); w != b.working.cend(); ++w)
            m_cache.remove(w.key());
    };
    if (!resolveRestocked(b)) {
        m_db.rollback();
        forget();
        return TxStatus::StorageError;
    }
    for (auto it = b.working.cbegin(); it != b.working.cend(); ++it) {
        if (!it->touched)
            continue;
        bool casHit = false;
        if (!writeRow(it.key(), *it, b.now, &casHit)) {
            fail(sqlError(it->isNew ? kInsertRow : kUpdateRow));
            qCWarning(lcSync) << "stock write failed:" << m_lastError;
            m_db.rollback();
            forget();
            return TxStatus::StorageError;
        }
        if (!casHit) {
            // Someone else changed this row since it was read: nothing of this plan holds.
            m_db.rollback();
            forget();
            return TxStatus::CasMiss;
        }
    }
    for (Mutation &m : b.pending) {
        if (!m_log->append(m)) {
            fail(m_log->lastError());
            qCWarning(lcSync) << "mutation append failed:" << m_lastError;
            m_db.rollback();
            forget();
            return TxStatus::StorageError;
        }
    }
    if (!m_db.commit()) {
        m_lastError = m_db.lastError();
        forget();
        return TxStatus::StorageError;
    }
    for (auto it = b.working.cbegin(); it != b.working.cend(); ++it)
        m_cache.insert(it.key(), it->current);
    return TxStatus::Committed;
}

SyncEngine::TxStatus SyncEngine::runBatch(const QList<OrderEvent> &events,
                                          QList<ApplyResult> &results, bool freshReads,
                                          QList<Mutation> &committed)
{
    if (!m_db.beginWrite(Database::Write::Durable)) {
        m_lastError = m_db.lastError();
        return TxStatus::StorageError;
    }
    Batch b;
    b.now = m_clock.nowMs();
    b.freshReads = freshReads;
    b.pending.reserve(events.size() + events.size() / 4); // a row per line, and some guard rows
    QList<std::pair<qsizetype, qsizetype>> ranges(events.size(), {0, 0});

    for (qsizetype i = 0; i < events.size(); ++i) {
        const OrderEvent &event = events.at(i);
        const qsizetype first = b.pending.size();
        const bool ok = event.kind == OrderEventKind::Sale ? planSale(event, b, results[i])
                                                           : planEvent(event, b, results[i]);
        if (!ok) {
            m_db.rollback();
            for (auto w = b.working.cbegin(); w != b.working.cend(); ++w)
                m_cache.remove(w.key());
            return TxStatus::StorageError;
        }
        ranges[i] = {first, b.pending.size() - first};
    }
    // Resolutions by restock are logged after every event's own rows; they belong to no event.
    const TxStatus status = finishBatch(b);
    if (status != TxStatus::Committed)
        return status;

    // Each result gets its own rows; the signal gets them all, in log order, only when someone
    // listens (copying a thousand mutations for nobody is a measurable share of a batch).
    const bool signalWanted =
        isSignalConnected(QMetaMethod::fromSignal(&SyncEngine::mutationsCommitted));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const auto [first, count] = ranges.at(i);
        if (count == 0)
            continue;
        if (signalWanted) {
            results[i].mutations = b.pending.mid(first, count);
        } else {
            const auto from = b.pending.begin() + first;
            results[i].mutations = QList<Mutation>(std::make_move_iterator(from),
                                                   std::make_move_iterator(from + count));
        }
    }
    if (signalWanted)
        committed = std::move(b.pending);
    return TxStatus::Committed;
}

ApplyResult SyncEngine::apply(const OrderEvent &event)
{
    return applyBatch({event}).constFirst();
}

QList<ApplyResult> SyncEngine::applyBatch(const QList<OrderEvent> &events)
{
    QList<ApplyResult> results(events.size());
    QList<qsizetype> validIndex;
    validIndex.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString error = events.at(i).validationError();
        if (!error.isEmpty()) {
            results[i] = result(ApplyOutcome::Invalid, error);
            continue;
        }
        validIndex.append(i);
    }
    if (validIndex.isEmpty())
        return results;
    QList<OrderEvent> valid;
    if (validIndex.size() == events.size()) {
        valid = events; // shared, not copied
    } else {
        valid.reserve(validIndex.size());
        for (qsizetype i : std::as_const(validIndex))
            valid.append(events.at(i));
    }

    QList<ApplyResult> validResults(valid.size());
    QList<Mutation> committed;
    TxStatus status = TxStatus::CasMiss;
    for (int attempt = 0; attempt < kMaxAttempts && status == TxStatus::CasMiss; ++attempt) {
        validResults = QList<ApplyResult>(valid.size());
        status = runBatch(valid, validResults, attempt > 0, committed);
    }

    if (status == TxStatus::StorageError && valid.size() > 1) {
        // One bad event must not take its neighbours down: give each its own transaction.
        qCInfo(lcSync) << "group commit failed; applying" << valid.size() << "events one by one";
        for (qsizetype i = 0; i < valid.size(); ++i)
            results[validIndex.at(i)] = applyBatch({valid.at(i)}).constFirst();
        return results;
    }

    for (qsizetype i = 0; i < valid.size(); ++i) {
        ApplyResult &r = validResults[i];
        if (status == TxStatus::CasMiss)
            r = result(ApplyOutcome::ConcurrentUpdate,
                       u"stock kept changing underneath; retry later"_s);
        else if (status == TxStatus::StorageError)
            r = result(ApplyOutcome::StorageError, m_lastError);
        results[validIndex.at(i)] = std::move(r);
    }
    if (status == TxStatus::Committed && !committed.isEmpty())
        Q_EMIT mutationsCommitted(committed);
    return results;
}

SyncEngine::ChangeResult SyncEngine::runChange(const std::function<ChangeResult(Batch &)> &plan)
{
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        if (!m_db.beginWrite(Database::Write::Durable))
            return {ChangeError::StorageError, m_db.lastError(), {}};
        Batch b;
        b.now = m_clock.nowMs();
        b.freshReads = true;
        ChangeResult planned = plan(b);
        if (!planned.ok()) {
            m_db.rollback();
            m_cache.clear();
            return planned;
        }
        switch (finishBatch(b)) {
        case TxStatus::CasMiss:
            m_cache.clear();
            continue;
        case TxStatus::StorageError:
            m_cache.clear();
            return {ChangeError::StorageError, m_lastError, {}};
        case TxStatus::Committed:
            break;
        }
        if (!b.pending.isEmpty())
            Q_EMIT mutationsCommitted(b.pending);
        planned.mutations = b.pending;
        return planned;
    }
    return {ChangeError::ConcurrentUpdate, u"stock kept changing underneath; retry later"_s, {}};
}

SyncEngine::ChangeResult SyncEngine::adjust(const QString &sku, qint64 delta, const QString &actor,
                                            const QString &reason)
{
    if (const QString e = Sku::validationError(sku); !e.isEmpty())
        return {ChangeError::InvalidInput, e, {}};
    if (delta == 0)
        return {ChangeError::InvalidInput, u"the adjustment is zero"_s, {}};
    if (delta > Quantity::kMax || delta < -Quantity::kMax)
        return {ChangeError::InvalidInput, u"the adjustment is out of range"_s, {}};
    if (reason.trimmed().isEmpty())
        return {ChangeError::InvalidInput, u"a reason is required"_s, {}};

    return runChange([&](Batch &b) -> ChangeResult {
        bool exists = false;
        if (!load(sku, b, &exists))
            return {ChangeError::StorageError, m_lastError, {}};
        if (!exists)
            return {ChangeError::UnknownSku, u"unknown SKU %1"_s.arg(sku), {}};
        Working &w = b.working[sku];
        const qint64 after = w.current.available + delta;
        // A person may not make stock negative; a SKU that is already (owed units) may be
        // raised, and may be lowered no further.
        if (after < 0 && delta < 0)
            return {ChangeError::WouldGoNegative,
                    u"%1 has %2 available; adjusting by %3 would go below zero"_s.arg(sku)
                        .arg(w.current.available)
                        .arg(delta),
                    {}};
        if (after > Quantity::kMax)
            return {ChangeError::InvalidInput,
                    u"%1 would exceed %2"_s.arg(sku).arg(Quantity::kMax),
                    {}};
        w.current.available = after;
        w.current.version += 1;
        w.touched = true;
        Mutation m = mutation(sku, w, MutationKind::Adjust, b.now);
        m.delta = delta;
        m.actor = actor;
        m.reason = reason;
        b.pending.append(std::move(m));
        planGuard(sku, w, {}, {}, actor, b.now, b.pending);
        return {};
    });
}

SyncEngine::ChangeResult SyncEngine::importStock(const QList<StockImportRow> &rows,
                                                 const QString &actor, const QString &reason)
{
    for (const StockImportRow &row : rows) {
        if (const QString e = Sku::validationError(row.sku); !e.isEmpty())
            return {ChangeError::InvalidInput, row.sku + u": "_s + e, {}};
        if (row.onHand && (*row.onHand < 0 || *row.onHand > Quantity::kMax))
            return {ChangeError::InvalidInput, row.sku + u": on_hand out of range"_s, {}};
        if (!row.onHand && (row.available < 0 || row.available > Quantity::kMax))
            return {ChangeError::InvalidInput, row.sku + u": available out of range"_s, {}};
        if (row.safetyBuffer && (*row.safetyBuffer < 0 || *row.safetyBuffer > Quantity::kMax))
            return {ChangeError::InvalidInput, row.sku + u": safety_buffer out of range"_s, {}};
    }

    return runChange([&](Batch &b) -> ChangeResult {
        for (const StockImportRow &row : rows) {
            bool exists = false;
            if (!load(row.sku, b, &exists))
                return {ChangeError::StorageError, m_lastError, {}};
            if (!exists)
                b.working.insert(row.sku, Working {Row {}, Row {}, false, true});
            Working &w = b.working[row.sku];
            const Row before = w.current;
            // On hand counts the shelf, committed units included: what is left is available.
            const qint64 available = row.onHand ? *row.onHand - w.current.committed : row.available;
            if (available < 0)
                return {ChangeError::WouldGoNegative,
                        u"%1: on hand %2 is less than the %3 unit(s) committed to open orders"_s
                            .arg(row.sku)
                            .arg(*row.onHand)
                            .arg(w.current.committed),
                        {}};
            w.current.available = available;
            if (row.title)
                w.current.title = *row.title;
            if (row.safetyBuffer)
                w.current.safetyBuffer = *row.safetyBuffer;
            if (!w.isNew && w.current.available == before.available &&
                w.current.title == before.title && w.current.safetyBuffer == before.safetyBuffer)
                continue; // nothing to say
            w.current.version += 1;
            w.touched = true;
            Mutation m = mutation(row.sku, w, MutationKind::Import, b.now);
            m.delta = w.current.available - before.available;
            m.actor = actor;
            m.reason = reason;
            b.pending.append(std::move(m));
            planGuard(row.sku, w, {}, {}, actor, b.now, b.pending);
        }
        return {};
    });
}

} // namespace ChannelDesk
