// RateShopper and QuoteRanker: the promise filter, the currency rule, the score and its tie
// breaks as data rows; then whole quotes against simulated carriers on loopback: a silent carrier
// gives a partial result by its deadline, all failing gives every error and no choice, and a run
// of late deliveries moves the choice.
#include "carriers/quoteranker.h"
#include "carriers/rateshopper.h"
#include "carriers/reliabilitystore.h"
#include "sim/carriersim.h"
#include "sim/simtcpserver.h"
#include "store/database.h"
#include "util/clock.h"

#include <QHttpServer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
// "carrier|service|cost|currency|date" ("-" for no date)
CarrierQuote quoteFrom(const QString &spec)
{
    const QStringList p = spec.split(u'|');
    CarrierQuote q;
    q.source = p.at(0).toLower();
    q.carrier = p.at(0);
    q.service = p.at(1);
    Money::parse(p.at(2), &q.costCents);
    q.currency = p.at(3);
    q.estimatedDelivery = QDate::fromString(p.at(4), Qt::ISODate);
    return q;
}

ShippingAddress address(const QString &postal)
{
    ShippingAddress a;
    a.postalCode = postal;
    a.country = u"US"_s;
    return a;
}

SimService service(const QString &carrier, const QString &code, qint64 cents, int days)
{
    SimService s;
    s.carrier = carrier;
    s.code = code;
    s.name = code;
    s.priceCents = cents;
    s.transitDays = days;
    return s;
}
} // namespace

