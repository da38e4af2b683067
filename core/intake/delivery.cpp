#include "delivery.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

QString deliveryStatusName(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return u"pending"_s;
    case DeliveryStatus::Applied:
        return u"applied"_s;
    case DeliveryStatus::Duplicate:
        return u"duplicate"_s;
    case DeliveryStatus::Oversold:
        return u"oversold"_s;
    case DeliveryStatus::Unmatched:
        return u"unmatched"_s;
    case DeliveryStatus::Invalid:
        return u"invalid"_s;
    case DeliveryStatus::Ignored:
        return u"ignored"_s;
    }
    return {};
}

std::optional<DeliveryStatus> deliveryStatusFromName(const QString &name)
{
    for (DeliveryStatus s :
         {DeliveryStatus::Pending, DeliveryStatus::Applied, DeliveryStatus::Duplicate,
          DeliveryStatus::Oversold, DeliveryStatus::Unmatched, DeliveryStatus::Invalid,
          DeliveryStatus::Ignored}) {
        if (deliveryStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace ChannelDesk
