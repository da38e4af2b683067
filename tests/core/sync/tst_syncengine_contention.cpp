// Several threads, each with its own connection, hammer the same few SKUs. The books must
// balance exactly: this is what the compare-and-swap and the idempotency key are for, and this
// test fails when either is removed.
#include "testdatabase.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <thread>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestSyncEngineContention : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hotSkus_data();
    void hotSkus();
};

void TestSyncEngineContention::hotSkus_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("batchSize");
    QTest::newRow("4 threads, one order per transaction") << 4 << 1;
    QTest::newRow("4 threads, group commit") << 4 << 16;
}

void TestSyncEngineContention::hotSkus()
{
    QFETCH(int, threads);
    QFETCH(int, batchSize);
    constexpr int kOrders = 20'000;
    const QStringList skus {u"HOT-1"_s, u"HOT-2"_s, u"HOT-3"_s};
    const qint64 initial = 12'000; // less than the demand, so the last orders oversell

    TestDatabase t;
    {
        SyncEngine seeder(t.db());
        QList<StockImportRow> rows;
        for (const QString &sku : skus)
            rows.append(stockRow(sku, initial));
        QVERIFY(seeder.importStock(rows, u"t"_s, u"seed"_s).ok());
    }

    // 20,000 distinct orders plus 10% redeliveries of earlier ones, shuffled over the threads.
    QRandomGenerator random(42);
    QList<OrderEvent> events;
    for (int i = 0; i < kOrders; ++i) {
        OrderEvent e = order(u"ch%1"_s.arg(i % 4), QString::number(i),
                             {{skus.at(random.bounded(3)), 1 + random.bounded(3)}});
        if (random.bounded(10) == 0)
            e.lines.append({skus.at(random.bounded(3)), 1});
        events.append(e);
        if (random.bounded(10) == 0 && i > 0)
            events.append(events.at(random.bounded(int(events.size()))));
    }

    struct Applied
    {
        QList<OrderEvent> events;
        qint64 nonFinal = 0;
    };
    QList<Applied> applied(threads);
    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w) {
        workers.emplace_back([&, w] {
            auto db = t.another();
            SyncEngine engine(*db);
            for (qsizetype start = qsizetype(w) * batchSize; start < events.size();
                 start += qsizetype(threads) * batchSize) {
                QList<OrderEvent> batch = events.mid(start, batchSize);
                while (!batch.isEmpty()) {
                    const auto results = engine.applyBatch(batch);
                    QList<OrderEvent> again;
                    for (qsizetype i = 0; i < results.size(); ++i) {
                        if (results.at(i).outcome == ApplyOutcome::Applied ||
                            results.at(i).outcome == ApplyOutcome::Oversold)
                            applied[w].events.append(batch.at(i));
                        else if (!results.at(i).isFinal()) {
                            ++applied[w].nonFinal;
                            again.append(batch.at(i));
                        }
                    }
                    batch = again;
                }
            }
        });
    }
    for (auto &w : workers)
        w.join();

    // Each (channel, order id) applied at most once, and every distinct order got an outcome.
    QSet<QString> seen;
    QMap<QString, qint64> taken;
    for (const Applied &a : std::as_const(applied)) {
        for (const OrderEvent &e : a.events) {
            const QString key = e.channel + u'/' + e.orderId;
            QVERIFY2(!seen.contains(key), qPrintable(u"applied twice: "_s + key));
            seen.insert(key);
            for (const OrderLine &line : e.lines)
                taken[line.sku] += line.quantity;
        }
    }
    // A sale is a fact: every distinct order was applied, the late ones below zero.
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM orders"_s), kOrders);
    QCOMPARE(seen.size(), kOrders);
    QVERIFY(t.count(u"SELECT COUNT(*) FROM orders WHERE status = 'oversold'"_s) > 0);

    for (const QString &sku : skus) {
        QVERIFY(t.stock(sku).available < 0);
        verifyBooksBalance(t, sku, initial, taken.value(sku));
        if (QTest::currentTestFailed())
            return;
    }
    // Each applied order's rows are in the log exactly once.
    QCOMPARE(t.count(u"SELECT COUNT(DISTINCT channel || '/' || order_id) FROM mutations "
                     "WHERE kind = 'order'"_s),
             seen.size());
}

QTEST_GUILESS_MAIN(TestSyncEngineContention)
#include "tst_syncengine_contention.moc"
