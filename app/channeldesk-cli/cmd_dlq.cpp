// dlq, dlq-retry, dlq-discard, map-import: the propagation side of the store.
#include "cli.h"
#include "domain/channelid.h"
#include "domain/sku.h"
#include "io/csvreader.h"
#include "store/attemptlog.h"
#include "store/database.h"
#include "store/deadletterqueue.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "sync/syncengine.h"
#include "util/controlchars.h"
#include "util/timeformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

void addSelectorOptions(QCommandLineParser &parser)
{
    parser.addOption({u"channel"_s, u"Only this channel."_s, u"C"_s});
    parser.addOption({u"sku"_s, u"Only this SKU."_s, u"S"_s});
    parser.addOption({u"all"_s, u"Every dead letter."_s});
}

// dlq-retry and dlq-discard act on nothing by accident: a selector is required.
bool readSelector(const QCommandLineParser &parser, DeadLetterQueue::Selector *selector)
{
    const bool any = parser.isSet(u"channel"_s) || parser.isSet(u"sku"_s);
    if (any == parser.isSet(u"all"_s)) {
        Cli::printError(u"name what to act on: --channel C, --sku S (or both), or --all"_s);
        return false;
    }
    // An empty value would select every letter, as no selector does: refused, never widened.
    if (parser.isSet(u"channel"_s) && parser.value(u"channel"_s).trimmed().isEmpty()) {
        Cli::printError(u"--channel needs a channel id"_s);
        return false;
    }
    if (parser.isSet(u"sku"_s)) {
        const QString sku = parser.value(u"sku"_s);
        if (sku.isEmpty()) {
            Cli::printError(u"--sku needs a SKU"_s);
            return false;
        }
        if (const QString e = Sku::validationError(sku); !e.isEmpty()) {
            Cli::printError(u"--sku: %1"_s.arg(e));
            return false;
        }
    }
    selector->channel = parser.value(u"channel"_s);
    selector->sku = parser.value(u"sku"_s);
    return true;
}

// A letter's kept attempts, oldest first.
QJsonArray attemptsJson(const QList<ListingAttempt> &attempts)
{
    QJsonArray out;
    for (const ListingAttempt &a : attempts) {
        out.append(QJsonObject {{u"at"_s, isoUtc(a.atMs)},
                                {u"version"_s, a.version},
                                {u"attempt"_s, a.attempt},
                                {u"kind"_s, a.kind},
                                {u"http_status"_s, a.httpStatus},
                                {u"code"_s, a.code},
                                {u"message"_s, a.message},
                                {u"request"_s, a.request},
                                {u"response"_s, a.response}});
    }
    return out;
}

QString actorName(const QCommandLineParser &parser)
{
    const QString actor = parser.value(u"actor"_s);
    return actor.isEmpty() ? qEnvironmentVariable("USER", u"cli"_s) : actor;
}

} // namespace

int runDlq(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"dlq"_s,
                     u"List the dead-letter queue: listing updates a channel refused for good or "
                     "that ran out of retries."_s);
    parser.addOption({u"channel"_s, u"Only this channel."_s, u"C"_s});
    parser.addOption({u"sku"_s, u"Only this SKU."_s, u"S"_s});
    parser.addOption({u"json"_s,
                      u"Print one JSON array, with requests, responses, the full error history "
                      "and every kept failed attempt (attempt_log)."_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    // Only looks: never waits for or takes the write lock a running serve may hold.
    auto db = Cli::openDatabase(parser, Database::Access::ReadOnly);
    if (!db)
        return Cli::kUnusableDatabase;
    const auto read =
        DeadLetterQueue(*db).deadLetters({parser.value(u"channel"_s), parser.value(u"sku"_s)});
    if (!read) {
        Cli::printError(u"cannot read the dead-letter queue: %1"_s.arg(read.error()));
        return Cli::kUnusableDatabase;
    }
    const QList<DeadLetter> &letters = *read;
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        const AttemptLog attemptLog(*db);
        for (const auto &d : std::as_const(letters)) {
            const auto attempts = attemptLog.attempts(d.channel, d.sku);
            if (!attempts) {
                Cli::printError(u"cannot read the attempts: %1"_s.arg(attempts.error()));
                return Cli::kUnusableDatabase;
            }
            array.append(
                QJsonObject {{u"channel"_s, d.channel},
                             {u"sku"_s, d.sku},
                             {u"state"_s, d.state},
                             {u"version"_s, d.version},
                             {u"attempts"_s, d.attempts},
                             {u"error_kind"_s, d.errorKind},
                             {u"last_error"_s, d.lastError},
                             {u"first_failed_at"_s, isoUtc(d.firstFailedAtMs)},
                             {u"last_failed_at"_s, isoUtc(d.lastFailedAtMs)},
                             {u"request"_s, d.request},
                             {u"response"_s, d.response},
                             {u"http_status"_s, d.httpStatus},
                             {u"code"_s, d.code},
                             {u"history"_s, QJsonDocument::fromJson(d.history.toUtf8()).array()},
                             {u"attempt_log"_s, attemptsJson(*attempts)}});
        }
        Cli::printJson(array);
        return Cli::kOk;
    }
    QList<QStringList> rows;
    for (const auto &d : std::as_const(letters)) {
        rows.append({d.channel, d.sku, d.state, QString::number(d.attempts), d.errorKind,
                     isoUtc(d.firstFailedAtMs), isoUtc(d.lastFailedAtMs), d.lastError});
    }
    Cli::printTable({u"CHANNEL"_s, u"SKU"_s, u"STATE"_s, u"ATTEMPTS"_s, u"KIND"_s,
                     u"FIRST FAILURE"_s, u"LAST FAILURE"_s, u"LAST ERROR"_s},
                    rows, {3});
    return Cli::kOk;
}

