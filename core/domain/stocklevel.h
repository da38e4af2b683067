#pragma once

#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// One SKU's row in the source of truth.
struct StockLevel
{
    QString sku;
    QString title;
    qint64 available = 0;
    qint64 safetyBuffer = 0;
    qint64 version = 0;
    bool paused = false;

    friend bool operator==(const StockLevel &, const StockLevel &) = default;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::StockLevel)
