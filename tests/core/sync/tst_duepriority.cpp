// DuePriority: when a channel cannot take every due listing at once, pauses go first, then the
// listings that show the most relative to what they should (the ones about to sell out), then
// increases, each by the oldest change.
#include "sync/duepriority.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
// "SKU:send:acked:since", acked "-" for never acknowledged.
DueListing listing(const QString &spec)
{
    const QStringList f = spec.split(u':');
    DueListing d;
    d.sku = f.at(0);
    d.quantityToSend = f.at(1).toLongLong();
    if (f.at(2) != "-"_L1)
        d.ackedQuantity = f.at(2).toLongLong();
    d.pendingSinceMs = f.at(3).toLongLong();
    return d;
}
} // namespace

class TestDuePriority : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void order_data();
    void order();
    void tiers_data();
    void tiers();
};

void TestDuePriority::order_data()
{
    QTest::addColumn<QStringList>("listings"); // in the order they changed
    QTest::addColumn<QStringList>("expected"); // SKUs, most urgent first

    QTest::newRow("a pause jumps every queue")
        << QStringList {u"A:99:100:1"_s, u"B:2:10:2"_s, u"P:0:3:3"_s}
        << QStringList {u"P"_s, u"B"_s, u"A"_s};
    QTest::newRow("about to sell out before hundreds left")
        << QStringList {u"BIG:290:300:1"_s, u"LOW:2:10:2"_s} << QStringList {u"LOW"_s, u"BIG"_s};
    QTest::newRow("ratio, not size of the change")
        // 90 of 100 (ratio 9) goes before 500 of 510 (ratio 50) and after 3 of 4 (ratio 3).
        << QStringList {u"X:500:510:1"_s, u"Y:90:100:2"_s, u"Z:3:4:3"_s}
        << QStringList {u"Z"_s, u"Y"_s, u"X"_s};
    QTest::newRow("equal ratio: oldest change first")
        << QStringList {u"NEW:5:10:9"_s, u"OLD:5:10:4"_s} << QStringList {u"OLD"_s, u"NEW"_s};
    QTest::newRow("pauses by oldest change")
        << QStringList {u"P2:0:50:8"_s, u"P1:0:1:2"_s} << QStringList {u"P1"_s, u"P2"_s};
    QTest::newRow("decreases before increases")
        // A restock from 0 to 1 cannot oversell; 5 of 6 shown can.
        << QStringList {u"UP:1:0:1"_s, u"DOWN:5:6:2"_s} << QStringList {u"DOWN"_s, u"UP"_s};
    QTest::newRow("increases by the same ratio")
        << QStringList {u"U1:400:100:1"_s, u"U2:2:1:2"_s} << QStringList {u"U1"_s, u"U2"_s};
    QTest::newRow("never acknowledged: by what it will show")
        << QStringList {u"N100:100:-:1"_s, u"N3:3:-:2"_s, u"D:8:10:3"_s}
        << QStringList {u"N3"_s, u"D"_s, u"N100"_s};
    QTest::newRow("never acknowledged and nothing to show is a pause")
        << QStringList {u"D:1:10:1"_s, u"N0:0:-:2"_s} << QStringList {u"N0"_s, u"D"_s};
    QTest::newRow("nothing changes on the channel: last")
        << QStringList {u"SAME:4:4:1"_s, u"UP:9:4:2"_s, u"ZERO:0:0:3"_s}
        << QStringList {u"UP"_s, u"SAME"_s, u"ZERO"_s};
    QTest::newRow("a negative acknowledged quantity counts as none shown")
        // The channel's own sales took what it shows below zero: sending 0 is no pause.
        << QStringList {u"NEG:0:-2:1"_s, u"D:1:3:2"_s} << QStringList {u"D"_s, u"NEG"_s};
}

void TestDuePriority::order()
{
    QFETCH(QStringList, listings);
    QFETCH(QStringList, expected);
    QList<DueListing> due;
    for (const QString &spec : std::as_const(listings))
        due.append(listing(spec));
    DuePriority::sort(due);
    QStringList got;
    for (const DueListing &d : std::as_const(due))
        got.append(d.sku);
    QCOMPARE(got, expected);
    // The order does not depend on the order they came in.
    std::reverse(due.begin(), due.end());
    DuePriority::sort(due);
    got.clear();
    for (const DueListing &d : std::as_const(due))
        got.append(d.sku);
    QCOMPARE(got, expected);
}

void TestDuePriority::tiers_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("tier");
    QTest::newRow("to zero") << u"A:0:5:0"_s << int(DuePriority::Tier::Pause);
    QTest::newRow("zero, never acknowledged") << u"A:0:-:0"_s << int(DuePriority::Tier::Pause);
    QTest::newRow("already zero") << u"A:0:0:0"_s << int(DuePriority::Tier::Increase);
    QTest::newRow("down") << u"A:4:5:0"_s << int(DuePriority::Tier::Decrease);
    QTest::newRow("never acknowledged") << u"A:4:-:0"_s << int(DuePriority::Tier::Decrease);
    QTest::newRow("up") << u"A:6:5:0"_s << int(DuePriority::Tier::Increase);
}

void TestDuePriority::tiers()
{
    QFETCH(QString, spec);
    QFETCH(int, tier);
    QCOMPARE(int(DuePriority::tierOf(listing(spec))), tier);
}

QTEST_GUILESS_MAIN(TestDuePriority)
#include "tst_duepriority.moc"
