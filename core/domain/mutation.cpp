#include "mutation.h"

#include <array>
#include <utility>

namespace ChannelDesk {

namespace {
constexpr std::array kNames {
    std::pair {MutationKind::Order, "order"},
    std::pair {MutationKind::Adjust, "adjust"},
    std::pair {MutationKind::Import, "import"},
    std::pair {MutationKind::Pause, "pause"},
    std::pair {MutationKind::Resume, "resume"},
    std::pair {MutationKind::OversellAttempt, "oversell_attempt"},
    std::pair {MutationKind::UnknownSku, "unknown_sku"},
    std::pair {MutationKind::DeadLetterRetry, "dlq_retry"},
    std::pair {MutationKind::DeadLetterDiscard, "dlq_discard"},
    std::pair {MutationKind::Cancel, "cancel"},
    std::pair {MutationKind::Refund, "refund"},
    std::pair {MutationKind::Edit, "edit"},
    std::pair {MutationKind::Ship, "ship"},
    std::pair {MutationKind::Unmatched, "unmatched"},
    std::pair {MutationKind::Resolve, "resolve"},
    std::pair {MutationKind::Buffer, "buffer"},
    std::pair {MutationKind::Reconcile, "reconcile"},
};
} // namespace

QString kindName(MutationKind kind)
{
    for (const auto &[k, name] : kNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

bool kindFromName(const QString &text, MutationKind *kind)
{
    for (const auto &[k, name] : kNames) {
        if (text == QLatin1StringView(name)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

bool changesStock(MutationKind kind)
{
    switch (kind) {
    case MutationKind::Order:
    case MutationKind::Adjust:
    case MutationKind::Import:
    case MutationKind::Pause:
    case MutationKind::Resume:
    case MutationKind::Cancel:
    case MutationKind::Refund:
    case MutationKind::Edit:
    case MutationKind::Buffer:
        return true;
    case MutationKind::Ship:
    case MutationKind::Unmatched:
    case MutationKind::Resolve:
    case MutationKind::Reconcile:
    case MutationKind::OversellAttempt:
    case MutationKind::UnknownSku:
    case MutationKind::DeadLetterRetry:
    case MutationKind::DeadLetterDiscard:
        return false;
    }
    return false;
}

} // namespace ChannelDesk
