#include "timeformat.h"

#include <QDateTime>

namespace ChannelDesk {

QString isoUtc(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace ChannelDesk
