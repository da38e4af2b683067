// order, oversold, oversold-resolve, unmatched, unmatched-resolve
#include "cli.h"
#include "domain/ledger.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/orderledger.h"
#include "store/ordertimeline.h"
#include "sync/syncengine.h"
#include "util/controlchars.h"
#include "util/timeformat.h"

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

QString actorOf(const QCommandLineParser &parser)
{
    const QString actor = parser.value(u"actor"_s);
    return actor.isEmpty() ? qEnvironmentVariable("USER", u"cli"_s) : actor;
}

int changeExit(const SyncEngine::ChangeResult &r)
{
    switch (r.error) {
    case SyncEngine::ChangeError::None:
        return Cli::kOk;
    case SyncEngine::ChangeError::StorageError:
    case SyncEngine::ChangeError::ConcurrentUpdate:
        return Cli::kUnusableDatabase;
    default:
        return Cli::kBadInput;
    }
}

// CHANNEL and ORDER_ID, the first two positional arguments, and exactly `count` in all.
bool orderArguments(const QCommandLineParser &parser, const QString &command, int count,
                    QString *channel, QString *orderId)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != count) {
        Cli::printError(u"%1 takes %2"_s.arg(
            command, count == 2 ? u"CHANNEL ORDER_ID"_s : u"CHANNEL ORDER_ID LINE"_s));
        return false;
    }
    for (const auto &[name, value] : {std::pair {u"CHANNEL"_s, positional.at(0)},
                                      std::pair {u"ORDER_ID"_s, positional.at(1)}}) {
        if (value.trimmed().isEmpty()) {
            Cli::printError(u"%1 must not be empty"_s.arg(name));
            return false;
        }
        if (hasControlCharacter(value)) {
            Cli::printError(u"%1 must not contain control characters"_s.arg(name));
            return false;
        }
    }
    *channel = positional.at(0);
    *orderId = positional.at(1);
    return true;
}

} // namespace

