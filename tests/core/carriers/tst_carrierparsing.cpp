// Each adapter's parser against its carrier's documented response shapes (tests/data/carriers),
// plus the request bodies' units, the config file and the order file.
#include "carriers/carrierconfig.h"
#include "carriers/easypostadapter.h"
#include "carriers/fedexadapter.h"
#include "carriers/quoteorder.h"
#include "carriers/shippoadapter.h"
#include "carriers/upsadapter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestCarrierParsing : public QObject
{
    Q_OBJECT

private:
    static QByteArray fixture(const QString &name)
    {
        QFile f(QStringLiteral(CARRIER_FIXTURES) + u'/' + name);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(name));
        return f.readAll();
    }

    static CarrierResult parse(const QString &type, int status, const QByteArray &body)
    {
        const QDate ships(2026, 11, 24);
        if (type == "easypost"_L1)
            return EasyPostAdapter::parseResponse(status, body, u"src"_s, ships);
        if (type == "shippo"_L1)
            return ShippoAdapter::parseResponse(status, body, u"src"_s, ships);
        if (type == "ups"_L1)
            return UpsAdapter::parseResponse(status, body, u"src"_s, ships);
        return FedexAdapter::parseResponse(status, body, u"src"_s, ships);
    }

private Q_SLOTS:
    void quotes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("quoteCount");
        QTest::addColumn<int>("errorCount");
        QTest::addColumn<int>("index"); // the quote checked below
        QTest::addColumn<QString>("carrier");
        QTest::addColumn<QString>("service");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QDate>("delivery");
        QTest::addColumn<int>("surcharges");
        QTest::addColumn<int>("guaranteed"); // Guarantee as int

        const int unknown = int(Guarantee::Unknown);
        const int yes = int(Guarantee::Guaranteed);
        const int no = int(Guarantee::NotGuaranteed);
        QTest::newRow("easypost dated rate")
            << u"easypost"_s << u"easypost_shipment.json"_s << 3 << 1 << 0 << u"UPS"_s
            << u"Ground"_s << qint64(1230) << u"USD"_s << QDate(2026, 11, 27) << 0 << no;
        QTest::newRow("easypost days only, half cent rounds up")
            << u"easypost"_s << u"easypost_shipment.json"_s << 3 << 1 << 1 << u"USPS"_s
            << u"Priority"_s << qint64(946) << u"USD"_s << QDate(2026, 11, 26) << 0 << unknown;
        QTest::newRow("easypost missing estimate")
            << u"easypost"_s << u"easypost_shipment.json"_s << 3 << 1 << 2 << u"USPS"_s
            << u"GroundAdvantage"_s << qint64(710) << u"USD"_s << QDate() << 0 << unknown;
        QTest::newRow("shippo provider and days")
            << u"shippo"_s << u"shippo_shipment.json"_s << 2 << 1 << 0 << u"USPS"_s
            << u"Priority Mail"_s << qint64(550) << u"USD"_s << QDate(2026, 11, 26) << 0 << unknown;
        QTest::newRow("shippo other currency, no estimate")
            << u"shippo"_s << u"shippo_shipment.json"_s << 2 << 1 << 1 << u"Canada Post"_s
            << u"Expedited Parcel"_s << qint64(2120) << u"CAD"_s << QDate() << 0 << unknown;
        QTest::newRow("ups negotiated ground with fuel surcharge")
            << u"ups"_s << u"ups_shoptimeintransit.json"_s << 3 << 0 << 0 << u"UPS"_s << u"Ground"_s
            << qint64(1142) << u"USD"_s << QDate(2026, 11, 30) << 1 << no;
        QTest::newRow("ups guaranteed next day, options charge")
            << u"ups"_s << u"ups_shoptimeintransit.json"_s << 3 << 0 << 1 << u"UPS"_s
            << u"Next Day Air"_s << qint64(6430) << u"USD"_s << QDate(2026, 11, 25) << 2 << yes;
        QTest::newRow("ups without time in transit")
            << u"ups"_s << u"ups_shoptimeintransit.json"_s << 3 << 0 << 2 << u"UPS"_s
            << u"3 Day Select"_s << qint64(2995) << u"USD"_s << QDate() << 0 << unknown;
        QTest::newRow("fedex account rate over list, surcharges")
            << u"fedex"_s << u"fedex_rates.json"_s << 2 << 0 << 0 << u"FedEx"_s << u"FedEx Ground"_s
            << qint64(1435) << u"USD"_s << QDate(2026, 11, 27) << 2 << yes;
        QTest::newRow("fedex delivery date unavailable")
            << u"fedex"_s << u"fedex_rates.json"_s << 2 << 0 << 1 << u"FedEx"_s
            << u"FedEx Express Saver"_s << qint64(3854) << u"USD"_s << QDate() << 1 << no;
    }

    void quotes()
    {
        QFETCH(QString, type);
        QFETCH(QString, file);
        QFETCH(int, index);
        const CarrierResult r = parse(type, 200, fixture(file));
        QTEST(int(r.quotes.size()), "quoteCount");
        QTEST(int(r.errors.size()), "errorCount");
        const CarrierQuote &q = r.quotes.at(index);
        QCOMPARE(q.source, u"src"_s);
        QTEST(q.carrier, "carrier");
        QTEST(q.service, "service");
        QTEST(q.costCents, "cents");
        QTEST(q.currency, "currency");
        QTEST(q.estimatedDelivery, "delivery");
        QTEST(int(q.surcharges.size()), "surcharges");
        QTEST(int(q.guaranteed), "guaranteed");
    }

    void errors_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("easypost 401") << u"easypost"_s << u"easypost_error_401.json"_s << 401
                                      << u"auth"_s << u"APIKEY.INACTIVE"_s;
        QTest::newRow("easypost 422 address")
            << u"easypost"_s << u"easypost_error_422.json"_s << 422 << u"bad_address"_s
            << u"to_address.zip: cannot be blank"_s;
        QTest::newRow("easypost 429 without body")
            << u"easypost"_s << QString() << 429 << u"rate_limited"_s << u"429"_s;
        QTest::newRow("shippo 401")
            << u"shippo"_s << u"shippo_error_401.json"_s << 401 << u"auth"_s << u"Invalid token."_s;
        QTest::newRow("shippo 400 address") << u"shippo"_s << u"shippo_error_400.json"_s << 400
                                            << u"bad_address"_s << u"address_to"_s;
        QTest::newRow("ups 401") << u"ups"_s << u"ups_error_401.json"_s << 401 << u"auth"_s
                                 << u"250002"_s;
        QTest::newRow("ups no service") << u"ups"_s << u"ups_error_400_noservice.json"_s << 400
                                        << u"no_service"_s << u"111210"_s;
        QTest::newRow("ups 429") << u"ups"_s << u"ups_error_429.json"_s << 429 << u"rate_limited"_s
                                 << u"Too Many"_s;
        QTest::newRow("fedex 401") << u"fedex"_s << u"fedex_error_401.json"_s << 401 << u"auth"_s
                                   << u"NOT.AUTHORIZED.ERROR"_s;
        QTest::newRow("fedex bad postal code")
            << u"fedex"_s << u"fedex_error_400_postal.json"_s << 400 << u"bad_address"_s
            << u"RECIPIENT.POSTALCODE.INVALID"_s;
        QTest::newRow("fedex 503") << u"fedex"_s << u"fedex_error_503.json"_s << 503
                                   << u"server_error"_s << u"SERVICE.UNAVAILABLE"_s;
        QTest::newRow("fedex 200 not json")
            << u"fedex"_s << QString() << 200 << u"bad_response"_s << u"no output"_s;
    }

    void errors()
    {
        QFETCH(QString, type);
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        const CarrierResult r =
            parse(type, status, file.isEmpty() ? QByteArray("<html>oops</html>") : fixture(file));
        QVERIFY(r.quotes.isEmpty());
        QCOMPARE(r.errors.size(), 1);
        QTEST(toString(r.errors.first().kind), "kind");
        QCOMPARE(r.errors.first().source, u"src"_s);
        QCOMPARE(r.errors.first().httpStatus, status);
        QVERIFY2(r.errors.first().message.contains(messagePart),
                 qPrintable(r.errors.first().message));
    }

    // A rate of nothing or less, or one that cannot be read as an amount, is a broken answer:
    // refused (bad_response) with the carrier's service named, never offered as the cheapest
    // quote. The other quotes of the answer are kept.
    void freeOrNegativeRatesAreRefused_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("good"); // the first quote's cost as the fixture has it
        QTest::addColumn<QByteArray>("bad");
        QTest::addColumn<int>("quoteCount"); // the fixture's quotes, less the refused one
        QTest::addColumn<QString>("error"); // a fragment of the refused rate's error

        const struct
        {
            const char *name;
            QString type;
            QString file;
            QByteArray good;
            QByteArray cost; // %1 is the bad amount
            int quotes;
        } carriers[] = {
            {"easypost", u"easypost"_s, u"easypost_shipment.json"_s, R"("rate": "12.30")",
             R"("rate": "%1")", 2},
            {"shippo", u"shippo"_s, u"shippo_shipment.json"_s, R"("amount": "5.5")",
             R"("amount": "%1")", 1},
            {"ups", u"ups"_s, u"ups_shoptimeintransit.json"_s, R"("MonetaryValue": "11.42")",
             R"("MonetaryValue": "%1")", 2},
            {"fedex", u"fedex"_s, u"fedex_rates.json"_s, R"("totalNetCharge": 14.35)",
             R"("totalNetCharge": %1)", 1},
        };
        for (const auto &c : carriers) {
            for (const char *amount : {"0", "0.00", "-12.30", "0.001"}) {
                QByteArray bad = c.cost;
                bad.replace("%1", amount);
                if (c.type == "fedex"_L1 && QByteArray(amount) == "0.00")
                    continue; // a JSON number: the same as "0"
                QTest::addRow("%s %s", c.name, amount)
                    << c.type << c.file << c.good << bad << c.quotes << u"must cost more than 0"_s;
            }
        }
        // Wrong types and amounts past any price: refused as unreadable, never rounded into one.
        // UPS: a negotiated rate that is there but unreadable is not replaced by the list price
        // (TotalCharges), which is not what the account pays.
        const struct
        {
            const char *name;
            QString type;
            QString file;
            QByteArray good;
            QByteArray bad;
            int quotes;
            QString error;
        } unreadable[] = {
            {"easypost text", u"easypost"_s, u"easypost_shipment.json"_s, R"("rate": "12.30")",
             R"("rate": "twelve")", 2, u"has no usable \"rate\""_s},
            {"easypost past 10^15", u"easypost"_s, u"easypost_shipment.json"_s,
             R"("rate": "12.30")", R"("rate": "9999999999999999.00")", 2,
             u"has no usable \"rate\""_s},
            {"easypost a number", u"easypost"_s, u"easypost_shipment.json"_s, R"("rate": "12.30")",
             R"("rate": 12.30)", 2, u"has no usable \"rate\""_s},
            {"shippo exponent", u"shippo"_s, u"shippo_shipment.json"_s, R"("amount": "5.5")",
             R"("amount": "1e30")", 1, u"has no usable \"amount\""_s},
            {"fedex past 10^13", u"fedex"_s, u"fedex_rates.json"_s, R"("totalNetCharge": 14.35)",
             R"("totalNetCharge": 1e300)", 1, u"no usable totalNetCharge"_s},
            {"fedex text", u"fedex"_s, u"fedex_rates.json"_s, R"("totalNetCharge": 14.35)",
             R"("totalNetCharge": "cheap")", 1, u"no usable totalNetCharge"_s},
            {"ups negotiated text", u"ups"_s, u"ups_shoptimeintransit.json"_s,
             R"("MonetaryValue": "11.42")", R"("MonetaryValue": "eleven")", 2,
             u"service 03 has no usable NegotiatedRateCharges"_s},
        };
        for (const auto &u : unreadable)
            QTest::addRow("%s", u.name)
                << u.type << u.file << u.good << u.bad << u.quotes << u.error;
    }

    void freeOrNegativeRatesAreRefused()
    {
        QFETCH(QString, type);
        QFETCH(QString, file);
        QFETCH(QByteArray, good);
        QFETCH(QByteArray, bad);
        QByteArray body = fixture(file);
        QVERIFY(body.contains(good));
        body.replace(good, bad);
        const CarrierResult before = parse(type, 200, fixture(file));
        const CarrierResult r = parse(type, 200, body);
        QTEST(int(r.quotes.size()), "quoteCount");
        QCOMPARE(r.errors.size(), before.errors.size() + 1);
        for (const CarrierQuote &q : r.quotes)
            QVERIFY2(q.costCents > 0, qPrintable(q.service));
        QFETCH(QString, error);
        bool named = false;
        for (const CarrierError &e : r.errors)
            named = named || (e.message.contains(error) && e.kind == CarrierErrorKind::BadResponse);
        QVERIFY(named);
    }

    void aggregatorMessagesKeepTheirCarrier()
    {
        const CarrierResult ep = parse(u"easypost"_s, 200, fixture(u"easypost_shipment.json"_s));
        QCOMPARE(ep.errors.first().carrier, u"DHLExpress"_s);
        QCOMPARE(toString(ep.errors.first().kind), u"no_service"_s);
        const CarrierResult sh = parse(u"shippo"_s, 200, fixture(u"shippo_shipment.json"_s));
        QCOMPARE(sh.errors.first().carrier, u"UPS"_s);
        QCOMPARE(toString(sh.errors.first().kind), u"timeout"_s);
    }

    void requestUnits()
    {
        ShipmentRequest r;
        r.orderId = u"1001"_s;
        r.from = {u""_s, u""_s, u""_s, u""_s, u"10001"_s, u"US"_s, false};
        r.to = {u""_s, u""_s, u""_s, u""_s, u"94105"_s, u"US"_s, false};
        r.parcels = {Parcel {1200, 30, 20, 10}};
        // EasyPost: ounces and inches.
        const QJsonObject ep = EasyPostAdapter::buildBody(r).value("shipment"_L1).toObject();
        QCOMPARE(ep.value("parcel"_L1).toObject().value("weight"_L1).toDouble(), 42.33);
        QCOMPARE(ep.value("parcel"_L1).toObject().value("length"_L1).toDouble(), 11.81);
        QCOMPARE(ep.value("to_address"_L1).toObject().value("zip"_L1).toString(), u"94105"_s);
        QCOMPARE(EasyPostAdapter::path(r), u"/v2/shipments"_s);
        // Shippo: strings with units.
        const QJsonObject parcel =
            ShippoAdapter::buildBody(r).value("parcels"_L1).toArray().first().toObject();
        QCOMPARE(parcel.value("weight"_L1).toString(), u"1200"_s);
        QCOMPARE(parcel.value("mass_unit"_L1).toString(), u"g"_s);
        QCOMPARE(parcel.value("distance_unit"_L1).toString(), u"cm"_s);
        QCOMPARE(ShippoAdapter::buildBody(r).value("async"_L1).toBool(true), false);
        // UPS: pounds, and the time-in-transit container.
        const QJsonObject ups = UpsAdapter::buildBody(r, QDate(2026, 11, 24), u"A1B2C3"_s)
                                    .value("RateRequest"_L1)
                                    .toObject()
                                    .value("Shipment"_L1)
                                    .toObject();
        const QJsonObject weight = ups.value("Package"_L1)
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value("PackageWeight"_L1)
                                       .toObject();
        QCOMPARE(weight.value("Weight"_L1).toString(), u"2.6"_s);
        QCOMPARE(weight.value("UnitOfMeasurement"_L1).toObject().value("Code"_L1).toString(),
                 u"LBS"_s);
        QCOMPARE(ups.value("DeliveryTimeInformation"_L1)
                     .toObject()
                     .value("Pickup"_L1)
                     .toObject()
                     .value("Date"_L1)
                     .toString(),
                 u"20261124"_s);
        QCOMPARE(ups.value("Shipper"_L1).toObject().value("ShipperNumber"_L1).toString(),
                 u"A1B2C3"_s);
        // FedEx: LB from the US, KG elsewhere.
        QJsonObject item = FedexAdapter::buildBody(r, QDate(2026, 11, 24), u"740561073"_s)
                               .value("requestedShipment"_L1)
                               .toObject()
                               .value("requestedPackageLineItems"_L1)
                               .toArray()
                               .first()
                               .toObject();
        QCOMPARE(item.value("weight"_L1).toObject().value("units"_L1).toString(), u"LB"_s);
        QCOMPARE(item.value("weight"_L1).toObject().value("value"_L1).toDouble(), 2.6);
        r.from.country = u"DE"_s;
        item = FedexAdapter::buildBody(r, QDate(2026, 11, 24), u"740561073"_s)
                   .value("requestedShipment"_L1)
                   .toObject()
                   .value("requestedPackageLineItems"_L1)
                   .toArray()
                   .first()
                   .toObject();
        QCOMPARE(item.value("weight"_L1).toObject().value("units"_L1).toString(), u"KG"_s);
        QCOMPARE(item.value("weight"_L1).toObject().value("value"_L1).toDouble(), 1.2);
        r.parcels.append(Parcel {500, 10, 10, 10});
        QCOMPARE(EasyPostAdapter::path(r), u"/v2/orders"_s);
    }

    void badConfigNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("no carriers") << QByteArray("{}") << u"carriers:"_s;
        QTest::newRow("bad type") << QByteArray("{\"carriers\":[{\"id\":\"x\",\"type\":\"dhl\"}]}")
                                  << u"carriers[0].type"_s;
        QTest::newRow("bad url")
            << QByteArray(
                   "{\"carriers\":[{\"id\":\"ups\",\"type\":\"ups\",\"base_url\":\"ftp://x\"}]}")
            << u"carriers[0].base_url"_s;
        QTest::newRow("missing secret env")
            << QByteArray("{\"carriers\":[{\"id\":\"ups\",\"type\":\"ups\",\"base_url\":\"https://"
                          "onlinetools.ups.com\",\"credentials\":{\"client_id_env\":\"A\"}}]}")
            << u"carriers[0].credentials.client_secret_env"_s;
        QTest::newRow("api key for easypost")
            << QByteArray("{\"carriers\":[{\"id\":\"ep\",\"type\":\"easypost\",\"base_url\":"
                          "\"https://api.easypost.com\",\"credentials\":{}}]}")
            << u"carriers[0].credentials.api_key_env"_s;
        QTest::newRow("timeout")
            << QByteArray(
                   "{\"carriers\":[{\"id\":\"ep\",\"type\":\"easypost\",\"base_url\":\"https://"
                   "api.easypost.com\",\"credentials\":{\"api_key_env\":\"K\"},\"timeout_ms\":0}]}")
            << u"carriers[0].timeout_ms"_s;
        QTest::newRow("exchange rate")
            << QByteArray("{\"carriers\":[],\"quote\":{\"exchange_rates\":{\"CAD\":-1}}}")
            << u"quote.exchange_rates.CAD"_s;
        // Wrong types, huge and negative numbers, control characters, truncations, duplicates.
        // (moc reads these inline bodies and counts the braces in raw strings too: each row's
        // raw strings together open as many as they close)
        const QByteArray ep = R"({"id": "ep", "type": "easypost", "base_url": )"
                              R"("https://api.easypost.com", "credentials": {"api_key_env": "K"})";
        QTest::newRow("truncated")
            << QByteArray("{\"carriers\": [{\"id\": \"ep\", \"ty") << u"not valid JSON"_s;
        QTest::newRow("carriers an object")
            << QByteArray(R"({"carriers": {"id": "ep"}})") << u"carriers: expected an array"_s;
        QTest::newRow("carrier a string")
            << QByteArray(R"({"carriers": ["ups"]})") << u"carriers[0]: expected an object"_s;
        QTest::newRow("timeout text")
            << QByteArray(R"({"carriers": [)" + ep + R"(, "timeout_ms": "3000"}]})")
            << u"carriers[0].timeout_ms: expected a whole number"_s;
        QTest::newRow("timeout past 2^63")
            << QByteArray(R"({"carriers": [)" + ep + R"(, "timeout_ms": 1e30}]})")
            << u"carriers[0].timeout_ms: expected a whole number"_s;
        QTest::newRow("timeout negative")
            << QByteArray(R"({"carriers": [)" + ep + R"(, "timeout_ms": -1}]})")
            << u"carriers[0].timeout_ms: expected a whole number"_s;
        QTest::newRow("enabled text")
            << QByteArray(R"({"carriers": [)" + ep + R"(, "enabled": "yes"}]})")
            << u"carriers[0].enabled: expected true or false"_s;
        QTest::newRow("id control character")
            << QByteArray(R"({"carriers": [{"id": "e\u0007p", "type": "easypost"}]})")
            << u"carriers[0].id: expected a short lower-case name"_s;
        QTest::newRow("id with a final newline")
            << QByteArray(R"({"carriers": [{"id": "ep\n", "type": "easypost"}]})")
            << u"carriers[0].id: expected a short lower-case name"_s;
        QTest::newRow("currency with a final newline")
            << QByteArray(R"({"carriers": [], "quote": {"currency": "USD\n"}})")
            << u"quote.currency"_s;
        QTest::newRow("account number control character")
            << QByteArray(R"({"carriers": [)" + ep + R"(, "account_number": "A1\r\nB2"}]})")
            << u"carriers[0].account_number: expected a string without control characters"_s;
        QTest::newRow("env name control character")
            << QByteArray("{\"carriers\": [{\"id\": \"ep\", \"type\": \"easypost\", \"base_url\": "
                          "\"https://api.easypost.com\", \"credentials\": {\"api_key_env\": "
                          "\"K\\n\"}}]}")
            << u"carriers[0].credentials.api_key_env: expected the name of an environment "
               "variable"_s;
        QTest::newRow("duplicate id") << QByteArray(R"({"carriers": [)" + ep + "}, " + ep + "}]}")
                                      << u"carriers[1].id: \"ep\" is configured twice"_s;
        QTest::newRow("exchange rate past a double")
            << QByteArray(R"({"carriers": [], "quote": {"exchange_rates": {"CAD": "1e999"}}})")
            << u"quote.exchange_rates.CAD"_s;
        QTest::newRow("prior rate above 1")
            << QByteArray(R"({"carriers": [], "quote": {"prior": {"on_time_rate": 7}}})")
            << u"quote.prior.on_time_rate"_s;
        QTest::newRow("prior weight negative")
            << QByteArray(R"({"carriers": [], "quote": {"prior": {"weight": -3}}})")
            << u"quote.prior.weight"_s;
    }

    void badConfigNamesTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        CarrierSettings settings;
        QString error;
        QVERIFY(!parseCarrierSettings(json, &settings, &error));
        QVERIFY2(error.startsWith(field), qPrintable(error));
    }

    void goodConfig()
    {
        const QByteArray json =
            "{\"carriers\":[{\"id\":\"fedex\",\"type\":\"fedex\", "
            "\"base_url\":\"https://apis.fedex.com\",\"account_number\":\"740561073\", "
            "\"credentials\":{\"client_id_env\":\"FX_ID\",\"client_secret_env\":\"FX_SECRET\"}}], "
            "\"quote\":{\"currency\":\"EUR\",\"exchange_rates\":{\"USD\":0.92}, "
            "\"allow_unknown_delivery\":true}}";
        CarrierSettings s;
        QString error;
        const bool ok = parseCarrierSettings(json, &s, &error);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(s.carriers.size(), 1);
        QCOMPARE(toString(s.carriers.first().type), u"fedex"_s);
        QCOMPARE(s.carriers.first().timeoutMs, 3000);
        QCOMPARE(s.quote.currency, u"EUR"_s);
        QCOMPARE(s.quote.exchangeRates.value(u"USD"_s), 0.92);
        QVERIFY(s.quote.allowUnknownDelivery);
    }

    void order()
    {
        const QByteArray good = "{\"order_id\":\"1001\",\"promised_by\":\"2026-12-01\", "
                                "\"from\":{\"postal_code\":\"10001\",\"country\":\"US\"},\"to\":{"
                                "\"postal_code\":\"94105\", "
                                "\"country\":\"us\"},\"parcels\":[{\"weight_g\":1200,\"length_cm\":"
                                "30,\"width_cm\":20, \"height_cm\":10}]}";
        const QByteArray bad =
            "{\"order_id\":\"1\",\"from\":{\"postal_code\":\"1\",\"country\":\"US\"}, "
            "\"to\":{\"postal_code\":\"2\",\"country\":\"US\"},\"parcels\":[{\"weight_g\":-1,"
            "\"length_cm\":1, \"width_cm\":1,\"height_cm\":1}]}";
        ShipmentRequest r;
        QString error;
        const bool ok = parseQuoteOrder(good, &r, &error);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(r.promisedBy, QDate(2026, 12, 1));
        QCOMPARE(r.to.country, u"US"_s);
        QCOMPARE(r.parcels.first().weightGrams, 1200);
        QVERIFY(!parseQuoteOrder(bad, &r, &error));
        QVERIFY2(error.startsWith("parcels[0].weight_g"_L1), qPrintable(error));
        // A whole number past what a double holds exactly (and past qint64) is not an id.
        for (const char *id : {"1e300", "9007199254740994", "-1"}) {
            QByteArray huge = good;
            huge.replace("\"1001\"", id);
            QVERIFY2(!parseQuoteOrder(huge, &r, &error), id);
            QVERIFY2(error.startsWith("order_id"_L1), qPrintable(error));
        }
    }

    // The console reads credentials with SecretSources: keychain first, then the environment; the
    // CLI (no sources) keeps reading the environment at request time.
    void secretResolution_data()
    {
        QTest::addColumn<QString>("mode"); // "keychain", "env", "cli"
        QTest::addColumn<bool>("namesEnv");
        QTest::addColumn<QString>("envSecret");
        QTest::addColumn<QByteArray>("keychainSecret");
        QTest::addColumn<QByteArray>("expectedSecret");
        QTest::addColumn<QString>("expectedError");

        QTest::newRow("keychain wins")
            << u"keychain"_s << true << u"env-secret"_s << QByteArray("kc-secret")
            << QByteArray("kc-secret") << QString();
        QTest::newRow("env fallback") << u"keychain"_s << true << u"env-secret"_s << QByteArray()
                                      << QByteArray("env-secret") << QString();
        QTest::newRow("keychain, no env field")
            << u"keychain"_s << false << QString() << QByteArray("kc-secret")
            << QByteArray("kc-secret") << QString();
        QTest::newRow("neither, env named")
            << u"keychain"_s << true << QString() << QByteArray() << QByteArray()
            << u"carriers[0].credentials.client_secret_env: environment variable UPS_SECRET is "
               "not set, and the keychain has no carrier/ups/client_secret"_s;
        QTest::newRow("neither, no env field")
            << u"keychain"_s << false << QString() << QByteArray() << QByteArray()
            << u"carriers[0].credentials.client_secret_env: missing, and the keychain has no "
               "carrier/ups/client_secret"_s;
        QTest::newRow("env only, unset")
            << u"env"_s << true << QString() << QByteArray() << QByteArray()
            << u"carriers[0].credentials.client_secret_env: environment variable UPS_SECRET is "
               "not set"_s;
        QTest::newRow("cli: unset is a request-time error")
            << u"cli"_s << true << QString() << QByteArray("kc-secret") << QByteArray()
            << QString();
        QTest::newRow("cli: env field required")
            << u"cli"_s << false << u"env-secret"_s << QByteArray("kc-secret") << QByteArray()
            << u"carriers[0].credentials.client_secret_env: expected the name of an environment "
               "variable"_s;
    }

    void secretResolution()
    {
        QFETCH(QString, mode);
        QFETCH(bool, namesEnv);
        QFETCH(QString, envSecret);
        QFETCH(QByteArray, keychainSecret);
        QFETCH(QByteArray, expectedSecret);
        QFETCH(QString, expectedError);

        QJsonObject credentials {{u"client_id_env"_s, u"UPS_ID"_s}};
        if (namesEnv)
            credentials.insert(u"client_secret_env"_s, u"UPS_SECRET"_s);
        const QJsonObject carrier {{u"id"_s, u"ups"_s},
                                   {u"type"_s, u"ups"_s},
                                   {u"base_url"_s, u"https://onlinetools.ups.com"_s},
                                   {u"credentials"_s, credentials}};
        const QByteArray json =
            QJsonDocument(QJsonObject {{u"carriers"_s, QJsonArray {carrier}}}).toJson();
        SecretSources sources;
        sources.environment.insert(u"UPS_ID"_s, u"env-id"_s);
        if (!envSecret.isEmpty())
            sources.environment.insert(u"UPS_SECRET"_s, envSecret);
        if (mode == "keychain"_L1)
            sources.keychain = [keychainSecret](const QString &key) -> std::optional<QByteArray> {
                if (key == "carrier/ups/client_secret"_L1 && !keychainSecret.isEmpty())
                    return keychainSecret;
                return std::nullopt;
            };
        CarrierSettings settings;
        QString error;
        const bool ok = mode == "cli"_L1 ? parseCarrierSettings(json, &settings, &error)
                                         : parseCarrierSettings(json, sources, &settings, &error);
        if (!expectedError.isEmpty()) {
            QVERIFY(!ok);
            QCOMPARE(error, expectedError);
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        const CarrierConfig &c = settings.carriers.first();
        QCOMPARE(c.secrets.value(u"client_secret"_s), expectedSecret);
        if (mode == "cli"_L1) {
            QVERIFY(c.secrets.isEmpty()); // read from UPS_SECRET when a quote is asked for
            QCOMPARE(c.clientSecretEnv, u"UPS_SECRET"_s);
        } else {
            QCOMPARE(c.secrets.value(u"client_id"_s), QByteArray("env-id"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCarrierParsing)
#include "tst_carrierparsing.moc"
