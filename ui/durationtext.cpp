#include "durationtext.h"

#include <QCoreApplication>
#include <QLocale>

namespace ChannelDesk {

QString durationText(double ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("ChannelDesk::DurationText", "%1 ms").arg(qRound(ms));
    if (ms < 60'000) {
        return QCoreApplication::translate("ChannelDesk::DurationText", "%1 s")
            .arg(QLocale().toString(ms / 1000.0, 'f', 1));
    }
    return QCoreApplication::translate("ChannelDesk::DurationText", "%1 min")
        .arg(qRound(ms / 60'000.0));
}

} // namespace ChannelDesk
