// The order path's throughput on SQLite (DESIGN §11): single-line orders through
// SyncEngine::applyBatch with group commit, and with one transaction per order; and, as the
// yardstick for the "0.8 of raw" bar, the same statements issued straight through the SQLite C
// API on the same schema, pragmas and orders, with the least bookkeeping that still decides
// each order (a row cache checked by the compare-and-swap, one key per order, one log row per
// change).
// Usage: bench_orderpath [ORDERS] [BATCH] [ROUNDS]   (commit per order runs ORDERS / 4)
#include "benchreport.h"
#include "domain/applyresult.h"
#include "sim/orderstream.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "testbackend.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>
#include <vector>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSkus = 1000;

QStringList seedSkus()
{
    QStringList skus;
    for (int i = 0; i < kSkus; ++i)
        skus.append(u"SKU-%1"_s.arg(i));
    return skus;
}

// CHANNELDESK_BENCH_DURABILITY=full: synchronous=FULL, as serve and the console run by default
// ("durability": "full"); anything else: NORMAL.
bool durabilityFull()
{
    return qgetenv("CHANNELDESK_BENCH_DURABILITY") == "full";
}

// A fresh database with the real schema and pragmas and kSkus SKUs, seeded through the engine.
std::unique_ptr<Database> seededDatabase(const QString &path, const QStringList &skus)
{
    QString error;
    Database::Options options;
    if (durabilityFull())
        options.synchronous = Database::Synchronous::Full;
    auto db = Database::open(path, options, &error);
    if (!db)
        qFatal("%s", qPrintable(error));
    SyncEngine engine(*db);
    QList<StockImportRow> rows;
    for (const QString &sku : skus) {
        StockImportRow r;
        r.sku = sku;
        r.available = 1'000'000'000;
        rows.append(r);
    }
    if (!engine.importStock(rows, u"bench"_s, u"seed"_s).ok())
        qFatal("seed failed");
    return db;
}

QList<OrderEvent> orders(const QStringList &skus, int count, quint64 seed)
{
    OrderStream::Options options;
    options.skus = skus;
    options.duplicateShare = 0;
    options.multiLineShare = 0;
    options.seed = seed;
    OrderStream stream(options);
    return stream.take(count, 0);
}

double run(int count, int batch, quint64 seed)
{
    // A file, or a fresh PostgreSQL database (CHANNELDESK_TEST_BACKEND=postgres).
    const Testing::TestLocation location;
    const QStringList skus = seedSkus();
    auto db = seededDatabase(location.location(), skus);
    SyncEngine engine(*db);
    const QList<OrderEvent> events = orders(skus, count, seed);

    QElapsedTimer timer;
    timer.start();
    qint64 applied = 0;
    for (qsizetype i = 0; i < events.size(); i += batch) {
        for (const ApplyResult &r : engine.applyBatch(events.mid(i, batch)))
            applied += r.outcome == ApplyOutcome::Applied ? 1 : 0;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (applied != count)
        qFatal("only %lld of %d applied", applied, count);
    return count / seconds;
}

// ---- the same statements through the SQLite C API -------------------------------------------

void check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        qFatal("%s: %s", what, sqlite3_errmsg(db));
}

sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    check(db, sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr), sql);
    return stmt;
}