int runOrder(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"order"_s,
                     u"Show one order's timeline: its lines (ordered, applied, restocked, "
                     "shipped, waiting), every event of its life, and the channel pushes that "
                     "carried the stock versions it produced."_s);
    parser.addPositionalArgument(u"CHANNEL"_s, u"The channel id."_s);
    parser.addPositionalArgument(u"ORDER_ID"_s, u"The channel's order id."_s);
    parser.addOption({u"json"_s, u"Print one JSON object."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    QString channel, orderId;
    if (!orderArguments(parser, u"order"_s, 2, &channel, &orderId))
        return Cli::kBadInput;
    // Only looks: never waits for or takes the write lock a running serve may hold.
    auto db = Cli::openDatabase(parser, Database::Access::ReadOnly);
    if (!db)
        return Cli::kUnusableDatabase;

    const auto loaded = loadOrderTimeline(*db, channel, orderId);
    if (!loaded) {
        Cli::printError(loaded.error());
        return Cli::kUnusableDatabase;
    }
    const OrderTimeline &timeline = *loaded;
    if (!timeline.found) {
        Cli::printError(u"no order %1 from %2"_s.arg(orderId, channel));
        return Cli::kBadInput;
    }
    const LedgerOrder &order = timeline.order;
    const QList<PushRecord> &pushes = timeline.pushes;
    using Entry = OrderTimeline::Entry;

    const QString status = orderStatusName(order.status());
    if (parser.isSet(u"json"_s)) {
        QJsonArray lines;
        for (const LedgerLine &l : std::as_const(order.lines)) {
            lines.append(QJsonObject {
                {u"line_id"_s, l.lineId.isEmpty() ? QString::number(l.lineNo) : l.lineId},
                {u"sku"_s, l.sku},
                {u"remote_id"_s, l.remoteId},
                {u"ordered"_s, l.ordered},
                {u"applied"_s, l.applied},
                {u"restocked"_s, l.restocked},
                {u"shipped"_s, l.shipped},
                {u"waiting"_s, l.waiting}});
        }
        QJsonArray eventArray;
        for (const Entry &e : std::as_const(timeline.entries))
            eventArray.append(QJsonObject {{u"at"_s, isoUtc(e.atMs)},
                                           {u"kind"_s, e.kind},
                                           {u"event_id"_s, e.eventId},
                                           {u"detail"_s, e.detail}});
        QJsonArray pushArray;
        for (const PushRecord &p : std::as_const(pushes)) {
            pushArray.append(QJsonObject {
                {u"channel"_s, p.channel},
                {u"sku"_s, p.sku},
                {u"version"_s, p.version},
                {u"state"_s, p.state},
                {u"sent_at"_s, isoUtc(p.sentAtMs)},
                {u"acked_at"_s, p.ackedAtMs > 0 ? QJsonValue(isoUtc(p.ackedAtMs)) : QJsonValue()},
                {u"lag_ms"_s, p.lagMs >= 0 ? QJsonValue(p.lagMs) : QJsonValue()},
                {u"error"_s, p.error}});
        }
        Cli::printJson(QJsonObject {{u"channel"_s, channel},
                                    {u"order_id"_s, orderId},
                                    {u"status"_s, status},
                                    {u"lines"_s, lines},
                                    {u"events"_s, eventArray},
                                    {u"pushes"_s, pushArray}});
        return Cli::kOk;
    }
    Cli::printLine(u"order %1 from %2: %3"_s.arg(orderId, channel, status));
    QList<QStringList> rows;
    for (const LedgerLine &l : std::as_const(order.lines)) {
        rows.append({QString::number(l.lineNo), l.sku.isEmpty() ? u"-"_s : l.sku,
                     l.remoteId.isEmpty() ? u"-"_s : l.remoteId, QString::number(l.ordered),
                     QString::number(l.applied), QString::number(l.restocked),
                     QString::number(l.shipped), QString::number(l.waiting),
                     QString::number(l.owed), l.note});
    }
    Cli::printTable({u"LINE"_s, u"SKU"_s, u"REMOTE ID"_s, u"ORDERED"_s, u"APPLIED"_s,
                     u"RESTOCKED"_s, u"SHIPPED"_s, u"WAITING"_s, u"OWED"_s, u"NOTE"_s},
                    rows, {0, 3, 4, 5, 6, 7, 8});
    Cli::printLine(QString());
    QList<QStringList> history;
    for (const Entry &e : std::as_const(timeline.entries))
        history.append(
            {isoUtc(e.atMs), e.kind, e.eventId.isEmpty() ? u"-"_s : e.eventId, e.detail});
    Cli::printTable({u"AT"_s, u"EVENT"_s, u"ID"_s, u"DETAIL"_s}, history);
    if (!pushes.isEmpty()) {
        Cli::printLine(QString());
        QList<QStringList> pushRows;
        for (const PushRecord &p : std::as_const(pushes)) {
            pushRows.append({p.channel, p.sku, QString::number(p.version), p.state,
                             isoUtc(p.sentAtMs), p.lagMs >= 0 ? QString::number(p.lagMs) : u"-"_s,
                             p.error});
        }
        Cli::printTable(
            {u"CHANNEL"_s, u"SKU"_s, u"VERSION"_s, u"STATE"_s, u"SENT"_s, u"LAG MS"_s, u"ERROR"_s},
            pushRows, {2, 5});
    }
    return Cli::kOk;
}

int runOversold(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"oversold"_s,
                     u"List the orders that took a SKU below zero and the units they are owed, "
                     "until a cancel, refund, restock or oversold-resolve settles them."_s);
    parser.addOption({u"json"_s, u"Print one JSON array."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        Cli::printError(u"oversold takes no arguments"_s);
        return Cli::kBadInput;
    }
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    const auto read = OrderLedger(*db).oversold();
    if (!read) {
        Cli::printError(u"cannot read the oversold orders: %1"_s.arg(read.error()));
        return Cli::kUnusableDatabase;
    }
    const QList<OversoldEntry> &entries = *read;
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const OversoldEntry &e : std::as_const(entries))
            array.append(QJsonObject {{u"channel"_s, e.channel},
                                      {u"order_id"_s, e.orderId},
                                      {u"sku"_s, e.sku},
                                      {u"owed"_s, e.owed},
                                      {u"at"_s, isoUtc(e.atMs)}});
        Cli::printJson(array);
        return Cli::kOk;
    }
    QList<QStringList> rows;
    for (const OversoldEntry &e : std::as_const(entries))
        rows.append({e.channel, e.orderId, e.sku, QString::number(e.owed), isoUtc(e.atMs)});
    Cli::printTable({u"CHANNEL"_s, u"ORDER"_s, u"SKU"_s, u"OWED"_s, u"AT"_s}, rows, {3});
    return Cli::kOk;
}

