// The stock table: model checks, filtering, and a burst of changes on the core thread reaching
// the model as a few coalesced updates.
#include "console/corebridge.h"
#include "stock/stockfilterproxy.h"
#include "stock/stockmodel.h"
#include "stock/stockpanel.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
StockRow stockRow(const QString &sku, qint64 available, qint64 buffer = 0, int channels = 2)
{
    StockRow r;
    r.sku = sku;
    r.title = u"Title of %1"_s.arg(sku);
    r.available = available;
    r.safetyBuffer = buffer;
    r.version = 1;
    r.channels.resize(channels);
    for (ListingCell &c : r.channels) {
        c.listed = true;
        c.ackedQuantity = available;
    }
    return r;
}

// An inventory file of `skus` SKUs named SKU-<number, `digits` wide>, each with `available`
// units; empty when it was made, else why not.
QString seedInventory(const QString &location, int skus, int digits, qint64 available)
{
    QString error;
    auto db = Database::open(location, &error);
    if (!db)
        return error;
    QList<StockImportRow> rows;
    for (int i = 0; i < skus; ++i) {
        StockImportRow r;
        r.sku = u"SKU-%1"_s.arg(i, digits, 10, QChar(u'0'));
        r.available = available;
        rows.append(r);
    }
    const auto imported = SyncEngine(*db).importStock(rows, u"test"_s, u"seed"_s);
    return imported.ok() ? QString() : u"the stock was not imported"_s;
}

// A console core on that file, with no channels and no listener.
ConsoleWorker::Options offlineOptions(const QString &location)
{
    ConsoleWorker::Options options;
    options.databaseLocation = location;
    options.config = ChannelsConfig();
    options.listen = false;
    return options;
}
} // namespace

class TestStockModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesModelTester();
    void onHandCommittedAndOwed_data();
    void onHandCommittedAndOwed();
    void shipmentChangesTheRow();
    void changedRowsSignalTheirSpans();
    void filterByTextAndProblems_data();
    void filterByTextAndProblems();
    void channelCellShowsQuantityStateAndLag_data();
    void channelCellShowsQuantityStateAndLag();
    void movingSortColumnCatchesUpInsteadOfReordering();
    void stableSortColumnFollowsAtOnce();
    void burstOfChangesIsCoalesced();
    void largeStockShowsItsFirstRowsFirst();
};

void TestStockModel::passesModelTester()
{
    StockModel model;
    StockFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChannels({u"a"_s, u"b"_s});
    model.load({stockRow(u"B"_s, 10), stockRow(u"A"_s, 20)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), StockModel::FirstChannel + 2);
    QCOMPARE(model.index(0, StockModel::Sku).data().toString(), u"A"_s);
    StockRow changed = stockRow(u"B"_s, 3);
    changed.channels[1].state = ListingState::State::Dead;
    model.applyChanges({changed, stockRow(u"C"_s, 7)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, StockModel::Available).data().toLongLong(), 3);
    QCOMPARE(model.index(2, StockModel::Sku).data().toString(), u"C"_s);
    proxy.setOnlyProblems(true);
    proxy.setText(u"b"_s);
    QCOMPARE(proxy.rowCount(), 1);
}

void TestStockModel::onHandCommittedAndOwed_data()
{
    QTest::addColumn<qint64>("available");
    QTest::addColumn<qint64>("committed");
    QTest::addColumn<qint64>("onHand");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("red");
    QTest::newRow("nothing sold") << 10LL << 0LL << 10LL << u"10"_s << false;
    QTest::newRow("sold, not shipped") << 7LL << 3LL << 10LL << u"7"_s << false;
    QTest::newRow("sold out") << 0LL << 4LL << 4LL << u"0"_s << false;
    QTest::newRow("two owed") << -2LL << 5LL << 3LL << u"-2 (owed)"_s << true;
}

