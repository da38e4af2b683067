#pragma once

#include "domain/mutation.h"
#include "store/attemptlog.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

class Database;

// What the Dead letters tab shows of the selected letter beyond its row: every kept attempt with
// its request and answer, and the orders whose changes the channel has not shown yet (the
// mutations past the listing's acknowledged version that name an order), so the merchant can go
// from a stuck listing to the orders behind it.
struct DeadLetterDetail
{
    QString channel;
    QString sku;
    qint64 ackedVersion = 0; // the newest version the channel acknowledged, 0: none
    QList<ListingAttempt> attempts; // oldest first
    QList<Mutation> orders; // newest first, at most kMaxOrders
    QString error; // the store could not be read

    static constexpr int kMaxOrders = 50;

    // Reads it on the caller's (the core's) thread.
    static DeadLetterDetail load(Database &db, const QString &channel, const QString &sku);
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::DeadLetterDetail)
