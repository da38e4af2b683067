#include "syncengine.h"

#include "domain/sku.h"
#include "listingguard.h"
#include "store/database.h"
#include "store/statement.h"
#include "synclog.h"

#include <QMetaMethod>
#include <QVarLengthArray>

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcSync, "channeldesk.sync")

namespace {
using namespace Qt::StringLiterals;

enum StatementIndex {
    kSelectRow,
    kInsertKey,
    kUpdateRow,
    kInsertRow,
    kInsertMutation,
    kStatementCount
};

const QString kActor = u"order-path"_s;

struct LineTotal
{
    QString sku;
    qint64 quantity;
};

// An order may name a SKU on several lines; the order path takes their sum at once.
QVarLengthArray<LineTotal, 4> totalsBySku(const OrderEvent &event)
{
    QVarLengthArray<LineTotal, 4> totals;
    for (const OrderLine &line : event.lines) {
        auto it = std::find_if(totals.begin(), totals.end(),
                               [&](const LineTotal &t) { return t.sku == line.sku; });
        if (it == totals.end())
            totals.append({line.sku, line.quantity});
        else
            it->quantity += line.quantity;
    }
    return totals;
}
} // namespace

SyncEngine::SyncEngine(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
{
}

SyncEngine::~SyncEngine() = default;

Statement *SyncEngine::prepared(int index, const QString &sql)
{
    static_assert(kStatementCount == std::tuple_size_v<decltype(m_statements)>);
    Statement *&statement = m_statements[size_t(index)];
    if (!statement)
        statement = m_db.statement(sql);
    return statement;
}

QString SyncEngine::sqlError(int index) const
{
    const Statement *statement = m_statements[size_t(index)];
    const QString text = statement ? statement->lastError() : m_db.lastError();
    return text.isEmpty() ? u"database error"_s : text;
}

bool SyncEngine::load(const QString &sku, bool fresh, QHash<QString, Working> &working,
                      bool *exists)
{
    if (working.contains(sku)) {
        *exists = true;
        return true;
    }
    if (!fresh) {
        const auto cached = m_cache.constFind(sku);
        if (cached != m_cache.cend()) {
            working.insert(sku, Working {*cached, *cached});
            *exists = true;
            return true;
        }
    }
    Row row;
    bool found = false;
    if (!readRow(sku, &row, &found))
        return false;
    if (!found) {
        *exists = false;
        return true;
    }
    m_cache.insert(sku, row);
    Working w {row, row};
    w.fresh = true;
    working.insert(sku, w);
    *exists = true;
    return true;
}

bool SyncEngine::readRow(const QString &sku, Row *row, bool *found)
{
    Statement *q = prepared(kSelectRow,
                            u"SELECT available, safety_buffer, version, paused, title "
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
    row->safetyBuffer = q->int64(1);
    row->version = q->int64(2);
    row->paused = q->int64(3) != 0;
    row->title = q->text(4);
    q->finish();
    *found = true;
    return true;
}

bool SyncEngine::confirm(const QString &sku, Working &w, bool *current)
{
    Row row;
    bool found = false;
    if (!readRow(sku, &row, &found))
        return false;
    *current = found && row.version == w.seen.version; // gone since it was cached: not current
    w.fresh = *current;
    return true;
}

bool SyncEngine::fail(const QString &why)
{
    m_lastError = why.isEmpty() ? u"database error"_s : why;
    m_db.rollback();
    return false;
}

bool SyncEngine::insertKey(const OrderEvent &event, ApplyOutcome outcome, qint64 now,
                           bool *inserted)
{
    // The key is the act, not a check: a conflict on the primary key is the duplicate.
    Statement *q = prepared(kInsertKey,
                            u"INSERT INTO idempotency_keys (channel, order_id, "
                            "outcome, at) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT DO NOTHING"_s);
    if (!q)
        return false;
    q->bind(0, event.channel);
    q->bind(1, event.orderId);
    q->bind(2, outcomeName(outcome));
    q->bind(3, now);
    if (!q->exec())
        return false;
    *inserted = q->rowsAffected() == 1;
    return true;
}

bool SyncEngine::writeRow(const QString &sku, const Working &w, qint64 now, bool *casHit)
{
    if (w.isNew) {
        Statement *q = prepared(kInsertRow,
                                u"INSERT INTO stock (sku, title, available, safety_buffer, "
                                "version, paused, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        if (!q)
            return false;
        q->bind(0, sku);
        q->bind(1, w.current.title);
        q->bind(2, w.current.available);
        q->bind(3, w.current.safetyBuffer);
        q->bind(4, w.current.version);
        q->bind(5, qint64(w.current.paused ? 1 : 0));
        q->bind(6, now);
        if (!q->exec())
            return false;
        *casHit = true;
        return true;
    }
    // Compare-and-swap: the write lands only on the version this plan was computed from.
    Statement *q = prepared(kUpdateRow,
                            u"UPDATE stock SET available = ?, safety_buffer = ?, title = ?, "
                            "version = ?, paused = ?, updated_at = ? "
                            "WHERE sku = ? AND version = ?"_s);
    if (!q)
        return false;
    q->bind(0, w.current.available);
    q->bind(1, w.current.safetyBuffer);
    q->bind(2, w.current.title);
    q->bind(3, w.current.version);
    q->bind(4, qint64(w.current.paused ? 1 : 0));
    q->bind(5, now);
    q->bind(6, sku);
    q->bind(7, w.seen.version);
    if (!q->exec())
        return false;
    *casHit = q->rowsAffected() == 1;
    return true;
}

bool SyncEngine::appendMutation(Mutation &m)
{
    const bool postgres = m_db.dialect() == Database::Dialect::Postgres;
    Statement *q = prepared(kInsertMutation,
                            u"INSERT INTO mutations (sku, delta, available_after, version, kind, "
                            "channel, order_id, actor, reason, paused_after, at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s +
                                (postgres ? u" RETURNING id"_s : QString()));
    if (!q)
        return false;
    q->bind(0, m.sku);
    q->bind(1, m.delta);
    q->bind(2, m.availableAfter);
    q->bind(3, m.version);
    q->bind(4, kindName(m.kind));
    q->bind(5, m.channel);
    q->bind(6, m.orderId);
    q->bind(7, m.actor);
    q->bind(8, m.reason);
    q->bind(9, qint64(m.pausedAfter ? 1 : 0));
    q->bind(10, m.atMs);
    if (!q->exec())
        return false;
    if (postgres) {
        if (!q->next())
            return false;
        m.id = q->int64(0);
        q->finish();
    } else {
        m.id = q->lastInsertId();
    }
    return true;
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
    Mutation m;
    m.sku = sku;
    m.delta = 0;
    m.availableAfter = w.current.available;
    m.version = w.current.version;
    m.kind = *kind;
    m.channel = channel;
    m.orderId = orderId;
    m.actor = actor;
    m.reason = *kind == MutationKind::Pause
        ? u"available %1 at or below safety buffer %2"_s.arg(w.current.available)
              .arg(w.current.safetyBuffer)
        : u"available %1 above safety buffer %2"_s.arg(w.current.available)
              .arg(w.current.safetyBuffer);
    m.atMs = now;
    m.pausedAfter = w.current.paused;
    out.append(std::move(m));
}

SyncEngine::TxStatus SyncEngine::runBatch(const QList<OrderEvent> &events,
                                          QList<ApplyResult> &results, bool freshReads,
                                          QList<Mutation> &committed)
{
    if (!m_db.beginWrite()) {
        m_lastError = m_db.lastError();
        return TxStatus::StorageError;
    }

    QHash<QString, Working> working;
    QList<Mutation> pending;
    pending.reserve(events.size() + events.size() / 4); // a row per line, and some guard rows
    QList<std::pair<qsizetype, qsizetype>> ranges(events.size(), {0, 0});
    const qint64 now = m_clock.nowMs();

    for (qsizetype i = 0; i < events.size(); ++i) {
        const OrderEvent &event = events.at(i);
        const auto totals = totalsBySku(event);

        QVarLengthArray<QString, 4> unknown;
        for (const LineTotal &t : totals) {
            bool exists = false;
            if (!load(t.sku, freshReads, working, &exists))
                return TxStatus::StorageError;
            if (!exists)
                unknown.append(t.sku);
        }
        QVarLengthArray<const LineTotal *, 4> short_;
        if (unknown.isEmpty()) {
            for (const LineTotal &t : totals) {
                if (working.constFind(t.sku)->current.available < t.quantity)
                    short_.append(&t);
            }
        }
        // An order taking stock is checked by the compare-and-swap on write; a refusal writes no
        // stock row, so a refusal resting on a cached row checks that row first. A stale one
        // means the whole plan is suspect: start again from fresh reads.
        for (const LineTotal *t : short_) {
            Working &w = working[t->sku];
            if (w.fresh)
                continue;
            bool current = false;
            if (!confirm(t->sku, w, &current))
                return TxStatus::StorageError;
            if (!current) {
                m_db.rollback();
                for (auto it = working.cbegin(); it != working.cend(); ++it)
                    m_cache.remove(it.key());
                return TxStatus::CasMiss;
            }
        }
        const ApplyOutcome outcome = !unknown.isEmpty() ? ApplyOutcome::UnknownSku
            : !short_.isEmpty()                         ? ApplyOutcome::InsufficientStock
                                                        : ApplyOutcome::Applied;
        bool inserted = false;
        if (!insertKey(event, outcome, now, &inserted)) {
            fail(sqlError(kInsertKey));
            return TxStatus::StorageError;
        }
        ApplyResult &result = results[i];
        if (!inserted) {
            result.outcome = ApplyOutcome::Duplicate;
            result.message =
                u"order %1 from %2 was already received"_s.arg(event.orderId, event.channel);
            continue;
        }
        result.outcome = outcome;
        const qsizetype first = pending.size();
        auto base = [&](const QString &sku, MutationKind kind) {
            Mutation m;
            m.sku = sku;
            m.kind = kind;
            m.channel = event.channel;
            m.orderId = event.orderId;
            m.actor = kActor;
            m.atMs = now;
            return m;
        };
        switch (outcome) {
        case ApplyOutcome::Applied:
            for (const LineTotal &t : totals) {
                Working &w = working[t.sku];
                w.current.available -= t.quantity;
                w.current.version += 1;
                w.touched = true;
                Mutation m = base(t.sku, MutationKind::Order);
                m.delta = -t.quantity;
                m.availableAfter = w.current.available;
                m.version = w.current.version;
                m.pausedAfter = w.current.paused;
                pending.append(std::move(m));
                planGuard(t.sku, w, event.channel, event.orderId, kActor, now, pending);
            }
            break;
        case ApplyOutcome::InsufficientStock: {
            QStringList why;
            for (const LineTotal *t : short_) {
                const Row &row = working.constFind(t->sku)->current;
                Mutation m = base(t->sku, MutationKind::OversellAttempt);
                m.availableAfter = row.available;
                m.version = row.version;
                m.pausedAfter = row.paused;
                m.reason = u"requested %1, available %2"_s.arg(t->quantity).arg(row.available);
                why.append(t->sku + u": "_s + m.reason);
                pending.append(std::move(m));
            }
            result.message = u"insufficient stock (%1)"_s.arg(why.join(u"; "_s));
            break;
        }
        case ApplyOutcome::UnknownSku:
            for (const QString &sku : unknown) {
                Mutation m = base(sku, MutationKind::UnknownSku);
                m.reason = u"the order names a SKU that is not in stock"_s;
                pending.append(std::move(m));
            }
            result.message =
                u"unknown SKU: %1"_s.arg(QStringList(unknown.begin(), unknown.end()).join(u", "_s));
            break;
        default:
            break;
        }
        ranges[i] = {first, pending.size() - first};
    }

    for (auto it = working.cbegin(); it != working.cend(); ++it) {
        if (!it->touched)
            continue;
        bool casHit = false;
        if (!writeRow(it.key(), *it, now, &casHit)) {
            qCWarning(lcSync) << "stock write failed:" << sqlError(kUpdateRow);
            fail(sqlError(kUpdateRow));
            return TxStatus::StorageError;
        }
        if (!casHit) {
            // Someone else changed this row since it was read: nothing of this plan holds.
            m_db.rollback();
            for (auto w = working.cbegin(); w != working.cend(); ++w)
                m_cache.remove(w.key());
            return TxStatus::CasMiss;
        }
    }
    for (Mutation &m : pending) {
        if (!appendMutation(m)) {
            qCWarning(lcSync) << "mutation append failed:" << sqlError(kInsertMutation);
            fail(sqlError(kInsertMutation));
            for (auto w = working.cbegin(); w != working.cend(); ++w)
                m_cache.remove(w.key());
            return TxStatus::StorageError;
        }
    }
    if (!m_db.commit()) {
        m_lastError = m_db.lastError();
        for (auto w = working.cbegin(); w != working.cend(); ++w)
            m_cache.remove(w.key());
        return TxStatus::StorageError;
    }
    for (auto it = working.cbegin(); it != working.cend(); ++it)
        m_cache.insert(it.key(), it->current);
    // Each result gets its own rows; the signal gets them all, in log order, only when someone
    // listens (copying a thousand mutations for nobody is a measurable share of a batch).
    const bool signalWanted =
        isSignalConnected(QMetaMethod::fromSignal(&SyncEngine::mutationsCommitted));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const auto [first, count] = ranges.at(i);
        if (count == 0)
            continue;
        if (signalWanted) {
            results[i].mutations = pending.mid(first, count);
        } else {
            const auto from = pending.begin() + first;
            results[i].mutations = QList<Mutation>(std::make_move_iterator(from),
                                                   std::make_move_iterator(from + count));
        }
    }
    if (signalWanted)
        committed = std::move(pending);
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
            results[i].outcome = ApplyOutcome::Invalid;
            results[i].message = error;
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
        if (status == TxStatus::CasMiss) {
            r = ApplyResult {ApplyOutcome::ConcurrentUpdate,
                             u"stock kept changing underneath; retry later"_s,
                             {}};
        } else if (status == TxStatus::StorageError) {
            r = ApplyResult {ApplyOutcome::StorageError, m_lastError, {}};
        }
        results[validIndex.at(i)] = std::move(r);
    }
    if (status == TxStatus::Committed && !committed.isEmpty())
        Q_EMIT mutationsCommitted(committed);
    return results;
}

SyncEngine::ChangeResult SyncEngine::runChange(
    const std::function<ChangeResult(QHash<QString, Working> &, QList<Mutation> &)> &plan)
{
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        if (!m_db.beginWrite())
            return {ChangeError::StorageError, m_db.lastError(), {}};
        const qint64 now = m_clock.nowMs();
        QHash<QString, Working> working;
        QList<Mutation> pending;
        ChangeResult planned = plan(working, pending);
        if (!planned.ok()) {
            m_db.rollback();
            return planned;
        }
        bool casMiss = false;
        for (auto it = working.cbegin(); it != working.cend() && !casMiss; ++it) {
            if (!it->touched)
                continue;
            bool casHit = false;
            if (!writeRow(it.key(), *it, now, &casHit)) {
                const QString why = sqlError(it->isNew ? kInsertRow : kUpdateRow);
                m_db.rollback();
                m_cache.clear();
                return {ChangeError::StorageError, why, {}};
            }
            casMiss = !casHit;
        }
        if (casMiss) {
            m_db.rollback();
            m_cache.clear();
            continue;
        }
        for (Mutation &m : pending) {
            if (!appendMutation(m)) {
                const QString why = sqlError(kInsertMutation);
                m_db.rollback();
                m_cache.clear();
                return {ChangeError::StorageError, why, {}};
            }
        }
        if (!m_db.commit()) {
            m_cache.clear();
            return {ChangeError::StorageError, m_db.lastError(), {}};
        }
        for (auto it = working.cbegin(); it != working.cend(); ++it)
            m_cache.insert(it.key(), it->current);
        if (!pending.isEmpty())
            Q_EMIT mutationsCommitted(pending);
        return {ChangeError::None, {}, pending};
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

    return runChange([&](QHash<QString, Working> &working, QList<Mutation> &out) -> ChangeResult {
        bool exists = false;
        if (!load(sku, true, working, &exists))
            return {ChangeError::StorageError, m_lastError, {}};
        if (!exists)
            return {ChangeError::UnknownSku, u"unknown SKU %1"_s.arg(sku), {}};
        Working &w = working[sku];
        const qint64 after = w.current.available + delta;
        if (after < 0)
            return {ChangeError::WouldGoNegative,
                    u"%1 has %2 available; adjusting by %3 would go below zero"_s.arg(sku)
                        .arg(w.current.available)
                        .arg(delta),
                    {}};
        if (after > Quantity::kMax)
            return {ChangeError::InvalidInput,
                    u"%1 would exceed %2"_s.arg(sku).arg(Quantity::kMax),
                    {}};
        const qint64 now = m_clock.nowMs();
        w.current.available = after;
        w.current.version += 1;
        w.touched = true;
        Mutation m;
        m.sku = sku;
        m.delta = delta;
        m.availableAfter = after;
        m.version = w.current.version;
        m.kind = MutationKind::Adjust;
        m.actor = actor;
        m.reason = reason;
        m.atMs = now;
        m.pausedAfter = w.current.paused;
        out.append(m);
        planGuard(sku, w, {}, {}, actor, now, out);
        return {};
    });
}

SyncEngine::ChangeResult SyncEngine::importStock(const QList<StockImportRow> &rows,
                                                 const QString &actor, const QString &reason)
{
    for (const StockImportRow &row : rows) {
        if (const QString e = Sku::validationError(row.sku); !e.isEmpty())
            return {ChangeError::InvalidInput, row.sku + u": "_s + e, {}};
        if (row.available < 0 || row.available > Quantity::kMax)
            return {ChangeError::InvalidInput, row.sku + u": available out of range"_s, {}};
        if (row.safetyBuffer && (*row.safetyBuffer < 0 || *row.safetyBuffer > Quantity::kMax))
            return {ChangeError::InvalidInput, row.sku + u": safety_buffer out of range"_s, {}};
    }

    return runChange([&](QHash<QString, Working> &working, QList<Mutation> &out) -> ChangeResult {
        const qint64 now = m_clock.nowMs();
        for (const StockImportRow &row : rows) {
            bool exists = false;
            if (!load(row.sku, true, working, &exists))
                return {ChangeError::StorageError, m_lastError, {}};
            if (!exists)
                working.insert(row.sku, Working {Row {}, Row {}, false, true});
            Working &w = working[row.sku];
            const Row before = w.current;
            w.current.available = row.available;
            if (row.title)
                w.current.title = *row.title;
            if (row.safetyBuffer)
                w.current.safetyBuffer = *row.safetyBuffer;
            if (!w.isNew && w.current.available == before.available &&
                w.current.title == before.title && w.current.safetyBuffer == before.safetyBuffer)
                continue; // nothing to say
            w.current.version += 1;
            w.touched = true;
            Mutation m;
            m.sku = row.sku;
            m.delta = w.current.available - before.available;
            m.availableAfter = w.current.available;
            m.version = w.current.version;
            m.kind = MutationKind::Import;
            m.actor = actor;
            m.reason = reason;
            m.atMs = now;
            m.pausedAfter = w.current.paused;
            out.append(m);
            planGuard(row.sku, w, {}, {}, actor, now, out);
        }
        return {};
    });
}

} // namespace ChannelDesk
