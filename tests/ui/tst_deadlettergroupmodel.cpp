// DeadLetterGroupModel: the dead letters counted by channel and by error (the channel's code,
// else the HTTP status, else "no answer"), merged snapshot after snapshot without a reset so a
// selected group stays selected; and the table's filter on a selected group.
#include "dlq/deadletterfilterproxy.h"
#include "dlq/deadlettergroupmodel.h"
#include "dlq/deadlettermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
DeadLetter letter(const QString &channel, const QString &sku, int status, const QString &code = {})
{
    DeadLetter d;
    d.channel = channel;
    d.sku = sku;
    d.httpStatus = status;
    d.code = code;
    d.errorKind = status == 404 || status == 400 ? u"permanent"_s : u"exhausted"_s;
    d.state = u"dead"_s;
    return d;
}

// "channel count: group count, group count; ..." in the model's order.
QString tree(const DeadLetterGroupModel &model)
{
    QStringList channels;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex c = model.index(r, DeadLetterGroupModel::Name);
        QStringList groups;
        for (int g = 0; g < model.rowCount(c); ++g) {
            groups.append(
                u"%1 %2"_s.arg(model.index(g, DeadLetterGroupModel::Name, c).data().toString(),
                               model.index(g, DeadLetterGroupModel::Letters, c).data().toString()));
        }
        channels.append(u"%1 %2: %3"_s.arg(
            c.data().toString(), model.index(r, DeadLetterGroupModel::Letters).data().toString(),
            groups.join(u", "_s)));
    }
    return channels.join(u"; "_s);
}
} // namespace

class TestDeadLetterGroupModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupOf_data();
    void groupOf();
    void countsByChannelAndError_data();
    void countsByChannelAndError();
    void updatesInPlace();
    void filterFollowsTheSelectedGroup_data();
    void filterFollowsTheSelectedGroup();
};

void TestDeadLetterGroupModel::groupOf_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("group");
    QTest::newRow("status only") << 401 << QString() << u"HTTP 401"_s;
    QTest::newRow("code and status") << 400 << u"woocommerce_rest_product_invalid_id"_s
                                     << u"woocommerce_rest_product_invalid_id (HTTP 400)"_s;
    QTest::newRow("code without status (a 200 answer's user error)")
        << 0 << u"INVALID_INVENTORY_ITEM"_s << u"INVALID_INVENTORY_ITEM"_s;
    QTest::newRow("no answer") << 0 << QString() << u"no answer"_s;
}

void TestDeadLetterGroupModel::groupOf()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, group);
    QCOMPARE(DeadLetterGroupModel::groupOf(letter(u"c"_s, u"s"_s, status, code)), group);
}

void TestDeadLetterGroupModel::countsByChannelAndError_data()
{
    QTest::addColumn<QList<DeadLetter>>("letters");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("total");
    QTest::newRow("empty") << QList<DeadLetter>() << QString() << 0;
    QTest::newRow("one") << QList<DeadLetter> {letter(u"ebay"_s, u"A"_s, 401)}
                         << u"ebay 1: HTTP 401 1"_s << 1;
    QTest::newRow("channels and errors, sorted")
        << QList<DeadLetter> {letter(u"woo"_s, u"A"_s, 400, u"rest_invalid_param"_s),
                              letter(u"ebay"_s, u"A"_s, 401),
                              letter(u"ebay"_s, u"B"_s, 401),
                              letter(u"ebay"_s, u"C"_s, 0),
                              letter(u"ebay"_s, u"D"_s, 400, u"25001"_s),
                              letter(u"woo"_s, u"B"_s, 400, u"rest_invalid_param"_s)}
        << u"ebay 4: 25001 (HTTP 400) 1, HTTP 401 2, no answer 1; "
           "woo 2: rest_invalid_param (HTTP 400) 2"_s
        << 6;
}

void TestDeadLetterGroupModel::countsByChannelAndError()
{
    QFETCH(QList<DeadLetter>, letters);
    QFETCH(QString, expected);
    QFETCH(int, total);
    DeadLetterGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLetters(letters);
    QCOMPARE(tree(model), expected);
    QCOMPARE(model.total(), total);
    // Every row says which channel (and group) it stands for.
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex c = model.index(r, 0);
        QVERIFY(c.data(DeadLetterGroupModel::GroupRole).isNull());
        for (int g = 0; g < model.rowCount(c); ++g) {
            const QModelIndex group = model.index(g, 0, c);
            QCOMPARE(group.data(DeadLetterGroupModel::ChannelRole), c.data());
            QCOMPARE(group.data(DeadLetterGroupModel::GroupRole), group.data());
            QCOMPARE(group.parent(), c);
        }
    }
}

