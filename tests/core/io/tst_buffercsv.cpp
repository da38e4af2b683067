// The buffer import file (io/buffercsv.h): optional columns in any order, empty cells inherit,
// and every bad row reported with its line.
#include "io/buffercsv.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestBufferCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodFile();
    void optionalColumnsAnyOrder();
    void badRows_data();
    void badRows();
    void reportsEveryBadRow();
};

void TestBufferCsv::goodFile()
{
    QList<BufferImportRow> rows;
    CsvErrors errors;
    QVERIFY(parseBufferCsv(u"channel,sku,reserve,percent,max,pause_at\n"
                           "shop,A-1,2,50,10,1\n"
                           "ebay,A-1,,,,\n"
                           "shop,B-2,0,0,0,0\n"_s,
                           &rows, &errors));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).line, 2);
    QCOMPARE(rows.at(0).listing,
             (ListingBuffer {u"shop"_s, u"A-1"_s, BufferOverride {2, 50, 10, 1}}));
    // Every cell empty: the override goes, the listing inherits everything.
    QCOMPARE(rows.at(1).listing, (ListingBuffer {u"ebay"_s, u"A-1"_s, BufferOverride {}}));
    QCOMPARE(rows.at(2).listing.buffer, (BufferOverride {0, 0, 0, 0}));
}

void TestBufferCsv::optionalColumnsAnyOrder()
{
    QList<BufferImportRow> rows;
    CsvErrors errors;
    QVERIFY(parseBufferCsv(u"percent,sku,channel\r\n80,\"A,1\",shop\r\n"_s, &rows, &errors));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).listing.sku, u"A,1"_s);
    QCOMPARE(rows.at(0).listing.buffer, (BufferOverride {{}, 80, {}, {}}));
}

void TestBufferCsv::badRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    const QString header = u"channel,sku,reserve,percent,max,pause_at\n"_s;
    QTest::newRow("empty file") << u""_s << u"line 1: the file is empty"_s;
    QTest::newRow("no sku column")
        << u"channel,percent\nshop,5\n"_s << u"line 1: missing column \"sku\""_s;
    QTest::newRow("unknown column")
        << u"channel,sku,safety_buffer\n"_s << u"line 1: unknown column \"safety_buffer\""_s;
    QTest::newRow("missing field") << header + u"shop,A,1\n"_s << u"line 2: expected 6 fields"_s;
    QTest::newRow("no channel") << header + u",A,1,,,\n"_s << u"line 2: channel is missing"_s;
    QTest::newRow("no sku") << header + u"shop,,1,,,\n"_s << u"line 2: sku is missing"_s;
    QTest::newRow("percent 150")
        << header + u"shop,A,,150,,\n"_s
        << u"line 2: percent \"150\" must be a whole number from 0 to 100"_s;
    QTest::newRow("percent fraction")
        << header + u"shop,A,,12.5,,\n"_s
        << u"line 2: percent \"12.5\" must be a whole number from 0 to 100"_s;
    QTest::newRow("negative reserve")
        << header + u"shop,A,-1,,,\n"_s
        << u"line 2: reserve \"-1\" must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("max too large")
        << header + u"shop,A,,,2147483648,\n"_s
        << u"line 2: max \"2147483648\" must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("pause_at word")
        << header + u"shop,A,,,,five\n"_s
        << u"line 2: pause_at \"five\" must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("sku over the limit") << header + u"shop,"_s + QString(129, u'S') + u",1,,,\n"_s
                                        << u"line 2: SKU is longer than 128 characters"_s;
    QTest::newRow("control character in sku")
        << header + u"shop,A\x02-B,1,,,\n"_s << u"line 2: SKU contains a control character"_s;
    QTest::newRow("control character in channel")
        << header + u"sh\x1bop,A,1,,,\n"_s << u"line 2: channel \"sh\x1bop\" must be 1-64"_s;
    QTest::newRow("channel not an id")
        << header + u"my shop,A,1,,,\n"_s << u"line 2: channel \"my shop\" must be 1-64"_s;
    QTest::newRow("unclosed quote")
        << header + u"shop,\"A,1,,,\n"_s << u"line 2: a quoted field is not closed"_s;
    QTest::newRow("huge number")
        << header + u"shop,A,99999999999999999999999,,,\n"_s
        << u"line 2: reserve \"99999999999999999999999\" must be a whole number"_s;
    QTest::newRow("twice") << header + u"shop,A,1,,,\nebay,A,1,,,\nshop,A,2,,,\n"_s
                           << u"line 4: A on shop is set twice (first on line 2)"_s;
}

void TestBufferCsv::badRows()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QList<BufferImportRow> rows;
    CsvErrors errors;
    QVERIFY(!parseBufferCsv(text, &rows, &errors));
    QVERIFY2(errors.messages.first().startsWith(error), qPrintable(errors.messages.join(u'\n')));
}

void TestBufferCsv::reportsEveryBadRow()
{
    QList<BufferImportRow> rows;
    CsvErrors errors;
    QVERIFY(!parseBufferCsv(u"channel,sku,percent\nshop,A,101\nshop,B,50\n,C,1\nshop,D,x\n"_s,
                            &rows, &errors));
    QCOMPARE(errors.messages.size(), 3);
    QVERIFY(errors.messages.at(0).startsWith(u"line 2:"_s));
    QVERIFY(errors.messages.at(1).startsWith(u"line 4:"_s));
    QVERIFY(errors.messages.at(2).startsWith(u"line 5:"_s));
}

QTEST_GUILESS_MAIN(TestBufferCsv)
#include "tst_buffercsv.moc"
