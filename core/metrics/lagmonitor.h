#pragma once

#include "metrics/channellagstats.h"
#include "util/clock.h"

#include <QObject>
#include <QStringList>

#include <deque>
#include <map>
#include <memory>

namespace ChannelDesk {

// How one attempt to update a channel ended, as the propagator saw it.
enum class AttemptOutcome {
    Acknowledged,
    Failed, // the channel answered with an error other than throttling
    Throttled, // the channel answered 429 (or its own "throttled")
    Unanswered, // timeout, reset, refused connection: no answer at all
};

// An order that asked for a SKU the store could not serve, kept for the alerts.
struct OrderProblem
{
    qint64 atMs = -1; // -1: now
    QString sku;
    QString channel;
    QString orderId {};
    QString detail {}; // what happened, in a merchant's words ("took SKU-7 to -2: 2 owed")
};

// Per channel: how far behind it is (sync lag = acknowledged − committed) over sliding windows of
// 5 minutes, 1 hour and 24 hours, how its attempts end, and its pending and dead-letter gauges;
// from these it judges the channel idle, ok, slow, stalled or unreachable (DESIGN §6). Lives on
// the core thread and is not thread-safe; time comes from the Clock it is given.
//
// Samples go into time slots: 10-second slots for the last hour and 5-minute slots for the last
// day. A window covers the slot now being filled and the ones before it, so a sample leaves a
// window between (window − slot) and window after it was recorded.
class LagMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kFiveMinutesMs = 5 * 60 * 1000;
    static constexpr qint64 kOneHourMs = 60 * 60 * 1000;
    static constexpr qint64 kOneDayMs = 24 * kOneHourMs;
    static constexpr qint64 kFineSlotMs = 10 * 1000;
    static constexpr qint64 kCoarseSlotMs = 5 * 60 * 1000;
    // Passed as a time, means "the clock's now".
    static constexpr qint64 kNow = -1;

    struct Thresholds
    {
        double slowP99Ms = 5000; // 5-minute p99 above this: slow
        qint64 stallMs = 30'000; // pending work, no acknowledgement for longer: stalled
        int unreachableAttempts = 3; // at least this many unanswered attempts within stallMs,
                                     // and none answered: unreachable
    };

    // Lifetime sums, for Prometheus counters.
    struct Totals
    {
        qint64 attempts = 0;
        qint64 failures = 0;
        qint64 throttled = 0;
        qint64 unanswered = 0;
        qint64 updates = 0; // listing updates carried by the calls
        qint64 failedUpdates = 0; // of which the channel did not take
        qint64 lagCount = 0;
        qint64 lagSumMicros = 0;
        // Lags counted per bin of histogramBoundsMs() (at most the bound, above the one
        // before), plus one bin for those above the last bound: the Prometheus histogram.
        QList<qint64> lagBins;
    };
    // The upper bounds of the lifetime lag histogram, in ms.
    static const QList<qint64> &histogramBoundsMs();

    explicit LagMonitor(const Clock &clock, QObject *parent = nullptr);
    ~LagMonitor() override;

    Thresholds thresholds() const { return m_thresholds; }
    void setThresholds(const Thresholds &thresholds) { m_thresholds = thresholds; }
    const Clock &clock() const { return m_clock; }

    // One acknowledged listing update: lag from the mutation's commit to the channel's answer.
    void recordLag(const QString &channel, qint64 lagMicros, qint64 ackAtMs = kNow);
    // One attempt (a request, batched or not) and how it ended, carrying one listing update.
    void recordOutcome(const QString &channel, AttemptOutcome outcome, qint64 atMs = kNow);
    // One call carrying `updates` listing updates, `failedUpdates` of which the channel did not
    // take (one eBay 207 or WooCommerce batch answer refusing 3 items of 25 is 3 failed updates,
    // in a call that succeeded). The success rate counts updates; health counts calls.
    void recordCall(const QString &channel, AttemptOutcome outcome, int updates, int failedUpdates,
                    qint64 atMs = kNow);
    void setDeadLetterDepth(const QString &channel, qint64 depth);
    // What the last reconciliation of the channel found: drifting listings, and how many of
    // them a reconciliation before it had already seen (drift that outlived one run).
    void setDrift(const QString &channel, qint64 listings, qint64 outlived);
    // sinceMs: when the oldest of those listings started waiting, for a caller that knows (a
    // monitor rebuilt from the database); by default, the moment pending work first appears.
    void setPending(const QString &channel, qint64 listings, qint64 sinceMs = kNow);
    // A sale that took a SKU below zero (units owed, DESIGN §2), and a sale with a line that
    // waits for a mapping or a SKU.
    void noteOversold(const OrderProblem &problem);
    void noteUnmatched(const OrderProblem &problem);
    void removeChannel(const QString &channel);

    // Every channel heard of, sorted.
    QStringList channels() const;
    // The figures over the last windowMs (up to a day); an unknown channel gives an idle, empty
    // one.
    ChannelLagStats snapshot(const QString &channel, qint64 windowMs = kFiveMinutesMs) const;
    QList<ChannelLagStats> snapshots(qint64 windowMs = kFiveMinutesMs) const;
    // The window cut into `points` equal spans (at most one per slot), oldest first.
    QList<LagPoint> series(const QString &channel, qint64 windowMs, int points) const;
    // The window's lags counted into bins: counts[i] holds the lags above upperBoundsMs[i - 1] and
    // at most upperBoundsMs[i]; one more bin at the end holds those above the last bound. The
    // bounds must ascend. Counts are exact to the histogram's 1%.
    QList<qint64> distribution(const QString &channel, qint64 windowMs,
                               const QList<qint64> &upperBoundsMs) const;
    Totals totals(const QString &channel) const;

    qint64 oversoldOrders(qint64 windowMs) const { return countSince(m_oversells, windowMs); }
    qint64 oversoldOrdersTotal() const { return m_oversellTotal; }
    QList<OrderProblem> recentOversoldOrders(qint64 windowMs) const;
    qint64 unmatchedOrders(qint64 windowMs) const { return countSince(m_unknownSkus, windowMs); }
    qint64 unmatchedOrdersTotal() const { return m_unknownSkuTotal; }
    QList<OrderProblem> recentUnmatchedOrders(qint64 windowMs) const;

private:
    struct ChannelState;
    ChannelState &state(const QString &channel);
    const ChannelState *find(const QString &channel) const;
    qint64 at(qint64 atMs) const { return atMs < 0 ? m_clock.nowMs() : atMs; }
    ChannelStatus statusOf(const ChannelState &s, qint64 now) const;
    qint64 countSince(const std::deque<OrderProblem> &log, qint64 windowMs) const;
    QList<OrderProblem> since(const std::deque<OrderProblem> &log, qint64 windowMs) const;
    void note(std::deque<OrderProblem> &log, OrderProblem problem);

    const Clock &m_clock;
    Thresholds m_thresholds;
    std::map<QString, std::unique_ptr<ChannelState>> m_channels;
    std::deque<OrderProblem> m_oversells;
    std::deque<OrderProblem> m_unknownSkus;
    qint64 m_oversellTotal = 0;
    qint64 m_unknownSkuTotal = 0;
};

} // namespace ChannelDesk
