#include "deadletterqueue.h"

#include "attemptlog.h"
#include "database.h"
#include "domain/mutation.h"
#include "mutationlog.h"
#include "writetransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

QString selectorSql(const DeadLetterQueue::Selector &s, QVariantList *binds)
{
    QString sql;
    if (!s.channel.isEmpty()) {
        sql += u" AND d.channel = ?"_s;
        binds->append(s.channel);
    }
    if (!s.sku.isEmpty()) {
        sql += u" AND d.sku = ?"_s;
        binds->append(s.sku);
    }
    return sql;
}

QJsonArray historyFrom(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QString historyText(QJsonArray history, const QJsonObject &entry)
{
    history.append(entry);
    while (history.size() > DeadLetterQueue::kHistoryLimit)
        history.removeFirst();
    return QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact));
}

QString eventName(DeadLetterQueue::Event::Kind kind)
{
    switch (kind) {
    case DeadLetterQueue::Event::Rearmed:
        return u"rearmed"_s;
    case DeadLetterQueue::Event::Retried:
        return u"retried"_s;
    case DeadLetterQueue::Event::Redriven:
        return u"redriven"_s;
    }
    return {};
}

// What a letter whose listing is being sent again shows: the newest event of its history.
QString sendingState(const QJsonArray &history)
{
    for (qsizetype i = history.size() - 1; i >= 0; --i) {
        const QString event = history.at(i).toObject().value("event"_L1).toString();
        if (event == "rearmed"_L1 || event == "redriven"_L1)
            return event;
        if (!event.isEmpty())
            break;
    }
    return u"retrying"_s;
}

int redriveCount(const QJsonArray &history)
{
    int n = 0;
    for (const QJsonValue &entry : history)
        n += entry.toObject().value("event"_L1).toString() == "redriven"_L1 ? 1 : 0;
    return n;
}

DeadLetter letterFrom(const QSqlQuery &q)
{
    DeadLetter d;
    d.channel = q.value(0).toString();
    d.sku = q.value(1).toString();
    d.version = q.value(2).toLongLong();
    d.attempts = q.value(3).toInt();
    d.errorKind = q.value(4).toString();
    d.lastError = q.value(5).toString();
    d.request = q.value(6).toString();
    d.response = q.value(7).toString();
    d.history = q.value(8).toString();
    d.firstFailedAtMs = q.value(9).toLongLong();
    d.lastFailedAtMs = q.value(10).toLongLong();
    d.retrying = q.value(11).toString() != "dead"_L1;
    const QJsonArray history = historyFrom(d.history);
    d.state = d.retrying ? sendingState(history) : u"dead"_s;
    for (qsizetype i = history.size() - 1; i >= 0; --i) {
        const QJsonObject entry = history.at(i).toObject();
        if (entry.contains("event"_L1))
            continue;
        d.httpStatus = entry.value("http_status"_L1).toInt();
        d.code = entry.value("code"_L1).toString();
        break;
    }
    return d;
}
} // namespace

