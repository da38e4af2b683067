#include "channels/retryafter.h"
#include "util/clock.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

class TestRetryAfter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
};

void TestRetryAfter::parses_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: nothing parsed

    // ManualClock starts at Thu, 01 Jan 2026 00:00:00 GMT.
    QTest::newRow("seconds") << QByteArray("120") << qint64(120'000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    // Past qint64 once in milliseconds: capped at a day, never converted out of range.
    QTest::newRow("huge seconds") << QByteArray("1" + QByteArray(30, '0')) << qint64(86'400'000);
    // Past a double's range: a broken header, not a delay.
    QTest::newRow("past a double") << QByteArray(QByteArray(400, '9') + ".5") << qint64(-1);
    QTest::newRow("shopify decimal") << QByteArray("2.0") << qint64(2'000);
    QTest::newRow("half second") << QByteArray("0.5") << qint64(500);
    QTest::newRow("padded") << QByteArray("  7 ") << qint64(7'000);
    QTest::newRow("imf-fixdate future")
        << QByteArray("Thu, 01 Jan 2026 00:00:30 GMT") << qint64(30'000);
    QTest::newRow("imf-fixdate past") << QByteArray("Wed, 31 Dec 2025 23:59:00 GMT") << qint64(0);
    QTest::newRow("imf-fixdate now") << QByteArray("Thu, 01 Jan 2026 00:00:00 GMT") << qint64(0);
    QTest::newRow("rfc850") << QByteArray("Thursday, 01-Jan-26 00:01:00 GMT") << qint64(60'000);
    QTest::newRow("asctime") << QByteArray("Thu Jan  1 00:02:00 2026") << qint64(120'000);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("exponent") << QByteArray("1e3") << qint64(-1);
    QTest::newRow("two dots") << QByteArray("1.2.3") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("capped at a day") << QByteArray("999999999") << qint64(24LL * 3600 * 1000);
}

void TestRetryAfter::parses()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const ManualClock clock;
    const std::optional<qint64> parsed = parseRetryAfterMs(value, clock);
    if (expectedMs < 0) {
        QVERIFY2(!parsed, qPrintable(u"parsed as %1"_s.arg(parsed.value_or(0))));
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, expectedMs);
    }
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestRetryAfter)
#include "tst_retryafter.moc"