void TestStockModel::onHandCommittedAndOwed()
{
    QFETCH(qint64, available);
    QFETCH(qint64, committed);
    QFETCH(qint64, onHand);
    QFETCH(QString, shown);
    QFETCH(bool, red);
    StockModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChannels({u"a"_s});
    StockRow row = stockRow(u"A"_s, available, 0, 1);
    row.committed = committed;
    model.load({row});
    QCOMPARE(model.headerData(StockModel::OnHand, Qt::Horizontal).toString(), u"On hand"_s);
    QCOMPARE(model.headerData(StockModel::Committed, Qt::Horizontal).toString(), u"Committed"_s);
    QCOMPARE(model.index(0, StockModel::OnHand).data().toLongLong(), onHand);
    QCOMPARE(model.index(0, StockModel::Committed).data().toLongLong(), committed);
    QCOMPARE(model.index(0, StockModel::Available).data().toString(), shown);
    QCOMPARE(model.index(0, StockModel::Available).data(StockModel::SortRole).toLongLong(),
             available);
    const QVariant foreground = model.index(0, StockModel::Available).data(Qt::ForegroundRole);
    QCOMPARE(foreground.isValid(), red);
    if (red) {
        QCOMPARE(foreground.value<QBrush>().color(), QColor(0xb0, 0x1c, 0x1c));
        QVERIFY(model.index(0, StockModel::Available)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"owed"_s));
        QVERIFY(model.index(0, StockModel::Available).data(StockModel::ProblemRole).toBool());
    }
}

void TestStockModel::shipmentChangesTheRow()
{
    // A shipment keeps the version and available: only committed and on hand move, and the
    // row must still be redrawn.
    StockModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChannels({u"a"_s});
    StockRow row = stockRow(u"A"_s, 5, 0, 1);
    row.committed = 3;
    model.load({row});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    row.committed = 1;
    model.applyChanges({row});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, StockModel::OnHand).data().toLongLong(), 6LL);
    QCOMPARE(model.index(0, StockModel::Available).data().toLongLong(), 5LL);
}

void TestStockModel::changedRowsSignalTheirSpans()
{
    StockModel model;
    model.setChannels({u"a"_s});
    QList<StockRow> rows;
    for (int i = 0; i < 10; ++i)
        rows.append(stockRow(u"S%1"_s.arg(i), 100, 0, 1));
    model.load(rows);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // Rows 2, 3 and 7 change (and row 5 is sent unchanged): two spans, 2-3 and 7.
    model.applyChanges({stockRow(u"S2"_s, 1, 0, 1), stockRow(u"S3"_s, 2, 0, 1),
                        stockRow(u"S5"_s, 100, 0, 1), stockRow(u"S7"_s, 3, 0, 1)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 7);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 7);
    QCOMPARE(changed.at(1).at(1).toModelIndex().column(), model.columnCount() - 1);
}

void TestStockModel::filterByTextAndProblems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("onlyProblems");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("everything") << QString() << false
                                << QStringList {u"MUG-1"_s, u"MUG-2"_s, u"TEE-1"_s, u"TEE-2"_s};
    QTest::newRow("sku text") << u"mug"_s << false << QStringList {u"MUG-1"_s, u"MUG-2"_s};
    QTest::newRow("title text") << u"title of tee-2"_s << false << QStringList {u"TEE-2"_s};
    QTest::newRow("problems") << QString() << true
                              << QStringList {u"MUG-2"_s, u"TEE-1"_s, u"TEE-2"_s};
    QTest::newRow("problems and text") << u"tee"_s << true << QStringList {u"TEE-1"_s, u"TEE-2"_s};
}

void TestStockModel::filterByTextAndProblems()
{
    QFETCH(QString, text);
    QFETCH(bool, onlyProblems);
    QFETCH(QStringList, shown);
    StockModel model;
    model.setChannels({u"a"_s, u"b"_s});
    StockRow lowStock = stockRow(u"MUG-2"_s, 7, 3); // 4 over the buffer: low
    StockRow retrying = stockRow(u"TEE-1"_s, 100);
    retrying.channels[0].state = ListingState::State::Retrying;
    StockRow paused = stockRow(u"TEE-2"_s, 100);
    paused.paused = true;
    StockRow pendingOnly = stockRow(u"MUG-1"_s, 100); // pending is not a problem
    pendingOnly.channels[1].state = ListingState::State::Pending;
    model.load({pendingOnly, lowStock, retrying, paused});
    StockFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(StockModel::Sku);
    proxy.setText(text);
    proxy.setOnlyProblems(onlyProblems);
    QStringList actual;
    for (int row = 0; row < proxy.rowCount(); ++row)
        actual.append(proxy.index(row, StockModel::Sku).data().toString());
    QCOMPARE(actual, shown);
}

