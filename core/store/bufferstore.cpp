#include "bufferstore.h"

#include "database.h"
#include "mutationlog.h"
#include "statement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {

// The stock row as a rule change sees it; version moves with every re-send it causes.
struct StockRow
{
    qint64 available = 0;
    qint64 committed = 0;
    qint64 safetyBuffer = 0;
    qint64 version = 0;
    bool paused = false;
};

// A nullable column of the four buffer fields, from `first` on: NULL = inherit.
BufferOverride overrideFrom(const QSqlQuery &q, int first)
{
    BufferOverride b;
    if (!q.value(first).isNull())
        b.reserve = q.value(first).toLongLong();
    if (!q.value(first + 1).isNull())
        b.percent = q.value(first + 1).toInt();
    if (!q.value(first + 2).isNull())
        b.max = q.value(first + 2).toLongLong();
    if (!q.value(first + 3).isNull())
        b.pauseAt = q.value(first + 3).toLongLong();
    return b;
}

QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullable(const std::optional<int> &value)
{
    return value ? QVariant(qint64(*value)) : QVariant(QMetaType::fromType<qint64>());
}

void bindOverride(QSqlQuery &q, const BufferOverride &b)
{
    q.addBindValue(nullable(b.reserve));
    q.addBindValue(nullable(b.percent));
    q.addBindValue(nullable(b.max));
    q.addBindValue(nullable(b.pauseAt));
}

QString shownText(const ShownQuantity &s)
{
    return s.paused ? u"0 (paused)"_s : QString::number(s.quantity);
}

// Rolls back and answers the statement's error.
Error failed(Database &db, const QSqlQuery &q)
{
    db.rollback();
    return Error {q.lastError().text()};
}

// The writes a rule change makes, shared by both kinds of change: a new version for the SKU
// when what its listing shows changed, and the audit row.
class RuleChangeWriter
{
public:
    RuleChangeWriter(Database &db, const QString &actor, qint64 nowMs)
        : m_log(db)
        , m_bump(db.connection())
        , m_actor(actor)
        , m_nowMs(nowMs)
    {
        m_bump.prepare(u"UPDATE stock SET version = version + 1, updated_at = ? WHERE sku = ?"_s);
    }

    // Appends the `buffer` row of (channel, sku); with resend, under a new version of the SKU.
    bool write(const QString &channel, const QString &sku, StockRow &row, bool resend,
               const QString &reason, QString *error, QList<Mutation> *written = nullptr)
    {
        if (resend) {
            m_bump.addBindValue(m_nowMs);
            m_bump.addBindValue(sku);
            if (!m_bump.exec()) {
                *error = m_bump.lastError().text();
                return false;
            }
            ++row.version;
        }
        Mutation m;
        m.sku = sku;
        m.availableAfter = row.available;
        m.committedAfter = row.committed;
        m.version = row.version;
        m.kind = MutationKind::Buffer;
        m.channel = channel;
        m.actor = m_actor;
        m.reason = reason;
        m.atMs = m_nowMs;
        m.pausedAfter = row.paused;
        if (!m_log.append(m)) {
            *error = m_log.lastError();
            return false;
        }
        if (written)
            written->append(m);
        return true;
    }

private:
    MutationLog m_log;
    QSqlQuery m_bump;
    QString m_actor;
    qint64 m_nowMs;
};

} // namespace

Result<QList<ListingBuffer>> BufferStore::overrides(const QString &channel,
                                                    const QString &sku) const
{
    QString sql = u"SELECT channel, sku, reserve, percent, max, pause_at FROM listing_buffers "
                  "WHERE 1 = 1"_s;
    QVariantList binds;
    if (!channel.isEmpty()) {
        sql += u" AND channel = ?"_s;
        binds.append(channel);
    }
    if (!sku.isEmpty()) {
        sql += u" AND sku = ?"_s;
        binds.append(sku);
    }
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql + u" ORDER BY channel, sku"_s);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return Error {q.lastError().text()};
    QList<ListingBuffer> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), overrideFrom(q, 2)});
    return out;
}

Result<QHash<QString, BufferOverride>> BufferStore::channelRules() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT channel, reserve, percent, max, pause_at FROM channel_buffers"_s))
        return Error {q.lastError().text()};
    QHash<QString, BufferOverride> out;
    while (q.next())
        out.insert(q.value(0).toString(), overrideFrom(q, 1));
    return out;
}

BufferStore::SendInputs BufferStore::SkuInputs::forChannel(const QString &channel) const
{
    SendInputs in;
    in.safetyBuffer = safetyBuffer;
    for (const auto &[name, buffer] : overrides) {
        if (name == channel)
            in.buffer = buffer;
    }
    return in;
}

