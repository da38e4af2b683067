#pragma once

#include "domain/mutation.h"
#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <map>
#include <optional>

namespace ChannelDesk {

class Database;

// The seeds' what-if on the merchant's own orders: had the shops learnt of stock changes by
// polling every N minutes, how many orders would have been taken against stock a shop showed
// stale, and how many with the lag this installation measured (whatif in the CLI, the Lag tab).
//
// An order is taken against stale stock when one of its SKUs changed shortly before, from
// anywhere but the order's own channel (a sale on a channel, an adjustment, an import...), and
// that change had not reached the order's channel yet. With polling, a change reaches a shop
// up to a whole interval later (the worst case the seeds argue with: a change just after a
// poll), so the window is the interval; with push, it is the lag measured here (p99 of the
// recorded commit-to-acknowledgement lags). A shop always knows its own sales, so changes made
// by orders of the same channel never count. On 500 orders a day spread over two channels and
// one SKU, every order but the first is stale at 15 minutes: 499 / 96 windows = 5.2 per window,
// the seeds' figure.
//
// Feed the log oldest first with add(), then read report(). Pure arithmetic: replay() is the
// one that reads a database.
class WhatIf
{
public:
    static constexpr int kDefaultPollMinutes = 15;
    static constexpr int kMaxPollMinutes = 24 * 60;
    static constexpr int kDefaultSinceDays = 30;
    static constexpr int kMaxSinceDays = 366;
    static constexpr int kWorstWindows = 10;

    // One polling window (aligned to the start of the replay) that saw orders.
    struct Window
    {
        qint64 startMs = 0;
        qint64 orders = 0;
        qint64 stalePolling = 0;
        qint64 staleMeasured = 0; // 0 when nothing was measured

        friend bool operator==(const Window &, const Window &) = default;
    };

    struct Report
    {
        int pollMinutes = kDefaultPollMinutes;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        double windows = 0; // the replayed span in polling windows (per-window figures: at least 1)
        qint64 orders = 0;
        qint64 stalePolling = 0;
        qint64 staleMeasured = 0;
        std::optional<qint64> measuredLagMs; // p99; nullopt: no lag recorded yet
        double ordersPerWindow = 0;
        double stalePerWindowPolling = 0;
        std::optional<double> stalePerWindowMeasured; // nullopt with measuredLagMs
        QList<Window> worstWindows; // most stale orders under polling first, at most kWorstWindows

        // {"poll_minutes","orders_per_window","stale_per_window_polling",
        // "stale_per_window_measured","worst_windows":[{"start","orders","stale_polling",
        // "stale_measured"}]}, figures to one decimal, null where nothing was measured.
        QJsonObject toJson() const;
    };

    // The orders in [fromMs, toMs), windows of pollMinutes from fromMs; measuredLagMs as Report.
    WhatIf(qint64 fromMs, qint64 toMs, int pollMinutes, std::optional<qint64> measuredLagMs);

    // One row of the mutation log; rows must come oldest first. Rows before fromMs still count
    // as changes a later order may not have seen; rows at or after toMs are ignored.
    void add(const Mutation &m);
    Report report(int worst = kWorstWindows) const;

    struct Options
    {
        int pollMinutes = kDefaultPollMinutes;
        int sinceDays = kDefaultSinceDays;
    };
    // Replays the database's log over the last sinceDays before nowMs (from the log's first
    // row when it is younger), with the p99 of the lags it recorded.
    static Result<Report> replay(Database &db, const Options &options, qint64 nowMs);

private:
    // Per SKU: the newest change and its source (the channel of a sale, "" for changes made by
    // no order), and the newest change from any other source (time -1: none). Enough to answer
    // newestOtherChange for every channel, in a few words a SKU (the log of a large catalogue
    // is replayed in the console).
    struct LastChanges
    {
        QString newestSource;
        qint64 newestMs = -1;
        QString otherSource;
        qint64 otherMs = -1;

        void add(const QString &source, qint64 atMs);
    };

    // The newest change to sku from anything but channel, or nullopt.
    std::optional<qint64> newestOtherChange(const QString &sku, const QString &channel) const;

    qint64 m_fromMs;
    qint64 m_toMs;
    int m_pollMinutes;
    qint64 m_pollMs;
    std::optional<qint64> m_lagMs;
    QHash<QString, LastChanges> m_changes;
    // The order whose lines are being added ("channel\norder id"), and what it was found.
    QString m_lastOrder;
    bool m_lastOrderStalePolling = false;
    bool m_lastOrderStaleMeasured = false;
    std::map<qint64, Window> m_windows; // by window index
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::WhatIf::Report)
