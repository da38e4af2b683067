#pragma once

// The two kinds of Statement; only store/ sees them.
#include "statement.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

namespace ChannelDesk {

class SqliteStatement final : public Statement
{
public:
    // Null and *error set when sql does not compile.
    static std::unique_ptr<SqliteStatement> prepare(sqlite3 *db, const QString &sql,
                                                    QString *error);
    ~SqliteStatement() override;

    void bind(int index, qint64 value) override;
    void bind(int index, const QString &text) override;
    void bind(int index, QString &&text) override;
    void bindNull(int index) override;
    bool exec() override;
    bool next() override;
    qint64 int64(int column) const override;
    QString text(int column) const override;
    void finish() override;
    qint64 rowsAffected() const override { return m_changes; }
    qint64 lastInsertId() const override { return m_lastInsertId; }
    QString lastError() const override { return m_error; }

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt)
        : m_db(db)
        , m_stmt(stmt)
    {
    }

    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
    bool m_pendingRow = false;
    qint64 m_changes = 0;
    qint64 m_lastInsertId = 0;
    QString m_error;
};

class QueryStatement final : public Statement
{
public:
    QueryStatement(QSqlDatabase db, const QString &sql, QString *error);

    void bind(int index, qint64 value) override;
    void bind(int index, const QString &text) override;
    void bind(int index, QString &&text) override;
    void bindNull(int index) override;
    bool exec() override;
    bool next() override;
    qint64 int64(int column) const override;
    QString text(int column) const override;
    void finish() override;
    qint64 rowsAffected() const override;
    qint64 lastInsertId() const override;
    QString lastError() const override;

private:
    QSqlQuery m_query;
};

} // namespace ChannelDesk
