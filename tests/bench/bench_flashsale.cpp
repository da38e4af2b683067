// A 10x flash sale against channels limited to a few requests a second (DESIGN §11: at
// 2 requests/s, p99 lag < 5 s through coalescing and batching, and no repeated 429s).
//
// 500 SKUs. Orders arrive at the base rate, then for 20 s at ten times that rate with 80% of the
// lines on 10 hot SKUs (which sell out during it), then at the base rate again; all through the
// real runtime (SyncEngine, propagators, adapters) against channeldesk-sim in its own process, each
// simulated channel enforcing its limit the way the real one does (Shopify's cost bucket,
// WooCommerce's host limit, eBay's call limit, Amazon's patchListingsItem rate) and the core told
// the same limit (max_requests_per_second). Lag is what the LagMonitor measures (commit to
// acknowledgement). Pauses (updates that set a listing to 0: it sold out, or fell to its pause_at)
// are reported apart from the other updates: they are the ones that stop an oversell (issue 10:
// pauses p99 < 5 s on every channel).
//
// Oversold units (issue 13): every order is placed on one of the shops in turn, and a shop sells
// only against the quantity it shows: the quantity it last acknowledged, less what it sold itself
// since (a shop knows its own sales). An order for more than the shop shows is refused there and
// never reaches the core; one it takes is applied, and the units it took that the source of truth
// did not have (the units owed, Mutation::owed) are that shop's oversold units: what a lagging
// listing costs.
//
// Amazon's backlog goes by JSON_LISTINGS_FEED (issue 13) beyond its feed_threshold (default 20;
// CHANNELDESK_BENCH_FEED_THRESHOLD=N sets it, 0 turns feeds off), each feed processed by the
// simulator in CHANNELDESK_BENCH_FEED_S seconds (default 10; the real API takes minutes).
// CHANNELDESK_BENCH_DRAIN_S=N waits N s instead of 15 after the last order, for slow feeds.
//
// Usage: bench_flashsale [TYPES] [BASE_ORDERS_PER_SECOND] [REQUESTS_PER_SECOND]
// TYPES: comma-separated channel types, default shopify,woocommerce,ebay,amazon.
#include "benchreport.h"
#include "benchsim.h"
#include "metrics/lagmonitor.h"
#include "metrics/latencyhistogram.h"
#include "runtime/coreruntime.h"
#include "sim/orderstream.h"
#include "sync/propagator.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
constexpr int kSkus = 500;
constexpr int kHotSkus = 10;
// The hot SKUs start with this many units, so they sell out early in the flash (each gets about
// a hundred lines of 1 to 3 units in it) and every channel is sent a pause for each.
constexpr qint64 kHotStock = 60;
constexpr int kWarmUpMs = 3000;
constexpr int kBeforeMs = 10'000;
constexpr int kFlashMs = 20'000;
constexpr int kAfterMs = 10'000;
constexpr int kDefaultDrainMs = 15'000;

struct Throttling
{
    qint64 calls = 0;
    qint64 throttled = 0;
    int run = 0; // throttled answers in a row, now
    int longestRun = 0;
};

// Acknowledged updates by what they carried: a pause (0 where the channel showed more) or
// another update (a new quantity, or 0 again while a sold-out SKU keeps selling).
struct LagsByKind
{
    LatencyHistogram pauses;
    LatencyHistogram others;
    QHash<QString, qint64> shown; // by SKU: the quantity last acknowledged
    QHash<QString, qint64> forSale; // by SKU: what the shop shows buyers (shown less own sales)
    qint64 oversoldUnits = 0;
    qint64 refused = 0; // orders the shop refused: it showed too little
    qint64 placed = 0;
};

