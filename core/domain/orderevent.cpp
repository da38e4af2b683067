#include "orderevent.h"

#include "sku.h"

namespace ChannelDesk {

namespace {
constexpr qsizetype kMaxIdLength = 128;
constexpr qsizetype kMaxLines = 1000;
constexpr qsizetype kMaxAddressField = 64;
} // namespace

ShipTo ShipTo::from(const QString &postalCode, const QString &country, const QString &city,
                    const QString &state)
{
    ShipTo to;
    to.postalCode = postalCode.trimmed().left(kMaxAddressField);
    to.country = country.trimmed().toUpper().left(kMaxAddressField);
    to.city = city.trimmed().left(kMaxAddressField);
    to.state = state.trimmed().left(kMaxAddressField);
    return to.isEmpty() ? ShipTo() : to;
}

QString OrderEvent::validationError() const
{
    if (channel.isEmpty())
        return QStringLiteral("channel is empty");
    if (channel.size() > kMaxIdLength)
        return QStringLiteral("channel is longer than %1 characters").arg(kMaxIdLength);
    if (orderId.isEmpty())
        return QStringLiteral("order_id is empty");
    if (orderId.size() > kMaxIdLength)
        return QStringLiteral("order_id is longer than %1 characters").arg(kMaxIdLength);
    if (lines.isEmpty())
        return QStringLiteral("order has no lines");
    if (lines.size() > kMaxLines)
        return QStringLiteral("order has more than %1 lines").arg(kMaxLines);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const OrderLine &line = lines.at(i);
        const QString skuError = Sku::validationError(line.sku);
        if (!skuError.isEmpty())
            return QStringLiteral("line %1: %2").arg(i + 1).arg(skuError);
        if (line.quantity < 1 || line.quantity > Quantity::kMaxOrderLine)
            return QStringLiteral("line %1: quantity must be between 1 and %2")
                .arg(i + 1)
                .arg(Quantity::kMaxOrderLine);
    }
    return {};
}

} // namespace ChannelDesk
