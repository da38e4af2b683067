#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace ChannelDesk {

// One delivery as it came off the wire (or out of a poll): what the inbox keeps, raw, before
// anything is applied. Signatures are over these exact body bytes.
struct Delivery
{
    QString channel;
    QByteArray topic;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QString deliveryId; // the channel's own id of the delivery, when it sends one
    qint64 receivedAtMs = 0;
};

// What became of a delivery in the inbox. Pending until the order path drained it.
enum class DeliveryStatus { Pending, Applied, Duplicate, Oversold, Unmatched, Invalid, Ignored };
QString deliveryStatusName(DeliveryStatus status);
std::optional<DeliveryStatus> deliveryStatusFromName(const QString &name);

// The topic under which a poll's orders are kept (their body is the poll's own JSON, see
// polleddelivery.h), so a drain knows not to read them as a webhook.
inline constexpr char kPolledTopic[] = "poll";

} // namespace ChannelDesk
