#include "alert.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

QString alertRuleName(AlertRule rule)
{
    switch (rule) {
    case AlertRule::LagP99:
        return u"lag_p99"_s;
    case AlertRule::LagMax:
        return u"lag_max"_s;
    case AlertRule::SuccessRate:
        return u"success_rate"_s;
    case AlertRule::ChannelStalled:
        return u"channel_stalled"_s;
    case AlertRule::DeadLetter:
        return u"dead_letter"_s;
    case AlertRule::OversellAttempt:
        return u"oversell_attempt"_s;
    case AlertRule::UnknownSku:
        return u"unknown_sku"_s;
    case AlertRule::Drift:
        return u"drift"_s;
    }
    return u"unknown"_s;
}

QString alertSeverityName(AlertSeverity severity)
{
    return severity == AlertSeverity::Critical ? u"critical"_s : u"warning"_s;
}

} // namespace ChannelDesk
