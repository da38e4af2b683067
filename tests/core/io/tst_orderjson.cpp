#include "domain/sku.h"
#include "io/orderjson.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestOrderJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void good();
    void numericOrderId();
    void bad_data();
    void bad();
};

void TestOrderJson::good()
{
    OrderEvent e;
    QString error;
    QVERIFY(parseOrderJson(
        R"({"channel":"shopify","order_id":"1001","lines":[{"sku":"A-1","qty":2},{"sku":"B","qty":1}]})",
        &e, &error));
    QCOMPARE(e.channel, u"shopify"_s);
    QCOMPARE(e.orderId, u"1001"_s);
    QCOMPARE(e.lines.size(), 2);
    QCOMPARE(e.lines.at(0), (OrderLine {u"A-1"_s, 2}));
}

void TestOrderJson::numericOrderId()
{
    OrderEvent e;
    QString error;
    QVERIFY(parseOrderJson(R"({"channel":"ebay","order_id":42,"lines":[{"sku":"A","qty":1}]})", &e,
                           &error));
    QCOMPARE(e.orderId, u"42"_s);
}

void TestOrderJson::bad_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{nope") << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << u"expected a JSON object"_s;
    QTest::newRow("no channel") << QByteArray(R"({"order_id":"1","lines":[{"sku":"A","qty":1}]})")
                                << u"\"channel\""_s;
    QTest::newRow("no order id") << QByteArray(R"({"channel":"s","lines":[{"sku":"A","qty":1}]})")
                                 << u"\"order_id\""_s;
    QTest::newRow("fractional id")
        << QByteArray(R"({"channel":"s","order_id":1.5,"lines":[{"sku":"A","qty":1}]})")
        << u"\"order_id\""_s;
    QTest::newRow("no lines") << QByteArray(R"({"channel":"s","order_id":"1"})") << u"\"lines\""_s;
    QTest::newRow("empty lines") << QByteArray(R"({"channel":"s","order_id":"1","lines":[]})")
                                 << u"\"lines\""_s;
    QTest::newRow("sku number")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"sku":5,"qty":1}]})")
        << u"lines[0].sku"_s;
    QTest::newRow("qty string")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"sku":"A","qty":"2"}]})")
        << u"lines[0].qty"_s;
    QTest::newRow("qty zero")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"sku":"A","qty":0}]})")
        << u"lines[0].qty"_s;
    QTest::newRow("qty fraction")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"sku":"A","qty":1.5}]})")
        << u"lines[0].qty"_s;
    QTest::newRow("empty sku")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"sku":"","qty":1}]})")
        << u"SKU is empty"_s;
    QTest::newRow("sku over the limit")
        << (R"({"channel":"s","order_id":"1","lines":[{"sku":")" +
            QByteArray(Sku::kMaxLength + 1, 'L') + R"(","qty":1}]})")
        << u"SKU is longer than 128"_s;
    QTest::newRow("control character in sku")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"sku":"A\u0001","qty":1}]})")
        << u"control character"_s;
    QTest::newRow("qty negative")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"sku":"A","qty":-2}]})")
        << u"lines[0].qty"_s;
    QTest::newRow("qty huge")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"sku":"A","qty":1e300}]})")
        << u"lines[0].qty"_s;
    QTest::newRow("control character in order_id")
        << QByteArray(R"({"channel":"s","order_id":"1\n2","lines":[{"sku":"A","qty":1}]})")
        << u"order_id contains a control character"_s;
    QTest::newRow("control character in channel")
        << QByteArray(R"({"channel":"s\u001b[1m","order_id":"1","lines":[{"sku":"A","qty":1}]})")
        << u"channel contains a control character"_s;
    QTest::newRow("order_id over the limit")
        << QByteArray(R"({"channel":"s","order_id":")" + QByteArray(129, '7') +
                      R"(","lines":[{"sku":"A","qty":1}]})")
        << u"order_id is longer than 128 characters"_s;
    QTest::newRow("remote_id over the limit")
        << QByteArray(R"({"channel":"s","order_id":"1","lines":[{"remote_id":")" +
                      QByteArray(129, '8') + R"(","qty":1}]})")
        << u"line 1: an id is longer than 128 characters"_s;
    QTest::newRow("truncated") << QByteArray(
                                      R"({"channel":"s","order_id":"1","lines":[{"sku":"A","q)")
                               << u"not valid JSON"_s;
}

void TestOrderJson::bad()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    OrderEvent e;
    QString actual;
    QVERIFY(!parseOrderJson(json, &e, &actual));
    QVERIFY2(actual.contains(error), qPrintable(actual));
}

QTEST_GUILESS_MAIN(TestOrderJson)
#include "tst_orderjson.moc"
