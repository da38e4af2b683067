#pragma once

#include "store/database.h"
#include "store/storequery.h"
#include "util/result.h"

namespace ChannelDesk {

// One write transaction of a store method, rolled back unless committed: the method returns
// early with an Error from any failed statement and ends with `return tx.commit();`, so no path
// can leave the connection inside a transaction.
class WriteTransaction
{
public:
    explicit WriteTransaction(Database &db)
        : m_db(db)
        , m_begun(db.beginWrite())
    {
    }
    ~WriteTransaction()
    {
        if (m_begun && !m_done)
            m_db.rollback();
    }
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    // Whether the write lock was taken; error() says why not.
    bool ok() const { return m_begun; }
    Error error() const { return Error {m_db.lastError()}; }

    Status commit()
    {
        m_done = true;
        if (!m_db.commit())
            return Error {m_db.lastError()};
        return {};
    }

private:
    Database &m_db;
    bool m_begun = false;
    bool m_done = false;
};

} // namespace ChannelDesk
