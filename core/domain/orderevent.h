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

// One order as it arrives from a channel: the unit of idempotency is (channel, orderId).
struct OrderEvent
{
    QString channel;
    QString orderId;
    QList<OrderLine> lines;
    qint64 receivedAtMs = 0;
    ShipTo shipTo {}; // empty when the channel did not say where the order goes

    // Why this event cannot be applied as it stands, or an empty string when it is well formed.
    QString validationError() const;

    friend bool operator==(const OrderEvent &, const OrderEvent &) = default;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::OrderEvent)
