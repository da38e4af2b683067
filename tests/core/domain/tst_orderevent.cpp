#include "domain/applyresult.h"
#include "domain/mutation.h"
#include "domain/orderevent.h"
#include "domain/sku.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestOrderEvent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validation_data();
    void validation();
    void unitsOwed_data();
    void unitsOwed();
    void kindNamesRoundTrip();
    void outcomeNamesRoundTrip();
    void shipTo_data();
    void shipTo();
};

void TestOrderEvent::validation_data()
{
    QTest::addColumn<OrderEvent>("event");
    QTest::addColumn<QString>("error"); // a fragment of the expected message, empty when valid

    const OrderEvent good {u"shopify"_s, u"1001"_s, {{u"A-1"_s, 2}}, 0};
    QTest::newRow("valid") << good << QString();
    OrderEvent e = good;
    e.channel.clear();
    QTest::newRow("no channel") << e << u"channel is empty"_s;
    e = good;
    e.orderId.clear();
    QTest::newRow("no order id") << e << u"order_id is empty"_s;
    e = good;
    e.lines.clear();
    QTest::newRow("no lines") << e << u"no lines"_s;
    e = good;
    e.lines = {{u""_s, 1}};
    QTest::newRow("empty sku") << e << u"SKU is empty"_s;
    e = good;
    e.lines = {{u" A-1"_s, 1}};
    QTest::newRow("padded sku") << e << u"white space"_s;
    e = good;
    e.lines = {{u"A\u0001"_s, 1}};
    QTest::newRow("control character") << e << u"control character"_s;
    e = good;
    e.lines = {{QString(Sku::kMaxLength + 1, u'x'), 1}};
    QTest::newRow("sku too long") << e << u"longer than"_s;
    e = good;
    e.lines = {{u"A-1"_s, 0}};
    QTest::newRow("zero quantity") << e << u"quantity"_s;
    e = good;
    e.lines = {{u"A-1"_s, -3}};
    QTest::newRow("negative quantity") << e << u"quantity"_s;
    e = good;
    e.lines = {{u"A-1"_s, Quantity::kMaxOrderLine + 1}};
    QTest::newRow("huge quantity") << e << u"quantity"_s;
    e = good;
    e.lines = {{u"A-1"_s, 1}, {u"B-2"_s, 0}};
    QTest::newRow("second line bad") << e << u"line 2"_s;
    e = good;
    e.orderId = u"1001\n1002"_s;
    QTest::newRow("control character in order id") << e << u"order_id contains a control"_s;
    e = good;
    e.channel = u"shop\x1b[0m"_s;
    QTest::newRow("control character in channel") << e << u"channel contains a control"_s;
    e = good;
    e.orderId = QString(129, u'9');
    QTest::newRow("order id too long") << e << u"order_id is longer than 128"_s;
    e = good;
    e.lines = {{QString(), 1}};
    e.lines.first().remoteId = u"808950810\t"_s;
    QTest::newRow("control character in remote id")
        << e << u"line 1: an id contains a control character"_s;
    e = good;
    e.lines = {{QString(), 1}};
    e.lines.first().remoteId = QString(129, u'8');
    QTest::newRow("remote id too long") << e << u"line 1: an id is longer than 128"_s;
}

void TestOrderEvent::validation()
{
    QFETCH(OrderEvent, event);
    QFETCH(QString, error);
    const QString actual = event.validationError();
    if (error.isEmpty())
        QVERIFY2(actual.isEmpty(), qPrintable(actual));
    else
        QVERIFY2(actual.contains(error), qPrintable(actual));
}

void TestOrderEvent::unitsOwed_data()
{
    QTest::addColumn<qint64>("before");
    QTest::addColumn<qint64>("taken");
    QTest::addColumn<qint64>("owed");
    QTest::newRow("enough") << 5LL << 3LL << 0LL;
    QTest::newRow("exactly") << 3LL << 3LL << 0LL;
    QTest::newRow("one short") << 2LL << 3LL << 1LL;
    QTest::newRow("from zero") << 0LL << 3LL << 3LL;
    QTest::newRow("already below") << -4LL << 3LL << 3LL;
    QTest::newRow("nothing taken") << -4LL << 0LL << 0LL;
}

