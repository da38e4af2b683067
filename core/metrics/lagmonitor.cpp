#include "lagmonitor.h"

#include "metrics/latencyhistogram.h"
#include "metrics/metricslog.h"

#include <algorithm>
#include <vector>

namespace ChannelDesk {

namespace {

constexpr size_t kMaxProblemsKept = 10'000;

// What happened during one time slot.
struct Slot
{
    qint64 epoch = -1; // slot number (time / slot length); -1: never used
    LatencyHistogram lag;
    qint64 attempts = 0; // calls
    qint64 failures = 0; // calls that failed
    qint64 throttled = 0;
    qint64 unanswered = 0;
    qint64 updates = 0; // listing updates the calls carried
    qint64 failedUpdates = 0; // of which the channel did not take

    void reset(qint64 newEpoch)
    {
        epoch = newEpoch;
        lag.clear();
        attempts = failures = throttled = unanswered = updates = failedUpdates = 0;
    }
    void add(const Slot &other)
    {
        lag.merge(other.lag);
        attempts += other.attempts;
        failures += other.failures;
        throttled += other.throttled;
        unanswered += other.unanswered;
        updates += other.updates;
        failedUpdates += other.failedUpdates;
    }
};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// A ring of time slots; slot storage is allocated on first use, so a quiet channel costs little.
class SlotRing
{
public:
    SlotRing(qint64 slotMs, int size)
        : m_slotMs(slotMs)
        , m_size(size)
    {
    }
    qint64 slotMs() const { return m_slotMs; }
    qint64 epochOf(qint64 ms) const { return floorDiv(ms, m_slotMs); }

    // The slot for a moment, or nullptr when that moment has already left the ring.
    Slot *slotAt(qint64 ms, qint64 now)
    {
        const qint64 epoch = epochOf(ms);
        if (epoch < 0 || epoch <= epochOf(now) - m_size)
            return nullptr;
        if (m_slots.empty())
            m_slots.resize(size_t(m_size));
        Slot &slot = m_slots[size_t(epoch % m_size)];
        if (slot.epoch > epoch)
            return nullptr;
        if (slot.epoch != epoch)
            slot.reset(epoch);
        return &slot;
    }

    // The sum of slots [first, last].
    Slot sum(qint64 first, qint64 last) const
    {
        Slot total;
        if (m_slots.empty())
            return total;
        first = std::max({first, last - m_size + 1, qint64(0)}); // a clock started near 0
        for (qint64 e = first; e <= last; ++e) {
            const Slot &slot = m_slots[size_t(e % m_size)];
            if (slot.epoch == e)
                total.add(slot);
        }
        return total;
    }

    // The slots of the last windowMs up to now: the current one and those before it.
    qint64 slotsIn(qint64 windowMs) const
    {
        return std::clamp<qint64>((windowMs + m_slotMs - 1) / m_slotMs, 1, m_size);
    }
    Slot window(qint64 windowMs, qint64 now) const
    {
        const qint64 last = epochOf(now);
        return sum(last - slotsIn(windowMs) + 1, last);
    }

private:
    qint64 m_slotMs;
    int m_size;
    std::vector<Slot> m_slots;
};

double toMs(double micros)
{
    return micros / 1000.0;
}

} // namespace

struct LagMonitor::ChannelState
{
    SlotRing fine {kFineSlotMs, int(kOneHourMs / kFineSlotMs)};
    SlotRing coarse {kCoarseSlotMs, int(kOneDayMs / kCoarseSlotMs)};
    qint64 pending = 0;
    qint64 pendingSinceMs = -1;
    qint64 deadLetters = 0;
    qint64 driftListings = 0;
    qint64 driftOutlived = 0;
    qint64 lastAckAtMs = -1;
    qint64 lastAttemptAtMs = -1;
    Totals totals;

