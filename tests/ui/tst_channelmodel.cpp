// The Channels tab's table under QAbstractItemModelTester: channels arriving and leaving, and
// the twice-a-second figures updating rows in place rather than resetting the view, and which
// worker propagates each channel.
#include "channels/channelmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestChannelModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void channelModel();
    void channelModelUpdatesInPlace();
    void holder_data();
    void holder();
};

namespace {

ChannelRow channel(const QString &id, double p99Ms)
{
    ChannelRow r;
    r.id = id;
    r.type = u"shopify"_s;
    r.stats.count = 10;
    r.stats.p50Ms = p99Ms / 4;
    r.stats.p95Ms = p99Ms / 2;
    r.stats.p99Ms = p99Ms;
    r.rate = 2;
    r.tokens = 1;
    return r;
}

} // namespace

void TestChannelModel::channelModel()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({channel(u"a"_s, 100), channel(u"b"_s, 7000)});
    QCOMPARE(model.rowCount(), 2);
    model.setRows({channel(u"a"_s, 120), channel(u"b"_s, 200), channel(u"c"_s, 10)});
    QCOMPARE(model.rowCount(), 3);
    model.setRows({channel(u"c"_s, 10)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, 0), ChannelModel::ChannelIdRole).toString(), u"c"_s);
}

void TestChannelModel::channelModelUpdatesInPlace()
{
    // The figures refresh twice a second: the same channels must not reset the view (which
    // would drop the selection the Pause/Resume buttons act on).
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({channel(u"a"_s, 100), channel(u"b"_s, 200)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRows({channel(u"a"_s, 150), channel(u"b"_s, 200)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QVERIFY(changed.count() >= 1);
}

void TestChannelModel::holder_data()
{
    QTest::addColumn<QString>("holder");
    QTest::addColumn<bool>("heldHere");
    QTest::addColumn<QString>("shown");
    QTest::newRow("no lease (SQLite)") << QString() << false << u"\u2014"_s;
    QTest::newRow("another worker")
        << u"srv-2:4711:ab12cd34"_s << false << u"srv-2:4711:ab12cd34"_s;
    QTest::newRow("this console") << u"office:99:0f0f0f0f"_s << true
                                  << u"this console (office:99:0f0f0f0f)"_s;
}

void TestChannelModel::holder()
{
    QFETCH(QString, holder);
    QFETCH(bool, heldHere);
    QFETCH(QString, shown);
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChannelRow r = channel(u"a"_s, 100);
    r.holder = holder;
    r.heldHere = heldHere;
    model.setRows({r});
    QCOMPARE(model.headerData(ChannelModel::Holder, Qt::Horizontal).toString(), u"Propagated by"_s);
    QCOMPARE(model.index(0, ChannelModel::Holder).data().toString(), shown);
}

QTEST_MAIN(TestChannelModel)
#include "tst_channelmodel.moc"
