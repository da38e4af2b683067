#include "listenerlimits.h"

#include <QJsonValue>

#include <array>
#include <cmath>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {

struct Field
{
    QLatin1StringView key;
    qint64 ListenerLimits::*wide = nullptr;
    int ListenerLimits::*narrow = nullptr;
    qint64 max;
};

const std::array<Field, 6> kFields {{
    {"max_connections"_L1, nullptr, &ListenerLimits::maxConnections, 65'536},
    {"max_connections_per_address"_L1, nullptr, &ListenerLimits::maxConnectionsPerAddress, 65'536},
    {"max_header_bytes"_L1, nullptr, &ListenerLimits::maxHeaderBytes, 1 << 20},
    {"timeout_s"_L1, nullptr, &ListenerLimits::timeoutSeconds, 3600},
    {"max_body_bytes"_L1, &ListenerLimits::maxBodyBytes, nullptr, qint64(1) << 30},
    {"max_in_flight"_L1, nullptr, &ListenerLimits::maxInFlight, 65'536},
}};

} // namespace

QString parseListenerLimits(const QJsonObject &object, ListenerLimits *limits)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto field = std::find_if(kFields.cbegin(), kFields.cend(),
                                        [&](const Field &f) { return f.key == it.key(); });
        if (field == kFields.cend())
            return u"listener.%1: unknown key"_s.arg(it.key());
        const double value = it.value().toDouble(-1);
        if (!it.value().isDouble() || value != std::floor(value) || value < 1 ||
            value > double(field->max))
            return u"listener.%1: must be a whole number from 1 to %2"_s.arg(it.key()).arg(
                field->max);
        if (field->wide)
            limits->*field->wide = qint64(value);
        else
            limits->*field->narrow = int(value);
    }
    return {};
}

QJsonObject listenerLimitsToJson(const ListenerLimits &limits)
{
    const ListenerLimits defaults;
    QJsonObject object;
    for (const Field &f : kFields) {
        const qint64 value = f.wide ? limits.*f.wide : limits.*f.narrow;
        const qint64 fallback = f.wide ? defaults.*f.wide : defaults.*f.narrow;
        if (value != fallback)
            object.insert(f.key, value);
    }
    return object;
}

} // namespace ChannelDesk
