// buffer-import, and what each channel should show (shared with stock --channels)
#include "channels/channelconfig.h"
#include "cli.h"
#include "io/buffercsv.h"
#include "store/bufferstore.h"
#include "store/database.h"
#include "store/inventorystore.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QSet>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace Cli {

std::optional<BufferRules> loadBufferRules(const QCommandLineParser &parser, Database &db)
{
    BufferRules rules;
    if (parser.isSet(u"config"_s)) {
        // Only the channels and their rules are needed: secrets may be absent.
        const ChannelsConfigResult config =
            loadChannelsConfig(parser.value(u"config"_s), QProcessEnvironment::systemEnvironment(),
                               SecretPolicy::Optional);
        if (!config.ok()) {
            printError(config.error);
            return std::nullopt;
        }
        rules = bufferRules(*config.config);
    } else {
        const auto stored = BufferStore(db).channelRules();
        if (!stored) {
            printError(u"cannot read the channels' buffer rules: %1"_s.arg(stored.error()));
            return std::nullopt;
        }
        rules = BufferRules(*stored);
    }
    const auto overrides = BufferStore(db).overrides();
    if (!overrides) {
        printError(u"cannot read the buffer overrides: %1"_s.arg(overrides.error()));
        return std::nullopt;
    }
    rules.setOverrides(*overrides);
    return rules;
}

} // namespace Cli

int runBufferImport(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"buffer-import"_s,
                     u"Set what channels show of SKUs, per channel and SKU, from a CSV file with "
                     "the header channel,sku,reserve,percent,max,pause_at: an empty cell inherits "
                     "the channel's rule (a row of empty cells removes the override). All rows "
                     "or none; listings whose shown quantity changes are sent again by serve or "
                     "the console."_s);
    parser.addPositionalArgument(u"FILE.csv"_s, u"The buffer file (- for standard input)."_s);
    parser.addOption({u"config"_s, u"The config file: the channels and their rules."_s, u"FILE"_s});
    parser.addOption(
        {u"reason"_s, u"Why (recorded in the audit log)."_s, u"text"_s, u"buffer import"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    if (!parser.isSet(u"config"_s)) {
        Cli::printError(u"--config is required: the channels the rules are for"_s);
        return Cli::kBadInput;
    }
    QString path;
    QByteArray bytes;
    if (!Cli::readFileArgument(parser, u"FILE.csv"_s, &path, &bytes))
        return Cli::kBadInput;
    QList<BufferImportRow> rows;
    CsvErrors errors;
    if (!parseBufferCsv(QString::fromUtf8(bytes), &rows, &errors))
        return Cli::reportImportErrors(path, errors.messages);
    const ChannelsConfigResult config =
        loadChannelsConfig(parser.value(u"config"_s), QProcessEnvironment::systemEnvironment(),
                           SecretPolicy::Optional);
    if (!config.ok()) {
        Cli::printError(config.error);
        return Cli::kBadInput;
    }
    const BufferRules rules = bufferRules(*config.config);

    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    // Every channel must be configured and every SKU exist: name each line that is not.
    const auto stock = InventoryStore(*db).allStock();
    if (!stock) {
        Cli::printError(u"cannot read stock: %1"_s.arg(stock.error()));
        return Cli::kUnusableDatabase;
    }
    QSet<QString> known;
    for (const StockLevel &s : *stock)
        known.insert(s.sku);
    QList<ListingBuffer> listings;
    for (const BufferImportRow &row : std::as_const(rows)) {
        if (!rules.hasChannel(row.listing.channel))
            errors.add(row.line,
                       u"unknown channel \"%1\" (the config has %2)"_s.arg(
                           row.listing.channel, rules.channels().join(u", "_s)));
        if (!known.contains(row.listing.sku))
            errors.add(row.line, u"unknown SKU \"%1\" (import stock first)"_s.arg(row.listing.sku));
        listings.append(row.listing);
    }
    if (!errors.isEmpty())
        return Cli::reportImportErrors(path, errors.messages);

    const auto applied = BufferStore(*db).setOverrides(
        listings, rules, u"cli"_s, parser.value(u"reason"_s), QDateTime::currentMSecsSinceEpoch());
    if (!applied) {
        Cli::printError(u"nothing was imported: %1"_s.arg(applied.error()));
        return Cli::kUnusableDatabase;
    }
    Cli::printLine(
        u"imported %1 rows: %2 changed, %3 unchanged; %4 listings to send again"_s.arg(rows.size())
            .arg(applied->changed)
            .arg(rows.size() - applied->changed)
            .arg(applied->resent));
    return Cli::kOk;
}
