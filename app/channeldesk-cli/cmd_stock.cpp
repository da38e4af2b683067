// import-stock, adjust, stock
#include "cli.h"
#include "domain/bufferrules.h"
#include "domain/sku.h"
#include "io/stockcsv.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QRegularExpression>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
const QString kNegativePrefix = u"\u0001neg"_s;

// QCommandLineParser reads "-5" as an option; a negative DELTA is a positional argument here.
QStringList protectNegativeNumbers(QStringList args, const QStringList &valueOptions)
{
    static const QRegularExpression negative(u"^-[0-9]+$"_s);
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (negative.match(args.at(i)).hasMatch() && !valueOptions.contains(args.at(i - 1)))
            args[i] = kNegativePrefix + args.at(i).mid(1);
    }
    return args;
}

QString unprotect(const QString &arg)
{
    return arg.startsWith(kNegativePrefix) ? u"-"_s + arg.mid(kNegativePrefix.size()) : arg;
}
} // namespace

int runImportStock(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"import-stock"_s,
                     u"Set stock absolutely from a CSV file with the header sku,available (or "
                     "sku,on_hand: the shelf count, from which available = on hand - committed) "
                     "and optional title and safety_buffer columns. All rows or none."_s);
    parser.addPositionalArgument(u"FILE.csv"_s, u"The stock file (- for standard input)."_s);
    parser.addOption(
        {u"reason"_s, u"Why (recorded in the audit log)."_s, u"text"_s, u"stock import"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    QString path;
    QByteArray bytes;
    if (!Cli::readFileArgument(parser, u"FILE.csv"_s, &path, &bytes))
        return Cli::kBadInput;

    QList<StockImportRow> rows;
    CsvErrors errors;
    if (!parseStockCsv(QString::fromUtf8(bytes), &rows, &errors))
        return Cli::reportImportErrors(path, errors.messages);

    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    SyncEngine engine(*db);
    const auto result = engine.importStock(rows, u"cli"_s, parser.value(u"reason"_s));
    if (!result.ok()) {
        Cli::printError(u"nothing was imported: %1"_s.arg(result.message));
        return result.error == SyncEngine::ChangeError::StorageError ? Cli::kUnusableDatabase
                                                                     : Cli::kBadInput;
    }
    qsizetype changed = 0;
    for (const Mutation &m : result.mutations)
        changed += m.kind == MutationKind::Import ? 1 : 0;
    Cli::printLine(u"imported %1 rows: %2 changed, %3 unchanged"_s.arg(rows.size())
                       .arg(changed)
                       .arg(rows.size() - changed));
    return Cli::kOk;
}

int runAdjust(const QStringList &rawArgs)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"adjust"_s,
                     u"Correct one SKU's stock by DELTA (negative to take away); refuses to go "
                     "below zero."_s);
    parser.addPositionalArgument(u"SKU"_s, u"The SKU to correct."_s);
    parser.addPositionalArgument(u"DELTA"_s, u"A whole number, e.g. 12 or -3."_s);
    parser.addOption({u"reason"_s, u"Why (required; recorded in the audit log)."_s, u"text"_s});
    parser.addOption({u"actor"_s, u"Who (default: the user name)."_s, u"name"_s});
    const QStringList args =
        protectNegativeNumbers(rawArgs, {u"--reason"_s, u"--db"_s, u"--actor"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        Cli::printError(u"adjust takes SKU and DELTA"_s);
        return Cli::kBadInput;
    }
    const QString sku = unprotect(positional.at(0));
    bool ok = false;
    const qint64 delta = unprotect(positional.at(1)).toLongLong(&ok);
    if (!ok || delta == 0) {
        Cli::printError(u"DELTA must be a non-zero whole number, not \"%1\""_s.arg(
            unprotect(positional.at(1))));
        return Cli::kBadInput;
    }
    const QString reason = parser.value(u"reason"_s).trimmed();
    if (reason.isEmpty()) {
        Cli::printError(u"--reason is required: say why the stock is corrected"_s);
        return Cli::kBadInput;
    }
    QString actor = parser.value(u"actor"_s);
    if (actor.isEmpty())
        actor = qEnvironmentVariable("USER", u"cli"_s);

    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    SyncEngine engine(*db);
    const auto result = engine.adjust(sku, delta, actor, reason);
    if (!result.ok()) {
        Cli::printError(result.message);
        return result.error == SyncEngine::ChangeError::StorageError ? Cli::kUnusableDatabase
                                                                     : Cli::kBadInput;
    }
    const Mutation &m = result.mutations.constFirst();
    QString line = u"%1: %2%3 -> %4 available (version %5)"_s.arg(sku, delta > 0 ? "+"_L1 : ""_L1)
                       .arg(delta)
                       .arg(m.availableAfter)
                       .arg(result.mutations.constLast().version);
    if (result.mutations.size() > 1)
        line += u", "_s + kindName(result.mutations.constLast().kind) + u"d"_s;
    Cli::printLine(line);
    return Cli::kOk;
}

