// The inbox's append path (issue 11): what a delivery waits for before it is answered 200.
// InboxStore::append in its own SQLite file, as OrderIntake calls it, with batches of 1 (a
// delivery alone: one commit each), 16 and 256 (the intake's largest group commit), under
// synchronous=NORMAL and FULL ("durability": "full", the default of serve and the console), run
// side by side in each round so both see the same machine. Prints deliveries/s and the append's
// latency per batch (p50, p99): every delivery of a batch is answered when its batch commits.
// Usage: bench_inboxappend [DELIVERIES] [ROUNDS]   (batch 1 runs DELIVERIES / 4)
#include "intake/delivery.h"
#include "intake/inboxstore.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

// A WooCommerce order.created as the channel sends it (about 1.2 KB), with its headers.
Delivery delivery(int id)
{
    Delivery d;
    d.channel = u"woo"_s;
    d.topic = "order.created";
    d.deliveryId = QString::number(id);
    d.receivedAtMs = 1'790'000'000'000 + id;
    d.headers = {{"content-type", "application/json"},
                 {"x-wc-webhook-topic", "order.created"},
                 {"x-wc-webhook-source", "https://shop.example/"},
                 {"x-wc-webhook-delivery-id", QByteArray::number(id)},
                 {"x-wc-webhook-signature", "dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZSBhdCBhbGw="}};
    d.body = R"({"id":)" + QByteArray::number(id) +
        R"(,"status":"processing","currency":"EUR","date_created":"2026-12-02T12:00:00",)"
        R"("total":"59.80","customer_id":42,"billing":{"first_name":"Ada","last_name":"Lovelace",)"
        R"("address_1":"1 Analytical Row","city":"London","postcode":"N1 1AA","country":"GB",)"
        R"("email":"ada@example.com"},"shipping":{"first_name":"Ada","last_name":"Lovelace",)"
        R"("address_1":"1 Analytical Row","city":"London","postcode":"N1 1AA","country":"GB"},)"
        R"("payment_method":"stripe","line_items":[{"id":)" +
        QByteArray::number(id * 10) +
        R"(,"name":"Blue mug","product_id":93,"variation_id":0,"quantity":2,"sku":"MUG-BLUE",)"
        R"("subtotal":"29.90","total":"29.90","price":14.95},{"id":)" +
        QByteArray::number(id * 10 + 1) +
        R"(,"name":"Red mug","product_id":94,"variation_id":0,"quantity":2,"sku":"MUG-RED",)"
        R"("subtotal":"29.90","total":"29.90","price":14.95}],"shipping_lines":[{"id":1,)"
        R"("method_title":"Flat rate","method_id":"flat_rate","total":"0.00"}]})";
    return d;
}

struct Figures
{
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
};

Figures run(int count, int batch, bool full)
{
    QTemporaryDir dir;
    QString error;
    auto db = InboxStore::open(dir.filePath(u"bench.inbox.sqlite"_s), full, &error);
    if (!db)
        qFatal("%s", qPrintable(error));
    InboxStore inbox(*db);
    QList<QList<Delivery>> batches;
    for (int i = 0; i < count; i += batch) {
        QList<Delivery> b;
        for (int j = i; j < std::min(count, i + batch); ++j)
            b.append(delivery(j + 1));
        batches.append(b);
    }
    std::vector<double> latencies;
    latencies.reserve(batches.size());
    QElapsedTimer total;
    total.start();
    for (const QList<Delivery> &b : std::as_const(batches)) {
        QElapsedTimer one;
        one.start();
        if (const auto ids = inbox.append(b); !ids)
            qFatal("%s", qPrintable(ids.error()));
        latencies.push_back(double(one.nsecsElapsed()) / 1e6);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies.at(std::min(latencies.size() - 1, size_t(q * double(latencies.size()))));
    };
    return {count / seconds, at(0.50), at(0.99)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"channeldesk.*.info=false"_s);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 20'000;
    const int rounds = args.size() > 2 ? args.at(2).toInt() : 2;
    std::printf("deliveries=%d (batch 1: %d), about %lld bytes of body each\n", count, count / 4,
                qlonglong(delivery(1).body.size()));
    for (int round = 1; round <= rounds; ++round) {
        for (const int batch : {1, 16, 256}) {
            const int n = batch == 1 ? count / 4 : count;
            const Figures normal = run(n, batch, false);
            const Figures full = run(n, batch, true);
            std::printf("round %d, batch %3d: NORMAL %7.0f/s (append p50 %.2f ms, p99 %.2f ms); "
                        "FULL %7.0f/s (p50 %.2f ms, p99 %.2f ms); FULL/NORMAL %.2f\n",
                        round, batch, normal.perSecond, normal.p50Ms, normal.p99Ms, full.perSecond,
                        full.p50Ms, full.p99Ms, full.perSecond / normal.perSecond);
            std::fflush(stdout);
        }
    }
    return 0;
}
