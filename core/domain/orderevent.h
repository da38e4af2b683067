#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// One line of an order event. A sale names what was sold; a lifecycle event names the lines it
// touches (by the channel's line id where it has one, else by SKU or the channel's product id).
struct OrderLine
{
    QString sku; // empty when the channel gave only its own product id
    qint64 quantity = 0; // a sale: units sold; an edit: the new quantity (or the change, see
                         // OrderEvent::editDelta); a refund, cancel or shipment: units it covers
    QString lineId {}; // the channel's own id of the order line, when it has one
    QString remoteId {}; // the channel's product or variant id (resolved through the mappings)
    bool restock = true; // a refund or cancel line: whether the units come back to stock

    friend bool operator==(const OrderLine &, const OrderLine &) = default;
};

// Where an order goes, as far as choosing a carrier needs it. Informational: a missing or odd
// ship-to never stops an order from taking stock.
struct ShipTo
{
    QString postalCode;
    QString country; // ISO 3166-1 alpha-2, upper case
    QString city; // optional
    QString state; // optional: state or province code

    // Reads a channel's fields, trimmed and bounded; empty when neither postal code nor country
    // is given.
    static ShipTo from(const QString &postalCode, const QString &country, const QString &city = {},
                       const QString &state = {});
    bool isEmpty() const { return postalCode.isEmpty() && country.isEmpty(); }

    friend bool operator==(const ShipTo &, const ShipTo &) = default;
};

// What happened to an order (DESIGN §2, "lifecycle events").
enum class OrderEventKind {
    Sale, // the order was placed: its lines take stock (a sale is a fact, never refused)
    Cancel, // the order was cancelled: what it took and has not shipped comes back (once)
    Refund, // units refunded, restocked or not (idempotent on the refund id)
    Edit, // the order's quantities changed (idempotent on the edit id)
    Ship, // units shipped: they leave committed stock (idempotent on the shipment id)
};
QString eventKindName(OrderEventKind kind);
bool eventKindFromName(const QString &text, OrderEventKind *kind);

// One event of an order's life as it arrives from a channel. A sale is idempotent on
// (channel, orderId); a lifecycle event on (channel, orderId, kind, eventId), a cancel once per
// order (its eventId is empty).
struct OrderEvent
{
    QString channel;
    QString orderId;
    QList<OrderLine> lines;
    qint64 receivedAtMs = 0;
    ShipTo shipTo {}; // empty when the channel did not say where the order goes
    OrderEventKind kind = OrderEventKind::Sale;
    QString eventId {}; // the refund, edit or shipment id; empty for a sale or a cancel
    bool cancelled = false; // a sale that arrives already cancelled: recorded, takes nothing
    bool editDelta = false; // an edit whose lines carry changes (+/-), not new quantities

    // Why this event cannot be applied as it stands, or an empty string when it is well formed.
    QString validationError() const;

    friend bool operator==(const OrderEvent &, const OrderEvent &) = default;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::OrderEvent)
