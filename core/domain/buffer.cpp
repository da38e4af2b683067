#include "buffer.h"

#include "sku.h"

#include <QStringList>

#include <algorithm>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

ShownQuantity shownQuantity(const BufferRule &rule, qint64 available, qint64 safetyBuffer)
{
    const qint64 pauseAt = rule.pauseAt.value_or(safetyBuffer);
    if (available <= pauseAt)
        return {0, true};
    // Negative available is units owed: nothing to show, whatever the rule.
    const qint64 sellable = available - rule.reserve;
    if (sellable <= 0)
        return {0, false};
    // Both factors are bounded (2^31 and 100), so the product fits; integer division of a
    // positive number is the floor.
    qint64 shown = sellable * std::clamp(rule.percent, 0, BufferLimits::kMaxPercent) / 100;
    if (rule.max)
        shown = std::min(shown, *rule.max);
    return {std::max<qint64>(0, shown), false};
}

BufferRule resolveBufferRule(const BufferOverride &listing, const BufferOverride &channel)
{
    BufferRule rule;
    rule.reserve = listing.reserve.value_or(channel.reserve.value_or(rule.reserve));
    rule.percent = listing.percent.value_or(channel.percent.value_or(rule.percent));
    rule.max = listing.max ? listing.max : channel.max;
    rule.pauseAt = listing.pauseAt ? listing.pauseAt : channel.pauseAt;
    return rule;
}

namespace BufferLimits {
QString validationError(const QString &field, qint64 value)
{
    if (field == "percent"_L1) {
        if (value < 0 || value > kMaxPercent)
            return u"must be a whole number from 0 to %1"_s.arg(kMaxPercent);
        return {};
    }
    if (value < 0 || value > Quantity::kMax)
        return u"must be a whole number from 0 to %1"_s.arg(Quantity::kMax);
    return {};
}
} // namespace BufferLimits

QString bufferText(const BufferOverride &buffer)
{
    const auto text = [](const auto &value) {
        return value ? QString::number(*value) : u"inherited"_s;
    };
    return u"reserve %1, percent %2, max %3, pause_at %4"_s.arg(
        text(buffer.reserve), text(buffer.percent), text(buffer.max), text(buffer.pauseAt));
}

} // namespace ChannelDesk
