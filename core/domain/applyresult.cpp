#include "applyresult.h"

#include <array>
#include <utility>

namespace ChannelDesk {

namespace {
constexpr std::array kNames {
    std::pair {ApplyOutcome::Applied, "applied"},
    std::pair {ApplyOutcome::Duplicate, "duplicate"},
    std::pair {ApplyOutcome::InsufficientStock, "insufficient_stock"},
    std::pair {ApplyOutcome::UnknownSku, "unknown_sku"},
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
