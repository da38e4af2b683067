#include "metricslog.h"

namespace ChannelDesk {
Q_LOGGING_CATEGORY(lcMetrics, "channeldesk.metrics")
}
