// The console's quote service: answers at once when it has no carriers running, keeps the last
// sales for the quotes panel (only sales that took stock, bounded, each handed out once), and
// answers every quote in flight when it stops, so the panel never waits for ever.
#include "console/quoteservice.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
OrderEvent sale(int n)
{
    OrderEvent e;
    e.channel = u"shop"_s;
    e.orderId = QString::number(n);
    e.lines = {{u"A-1"_s, 1}};
    return e;
}

ApplyResult result(ApplyOutcome outcome)
{
    ApplyResult r;
    r.outcome = outcome;
    return r;
}

QStringList ids(const QList<OrderEvent> &orders)
{
    QStringList out;
    for (const OrderEvent &o : orders)
        out.append(o.orderId);
    return out;
}
} // namespace

class TestQuoteService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notStartedAnswersAtOnce();
    void keepsSalesThatTookStock_data();
    void keepsSalesThatTookStock();
    void newOrdersAreHandedOutOnceAndBounded();
    void stopAnswersQuotesInFlight();
};

void TestQuoteService::notStartedAnswersAtOnce()
{
    ManualClock clock;
    QuoteService service(clock);
    QSignalSpy finished(&service, &QuoteService::quoteFinished);
    ShipmentRequest request;
    request.orderId = u"1042"_s;
    service.quote(7, request);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).value<quint64>(), quint64(7));
    const QuoteResult answer = finished.first().at(1).value<QuoteResult>();
    QCOMPARE(answer.orderId, u"1042"_s);
    QVERIFY(!answer.explanation.isEmpty());
    QVERIFY(!answer.chosen());
}

void TestQuoteService::keepsSalesThatTookStock_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<bool>("kept");
    QTest::newRow("applied sale") << int(OrderEventKind::Sale) << int(ApplyOutcome::Applied)
                                  << true;
    QTest::newRow("oversold sale")
        << int(OrderEventKind::Sale) << int(ApplyOutcome::Oversold) << true;
    QTest::newRow("sale with a waiting line")
        << int(OrderEventKind::Sale) << int(ApplyOutcome::Unmatched) << true;
    QTest::newRow("duplicate") << int(OrderEventKind::Sale) << int(ApplyOutcome::Duplicate)
                               << false;
    QTest::newRow("invalid") << int(OrderEventKind::Sale) << int(ApplyOutcome::Invalid) << false;
    QTest::newRow("arrived cancelled")
        << int(OrderEventKind::Sale) << int(ApplyOutcome::Cancelled) << false;
    QTest::newRow("storage error")
        << int(OrderEventKind::Sale) << int(ApplyOutcome::StorageError) << false;
    QTest::newRow("shipment") << int(OrderEventKind::Ship) << int(ApplyOutcome::Shipped) << false;
    QTest::newRow("refund") << int(OrderEventKind::Refund) << int(ApplyOutcome::Refunded) << false;
}

void TestQuoteService::keepsSalesThatTookStock()
{
    QFETCH(int, kind);
    QFETCH(int, outcome);
    QFETCH(bool, kept);
    ManualClock clock;
    QuoteService service(clock);
    OrderEvent event = sale(1);
    event.kind = OrderEventKind(kind);
    service.addApplied({event}, {result(ApplyOutcome(outcome))});
    QCOMPARE(service.takeNewOrders().size(), kept ? 1 : 0);
}

void TestQuoteService::newOrdersAreHandedOutOnceAndBounded()
{
    ManualClock clock;
    QuoteService service(clock);
    service.addApplied({sale(1), sale(2), sale(3)},
                       {result(ApplyOutcome::Applied), result(ApplyOutcome::Duplicate),
                        result(ApplyOutcome::Oversold)});
    QCOMPARE(ids(service.takeNewOrders()), (QStringList {u"1"_s, u"3"_s})); // oldest first
    QVERIFY(service.takeNewOrders().isEmpty());
    service.addApplied({sale(4)}, {result(ApplyOutcome::Applied)});
    QCOMPARE(ids(service.takeNewOrders()), QStringList {u"4"_s});

    QList<OrderEvent> many;
    QList<ApplyResult> results;
    for (int i = 0; i < QuoteService::kRecentOrders + 50; ++i) {
        many.append(sale(1000 + i));
        results.append(result(ApplyOutcome::Applied));
    }
    service.addApplied(many, results);
    const QList<OrderEvent> taken = service.takeNewOrders();
    QCOMPARE(taken.size(), QuoteService::kRecentOrders);
    QCOMPARE(taken.first().orderId, QString::number(1050)); // the oldest fell off
    QCOMPARE(taken.last().orderId, QString::number(1000 + QuoteService::kRecentOrders + 49));
    QCOMPARE(service.recentCount(), QuoteService::kRecentOrders);
}

void TestQuoteService::stopAnswersQuotesInFlight()
{
    // A carrier that takes the connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    CarrierConfig carrier;
    carrier.id = u"easypost"_s;
    carrier.type = CarrierType::EasyPost;
    carrier.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
    carrier.secrets.insert(u"api_key"_s, "key");
    carrier.timeoutMs = 60'000;
    CarrierConfig disabled = carrier;
    disabled.id = u"off"_s;
    disabled.enabled = false;
    CarrierSettings settings;
    settings.carriers = {carrier, disabled};

    Testing::TestDatabase db;
    ManualClock clock;
    QuoteService service(clock);
    service.start(settings, db.db());
    QVERIFY(service.isStarted());
    QCOMPARE(service.carrierIds(), QStringList {u"easypost"_s});
    QSignalSpy finished(&service, &QuoteService::quoteFinished);
    ShipmentRequest request;
    request.orderId = u"1042"_s;
    request.from.postalCode = u"10001"_s;
    request.from.country = u"US"_s;
    request.to.postalCode = u"94105"_s;
    request.to.country = u"US"_s;
    request.promisedBy = QDate(2026, 1, 9);
    request.parcels = {Parcel {1200, 30, 20, 10}};
    service.quote(41, request);
    QTRY_VERIFY(silent.hasPendingConnections()); // the request is on its way: nothing answers it
    QCOMPARE(finished.count(), 0);

    service.stop(u"restarted"_s);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).value<quint64>(), quint64(41));
    QCOMPARE(finished.first().at(1).value<QuoteResult>().explanation, u"restarted"_s);
    QVERIFY(!service.isStarted());
    QVERIFY(service.carrierIds().isEmpty());
    service.quote(42, request); // stopped: answered at once
    QCOMPARE(finished.count(), 2);
}

QTEST_GUILESS_MAIN(TestQuoteService)
#include "tst_quoteservice.moc"
