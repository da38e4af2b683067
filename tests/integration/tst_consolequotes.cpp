// The console's quote path end to end, in demo mode: orders from all six simulated channels
// reach the GUI side with their ship-to, and a quote for one of them, asked through CoreBridge,
// comes back from the four demo carriers over loopback HTTP, ranked on the seeded history.
#include "console/corebridge.h"

#include <QDateTime>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestConsoleQuotes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoOrdersAreQuotedByTheFourCarriers();
};

void TestConsoleQuotes::demoOrdersAreQuotedByTheFourCarriers()
{
    ConsoleWorker::Options options;
    options.demo = true;
    options.demoOptions.skus = 200;
    options.demoOptions.ordersPerSecond = 30;
    options.demoOptions.firstFlashMs = 600'000;
    options.demoOptions.firstFaultMs = 600'000;
    options.demoOptions.carrierFaultShare = 0; // every carrier answers
    CoreBridge bridge(options);
    QSignalSpy started(&bridge, &CoreBridge::started);
    QSignalSpy failed(&bridge, &CoreBridge::startFailed);
    QSignalSpy received(&bridge, &CoreBridge::ordersReceived);
    QSignalSpy quoted(&bridge, &CoreBridge::quoteFinished);
    bridge.start();
    QTRY_VERIFY_WITH_TIMEOUT(started.count() == 1 || failed.count() == 1, 30000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(bridge.info().carriers,
             (QStringList {u"ups"_s, u"fedex"_s, u"easypost"_s, u"shippo"_s}));

    // Webhook channels (Shopify, WooCommerce) and polled ones (eBay, Amazon) all say where
    // their orders go.
    QSet<QString> channelsWithShipTo;
    QList<OrderEvent> orders;
    auto collect = [&] {
        for (const QList<QVariant> &args : std::as_const(received)) {
            for (const OrderEvent &o : args.first().value<QList<OrderEvent>>()) {
                orders.append(o);
                if (!o.shipTo.postalCode.isEmpty() && o.shipTo.country == "US"_L1)
                    channelsWithShipTo.insert(o.channel);
            }
        }
        received.clear();
        return channelsWithShipTo.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(collect(), 6, 30000);

    const OrderEvent &order = orders.last();
    QVERIFY(!order.shipTo.isEmpty());
    ShipmentRequest request;
    request.orderId = order.orderId;
    request.promisedBy = addBusinessDays(QDateTime::currentDateTimeUtc().date(), 3);
    request.from.postalCode = u"10001"_s;
    request.from.country = u"US"_s;
    request.to.postalCode = order.shipTo.postalCode;
    request.to.country = order.shipTo.country;
    request.parcels = {Parcel {1200, 30, 20, 10}};
    const quint64 id = bridge.requestQuote(request);
    QTRY_COMPARE_WITH_TIMEOUT(quoted.count(), 1, 20000);
    QCOMPARE(quoted.first().at(0).value<quint64>(), id);
    const QuoteResult result = quoted.first().at(1).value<QuoteResult>();

    QSet<QString> sources;
    bool late = false;
    for (const ScoredQuote &q : result.quotes) {
        sources.insert(q.quote.source);
        late = late || q.promise == PromiseCheck::Late;
    }
    QCOMPARE(sources, (QSet<QString> {u"ups"_s, u"fedex"_s, u"easypost"_s, u"shippo"_s}));
    QVERIFY2(result.chosen(), qPrintable(result.explanation));
    QVERIFY(late); // the ground services take longer than three business days
    // The seeded history counts: the choice rests on deliveries to the order's zone.
    QCOMPARE(int(result.chosen()->reliabilitySource), int(ReliabilitySource::Zone));
    QCOMPARE(result.zone.left(3), u"US-"_s);
    // Without faults the only error is EasyPost's DHL account, reported beside its rates.
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().carrier, u"DHLExpress"_s);
}

QTEST_GUILESS_MAIN(TestConsoleQuotes)
#include "tst_consolequotes.moc"
