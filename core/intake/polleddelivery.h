#pragma once

#include "domain/orderevent.h"
#include "intake/delivery.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace ChannelDesk {

// A poll's answer kept in the inbox like a webhook (topic kPolledTopic): the events it read,
// whether they apply only to an order already recorded, and the refunds to read, as one JSON
// body in ChannelDesk's own shape. Polled orders so take the path webhooks take: inbox first,
// then the order path in arrival order.
struct PolledOrder
{
    QString orderId;
    QList<OrderEvent> events;
    bool onlyForKnownOrder = false;
    QStringList refundsToRead;
};

Delivery polledDelivery(const QString &channel, const PolledOrder &order, qint64 receivedAtMs);
// False, with *error, when body is not a poll's JSON.
bool readPolledDelivery(const QByteArray &body, PolledOrder *order, QString *error);

} // namespace ChannelDesk
