// demo: the order path working, headless.
#include "cli.h"
#include "sim/orderstream.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSkuCount = 200;
constexpr int kTickMs = 20;
constexpr int kRestock = 2000;

struct Totals
{
    qint64 orders = 0;
    qint64 applied = 0;
    qint64 duplicates = 0;
    qint64 oversold = 0; // applied, but below zero: units owed
    qint64 unmatched = 0;
    qint64 restocked = 0;
    qint64 unitsSold = 0;
};

} // namespace

int runDemo(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"demo"_s,
                     u"Seed a temporary SQLite inventory and feed a synthetic order stream (with "
                     "redeliveries and hot SKUs) through the real order path, printing a status "
                     "line every second."_s);
    parser.addOption({u"duration"_s, u"Run for S seconds (default 10)."_s, u"S"_s, u"10"_s});
    parser.addOption(
        {u"rate"_s, u"Orders per second to offer (default 2000)."_s, u"N"_s, u"2000"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    bool ok = false;
    const double duration = parser.value(u"duration"_s).toDouble(&ok);
    if (!ok || !(duration > 0 && duration <= 86400)) { // NaN too: QString::toDouble reads "nan"
        Cli::printError(u"--duration must be a number of seconds from 0 to 86400"_s);
        return Cli::kBadInput;
    }
    const int rate = parser.value(u"rate"_s).toInt(&ok);
    if (!ok || rate < 1 || rate > 1'000'000) {
        Cli::printError(u"--rate must be a whole number from 1 to 1000000"_s);
        return Cli::kBadInput;
    }

    QTemporaryDir dir;
    const QString location =
        parser.isSet(u"db"_s) ? parser.value(u"db"_s) : dir.filePath(u"demo.sqlite"_s);
    QString error;
    auto db = Database::open(location, &error);
    if (!db) {
        Cli::printError(u"unusable database: %1"_s.arg(error));
        return Cli::kUnusableDatabase;
    }
    SyncEngine engine(*db);

    // Seed the catalogue: the hot SKUs first, with modest stock so pauses and restocks show.
    QList<StockImportRow> seed;
    QStringList skus;
    for (int i = 1; i <= kSkuCount; ++i) {
        const QString sku = u"SKU-%1"_s.arg(i, 4, 10, QChar(u'0'));
        skus.append(sku);
        seed.append({sku, i <= 3 ? 400 : 50 + (i * 37) % 400, u"Demo product %1"_s.arg(i),
                     i <= 3 ? 5 : 0, std::nullopt});
    }
    if (const auto r = engine.importStock(seed, u"demo"_s, u"demo seed"_s); !r.ok()) {
        Cli::printError(u"cannot seed the demo inventory: %1"_s.arg(r.message));
        return Cli::kUnusableDatabase;
    }
    Cli::printLine(
        u"demo: %1 SKUs in %2; %3 orders/s offered for %4 s (Ctrl+C stops)"_s.arg(kSkuCount)
            .arg(db->shownLocation())
            .arg(rate)
            .arg(duration));

    OrderStream::Options options;
    options.skus = skus;
    OrderStream stream(options);
    Totals totals;
    Totals lastSecond;
    InventoryStore store(*db);
    QElapsedTimer clock;
    clock.start();
    int second = 0;
    double owed = 0;

    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        owed += rate * kTickMs / 1000.0;
        const int count = int(owed);
        owed -= count;
        if (count > 0) {
            const QList<OrderEvent> events =
                stream.take(count, QDateTime::currentMSecsSinceEpoch());
            const QList<ApplyResult> results = engine.applyBatch(events);
            for (qsizetype i = 0; i < results.size(); ++i) {
                ++totals.orders;
                switch (results.at(i).outcome) {
                case ApplyOutcome::Oversold:
                    ++totals.oversold;
                    [[fallthrough]];
                case ApplyOutcome::Applied:
                    ++totals.applied;
                    for (const OrderLine &line : events.at(i).lines)
                        totals.unitsSold += line.quantity;
                    break;
                case ApplyOutcome::Duplicate:
                    ++totals.duplicates;
                    break;
                case ApplyOutcome::Unmatched:
                    ++totals.unmatched;
                    break;
                default:
                    break;
                }
            }
        }
    });

    QTimer status;
    QObject::connect(&status, &QTimer::timeout, [&] {
        ++second;
        // Restock what ran out, as a merchant would, so the stream keeps going.
        const QList<StockLevel> levels = store.allStock().valueOr({});
        for (const StockLevel &s : std::as_const(levels)) {
            if (s.paused && s.available <= s.safetyBuffer) {
                if (engine.adjust(s.sku, kRestock, u"demo"_s, u"restock"_s).ok())
                    totals.restocked += kRestock;
            }
        }
        QStringList hot;
        for (int i = 0; i < 3 && i < levels.size(); ++i) {
            hot.append(u"%1=%2%3"_s.arg(levels.at(i).sku)
                           .arg(levels.at(i).available)
                           .arg(levels.at(i).paused ? u" (paused)"_s : QString()));
        }
        Cli::printLine(u"[%1s] %2 orders/s  applied %3  duplicates %4  oversold %5  "
                       "| hot: %6"_s.arg(second, 3)
                           .arg(totals.orders - lastSecond.orders, 6)
                           .arg(totals.applied)
                           .arg(totals.duplicates)
                           .arg(totals.oversold)
                           .arg(hot.join(u"  "_s)));
        lastSecond = totals;
        if (clock.elapsed() + 500 >= qint64(duration * 1000))
            QCoreApplication::quit();
    });

    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    tick.start(kTickMs);
    status.start(1000);
    QCoreApplication::exec();
    tick.stop();
    status.stop();

    // Check the books: every SKU's stock is what was seeded, plus restocks, minus what sold.
    const QList<StockLevel> levels = store.allStock().valueOr({});
    qint64 seeded = 0;
    for (const StockImportRow &r : std::as_const(seed))
        seeded += r.available;
    qint64 onHand = 0;
    for (const StockLevel &s : std::as_const(levels))
        onHand += s.available;
    // Below zero is units owed, and still counts: the books balance on the true number.
    const bool balanced = seeded + totals.restocked - totals.unitsSold == onHand;
    Cli::printLine(u"demo: %1 orders, %2 applied, %3 duplicates ignored, %4 of them oversold "
                   "(units owed); books %5 (seeded %6 + restocked %7 - sold %8 = %9 "
                   "available)"_s.arg(totals.orders)
                       .arg(totals.applied)
                       .arg(totals.duplicates)
                       .arg(totals.oversold)
                       .arg(balanced ? u"balance"_s : u"DO NOT balance"_s)
                       .arg(seeded)
                       .arg(totals.restocked)
                       .arg(totals.unitsSold)
                       .arg(onHand));
    return balanced ? Cli::kOk : Cli::kUnusableDatabase;
}
