#include "channellagstats.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

QString channelStatusName(ChannelStatus status)
{
    switch (status) {
    case ChannelStatus::Idle:
        return u"idle"_s;
    case ChannelStatus::Ok:
        return u"ok"_s;
    case ChannelStatus::Slow:
        return u"slow"_s;
    case ChannelStatus::Stalled:
        return u"stalled"_s;
    case ChannelStatus::Unreachable:
        return u"unreachable"_s;
    }
    return u"unknown"_s;
}

} // namespace ChannelDesk
