// The dead-letter side of ListingStore: parking a listing that could not be delivered, reading
// the queue, and a person's retry or discard (audited through the mutation log).
#include "listingstore.h"
#include "listingstore_p.h"
#include "mutationlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

using namespace ListingStorePrivate;

bool ListingStore::deadLetter(const QString &channel, const QString &sku, const Failure &f,
                              QString *error)
{
    if (!m_db.beginWrite()) {
        *error = m_db.lastError();
        return false;
    }
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE listings SET state = 'dead', attempts = ?, next_attempt_at = NULL, "
              "last_error = ? WHERE channel = ? AND sku = ?"_s);
    q.addBindValue(f.attempts);
    q.addBindValue(nonNull(f.message));
    q.addBindValue(channel);
    q.addBindValue(sku);
    if (!q.exec())
        return fail(m_db, q, error);

    QSqlQuery h(m_db.connection());
    h.prepare(u"SELECT history FROM dead_letters WHERE channel = ? AND sku = ?"_s);
    h.addBindValue(channel);
    h.addBindValue(sku);
    if (!h.exec())
        return fail(m_db, h, error);
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
        return fail(m_db, w, error);
    if (!m_db.commit()) {
        *error = m_db.lastError();
        return false;
    }
    return true;
}

namespace {
QString selectorSql(const ListingStore::Selector &s, const QString &prefix, QVariantList *binds)
{
    QString sql;
    if (!s.channel.isEmpty()) {
        sql += QStringLiteral(" AND ") + prefix + QStringLiteral("channel = ?");
        binds->append(s.channel);
    }
    if (!s.sku.isEmpty()) {
        sql += QStringLiteral(" AND ") + prefix + QStringLiteral("sku = ?");
        binds->append(s.sku);
    }
    return sql;
}
} // namespace

bool ListingStore::deadLetters(const Selector &selector, QList<DeadLetter> *out,
                               QString *error) const
{
    QVariantList binds;
    const QString sql =
        QStringLiteral("SELECT d.channel, d.sku, d.version, d.attempts, d.error_kind, "
                       "d.last_error, d.request, d.response, d.history, d.first_failed_at, "
                       "d.last_failed_at, l.state FROM dead_letters d LEFT JOIN listings l "
                       "ON l.channel = d.channel AND l.sku = d.sku WHERE 1 = 1") +
        selectorSql(selector, QStringLiteral("d."), &binds) +
        QStringLiteral(" ORDER BY d.last_failed_at, d.channel, d.sku");
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
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
        d.retrying = q.value(11).toString() != QLatin1StringView("dead");
        out->append(d);
    }
    return true;
}

int ListingStore::retryDeadLetters(const Selector &selector, const QString &actor, qint64 nowMs,
                                   QString *error)
{
    return changeDeadLetters(selector, false, actor, QString(), nowMs, error);
}

int ListingStore::discardDeadLetters(const Selector &selector, const QString &actor,
                                     const QString &reason, qint64 nowMs, QString *error)
{
    return changeDeadLetters(selector, true, actor, reason, nowMs, error);
}

int ListingStore::changeDeadLetters(const Selector &selector, bool discard, const QString &actor,
                                    const QString &reason, qint64 nowMs, QString *error)
{
    if (!m_db.beginWrite()) {
        *error = m_db.lastError();
        return -1;
    }
    QVariantList binds;
    QSqlQuery pick(m_db.connection());
    pick.setForwardOnly(true);
    pick.prepare(QStringLiteral("SELECT d.channel, d.sku, s.available, s.version, s.committed "
                                "FROM dead_letters d "
                                "JOIN listings l ON l.channel = d.channel AND l.sku = d.sku "
                                "LEFT JOIN stock s ON s.sku = d.sku WHERE l.state = 'dead'") +
                 selectorSql(selector, QStringLiteral("d."), &binds));
    for (const QVariant &b : std::as_const(binds))
        pick.addBindValue(b);
    if (!pick.exec())
        return failCount(m_db, pick, error);
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
    listing.prepare(discard
                        ? QStringLiteral("UPDATE listings SET state = 'in_sync', attempts = 0, "
                                         "next_attempt_at = NULL, last_error = ? "
                                         "WHERE channel = ? AND sku = ?")
                        : QStringLiteral("UPDATE listings SET state = 'retrying', attempts = 0, "
                                         "next_attempt_at = ?, last_error = ? "
                                         "WHERE channel = ? AND sku = ?"));
    QSqlQuery drop(m_db.connection());
    drop.prepare(QStringLiteral("DELETE FROM dead_letters WHERE channel = ? AND sku = ?"));
    MutationLog log(m_db);
    for (const Picked &p : std::as_const(picked)) {
        if (discard) {
            listing.addBindValue(QString(QStringLiteral("discarded: ") + reason));
        } else {
            listing.addBindValue(nowMs);
            listing.addBindValue(QString(QStringLiteral("retry requested by ") + actor));
        }
        listing.addBindValue(p.channel);
        listing.addBindValue(p.sku);
        if (!listing.exec())
            return failCount(m_db, listing, error);
        if (discard) {
            drop.addBindValue(p.channel);
            drop.addBindValue(p.sku);
            if (!drop.exec())
                return failCount(m_db, drop, error);
        }
        Mutation m;
        m.sku = p.sku;
        m.availableAfter = p.available;
        m.committedAfter = p.committed;
        m.version = p.version;
        m.kind = discard ? MutationKind::DeadLetterDiscard : MutationKind::DeadLetterRetry;
        m.channel = p.channel;
        m.actor = nonNull(actor);
        m.reason =
            discard ? nonNull(reason) : QStringLiteral("sent again with the current quantity");
        m.atMs = nowMs;
        if (!log.append(m)) {
            *error = log.lastError();
            m_db.rollback();
            return -1;
        }
    }
    if (!m_db.commit()) {
        *error = m_db.lastError();
        return -1;
    }
    return int(picked.size());
}

} // namespace ChannelDesk