void bindText(sqlite3_stmt *stmt, int index, const QString &text)
{
    sqlite3_bind_text16(stmt, index, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

void step(sqlite3 *db, sqlite3_stmt *stmt, const char *what)
{
    check(db, sqlite3_step(stmt), what);
    sqlite3_reset(stmt);
}

double runRaw(int count, int batch, quint64 seed)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.sqlite"_s);
    const QStringList skus = seedSkus();
    seededDatabase(path, skus); // closed again: the raw run has the file to itself
    const QList<OrderEvent> events = orders(skus, count, seed);

    sqlite3 *db = nullptr;
    check(db, sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr),
          "open");
    // The pragmas Database::open sets.
    const QByteArray pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=" +
        QByteArray(durabilityFull() ? "FULL" : "NORMAL") +
        "; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
        "PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=" +
        QByteArray::number(Database::Options {}.walAutocheckpointPages);
    check(db, sqlite3_exec(db, pragmas.constData(), nullptr, nullptr, nullptr), "pragmas");
    sqlite3_busy_timeout(db, 10'000);

    sqlite3_stmt *begin = prepare(db, "BEGIN IMMEDIATE");
    sqlite3_stmt *commit = prepare(db, "COMMIT");
    // The statements the order path runs for a one-line sale (schema 6): the order's row as its
    // idempotency key, its ledger line, the look for lifecycle events that came before it, the
    // compare-and-swap on version and committed, and the log row.
    sqlite3_stmt *select = prepare(db,
                                   "SELECT available, committed, safety_buffer, version, paused, "
                                   "title FROM stock WHERE sku = ?");
    sqlite3_stmt *insertKey = prepare(db,
                                      "INSERT INTO orders (channel, order_id, status, cancelled, "
                                      "received_at, updated_at, note) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT DO NOTHING");
    sqlite3_stmt *insertLine =
        prepare(db,
                "INSERT INTO order_lines (channel, order_id, line_no, line_id, sku, remote_id, "
                "ordered, applied, restocked, returned, shipped, written_off, owed, waiting, "
                "note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sqlite3_stmt *waiting = prepare(db,
                                    "SELECT DISTINCT channel, order_id FROM order_events "
                                    "WHERE state = 'waiting'");
    sqlite3_stmt *update =
        prepare(db,
                "UPDATE stock SET available = ?, committed = ?, "
                "safety_buffer = ?, title = ?, version = ?, paused = ?, "
                "updated_at = ? WHERE sku = ? AND version = ? AND committed = ?");
    sqlite3_stmt *insertMutation =
        prepare(db,
                "INSERT INTO mutations (sku, delta, available_after, committed_delta, "
                "committed_after, version, kind, channel, order_id, event_id, actor, reason, "
                "paused_after, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

    struct Row
    {
        qint64 available = 0, committed = 0, safetyBuffer = 0, version = 0, seenVersion = 0,
               seenCommitted = 0;
        bool paused = false, touched = false;
        QString title;
    };
    struct Change
    {
        const OrderEvent *event;
        qint64 delta, after, committedAfter, version;
    };
    QHash<QString, Row> cache;
    const QString applied = u"applied"_s, order = u"order"_s, actor = u"order-path"_s,
                  empty = u""_s;

    QElapsedTimer timer;
    timer.start();
    qint64 appliedCount = 0;
    for (qsizetype first = 0; first < events.size(); first += batch) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        step(db, begin, "begin");
        // Which orders have kept lifecycle events: one read per transaction, as the engine does.
        if (sqlite3_step(waiting) == SQLITE_ROW)
            qFatal("no lifecycle event waits in this benchmark");
        sqlite3_reset(waiting);
        std::vector<Change> changes;
        QList<QString> touched;
        const qsizetype last = std::min(events.size(), first + batch);
        for (qsizetype i = first; i < last; ++i) {
            const OrderEvent &e = events.at(i);
            const OrderLine &line = e.lines.constFirst();
            auto it = cache.find(line.sku);
            if (it == cache.end()) {
                bindText(select, 1, line.sku);
                if (sqlite3_step(select) != SQLITE_ROW)
                    qFatal("no row for %s", qPrintable(line.sku));
                Row row;
                row.available = sqlite3_column_int64(select, 0);
                row.committed = row.seenCommitted = sqlite3_column_int64(select, 1);
                row.safetyBuffer = sqlite3_column_int64(select, 2);
                row.version = row.seenVersion = sqlite3_column_int64(select, 3);
                row.paused = sqlite3_column_int(select, 4) != 0;
                row.title = QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(select, 5)));
                sqlite3_reset(select);
                it = cache.insert(line.sku, row);
            }
            if (it->available < line.quantity)
                qFatal("out of stock");
            bindText(insertKey, 1, e.channel);
            bindText(insertKey, 2, e.orderId);
            bindText(insertKey, 3, applied);
            sqlite3_bind_int64(insertKey, 4, 0);
            sqlite3_bind_int64(insertKey, 5, now);
            sqlite3_bind_int64(insertKey, 6, now);
            bindText(insertKey, 7, empty);
            step(db, insertKey, "insert key");
            if (sqlite3_changes(db) != 1)
                continue; // a duplicate
            bindText(insertLine, 1, e.channel);
            bindText(insertLine, 2, e.orderId);
            sqlite3_bind_int64(insertLine, 3, 1);
            bindText(insertLine, 4, empty);
            bindText(insertLine, 5, line.sku);
            bindText(insertLine, 6, empty);
            sqlite3_bind_int64(insertLine, 7, line.quantity);
            sqlite3_bind_int64(insertLine, 8, line.quantity);
            for (int column = 9; column <= 14; ++column)
                sqlite3_bind_int64(insertLine, column, 0);
            bindText(insertLine, 15, empty);
            sqlite3_bind_int64(insertLine, 16, now);
            step(db, insertLine, "insert line");
            if (!it->touched) {
                it->touched = true;
                touched.append(line.sku);
            }
            it->available -= line.quantity;
            it->committed += line.quantity;
            it->version += 1;
            changes.push_back({&e, -line.quantity, it->available, it->committed, it->version});
            ++appliedCount;
        }
        for (const QString &sku : std::as_const(touched)) {
            Row &row = cache[sku];
            sqlite3_bind_int64(update, 1, row.available);
            sqlite3_bind_int64(update, 2, row.committed);
            sqlite3_bind_int64(update, 3, row.safetyBuffer);
            bindText(update, 4, row.title);
            sqlite3_bind_int64(update, 5, row.version);
            sqlite3_bind_int(update, 6, row.paused ? 1 : 0);
            sqlite3_bind_int64(update, 7, now);
            bindText(update, 8, sku);
            sqlite3_bind_int64(update, 9, row.seenVersion);
            sqlite3_bind_int64(update, 10, row.seenCommitted);
            step(db, update, "update");
            if (sqlite3_changes(db) != 1)
                qFatal("compare-and-swap missed with no other writer");
            row.seenVersion = row.version;
            row.seenCommitted = row.committed;
            row.touched = false;
        }
        for (const Change &c : changes) {
            const OrderLine &line = c.event->lines.constFirst();
            bindText(insertMutation, 1, line.sku);
            sqlite3_bind_int64(insertMutation, 2, c.delta);
            sqlite3_bind_int64(insertMutation, 3, c.after);
            sqlite3_bind_int64(insertMutation, 4, -c.delta);
            sqlite3_bind_int64(insertMutation, 5, c.committedAfter);
            sqlite3_bind_int64(insertMutation, 6, c.version);
            bindText(insertMutation, 7, order);
            bindText(insertMutation, 8, c.event->channel);
            bindText(insertMutation, 9, c.event->orderId);
            bindText(insertMutation, 10, empty);
            bindText(insertMutation, 11, actor);
            bindText(insertMutation, 12, empty);
            sqlite3_bind_int(insertMutation, 13, 0);
            sqlite3_bind_int64(insertMutation, 14, now);
            step(db, insertMutation, "insert mutation");
            (void)sqlite3_last_insert_rowid(db);
        }
        step(db, commit, "commit");
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (appliedCount != count)
        qFatal("only %lld of %d applied", appliedCount, count);
    for (sqlite3_stmt *s :
         {begin, commit, select, insertKey, insertLine, waiting, update, insertMutation})
        sqlite3_finalize(s);
    sqlite3_close(db);
    return count / seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"channeldesk.*.info=false"_s);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 200'000;
    const int batch = args.size() > 2 ? args.at(2).toInt() : 1000;
    const int rounds = args.size() > 3 ? args.at(3).toInt() : 3;
    std::printf("orders=%d (commit per order: %d)\n", count, count / 4);
    // The JSON line carries the median round of each figure.
    std::vector<double> groups, ratios, singles;
    for (int round = 1; round <= rounds; ++round) {
        // For profiling one side: CHANNELDESK_BENCH_ONLY=engine or raw.
        const QByteArray only = qgetenv("CHANNELDESK_BENCH_ONLY");
        if (Testing::testOnPostgres()) { // the raw yardstick is SQLite's C API
            std::printf("round %d, PostgreSQL: group commit (batch %d) %.0f orders/s, commit per "
                        "order %.0f orders/s\n",
                        round, batch, run(count, batch, round), run(count / 4, 1, round));
            std::fflush(stdout);
            continue;
        }
        if (only == "engine") {
            std::printf("engine: group %.0f/s\n", run(count, batch, round));
            std::fflush(stdout);
            continue;
        }
        if (only == "raw") {
            std::printf("raw: group %.0f/s, per order %.0f/s\n", runRaw(count, batch, round),
                        runRaw(count / 4, 1, round));
            std::fflush(stdout);
            continue;
        }
        const double group = run(count, batch, round);
        const double groupRaw = runRaw(count, batch, round);
        const double single = run(count / 4, 1, round);
        const double singleRaw = runRaw(count / 4, 1, round);
        std::printf("round %d: group commit (batch %d): %7.0f orders/s, raw %7.0f/s, ratio %.2f\n",
                    round, batch, group, groupRaw, group / groupRaw);
        std::printf("round %d: commit per order:        %7.0f orders/s, raw %7.0f/s, ratio %.2f\n",
                    round, single, singleRaw, single / singleRaw);
        std::fflush(stdout);
        groups.push_back(group);
        ratios.push_back(group / groupRaw);
        singles.push_back(single);
    }
    if (!groups.empty()) {
        const auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        Bench::printJsonLine({{u"group_commit_per_s"_s, qRound64(median(groups))},
                              {u"ratio"_s, qRound64(median(ratios) * 100) / 100.0},
                              {u"per_order_per_s"_s, qRound64(median(singles))}});
    }
    return 0;
}
