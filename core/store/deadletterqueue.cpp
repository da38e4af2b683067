#include "deadletterqueue.h"

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

    QSqlQuery h(m_db.connection());
    h.prepare(u"SELECT history FROM dead_letters WHERE channel = ? AND sku = ?"_s);
    h.addBindValue(channel);
    h.addBindValue(sku);
    if (!h.exec())
        return queryError(h, "cannot dead-letter a listing:");
    const bool exists = h.next();
    QJsonArray history =
        exists ? QJsonDocument::fromJson(h.value(0).toString().toUtf8()).array() : QJsonArray();
    h.finish();
    history.append(QJsonObject {{u"at"_s, f.atMs},
                                {u"version"_s, f.version},
                                {u"attempts"_s, f.attempts},
                                {u"kind"_s, f.kind},
                                {u"http_status"_s, f.httpStatus},
                                {u"code"_s, f.code},
                                {u"message"_s, f.message}});
    const QString historyText =
        QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact));

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
    w.addBindValue(historyText);
    w.addBindValue(f.atMs);
    w.addBindValue(channel);
    w.addBindValue(sku);
    if (!exists)
        w.addBindValue(f.atMs);
    if (!w.exec())
        return queryError(w, "cannot dead-letter a listing:");
    return tx.commit();
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

Result<int> DeadLetterQueue::retry(const Selector &selector, const QString &actor, qint64 nowMs)
{
    return change(selector, Action::Retry, actor, QString(), nowMs);
}

Result<int> DeadLetterQueue::discard(const Selector &selector, const QString &actor,
                                     const QString &reason, qint64 nowMs)
{
    return change(selector, Action::Discard, actor, reason, nowMs);
}

Result<int> DeadLetterQueue::change(const Selector &selector, Action action, const QString &actor,
                                    const QString &reason, qint64 nowMs)
{
    const bool discard = action == Action::Discard;
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QVariantList binds;
    QSqlQuery pick(m_db.connection());
    pick.setForwardOnly(true);
    pick.prepare(u"SELECT d.channel, d.sku, s.available, s.version, s.committed "
                 "FROM dead_letters d "
                 "JOIN listings l ON l.channel = d.channel AND l.sku = d.sku "
                 "LEFT JOIN stock s ON s.sku = d.sku WHERE l.state = 'dead'"_s +
                 selectorSql(selector, &binds));
    for (const QVariant &b : std::as_const(binds))
        pick.addBindValue(b);
    if (!pick.exec())
        return queryError(pick, "cannot pick dead letters:");
    struct Picked
    {
        QString channel, sku;
        qint64 available, version, committed;
    };
    QList<Picked> picked;
    while (pick.next()) {
        picked.append({pick.value(0).toString(), pick.value(1).toString(),
                       pick.value(2).toLongLong(), pick.value(3).toLongLong(),
                       pick.value(4).toLongLong()});
    }
    pick.finish();

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
    for (const Picked &p : std::as_const(picked)) {
        if (discard) {
            listing.addBindValue(QString(u"discarded: "_s + reason));
        } else {
            listing.addBindValue(nowMs);
            listing.addBindValue(QString(u"retry requested by "_s + actor));
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
        }
        Mutation m;
        m.sku = p.sku;
        m.availableAfter = p.available;
        m.committedAfter = p.committed;
        m.version = p.version;
        m.kind = discard ? MutationKind::DeadLetterDiscard : MutationKind::DeadLetterRetry;
        m.channel = p.channel;
        m.actor = nonNull(actor);
        m.reason = discard ? nonNull(reason) : u"sent again with the current quantity"_s;
        m.atMs = nowMs;
        if (!log.append(m))
            return Error {log.lastError()};
    }
    if (const Status done = tx.commit(); !done)
        return Error {done.error()};
    return int(picked.size());
}

} // namespace ChannelDesk
