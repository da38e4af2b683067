#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

struct OrderLine
{
    QString sku;
    qint64 quantity = 0;

    friend bool operator==(const OrderLine &, const OrderLine &) = default;
};

// One order as it arrives from a channel: the unit of idempotency is (channel, orderId).
struct OrderEvent
{
    QString channel;
    QString orderId;
    QList<OrderLine> lines;
    qint64 receivedAtMs = 0;

    // Why this event cannot be applied as it stands, or an empty string when it is well formed.
    QString validationError() const;

    friend bool operator==(const OrderEvent &, const OrderEvent &) = default;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::OrderEvent)
