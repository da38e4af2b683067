#include "attemptlog.h"

#include "database.h"
#include "statement.h"
#include "writetransaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

QString AttemptLog::keptBody(const QString &body)
{
    if (body.size() <= kMaxBodyChars)
        return nonNull(body);
    return body.left(kMaxBodyChars) +
        u"\n… (cut: %1 characters in all)"_s.arg(QString::number(body.size()));
}

Status AttemptLog::record(const QList<Entry> &entries)
{
    if (entries.isEmpty())
        return {};
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO listing_attempts (channel, sku, at, version, attempt, kind, "
              "http_status, code, message, request, response) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    // The listing's older attempts beyond the newest kKeepPerListing.
    QSqlQuery trim(m_db.connection());
    trim.prepare(u"DELETE FROM listing_attempts WHERE channel = ? AND sku = ? AND id <= "
                 "(SELECT id FROM listing_attempts WHERE channel = ? AND sku = ? "
                 "ORDER BY id DESC LIMIT 1 OFFSET ?)"_s);
    for (const Entry &e : entries) {
        const ListingAttempt &a = e.attempt;
        q.addBindValue(e.channel);
        q.addBindValue(e.sku);
        q.addBindValue(a.atMs);
        q.addBindValue(a.version);
        q.addBindValue(a.attempt);
        q.addBindValue(nonNull(a.kind));
        q.addBindValue(a.httpStatus);
        q.addBindValue(nonNull(a.code));
        q.addBindValue(nonNull(a.message).left(kMaxBodyChars));
        q.addBindValue(keptBody(a.request));
        q.addBindValue(keptBody(a.response));
        if (!q.exec())
            return queryError(q, "cannot record a failed attempt:");
        trim.addBindValue(e.channel);
        trim.addBindValue(e.sku);
        trim.addBindValue(e.channel);
        trim.addBindValue(e.sku);
        trim.addBindValue(kKeepPerListing);
        if (!trim.exec())
            return queryError(trim, "cannot trim a listing's attempts:");
    }
    return tx.commit();
}

Result<QList<ListingAttempt>> AttemptLog::attempts(const QString &channel, const QString &sku) const
{
    return selectRows(
        m_db,
        u"SELECT at, version, attempt, kind, http_status, code, message, request, response "
        "FROM listing_attempts WHERE channel = ? AND sku = ? ORDER BY id"_s,
        {channel, sku},
        +[](const QSqlQuery &q) {
            ListingAttempt a;
            a.atMs = q.value(0).toLongLong();
            a.version = q.value(1).toLongLong();
            a.attempt = q.value(2).toInt();
            a.kind = q.value(3).toString();
            a.httpStatus = q.value(4).toInt();
            a.code = q.value(5).toString();
            a.message = q.value(6).toString();
            a.request = q.value(7).toString();
            a.response = q.value(8).toString();
            return a;
        },
        "cannot read a listing's attempts:");
}

Status AttemptLog::forget(const QString &channel, const QString &sku)
{
    // Prepared once per connection: every acknowledged listing runs it.
    Statement *q = m_db.statement(u"DELETE FROM listing_attempts WHERE channel = ? AND sku = ?"_s);
    if (!q)
        return Error {m_db.lastError()};
    q->bind(0, channel);
    q->bind(1, sku);
    if (!q->exec())
        return Error {u"cannot drop a listing's attempts: "_s + q->lastError()};
    return {};
}

} // namespace ChannelDesk