    const SlotRing &ringFor(qint64 windowMs) const
    {
        return windowMs <= kOneHourMs ? fine : coarse;
    }
};

LagMonitor::LagMonitor(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

const QList<qint64> &LagMonitor::histogramBoundsMs()
{
    static const QList<qint64> bounds {5,    10,   25,   50,     100,    250,   500,
                                       1000, 2500, 5000, 10'000, 30'000, 60'000};
    return bounds;
}

LagMonitor::~LagMonitor() = default;

LagMonitor::ChannelState &LagMonitor::state(const QString &channel)
{
    auto &slot = m_channels[channel];
    if (!slot) {
        qCDebug(lcMetrics) << "tracking lag of channel" << channel;
        slot = std::make_unique<ChannelState>();
    }
    return *slot;
}

const LagMonitor::ChannelState *LagMonitor::find(const QString &channel) const
{
    const auto it = m_channels.find(channel);
    return it == m_channels.end() ? nullptr : it->second.get();
}

void LagMonitor::recordLag(const QString &channel, qint64 lagMicros, qint64 ackAtMs)
{
    const qint64 now = m_clock.nowMs();
    ackAtMs = at(ackAtMs);
    ChannelState &s = state(channel);
    lagMicros = std::max<qint64>(lagMicros, 0);
    if (Slot *slot = s.fine.slotAt(ackAtMs, now))
        slot->lag.record(lagMicros);
    if (Slot *slot = s.coarse.slotAt(ackAtMs, now))
        slot->lag.record(lagMicros);
    s.lastAckAtMs = std::max(s.lastAckAtMs, ackAtMs);
    ++s.totals.lagCount;
    s.totals.lagSumMicros += lagMicros;
    const QList<qint64> &bounds = histogramBoundsMs();
    if (s.totals.lagBins.isEmpty())
        s.totals.lagBins.resize(bounds.size() + 1);
    const auto bin =
        std::lower_bound(bounds.cbegin(), bounds.cend(), lagMicros,
                         [](qint64 boundMs, qint64 micros) { return boundMs * 1000 < micros; });
    ++s.totals.lagBins[bin - bounds.cbegin()];
}

void LagMonitor::recordOutcome(const QString &channel, AttemptOutcome outcome, qint64 atMs)
{
    recordCall(channel, outcome, 1, outcome == AttemptOutcome::Acknowledged ? 0 : 1, atMs);
}

void LagMonitor::recordCall(const QString &channel, AttemptOutcome outcome, int updates,
                            int failedUpdates, qint64 atMs)
{
    const qint64 now = m_clock.nowMs();
    atMs = at(atMs);
    updates = std::max(updates, 0);
    failedUpdates = std::clamp(failedUpdates, 0, updates);
    ChannelState &s = state(channel);
    const bool failed = outcome != AttemptOutcome::Acknowledged;
    const bool throttled = outcome == AttemptOutcome::Throttled;
    const bool unanswered = outcome == AttemptOutcome::Unanswered;
    for (SlotRing *ring : {&s.fine, &s.coarse}) {
        if (Slot *slot = ring->slotAt(atMs, now)) {
            ++slot->attempts;
            slot->failures += failed;
            slot->throttled += throttled;
            slot->unanswered += unanswered;
            slot->updates += updates;
            slot->failedUpdates += failedUpdates;
        }
    }
    s.lastAttemptAtMs = std::max(s.lastAttemptAtMs, atMs);
    if (!failed)
        s.lastAckAtMs = std::max(s.lastAckAtMs, atMs);
    ++s.totals.attempts;
    s.totals.failures += failed;
    s.totals.throttled += throttled;
    s.totals.unanswered += unanswered;
    s.totals.updates += updates;
    s.totals.failedUpdates += failedUpdates;
}

void LagMonitor::setDeadLetterDepth(const QString &channel, qint64 depth)
{
    state(channel).deadLetters = std::max<qint64>(depth, 0);
}

void LagMonitor::setDrift(const QString &channel, qint64 listings, qint64 outlived)
{
    ChannelState &s = state(channel);
    s.driftListings = std::max<qint64>(listings, 0);
    s.driftOutlived = std::clamp<qint64>(outlived, 0, s.driftListings);
}

void LagMonitor::setPending(const QString &channel, qint64 listings, qint64 sinceMs)
{
    ChannelState &s = state(channel);
    listings = std::max<qint64>(listings, 0);
    if (listings > 0 && (s.pending == 0 || sinceMs != kNow))
        s.pendingSinceMs = at(sinceMs);
    else if (listings == 0)
        s.pendingSinceMs = -1;
    s.pending = listings;
}

void LagMonitor::note(std::deque<OrderProblem> &log, OrderProblem problem)
{
    const qint64 oldest = m_clock.nowMs() - kOneDayMs;
    while (!log.empty() && (log.front().atMs < oldest || log.size() >= kMaxProblemsKept))
        log.pop_front();
    // Kept in time order, so the window counts can stop at the first older entry.
    auto pos = std::upper_bound(log.begin(), log.end(), problem.atMs,
                                [](qint64 t, const OrderProblem &p) { return t < p.atMs; });
    log.insert(pos, std::move(problem));
}

void LagMonitor::noteOversold(const OrderProblem &problem)
{
    ++m_oversellTotal;
    OrderProblem p = problem;
    p.atMs = at(p.atMs);
    note(m_oversells, std::move(p));
}

void LagMonitor::noteUnmatched(const OrderProblem &problem)
{
    ++m_unknownSkuTotal;
    OrderProblem p = problem;
    p.atMs = at(p.atMs);
    note(m_unknownSkus, std::move(p));
}

qint64 LagMonitor::countSince(const std::deque<OrderProblem> &log, qint64 windowMs) const
{
    const qint64 from = m_clock.nowMs() - windowMs;
    qint64 n = 0;
    for (auto it = log.rbegin(); it != log.rend() && it->atMs > from; ++it)
        ++n;
    return n;
}

QList<OrderProblem> LagMonitor::since(const std::deque<OrderProblem> &log, qint64 windowMs) const
{
    const qint64 from = m_clock.nowMs() - windowMs;
    QList<OrderProblem> out;
    for (const OrderProblem &p : log) {
        if (p.atMs > from)
            out.append(p);
    }
    return out;
}

QList<OrderProblem> LagMonitor::recentOversoldOrders(qint64 windowMs) const
{
    return since(m_oversells, windowMs);
}

QList<OrderProblem> LagMonitor::recentUnmatchedOrders(qint64 windowMs) const
{
    return since(m_unknownSkus, windowMs);
}

void LagMonitor::removeChannel(const QString &channel)
{
    m_channels.erase(channel);
}

QStringList LagMonitor::channels() const
{
    QStringList out;
    out.reserve(qsizetype(m_channels.size()));
    for (const auto &entry : m_channels)
        out.append(entry.first);
    return out;
}

ChannelStatus LagMonitor::statusOf(const ChannelState &s, qint64 now) const
{
    const Slot recent = s.fine.window(m_thresholds.stallMs, now);
    if (recent.attempts >= m_thresholds.unreachableAttempts &&
        recent.unanswered == recent.attempts && recent.lag.isEmpty()) {
        return ChannelStatus::Unreachable;
    }
    if (s.pending > 0 && now - std::max(s.pendingSinceMs, s.lastAckAtMs) > m_thresholds.stallMs)
        return ChannelStatus::Stalled;
    const Slot fiveMinutes = s.fine.window(kFiveMinutesMs, now);
    if (!fiveMinutes.lag.isEmpty() &&
        toMs(fiveMinutes.lag.percentile(99)) > m_thresholds.slowP99Ms) {
        return ChannelStatus::Slow;
    }
    if (s.pending == 0 && fiveMinutes.attempts == 0 && fiveMinutes.lag.isEmpty())
        return ChannelStatus::Idle;
    return ChannelStatus::Ok;
}

ChannelLagStats LagMonitor::snapshot(const QString &channel, qint64 windowMs) const
{
    windowMs = std::clamp<qint64>(windowMs, 1, kOneDayMs);
    ChannelLagStats stats;
    stats.channel = channel;
    stats.windowMs = windowMs;
    const ChannelState *s = find(channel);
    if (!s)
        return stats;
    const qint64 now = m_clock.nowMs();
    const Slot w = s->ringFor(windowMs).window(windowMs, now);
    stats.count = w.lag.count();
    stats.p50Ms = toMs(w.lag.percentile(50));
    stats.p95Ms = toMs(w.lag.percentile(95));
    stats.p99Ms = toMs(w.lag.percentile(99));
    stats.maxMs = toMs(double(w.lag.max()));
    stats.meanMs = toMs(w.lag.mean());
    stats.attempts = w.attempts;
    stats.failures = w.failures;
    stats.throttled = w.throttled;
    stats.unanswered = w.unanswered;
    stats.updates = w.updates;
    stats.failedUpdates = w.failedUpdates;
    stats.successRate = w.updates ? double(w.updates - w.failedUpdates) / double(w.updates) : 1.0;
    stats.deadLetters = s->deadLetters;
    stats.driftListings = s->driftListings;
    stats.driftOutlived = s->driftOutlived;
    stats.pending = s->pending;
    stats.lastAckAtMs = s->lastAckAtMs;
    stats.lastAttemptAtMs = s->lastAttemptAtMs;
    stats.status = statusOf(*s, now);
    return stats;
}

QList<ChannelLagStats> LagMonitor::snapshots(qint64 windowMs) const
{
    QList<ChannelLagStats> out;
    out.reserve(qsizetype(m_channels.size()));
    for (const auto &entry : m_channels)
        out.append(snapshot(entry.first, windowMs));
    return out;
}

QList<qint64> LagMonitor::distribution(const QString &channel, qint64 windowMs,
                                       const QList<qint64> &upperBoundsMs) const
{
    QList<qint64> counts(upperBoundsMs.size() + 1, 0);
    const ChannelState *s = find(channel);
    if (!s)
        return counts;
    windowMs = std::clamp<qint64>(windowMs, 1, kOneDayMs);
    const Slot w = s->ringFor(windowMs).window(windowMs, m_clock.nowMs());
    qint64 below = 0;
    for (qsizetype i = 0; i < upperBoundsMs.size(); ++i) {
        const qint64 atMost = w.lag.countAtMost(upperBoundsMs.at(i) * 1000);
        counts[i] = atMost - below;
        below = atMost;
    }
    counts.last() = w.lag.count() - below;
    return counts;
}

QList<LagPoint> LagMonitor::series(const QString &channel, qint64 windowMs, int points) const
{
    windowMs = std::clamp<qint64>(windowMs, 1, kOneDayMs);
    const ChannelState *s = find(channel);
    static const ChannelState unknown; // no slots allocated: only its geometry is used
    const SlotRing &ring = (s ? s : &unknown)->ringFor(windowMs);
    const qint64 slots = ring.slotsIn(windowMs);
    points = int(std::clamp<qint64>(points, 1, slots));
    const qint64 first = ring.epochOf(m_clock.nowMs()) - slots + 1;
    QList<LagPoint> out;
    out.reserve(points);
    for (int k = 0; k < points; ++k) {
        const qint64 from = first + k * slots / points;
        const qint64 to = first + (k + 1) * slots / points - 1;
        LagPoint point;
        point.tMs = from * ring.slotMs();
        point.spanMs = (to - from + 1) * ring.slotMs();
        if (s) {
            const Slot sum = ring.sum(from, to);
            point.count = sum.lag.count();
            point.p50Ms = toMs(sum.lag.percentile(50));
            point.p95Ms = toMs(sum.lag.percentile(95));
            point.p99Ms = toMs(sum.lag.percentile(99));
        }
        out.append(point);
    }
    return out;
}

LagMonitor::Totals LagMonitor::totals(const QString &channel) const
{
    const ChannelState *s = find(channel);
    return s ? s->totals : Totals {};
}

} // namespace ChannelDesk
