// lag: per channel sync lag, success rate, DLQ depth and status, from the metrics a running
// 'serve' keeps in the database.
#include "cli.h"
#include "metrics/lagmonitor.h"
#include "store/database.h"
#include "store/metricslog.h"
#include "util/clock.h"
#include "util/timeformat.h"

#include <QJsonValue>
#include <QRegularExpression>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

// "90s", "5m", "1h", "24h": a window of at most a day. -1 when the text is not one.
qint64 parseWindow(const QString &text)
{
    static const QRegularExpression re(u"^([1-9][0-9]{0,5})([smh])$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const qint64 unitMs = m.captured(2) == "s"_L1 ? 1000
        : m.captured(2) == "m"_L1                 ? 60 * 1000
                                                  : LagMonitor::kOneHourMs;
    const qint64 ms = m.captured(1).toLongLong() * unitMs;
    return ms <= LagMonitor::kOneDayMs ? ms : -1;
}

double rounded(double ms)
{
    return qRound64(ms * 10) / 10.0;
}

QString millis(const ChannelLagStats &s, double ms)
{
    return s.count ? QString::number(ms, 'f', 1) : u"-"_s;
}

} // namespace

int runLag(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"lag"_s,
                     u"Per channel: sync lag percentiles, success rate, dead letters, pending "
                     "listings and a status (ok, slow, stalled, unreachable, idle), from the "
                     "metrics a running 'channeldesk-cli serve' records."_s);
    parser.addOption({u"json"_s, u"Print one JSON array."_s});
    parser.addOption({u"window"_s, u"The lag and success-rate window: 5m, 1h, 24h (default 5m)."_s,
                      u"W"_s, u"5m"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    const QString windowText = parser.value(u"window"_s).trimmed();
    const qint64 windowMs = parseWindow(windowText);
    if (windowMs < 0) {
        Cli::printError(
            u"--window: expected a span of at most a day such as 5m, 1h or 24h, got \"%1\""_s.arg(
                windowText));
        return Cli::kBadInput;
    }
    // Only looks: never waits for or takes the write lock a running serve may hold.
    auto db = Cli::openDatabase(parser, Database::Access::ReadOnly);
    if (!db)
        return Cli::kUnusableDatabase;

    // The same LagMonitor a running serve holds, rebuilt from the rows: same percentiles, same
    // status rules. The status looks at the last 5 minutes whatever the window, and a window
    // covers the slot being filled, so the replay reaches one coarse slot further back.
    const Clock &clock = SystemClock::instance();
    LagMonitor monitor(clock);
    MetricsLog log(*db);
    const qint64 sinceMs =
        clock.nowMs() - std::max(windowMs, LagMonitor::kFiveMinutesMs) - LagMonitor::kCoarseSlotMs;
    if (const Status loaded = log.loadInto(monitor, sinceMs); !loaded) {
        Cli::printError(u"cannot read the propagation metrics: %1"_s.arg(loaded.error()));
        return Cli::kUnusableDatabase;
    }

    QList<ChannelLagStats> stats = monitor.snapshots(windowMs);
    for (ChannelLagStats &s : stats) {
        const auto lastAck = log.lastAckAt(s.channel);
        if (!lastAck) {
            Cli::printError(u"cannot read the propagation metrics: %1"_s.arg(lastAck.error()));
            return Cli::kUnusableDatabase;
        }
        if (*lastAck)
            s.lastAckAtMs = std::max(s.lastAckAtMs, **lastAck);
    }

    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const ChannelLagStats &s : std::as_const(stats)) {
            array.append(QJsonObject {
                {u"channel"_s, s.channel},
                {u"window"_s, windowText},
                {u"count"_s, s.count},
                {u"p50_ms"_s, rounded(s.p50Ms)},
                {u"p95_ms"_s, rounded(s.p95Ms)},
                {u"p99_ms"_s, rounded(s.p99Ms)},
                {u"max_ms"_s, rounded(s.maxMs)},
                {u"success_rate"_s, s.successRate},
                {u"updates"_s, s.updates},
                {u"failed_updates"_s, s.failedUpdates},
                {u"attempts"_s, s.attempts},
                {u"failures"_s, s.failures},
                {u"throttled"_s, s.throttled},
                {u"unanswered"_s, s.unanswered},
                {u"dead_letters"_s, s.deadLetters},
                {u"pending"_s, s.pending},
                {u"last_ack_at"_s,
                 s.lastAckAtMs < 0 ? QJsonValue(QJsonValue::Null)
                                   : QJsonValue(isoUtc(s.lastAckAtMs))},
                {u"status"_s, channelStatusName(s.status)},
            });
        }
        Cli::printJson(array);
        return Cli::kOk;
    }
    if (stats.isEmpty()) {
        Cli::printLine(u"no channels yet: map listings with 'channeldesk-cli map-import'"_s);
        return Cli::kOk;
    }
    QList<QStringList> rows;
    for (const ChannelLagStats &s : std::as_const(stats)) {
        rows.append({s.channel, channelStatusName(s.status), QString::number(s.count),
                     millis(s, s.p50Ms), millis(s, s.p95Ms), millis(s, s.p99Ms), millis(s, s.maxMs),
                     s.updates ? QString::number(s.successRate * 100, 'f', 1) + u'%' : u"-"_s,
                     QString::number(s.attempts), QString::number(s.failures),
                     QString::number(s.throttled), QString::number(s.deadLetters),
                     QString::number(s.pending),
                     s.lastAckAtMs < 0 ? u"never"_s : isoUtc(s.lastAckAtMs)});
    }
    Cli::printTable({u"CHANNEL"_s, u"STATUS"_s, u"COUNT"_s, u"P50 MS"_s, u"P95 MS"_s, u"P99 MS"_s,
                     u"MAX MS"_s, u"SUCCESS"_s, u"ATTEMPTS"_s, u"FAILED"_s, u"THROTTLED"_s,
                     u"DLQ"_s, u"PENDING"_s, u"LAST ACK"_s},
                    rows, {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    Cli::printLine(u"window %1; status over the last 5 minutes"_s.arg(windowText));
    return Cli::kOk;
}