int runOversoldResolve(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"oversold-resolve"_s,
                     u"Mark an oversold order resolved (the customer was told, a unit was "
                     "found): its owed units leave the oversold list. Audited."_s);
    parser.addPositionalArgument(u"CHANNEL"_s, u"The channel id."_s);
    parser.addPositionalArgument(u"ORDER_ID"_s, u"The channel's order id."_s);
    parser.addOption({u"reason"_s, u"Why (required; recorded in the audit log)."_s, u"text"_s});
    parser.addOption({u"actor"_s, u"Who (default: the user name)."_s, u"name"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    QString channel, orderId;
    if (!orderArguments(parser, u"oversold-resolve"_s, 2, &channel, &orderId))
        return Cli::kBadInput;
    const QString reason = parser.value(u"reason"_s).trimmed();
    if (reason.isEmpty()) {
        Cli::printError(u"--reason is required: say how the order was settled"_s);
        return Cli::kBadInput;
    }
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    SyncEngine engine(*db);
    const auto result = engine.resolveOversold(channel, orderId, actorOf(parser), reason);
    if (!result.ok()) {
        Cli::printError(result.message);
        return changeExit(result);
    }
    qint64 units = 0;
    for (const Mutation &m : result.mutations)
        units += m.kind == MutationKind::Resolve ? 1 : 0;
    Cli::printLine(
        u"order %1 from %2: %3 oversold line(s) resolved"_s.arg(orderId, channel).arg(units));
    return Cli::kOk;
}

int runUnmatched(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"unmatched"_s,
                     u"List the order lines that wait for a listing mapping or a SKU. A line is "
                     "applied by itself when map-import maps its product id; unmatched-resolve "
                     "settles the rest."_s);
    parser.addOption({u"json"_s, u"Print one JSON array."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        Cli::printError(u"unmatched takes no arguments"_s);
        return Cli::kBadInput;
    }
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    const auto read = OrderLedger(*db).unmatched();
    if (!read) {
        Cli::printError(u"cannot read the waiting lines: %1"_s.arg(read.error()));
        return Cli::kUnusableDatabase;
    }
    const QList<UnmatchedEntry> &entries = *read;
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const UnmatchedEntry &e : std::as_const(entries))
            array.append(QJsonObject {{u"channel"_s, e.channel},
                                      {u"order_id"_s, e.orderId},
                                      {u"line"_s, e.line},
                                      {u"sku"_s, e.sku},
                                      {u"remote_id"_s, e.remoteId},
                                      {u"qty"_s, e.quantity},
                                      {u"at"_s, isoUtc(e.atMs)}});
        Cli::printJson(array);
        return Cli::kOk;
    }
    QList<QStringList> rows;
    for (const UnmatchedEntry &e : std::as_const(entries))
        rows.append({e.channel, e.orderId, QString::number(e.line),
                     e.sku.isEmpty() ? u"-"_s : e.sku, e.remoteId.isEmpty() ? u"-"_s : e.remoteId,
                     QString::number(e.quantity), isoUtc(e.atMs), e.note});
    Cli::printTable({u"CHANNEL"_s, u"ORDER"_s, u"LINE"_s, u"SKU"_s, u"REMOTE ID"_s, u"QTY"_s,
                     u"AT"_s, u"WHY"_s},
                    rows, {2, 5});
    return Cli::kOk;
}

int runUnmatchedResolve(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"unmatched-resolve"_s,
                     u"Settle a waiting order line: --sku SKU applies it to that SKU; --ignore "
                     "--reason TEXT records that it is not stock (a gift card, say). Audited."_s);
    parser.addPositionalArgument(u"CHANNEL"_s, u"The channel id."_s);
    parser.addPositionalArgument(u"ORDER_ID"_s, u"The channel's order id."_s);
    parser.addPositionalArgument(u"LINE"_s, u"The line number (see `unmatched`)."_s);
    parser.addOption({u"sku"_s, u"Apply the line to this SKU."_s, u"SKU"_s});
    parser.addOption({u"ignore"_s, u"The line is not stock: it stops waiting, takes nothing."_s});
    parser.addOption({u"reason"_s, u"Why (required with --ignore; audited)."_s, u"text"_s});
    parser.addOption({u"actor"_s, u"Who (default: the user name)."_s, u"name"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    QString channel, orderId;
    if (!orderArguments(parser, u"unmatched-resolve"_s, 3, &channel, &orderId))
        return Cli::kBadInput;
    bool ok = false;
    const int line = parser.positionalArguments().at(2).toInt(&ok);
    if (!ok || line < 1) {
        Cli::printError(u"LINE must be a line number from 1, as `unmatched` lists it"_s);
        return Cli::kBadInput;
    }
    const bool ignore = parser.isSet(u"ignore"_s);
    const QString sku = parser.value(u"sku"_s);
    if (ignore == parser.isSet(u"sku"_s)) {
        Cli::printError(u"give either --sku SKU or --ignore --reason TEXT"_s);
        return Cli::kBadInput;
    }
    const QString reason = parser.value(u"reason"_s).trimmed();
    if (ignore && reason.isEmpty()) {
        Cli::printError(u"--ignore needs --reason: say why the line is not stock"_s);
        return Cli::kBadInput;
    }
    if (!ignore && sku.isEmpty()) {
        Cli::printError(u"--sku needs a SKU"_s);
        return Cli::kBadInput;
    }
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    SyncEngine engine(*db);
    const auto result = engine.resolveUnmatched(channel, orderId, line, ignore ? QString() : sku,
                                                actorOf(parser), reason);
    if (!result.ok()) {
        Cli::printError(result.message);
        return changeExit(result);
    }
    Cli::printLine(ignore ? u"order %1 from %2, line %3: ignored"_s.arg(orderId, channel).arg(line)
                          : u"order %1 from %2, line %3: applied to %4"_s.arg(orderId, channel)
                                .arg(line)
                                .arg(sku));
    return Cli::kOk;
}