// Hands each order to the next shop; a shop takes it only when it shows every line's quantity
// (a SKU it never acknowledged shows what it was seeded with, which the core agrees with), and
// then counts its own sale against what it shows. Returns the orders taken, with their shops.
QList<OrderEvent> placeOnShops(const QList<OrderEvent> &orders, const QStringList &shops,
                               QHash<QString, LagsByKind> &lags, qsizetype *next,
                               QStringList *placedOn)
{
    QList<OrderEvent> taken;
    for (const OrderEvent &o : orders) {
        const QString &shop = shops.at((*next)++ % shops.size());
        LagsByKind &l = lags[shop];
        const bool shows = std::all_of(o.lines.cbegin(), o.lines.cend(), [&](const OrderLine &x) {
            const auto it = l.forSale.constFind(x.sku);
            return it == l.forSale.cend() || *it >= x.quantity;
        });
        if (!shows) {
            ++l.refused;
            continue;
        }
        for (const OrderLine &x : o.lines) {
            if (const auto it = l.forSale.find(x.sku); it != l.forSale.end())
                *it -= x.quantity;
        }
        ++l.placed;
        taken.append(o);
        placedOn->append(shop);
    }
    return taken;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"channeldesk.*.debug=false\nchanneldesk.*.info=false"_s);
    const QStringList args = app.arguments();
    const QStringList types = (args.size() > 1 ? args.at(1) : u"shopify,woocommerce,ebay,amazon"_s)
                                  .split(u',', Qt::SkipEmptyParts);
    const int baseRate = args.size() > 2 ? args.at(2).toInt() : 10;
    const double rps = args.size() > 3 ? args.at(3).toDouble() : 2;

    QTemporaryDir dir;
    QList<Bench::Channel> channels;
    for (const QString &type : types)
        channels.append({type, type, 10, rps});
    Bench::Core core(channels, kSkus, dir.path());
    CoreRuntime &runtime = core.runtime();

    QHash<QString, Throttling> throttling;
    QHash<QString, LagsByKind> lags;
    bool measuring = false;
    const QList<Propagator *> propagators = runtime.propagators();
    for (Propagator *p : propagators) {
        QObject::connect(
            p, &Propagator::acknowledged, &app,
            [&](const QString &channel, const QString &sku, qint64, qint64 quantity, qint64 lagMs) {
                LagsByKind &l = lags[channel];
                const qint64 before = l.shown.value(sku, -1);
                l.shown.insert(sku, quantity);
                l.forSale.insert(sku, quantity);
                if (!measuring)
                    return;
                (quantity == 0 && before != 0 ? l.pauses : l.others).record(lagMs * 1000);
            });
        QObject::connect(p, &Propagator::callFinished, &app,
                         [&](const QString &channel, AttemptOutcome outcome, int, int) {
                             if (!measuring)
                                 return;
                             Throttling &t = throttling[channel];
                             ++t.calls;
                             if (outcome == AttemptOutcome::Throttled) {
                                 ++t.throttled;
                                 t.longestRun = std::max(t.longestRun, ++t.run);
                             } else {
                                 t.run = 0;
                             }
                         });
    }

    OrderStream::Options normalOptions;
    for (int i = 0; i < kSkus; ++i)
        normalOptions.skus.append(Bench::skuName(i));
    normalOptions.channels = {u"pos"_s};
    normalOptions.duplicateShare = 0;
    normalOptions.hotSkus = 3;
    normalOptions.hotShare = 0.2;
    OrderStream normal(normalOptions);
    OrderStream::Options flashOptions = normalOptions;
    flashOptions.hotSkus = kHotSkus;
    flashOptions.hotShare = 0.8;
    flashOptions.seed = 2;
    OrderStream flash(flashOptions);

    QList<StockImportRow> hotStock;
    for (int i = 0; i < kHotSkus; ++i) {
        StockImportRow row;
        row.sku = Bench::skuName(i);
        row.available = kHotStock;
        hotStock.append(row);
    }
    if (const auto set = runtime.engine()->importStock(hotStock, u"bench"_s, u"flash stock"_s);
        !set.ok()) {
        std::fprintf(stderr, "cannot set the hot SKUs' stock: %s\n", qPrintable(set.message));
        return 1;
    }

    qint64 orders = 0;
    QStringList shops;
    for (const Bench::Channel &c : std::as_const(channels))
        shops.append(c.id);
    qsizetype nextShop = 0;
    QElapsedTimer clock;
    double owed = 0; // orders due but not yet sent, carried between ticks
    // The first push of every listing settles first; only the sale is measured.
    QTimer::singleShot(kWarmUpMs, &app, [&] {
        std::printf("channels=%s base=%d orders/s flash=%d orders/s for %d s limit=%.1f "
                    "requests/s skus=%d hot=%d\n",
                    qPrintable(types.join(u',')), baseRate, baseRate * 10, kFlashMs / 1000, rps,
                    kSkus, kHotSkus);
        for (const QString &ch : runtime.lagMonitor()->channels())
            runtime.lagMonitor()->removeChannel(ch);
        measuring = true;
        clock.start();
        auto *tick = new QTimer(&app);
        QObject::connect(tick, &QTimer::timeout, &app, [&, tick] {
            const qint64 t = clock.elapsed();
            const bool inFlash = t >= kBeforeMs && t < kBeforeMs + kFlashMs;
            owed += (inFlash ? baseRate * 10 : baseRate) / 100.0;
            const int n = int(owed);
            owed -= n;
            if (n > 0) {
                QStringList placedOn;
                const QList<OrderEvent> taken = placeOnShops((inFlash ? flash : normal).take(n, 0),
                                                             shops, lags, &nextShop, &placedOn);
                const QList<ApplyResult> results = runtime.engine()->applyBatch(taken);
                for (qsizetype i = 0; i < results.size(); ++i) {
                    for (const Mutation &m : results.at(i).mutations)
                        lags[placedOn.at(i)].oversoldUnits += m.owed();
                }
                orders += taken.size();
            }
            if (t >= kBeforeMs + kFlashMs + kAfterMs) {
                tick->stop();
                const int drainS = qEnvironmentVariableIntValue("CHANNELDESK_BENCH_DRAIN_S");
                QTimer::singleShot(drainS > 0 ? drainS * 1000 : kDefaultDrainMs, &app,
                                   &QCoreApplication::quit);
            }
        });
        tick->start(10);
    });
    app.exec();

    std::printf("orders: %lld\n", orders);
    double worst = 0;
    for (const ChannelLagStats &s : runtime.lagMonitor()->snapshots(LagMonitor::kFiveMinutesMs)) {
        const Throttling t = throttling.value(s.channel);
        std::printf("%-12s acks=%6lld calls=%5lld p50=%8.1f ms p95=%8.1f ms p99=%8.1f ms "
                    "max=%8.1f ms pending=%lld throttled=%lld longest-throttled-run=%d\n",
                    qPrintable(s.channel), s.count, t.calls, s.p50Ms, s.p95Ms, s.p99Ms, s.maxMs,
                    s.pending, t.throttled, t.longestRun);
        worst = std::max(worst, s.p99Ms);
    }
    double worstPause = 0;
    QJsonObject report;
    for (const ChannelLagStats &s : runtime.lagMonitor()->snapshots(LagMonitor::kFiveMinutesMs)) {
        const LagsByKind &l = lags[s.channel];
        const double pauseP99 = l.pauses.percentile(99) / 1000.0;
        std::printf("%-12s orders placed=%6lld refused (showed too little)=%5lld oversold "
                    "units=%lld\n",
                    qPrintable(s.channel), l.placed, l.refused, l.oversoldUnits);
        report.insert(s.channel,
                      QJsonObject {{u"p99_ms"_s, Bench::rounded(s.p99Ms)},
                                   {u"pause_p99_ms"_s, Bench::rounded(pauseP99)},
                                   {u"oversold_units"_s, l.oversoldUnits},
                                   {u"pending_at_end"_s, s.pending}});
        std::printf("%-12s pauses=%5lld p99=%8.1f ms max=%8.1f ms | other updates=%6lld "
                    "p99=%8.1f ms max=%8.1f ms\n",
                    qPrintable(s.channel), l.pauses.count(), pauseP99, l.pauses.max() / 1000.0,
                    l.others.count(), l.others.percentile(99) / 1000.0, l.others.max() / 1000.0);
        worstPause = std::max(worstPause, pauseP99);
    }
    std::printf("worst p99: %.1f ms\n", worst);
    std::printf("worst pause p99: %.1f ms\n", worstPause);
    Bench::printJsonLine({{u"channels"_s, report}});
    return 0;
}