Result<std::optional<BufferStore::SkuInputs>> BufferStore::skuInputs(const QString &sku) const
{
    // On the propagators' path: one prepared statement per connection, -1 standing for NULL
    // (every stored value is 0 or more), '' for no override.
    Statement *q = m_db.statement(
        u"SELECT s.safety_buffer, COALESCE(b.channel, ''), COALESCE(b.reserve, -1), "
        "COALESCE(b.percent, -1), COALESCE(b.max, -1), COALESCE(b.pause_at, -1) FROM stock s "
        "LEFT JOIN listing_buffers b ON b.sku = s.sku WHERE s.sku = ?"_s);
    if (!q)
        return Error {m_db.lastError()};
    const auto field = [q](int column) {
        const qint64 v = q->int64(column);
        return v < 0 ? std::nullopt : std::optional<qint64>(v);
    };
    q->bind(0, sku);
    if (!q->exec())
        return Error {q->lastError()};
    std::optional<SkuInputs> out;
    while (q->next()) {
        if (!out)
            out = SkuInputs {q->int64(0), {}};
        const QString channel = q->text(1);
        if (channel.isEmpty())
            continue;
        BufferOverride b;
        b.reserve = field(2);
        if (const auto percent = field(3))
            b.percent = int(*percent);
        b.max = field(4);
        b.pauseAt = field(5);
        out->overrides.append({channel, b});
    }
    // A step that failed ends the rows too: what was read is not the whole answer (the hub
    // would keep it).
    const QString failed = q->lastError();
    q->finish();
    if (!failed.isEmpty())
        return Error {failed};
    return out;
}

Result<BufferStore::Applied> BufferStore::setOverrides(const QList<ListingBuffer> &rows,
                                                       const BufferRules &rules,
                                                       const QString &actor, const QString &reason,
                                                       qint64 nowMs)
{
    if (!m_db.beginWrite())
        return Error {m_db.lastError()};
    QSqlQuery stock(m_db.connection());
    stock.setForwardOnly(true);
    stock.prepare(u"SELECT available, committed, safety_buffer, version, paused FROM stock "
                  "WHERE sku = ?"_s);
    QSqlQuery current(m_db.connection());
    current.setForwardOnly(true);
    current.prepare(u"SELECT reserve, percent, max, pause_at FROM listing_buffers "
                    "WHERE channel = ? AND sku = ?"_s);
    QSqlQuery listed(m_db.connection());
    listed.setForwardOnly(true);
    listed.prepare(u"SELECT 1 FROM listings WHERE channel = ? AND sku = ?"_s);
    QSqlQuery upsert(m_db.connection());
    upsert.prepare(u"INSERT INTO listing_buffers (channel, sku, reserve, percent, max, pause_at, "
                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel, sku) DO UPDATE "
                   "SET reserve = excluded.reserve, percent = excluded.percent, "
                   "max = excluded.max, pause_at = excluded.pause_at, "
                   "updated_at = excluded.updated_at"_s);
    QSqlQuery remove(m_db.connection());
    remove.prepare(u"DELETE FROM listing_buffers WHERE channel = ? AND sku = ?"_s);
    RuleChangeWriter writer(m_db, actor, nowMs);

    QHash<QString, StockRow> rowsBySku; // as this transaction changed them
    Applied applied;
    for (const ListingBuffer &row : rows) {
        if (!rules.hasChannel(row.channel)) {
            m_db.rollback();
            return Error {u"unknown channel \"%1\" (not in the config)"_s.arg(row.channel)};
        }
        auto it = rowsBySku.find(row.sku);
        if (it == rowsBySku.end()) {
            stock.addBindValue(row.sku);
            if (!stock.exec())
                return failed(m_db, stock);
            if (!stock.next()) {
                m_db.rollback();
                return Error {u"unknown SKU \"%1\" (import stock first)"_s.arg(row.sku)};
            }
            it = rowsBySku.insert(row.sku,
                                  {stock.value(0).toLongLong(), stock.value(1).toLongLong(),
                                   stock.value(2).toLongLong(), stock.value(3).toLongLong(),
                                   stock.value(4).toInt() != 0});
            stock.finish();
        }
        current.addBindValue(row.channel);
        current.addBindValue(row.sku);
        if (!current.exec())
            return failed(m_db, current);
        const BufferOverride before = current.next() ? overrideFrom(current, 0) : BufferOverride();
        current.finish();
        if (before == row.buffer)
            continue;

        QSqlQuery &write = row.buffer.isEmpty() ? remove : upsert;
        write.addBindValue(row.channel);
        write.addBindValue(row.sku);
        if (!row.buffer.isEmpty()) {
            bindOverride(write, row.buffer);
            write.addBindValue(nowMs);
        }
        if (!write.exec())
            return failed(m_db, write);

        const BufferOverride channel = rules.channel(row.channel);
        const ShownQuantity was =
            shownQuantity(resolveBufferRule(before, channel), it->available, it->safetyBuffer);
        const ShownQuantity now =
            shownQuantity(resolveBufferRule(row.buffer, channel), it->available, it->safetyBuffer);
        bool resend = false;
        if (was != now) {
            listed.addBindValue(row.channel);
            listed.addBindValue(row.sku);
            if (!listed.exec())
                return failed(m_db, listed);
            resend = listed.next();
            listed.finish();
        }
        QString text = u"%1 (was %2)"_s.arg(bufferText(row.buffer), bufferText(before));
        if (!reason.isEmpty())
            text = reason + u": "_s + text;
        if (was != now)
            text += u"; shows %1 instead of %2"_s.arg(shownText(now), shownText(was));
        QString error;
        if (!writer.write(row.channel, row.sku, *it, resend, text, &error, &applied.mutations)) {
            m_db.rollback();
            return Error {error};
        }
        ++applied.changed;
        applied.resent += resend ? 1 : 0;
    }
    if (!m_db.commit())
        return Error {m_db.lastError()};
    return applied;
}

