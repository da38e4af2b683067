#include "sim/simfaults.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

struct FaultKey
{
    SimFault fault;
    QLatin1StringView key;
};

// The keys of the "errors" object, in the order a draw walks them.
constexpr std::array<FaultKey, SimFaultConfig::kFaultCount> kFaultKeys {{
    {SimFault::TooManyRequests, "429"_L1},
    {SimFault::InternalError, "500"_L1},
    {SimFault::Unavailable, "503"_L1},
    {SimFault::Timeout, "timeout"_L1},
    {SimFault::Reset, "reset"_L1},
    {SimFault::Unauthorized, "401"_L1},
    {SimFault::NotFound, "404"_L1},
    {SimFault::LostResponse, "lost_response"_L1},
}};

} // namespace

QString simFaultName(SimFault fault)
{
    for (const auto &entry : kFaultKeys) {
        if (entry.fault == fault)
            return QString(entry.key);
    }
    return u"none"_s;
}

bool SimFaultConfig::merge(const QJsonObject &json, QString *error)
{
    SimFaultConfig next = *this;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == "latency_ms"_L1) {
            if (!value.isDouble() || value.toDouble() < 0) {
                *error = u"faults.latency_ms must be a number >= 0"_s;
                return false;
            }
            next.latencyMs = value.toInt();
        } else if (key == "errors"_L1) {
            if (!value.isObject()) {
                *error = u"faults.errors must be an object of probabilities"_s;
                return false;
            }
            // A new error mix replaces the old one as a whole.
            next.probability.fill(0.0);
            const QJsonObject mix = value.toObject();
            double total = 0;
            for (auto m = mix.begin(); m != mix.end(); ++m) {
                const auto found =
                    std::find_if(kFaultKeys.begin(), kFaultKeys.end(),
                                 [&](const FaultKey &k) { return k.key == m.key(); });
                if (found == kFaultKeys.end()) {
                    *error = u"faults.errors: unknown fault \"%1\"; known: 429, 500, 503, "
                             u"timeout, reset, 401, 404, lost_response"_s.arg(m.key());
                    return false;
                }
                const double p = m.value().toDouble(-1);
                if (!m.value().isDouble() || p < 0 || p > 1) {
                    *error = u"faults.errors.%1 must be a probability in [0, 1]"_s.arg(m.key());
                    return false;
                }
                next.chance(found->fault) = p;
                total += p;
            }
            if (total > 1.0 + 1e-9) {
                *error = u"faults.errors: probabilities add up to more than 1"_s;
                return false;
            }
        } else if (key == "retry_after"_L1) {
            const QString form = value.toString();
            if (form == "seconds"_L1)
                next.retryAfterForm = RetryAfterForm::Seconds;
            else if (form == "decimal"_L1)
                next.retryAfterForm = RetryAfterForm::Decimal;
            else if (form == "date"_L1)
                next.retryAfterForm = RetryAfterForm::HttpDate;
            else if (form == "none"_L1)
                next.retryAfterForm = RetryAfterForm::None;
            else {
                *error = u"faults.retry_after must be \"seconds\", \"decimal\", \"date\" or "
                         u"\"none\""_s;
                return false;
            }
        } else if (key == "retry_after_seconds"_L1) {
            if (!value.isDouble() || value.toDouble() < 0) {
                *error = u"faults.retry_after_seconds must be a number >= 0"_s;
                return false;
            }
            next.retryAfterSeconds = value.toDouble();
        } else if (key != "rate_limit"_L1) { // rate_limit belongs to the channel
            *error = u"faults: unknown key \"%1\""_s.arg(key);
            return false;
        }
    }
    *this = next;
    return true;
}

QJsonObject SimFaultConfig::toJson() const
{
    QJsonObject errors;
    for (const auto &entry : kFaultKeys)
        errors.insert(QString(entry.key), chance(entry.fault));
    QString form;
    switch (retryAfterForm) {
    case RetryAfterForm::Seconds:
        form = u"seconds"_s;
        break;
    case RetryAfterForm::Decimal:
        form = u"decimal"_s;
        break;
    case RetryAfterForm::HttpDate:
        form = u"date"_s;
        break;
    case RetryAfterForm::None:
        form = u"none"_s;
        break;
    }
    return QJsonObject {{u"latency_ms"_s, latencyMs},
                        {u"errors"_s, errors},
                        {u"retry_after"_s, form},
                        {u"retry_after_seconds"_s, retryAfterSeconds}};
}

SimFault SimFaultConfig::pick(double draw) const
{
    double edge = 0;
    for (const auto &entry : kFaultKeys) {
        edge += chance(entry.fault);
        if (draw < edge)
            return entry.fault;
    }
    return SimFault::None;
}

void SimTokenBucket::configure(double capacity, double ratePerSecond, qint64 nowMs)
{
    m_capacity = capacity;
    m_rate = ratePerSecond;
    m_tokens = capacity;
    m_lastMs = nowMs;
}

void SimTokenBucket::refill(qint64 nowMs)
{
    if (nowMs > m_lastMs) {
        m_tokens = qMin(m_capacity, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
        m_lastMs = nowMs;
    }
}

double SimTokenBucket::available(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

bool SimTokenBucket::take(double cost, qint64 nowMs)
{
    if (!enabled())
        return true;
    refill(nowMs);
    if (m_tokens + 1e-9 < cost)
        return false;
    m_tokens -= cost;
    return true;
}

void SimTokenBucket::give(double cost)
{
    if (cost > 0)
        m_tokens = qMin(m_capacity, m_tokens + cost);
}

} // namespace ChannelDesk
