// DeliveryModel: the inbox's deliveries, newest first; a new snapshot is merged in by id, never
// reset, so a selected delivery stays selected while drains refresh the view.
#include "deliveries/deliverymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
InboxEntry entry(qint64 id, DeliveryStatus status, const QString &error = {})
{
    InboxEntry e;
    e.id = id;
    e.delivery.channel = u"woo"_s;
    e.delivery.topic = "order.created";
    e.delivery.deliveryId = u"d-%1"_s.arg(id);
    e.delivery.body = R"({"id": 1})";
    e.delivery.receivedAtMs = 1'700'000'000'000 + id;
    e.status = status;
    e.error = error;
    return e;
}

QList<qint64> ids(const DeliveryModel &m)
{
    QList<qint64> out;
    for (int i = 0; i < m.rowCount(); ++i)
        out.append(m.index(i, 0).data(DeliveryModel::IdRole).toLongLong());
    return out;
}
} // namespace

class TestDeliveryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columns();
    void pollDeliveriesAreNamedSo();
    void replayOnlyWhatWasRefused_data();
    void replayOnlyWhatWasRefused();
    void mergeKeepsRowsAndSignalsDeltas();
    void mergeOrder_data();
    void mergeOrder();
};

void TestDeliveryModel::columns()
{
    DeliveryModel m;
    QAbstractItemModelTester tester(&m);
    m.setRows({entry(7, DeliveryStatus::Invalid, u"line 1: quantity must be a number\nmore"_s)});
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.columnCount(), int(DeliveryModel::Count));
    QCOMPARE(m.index(0, DeliveryModel::Channel).data().toString(), u"woo"_s);
    QCOMPARE(m.index(0, DeliveryModel::Topic).data().toString(), u"order.created"_s);
    QCOMPARE(m.index(0, DeliveryModel::DeliveryId).data().toString(), u"d-7"_s);
    QCOMPARE(m.index(0, DeliveryModel::Status).data().toString(), u"Invalid"_s);
    // The first line in the table, the whole reason in the tooltip.
    QCOMPARE(m.index(0, DeliveryModel::Detail).data().toString(),
             u"line 1: quantity must be a number"_s);
    QVERIFY(m.index(0, DeliveryModel::Detail).data(Qt::ToolTipRole).toString().contains(u"more"_s));
    QCOMPARE(m.index(0, DeliveryModel::Received).data(DeliveryModel::SortRole).toLongLong(), 7);
    QCOMPARE(m.headerData(DeliveryModel::Status, Qt::Horizontal).toString(), u"Status"_s);
}

void TestDeliveryModel::pollDeliveriesAreNamedSo()
{
    DeliveryModel m;
    InboxEntry polled = entry(1, DeliveryStatus::Applied);
    polled.delivery.topic = kPolledTopic;
    m.setRows({polled});
    QCOMPARE(m.index(0, DeliveryModel::Topic).data().toString(), u"(poll)"_s);
}

void TestDeliveryModel::replayOnlyWhatWasRefused_data()
{
    QTest::addColumn<DeliveryStatus>("status");
    QTest::addColumn<bool>("replayable");
    QTest::addColumn<QString>("hint"); // how the status's tooltip begins (empty: none)
    const QString refused = u"Not applied: fix the cause"_s;
    QTest::newRow("pending") << DeliveryStatus::Pending << false << QString();
    QTest::newRow("applied") << DeliveryStatus::Applied << false << QString();
    QTest::newRow("duplicate") << DeliveryStatus::Duplicate << false << QString();
    QTest::newRow("oversold") << DeliveryStatus::Oversold << false << QString();
    // Its other lines took stock: Replay applies the waiting ones once their SKU exists.
    QTest::newRow("unmatched") << DeliveryStatus::Unmatched << true
                               << u"Its other lines were applied"_s;
    QTest::newRow("invalid") << DeliveryStatus::Invalid << true << refused;
    QTest::newRow("ignored") << DeliveryStatus::Ignored << true << refused;
}

void TestDeliveryModel::replayOnlyWhatWasRefused()
{
    QFETCH(DeliveryStatus, status);
    QFETCH(bool, replayable);
    QFETCH(QString, hint);
    QCOMPARE(DeliveryModel::canReplay(status), replayable);
    DeliveryModel m;
    m.setRows({entry(1, status)});
    const QString tip = m.index(0, DeliveryModel::Status).data(Qt::ToolTipRole).toString();
    QVERIFY2(hint.isEmpty() ? tip.isEmpty() : tip.startsWith(hint), qPrintable(tip));
}

void TestDeliveryModel::mergeKeepsRowsAndSignalsDeltas()
{
    DeliveryModel m;
    QAbstractItemModelTester tester(&m);
    m.setRows({entry(2, DeliveryStatus::Pending), entry(1, DeliveryStatus::Applied)});
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    // 1 was pruned, 2 was drained, 3 arrived.
    m.setRows({entry(3, DeliveryStatus::Pending), entry(2, DeliveryStatus::Duplicate)});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(ids(m), (QList<qint64> {3, 2}));
    QCOMPARE(m.rowAt(1)->status, DeliveryStatus::Duplicate);
    // The same snapshot again: nothing.
    m.setRows({entry(3, DeliveryStatus::Pending), entry(2, DeliveryStatus::Duplicate)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1);
}

void TestDeliveryModel::mergeOrder_data()
{
    QTest::addColumn<QList<qint64>>("first");
    QTest::addColumn<QList<qint64>>("second");
    QTest::newRow("empty to some") << QList<qint64> {} << QList<qint64> {5, 3};
    QTest::newRow("some to empty") << QList<qint64> {2, 1} << QList<qint64> {};
    QTest::newRow("interleaved") << QList<qint64> {4, 2} << QList<qint64> {5, 4, 3, 1};
    QTest::newRow("unsorted input") << QList<qint64> {1, 4} << QList<qint64> {3, 4};
}

void TestDeliveryModel::mergeOrder()
{
    QFETCH(QList<qint64>, first);
    QFETCH(QList<qint64>, second);
    DeliveryModel m;
    QAbstractItemModelTester tester(&m);
    QList<InboxEntry> a;
    for (qint64 id : std::as_const(first))
        a.append(entry(id, DeliveryStatus::Applied));
    m.setRows(a);
    QList<InboxEntry> b;
    for (qint64 id : std::as_const(second))
        b.append(entry(id, DeliveryStatus::Applied));
    m.setRows(b);
    QList<qint64> expected = second;
    std::sort(expected.begin(), expected.end(), std::greater<>());
    QCOMPARE(ids(m), expected);
}

QTEST_GUILESS_MAIN(TestDeliveryModel)
#include "tst_deliverymodel.moc"
