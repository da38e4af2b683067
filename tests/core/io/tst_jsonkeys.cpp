#include "io/jsonkeys.h"

#include <QJsonDocument>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestJsonKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstDuplicate_data();
    void firstDuplicate();
};

void TestJsonKeys::firstDuplicate_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path"); // empty: none
    QTest::addColumn<int>("offset");

    QTest::newRow("none") << QByteArray(R"({"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]})") << QString()
                          << 0;
    QTest::newRow("top level") << QByteArray(R"({"a":1,"a":2})") << u"a"_s << 7;
    QTest::newRow("nested object")
        << QByteArray(R"({"x":{"token":"1", "token":"2"}})") << u"x.token"_s << 19;
    QTest::newRow("in an array element")
        << QByteArray(R"({"channels":[{"id":"a"},{"id":"b","id":"c"}]})") << u"channels[1].id"_s
        << 34;
    QTest::newRow("after scalars in the array")
        << QByteArray(R"({"l":[1, -2.5e3, true, null, "s", {"k":1,"k":2}]})") << u"l[5].k"_s << 41;
    QTest::newRow("escaped spelling") << QByteArray(R"({"ab":1,"a\u0062":2})") << u"ab"_s << 8;
    QTest::newRow("string value looks like a key")
        << QByteArray(R"({"a":"b","b":"a"})") << QString() << 0;
    QTest::newRow("escaped quote in a value")
        << QByteArray(R"({"a":"x\",\"a","c":1})") << QString() << 0;
    QTest::newRow("same key in sibling objects")
        << QByteArray(R"([{"a":1},{"a":2}])") << QString() << 0;
    QTest::newRow("white space everywhere")
        << QByteArray("{\n  \"a\" : [ 1 , 2 ] ,\n  \"a\" : 3\n}") << u"a"_s << 24;
}

void TestJsonKeys::firstDuplicate()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(int, offset);
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError); // the rows are valid JSON
    const auto duplicate = firstDuplicateJsonKey(json);
    if (path.isEmpty()) {
        QVERIFY2(!duplicate, qPrintable(duplicate ? duplicate->path : QString()));
        return;
    }
    QVERIFY(duplicate);
    QCOMPARE(duplicate->path, path);
    QCOMPARE(duplicate->offset, qsizetype(offset));
}

QTEST_APPLESS_MAIN(TestJsonKeys)
#include "tst_jsonkeys.moc"
