#include "polleddelivery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

QJsonObject lineJson(const OrderLine &l)
{
    return {{u"sku"_s, l.sku},
            {u"qty"_s, l.quantity},
            {u"line_id"_s, l.lineId},
            {u"remote_id"_s, l.remoteId},
            {u"restock"_s, l.restock}};
}

QJsonObject eventJson(const OrderEvent &e)
{
    QJsonArray lines;
    for (const OrderLine &l : e.lines)
        lines.append(lineJson(l));
    return {{u"order_id"_s, e.orderId},
            {u"event"_s, eventKindName(e.kind)},
            {u"event_id"_s, e.eventId},
            {u"cancelled"_s, e.cancelled},
            {u"edit_delta"_s, e.editDelta},
            {u"ship_to"_s,
             QJsonObject {{u"postal_code"_s, e.shipTo.postalCode},
                          {u"country"_s, e.shipTo.country},
                          {u"city"_s, e.shipTo.city},
                          {u"state"_s, e.shipTo.state}}},
            {u"lines"_s, lines}};
}
} // namespace

Delivery polledDelivery(const QString &channel, const PolledOrder &order, qint64 receivedAtMs)
{
    QJsonArray events;
    for (const OrderEvent &e : order.events)
        events.append(eventJson(e));
    const QJsonObject body {{u"order_id"_s, order.orderId},
                            {u"only_for_known_order"_s, order.onlyForKnownOrder},
                            {u"refunds_to_read"_s, QJsonArray::fromStringList(order.refundsToRead)},
                            {u"events"_s, events}};
    Delivery d;
    d.channel = channel;
    d.topic = kPolledTopic;
    d.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    d.deliveryId = u"poll:"_s + order.orderId;
    d.receivedAtMs = receivedAtMs;
    return d;
}

bool readPolledDelivery(const QByteArray &body, PolledOrder *order, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        *error = u"a polled delivery is not a JSON object"_s;
        return false;
    }
    const QJsonObject root = doc.object();
    order->orderId = root.value(u"order_id"_s).toString();
    order->onlyForKnownOrder = root.value(u"only_for_known_order"_s).toBool();
    order->refundsToRead.clear();
    for (const QJsonValue &v : root.value(u"refunds_to_read"_s).toArray())
        order->refundsToRead.append(v.toString());
    order->events.clear();
    for (const QJsonValue &v : root.value(u"events"_s).toArray()) {
        const QJsonObject o = v.toObject();
        OrderEvent e;
        e.orderId = o.value(u"order_id"_s).toString();
        if (!eventKindFromName(o.value(u"event"_s).toString(), &e.kind)) {
            *error = u"a polled event has no known kind"_s;
            return false;
        }
        e.eventId = o.value(u"event_id"_s).toString();
        e.cancelled = o.value(u"cancelled"_s).toBool();
        e.editDelta = o.value(u"edit_delta"_s).toBool();
        const QJsonObject to = o.value(u"ship_to"_s).toObject();
        e.shipTo.postalCode = to.value(u"postal_code"_s).toString();
        e.shipTo.country = to.value(u"country"_s).toString();
        e.shipTo.city = to.value(u"city"_s).toString();
        e.shipTo.state = to.value(u"state"_s).toString();
        for (const QJsonValue &lv : o.value(u"lines"_s).toArray()) {
            const QJsonObject l = lv.toObject();
            e.lines.append({l.value(u"sku"_s).toString(), l.value(u"qty"_s).toInteger(),
                            l.value(u"line_id"_s).toString(), l.value(u"remote_id"_s).toString(),
                            l.value(u"restock"_s).toBool(true)});
        }
        order->events.append(e);
    }
    return true;
}

} // namespace ChannelDesk
