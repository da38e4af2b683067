#pragma once

#include "database.h"
#include "storelog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

// What listingstore.cpp and listingstore_deadletters.cpp share.
namespace ChannelDesk::ListingStorePrivate {

inline QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// Records the failed statement's error and rolls back; returns false for `return fail(...)`.
inline bool fail(Database &db, const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    qCWarning(lcStore) << "listing store:" << q.lastError().text();
    db.rollback();
    return false;
}

// The same, for the methods that answer with a count: -1 means a database error.
inline int failCount(Database &db, const QSqlQuery &q, QString *error)
{
    fail(db, q, error);
    return -1;
}
} // namespace ChannelDesk::ListingStorePrivate
