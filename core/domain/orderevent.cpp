#include "orderevent.h"

#include "channelid.h"
#include "sku.h"
#include "util/controlchars.h"

#include <array>
#include <utility>

namespace ChannelDesk {

namespace {
constexpr qsizetype kMaxIdLength = RemoteId::kMaxLength;
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

namespace {
constexpr std::array kKindNames {
    std::pair {OrderEventKind::Sale, "sale"},     std::pair {OrderEventKind::Cancel, "cancel"},
    std::pair {OrderEventKind::Refund, "refund"}, std::pair {OrderEventKind::Edit, "edit"},
    std::pair {OrderEventKind::Ship, "ship"},
};
} // namespace

QString eventKindName(OrderEventKind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

bool eventKindFromName(const QString &text, OrderEventKind *kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (text == QLatin1StringView(name)) {
            *kind = k;
            return true;
        }
    }
    return false;
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
    if (eventId.size() > kMaxIdLength)
        return QStringLiteral("event id is longer than %1 characters").arg(kMaxIdLength);
    // Ids are stored and printed as they came (audit rows, tables, the console): a control
    // character in one would split a line or reach a terminal.
    for (const auto &[name, id] :
         {std::pair {"channel", &channel}, std::pair {"order_id", &orderId},
          std::pair {"event id", &eventId}}) {
        if (hasControlCharacter(*id))
            return QStringLiteral("%1 contains a control character").arg(QLatin1StringView(name));
    }
    const bool needsId = kind == OrderEventKind::Refund || kind == OrderEventKind::Edit ||
        kind == OrderEventKind::Ship;
    if (needsId && eventId.isEmpty())
        return QStringLiteral("a %1 needs its own id").arg(eventKindName(kind));
    // A sale lists what was sold, an edit the new quantities and a refund what it covers; a
    // cancel or a shipment may list nothing (all of the order).
    if (lines.isEmpty() && kind != OrderEventKind::Cancel && kind != OrderEventKind::Ship)
        return QStringLiteral("order has no lines");
    if (lines.size() > kMaxLines)
        return QStringLiteral("order has more than %1 lines").arg(kMaxLines);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const OrderLine &line = lines.at(i);
        if (line.lineId.size() > kMaxIdLength || line.remoteId.size() > kMaxIdLength)
            return QStringLiteral("line %1: an id is longer than %2 characters")
                .arg(i + 1)
                .arg(kMaxIdLength);
        if (hasControlCharacter(line.lineId) || hasControlCharacter(line.remoteId))
            return QStringLiteral("line %1: an id contains a control character").arg(i + 1);
        if (line.sku.isEmpty()) {
            // The channel's own ids name the line instead; the mappings resolve them.
            if (line.remoteId.isEmpty() && (kind == OrderEventKind::Sale || line.lineId.isEmpty()))
                return QStringLiteral("line %1: SKU is empty, and no product id of the channel "
                                      "names the line")
                    .arg(i + 1);
        } else if (const QString skuError = Sku::validationError(line.sku); !skuError.isEmpty()) {
            return QStringLiteral("line %1: %2").arg(i + 1).arg(skuError);
        }
        // An edit may bring a line to 0, or carry a change either way; anything else moves
        // at least one unit.
        const bool edit = kind == OrderEventKind::Edit;
        const qint64 min = !edit ? 1 : editDelta ? -Quantity::kMaxOrderLine : 0;
        if (line.quantity < min || line.quantity > Quantity::kMaxOrderLine ||
            (edit && editDelta && line.quantity == 0))
            return QStringLiteral("line %1: quantity must be between %2 and %3%4")
                .arg(i + 1)
                .arg(min)
                .arg(Quantity::kMaxOrderLine)
                .arg(edit && editDelta ? QStringLiteral(", and not 0") : QString());
    }
    return {};
}

} // namespace ChannelDesk