void TestStockModel::channelCellShowsQuantityStateAndLag_data()
{
    // The SKU has 7 available: each cell says what its channel should show, then what it
    // acknowledged.
    QTest::addColumn<ListingCell>("cell");
    QTest::addColumn<BufferOverride>("channelRule");
    QTest::addColumn<BufferOverride>("own"); // the listing's override
    QTest::addColumn<QString>("display");
    QTest::addColumn<bool>("italic");
    QTest::addColumn<QStringList>("toolTipHas");
    const BufferOverride none;
    ListingCell inSync;
    inSync.listed = true;
    inSync.ackedQuantity = 7;
    inSync.lagMs = 85;
    QTest::newRow("in sync with its lag")
        << inSync << none << none << u"7/7 \u00b7 85 ms"_s << false
        << QStringList {u"a: in sync"_s,
                        u"Acknowledged quantity: 7"_s,
                        u"Last sync lag: 85 ms"_s,
                        u"Should show: 7"_s,
                        u"Rule: reserve 0, 100%, max none, pause at 0"_s,
                        u"The channel's rule."_s};
    ListingCell slow = inSync;
    slow.lagMs = 1260;
    QTest::newRow("seconds of lag") << slow << none << none << u"7/7 \u00b7 1.3 s"_s << false
                                    << QStringList {u"Last sync lag: 1.3 s"_s};
    ListingCell retrying = inSync;
    retrying.state = ListingState::State::Retrying;
    retrying.outOfSyncSinceMs = QDateTime::currentMSecsSinceEpoch() - 4000;
    retrying.lastError = u"HTTP 503"_s;
    QTest::newRow("retrying") << retrying << none << none << u"7/7 (retrying)"_s << false
                              << QStringList {u"a: retrying"_s, u"Out of sync for"_s,
                                              u"Last error: HTTP 503"_s};
    ListingCell never;
    never.listed = true;
    QTest::newRow("never acknowledged")
        << never << none << none << u"7/?"_s << false << QStringList {u"a: in sync"_s};
    // The channel's rule: half of it, rounded down.
    const BufferOverride half {{}, 50, {}, {}};
    ListingCell halfShown = inSync;
    halfShown.ackedQuantity = 3;
    QTest::newRow("channel's rule") << halfShown << half << none << u"3/3 \u00b7 85 ms"_s << false
                                    << QStringList {u"Should show: 3"_s, u"50%"_s};
    // The listing's own rule, over the channel's: italic, and the tooltip says so.
    QTest::newRow("own rule") << halfShown << half << BufferOverride {{}, {}, {}, 7}
                              << u"0/3 \u00b7 85 ms"_s << true
                              << QStringList {u"Should show: 0, paused (available 7 is at or "
                                              "below 7)"_s,
                                              u"This SKU's own rule on this channel."_s};
    QTest::newRow("not listed") << ListingCell() << none << none << u"\u2014"_s << false
                                << QStringList {u"Not listed on a"_s};
}

void TestStockModel::channelCellShowsQuantityStateAndLag()
{
    QFETCH(ListingCell, cell);
    QFETCH(BufferOverride, channelRule);
    QFETCH(BufferOverride, own);
    QFETCH(QString, display);
    QFETCH(bool, italic);
    QFETCH(QStringList, toolTipHas);
    QLocale::setDefault(QLocale::c());
    StockModel model;
    model.setChannels({u"a"_s});
    model.setChannelBuffers({channelRule});
    StockRow row = stockRow(u"S"_s, 7, 0, 1);
    row.channels[0] = cell;
    if (!own.isEmpty())
        row.buffers.append({0, own});
    model.load({row});
    const QModelIndex index = model.index(0, StockModel::FirstChannel);
    QCOMPARE(index.data().toString(), display);
    QCOMPARE(index.data(Qt::FontRole).value<QFont>().italic(), italic);
    const QString toolTip = index.data(Qt::ToolTipRole).toString();
    for (const QString &part : toolTipHas)
        QVERIFY2(toolTip.contains(part), qPrintable(toolTip));
}

void TestStockModel::movingSortColumnCatchesUpInsteadOfReordering()
{
    StockModel model;
    model.setChannels({u"a"_s});
    model.load(
        {stockRow(u"A"_s, 10, 0, 1), stockRow(u"B"_s, 20, 0, 1), stockRow(u"C"_s, 30, 0, 1)});
    StockFilterProxy proxy;
    proxy.setResortInterval(50);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(StockModel::Available);
    const auto order = [&proxy] {
        QStringList skus;
        for (int row = 0; row < proxy.rowCount(); ++row)
            skus.append(proxy.index(row, StockModel::Sku).data().toString());
        return skus;
    };
    QCOMPARE(order(), (QStringList {u"A"_s, u"B"_s, u"C"_s}));
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
    // A sells out: its row updates in place...
    model.applyChanges({stockRow(u"A"_s, 40, 0, 1)});
    QCOMPARE(order(), (QStringList {u"A"_s, u"B"_s, u"C"_s}));
    QCOMPARE(proxy.index(0, StockModel::Available).data().toLongLong(), 40);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(layout.count(), 0);
    // ...and the order catches up once, a moment later.
    QTRY_COMPARE(order(), (QStringList {u"B"_s, u"C"_s, u"A"_s}));
    QCOMPARE(layout.count(), 1);
    // Back to a column that does not move: the order follows at once again.
    proxy.sort(StockModel::Sku);
    QCOMPARE(order(), (QStringList {u"A"_s, u"B"_s, u"C"_s}));
}