int runDlqRetry(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"dlq-retry"_s,
                     u"Send dead-lettered listings again, with the CURRENT quantity (not the one "
                     "that failed). A running 'channeldesk-cli serve' sends them within a "
                     "second."_s);
    addSelectorOptions(parser);
    parser.addOption({u"actor"_s, u"Who (default: the user name)."_s, u"name"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    DeadLetterQueue::Selector selector;
    if (!readSelector(parser, &selector))
        return Cli::kBadInput;
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    const auto retried = DeadLetterQueue(*db).retry(selector, actorName(parser),
                                                    QDateTime::currentMSecsSinceEpoch());
    if (!retried) {
        Cli::printError(u"cannot queue the retries: %1"_s.arg(retried.error()));
        return Cli::kUnusableDatabase;
    }
    const int n = *retried;
    Cli::printLine(
        u"%1 dead letter%2 queued to be sent again with the current quantity"_s.arg(n).arg(
            n == 1 ? ""_L1 : "s"_L1));
    return Cli::kOk;
}

int runDlqDiscard(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"dlq-discard"_s,
                     u"Give up on dead-lettered updates (audited). The listing is sent again at "
                     "its next stock change."_s);
    addSelectorOptions(parser);
    parser.addOption({u"reason"_s, u"Why (required; recorded in the audit log)."_s, u"text"_s});
    parser.addOption({u"actor"_s, u"Who (default: the user name)."_s, u"name"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    DeadLetterQueue::Selector selector;
    if (!readSelector(parser, &selector))
        return Cli::kBadInput;
    const QString reason = parser.value(u"reason"_s).trimmed();
    if (reason.isEmpty()) {
        Cli::printError(u"--reason is required: say why these updates are dropped"_s);
        return Cli::kBadInput;
    }
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    const auto discarded = DeadLetterQueue(*db).discard(selector, actorName(parser), reason,
                                                        QDateTime::currentMSecsSinceEpoch());
    if (!discarded) {
        Cli::printError(u"cannot discard: %1"_s.arg(discarded.error()));
        return Cli::kUnusableDatabase;
    }
    const int n = *discarded;
    Cli::printLine(u"%1 dead letter%2 discarded"_s.arg(n).arg(n == 1 ? ""_L1 : "s"_L1));
    return Cli::kOk;
}

int runMapImport(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"map-import"_s,
                     u"Map SKUs to channel listings from a CSV file with the header "
                     "channel,sku,remote_id. All rows or none."_s);
    parser.addPositionalArgument(u"FILE.csv"_s, u"The mapping file (- for standard input)."_s);
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    QString path;
    QByteArray bytes;
    if (!Cli::readFileArgument(parser, u"FILE.csv"_s, &path, &bytes))
        return Cli::kBadInput;

    QList<CsvReader::Record> records;
    CsvErrors errors;
    QString parseError;
    QList<ListingMapping> rows;
    QList<int> lines;
    if (!CsvReader::parse(QString::fromUtf8(bytes), &records, &parseError)) {
        errors.messages.append(parseError);
    } else if (records.isEmpty()) {
        errors.add(1, u"the file is empty (expected a header channel,sku,remote_id)"_s);
    } else {
        CsvHeader header;
        if (header.read(records.first(), {u"channel"_s, u"sku"_s, u"remote_id"_s}, {}, &errors)) {
            QHash<QString, int> seen;
            // Channel and remote id -> the line that mapped it: one SKU per listing.
            QHash<QString, std::pair<int, QString>> seenListing;
            for (qsizetype i = 1; i < records.size(); ++i) {
                const CsvReader::Record &r = records.at(i);
                if (r.fields.size() != header.size()) {
                    errors.add(
                        r.line,
                        u"expected %1 fields, found %2"_s.arg(header.size()).arg(r.fields.size()));
                    continue;
                }
                ListingMapping m {r.fields.at(header.column(u"channel"_s)),
                                  r.fields.at(header.column(u"sku"_s)),
                                  r.fields.at(header.column(u"remote_id"_s))};
                bool ok = true;
                for (const auto &[name, value] :
                     {std::pair {u"channel"_s, m.channel}, std::pair {u"sku"_s, m.sku},
                      std::pair {u"remote_id"_s, m.remoteId}}) {
                    QString error;
                    if (value.isEmpty())
                        error = u"%1 is missing"_s.arg(name);
                    else if (name == "sku"_L1)
                        error = Sku::validationError(value);
                    else if (name == "channel"_L1 && !ChannelId::validationError(value).isEmpty())
                        error = u"channel "_s + ChannelId::validationError(value);
                    else if (name == "remote_id"_L1 && value.size() > RemoteId::kMaxLength)
                        error =
                            u"remote_id is longer than %1 characters"_s.arg(RemoteId::kMaxLength);
                    else if (hasControlCharacter(value))
                        error = u"%1 must not contain control characters"_s.arg(name);
                    if (!error.isEmpty()) { // refused, never cut: a cut id names another listing
                        errors.add(r.line, error);
                        ok = false;
                    }
                }
                const QString key = m.channel + u'\n' + m.sku;
                if (ok && seen.contains(key)) {
                    errors.add(r.line,
                               u"%1 is mapped twice on %2 (first on line %3)"_s.arg(
                                   m.sku, m.channel, QString::number(seen.value(key))));
                    ok = false;
                }
                const QString listingKey = m.channel + u'\n' + m.remoteId;
                if (const auto first = seenListing.constFind(listingKey);
                    ok && first != seenListing.cend()) {
                    errors.add(
                        r.line,
                        u"listing %1 on %2 is already mapped to %3 on line %4: two SKUs "
                        "would overwrite each other's quantity"_s.arg(
                            m.remoteId, m.channel, first->second, QString::number(first->first)));
                    ok = false;
                }
                if (ok) {
                    seen.insert(key, r.line);
                    seenListing.insert(listingKey, {r.line, m.sku});
                    rows.append(m);
                    lines.append(r.line);
                }
            }
        }
    }
    auto report = [&] { return Cli::reportImportErrors(path, errors.messages); };
    if (!errors.isEmpty())
        return report();

    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;
    // Every SKU must exist: name each line that maps an unknown one.
    {
        const auto stock = InventoryStore(*db).allStock();
        if (!stock) {
            Cli::printError(u"cannot read stock: %1"_s.arg(stock.error()));
            return Cli::kUnusableDatabase;
        }
        QSet<QString> known;
        for (const StockLevel &s : *stock)
            known.insert(s.sku);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!known.contains(rows.at(i).sku))
                errors.add(lines.at(i),
                           u"unknown SKU \"%1\" (import stock first)"_s.arg(rows.at(i).sku));
        }
        // Nor may a listing the database already maps to another SKU be given a second one
        // (unless this file moves that SKU elsewhere).
        const auto existing = MappingStore(*db).mappings();
        if (!existing) {
            Cli::printError(u"cannot read the mappings: %1"_s.arg(existing.error()));
            return Cli::kUnusableDatabase;
        }
        QHash<QString, QString> mapped; // channel and remote id -> SKU
        for (const ListingMapping &l : *existing)
            mapped.insert(l.channel + u'\n' + l.remoteId, l.sku);
        QSet<QString> remapped; // channel and SKU of every row
        for (const ListingMapping &m : std::as_const(rows))
            remapped.insert(m.channel + u'\n' + m.sku);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const ListingMapping &m = rows.at(i);
            const QString owner = mapped.value(m.channel + u'\n' + m.remoteId);
            if (!owner.isEmpty() && owner != m.sku && !remapped.contains(m.channel + u'\n' + owner))
                errors.add(lines.at(i),
                           u"listing %1 on %2 is already mapped to %3: two SKUs would overwrite "
                           "each other's quantity"_s.arg(m.remoteId, m.channel, owner));
        }
        if (!errors.isEmpty())
            return report();
    }
    if (const Status imported =
            MappingStore(*db).importMappings(rows, QDateTime::currentMSecsSinceEpoch());
        !imported) {
        Cli::printError(u"nothing was imported: %1"_s.arg(imported.error()));
        return Cli::kUnusableDatabase;
    }
    Cli::printLine(
        u"mapped %1 listing%2"_s.arg(rows.size()).arg(rows.size() == 1 ? ""_L1 : "s"_L1));
    // Order lines that waited for these product ids take their stock now, in order.
    QHash<QString, QStringList> byChannel;
    for (const ListingMapping &m : std::as_const(rows))
        byChannel[m.channel].append(m.remoteId);
    SyncEngine engine(*db);
    for (auto it = byChannel.cbegin(); it != byChannel.cend(); ++it) {
        const auto applied = engine.applyWaiting(it.key(), it.value(), u"map-import"_s);
        if (!applied.ok()) {
            Cli::printError(u"the mappings are saved, but waiting order lines of %1 could not be "
                            "applied: %2 (run map-import again)"_s.arg(it.key(), applied.message));
            return Cli::kUnusableDatabase;
        }
        qint64 lines = 0;
        for (const Mutation &m : applied.mutations)
            lines += m.kind == MutationKind::Order ? 1 : 0;
        if (lines > 0)
            Cli::printLine(u"%1: %2 waiting order line(s) applied"_s.arg(it.key()).arg(lines));
    }
    return Cli::kOk;
}
