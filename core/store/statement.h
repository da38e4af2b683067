#pragma once

#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace ChannelDesk {

// A prepared statement for the hot paths, bound by position (0-based) with plain integers and
// strings instead of QVariants. On SQLite it is a sqlite3_stmt on the connection's own handle,
// so it runs in the connection's transaction like any QSqlQuery; on PostgreSQL it wraps a
// QSqlQuery. Obtained from Database::statement(), which owns it: on SQLite every statement is
// finalized before the connection closes.
//
// A string bound by const reference is not copied (SQLite reads it in place when the statement
// runs), so it must outlive exec(); a temporary is copied.
class Statement
{
public:
    virtual ~Statement() = default;

    virtual void bind(int index, qint64 value) = 0;
    virtual void bind(int index, const QString &text) = 0;
    virtual void bind(int index, QString &&text) = 0;
    virtual void bindNull(int index) = 0;
    // Runs the statement. A statement without rows is done after this; one with rows is read
    // with next() and, when not read to the end, released with finish().
    virtual bool exec() = 0;
    virtual bool next() = 0;
    virtual qint64 int64(int column) const = 0;
    virtual QString text(int column) const = 0;
    virtual void finish() = 0;
    // For the last exec() of a write statement.
    virtual qint64 rowsAffected() const = 0;
    virtual qint64 lastInsertId() const = 0;
    virtual QString lastError() const = 0;
};

} // namespace ChannelDesk