void TestStockModel::stableSortColumnFollowsAtOnce()
{
    StockModel model;
    model.setChannels({u"a"_s});
    model.load({stockRow(u"A"_s, 100, 0, 1), stockRow(u"B"_s, 100, 0, 1)});
    StockFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(StockModel::Sku);
    proxy.setOnlyProblems(true);
    QCOMPARE(proxy.rowCount(), 0);
    model.applyChanges({stockRow(u"B"_s, 2, 0, 1)}); // low stock: a problem
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, StockModel::Sku).data().toString(), u"B"_s);
}

void TestStockModel::burstOfChangesIsCoalesced()
{
    constexpr int kSkus = 50;
    constexpr int kChanges = 10000;
    QTemporaryDir dir;
    const QString location = dir.filePath(u"inventory.sqlite"_s);
    const QString seeded = seedInventory(location, kSkus, 2, 1000);
    QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
    CoreBridge bridge(offlineOptions(location));
    QCOMPARE(bridge.workerThread()->objectName(), u"channeldesk-core"_s);
    StockPanel panel(&bridge);
    StockModel *model = panel.model();
    QSignalSpy loaded(&bridge, &CoreBridge::stockLoaded);
    bridge.start();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    QCOMPARE(model->rowCount(), kSkus);

    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy batches(&bridge, &CoreBridge::stockChanged);
    for (int i = 0; i < kChanges; ++i)
        bridge.adjustStock(u"SKU-%1"_s.arg(i % kSkus, 2, 10, QChar(u'0')), 1, u"burst"_s);
    const auto total = [model] {
        qint64 sum = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            sum += model->index(row, StockModel::Available).data().toLongLong();
        return sum;
    };
    QTRY_COMPARE_WITH_TIMEOUT(total(), qint64(kSkus) * 1000 + kChanges, 60000);
    QCOMPARE(model->index(0, StockModel::Version).data().toLongLong(), 1 + kChanges / kSkus);
    // Every change reached the model, in far fewer updates than changes, and no reset.
    QCOMPARE(reset.count(), 0);
    QVERIFY2(batches.count() < kChanges / 20,
             qPrintable(u"%1 batches for %2 changes"_s.arg(batches.count()).arg(kChanges)));
    QVERIFY2(changed.count() < kChanges / 20,
             qPrintable(u"%1 dataChanged for %2 changes"_s.arg(changed.count()).arg(kChanges)));
}

void TestStockModel::largeStockShowsItsFirstRowsFirst()
{
    // More SKUs than the core's first part: the table shows that part, then the rest arrives
    // as new rows, in order, without another reset, and a sale made during the load is shown.
    constexpr int kSkus = 1234;
    QTemporaryDir dir;
    const QString location = dir.filePath(u"inventory.sqlite"_s);
    const QString seeded = seedInventory(location, kSkus, 4, 100);
    QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
    CoreBridge bridge(offlineOptions(location));
    StockPanel panel(&bridge);
    StockModel *model = panel.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&bridge, &CoreBridge::stockLoaded);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    bridge.start();
    bridge.adjustStock(u"SKU-1200"_s, -7, u"sold in the shop"_s); // queued behind the first part
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10'000);
    const qsizetype resets = reset.count(); // the channels, then the first part
    const auto first = loaded.first().first().value<QList<StockRow>>();
    QVERIFY2(first.size() < kSkus, qPrintable(QString::number(first.size())));
    QCOMPARE(first.first().sku, u"SKU-0000"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kSkus, 10'000);
    QCOMPARE(reset.count(), resets);
    for (int row = 0; row < kSkus; ++row)
        QCOMPARE(model->rowAt(row)->sku, u"SKU-%1"_s.arg(row, 4, 10, QChar(u'0')));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowAt(model->rowOf(u"SKU-1200"_s))->available, 93LL, 10'000);
}

QTEST_MAIN(TestStockModel)
#include "tst_stockmodel.moc"
