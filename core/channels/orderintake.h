#pragma once

#include <QString>

#include <optional>

namespace ChannelDesk {

// How a channel's orders reach ChannelDesk (config "intake"): by its webhooks, by polling its
// order API from a durable high-water mark, or both (a webhook that never came is caught by the
// poll; one seen both ways is a duplicate, the events carry the same ids).
enum class OrderIntake { Webhook, Poll, Both };
QString intakeName(OrderIntake intake);
std::optional<OrderIntake> intakeFromName(const QString &name);
constexpr bool intakePolls(OrderIntake intake)
{
    return intake != OrderIntake::Webhook;
}
constexpr bool intakeTakesWebhooks(OrderIntake intake)
{
    return intake != OrderIntake::Poll;
}

} // namespace ChannelDesk
