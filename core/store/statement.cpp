#include "statement_p.h"
#include "storelog.h"

#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

// ---- SQLite ----------------------------------------------------------------------------------

std::unique_ptr<SqliteStatement> SqliteStatement::prepare(sqlite3 *db, const QString &sql,
                                                          QString *error)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(stmt);
        return nullptr;
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(db, stmt));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index + 1, value);
}

void SqliteStatement::bind(int index, const QString &text)
{
    // QString().utf16() is "", never null, so a null QString binds as '' (the columns are NOT
    // NULL), as the QSqlQuery path does through text().
    sqlite3_bind_text16(m_stmt, index + 1, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, QString &&text)
{
    sqlite3_bind_text16(m_stmt, index + 1, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index + 1);
}

bool SqliteStatement::exec()
{
    m_pendingRow = false;
    m_error.clear();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_pendingRow = true;
        return true;
    }
    if (rc == SQLITE_DONE) {
        m_changes = sqlite3_changes64(m_db);
        m_lastInsertId = sqlite3_last_insert_rowid(m_db);
        finish();
        return true;
    }
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    finish();
    return false;
}

bool SqliteStatement::next()
{
    if (m_pendingRow) {
        m_pendingRow = false;
        return true;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    finish();
    return false;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const void *data = sqlite3_column_text16(m_stmt, column);
    const int bytes = sqlite3_column_bytes16(m_stmt, column);
    return data ? QString(static_cast<const QChar *>(data), bytes / 2) : QString();
}

void SqliteStatement::finish()
{
    m_pendingRow = false;
    sqlite3_reset(m_stmt);
    // Bindings by reference must not outlive the strings they point at.
    sqlite3_clear_bindings(m_stmt);
}

// ---- QSqlQuery -------------------------------------------------------------------------------

QueryStatement::QueryStatement(QSqlDatabase db, const QString &sql, QString *error)
    : m_query(db)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        *error = m_query.lastError().text();
}

void QueryStatement::bind(int index, qint64 value)
{
    m_query.bindValue(index, value);
}

void QueryStatement::bind(int index, const QString &text)
{
    m_query.bindValue(index, text.isNull() ? u""_s : text);
}

void QueryStatement::bind(int index, QString &&text)
{
    m_query.bindValue(index, text.isNull() ? u""_s : text);
}

void QueryStatement::bindNull(int index)
{
    m_query.bindValue(index, QVariant(QMetaType::fromType<qint64>()));
}

bool QueryStatement::exec()
{
    return m_query.exec();
}

bool QueryStatement::next()
{
    return m_query.next();
}

qint64 QueryStatement::int64(int column) const
{
    return m_query.value(column).toLongLong();
}

QString QueryStatement::text(int column) const
{
    return m_query.value(column).toString();
}

void QueryStatement::finish()
{
    m_query.finish();
}

qint64 QueryStatement::rowsAffected() const
{
    return m_query.numRowsAffected();
}

qint64 QueryStatement::lastInsertId() const
{
    return m_query.lastInsertId().toLongLong();
}

QString QueryStatement::lastError() const
{
    return m_query.lastError().text();
}

} // namespace ChannelDesk
