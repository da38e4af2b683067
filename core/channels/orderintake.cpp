#include "orderintake.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk {

QString intakeName(OrderIntake intake)
{
    switch (intake) {
    case OrderIntake::Webhook:
        return u"webhook"_s;
    case OrderIntake::Poll:
        return u"poll"_s;
    case OrderIntake::Both:
        break;
    }
    return u"both"_s;
}

std::optional<OrderIntake> intakeFromName(const QString &name)
{
    for (OrderIntake intake : {OrderIntake::Webhook, OrderIntake::Poll, OrderIntake::Both}) {
        if (intakeName(intake) == name)
            return intake;
    }
    return std::nullopt;
}

} // namespace ChannelDesk