class TestRateShopper : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock {1'795'996'800'000}; // 2026-12-01T00:00:00Z (a Tuesday)
    std::unique_ptr<QHttpServer> m_http;
    SimTcpServer *m_tcp = nullptr; // owned by m_http, which QHttpServer::bind() makes its parent
    std::unique_ptr<CarrierSim> m_sim;
    QTcpServer m_silent; // accepts connections and never answers
    QList<QTcpSocket *> m_silentSockets;

    QString baseUrl(const QString &id) const
    {
        return u"http://127.0.0.1:%1/%2"_s.arg(m_tcp->serverPort()).arg(id);
    }

    void startSim(const QList<SimCarrier> &carriers)
    {
        m_http.reset();
        m_sim = std::make_unique<CarrierSim>(m_clock);
        m_http = std::make_unique<QHttpServer>();
        m_tcp = new SimTcpServer(m_http.get());
        m_sim->setCarriers(carriers);
        m_sim->attach(m_http.get(), m_tcp);
        QVERIFY(m_tcp->listen(QHostAddress::LocalHost, 0));
        m_http->bind(m_tcp);
    }

    CarrierConfig config(const QString &id, CarrierType type, const QString &url, int timeoutMs)
    {
        CarrierConfig c;
        c.id = id;
        c.type = type;
        c.baseUrl = QUrl(url);
        c.apiKeyEnv = u"TST_API_KEY"_s;
        c.clientIdEnv = u"TST_CLIENT_ID"_s;
        c.clientSecretEnv = u"TST_CLIENT_SECRET"_s;
        c.timeoutMs = timeoutMs;
        return c;
    }

    QuoteResult runQuote(RateShopper &shopper, const ShipmentRequest &request)
    {
        QSignalSpy spy(&shopper, &RateShopper::finished);
        shopper.quote(request);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000); }();
        return spy.isEmpty() ? QuoteResult() : spy.first().at(1).value<QuoteResult>();
    }

    ShipmentRequest makeOrder() const
    {
        ShipmentRequest r;
        r.orderId = u"1001"_s;
        r.promisedBy = QDate(2026, 12, 8);
        r.from = address(u"10001"_s);
        r.to = address(u"94105"_s);
        r.parcels = {Parcel {1200, 30, 20, 10}};
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("TST_API_KEY", "key");
        qputenv("TST_CLIENT_ID", "id");
        qputenv("TST_CLIENT_SECRET", "secret");
        QVERIFY(m_silent.listen(QHostAddress::LocalHost, 0));
        connect(&m_silent, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_silent.nextPendingConnection())
                m_silentSockets.append(s); // read nothing, answer nothing
        });
    }

    void rank_data()
    {
        QTest::addColumn<QStringList>("quotes");
        QTest::addColumn<QDate>("promised");
        QTest::addColumn<bool>("allowUnknown");
        QTest::addColumn<QStringList>("history"); // carrier|service|zone|onTime|late
        QTest::addColumn<QStringList>("order"); // services chosen first, then ranked
        QTest::addColumn<QStringList>("dropped"); // service:part of the reason

        const QDate promise(2026, 12, 1);
        QTest::newRow("cheapest wins at equal reliability")
            << QStringList {u"A|Slow|10.00|USD|2026-11-27"_s, u"B|Fast|12.00|USD|2026-11-26"_s}
            << promise << false << QStringList() << QStringList {u"Slow"_s, u"Fast"_s}
            << QStringList();
        QTest::newRow("late quote dropped")
            << QStringList {u"A|Slow|10.00|USD|2026-12-03"_s, u"B|Fast|12.00|USD|2026-11-26"_s}
            << promise << false << QStringList() << QStringList {u"Fast"_s}
            << QStringList {u"Slow:after the promised 2026-12-01"_s};
        QTest::newRow("arriving on the promised day meets it")
            << QStringList {u"A|Slow|10.00|USD|2026-12-01"_s} << promise << false << QStringList()
            << QStringList {u"Slow"_s} << QStringList();
        QTest::newRow("unknown estimate dropped")
            << QStringList {u"A|Vague|10.00|USD|-"_s, u"B|Fast|12.00|USD|2026-11-26"_s} << promise
            << false << QStringList() << QStringList {u"Fast"_s}
            << QStringList {u"Vague:no delivery estimate"_s};
        QTest::newRow("unknown estimate allowed")
            << QStringList {u"A|Vague|10.00|USD|-"_s, u"B|Fast|12.00|USD|2026-11-26"_s} << promise
            << true << QStringList() << QStringList {u"Vague"_s, u"Fast"_s} << QStringList();
        QTest::newRow("no promise, nothing late")
            << QStringList {u"A|Slow|10.00|USD|2026-12-30"_s, u"B|Fast|12.00|USD|2026-11-26"_s}
            << QDate() << false << QStringList() << QStringList {u"Slow"_s, u"Fast"_s}
            << QStringList();
        QTest::newRow("other currency converted by configured rate")
            << QStringList {u"A|Canadian|12.00|CAD|2026-11-27"_s,
                            u"B|Domestic|10.00|USD|2026-11-27"_s}
            << promise << false << QStringList() << QStringList {u"Canadian"_s, u"Domestic"_s}
            << QStringList();
        QTest::newRow("currency without a rate dropped")
            << QStringList {u"A|Euro|5.00|EUR|2026-11-27"_s, u"B|Domestic|10.00|USD|2026-11-27"_s}
            << promise << false << QStringList() << QStringList {u"Domestic"_s}
            << QStringList {u"Euro:no exchange rate converts EUR to USD"_s};
        QTest::newRow("unreliable cheap carrier loses")
            << QStringList {u"A|Cheap|10.00|USD|2026-11-27"_s, u"B|Steady|12.00|USD|2026-11-27"_s}
            << promise << false << QStringList {u"A|Cheap|US-941|0|20"_s}
            << QStringList {u"Steady"_s, u"Cheap"_s} << QStringList();
        QTest::newRow("zone history first, then all zones")
            << QStringList {u"A|Local|10.50|USD|2026-11-27"_s,
                            u"B|Elsewhere|10.00|USD|2026-11-27"_s}
            << promise << false
            << QStringList {u"A|Local|US-941|10|0"_s, u"A|Local|US-100|0|30"_s,
                            u"B|Elsewhere|US-100|0|10"_s}
            << QStringList {u"Local"_s, u"Elsewhere"_s} << QStringList();
        QTest::newRow("equal score: earlier delivery first")
            << QStringList {u"A|Later|10.00|USD|2026-11-28"_s, u"B|Sooner|10.00|USD|2026-11-26"_s}
            << promise << false << QStringList() << QStringList {u"Sooner"_s, u"Later"_s}
            << QStringList();
        QTest::newRow("equal score and date: lower cost first")
            << QStringList {u"B|Dearer|10.00|USD|2026-11-27"_s, u"A|Cheaper|9.00|USD|2026-11-27"_s}
            << promise << false << QStringList {u"A|Cheaper|US-941|72|18"_s}
            << QStringList {u"Cheaper"_s, u"Dearer"_s} << QStringList();
        QTest::newRow("nothing qualifies")
            << QStringList {u"A|Slow|10.00|USD|2026-12-03"_s, u"B|Vague|12.00|USD|-"_s} << promise
            << false << QStringList() << QStringList()
            << QStringList {u"Slow:after the promised"_s, u"Vague:no delivery estimate"_s};
    }

    void rank()
    {
        QFETCH(QStringList, quotes);
        QFETCH(QDate, promised);
        QFETCH(bool, allowUnknown);
        QFETCH(QStringList, history);
        QFETCH(QStringList, order);
        QFETCH(QStringList, dropped);

        QuoteSettings settings;
        settings.exchangeRates.insert(u"CAD"_s, 0.75);
        settings.allowUnknownDelivery = allowUnknown;
        auto lookup = [history](const QString &carrier, const QString &service, const QString &zone,
                                OnTimeCounts *inZone, OnTimeCounts *all) {
            for (const QString &h : history) {
                const QStringList p = h.split(u'|');
                if (p.at(0) != carrier || p.at(1) != service)
                    continue;
                const OnTimeCounts c {p.at(3).toLongLong(), p.at(4).toLongLong()};
                all->onTime += c.onTime;
                all->late += c.late;
                if (p.at(2) == zone) {
                    inZone->onTime += c.onTime;
                    inZone->late += c.late;
                }
            }
        };
        ShipmentRequest request = makeOrder();
        request.promisedBy = promised;
        QList<CarrierQuote> list;
        for (const QString &spec : quotes)
            list.append(quoteFrom(spec));
        const QuoteResult result = QuoteRanker(settings, lookup).rank(request, list, {});

        QCOMPARE(result.zone, u"US-941"_s);
        QStringList actualOrder;
        QStringList actualDropped;
        for (const ScoredQuote &q : result.quotes) {
            if (q.fate == QuoteFate::Dropped) {
                actualDropped.append(q.quote.service);
                QVERIFY2(q.rank == 0, qPrintable(q.quote.service));
            } else {
                actualOrder.append(q.quote.service);
                QCOMPARE(q.rank, int(actualOrder.size()));
                QVERIFY(q.score.has_value());
                QVERIFY(q.reason.contains(u"score"_s));
            }
        }
        QCOMPARE(actualOrder, order);
        QCOMPARE(actualDropped.size(), dropped.size());
        for (const QString &d : dropped) {
            const QString service = d.section(u':', 0, 0);
            const QString reasonPart = d.section(u':', 1);
            const auto it =
                std::find_if(result.quotes.begin(), result.quotes.end(),
                             [&](const ScoredQuote &q) { return q.quote.service == service; });
            QVERIFY(it != result.quotes.end());
            QCOMPARE(toString(it->fate), u"dropped"_s);
            QVERIFY2(it->reason.contains(reasonPart), qPrintable(it->reason));
        }
        if (order.isEmpty()) {
            QVERIFY(!result.chosen());
            QVERIFY2(result.explanation.startsWith("No quote qualified"_L1),
                     qPrintable(result.explanation));
        } else {
            QCOMPARE(result.chosen()->quote.service, order.first());
            QVERIFY2(result.explanation.startsWith(u"Chose "_s + result.chosen()->quote.carrier),
                     qPrintable(result.explanation));
        }
    }

    void priorScoresANewCarrier()
    {
        QuoteSettings settings; // prior 0.9 with the weight of 10 deliveries
        const QuoteResult r =
            QuoteRanker(settings, {})
                .rank(makeOrder(), {quoteFrom(u"A|New|9.00|USD|2026-11-27"_s)}, {});
        QCOMPARE(toString(r.chosen()->reliabilitySource), u"prior"_s);
        QCOMPARE(r.chosen()->reliability, 0.9);
        QCOMPARE(*r.chosen()->score, 10.0);
    }

    void silentCarrierGivesPartialResultByItsDeadline()
    {
        SimCarrier ups;
        ups.id = u"ups"_s;
        ups.type = CarrierType::Ups;
        ups.services = {service(QString(), u"03"_s, 1142, 3)};
        startSim({ups});
        CarrierSettings settings;
        settings.carriers = {config(u"ups"_s, CarrierType::Ups, baseUrl(u"ups"_s), 3000),
                             config(u"silent"_s, CarrierType::EasyPost,
                                    u"http://127.0.0.1:%1"_s.arg(m_silent.serverPort()), 400)};
        QNetworkAccessManager network;
        RateShopper shopper(settings, &network, m_clock);
        const qint64 started = SystemClock::instance().monotonicNs();
        const QuoteResult result = runQuote(shopper, makeOrder());
        const qint64 elapsedMs = (SystemClock::instance().monotonicNs() - started) / 1'000'000;
        QVERIFY(result.chosen());
        QCOMPARE(result.chosen()->quote.source, u"ups"_s);
        QCOMPARE(result.chosen()->quote.service, u"Ground"_s);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().source, u"silent"_s);
        QCOMPARE(toString(result.errors.first().kind), u"timeout"_s);
        QVERIFY2(elapsedMs >= 350 && elapsedMs < 2500, qPrintable(QString::number(elapsedMs)));
        QCOMPARE(shopper.pendingCount(), 0);
    }

    void allFailingGivesEveryErrorAndNoChoice()
    {
        SimCarrier ups;
        ups.id = u"ups"_s;
        ups.type = CarrierType::Ups;
        ups.failStatus = 503;
        ups.failMessage = u"down for maintenance"_s;
        ups.services = {service(QString(), u"03"_s, 1142, 3)};
        SimCarrier fedex;
        fedex.id = u"fedex"_s;
        fedex.type = CarrierType::Fedex;
        fedex.clientId = u"someone-else"_s;
        fedex.clientSecret = u"other"_s;
        SimCarrier shippo;
        shippo.id = u"shippo"_s;
        shippo.type = CarrierType::Shippo;
        shippo.timeout = true;
        startSim({ups, fedex, shippo});
        CarrierSettings settings;
        settings.carriers = {config(u"ups"_s, CarrierType::Ups, baseUrl(u"ups"_s), 3000),
                             config(u"fedex"_s, CarrierType::Fedex, baseUrl(u"fedex"_s), 3000),
                             config(u"shippo"_s, CarrierType::Shippo, baseUrl(u"shippo"_s), 300)};
        QNetworkAccessManager network;
        RateShopper shopper(settings, &network, m_clock);
        const QuoteResult result = runQuote(shopper, makeOrder());
        QVERIFY(!result.chosen());
        QVERIFY(result.quotes.isEmpty());
        QCOMPARE(result.errors.size(), 3);
        QCOMPARE(result.errors.at(0).source, u"ups"_s);
        QCOMPARE(toString(result.errors.at(0).kind), u"server_error"_s);
        QVERIFY(result.errors.at(0).message.contains(u"down for maintenance"_s));
        QCOMPARE(result.errors.at(1).source, u"fedex"_s);
        QCOMPARE(toString(result.errors.at(1).kind), u"auth"_s);
        QCOMPARE(result.errors.at(2).source, u"shippo"_s);
        QCOMPARE(toString(result.errors.at(2).kind), u"timeout"_s);
        QVERIFY2(result.explanation.contains(u"3 carrier errors"_s),
                 qPrintable(result.explanation));
    }

    void lateDeliveriesMoveTheChoice()
    {
        SimCarrier easypost;
        easypost.id = u"easypost"_s;
        easypost.type = CarrierType::EasyPost;
        easypost.services = {service(u"USPS"_s, u"Priority"_s, 980, 2),
                             service(u"UPS"_s, u"Ground"_s, 1050, 3)};
        startSim({easypost});
        QString error;
        auto db = Database::open(m_dir.filePath(u"learning.sqlite"_s), &error);
        QVERIFY2(db, qPrintable(error));
        ReliabilityStore store(*db, m_clock);
        CarrierSettings settings;
        settings.carriers = {
            config(u"easypost"_s, CarrierType::EasyPost, baseUrl(u"easypost"_s), 3000)};
        QNetworkAccessManager network;
        RateShopper shopper(settings, &network, m_clock, &store);

        QuoteResult result = runQuote(shopper, makeOrder());
        QVERIFY(result.chosen());
        QCOMPARE(result.chosen()->quote.service, u"Priority"_s);

        QList<DeliveryOutcome> late;
        for (int i = 0; i < 6; ++i) {
            late.append(
                {u"USPS"_s, u"Priority"_s, u"US-941"_s, QDate(2026, 11, 2), QDate(2026, 11, 5)});
        }
        const Result<qsizetype> recorded = store.recordOutcomes(late);
        QVERIFY2(recorded, qPrintable(recorded.error()));
        QCOMPARE(*recorded, 6);

        result = runQuote(shopper, makeOrder());
        QVERIFY(result.chosen());
        QCOMPARE(result.chosen()->quote.service, u"Ground"_s);
        const ScoredQuote &moved = result.quotes.at(1);
        QCOMPARE(moved.quote.service, u"Priority"_s);
        QCOMPARE(toString(moved.reliabilitySource), u"zone"_s);
        QCOMPARE(moved.history.late, 6);

        QSqlQuery q(db->connection());
        QVERIFY(q.exec(u"SELECT COUNT(*), MAX(chosen_service) FROM carrier_quote_requests"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRateShopper)
#include "tst_rateshopper.moc"
