// Carrier quotes end to end over loopback HTTP: every adapter against CarrierSim, then the real
// channeldesk-cli quote against the real channeldesk-sim, checking --json fields and exit codes.
#include "carriers/carrieradapter.h"
#include "carriers/rateshopper.h"
#include "sim/carriersim.h"
#include "sim/simtcpserver.h"
#include "util/clock.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
// Every wire format, each with a service that has surcharges and one without an estimate.
const char kSimCarriers[] = R"JSON([
 {"id": "ups", "type": "ups", "client_id": "ups-id", "client_secret": "ups-secret",
  "services": [{"code": "03", "name": "Ground", "price": "11.42", "transit_days": 3,
                "surcharges": [{"name": "Fuel Surcharge", "amount": "1.25"}]},
               {"code": "01", "name": "Next Day Air", "price": "64.30", "transit_days": 1,
                "guaranteed": true}]},
 {"id": "fedex", "type": "fedex", "client_id": "fx-id", "client_secret": "fx-secret",
  "latency_ms": 150,
  "services": [{"code": "FEDEX_GROUND", "name": "FedEx Ground", "price": "10.95",
                "transit_days": 4, "surcharges": [{"name": "Fuel Surcharge", "amount": "1.60"}]},
               {"code": "FEDEX_EXPRESS_SAVER", "name": "FedEx Express Saver", "price": "30.10",
                "estimate": false}]},
 {"id": "easypost", "type": "easypost", "api_key": "ep-key",
  "services": [{"carrier": "USPS", "code": "Priority", "name": "Priority", "price": "9.80",
                "transit_days": 2}],
  "messages": [{"carrier": "DHLExpress", "message": "destination not served"}]},
 {"id": "shippo", "type": "shippo", "api_key": "sh-key",
  "services": [{"carrier": "USPS", "code": "usps_priority", "name": "Priority Mail",
                "price": "9.10", "transit_days": 2}]}
])JSON";

QJsonArray simCarriers()
{
    return QJsonDocument::fromJson(QByteArray(kSimCarriers)).array();
}

QString configFor(quint16 port, const QString &shippoTimeout = u"3000"_s)
{
    const QString base = u"http://127.0.0.1:%1/"_s.arg(port);
    return uR"({"carriers": [
 {"id": "ups", "type": "ups", "base_url": "%1ups",
  "credentials": {"client_id_env": "CQ_UPS_ID", "client_secret_env": "CQ_UPS_SECRET"}},
 {"id": "fedex", "type": "fedex", "base_url": "%1fedex", "account_number": "740561073",
  "credentials": {"client_id_env": "CQ_FX_ID", "client_secret_env": "CQ_FX_SECRET"}},
 {"id": "easypost", "type": "easypost", "base_url": "%1easypost",
  "credentials": {"api_key_env": "CQ_EP_KEY"}},
 {"id": "shippo", "type": "shippo", "base_url": "%1shippo", "timeout_ms": %2,
  "credentials": {"api_key_env": "CQ_SH_KEY"}}]})"_s.arg(base, shippoTimeout);
}

QString orderJson(const QString &promisedBy)
{
    return uR"({"order_id": "1001", "promised_by": "%1", "ship_date": "2026-11-24",
 "from": {"postal_code": "10001", "country": "US"},
 "to": {"postal_code": "94105", "country": "US"},
 "parcels": [{"weight_g": 1200, "length_cm": 30, "width_cm": 20, "height_cm": 10}]})"_s.arg(
        promisedBy);
}
} // namespace

