// The Orders tab's model and filter: snapshots merge by order (a kept row keeps its place and
// selection, a gone one is removed, a new one inserted), oversold and waiting orders come first
// whatever the sort, the filters by channel, status and SKU, and the model checker throughout.
#include "orders/orderfilterproxy.h"
#include "orders/ordermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
OrderLedger::OrderSummary summary(const QString &channel, const QString &orderId,
                                  const QString &status, qint64 updatedAtMs,
                                  const QString &skus = u"A-1"_s)
{
    OrderLedger::OrderSummary s;
    s.channel = channel;
    s.orderId = orderId;
    s.status = status;
    s.receivedAtMs = updatedAtMs;
    s.updatedAtMs = updatedAtMs;
    s.units = 1;
    s.skus = skus;
    return s;
}

QStringList shownOrders(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, OrderModel::Order).data().toString());
    return out;
}
} // namespace

class TestOrderModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void snapshotsMergeByOrder();
    void needsAttentionFirst();
    void olderOrdersThatNeedAttentionAreShown();
    void filters_data();
    void filters();
};

void TestOrderModel::snapshotsMergeByOrder()
{
    OrderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OrdersSnapshot first;
    first.recent = {summary(u"shop"_s, u"3"_s, u"applied"_s, 3000),
                    summary(u"shop"_s, u"2"_s, u"applied"_s, 2000),
                    summary(u"woo"_s, u"1"_s, u"applied"_s, 1000)};
    model.setSnapshot(first);
    QCOMPARE(model.rowCount(), 3);
    const QPersistentModelIndex kept = model.index(model.rowOf(u"shop"_s, u"2"_s), 0);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    OrdersSnapshot second;
    second.recent = {summary(u"shop"_s, u"4"_s, u"applied"_s, 4000),
                     summary(u"shop"_s, u"2"_s, u"shipped"_s, 3500),
                     summary(u"shop"_s, u"3"_s, u"applied"_s, 3000)};
    model.setSnapshot(second);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(removed.count(), 1); // woo/1 fell out of the window
    QCOMPARE(inserted.count(), 1); // shop/4 is new
    QCOMPARE(changed.count(), 1); // shop/2 shipped
    QCOMPARE(reset.count(), 0);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(OrderModel::OrderIdRole).toString(), u"2"_s);
    QCOMPARE(QModelIndex(kept).siblingAtColumn(OrderModel::Status).data().toString(), u"Shipped"_s);
    QCOMPARE(model.rowOf(u"woo"_s, u"1"_s), -1);

    model.setSnapshot(second); // the same again: nothing to say
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 1);
}

void TestOrderModel::needsAttentionFirst()
{
    OrderModel model;
    OrderFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OrdersSnapshot s;
    s.recent = {summary(u"shop"_s, u"5"_s, u"shipped"_s, 5000),
                summary(u"shop"_s, u"4"_s, u"unmatched"_s, 4000),
                summary(u"shop"_s, u"3"_s, u"applied"_s, 3000),
                summary(u"shop"_s, u"1"_s, u"oversold"_s, 1000)};
    s.recent[1].waiting = 1;
    s.recent[3].owed = 2;
    s.oversold = {{u"shop"_s, u"1"_s, u"A-1"_s, 2, 1000}};
    s.unmatched = {{u"shop"_s, u"4"_s, 2, u"GIFT"_s, {}, 1, 4000, u"no such SKU"_s}};
    model.setSnapshot(s);
    QCOMPARE(model.oversoldCount(), 1);
    QCOMPARE(model.waitingLines(), 1);
    proxy.sort(OrderModel::Updated, Qt::DescendingOrder);
    QCOMPARE(shownOrders(proxy), (QStringList {u"1"_s, u"4"_s, u"5"_s, u"3"_s}));
    proxy.sort(OrderModel::Updated, Qt::AscendingOrder);
    QCOMPARE(shownOrders(proxy), (QStringList {u"1"_s, u"4"_s, u"3"_s, u"5"_s}));
    const QModelIndex owed = proxy.index(0, OrderModel::Owed);
    QCOMPARE(owed.data().toLongLong(), 2LL);
    QVERIFY(proxy.index(0, OrderModel::Status).data(Qt::ToolTipRole).toString().contains(u"A-1"_s));
    QVERIFY(
        proxy.index(1, OrderModel::Status).data(Qt::ToolTipRole).toString().contains(u"GIFT"_s));
}

void TestOrderModel::olderOrdersThatNeedAttentionAreShown()
{
    // An oversold order older than the recent window still needs the merchant: it is shown.
    OrderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OrdersSnapshot s;
    s.recent = {summary(u"shop"_s, u"9"_s, u"applied"_s, 9000)};
    s.oversold = {{u"ebay"_s, u"old"_s, u"B-2"_s, 3, 100}, {u"ebay"_s, u"old"_s, u"C-3"_s, 1, 100}};
    model.setSnapshot(s);
    QCOMPARE(model.rowCount(), 2);
    const int row = model.rowOf(u"ebay"_s, u"old"_s);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, OrderModel::Status).data(OrderModel::StatusRole).toString(),
             u"oversold"_s);
    QCOMPARE(model.index(row, OrderModel::Owed).data().toLongLong(), 4LL);
    QCOMPARE(model.index(row, OrderModel::Skus).data().toString(), u"B-2, C-3"_s);
}

void TestOrderModel::filters_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("everything") << QString() << QString() << QString()
                                << QStringList {u"1"_s, u"2"_s, u"3"_s, u"4"_s};
    QTest::newRow("one channel") << u"woo"_s << QString() << QString()
                                 << QStringList {u"3"_s, u"4"_s};
    QTest::newRow("one status") << QString() << u"cancelled"_s << QString() << QStringList {u"3"_s};
    QTest::newRow("needs attention")
        << QString() << QString::fromLatin1(OrderFilterProxy::kAttention) << QString()
        << QStringList {u"1"_s};
    QTest::newRow("a SKU, any case")
        << QString() << QString() << u"b-2"_s << QStringList {u"2"_s, u"4"_s};
    QTest::newRow("all three") << u"woo"_s << u"shipped"_s << u"B-"_s << QStringList {u"4"_s};
}

void TestOrderModel::filters()
{
    QFETCH(QString, channel);
    QFETCH(QString, status);
    QFETCH(QString, sku);
    QFETCH(QStringList, shown);
    OrderModel model;
    OrderFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OrdersSnapshot s;
    s.recent = {summary(u"shop"_s, u"1"_s, u"oversold"_s, 1000, u"A-1"_s),
                summary(u"shop"_s, u"2"_s, u"shipped"_s, 2000, u"A-1, B-2"_s),
                summary(u"woo"_s, u"3"_s, u"cancelled"_s, 3000, u"C-3"_s),
                summary(u"woo"_s, u"4"_s, u"shipped"_s, 4000, u"B-2"_s)};
    s.recent[0].owed = 1;
    model.setSnapshot(s);
    proxy.setChannel(channel);
    proxy.setStatus(status);
    proxy.setSkuText(sku);
    proxy.sort(OrderModel::Order, Qt::AscendingOrder);
    QStringList actual = shownOrders(proxy);
    actual.sort();
    QCOMPARE(actual, shown);
}

QTEST_MAIN(TestOrderModel)
#include "tst_ordermodel.moc"
