#include "io/csvreader.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

using Records = QList<QStringList>;

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void lineNumbers();
    void malformed_data();
    void malformed();
    void quantity_data();
    void quantity();
};

void TestCsvReader::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Records>("records");
    QTest::newRow("plain") << u"a,b\n1,2\n"_s << Records {{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("no final newline")
        << u"a,b\n1,2"_s << Records {{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("crlf") << u"a,b\r\n1,2\r\n"_s << Records {{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("bom") << u"\uFEFFa,b\n"_s << Records {{u"a"_s, u"b"_s}};
    QTest::newRow("quoted comma") << u"\"x, y\",2\n"_s << Records {{u"x, y"_s, u"2"_s}};
    QTest::newRow("doubled quote")
        << u"\"say \"\"hi\"\"\",2\n"_s << Records {{u"say \"hi\""_s, u"2"_s}};
    QTest::newRow("newline in quotes") << u"\"a\nb\",2\n"_s << Records {{u"a\nb"_s, u"2"_s}};
    QTest::newRow("empty fields") << u"a,,c\n"_s << Records {{u"a"_s, u""_s, u"c"_s}};
    QTest::newRow("blank lines skipped") << u"a\n\n\nb\n"_s << Records {{u"a"_s}, {u"b"_s}};
    QTest::newRow("spaces trimmed") << u" a , b \n"_s << Records {{u"a"_s, u"b"_s}};
}

void TestCsvReader::parse()
{
    QFETCH(QString, text);
    QFETCH(Records, records);
    QList<CsvReader::Record> out;
    QString error;
    QVERIFY2(CsvReader::parse(text, &out, &error), qPrintable(error));
    Records fields;
    for (const auto &r : out)
        fields.append(r.fields);
    QCOMPARE(fields, records);
}

void TestCsvReader::lineNumbers()
{
    QList<CsvReader::Record> out;
    QString error;
    QVERIFY(CsvReader::parse(u"h\n\"multi\nline\"\n\nlast\n"_s, &out, &error));
    QCOMPARE(out.size(), 3);
    QCOMPARE(out.at(0).line, 1);
    QCOMPARE(out.at(1).line, 2);
    QCOMPARE(out.at(2).line, 5);
}

void TestCsvReader::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("unterminated") << u"a\n\"open,2\n"_s
                                  << u"line 2: a quoted field is not closed"_s;
    QTest::newRow("quote inside") << u"ab\"c,1\n"_s << u"line 1: a quote inside"_s;
    QTest::newRow("text after quote") << u"\"a\"b,1\n"_s << u"line 1: text after a closing quote"_s;
}

void TestCsvReader::malformed()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QList<CsvReader::Record> out;
    QString actual;
    QVERIFY(!CsvReader::parse(text, &out, &actual));
    QVERIFY2(actual.startsWith(error), qPrintable(actual));
}

void TestCsvReader::quantity_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    QTest::newRow("zero") << u"0"_s << true << qint64(0);
    QTest::newRow("max") << u"2147483647"_s << true << qint64(2147483647);
    QTest::newRow("over max") << u"2147483648"_s << false << qint64(0);
    QTest::newRow("negative") << u"-1"_s << false << qint64(0);
    QTest::newRow("plus sign") << u"+1"_s << false << qint64(0);
    QTest::newRow("decimal") << u"1.5"_s << false << qint64(0);
    QTest::newRow("letters") << u"12a"_s << false << qint64(0);
    QTest::newRow("empty") << u""_s << false << qint64(0);
    QTest::newRow("huge") << u"99999999999999999999999"_s << false << qint64(0);
}

void TestCsvReader::quantity()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    qint64 actual = 0;
    QCOMPARE(parseQuantity(text, 2147483647, &actual), ok);
    if (ok)
        QCOMPARE(actual, value);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
