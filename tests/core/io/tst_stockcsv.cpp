#include "domain/sku.h"
#include "io/stockcsv.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestStockCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodFile();
    void optionalColumnsAnyOrder();
    void badRows_data();
    void badRows();
    void reportsEveryBadRow();
};

void TestStockCsv::goodFile()
{
    QList<StockImportRow> rows;
    CsvErrors errors;
    QVERIFY(parseStockCsv(u"sku,available\nA-1,10\nB-2,0\n"_s, &rows, &errors));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).sku, u"A-1"_s);
    QCOMPARE(rows.at(0).available, 10);
    QVERIFY(!rows.at(0).title.has_value());
    QVERIFY(!rows.at(0).safetyBuffer.has_value());
    QCOMPARE(rows.at(1).available, 0);
}

void TestStockCsv::optionalColumnsAnyOrder()
{
    QList<StockImportRow> rows;
    CsvErrors errors;
    QVERIFY(parseStockCsv(u"title,safety_buffer,available,sku\n\"Mug, blue\",3,12,M-1\n"
                          "Plain,,4,M-2\n"_s,
                          &rows, &errors));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).sku, u"M-1"_s);
    QCOMPARE(*rows.at(0).title, u"Mug, blue"_s);
    QCOMPARE(*rows.at(0).safetyBuffer, 3);
    QCOMPARE(rows.at(0).available, 12);
    QVERIFY(!rows.at(1).safetyBuffer.has_value());
}

void TestStockCsv::badRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty file") << u""_s << u"line 1: the file is empty"_s;
    QTest::newRow("missing column") << u"sku\nA,1\n"_s << u"line 1: missing column \"available\""_s;
    QTest::newRow("unknown column") << u"sku,available,colour\n"_s << u"line 1: unknown column"_s;
    QTest::newRow("missing field") << u"sku,available\nA-1\n"_s << u"line 2: expected 2 fields"_s;
    QTest::newRow("empty available")
        << u"sku,available\nA-1,\n"_s << u"line 2: available is missing"_s;
    QTest::newRow("empty sku") << u"sku,available\n,4\n"_s << u"line 2: sku is missing"_s;
    QTest::newRow("non-integer") << u"sku,available\nA-1,ten\n"_s
                                 << u"line 2: available \"ten\" is not a whole number"_s;
    QTest::newRow("decimal") << u"sku,available\nA-1,1.5\n"_s << u"line 2: available \"1.5\""_s;
    QTest::newRow("negative") << u"sku,available\nA-1,-4\n"_s
                              << u"line 2: available \"-4\" is negative"_s;
    QTest::newRow("over 2^31") << u"sku,available\nA-1,2147483648\n"_s
                               << u"line 2: available \"2147483648\" is over 2147483647"_s;
    QTest::newRow("duplicate sku") << u"sku,available\nA-1,1\nA-1,2\n"_s
                                   << u"line 3: duplicate SKU \"A-1\" (first on line 2)"_s;
    QTest::newRow("negative buffer") << u"sku,available,safety_buffer\nA-1,1,-2\n"_s
                                     << u"line 2: safety_buffer \"-2\" is negative"_s;
    QTest::newRow("unclosed quote") << u"sku,available\n\"A-1,1\n"_s << u"line 2: a quoted"_s;
    // Refused, never cut: cut to the limit it would name another SKU.
    QTest::newRow("sku over the limit")
        << u"sku,available\n"_s + QString(Sku::kMaxLength + 1, u'L') + u",1\n"_s
        << u"line 2: SKU is longer than 128 characters"_s;
    QTest::newRow("control character in sku")
        << u"sku,available\nA\u0007B,1\n"_s << u"line 2: SKU contains a control character"_s;
    QTest::newRow("huge number") << u"sku,available\nA-1,99999999999999999999999\n"_s
                                 << u"line 2: available \"99999999999999999999999\""_s;
}

void TestStockCsv::badRows()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QList<StockImportRow> rows;
    CsvErrors errors;
    QVERIFY(!parseStockCsv(text, &rows, &errors));
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.messages.first().startsWith(error), qPrintable(errors.messages.join(u'\n')));
}

void TestStockCsv::reportsEveryBadRow()
{
    QList<StockImportRow> rows;
    CsvErrors errors;
    QVERIFY(!parseStockCsv(u"sku,available\nA,1\nB,x\nC,2\nD,-1\n"_s, &rows, &errors));
    QCOMPARE(errors.messages.size(), 2);
    QVERIFY(errors.messages.at(0).startsWith(u"line 3:"_s));
    QVERIFY(errors.messages.at(1).startsWith(u"line 5:"_s));
}

QTEST_GUILESS_MAIN(TestStockCsv)
#include "tst_stockcsv.moc"
