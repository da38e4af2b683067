// The Dead letters tab's table under QAbstractItemModelTester: letters arriving, changing state
// (dead to retrying) and leaving, and an empty queue.
#include "dlq/deadlettermodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestDeadLetterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelPassesTester();
};

namespace {

DeadLetter letter(const QString &channel, const QString &sku, bool retrying)
{
    DeadLetter d;
    d.channel = channel;
    d.sku = sku;
    d.attempts = 3;
    d.firstFailedAtMs = 1'700'000'000'000;
    d.lastFailedAtMs = 1'700'000'060'000;
    d.lastError = u"HTTP 503 Unavailable"_s;
    d.retrying = retrying;
    return d;
}

} // namespace

void TestDeadLetterModel::modelPassesTester()
{
    DeadLetterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLetters({letter(u"a"_s, u"S1"_s, false), letter(u"b"_s, u"S2"_s, false)});
    QCOMPARE(model.rowCount(), 2);
    // One changes state, one leaves, one arrives.
    model.setLetters({letter(u"a"_s, u"S1"_s, true), letter(u"c"_s, u"S3"_s, false)});
    QCOMPARE(model.rowCount(), 2);
    model.setLetters({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestDeadLetterModel)
#include "tst_deadlettermodel.moc"
