// workers: the serve workers sharing this inventory, their heartbeats and the channels whose
// propagation lease each holds (issue 12).
#include "cli.h"
#include "store/database.h"
#include "store/leasestore.h"
#include "util/clock.h"
#include "util/timeformat.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

int runWorkers(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"workers"_s,
                     u"The 'channeldesk-cli serve' workers sharing this inventory (a PostgreSQL "
                     "one), newest heartbeat first: host, process id, when each started, its last "
                     "heartbeat and the channels whose propagation lease it holds now."_s);
    parser.addOption({u"json"_s, u"Print one JSON array."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    auto db = Cli::openDatabase(parser, Database::Access::ReadOnly);
    if (!db)
        return Cli::kUnusableDatabase;
    const qint64 now = SystemClock::instance().nowMs();
    const auto workers = LeaseStore(*db).workers(now);
    if (!workers) {
        Cli::printError(u"cannot read the workers: %1"_s.arg(workers.error()));
        return Cli::kUnusableDatabase;
    }

    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const LeaseStore::Worker &w : *workers) {
            array.append(QJsonObject {
                {u"worker"_s, w.id},
                {u"host"_s, w.host},
                {u"pid"_s, w.pid},
                {u"started_at"_s, isoUtc(w.startedAtMs)},
                {u"heartbeat_at"_s, isoUtc(w.heartbeatAtMs)},
                {u"heartbeat_age_ms"_s, std::max<qint64>(0, now - w.heartbeatAtMs)},
                {u"channels"_s, QJsonArray::fromStringList(w.channels)},
            });
        }
        Cli::printJson(array);
        return Cli::kOk;
    }
    if (workers->isEmpty()) {
        Cli::printLine(u"no workers yet: start 'channeldesk-cli serve' on this database"_s);
        return Cli::kOk;
    }
    QList<QStringList> rows;
    for (const LeaseStore::Worker &w : *workers) {
        rows.append({w.id, w.host, QString::number(w.pid), isoUtc(w.startedAtMs),
                     isoUtc(w.heartbeatAtMs),
                     QString::number(std::max<qint64>(0, now - w.heartbeatAtMs) / 1000),
                     w.channels.isEmpty() ? u"-"_s : w.channels.join(u", "_s)});
    }
    Cli::printTable(
        {u"WORKER"_s, u"HOST"_s, u"PID"_s, u"STARTED"_s, u"HEARTBEAT"_s, u"AGE S"_s, u"CHANNELS"_s},
        rows, {2, 5});
    return Cli::kOk;
}
