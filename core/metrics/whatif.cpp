#include "metrics/whatif.h"

#include "store/metricslog.h"
#include "store/mutationlog.h"
#include "util/timeformat.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDayMs = 24 * 60 * kMinuteMs;

double oneDecimal(double x)
{
    return qRound64(x * 10) / 10.0;
}

} // namespace

WhatIf::WhatIf(qint64 fromMs, qint64 toMs, int pollMinutes, std::optional<qint64> measuredLagMs)
    : m_fromMs(fromMs)
    , m_toMs(std::max(toMs, fromMs))
    , m_pollMinutes(pollMinutes)
    , m_pollMs(std::max<qint64>(pollMinutes, 1) * kMinuteMs)
    , m_lagMs(measuredLagMs)
{
}

void WhatIf::LastChanges::add(const QString &source, qint64 atMs)
{
    if (newestMs >= 0 && source == newestSource) {
        newestMs = std::max(newestMs, atMs);
    } else if (atMs >= newestMs) {
        // The old newest is the newest of every source but this one (the other was older).
        otherSource = std::exchange(newestSource, source);
        otherMs = std::exchange(newestMs, atMs);
    } else if (atMs > otherMs) {
        otherSource = source;
        otherMs = atMs;
    }
}

std::optional<qint64> WhatIf::newestOtherChange(const QString &sku, const QString &channel) const
{
    const auto it = m_changes.constFind(sku);
    if (it == m_changes.cend())
        return std::nullopt;
    const qint64 newest = it->newestSource != channel ? it->newestMs : it->otherMs;
    return newest >= 0 ? std::optional<qint64>(newest) : std::nullopt;
}

void WhatIf::add(const Mutation &m)
{
    if (m.atMs >= m_toMs || !changesStock(m.kind))
        return;
    // Only a sale took stock a shop showed; its own channel made it, the others learn later.
    const bool sale = m.kind == MutationKind::Order && !m.orderId.isEmpty();
    const QString source = sale ? m.channel : QString();
    if (sale && m.atMs >= m_fromMs) {
        const std::optional<qint64> other = newestOtherChange(m.sku, m.channel);
        // A change logged before the order but stamped after it (a clock step) is not counted.
        const qint64 age = other ? m.atMs - *other : -1;
        const bool stalePolling = age >= 0 && age < m_pollMs;
        const bool staleMeasured = age >= 0 && m_lagMs && age < *m_lagMs;
        // The lines of one order are appended together: one order, stale if any line is.
        const QString key = m.channel + u'\n' + m.orderId;
        Window &w = m_windows[(m.atMs - m_fromMs) / m_pollMs];
        w.startMs = m_fromMs + (m.atMs - m_fromMs) / m_pollMs * m_pollMs;
        if (key != m_lastOrder) {
            m_lastOrder = key;
            m_lastOrderStalePolling = false;
            m_lastOrderStaleMeasured = false;
            ++w.orders;
        }
        if (stalePolling && !m_lastOrderStalePolling) {
            m_lastOrderStalePolling = true;
            ++w.stalePolling;
        }
        if (staleMeasured && !m_lastOrderStaleMeasured) {
            m_lastOrderStaleMeasured = true;
            ++w.staleMeasured;
        }
    }
    m_changes[m.sku].add(source, m.atMs);
}

WhatIf::Report WhatIf::report(int worst) const
{
    Report r;
    r.pollMinutes = m_pollMinutes;
    r.fromMs = m_fromMs;
    r.toMs = m_toMs;
    r.windows = double(m_toMs - m_fromMs) / double(m_pollMs);
    r.measuredLagMs = m_lagMs;
    for (const auto &[index, w] : m_windows) {
        r.orders += w.orders;
        r.stalePolling += w.stalePolling;
        r.staleMeasured += w.staleMeasured;
        r.worstWindows.append(w);
    }
    // A log younger than one window is one window so far, not a projection of a few minutes.
    const double windows = std::max(r.windows, 1.0);
    r.ordersPerWindow = double(r.orders) / windows;
    r.stalePerWindowPolling = double(r.stalePolling) / windows;
    if (m_lagMs)
        r.stalePerWindowMeasured = double(r.staleMeasured) / windows;
    // Worst first: most stale under polling, then most stale as measured, then most orders,
    // then the earliest.
    std::stable_sort(r.worstWindows.begin(), r.worstWindows.end(),
                     [](const Window &a, const Window &b) {
                         if (a.stalePolling != b.stalePolling)
                             return a.stalePolling > b.stalePolling;
                         if (a.staleMeasured != b.staleMeasured)
                             return a.staleMeasured > b.staleMeasured;
                         return a.orders > b.orders;
                     });
    if (r.worstWindows.size() > worst)
        r.worstWindows.resize(std::max(worst, 0));
    return r;
}

QJsonObject WhatIf::Report::toJson() const
{
    QJsonArray worst;
    for (const Window &w : worstWindows) {
        worst.append(QJsonObject {
            {u"start"_s, isoUtc(w.startMs)},
            {u"orders"_s, w.orders},
            {u"stale_polling"_s, w.stalePolling},
            {u"stale_measured"_s,
             measuredLagMs ? QJsonValue(w.staleMeasured) : QJsonValue(QJsonValue::Null)},
        });
    }
    return QJsonObject {
        {u"poll_minutes"_s, pollMinutes},
        {u"orders_per_window"_s, oneDecimal(ordersPerWindow)},
        {u"stale_per_window_polling"_s, oneDecimal(stalePerWindowPolling)},
        {u"stale_per_window_measured"_s,
         stalePerWindowMeasured ? QJsonValue(oneDecimal(*stalePerWindowMeasured))
                                : QJsonValue(QJsonValue::Null)},
        {u"worst_windows"_s, worst},
    };
}

Result<WhatIf::Report> WhatIf::replay(Database &db, const Options &options, qint64 nowMs)
{
    const qint64 pollMs = qint64(options.pollMinutes) * kMinuteMs;
    qint64 fromMs = nowMs - qint64(options.sinceDays) * kDayMs;
    MutationLog log(db);
    // A log younger than the span starts the replay at its first row, so that a new
    // installation's orders are not spread over days it did not run.
    const auto first = log.firstAt();
    if (!first)
        return Error {first.error()};
    if (*first)
        fromMs = std::clamp(**first, fromMs, nowMs);

    const auto lag = MetricsLog(db).lagP99(fromMs, nowMs);
    if (!lag)
        return Error {lag.error()};
    WhatIf whatIf(fromMs, nowMs, options.pollMinutes, *lag);
    MutationLog::Filter filter;
    // A change up to an interval before the span still makes its first orders stale.
    filter.fromMs = std::max<qint64>(fromMs - pollMs, 1);
    filter.toMs = nowMs;
    if (const Status read = log.scan(filter, [&whatIf](const Mutation &m) { whatIf.add(m); });
        !read)
        return Error {read.error()};
    return whatIf.report();
}

} // namespace ChannelDesk
