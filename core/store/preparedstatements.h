#pragma once

#include "store/database.h"
#include "store/statement.h"

#include <QString>

#include <array>
#include <cstddef>

namespace ChannelDesk {

// The hot-path statements one class runs on its connection, by index: each prepared from its SQL
// on first use and kept by the Database (which finalizes them before the connection closes).
template<std::size_t N> class PreparedStatements
{
public:
    explicit PreparedStatements(Database &db)
        : m_db(db)
    {
    }

    // Null when the SQL does not compile (error() says why).
    Statement *get(int index, const QString &sql)
    {
        Statement *&statement = m_statements.at(std::size_t(index));
        if (!statement)
            statement = m_db.statement(sql);
        return statement;
    }
    // The last error of that statement, or of preparing it; never empty.
    QString error(int index) const
    {
        const Statement *statement = m_statements.at(std::size_t(index));
        const QString text = statement ? statement->lastError() : m_db.lastError();
        return text.isEmpty() ? QStringLiteral("database error") : text;
    }

private:
    Database &m_db;
    std::array<Statement *, N> m_statements {};
};

} // namespace ChannelDesk
