#include "applyresult.h"

#include <array>
#include <utility>

namespace ChannelDesk {

namespace {
constexpr std::array kNames {
    std::pair {ApplyOutcome::Applied, "applied"},
    std::pair {ApplyOutcome::Oversold, "oversold"},
    std::pair {ApplyOutcome::Unmatched, "unmatched"},
    std::pair {ApplyOutcome::Duplicate, "duplicate"},
    std::pair {ApplyOutcome::Cancelled, "cancelled"},
    std::pair {ApplyOutcome::Refunded, "refunded"},
    std::pair {ApplyOutcome::Edited, "edited"},
    std::pair {ApplyOutcome::Shipped, "shipped"},
    std::pair {ApplyOutcome::Ignored, "ignored"},
    std::pair {ApplyOutcome::Invalid, "invalid"},
    std::pair {ApplyOutcome::ConcurrentUpdate, "concurrent_update"},
    std::pair {ApplyOutcome::StorageError, "storage_error"},
};
} // namespace

QString outcomeName(ApplyOutcome outcome)
{
    for (const auto &[o, name] : kNames) {
        if (o == outcome)
            return QString::fromLatin1(name);
    }
    return {};
}

bool outcomeFromName(const QString &text, ApplyOutcome *outcome)
{
    for (const auto &[o, name] : kNames) {
        if (text == QLatin1StringView(name)) {
            *outcome = o;
            return true;
        }
    }
    return false;
}

} // namespace ChannelDesk