int runStock(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"stock"_s, u"List every SKU."_s);
    parser.addOption({u"json"_s, u"Print one JSON array."_s});
    parser.addOption({u"channels"_s,
                      u"Per channel: what it should show now (expected) beside what it last "
                      "acknowledged."_s});
    parser.addOption({u"config"_s,
                      u"With --channels: the channels' rules from this config file (default: "
                      "the rules serve or the console last sent with)."_s,
                      u"FILE"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    // Only looks: never waits for or takes the write lock a running serve may hold.
    auto db = Cli::openDatabase(parser, Database::Access::ReadOnly);
    if (!db)
        return Cli::kUnusableDatabase;
    const auto read = InventoryStore(*db).allStock();
    if (!read) {
        Cli::printError(u"cannot read stock: %1"_s.arg(read.error()));
        return Cli::kUnusableDatabase;
    }
    const QList<StockLevel> &levels = *read;
    const bool withChannels = parser.isSet(u"channels"_s);
    BufferRules rules;
    QHash<QString, QList<ListingState>> listings; // by SKU
    QStringList channels; // every channel with a listing, sorted
    if (withChannels) {
        auto loaded = Cli::loadBufferRules(parser, *db);
        if (!loaded)
            return Cli::kBadInput;
        rules = std::move(*loaded);
        const auto all = PropagationStore(*db).listings();
        if (!all) {
            Cli::printError(u"cannot read the listings: %1"_s.arg(all.error()));
            return Cli::kUnusableDatabase;
        }
        for (const ListingState &l : *all) {
            listings[l.sku].append(l);
            if (!channels.contains(l.channel))
                channels.append(l.channel);
        }
        channels.sort();
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const StockLevel &s : std::as_const(levels)) {
            QJsonObject o {{u"sku"_s, s.sku},
                           {u"title"_s, s.title},
                           {u"available"_s, s.available},
                           {u"safety_buffer"_s, s.safetyBuffer},
                           {u"version"_s, s.version},
                           {u"paused"_s, s.paused},
                           {u"committed"_s, s.committed},
                           {u"on_hand"_s, s.onHand()}};
            if (withChannels) {
                QJsonArray perChannel;
                for (const ListingState &l : listings.value(s.sku)) {
                    const ShownQuantity e =
                        rules.expected(l.channel, s.sku, s.available, s.safetyBuffer);
                    perChannel.append(QJsonObject {
                        {u"channel"_s, l.channel},
                        {u"remote_id"_s, l.remoteId},
                        {u"state"_s, stateName(l.state)},
                        {u"expected"_s, e.quantity},
                        {u"expected_paused"_s, e.paused},
                        {u"acked_quantity"_s,
                         l.ackedQuantity ? QJsonValue(*l.ackedQuantity) : QJsonValue()},
                        {u"acked_version"_s, l.ackedVersion},
                        {u"in_sync"_s, l.ackedVersion >= s.version}});
                }
                o.insert(u"channels"_s, perChannel);
            }
            array.append(o);
        }
        Cli::printJson(array);
        return Cli::kOk;
    }
    QList<QStringList> rows;
    for (const StockLevel &s : std::as_const(levels)) {
        QStringList row {s.sku,
                         QString::number(s.onHand()),
                         QString::number(s.committed),
                         s.available < 0 ? u"%1 (owed)"_s.arg(s.available)
                                         : QString::number(s.available),
                         QString::number(s.safetyBuffer),
                         QString::number(s.version),
                         s.paused ? u"paused"_s : u"-"_s};
        // Per channel "expected/acknowledged": what it should show, and what it last said.
        for (const QString &channel : std::as_const(channels)) {
            QString cell = u"-"_s;
            for (const ListingState &l : listings.value(s.sku)) {
                if (l.channel != channel)
                    continue;
                const ShownQuantity e = rules.expected(channel, s.sku, s.available, s.safetyBuffer);
                cell = u"%1/%2"_s.arg(e.quantity)
                           .arg(l.ackedQuantity ? QString::number(*l.ackedQuantity) : u"?"_s);
            }
            row.append(cell);
        }
        row.append(s.title);
        rows.append(row);
    }
    QStringList headers {u"SKU"_s,    u"ON HAND"_s, u"COMMITTED"_s, u"AVAILABLE"_s,
                         u"BUFFER"_s, u"VERSION"_s, u"PAUSED"_s};
    QList<int> right {1, 2, 3, 4, 5};
    for (const QString &channel : std::as_const(channels)) {
        right.append(int(headers.size()));
        headers.append(channel.toUpper());
    }
    headers.append(u"TITLE"_s);
    Cli::printTable(headers, rows, right);
    return Cli::kOk;
}