Result<int> BufferStore::applyChannelRules(const BufferRules &rules, const QString &actor,
                                           qint64 nowMs)
{
    if (!m_db.beginWrite())
        return Error {m_db.lastError()};
    const auto stored = channelRules();
    if (!stored) {
        m_db.rollback();
        return Error {stored.error()};
    }
    const QHash<QString, BufferOverride> &sent = *stored;

    QSqlQuery listings(m_db.connection());
    listings.setForwardOnly(true);
    listings.prepare(
        u"SELECT l.sku, s.available, s.committed, s.safety_buffer, s.version, s.paused, "
        "b.reserve, b.percent, b.max, b.pause_at FROM listings l JOIN stock s ON s.sku = l.sku "
        "LEFT JOIN listing_buffers b ON b.channel = l.channel AND b.sku = l.sku "
        "WHERE l.channel = ? ORDER BY l.sku"_s);
    QSqlQuery record(m_db.connection());
    record.prepare(u"INSERT INTO channel_buffers (channel, reserve, percent, max, pause_at, "
                   "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel) DO UPDATE SET "
                   "reserve = excluded.reserve, percent = excluded.percent, max = excluded.max, "
                   "pause_at = excluded.pause_at, updated_at = excluded.updated_at"_s);
    RuleChangeWriter writer(m_db, actor, nowMs);
    QHash<QString, StockRow> rowsBySku; // SKUs re-sent for an earlier channel
    int resent = 0;
    QStringList channels = rules.channels();
    channels.sort();
    for (const QString &channel : std::as_const(channels)) {
        const BufferOverride now = rules.channel(channel);
        const BufferOverride before = sent.value(channel);
        if (before == now)
            continue; // (a new channel with the defaults has nothing to record either)
        struct Change
        {
            QString sku;
            StockRow row;
            ShownQuantity was, now;
        };
        QList<Change> changes;
        listings.addBindValue(channel);
        if (!listings.exec())
            return failed(m_db, listings);
        while (listings.next()) {
            const QString sku = listings.value(0).toString();
            StockRow row {listings.value(1).toLongLong(), listings.value(2).toLongLong(),
                          listings.value(3).toLongLong(), listings.value(4).toLongLong(),
                          listings.value(5).toInt() != 0};
            const BufferOverride listing = overrideFrom(listings, 6);
            const ShownQuantity was =
                shownQuantity(resolveBufferRule(listing, before), row.available, row.safetyBuffer);
            const ShownQuantity is =
                shownQuantity(resolveBufferRule(listing, now), row.available, row.safetyBuffer);
            if (was != is)
                changes.append({sku, rowsBySku.value(sku, row), was, is});
        }
        listings.finish();
        for (Change &c : changes) {
            const QString text = u"%1's rule: %2 (was %3); shows %4 instead of %5"_s.arg(
                channel, bufferText(now), bufferText(before), shownText(c.now), shownText(c.was));
            QString error;
            if (!writer.write(channel, c.sku, c.row, true, text, &error)) {
                m_db.rollback();
                return Error {error};
            }
            rowsBySku.insert(c.sku, c.row);
            ++resent;
        }
        record.addBindValue(channel);
        bindOverride(record, now);
        record.addBindValue(nowMs);
        if (!record.exec())
            return failed(m_db, record);
    }
    if (!m_db.commit())
        return Error {m_db.lastError()};
    return resent;
}

} // namespace ChannelDesk