void TestDeadLetterGroupModel::updatesInPlace()
{
    DeadLetterGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLetters({letter(u"ebay"_s, u"A"_s, 401), letter(u"ebay"_s, u"B"_s, 401),
                      letter(u"woo"_s, u"A"_s, 404)});
    const QPersistentModelIndex ebay401 = model.index(0, 0, model.index(0, 0));
    const QPersistentModelIndex woo = model.index(1, 0);
    QCOMPARE(ebay401.data().toString(), u"HTTP 401"_s);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // One 401 is fixed, a 500 arrives, a new channel fails: counts change in place.
    model.setLetters({letter(u"ebay"_s, u"A"_s, 401), letter(u"ebay"_s, u"C"_s, 500),
                      letter(u"woo"_s, u"A"_s, 404), letter(u"amazon"_s, u"A"_s, 0)});
    QCOMPARE(tree(model),
             u"amazon 1: no answer 1; ebay 2: HTTP 401 1, HTTP 500 1; woo 1: HTTP 404 1"_s);
    QCOMPARE(reset.count(), 0);
    QVERIFY(!changed.isEmpty());
    QVERIFY(ebay401.isValid());
    QCOMPARE(ebay401.data().toString(), u"HTTP 401"_s);
    QCOMPARE(ebay401.sibling(ebay401.row(), DeadLetterGroupModel::Letters).data().toInt(), 1);
    QCOMPARE(woo.data().toString(), u"woo"_s);

    // The channel's last letter goes: its row goes, the others stay where they were.
    model.setLetters({letter(u"ebay"_s, u"C"_s, 500), letter(u"amazon"_s, u"A"_s, 0)});
    QCOMPARE(tree(model), u"amazon 1: no answer 1; ebay 1: HTTP 500 1"_s);
    QVERIFY(!ebay401.isValid());
    QVERIFY(!woo.isValid());
    model.setLetters({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.total(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestDeadLetterGroupModel::filterFollowsTheSelectedGroup_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("all") << QString() << QString()
                         << QStringList {u"ebay/A"_s, u"ebay/B"_s, u"ebay/C"_s, u"woo/A"_s};
    QTest::newRow("a channel") << u"ebay"_s << QString()
                               << QStringList {u"ebay/A"_s, u"ebay/B"_s, u"ebay/C"_s};
    QTest::newRow("a channel's error")
        << u"ebay"_s << u"HTTP 401"_s << QStringList {u"ebay/A"_s, u"ebay/C"_s};
    QTest::newRow("the same error elsewhere")
        << u"woo"_s << u"HTTP 401"_s << QStringList {u"woo/A"_s};
    QTest::newRow("a code") << u"ebay"_s << u"25001 (HTTP 400)"_s << QStringList {u"ebay/B"_s};
}

void TestDeadLetterGroupModel::filterFollowsTheSelectedGroup()
{
    QFETCH(QString, channel);
    QFETCH(QString, group);
    QFETCH(QStringList, shown);
    DeadLetterModel letters;
    DeadLetterFilterProxy proxy;
    proxy.setSourceModel(&letters);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    letters.setLetters({letter(u"ebay"_s, u"A"_s, 401), letter(u"ebay"_s, u"B"_s, 400, u"25001"_s),
                        letter(u"ebay"_s, u"C"_s, 401), letter(u"woo"_s, u"A"_s, 401)});
    proxy.setGroup(channel, group);
    proxy.sort(DeadLetterModel::Sku);
    QStringList keys;
    for (int r = 0; r < proxy.rowCount(); ++r)
        keys.append(proxy.index(r, DeadLetterModel::Channel).data().toString() + u'/' +
                    proxy.index(r, DeadLetterModel::Sku).data().toString());
    keys.sort();
    QCOMPARE(keys, shown);
}

QTEST_MAIN(TestDeadLetterGroupModel)
#include "tst_deadlettergroupmodel.moc"
