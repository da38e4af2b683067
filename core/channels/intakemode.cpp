#include "intakemode.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk {

QString intakeName(IntakeMode intake)
{
    switch (intake) {
    case IntakeMode::Webhook:
        return u"webhook"_s;
    case IntakeMode::Poll:
        return u"poll"_s;
    case IntakeMode::Both:
        break;
    }
    return u"both"_s;
}

std::optional<IntakeMode> intakeFromName(const QString &name)
{
    for (IntakeMode intake : {IntakeMode::Webhook, IntakeMode::Poll, IntakeMode::Both}) {
        if (intakeName(intake) == name)
            return intake;
    }
    return std::nullopt;
}

} // namespace ChannelDesk
