#pragma once

#include "store/database.h"
#include "store/storelog.h"
#include "util/result.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// What the stores share around QSqlQuery: one way to report a failed statement, NULL-safe text,
// and a read of every row of a statement.
namespace ChannelDesk {

// A failed statement's error, logged with what the store was doing.
inline Error queryError(const QSqlQuery &q, const char *doing)
{
    const QString text = q.lastError().text();
    qCWarning(lcStore) << doing << text;
    return Error {text.isEmpty() ? QStringLiteral("database error") : text};
}

// SQLite and PostgreSQL store a null QString as NULL; the text columns are NOT NULL.
inline QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// Runs sql with binds (by position) and hands a Row of each result row to take, one at a time
// (a large read is never held whole).
template<typename Row, typename Take>
Status forEachRow(Database &db, const QString &sql, const QVariantList &binds,
                  Row (*rowFrom)(const QSqlQuery &), Take &&take, const char *doing)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return queryError(q, doing);
    while (q.next())
        take(rowFrom(q));
    if (q.lastError().isValid()) // the read stopped early
        return queryError(q, doing);
    return {};
}

// Runs sql with binds (by position) and makes a Row of each result row.
template<typename Row>
Result<QList<Row>> selectRows(Database &db, const QString &sql, const QVariantList &binds,
                              Row (*rowFrom)(const QSqlQuery &), const char *doing)
{
    QList<Row> rows;
    const Status read = forEachRow(
        db, sql, binds, rowFrom, [&rows](Row &&row) { rows.append(std::move(row)); }, doing);
    if (!read)
        return Error {read.error()};
    return rows;
}

} // namespace ChannelDesk
