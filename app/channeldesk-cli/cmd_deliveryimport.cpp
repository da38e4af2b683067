// delivery-import
#include "carriers/deliverycsv.h"
#include "carriers/reliabilitystore.h"
#include "cli.h"
#include "store/database.h"
#include "util/clock.h"

#include <QDateTime>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

int runDeliveryImport(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"delivery-import"_s,
                     u"Record delivery outcomes from a CSV file with the header "
                     "carrier,service,zone,promised,delivered (zone like US-941, dates like "
                     "2026-12-01). They teach the quote command each carrier-service's on-time "
                     "rate. All rows or none."_s);
    parser.addPositionalArgument(u"FILE.csv"_s, u"The delivery file (- for standard input)."_s);
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    QString path;
    QByteArray bytes;
    if (!Cli::readFileArgument(parser, u"FILE.csv"_s, &path, &bytes))
        return Cli::kBadInput;
    QList<DeliveryOutcome> outcomes;
    CsvErrors errors;
    const QDate today =
        QDateTime::fromMSecsSinceEpoch(SystemClock::instance().nowMs(), Qt::UTC).date();
    if (!parseDeliveryCsv(QString::fromUtf8(bytes), &outcomes, &errors, today))
        return Cli::reportImportErrors(path, errors.messages);
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    ReliabilityStore store(*db, SystemClock::instance());
    const Result<qsizetype> recorded = store.recordOutcomes(outcomes);
    if (!recorded) {
        Cli::printError(u"nothing was imported: %1"_s.arg(recorded.error()));
        return Cli::kUnusableDatabase;
    }
    qsizetype onTime = 0;
    for (const DeliveryOutcome &o : std::as_const(outcomes))
        onTime += o.onTime() ? 1 : 0;
    QString line = u"imported %1 deliveries: %2 on time, %3 late"_s.arg(outcomes.size())
                       .arg(onTime)
                       .arg(outcomes.size() - onTime);
    if (*recorded < outcomes.size())
        line += u"; %1 already recorded, counted once"_s.arg(outcomes.size() - *recorded);
    Cli::printLine(line);
    return Cli::kOk;
}