Status DeadLetterQueue::deadLetter(const QString &channel, const QString &sku, const Failure &f)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE listings SET state = 'dead', attempts = ?, next_attempt_at = NULL, "
              "last_error = ? WHERE channel = ? AND sku = ?"_s);
    q.addBindValue(f.attempts);
    q.addBindValue(nonNull(f.message));
    q.addBindValue(channel);
    q.addBindValue(sku);
    if (!q.exec())
        return queryError(q, "cannot dead-letter a listing:");

    const auto history = historyOf(channel, sku);
    if (!history)
        return Error {history.error()};
    const bool exists = history->has_value();
    const QString text = historyText(history->value_or(QJsonArray()),
                                     QJsonObject {{u"at"_s, f.atMs},
                                                  {u"version"_s, f.version},
                                                  {u"attempts"_s, f.attempts},
                                                  {u"kind"_s, f.kind},
                                                  {u"http_status"_s, f.httpStatus},
                                                  {u"code"_s, f.code},
                                                  {u"message"_s, f.message}});

    QSqlQuery w(m_db.connection());
    if (exists) {
        w.prepare(u"UPDATE dead_letters SET version = ?, attempts = ?, error_kind = ?, "
                  "last_error = ?, request = ?, response = ?, history = ?, last_failed_at = ? "
                  "WHERE channel = ? AND sku = ?"_s);
    } else {
        w.prepare(u"INSERT INTO dead_letters (version, attempts, error_kind, last_error, request, "
                  "response, history, last_failed_at, channel, sku, first_failed_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    }
    w.addBindValue(f.version);
    w.addBindValue(f.attempts);
    w.addBindValue(nonNull(f.kind));
    w.addBindValue(nonNull(f.message));
    w.addBindValue(nonNull(f.request));
    w.addBindValue(nonNull(f.response));
    w.addBindValue(text);
    w.addBindValue(f.atMs);
    w.addBindValue(channel);
    w.addBindValue(sku);
    if (!exists)
        w.addBindValue(f.atMs);
    if (!w.exec())
        return queryError(w, "cannot dead-letter a listing:");
    m_db.noteChange(Database::Change::Listings);
    return tx.commit();
}

Status DeadLetterQueue::noteEvent(const QString &channel, const QString &sku, const Event &event)
{
    Q_ASSERT(m_db.inTransaction());
    const auto history = historyOf(channel, sku);
    if (!history)
        return Error {history.error()};
    if (!*history)
        return {};
    QJsonObject entry {
        {u"at"_s, event.atMs}, {u"event"_s, eventName(event.kind)}, {u"version"_s, event.version}};
    if (!event.actor.isEmpty())
        entry.insert(u"actor"_s, event.actor);
    const QString text = historyText(**history, entry);
    QSqlQuery w(m_db.connection());
    w.prepare(u"UPDATE dead_letters SET history = ? WHERE channel = ? AND sku = ?"_s);
    w.addBindValue(text);
    w.addBindValue(channel);
    w.addBindValue(sku);
    if (!w.exec())
        return queryError(w, "cannot note a dead letter's event:");
    return {};
}

Result<std::optional<QJsonArray>> DeadLetterQueue::historyOf(const QString &channel,
                                                             const QString &sku) const
{
    QSqlQuery h(m_db.connection());
    h.prepare(u"SELECT history FROM dead_letters WHERE channel = ? AND sku = ?"_s);
    h.addBindValue(channel);
    h.addBindValue(sku);
    if (!h.exec())
        return queryError(h, "cannot read a dead letter:");
    if (!h.next())
        return std::optional<QJsonArray>();
    return std::optional<QJsonArray>(historyFrom(h.value(0).toString()));
}

Result<QList<DeadLetter>> DeadLetterQueue::deadLetters(const Selector &selector) const
{
    QVariantList binds;
    const QString sql = u"SELECT d.channel, d.sku, d.version, d.attempts, d.error_kind, "
                        "d.last_error, d.request, d.response, d.history, d.first_failed_at, "
                        "d.last_failed_at, l.state FROM dead_letters d LEFT JOIN listings l "
                        "ON l.channel = d.channel AND l.sku = d.sku WHERE 1 = 1"_s +
        selectorSql(selector, &binds) + u" ORDER BY d.last_failed_at, d.channel, d.sku"_s;
    return selectRows(m_db, sql, binds, letterFrom, "cannot read the dead-letter queue:");
}

Result<QList<DeadLetterQueue::Candidate>>
DeadLetterQueue::candidates(const Selector &selector) const
{
    QVariantList binds;
    QSqlQuery pick(m_db.connection());
    pick.setForwardOnly(true);
    pick.prepare(u"SELECT d.channel, d.sku, d.error_kind, d.history, s.available, s.version, "
                 "s.committed FROM dead_letters d "
                 "JOIN listings l ON l.channel = d.channel AND l.sku = d.sku "
                 "LEFT JOIN stock s ON s.sku = d.sku WHERE l.state = 'dead'"_s +
                 selectorSql(selector, &binds) +
                 u" ORDER BY d.first_failed_at, d.channel, d.sku"_s);
    for (const QVariant &b : std::as_const(binds))
        pick.addBindValue(b);
    if (!pick.exec())
        return queryError(pick, "cannot pick dead letters:");
    QList<Candidate> out;
    while (pick.next()) {
        out.append({pick.value(0).toString(), pick.value(1).toString(), pick.value(2).toString(),
                    pick.value(3).toString(), pick.value(4).toLongLong(),
                    pick.value(5).toLongLong(), pick.value(6).toLongLong()});
    }
    return out;
}

Result<int> DeadLetterQueue::redrivable(const QString &channel) const
{
    const auto found = candidates({channel, {}});
    if (!found)
        return Error {found.error()};
    return int(std::count_if(found->cbegin(), found->cend(), [](const Candidate &c) {
        return isRetryableKind(c.kind) && redriveCount(historyFrom(c.history)) < kMaxRedrives;
    }));
}

Result<std::optional<QString>> DeadLetterQueue::oldestRedrivable(const QString &channel) const
{
    const auto found = candidates({channel, {}});
    if (!found)
        return Error {found.error()};
    for (const Candidate &c : *found) {
        if (isRetryableKind(c.kind) && redriveCount(historyFrom(c.history)) < kMaxRedrives)
            return std::optional<QString>(c.sku);
    }
    return std::optional<QString>();
}

Result<int> DeadLetterQueue::retry(const Selector &selector, const QString &actor, qint64 nowMs)
{
    return change(selector, Action::Retry, actor, QString(), nowMs);
}

Result<int> DeadLetterQueue::discard(const Selector &selector, const QString &actor,
                                     const QString &reason, qint64 nowMs)
{
    return change(selector, Action::Discard, actor, reason, nowMs);
}

Result<int> DeadLetterQueue::redrive(const QString &channel, const QString &actor, qint64 nowMs)
{
    return change({channel, {}}, Action::Redrive, actor, QString(), nowMs);
}

Result<int> DeadLetterQueue::change(const Selector &selector, Action action, const QString &actor,
                                    const QString &reason, qint64 nowMs)
{
    const bool discard = action == Action::Discard;
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto found = candidates(selector);
    if (!found)
        return Error {found.error()};
    QList<Candidate> picked = std::move(*found);
    if (action == Action::Redrive) {
        picked.removeIf([](const Candidate &c) {
            return !isRetryableKind(c.kind) || redriveCount(historyFrom(c.history)) >= kMaxRedrives;
        });
    }

    QSqlQuery listing(m_db.connection());
    listing.prepare(discard ? u"UPDATE listings SET state = 'in_sync', attempts = 0, "
                              "next_attempt_at = NULL, last_error = ? "
                              "WHERE channel = ? AND sku = ?"_s
                            : u"UPDATE listings SET state = 'retrying', attempts = 0, "
                              "next_attempt_at = ?, last_error = ? "
                              "WHERE channel = ? AND sku = ?"_s);
    QSqlQuery drop(m_db.connection());
    drop.prepare(u"DELETE FROM dead_letters WHERE channel = ? AND sku = ?"_s);
    MutationLog log(m_db);
    for (const Candidate &p : std::as_const(picked)) {
        if (discard) {
            listing.addBindValue(QString(u"discarded: "_s + reason));
        } else {
            listing.addBindValue(nowMs);
            listing.addBindValue(action == Action::Redrive
                                     ? u"sent again: the channel answers again"_s
                                     : QString(u"retry requested by "_s + actor));
        }
        listing.addBindValue(p.channel);
        listing.addBindValue(p.sku);
        if (!listing.exec())
            return queryError(listing, "cannot change a dead letter:");
        if (discard) {
            drop.addBindValue(p.channel);
            drop.addBindValue(p.sku);
            if (!drop.exec())
                return queryError(drop, "cannot discard a dead letter:");
            if (const Status forgot = AttemptLog(m_db).forget(p.channel, p.sku); !forgot)
                return Error {forgot.error()};
        } else {
            const Event event {action == Action::Redrive ? Event::Redriven : Event::Retried,
                               p.version, nowMs, nonNull(actor)};
            if (const Status noted = noteEvent(p.channel, p.sku, event); !noted)
                return Error {noted.error()};
        }
        Mutation m;
        m.sku = p.sku;
        m.availableAfter = p.available;
        m.committedAfter = p.committed;
        m.version = p.version;
        m.kind = discard ? MutationKind::DeadLetterDiscard : MutationKind::DeadLetterRetry;
        m.channel = p.channel;
        m.actor = nonNull(actor);
        m.reason = discard              ? nonNull(reason)
            : action == Action::Redrive ? u"the channel answers again: sent again with the "
                                          "current quantity"_s
                                        : u"sent again with the current quantity"_s;
        m.atMs = nowMs;
        if (!log.append(m))
            return Error {log.lastError()};
    }
    m_db.noteChange(Database::Change::Listings);
    if (const Status done = tx.commit(); !done)
        return Error {done.error()};
    return int(picked.size());
}

} // namespace ChannelDesk
