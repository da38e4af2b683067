// The order path's throughput on SQLite (DESIGN §11): single-line orders through
// SyncEngine::applyBatch with group commit, and with one transaction per order.
// Usage: bench_orderpath [ORDERS] [BATCH]
#include "sim/orderstream.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

double run(int orders, int batch, quint64 seed)
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"bench.sqlite"_s), &error);
    if (!db)
        qFatal("%s", qPrintable(error));
    SyncEngine engine(*db);
    QList<StockImportRow> rows;
    QStringList skus;
    for (int i = 0; i < 1000; ++i) {
        const QString sku = u"SKU-%1"_s.arg(i);
        skus.append(sku);
        StockImportRow r;
        r.sku = sku;
        r.available = 1'000'000'000;
        rows.append(r);
    }
    if (!engine.importStock(rows, u"bench"_s, u"seed"_s).ok())
        qFatal("seed failed");

    OrderStream::Options options;
    options.skus = skus;
    options.duplicateShare = 0;
    options.multiLineShare = 0;
    options.seed = seed;
    OrderStream stream(options);
    const QList<OrderEvent> events = stream.take(orders, 0);

    QElapsedTimer timer;
    timer.start();
    qint64 applied = 0;
    for (qsizetype i = 0; i < events.size(); i += batch) {
        for (const ApplyResult &r : engine.applyBatch(events.mid(i, batch)))
            applied += r.outcome == ApplyOutcome::Applied ? 1 : 0;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (applied != orders)
        qFatal("only %lld of %d applied", applied, orders);
    return orders / seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"channeldesk.*.info=false"_s);
    const QStringList args = app.arguments();
    const int orders = args.size() > 1 ? args.at(1).toInt() : 200'000;
    const int batch = args.size() > 2 ? args.at(2).toInt() : 1000;
    std::printf("orders=%d\n", orders);
    for (int round = 1; round <= 3; ++round) {
        std::printf("round %d: group commit (batch %d): %.0f orders/s\n", round, batch,
                    run(orders, batch, round));
        std::printf("round %d: commit per order:         %.0f orders/s\n", round,
                    run(orders / 4, 1, round));
    }
    return 0;
}
