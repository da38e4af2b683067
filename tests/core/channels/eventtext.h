#pragma once

// An order event as one line of text, so a data row can state all of it:
// "kind order_id event_id [cancelled] [delta] line_id:sku:remote_id:qty[:no_restock] ...".

#include "domain/orderevent.h"

#include <QStringList>

namespace ChannelDesk::Test {

inline QString describe(const OrderEvent &e)
{
    QStringList parts {eventKindName(e.kind) + u' ' + e.orderId + u' ' + e.eventId};
    if (e.cancelled)
        parts.append(QStringLiteral("cancelled"));
    if (e.editDelta)
        parts.append(QStringLiteral("delta"));
    for (const OrderLine &l : e.lines) {
        parts.append(QStringLiteral("%1:%2:%3:%4%5")
                         .arg(l.lineId, l.sku, l.remoteId)
                         .arg(l.quantity)
                         .arg(l.restock ? QString() : QStringLiteral(":no_restock")));
    }
    return parts.join(u' ');
}

inline QStringList describe(const QList<OrderEvent> &events)
{
    QStringList out;
    for (const OrderEvent &e : events)
        out.append(describe(e));
    return out;
}

} // namespace ChannelDesk::Test
