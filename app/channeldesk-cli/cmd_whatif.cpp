// whatif: the seeds' what-if replayed on the merchant's own audit log: orders per polling window,
// and how many would have been taken against stale stock with polling at that interval and with
// the lag this installation measured.
#include "cli.h"
#include "metrics/whatif.h"
#include "store/database.h"
#include "util/clock.h"
#include "util/timeformat.h"

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

// A whole number of `unit` in [1, max] from an option; prints why and returns -1 when it is not.
int wholeNumber(const QCommandLineParser &parser, const QString &option, const QString &unit,
                int max)
{
    bool ok = false;
    const int n = parser.value(option).trimmed().toInt(&ok);
    if (ok && n >= 1 && n <= max)
        return n;
    Cli::printError(u"--%1: expected a whole number of %2 from 1 to %3, got \"%4\""_s.arg(
        option, unit, QString::number(max), parser.value(option)));
    return -1;
}

QString perWindow(double x)
{
    return QString::number(x, 'f', 1);
}

} // namespace

int runWhatIf(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(
        parser, u"whatif"_s,
        u"Replays the audit log: orders per polling window, and how many orders would have "
        "been taken against stale stock had the shops polled every MINUTES (a change reaches a "
        "shop up to a whole interval later), and with the sync lag this installation measured "
        "(p99 of the lags a running serve or console recorded), worst windows first."_s);
    parser.addOption({u"poll"_s, u"The polling interval in minutes, 1 to 1440 (default 15)."_s,
                      u"MINUTES"_s, QString::number(WhatIf::kDefaultPollMinutes)});
    parser.addOption({u"since"_s, u"Replay the last DAYS days, 1 to 366 (default 30)."_s, u"DAYS"_s,
                      QString::number(WhatIf::kDefaultSinceDays)});
    parser.addOption({u"json"_s, u"Print one JSON object."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        Cli::printError(u"whatif takes no arguments, got \"%1\""_s.arg(
            parser.positionalArguments().join(u' ')));
        return Cli::kBadInput;
    }
    WhatIf::Options options;
    options.pollMinutes = wholeNumber(parser, u"poll"_s, u"minutes"_s, WhatIf::kMaxPollMinutes);
    options.sinceDays = wholeNumber(parser, u"since"_s, u"days"_s, WhatIf::kMaxSinceDays);
    if (options.pollMinutes < 0 || options.sinceDays < 0)
        return Cli::kBadInput;
    // Only looks: never waits for or takes the write lock a running serve may hold.
    auto db = Cli::openDatabase(parser, Database::Access::ReadOnly);
    if (!db)
        return Cli::kUnusableDatabase;
    const auto report = WhatIf::replay(*db, options, SystemClock::instance().nowMs());
    if (!report) {
        Cli::printError(u"cannot replay the audit log: %1"_s.arg(report.error()));
        return Cli::kUnusableDatabase;
    }
    const WhatIf::Report &r = *report;
    if (parser.isSet(u"json"_s)) {
        Cli::printJson(r.toJson());
        return Cli::kOk;
    }
    Cli::printLine(u"%1 orders from %2 to %3: %4 polling windows of %5 min"_s.arg(r.orders)
                       .arg(isoUtc(r.fromMs), isoUtc(r.toMs), perWindow(r.windows))
                       .arg(r.pollMinutes));
    QList<QStringList> figures {
        {u"orders per window"_s, perWindow(r.ordersPerWindow)},
        {u"stale per window, polling every %1 min"_s.arg(r.pollMinutes),
         perWindow(r.stalePerWindowPolling)},
        {r.measuredLagMs ? u"stale per window, measured lag (p99 %1 ms)"_s.arg(*r.measuredLagMs)
                         : u"stale per window, measured lag"_s,
         r.stalePerWindowMeasured ? perWindow(*r.stalePerWindowMeasured)
                                  : u"- (no lag recorded yet)"_s},
    };
    Cli::printTable({u"FIGURE"_s, u"VALUE"_s}, figures, {1});
    if (r.worstWindows.isEmpty())
        return Cli::kOk;
    Cli::printLine(QString());
    QList<QStringList> rows;
    for (const WhatIf::Window &w : r.worstWindows) {
        rows.append({isoUtc(w.startMs), QString::number(w.orders), QString::number(w.stalePolling),
                     r.measuredLagMs ? QString::number(w.staleMeasured) : u"-"_s});
    }
    Cli::printTable({u"WINDOW"_s, u"ORDERS"_s, u"STALE POLLING"_s, u"STALE MEASURED"_s}, rows,
                    {1, 2, 3});
    return Cli::kOk;
}
