#pragma once

#include <QLoggingCategory>

namespace ChannelDesk {
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)
}
