// audit
#include "cli.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "util/timeformat.h"

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

int runAudit(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"audit"_s, u"Print the mutation log, oldest first."_s);
    parser.addOption({u"sku"_s, u"Only this SKU."_s, u"SKU"_s});
    parser.addOption({u"order"_s, u"Only this order id."_s, u"ORDER_ID"_s});
    parser.addOption({u"json"_s, u"Print one JSON array."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    // Only looks: never waits for or takes the write lock a running serve may hold.
    auto db = Cli::openDatabase(parser, Database::Access::ReadOnly);
    if (!db)
        return Cli::kUnusableDatabase;

    InventoryStore::AuditFilter filter;
    filter.sku = parser.value(u"sku"_s);
    filter.orderId = parser.value(u"order"_s);
    const auto read = InventoryStore(*db).audit(filter);
    if (!read) {
        Cli::printError(u"cannot read the audit log: %1"_s.arg(read.error()));
        return Cli::kUnusableDatabase;
    }
    const QList<Mutation> &log = *read;
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const Mutation &m : std::as_const(log)) {
            array.append(QJsonObject {{u"id"_s, m.id},
                                      {u"sku"_s, m.sku},
                                      {u"delta"_s, m.delta},
                                      {u"available_after"_s, m.availableAfter},
                                      {u"committed_delta"_s, m.committedDelta},
                                      {u"committed_after"_s, m.committedAfter},
                                      {u"version"_s, m.version},
                                      {u"kind"_s, kindName(m.kind)},
                                      {u"channel"_s, m.channel},
                                      {u"order_id"_s, m.orderId},
                                      {u"event_id"_s, m.eventId},
                                      {u"actor"_s, m.actor},
                                      {u"reason"_s, m.reason},
                                      {u"at"_s, isoUtc(m.atMs)}});
        }
        Cli::printJson(array);
        return Cli::kOk;
    }
    QList<QStringList> rows;
    for (const Mutation &m : std::as_const(log)) {
        rows.append({QString::number(m.id), isoUtc(m.atMs), m.sku,
                     m.delta > 0 ? u"+"_s + QString::number(m.delta) : QString::number(m.delta),
                     QString::number(m.availableAfter), QString::number(m.version),
                     kindName(m.kind), m.channel, m.orderId, m.actor, m.reason});
    }
    Cli::printTable({u"ID"_s, u"AT"_s, u"SKU"_s, u"DELTA"_s, u"AFTER"_s, u"VERSION"_s, u"KIND"_s,
                     u"CHANNEL"_s, u"ORDER"_s, u"ACTOR"_s, u"REASON"_s},
                    rows, {0, 3, 4, 5});
    return Cli::kOk;
}
