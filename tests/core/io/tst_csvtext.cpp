#include "io/csvreader.h"
#include "io/csvtext.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestCsvText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cell_data();
    void cell();
    void lineReadsBack();
};

void TestCsvText::cell_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"MUG-1"_s << u"MUG-1"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("formula") << u"=1+2"_s << u"'=1+2"_s;
    QTest::newRow("hyperlink") << u"=HYPERLINK(\"http://x\")"_s
                               << u"\"'=HYPERLINK(\"\"http://x\"\")\""_s;
    QTest::newRow("plus") << u"+cmd"_s << u"'+cmd"_s;
    QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
    QTest::newRow("minus text") << u"-x"_s << u"'-x"_s;
    QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
    QTest::newRow("tab") << u"\t=1"_s << u"'\t=1"_s;
    QTest::newRow("carriage return") << u"\r=1"_s << u"\"'\r=1\""_s;
    QTest::newRow("negative number") << u"-2"_s << u"-2"_s;
    QTest::newRow("signed decimal") << u"+1.5"_s << u"+1.5"_s;
    QTest::newRow("formula later") << u"a=b"_s << u"a=b"_s;
    QTest::newRow("comma") << u"Mug, blue"_s << u"\"Mug, blue\""_s;
    QTest::newRow("quote") << u"12\" tray"_s << u"\"12\"\" tray\""_s;
    QTest::newRow("line break") << u"two\nlines"_s << u"\"two\nlines\""_s;
    QTest::newRow("formula and comma") << u"=A1,B1"_s << u"\"'=A1,B1\""_s;
}

void TestCsvText::cell()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(csvCell(value), expected);
}

void TestCsvText::lineReadsBack()
{
    const QStringList cells {u"A-1"_s, u"Mug, \"blue\""_s, u"-3"_s, u"=2*3"_s, QString()};
    QList<CsvReader::Record> records;
    QString error;
    QVERIFY2(CsvReader::parse(csvLine(cells) + u"\n"_s, &records, &error), qPrintable(error));
    QCOMPARE(records.size(), 1);
    const QStringList expected {u"A-1"_s, u"Mug, \"blue\""_s, u"-3"_s, u"'=2*3"_s, QString()};
    QCOMPARE(records.at(0).fields, expected);
}

QTEST_GUILESS_MAIN(TestCsvText)
#include "tst_csvtext.moc"