void TestOrderEvent::unitsOwed()
{
    QFETCH(qint64, before);
    QFETCH(qint64, taken);
    QFETCH(qint64, owed);
    QCOMPARE(ChannelDesk::unitsOwed(before, taken), owed);
    // A log row says the same from its own fields.
    Mutation m;
    m.kind = MutationKind::Order;
    m.delta = -taken;
    m.committedDelta = taken;
    m.availableAfter = before - taken;
    QCOMPARE(m.owed(), owed);
    m.committedDelta = 0; // an adjustment down owes nothing
    QCOMPARE(m.owed(), 0);
}

void TestOrderEvent::kindNamesRoundTrip()
{
    for (MutationKind kind :
         {MutationKind::Order, MutationKind::Adjust, MutationKind::Import, MutationKind::Pause,
          MutationKind::Resume, MutationKind::OversellAttempt, MutationKind::UnknownSku,
          MutationKind::DeadLetterRetry, MutationKind::DeadLetterDiscard, MutationKind::Cancel,
          MutationKind::Refund, MutationKind::Edit, MutationKind::Ship, MutationKind::Unmatched,
          MutationKind::Resolve, MutationKind::Buffer}) {
        MutationKind back = MutationKind::Order;
        QVERIFY(!kindName(kind).isEmpty());
        QVERIFY(kindFromName(kindName(kind), &back));
        QCOMPARE(back, kind);
    }
    MutationKind unused;
    QVERIFY(!kindFromName(u"nonsense"_s, &unused));
    QCOMPARE(kindName(MutationKind::OversellAttempt), u"oversell_attempt"_s);
    QVERIFY(changesStock(MutationKind::Pause));
    QVERIFY(changesStock(MutationKind::Cancel));
    QVERIFY(changesStock(MutationKind::Buffer)); // a rule change may change what is shown
    QVERIFY(!changesStock(MutationKind::OversellAttempt));
    // A shipment moves committed units only: channels show the same.
    QVERIFY(!changesStock(MutationKind::Ship));
    QVERIFY(!changesStock(MutationKind::Unmatched));
}

void TestOrderEvent::outcomeNamesRoundTrip()
{
    for (ApplyOutcome o :
         {ApplyOutcome::Applied, ApplyOutcome::Oversold, ApplyOutcome::Unmatched,
          ApplyOutcome::Duplicate, ApplyOutcome::Cancelled, ApplyOutcome::Refunded,
          ApplyOutcome::Edited, ApplyOutcome::Shipped, ApplyOutcome::Ignored, ApplyOutcome::Invalid,
          ApplyOutcome::ConcurrentUpdate, ApplyOutcome::StorageError}) {
        ApplyOutcome back = ApplyOutcome::Applied;
        QVERIFY(outcomeFromName(outcomeName(o), &back));
        QCOMPARE(back, o);
    }
}

void TestOrderEvent::shipTo_data()
{
    QTest::addColumn<QString>("postalCode");
    QTest::addColumn<QString>("country");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QString>("expectedPostalCode");
    QTest::addColumn<QString>("expectedCountry");
    QTest::newRow("plain") << u"94105"_s << u"US"_s << true << u"94105"_s << u"US"_s;
    QTest::newRow("trimmed, upper-cased")
        << u" sw1a 1aa "_s << u"gb"_s << true << u"sw1a 1aa"_s << u"GB"_s;
    QTest::newRow("country only") << QString() << u"DE"_s << true << QString() << u"DE"_s;
    QTest::newRow("nothing") << u"  "_s << QString() << false << QString() << QString();
    QTest::newRow("bounded") << QString(500, u'9') << u"US"_s << true << QString(64, u'9')
                             << u"US"_s;
}

void TestOrderEvent::shipTo()
{
    QFETCH(QString, postalCode);
    QFETCH(QString, country);
    QFETCH(bool, present);
    const ShipTo to = ShipTo::from(postalCode, country);
    QCOMPARE(!to.isEmpty(), present);
    if (!present)
        return;
    QTEST(to.postalCode, "expectedPostalCode");
    QTEST(to.country, "expectedCountry");
}

QTEST_GUILESS_MAIN(TestOrderEvent)
#include "tst_orderevent.moc"
