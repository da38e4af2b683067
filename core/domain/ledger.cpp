#include "ledger.h"

#include <array>
#include <utility>

namespace ChannelDesk {

namespace {
constexpr std::array kStatusNames {
    std::pair {OrderStatus::Applied, "applied"},
    std::pair {OrderStatus::Oversold, "oversold"},
    std::pair {OrderStatus::Unmatched, "unmatched"},
    std::pair {OrderStatus::Cancelled, "cancelled"},
    std::pair {OrderStatus::PartiallyRefunded, "partially_refunded"},
    std::pair {OrderStatus::Refunded, "refunded"},
    std::pair {OrderStatus::Shipped, "shipped"},
    std::pair {OrderStatus::Refused, "refused"},
    std::pair {OrderStatus::Legacy, "legacy"},
};
} // namespace

QString orderStatusName(OrderStatus status)
{
    for (const auto &[s, name] : kStatusNames) {
        if (s == status)
            return QString::fromLatin1(name);
    }
    return {};
}

bool orderStatusFromName(const QString &text, OrderStatus *status)
{
    for (const auto &[s, name] : kStatusNames) {
        if (text == QLatin1StringView(name)) {
            *status = s;
            return true;
        }
    }
    return false;
}

OrderStatus LedgerOrder::status() const
{
    if (refused)
        return OrderStatus::Refused;
    if (legacy)
        return OrderStatus::Legacy;
    if (cancelled)
        return OrderStatus::Cancelled;
    qint64 applied = 0, refunded = 0, shipped = 0, open = 0;
    bool waits = false, owes = false;
    for (const LedgerLine &l : lines) {
        applied += l.applied;
        refunded += l.restocked + l.writtenOff;
        shipped += l.shipped;
        open += l.open();
        waits = waits || l.waiting > 0;
        owes = owes || l.owed > 0;
    }
    if (waits)
        return OrderStatus::Unmatched;
    if (owes)
        return OrderStatus::Oversold;
    if (applied > 0 && refunded >= applied)
        return OrderStatus::Refunded;
    if (refunded > 0)
        return OrderStatus::PartiallyRefunded;
    if (shipped > 0 && open == 0)
        return OrderStatus::Shipped;
    return OrderStatus::Applied;
}

qint64 LedgerOrder::owed() const
{
    qint64 total = 0;
    for (const LedgerLine &l : lines)
        total += l.owed;
    return total;
}

qint64 LedgerOrder::waiting() const
{
    qint64 total = 0;
    for (const LedgerLine &l : lines)
        total += l.waiting;
    return total;
}

} // namespace ChannelDesk
