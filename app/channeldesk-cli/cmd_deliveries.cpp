// deliveries, delivery-replay: the durable inbox between the wire and the order path.
#include "cli.h"
#include "intake/inboxstore.h"
#include "store/database.h"
#include "util/timeformat.h"

#include <QFile>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

// Where the inbox of the database named by --db (or the default location) is.
QString inboxLocation(const QCommandLineParser &parser)
{
    return InboxStore::locationFor(parser.isSet(u"db"_s) ? parser.value(u"db"_s)
                                                         : Database::defaultLocation());
}

// The inbox that goes with the database named by --db (or the default location). ReadOnly for
// a command that only looks: it never waits for the write lock a running intake holds.
std::unique_ptr<Database> openInbox(const QCommandLineParser &parser,
                                    Database::Access access = Database::Access::ReadWrite)
{
    const QString inbox = inboxLocation(parser);
    QString error;
    auto db = access == Database::Access::ReadOnly ? InboxStore::openReadOnly(inbox, &error)
                                                   : InboxStore::open(inbox, true, &error);
    if (!db)
        Cli::printError(u"unusable inbox: %1"_s.arg(error));
    return db;
}

QString statusText(const InboxEntry &e)
{
    // "invalid: <reason>", as the order path wrote it.
    if (e.status == DeliveryStatus::Invalid && !e.error.isEmpty())
        return deliveryStatusName(e.status) + u": "_s + e.error;
    return deliveryStatusName(e.status);
}

} // namespace

int runDeliveries(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"deliveries"_s,
                     u"List the deliveries kept in the inbox (webhooks and polled orders), newest "
                     "first, with what the order path made of each."_s);
    parser.addOption({u"channel"_s, u"Only this channel."_s, u"ID"_s});
    parser.addOption({u"status"_s,
                      u"Only this status: pending, applied, duplicate, oversold, unmatched, "
                      "invalid or ignored."_s,
                      u"S"_s});
    parser.addOption({u"limit"_s, u"At most this many (default 1000)."_s, u"N"_s});
    parser.addOption({u"json"_s, u"Print one JSON array."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    InboxStore::Filter filter;
    filter.channel = parser.value(u"channel"_s);
    if (parser.isSet(u"status"_s)) {
        filter.status = deliveryStatusFromName(parser.value(u"status"_s));
        if (!filter.status) {
            Cli::printError(u"--status: unknown status \"%1\""_s.arg(parser.value(u"status"_s)));
            return Cli::kBadInput;
        }
    }
    if (parser.isSet(u"limit"_s)) {
        bool ok = false;
        filter.limit = parser.value(u"limit"_s).toInt(&ok);
        if (!ok || filter.limit < 1) {
            Cli::printError(u"--limit: must be a whole number of 1 or more"_s);
            return Cli::kBadInput;
        }
    }
    auto db = openInbox(parser, Database::Access::ReadOnly);
    if (!db)
        return Cli::kUnusableDatabase;
    const auto read = InboxStore(*db).list(filter);
    if (!read) {
        Cli::printError(u"cannot read the inbox: %1"_s.arg(read.error()));
        return Cli::kUnusableDatabase;
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const InboxEntry &e : *read) {
            array.append(QJsonObject {{u"id"_s, e.id},
                                      {u"channel"_s, e.delivery.channel},
                                      {u"delivery_id"_s, e.delivery.deliveryId},
                                      {u"topic"_s, QString::fromUtf8(e.delivery.topic)},
                                      {u"received_at"_s, isoUtc(e.delivery.receivedAtMs)},
                                      {u"status"_s, deliveryStatusName(e.status)},
                                      {u"error"_s, e.error}});
        }
        Cli::printJson(array);
        return Cli::kOk;
    }
    QList<QStringList> rows;
    for (const InboxEntry &e : *read)
        rows.append({QString::number(e.id), e.delivery.channel, e.delivery.deliveryId,
                     QString::fromUtf8(e.delivery.topic), isoUtc(e.delivery.receivedAtMs),
                     statusText(e)});
    Cli::printTable({u"ID"_s, u"CHANNEL"_s, u"DELIVERY"_s, u"TOPIC"_s, u"RECEIVED"_s, u"STATUS"_s},
                    rows, {0});
    return Cli::kOk;
}

int runDeliveryReplay(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"delivery-replay"_s,
                     u"Apply a refused delivery (invalid, ignored or unmatched) again, after a "
                     "fix: it goes back to the inbox's queue, and the running serve or console "
                     "applies it within a second (else the next one to start)."_s);
    parser.addPositionalArgument(u"ID"_s, u"The delivery's id (deliveries shows it)."_s);
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (parser.positionalArguments().size() != 1 || !ok || id < 1) {
        Cli::printError(u"name one delivery by its id"_s);
        return Cli::kBadInput;
    }
    // No inbox file yet holds no delivery: said without creating one (a PostgreSQL inbox is a
    // table of the inventory's database).
    if (const QString inbox = inboxLocation(parser);
        !Database::isPostgresLocation(inbox) && !QFile::exists(inbox)) {
        Cli::printError(u"no delivery %1 in the inbox"_s.arg(id));
        return Cli::kBadInput;
    }
    auto db = openInbox(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    if (const Status replayed = InboxStore(*db).replay(id); !replayed) {
        Cli::printError(replayed.error());
        return Cli::kBadInput;
    }
    Cli::printLine(u"delivery %1 is queued again"_s.arg(id));
    return Cli::kOk;
}
