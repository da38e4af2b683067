#pragma once

#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// One SKU's row in the source of truth.
struct StockLevel
{
    QString sku;
    QString title;
    qint64 available = 0; // what channels sell from; below zero: units owed to customers
    qint64 committed = 0; // sold, not yet shipped
    qint64 safetyBuffer = 0;
    qint64 version = 0;
    bool paused = false;

    qint64 onHand() const { return available + committed; }

    friend bool operator==(const StockLevel &, const StockLevel &) = default;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::StockLevel)
