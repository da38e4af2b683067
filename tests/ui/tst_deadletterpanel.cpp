// The Dead letters tab against the real core: a simulated WooCommerce shop refuses an update
// (401), the listing lands in the queue and shows in the panel; the merchant fixes the shop,
// clicks Retry selected, and the row moves to "retrying", then leaves once the channel has the
// CURRENT quantity.
#include "console/corebridge.h"
#include "dlq/deadlettermodel.h"
#include "dlq/deadletterpanel.h"
#include "lag/lagpanel.h"
#include "sim/channelsim.h"
#include "sim/simchannel.h"
#include "sim/simtcpserver.h"
#include "store/database.h"
#include "store/mappingstore.h"
#include "sync/syncengine.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QHttpServer>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestDeadLetterPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retrySelectedReachesThePropagator();
};

void TestDeadLetterPanel::retrySelectedReachesThePropagator()
{
    // A simulated WooCommerce shop on loopback, in this thread.
    QHttpServer simServer;
    auto *simTcp = new SimTcpServer(&simServer);
    QVERIFY(simTcp->listen(QHostAddress::LocalHost, 0));
    const QString base = u"http://127.0.0.1:%1/woo"_s.arg(simTcp->serverPort());
    QJsonObject listings;
    for (int i = 0; i < 3; ++i)
        listings.insert(QString::number(100 + i),
                        QJsonObject {{u"quantity"_s, 50}, {u"sku"_s, u"SKU-%1"_s.arg(i)}});
    ChannelSimulator sim(SystemClock::instance());
    QString error;
    QVERIFY2(sim.configure(QJsonArray {QJsonObject {{u"id"_s, u"woo"_s},
                                                    {u"type"_s, u"woocommerce"_s},
                                                    {u"consumer_key"_s, u"ck_test"_s},
                                                    {u"consumer_secret"_s, u"cs_test"_s},
                                                    {u"listings"_s, listings}}},
                           &error),
             qPrintable(error));
    sim.install(simServer);
    simServer.bind(simTcp);
    SimChannel *woo = sim.channel(u"woo"_s);
    QVERIFY(woo);

    // The inventory, seeded in step with the shop.
    QTemporaryDir dir;
    const QString location = dir.filePath(u"inventory.sqlite"_s);
    {
        auto db = Database::open(location, &error);
        QVERIFY2(db, qPrintable(error));
        QList<StockImportRow> rows;
        QList<ListingMapping> mappings;
        for (int i = 0; i < 3; ++i) {
            StockImportRow r;
            r.sku = u"SKU-%1"_s.arg(i);
            r.available = 50;
            rows.append(r);
            mappings.append({u"woo"_s, r.sku, QString::number(100 + i)});
        }
        QVERIFY(SyncEngine(*db).importStock(rows, u"test"_s, u"seed"_s).ok());
        QVERIFY(MappingStore(*db).importMappings(mappings, 0));
    }
    qputenv("DLQ_TEST_KEY", "ck_test");
    qputenv("DLQ_TEST_SECRET", "cs_test");
    const ChannelsConfigResult config =
        parseChannelsConfig(uR"({"channels": [{"id": "woo", "type": "woocommerce", "base_url": "%1",
             "credentials": {"consumer_key_env": "DLQ_TEST_KEY",
                             "consumer_secret_env": "DLQ_TEST_SECRET"},
             "webhook_secret_env": "DLQ_TEST_SECRET"}],
             "alerts": {"lag_p99_seconds": 2.5}})"_s.arg(base)
                                .toUtf8(),
                            QProcessEnvironment::systemEnvironment());
    QVERIFY2(config.ok(), qPrintable(config.error));

    ConsoleWorker::Options options;
    options.databaseLocation = location;
    options.config = *config.config;
    options.listen = false;
    CoreBridge bridge(options);
    DeadLetterPanel panel(&bridge);
    LagPanel lag(&bridge);
    panel.resize(1000, 600);
    panel.show();
    DeadLetterModel *model = panel.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy started(&bridge, &CoreBridge::started);
    // Where each SKU's listing stands, as the stock table would show it.
    QHash<QString, ListingCell> cells;
    const auto track = [&cells](const QList<StockRow> &rows) {
        for (const StockRow &r : rows)
            cells.insert(r.sku, r.channels.value(0));
    };
    connect(&bridge, &CoreBridge::stockLoaded, this, track);
    connect(&bridge, &CoreBridge::stockChanged, this, track);
    bridge.start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10'000);
    // The lag chart's dashed line is the config's p99 alert threshold.
    QCOMPARE(lag.thresholdMs(), 2500.0);
    // The first push of every listing has to land before the shop starts refusing, or more than
    // the one adjusted SKU would be dead-lettered.
    QTRY_VERIFY_WITH_TIMEOUT(cells.size() == 3 &&
                                 std::all_of(cells.cbegin(), cells.cend(),
                                             [](const ListingCell &c) {
                                                 return c.state == ListingState::State::InSync &&
                                                     c.ackedQuantity == 50;
                                             }),
                             10'000);

    // The shop no longer knows the product: the update is dead-lettered at once (permanent).
    QVERIFY(woo->setFaults(QJsonObject {{u"errors"_s, QJsonObject {{u"404"_s, 1.0}}}}).status ==
            200);
    bridge.adjustStock(u"SKU-1"_s, -8, u"damaged"_s);
    bridge.refreshDeadLetters();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10'000);
    const auto state = [model] {
        return model->index(0, DeadLetterModel::State).data().toString();
    };
    QCOMPARE(model->index(0, DeadLetterModel::Sku).data().toString(), u"SKU-1"_s);
    QCOMPARE(state(), u"dead"_s);
    QCOMPARE(woo->listing(u"101"_s)->quantity, 50); // nothing reached the shop

    // Stock moves on: the newer version is tried too (the letter is re-armed) and refused again.
    bridge.adjustStock(u"SKU-1"_s, -2, u"damaged"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && state() == u"dead"_s &&
                                 model->letterAt(0)->history.contains(u"rearmed"_s),
                             10'000);
    // The merchant fixes the shop and retries.
    QVERIFY(woo->setFaults(QJsonObject {{u"errors"_s, QJsonObject {}}, {u"latency_ms"_s, 400}})
                .status == 200);
    QTableView *view = panel.view();
    view->selectRow(0);
    auto *retry = panel.findChild<QPushButton *>(u"retrySelected"_s);
    QVERIFY(retry);
    QTest::mouseClick(retry, Qt::LeftButton);
    // The row moves to retrying while the (slow) shop answers, then leaves the queue.
    QTRY_COMPARE_WITH_TIMEOUT(state(), u"retrying"_s, 5'000);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10'000);
    // The shop holds the current quantity, not the one that failed.
    QCOMPARE(woo->listing(u"101"_s)->quantity, 40);
}

QTEST_MAIN(TestDeadLetterPanel)
#include "tst_deadletterpanel.moc"
