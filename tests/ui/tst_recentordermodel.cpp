// The Carrier quotes tab's order picker under QAbstractItemModelTester: newest first, the
// destination as the merchant reads it, and bounded to the most recent orders.
#include "quotes/recentordermodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestRecentOrderModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recentOrdersNewestFirst();
};

namespace {
OrderEvent order(const QString &id, const QString &postalCode = u"94105"_s)
{
    OrderEvent o;
    o.channel = u"shop-us"_s;
    o.orderId = id;
    o.lines = {{u"SKU-00012"_s, 2}};
    o.receivedAtMs = 1'796'112'000'000;
    if (!postalCode.isEmpty())
        o.shipTo = ShipTo::from(postalCode, u"us"_s, u"San Francisco"_s, u"CA"_s);
    return o;
}
} // namespace

void TestRecentOrderModel::recentOrdersNewestFirst()
{
    RecentOrderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addOrders({order(u"1"_s), order(u"2"_s)});
    model.addOrders({order(u"3"_s, QString())});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, RecentOrderModel::Order).data().toString(), u"3"_s);
    QCOMPARE(model.index(2, RecentOrderModel::Order).data().toString(), u"1"_s);
    QCOMPARE(model.index(1, RecentOrderModel::Destination).data().toString(),
             u"San Francisco 94105, US"_s);
    QCOMPARE(model.index(0, RecentOrderModel::Destination).data().toString(), u"not given"_s);
    QCOMPARE(model.index(1, RecentOrderModel::Items).data().toString(), u"2 \u00d7 SKU-00012"_s);
    model.setMaxRows(2);
    QCOMPARE(model.rowCount(), 2);
    QList<OrderEvent> many;
    for (int i = 10; i < 15; ++i)
        many.append(order(QString::number(i)));
    model.addOrders(many);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, RecentOrderModel::Order).data().toString(), u"14"_s);
    QCOMPARE(model.index(1, RecentOrderModel::Order).data().toString(), u"13"_s);
}

QTEST_MAIN(TestRecentOrderModel)
#include "tst_recentordermodel.moc"
