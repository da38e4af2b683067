#pragma once

#include "domain/mutation.h"
#include "store/database.h"
#include "store/mutationlog.h"
#include "store/writetransaction.h"

#include <QStringList>
#include <QTest>

// Sales written straight into the mutation log at chosen times, for the tests that replay the
// log (the what-if): the order path would stamp them with the clock of the moment.
namespace ChannelDesk::Testing {

// One unit of `sku` sold on `channel` by `orderId` at `atMs`.
inline Mutation sale(const QString &channel, const QString &orderId, const QString &sku,
                     qint64 atMs)
{
    Mutation m;
    m.sku = sku;
    m.delta = -1;
    m.committedDelta = 1;
    m.kind = MutationKind::Order;
    m.channel = channel;
    m.orderId = orderId;
    m.atMs = atMs;
    return m;
}

// `count` sales of `sku` spread evenly over [fromMs, fromMs + spanMs), taking turns on
// `channels` (orders "o0", "o1"...), appended in one transaction.
inline void appendEvenSales(Database &db, qint64 count, qint64 fromMs, qint64 spanMs,
                            const QStringList &channels, const QString &sku)
{
    WriteTransaction tx(db);
    QVERIFY(tx.ok());
    MutationLog log(db);
    for (qint64 i = 0; i < count; ++i) {
        Mutation m = sale(channels.at(i % channels.size()), QStringLiteral("o%1").arg(i), sku,
                          fromMs + i * spanMs / count);
        QVERIFY2(log.append(m), qPrintable(log.lastError()));
    }
    QVERIFY(tx.commit());
}

} // namespace ChannelDesk::Testing
