#pragma once

#include <QString>

#include <optional>

namespace ChannelDesk {

// How a channel's orders reach ChannelDesk (config "intake"): by its webhooks, by polling its
// order API from a durable high-water mark, or both (a webhook that never came is caught by the
// poll; one seen both ways is a duplicate, the events carry the same ids).
enum class IntakeMode { Webhook, Poll, Both };
QString intakeName(IntakeMode intake);
std::optional<IntakeMode> intakeFromName(const QString &name);
constexpr bool intakePolls(IntakeMode intake)
{
    return intake != IntakeMode::Webhook;
}
constexpr bool intakeTakesWebhooks(IntakeMode intake)
{
    return intake != IntakeMode::Poll;
}

} // namespace ChannelDesk