class TestCarrierQuotes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    bool writeFile(const QString &name, const QString &text)
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) > 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("CQ_UPS_ID", "ups-id");
        qputenv("CQ_UPS_SECRET", "ups-secret");
        qputenv("CQ_FX_ID", "fx-id");
        qputenv("CQ_FX_SECRET", "fx-secret");
        qputenv("CQ_EP_KEY", "ep-key");
        qputenv("CQ_SH_KEY", "sh-key");
    }

    // Every adapter against the simulator in-process: real HTTP, real auth, real shapes.
    void everyCarrierThroughTheSimulator()
    {
        ManualClock clock(1'795'996'800'000);
        QList<SimCarrier> carriers;
        QString error;
        QVERIFY2(CarrierSim::parseConfig(simCarriers(), &carriers, &error), qPrintable(error));
        CarrierSim sim(clock);
        sim.setCarriers(carriers);
        QHttpServer http;
        auto *tcp = new SimTcpServer(&http);
        sim.attach(&http, tcp);
        QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
        http.bind(tcp);

        CarrierSettings settings;
        QVERIFY2(parseCarrierSettings(configFor(tcp->serverPort()).toUtf8(), &settings, &error),
                 qPrintable(error));
        QNetworkAccessManager network;
        RateShopper shopper(settings, &network, clock);
        QSignalSpy spy(&shopper, &RateShopper::finished);
        ShipmentRequest order;
        order.orderId = u"1001"_s;
        order.promisedBy = QDate(2026, 12, 1);
        order.shipDate = QDate(2026, 11, 24);
        order.from.postalCode = u"10001"_s;
        order.from.country = u"US"_s;
        order.to.postalCode = u"94105"_s;
        order.to.country = u"US"_s;
        order.parcels = {Parcel {1200, 30, 20, 10}};
        shopper.quote(order);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        const QuoteResult result = spy.first().at(1).value<QuoteResult>();

        QHash<QString, const ScoredQuote *> byService;
        for (const ScoredQuote &q : result.quotes)
            byService.insert(q.quote.source + u'/' + q.quote.service, &q);
        QCOMPARE(result.quotes.size(), 6);
        const ScoredQuote *ground = byService.value(u"ups/Ground"_s);
        QVERIFY(ground);
        QCOMPARE(ground->quote.carrier, u"UPS"_s);
        QCOMPARE(ground->quote.costCents, 1142);
        QCOMPARE(ground->quote.surcharges.size(), 1);
        QCOMPARE(ground->quote.estimatedDelivery, QDate(2026, 11, 27));
        QCOMPARE(int(byService.value(u"ups/Next Day Air"_s)->quote.guaranteed),
                 int(Guarantee::Guaranteed));
        const ScoredQuote *fedexGround = byService.value(u"fedex/FedEx Ground"_s);
        QVERIFY(fedexGround);
        QCOMPARE(fedexGround->quote.costCents, 1095);
        QCOMPARE(fedexGround->quote.estimatedDelivery, QDate(2026, 11, 30));
        const ScoredQuote *saver = byService.value(u"fedex/FedEx Express Saver"_s);
        QVERIFY(saver);
        QVERIFY(!saver->quote.estimatedDelivery.isValid());
        QCOMPARE(int(saver->fate), int(QuoteFate::Dropped));
        QCOMPARE(byService.value(u"easypost/Priority"_s)->quote.carrier, u"USPS"_s);
        QCOMPARE(byService.value(u"shippo/Priority Mail"_s)->quote.costCents, 910);
        // Shippo's USPS Priority Mail: cheapest, arriving 2026-11-26.
        QVERIFY(result.chosen());
        QCOMPARE(result.chosen()->quote.source, u"shippo"_s);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().carrier, u"DHLExpress"_s);
        QCOMPARE(sim.rateRequests(u"ups"_s), 1);
    }

    void cli_data()
    {
        QTest::addColumn<QString>("promisedBy");
        QTest::addColumn<QString>("shippoTimeout");
        QTest::addColumn<bool>("breakOrder");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("chosenSource");

        QTest::newRow("chosen") << u"2026-12-01"_s << u"3000"_s << false << 0 << u"shippo"_s;
        QTest::newRow("nothing meets the promise")
            << u"2026-11-24"_s << u"3000"_s << false << 3 << QString();
        QTest::newRow("bad order") << u"2026-12-01"_s << u"3000"_s << true << 1 << QString();
    }

    // The real binaries: channeldesk-sim on a free port, channeldesk-cli quote --json against it.
    void cli()
    {
        QFETCH(QString, promisedBy);
        QFETCH(QString, shippoTimeout);
        QFETCH(bool, breakOrder);
        QFETCH(int, exitCode);
        QFETCH(QString, chosenSource);

        const QJsonObject simConfig {{u"listen"_s, u"127.0.0.1:0"_s},
                                     {u"carriers"_s, simCarriers()}};
        QVERIFY(writeFile(u"sim.json"_s, QString::fromUtf8(QJsonDocument(simConfig).toJson())));
        QProcess sim;
        sim.start(QStringLiteral(CHANNELDESK_SIM), {u"--config"_s, m_dir.filePath(u"sim.json"_s)});
        QVERIFY(sim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(sim.canReadLine(), 10000);
        const QString line = QString::fromUtf8(sim.readLine()).trimmed();
        QVERIFY2(line.startsWith("listening on http://127.0.0.1:"_L1), qPrintable(line));
        const quint16 port = quint16(line.section(u':', -1).toUInt());

        QVERIFY(writeFile(u"config.json"_s, configFor(port, shippoTimeout)));
        QString order = orderJson(promisedBy);
        if (breakOrder)
            order.replace(u"\"weight_g\": 1200"_s, u"\"weight_g\": -3"_s);
        QVERIFY(writeFile(u"order.json"_s, order));

        QProcess cli;
        cli.start(QStringLiteral(CHANNELDESK_CLI),
                  {u"quote"_s, u"--config"_s, m_dir.filePath(u"config.json"_s),
                   m_dir.filePath(u"order.json"_s), u"--json"_s, u"--db"_s,
                   m_dir.filePath(u"quotes.sqlite"_s)});
        QVERIFY(cli.waitForFinished(20000));
        sim.kill();
        sim.waitForFinished();
        const QByteArray out = cli.readAllStandardOutput();
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(cli.exitCode() == exitCode, err.constData());
        if (exitCode == 1) {
            QVERIFY2(err.contains("parcels[0].weight_g"), err.constData());
            return;
        }
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        QVERIFY2(doc.contains("chosen"_L1) && doc.contains("quotes"_L1) &&
                     doc.contains("errors"_L1),
                 out.constData());
        const QJsonArray quotes = doc.value("quotes"_L1).toArray();
        QCOMPARE(quotes.size(), 6);
        for (const QJsonValue &v : quotes) {
            const QJsonObject q = v.toObject();
            for (const char *key :
                 {"source", "carrier", "service", "cost", "currency", "estimated_delivery",
                  "meets_promise", "reliability", "score", "fate", "reason"})
                QVERIFY2(q.contains(QLatin1StringView(key)), key);
        }
        const QJsonArray errors = doc.value("errors"_L1).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value("kind"_L1).toString(), u"no_service"_s);
        QCOMPARE(errors.first().toObject().value("source"_L1).toString(), u"easypost"_s);
        QCOMPARE(errors.first().toObject().value("carrier"_L1).toString(), u"DHLExpress"_s);
        if (chosenSource.isEmpty()) {
            QVERIFY(doc.value("chosen"_L1).isNull());
            QVERIFY(doc.value("explanation"_L1).toString().startsWith("No quote qualified"_L1));
            for (const QJsonValue &v : quotes)
                QCOMPARE(v.toObject().value("fate"_L1).toString(), u"dropped"_s);
        } else {
            const QJsonObject chosen = doc.value("chosen"_L1).toObject();
            QCOMPARE(chosen.value("source"_L1).toString(), chosenSource);
            QCOMPARE(chosen.value("carrier"_L1).toString(), u"USPS"_s);
            QCOMPARE(chosen.value("cost"_L1).toDouble(), 9.10);
            QCOMPARE(chosen.value("currency"_L1).toString(), u"USD"_s);
            QCOMPARE(chosen.value("estimated_delivery"_L1).toString(), u"2026-11-26"_s);
            QCOMPARE(chosen.value("meets_promise"_L1).toBool(), true);
            QCOMPARE(chosen.value("fate"_L1).toString(), u"chosen"_s);
            QVERIFY(chosen.value("score"_L1).toDouble() > 9.10);
        }
    }
};

QTEST_GUILESS_MAIN(TestCarrierQuotes)
#include "tst_carrierquotes.moc"
