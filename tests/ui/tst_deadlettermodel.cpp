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
    void stateSaysWhyItIsSentAgain_data();
    void stateSaysWhyItIsSentAgain();
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

void TestDeadLetterModel::stateSaysWhyItIsSentAgain_data()
{
    QTest::addColumn<bool>("retrying");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("shown");
    QTest::newRow("dead") << false << u"dead"_s << u"dead"_s;
    QTest::newRow("by hand") << true << u"retrying"_s << u"retrying"_s;
    QTest::newRow("a newer version") << true << u"rearmed"_s << u"re-armed"_s;
    QTest::newRow("the channel answers again") << true << u"redriven"_s << u"re-driven"_s;
}

void TestDeadLetterModel::stateSaysWhyItIsSentAgain()
{
    QFETCH(bool, retrying);
    QFETCH(QString, state);
    QFETCH(QString, shown);
    DeadLetter d = letter(u"a"_s, u"S1"_s, retrying);
    d.state = state;
    DeadLetterModel model;
    model.setLetters({d});
    QCOMPARE(model.index(0, DeadLetterModel::State).data().toString(), shown);
}

QTEST_MAIN(TestDeadLetterModel)
#include "tst_deadlettermodel.moc"
