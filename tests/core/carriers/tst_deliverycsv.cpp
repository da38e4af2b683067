// delivery-import's reader: good rows, every bad-row case with its line number, all or nothing.
#include "carriers/deliverycsv.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestDeliveryCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodRows();
    void badRows_data();
    void badRows();
};

void TestDeliveryCsv::goodRows()
{
    QList<DeliveryOutcome> outcomes;
    CsvErrors errors;
    QVERIFY(parseDeliveryCsv(u"carrier,service,zone,promised,delivered\n"
                             "UPS,Ground,US-941,2026-11-20,2026-11-19\n"
                             "USPS,Priority,US-100,2026-11-20,2026-11-22\n"
                             "FedEx,Express,US-941,2026-12-01,2026-12-02\n"_s,
                             &outcomes, &errors, QDate(2026, 12, 1)));
    QCOMPARE(outcomes.size(), 3);
    QVERIFY(outcomes.at(0).onTime()); // early is on time
    QVERIFY(!outcomes.at(1).onTime());
    QCOMPARE(outcomes.at(2).delivered, QDate(2026, 12, 2)); // a day of grace for time zones
}

void TestDeliveryCsv::badRows_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("message");
    QTest::newRow("zone") << u"UPS,Ground,941,2026-11-20,2026-11-19"_s
                          << u"line 3: zone \"941\" is not a country and postal prefix"_s;
    QTest::newRow("date") << u"UPS,Ground,US-941,2026-11-31,2026-11-19"_s
                          << u"line 3: promised \"2026-11-31\" is not a date"_s;
    QTest::newRow("not a date") << u"UPS,Ground,US-941,2026-11-20,soon"_s
                                << u"line 3: delivered \"soon\" is not a date"_s;
    QTest::newRow("control character") << u"UPS\x07,Ground,US-941,2026-11-20,2026-11-19"_s
                                       << u"line 3: carrier must not contain control characters"_s;
    QTest::newRow("service escape") << u"UPS,Gro\x1b[1mund,US-941,2026-11-20,2026-11-19"_s
                                    << u"line 3: service must not contain control characters"_s;
    QTest::newRow("missing field")
        << u"UPS,Ground,US-941,2026-11-20"_s << u"line 3: expected 5 fields, found 4"_s;
    QTest::newRow("empty carrier")
        << u",Ground,US-941,2026-11-20,2026-11-19"_s << u"line 3: carrier is missing"_s;
    QTest::newRow("year past 9999") << u"UPS,Ground,US-941,99999-11-20,2026-11-19"_s
                                    << u"line 3: promised \"99999-11-20\" is not a date"_s;
    QTest::newRow("negative year") << u"UPS,Ground,US-941,-2026-11-20,2026-11-19"_s
                                   << u"line 3: promised \"-2026-11-20\" is not a date"_s;
    QTest::newRow("zone too long") << u"UPS,Ground,US-94105,2026-11-20,2026-11-19"_s
                                   << u"line 3: zone \"US-94105\" is not a country"_s;
    QTest::newRow("unclosed quote") << u"\"UPS,Ground,US-941,2026-11-20,2026-11-19"_s
                                    << u"line 3: a quoted field is not closed"_s;
    QTest::newRow("future") << u"UPS,Ground,US-941,2026-11-20,2027-11-26"_s
                            << u"line 3: delivered \"2027-11-26\" is in the future"_s;
}

void TestDeliveryCsv::badRows()
{
    QFETCH(QString, row);
    QFETCH(QString, message);
    QList<DeliveryOutcome> outcomes;
    CsvErrors errors;
    QVERIFY(!parseDeliveryCsv(u"carrier,service,zone,promised,delivered\n"
                              "UPS,Ground,US-941,2026-11-20,2026-11-19\n"_s +
                                  row + u'\n',
                              &outcomes, &errors, QDate(2026, 12, 1)));
    QVERIFY(outcomes.isEmpty()); // all or nothing
    QCOMPARE(errors.messages.size(), 1);
    QVERIFY2(errors.messages.first().startsWith(message), qPrintable(errors.messages.first()));
}

QTEST_GUILESS_MAIN(TestDeliveryCsv)
#include "tst_deliverycsv.moc"
