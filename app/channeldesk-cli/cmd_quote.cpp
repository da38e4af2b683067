// quote
#include "carriers/carrierconfig.h"
#include "carriers/quotejson.h"
#include "carriers/quoteorder.h"
#include "carriers/rateshopper.h"
#include "carriers/reliabilitystore.h"
#include "cli.h"
#include "store/database.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <algorithm>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : u"unknown"_s;
}

void printResult(const QuoteResult &result)
{
    QList<QStringList> rows;
    for (const ScoredQuote &s : result.quotes) {
        const CarrierQuote &q = s.quote;
        QString meets = u"yes"_s;
        if (s.promise == PromiseCheck::Late)
            meets = u"no"_s;
        else if (s.promise == PromiseCheck::Unknown)
            meets = u"unknown"_s;
        rows.append({q.source, q.carrier, q.service, Money::format(q.costCents), q.currency,
                     dateText(q.estimatedDelivery), meets,
                     s.score ? QString::number(s.reliability, 'f', 3) : u"-"_s,
                     s.score ? QString::number(*s.score, 'f', 2) : u"-"_s, toString(s.fate),
                     s.fate == QuoteFate::Dropped ? s.reason : QString()});
    }
    if (!rows.isEmpty()) {
        Cli::printTable({u"SOURCE"_s, u"CARRIER"_s, u"SERVICE"_s, u"COST"_s, u"CURRENCY"_s,
                         u"EST. DELIVERY"_s, u"MEETS PROMISE"_s, u"RELIABILITY"_s, u"SCORE"_s,
                         u"FATE"_s, u"WHY DROPPED"_s},
                        rows, {3, 7, 8});
    }
    for (const CarrierError &e : result.errors) {
        Cli::printLine(u"error: %1%2: %3: %4"_s.arg(
            e.source, e.carrier.isEmpty() ? QString() : u" ("_s + e.carrier + u')',
            toString(e.kind), e.message));
    }
    Cli::printLine(result.explanation);
}
} // namespace

int runQuote(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"quote"_s,
                     u"Ask every configured carrier for rates at once, drop what misses the "
                     "order's promised date, and choose on cost and reliability. Exit status 0 "
                     "when a quote was chosen, 3 when none qualified, 1 on bad input."_s);
    parser.addPositionalArgument(u"ORDER.json"_s, u"The order to ship (- for standard input)."_s);
    parser.addOption({u"config"_s, u"The config file with the \"carriers\" array."_s, u"file"_s});
    parser.addOption({u"json"_s, u"Print one JSON object: chosen, quotes, errors."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    if (parser.positionalArguments().size() != 1) {
        Cli::printError(u"quote takes exactly one ORDER.json"_s);
        return Cli::kBadInput;
    }
    if (!parser.isSet(u"config"_s)) {
        Cli::printError(u"--config FILE is required"_s);
        return Cli::kBadInput;
    }
    const QString configPath = parser.value(u"config"_s);
    QByteArray configBytes;
    if (!Cli::readTextFile(configPath, &configBytes))
        return Cli::kBadInput;
    CarrierSettings settings;
    QString error;
    if (!parseCarrierSettings(configBytes, &settings, &error)) {
        Cli::printError(configPath + u": "_s + error);
        return Cli::kBadInput;
    }
    if (std::none_of(settings.carriers.cbegin(), settings.carriers.cend(),
                     [](const CarrierConfig &c) { return c.enabled; })) {
        Cli::printError(configPath + u": no enabled carrier in \"carriers\": nothing to quote"_s);
        return Cli::kBadInput;
    }
    const QString orderPath = parser.positionalArguments().constFirst();
    QByteArray orderBytes;
    if (!Cli::readTextFile(orderPath, &orderBytes))
        return Cli::kBadInput;
    ShipmentRequest request;
    if (!parseQuoteOrder(orderBytes, &request, &error)) {
        Cli::printError(orderPath + u": "_s + error);
        return Cli::kBadInput;
    }

    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    const Clock &clock = SystemClock::instance();
    ReliabilityStore store(*db, clock);
    QNetworkAccessManager network;
    RateShopper shopper(settings, &network, clock, &store);
    const bool json = parser.isSet(u"json"_s);
    int exitCode = Cli::kOk;
    QObject::connect(&shopper, &RateShopper::finished, &shopper,
                     [json, &exitCode](quint64, const QuoteResult &result) {
                         exitCode = result.chosen() ? Cli::kOk : Cli::kNoQualifyingQuote;
                         if (json)
                             Cli::printJson(toJson(result));
                         else
                             printResult(result);
                         QCoreApplication::exit(exitCode);
                     });
    shopper.quote(request);
    QCoreApplication::exec();
    return exitCode;
}
