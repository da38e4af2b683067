// apply-orders
#include "cli.h"
#include "io/orderjson.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QDateTime>

#include <array>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kBatchSize = 256;
constexpr int kMaxRounds = 100;

// Every input line is counted exactly once, under the summary key of its outcome.
struct Counts
{
    // The summary's keys, in the contract's order, and the outcomes they count.
    static constexpr std::array kKeys {
        std::pair {"applied", ApplyOutcome::Applied},
        std::pair {"oversold", ApplyOutcome::Oversold},
        std::pair {"duplicates", ApplyOutcome::Duplicate},
        std::pair {"unmatched", ApplyOutcome::Unmatched},
        std::pair {"invalid", ApplyOutcome::Invalid},
        std::pair {"cancelled", ApplyOutcome::Cancelled},
        std::pair {"refunded", ApplyOutcome::Refunded},
        std::pair {"edited", ApplyOutcome::Edited},
        std::pair {"shipped", ApplyOutcome::Shipped},
        std::pair {"ignored", ApplyOutcome::Ignored},
    };
    std::array<qint64, kKeys.size()> n {};
    QString fatal; // a database failure that retries did not cure

    void count(ApplyOutcome outcome)
    {
        for (size_t i = 0; i < kKeys.size(); ++i) {
            if (kKeys[i].second == outcome)
                ++n[i];
        }
    }
    void add(const Counts &o)
    {
        for (size_t i = 0; i < n.size(); ++i)
            n[i] += o.n[i];
        if (fatal.isEmpty())
            fatal = o.fatal;
    }
    // The contract fixes the order of the keys; QJsonObject would sort them.
    QString json() const
    {
        QStringList parts;
        for (size_t i = 0; i < kKeys.size(); ++i)
            parts.append(u"\"%1\":%2"_s.arg(QLatin1StringView(kKeys[i].first)).arg(n[i]));
        return u'{' + parts.join(u',') + u'}';
    }
};

// Applies this worker's share of the events: every event of an order goes to the same worker,
// in the file's order (a cancel must not overtake its shipment), in batches. Every event ends
// with a final outcome; ConcurrentUpdate and StorageError are transient and retried.
void applyShare(SyncEngine &engine, const QList<OrderEvent> &events, int worker, int workers,
                Counts *counts)
{
    QList<OrderEvent> share;
    for (const OrderEvent &e : events) {
        if (workers == 1 ||
            qHash(QString(e.channel + u'\n' + e.orderId)) % uint(workers) == uint(worker))
            share.append(e);
    }
    for (qsizetype start = 0; start < share.size(); start += kBatchSize) {
        QList<OrderEvent> batch = share.mid(start, kBatchSize);
        for (int round = 0; !batch.isEmpty(); ++round) {
            const QList<ApplyResult> results = engine.applyBatch(batch);
            QList<OrderEvent> again;
            for (qsizetype i = 0; i < results.size(); ++i) {
                const ApplyResult &r = results.at(i);
                if (r.isFinal()) {
                    counts->count(r.outcome);
                    continue;
                }
                // ConcurrentUpdate or StorageError: nothing changed, try again; after too many
                // rounds the rest of this round is still counted, and the rest of the share is
                // not applied.
                if (round + 1 >= kMaxRounds)
                    counts->fatal = r.message;
                again.append(batch.at(i));
            }
            if (!counts->fatal.isEmpty())
                return;
            batch = again;
            if (!batch.isEmpty())
                std::this_thread::yield();
        }
    }
}

} // namespace

int runApplyOrders(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"apply-orders"_s,
                     u"Apply order events from a JSON-lines file, one per line: a sale "
                     "{\"channel\":\"shopify\",\"order_id\":\"1001\",\"lines\":[{\"sku\":\"A-1\","
                     "\"qty\":2}]}, or a lifecycle event with \"event\": cancel, refund (with "
                     "refund_id, lines with restock), edit (edit_id, lines with the new qty) or "
                     "ship (shipment_id). Prints one JSON line of counts: applied, oversold, "
                     "duplicates, unmatched, invalid, cancelled, refunded, edited, shipped, "
                     "ignored."_s);
    parser.addPositionalArgument(u"FILE.jsonl"_s, u"The orders (- for standard input)."_s);
    parser.addOption({u"workers"_s,
                      u"Apply with N threads, each with its own database connection."_s, u"N"_s,
                      u"1"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    bool ok = false;
    const int workers = parser.value(u"workers"_s).toInt(&ok);
    if (!ok || workers < 1 || workers > 64) {
        Cli::printError(u"--workers must be a whole number from 1 to 64"_s);
        return Cli::kBadInput;
    }
    QString path;
    QByteArray bytes;
    if (!Cli::readFileArgument(parser, u"FILE.jsonl"_s, &path, &bytes))
        return Cli::kBadInput;

    Counts total;
    QList<OrderEvent> events;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qsizetype lineNo = 0;
    for (const QByteArray &raw : bytes.split('\n')) {
        ++lineNo;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        OrderEvent event;
        QString error;
        if (!parseOrderJson(line, &event, &error)) {
            Cli::printError(u"%1: line %2: %3"_s.arg(path).arg(lineNo).arg(error));
            total.count(ApplyOutcome::Invalid);
            continue;
        }
        event.receivedAtMs = now;
        events.append(event);
    }

    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;

    if (workers == 1) {
        SyncEngine engine(*db);
        Counts counts;
        applyShare(engine, events, 0, 1, &counts);
        total.add(counts);
    } else {
        QList<Counts> counts(workers);
        std::vector<std::thread> threads;
        for (int w = 0; w < workers; ++w) {
            threads.emplace_back([&, w] {
                QString error;
                auto own = db->openAnother(&error);
                if (!own) {
                    counts[w].fatal = error;
                    return;
                }
                SyncEngine engine(*own);
                applyShare(engine, events, w, workers, &counts[w]);
            });
        }
        for (std::thread &t : threads)
            t.join();
        for (const Counts &c : std::as_const(counts))
            total.add(c);
    }

    Cli::printLine(total.json());
    if (!total.fatal.isEmpty()) {
        Cli::printError(
            u"the database failed; orders not reported above were not applied: %1"_s.arg(
                total.fatal));
        return Cli::kUnusableDatabase;
    }
    return Cli::kOk;
}
