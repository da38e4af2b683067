// What every simulated channel shares (SimChannel), driven over loopback HTTP: the injected
// faults and latency, the /_sim control endpoints (faults, listings, orders, stats), and
// webhook retries.
#include "simfixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestSimChannel : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void faults_data();
    void faults();
    void faultRetryAfterDate();
    void faultTimeout();
    void faultReset();
    void faultLostResponse();
    void latency();
    void faultsValidation();
    void listingsEndpoint();
    void ordersRejected();
    void webhookRetry();
    void statsRecordWrites();

private:
    // One quantity write in the channel's own API shape, and the listing it targets.
    Reply writeOne(const QString &channel, const QString &amazonToken, qint64 value);
    std::pair<QString, qint64> seeded(const QString &channel) const;
};

void TestSimChannel::faults_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QJsonObject>("faults");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter"); // expected header, empty when none

    const QJsonObject seconds {{u"errors"_s, QJsonObject {{u"429"_s, 1.0}}},
                               {u"retry_after"_s, u"seconds"_s},
                               {u"retry_after_seconds"_s, 2}};
    QTest::newRow("shopify 429 seconds") << u"shop-us"_s << seconds << 429 << "2"_ba;
    QJsonObject decimal = seconds;
    decimal.insert(u"retry_after"_s, u"decimal"_s);
    QTest::newRow("shopify 429 decimal") << u"shop-us"_s << decimal << 429 << "2.0"_ba;
    QTest::newRow("woo 503") << u"woo"_s
                             << QJsonObject {{u"errors"_s, QJsonObject {{u"503"_s, 1.0}}},
                                             {u"retry_after"_s, u"seconds"_s},
                                             {u"retry_after_seconds"_s, 7}}
                             << 503 << "7"_ba;
    QTest::newRow("ebay 500") << u"ebay"_s
                              << QJsonObject {{u"errors"_s, QJsonObject {{u"500"_s, 1.0}}}} << 500
                              << QByteArray();
    QTest::newRow("ebay 429 without Retry-After")
        << u"ebay"_s
        << QJsonObject {{u"errors"_s, QJsonObject {{u"429"_s, 1.0}}}, {u"retry_after"_s, u"none"_s}}
        << 429 << QByteArray();
    QTest::newRow("amazon auth failure is 403")
        << u"amz"_s << QJsonObject {{u"errors"_s, QJsonObject {{u"401"_s, 1.0}}}} << 403
        << QByteArray();
    QTest::newRow("shopify 401") << u"shop-us"_s
                                 << QJsonObject {{u"errors"_s, QJsonObject {{u"401"_s, 1.0}}}}
                                 << 401 << QByteArray();
    QTest::newRow("woo 404") << u"woo"_s
                             << QJsonObject {{u"errors"_s, QJsonObject {{u"404"_s, 1.0}}}} << 404
                             << QByteArray();
}

void TestSimChannel::faults()
{
    QFETCH(QString, channel);
    QFETCH(QJsonObject, faults);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);

    const QString token = channel == "amz"_L1 ? amazonToken() : QString();
    QCOMPARE(sim("POST", channel, u"faults"_s, faults).status, 200);
    // Before the fault mix, the simulator has answered only the token exchange (Amazon).
    const int callsBefore = stats(channel).value("calls"_L1).toInt();
    const Reply reply = writeOne(channel, token, 1);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Retry-After"), retryAfter);
    QVERIFY(!reply.body.isEmpty());
    const auto [remoteId, initial] = seeded(channel);
    QCOMPARE(m_sim->channel(channel)->listing(remoteId)->quantity, initial); // nothing done

    // Clearing the mix restores normal service: the same write now goes through.
    QCOMPARE(sim("POST", channel, u"faults"_s, {{u"errors"_s, QJsonObject()}}).status, 200);
    QCOMPARE(writeOne(channel, token, 1).status, 200);
    QCOMPARE(m_sim->channel(channel)->listing(remoteId)->quantity, qint64(1));
    const QJsonObject after = stats(channel);
    QCOMPARE(after.value("calls"_L1).toInt(), callsBefore + 2);
    int injected = 0;
    const QJsonObject events = after.value("events"_L1).toObject();
    for (auto it = events.begin(); it != events.end(); ++it)
        injected += it.key().startsWith("fault_"_L1) ? it.value().toInt() : 0;
    QCOMPARE(injected, 1);
}

std::pair<QString, qint64> TestSimChannel::seeded(const QString &channel) const
{
    if (channel == "shop-us"_L1)
        return {u"30322695"_s, 12};
    if (channel == "woo"_L1)
        return {u"93"_s, 20};
    if (channel == "ebay"_L1)
        return {u"A-1"_s, 10};
    return {u"B-1"_s, 30};
}

Reply TestSimChannel::writeOne(const QString &channel, const QString &amazonToken, qint64 value)
{
    if (channel == "shop-us"_L1)
        return shopify(setQuantitiesBody(u"w%1"_s.arg(value),
                                         {quantity(u"30322695"_s, value, QJsonValue::Null)}));
    if (channel == "woo"_L1)
        return call("PUT", u"/woo/wp-json/wc/v3/products/93"_s,
                    QJsonDocument(QJsonObject {{u"stock_quantity"_s, value}}).toJson(),
                    {{"Authorization", wooAuth()}});
    if (channel == "ebay"_L1) {
        const QJsonObject item {
            {u"sku"_s, u"A-1"_s},
            {u"shipToLocationAvailability"_s, QJsonObject {{u"quantity"_s, value}}}};
        return call("POST", u"/ebay/sell/inventory/v1/bulk_update_price_quantity"_s,
                    QJsonDocument(QJsonObject {{u"requests"_s, QJsonArray {item}}}).toJson(),
                    {{"Authorization", "Bearer v^1.1#ebay"}});
    }
    const QJsonObject body {
        {u"productType"_s, u"PRODUCT"_s},
        {u"patches"_s,
         QJsonArray {
             QJsonObject {{u"op"_s, u"replace"_s},
                          {u"path"_s, u"/attributes/fulfillment_availability"_s},
                          {u"value"_s,
                           QJsonArray {QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s},
                                                    {u"quantity"_s, value}}}}}}}};
    return call("PATCH",
                u"/amz/listings/2021-08-01/items/A2SELLER/B-1?marketplaceIds=ATVPDKIKX0DER"_s,
                QJsonDocument(body).toJson(), {{"x-amz-access-token", amazonToken.toUtf8()}});
}

void TestSimChannel::faultRetryAfterDate()
{
    m_clock->set(QDateTime(QDate(2026, 10, 21), QTime(7, 28, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(sim("POST", u"woo"_s, u"faults"_s,
                 {{u"errors"_s, QJsonObject {{u"429"_s, 1.0}}},
                  {u"retry_after"_s, u"date"_s},
                  {u"retry_after_seconds"_s, 120}})
                 .status,
             200);
    const Reply reply = call("PUT", u"/woo/wp-json/wc/v3/products/93"_s, R"({"stock_quantity":1})",
                             {{"Authorization", wooAuth()}});
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.header("Retry-After"), "Wed, 21 Oct 2026 07:30:00 GMT"_ba);
    const QDateTime parsed = QLocale::c().toDateTime(
        QString::fromLatin1(reply.header("Retry-After")), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
    QCOMPARE(QDateTime(parsed.date(), parsed.time(), Qt::UTC).toMSecsSinceEpoch(),
             m_clock->nowMs() + 120'000);
    QCOMPARE(reply.json.value("data"_L1).toObject().value("status"_L1).toInt(), 429);
}

void TestSimChannel::faultTimeout()
{
    QCOMPARE(sim("POST", u"ebay"_s, u"faults"_s, {{u"errors"_s, QJsonObject {{u"timeout"_s, 1.0}}}})
                 .status,
             200);
    QElapsedTimer elapsed;
    elapsed.start();
    const Reply reply = call("GET", u"/ebay/sell/inventory/v1/inventory_item/A-1"_s, {},
                             {{"Authorization", "Bearer v^1.1#ebay"}}, 300);
    QCOMPARE(reply.status, -1); // never answered: the client gave up
    QVERIFY2(reply.error == QNetworkReply::OperationCanceledError ||
                 reply.error == QNetworkReply::TimeoutError,
             qPrintable(QString::number(reply.error)));
    QVERIFY(elapsed.elapsed() >= 250);
    QCOMPARE(stats(u"ebay"_s).value("events"_L1).toObject().value("fault_timeout"_L1).toInt(), 1);
}

void TestSimChannel::faultReset()
{
    QCOMPARE(
        sim("POST", u"woo"_s, u"faults"_s, {{u"errors"_s, QJsonObject {{u"reset"_s, 1.0}}}}).status,
        200);
    const Reply reply = call("PUT", u"/woo/wp-json/wc/v3/products/93"_s, R"({"stock_quantity":1})",
                             {{"Authorization", wooAuth()}});
    QCOMPARE(reply.status, -1);
    QVERIFY2(reply.error == QNetworkReply::RemoteHostClosedError ||
                 reply.error == QNetworkReply::UnknownNetworkError,
             qPrintable(QString::number(reply.error)));
    QCOMPARE(m_sim->channel(u"woo"_s)->listing(u"93"_s)->quantity, qint64(20));
    QVERIFY(stats(u"woo"_s).value("events"_L1).toObject().value("fault_reset"_L1).toInt() >= 1);
}

void TestSimChannel::faultLostResponse()
{
    QCOMPARE(sim("POST", u"shop-us"_s, u"faults"_s,
                 {{u"errors"_s, QJsonObject {{u"lost_response"_s, 1.0}}}})
                 .status,
             200);
    const QByteArray push = setQuantitiesBody(u"lost-1"_s, {quantity(u"30322695"_s, 3, 12)});
    QCOMPARE(shopify(push, kShopToken, 300).status, -1); // the client gives up
    QCOMPARE(m_sim->channel(u"shop-us"_s)->listing(u"30322695"_s)->quantity, qint64(3));
    // The client retries with the same key once the channel answers again: replayed, not redone.
    QCOMPARE(sim("POST", u"shop-us"_s, u"faults"_s, {{u"errors"_s, QJsonObject()}}).status, 200);
    const Reply retried = shopify(push);
    QVERIFY(userErrorsOf(retried).value("userErrors"_L1).toArray().isEmpty());
    QCOMPARE(
        stats(u"shop-us"_s).value("events"_L1).toObject().value("idempotent_replays"_L1).toInt(),
        1);
}

void TestSimChannel::latency()
{
    QCOMPARE(sim("POST", u"woo"_s, u"faults"_s, {{u"latency_ms"_s, 200}}).status, 200);
    QElapsedTimer elapsed;
    elapsed.start();
    const Reply reply =
        call("GET", u"/woo/wp-json/wc/v3/products/93"_s, {}, {{"Authorization", wooAuth()}});
    QCOMPARE(reply.status, 200);
    QVERIFY2(elapsed.elapsed() >= 190, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(sim("GET", u"woo"_s, u"faults"_s).json.value("latency_ms"_L1).toInt(), 200);
}

void TestSimChannel::faultsValidation()
{
    const QList<QJsonObject> bad {{{u"errors"_s, QJsonObject {{u"429"_s, 1.5}}}},
                                  {{u"errors"_s, QJsonObject {{u"429"_s, 0.6}, {u"500"_s, 0.6}}}},
                                  {{u"errors"_s, QJsonObject {{u"418"_s, 0.1}}}},
                                  {{u"retry_after"_s, u"tomorrow"_s}},
                                  {{u"latency_ms"_s, -1}},
                                  {{u"rate_limit"_s, QJsonObject {{u"throttled_status"_s, 500}}}},
                                  {{u"surprise"_s, 1}}};
    for (const QJsonObject &faults : bad) {
        const Reply reply = sim("POST", u"shop-us"_s, u"faults"_s, faults);
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.json.value("error"_L1).toString().isEmpty());
    }
    QCOMPARE(sim("GET", u"shop-us"_s, u"faults"_s)
                 .json.value("errors"_L1)
                 .toObject()
                 .value("429"_L1)
                 .toDouble(),
             0.0);
    QCOMPARE(sim("GET", u"nope"_s, u"faults"_s).status, 404);
}

void TestSimChannel::listingsEndpoint()
{
    Reply reply = sim("GET", u"woo"_s, u"listings"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value("93"_L1).toObject().value("quantity"_L1).toInt(), 20);
    QCOMPARE(reply.json.value("93"_L1).toObject().value("status"_L1).toString(), u"active"_s);
    QCOMPARE(reply.json.value("95"_L1).toObject().value("status"_L1).toString(), u"paused"_s);

    reply = sim("POST", u"woo"_s, u"listings"_s,
                {{u"93"_s, 0}, {u"96"_s, QJsonObject {{u"quantity"_s, 2}, {u"sku"_s, u"NEW"_s}}}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value("93"_L1).toObject().value("status"_L1).toString(), u"paused"_s);
    QCOMPARE(reply.json.value("96"_L1).toObject().value("quantity"_L1).toInt(), 2);
    // The seeded product is a real product of the simulated API now.
    QCOMPARE(call("GET", u"/woo/wp-json/wc/v3/products/96"_s, {}, {{"Authorization", wooAuth()}})
                 .json.value("sku"_L1)
                 .toString(),
             u"NEW"_s);

    QCOMPARE(sim("POST", u"woo"_s, u"listings"_s, {{u"97"_s, u"lots"_s}}).status, 400);
    QVERIFY(!sim("GET", u"woo"_s, u"listings"_s).json.contains("97"_L1));
}

void TestSimChannel::ordersRejected()
{
    auto order = [&](const QString &id, const QJsonObject &line) {
        return sim("POST", u"ebay"_s, u"orders"_s,
                   {{u"order_id"_s, id}, {u"lines"_s, QJsonArray {line}}});
    };
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"A-2"_s}, {u"quantity"_s, 4}}).status, 409); // 3 left
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"NOPE"_s}, {u"quantity"_s, 1}}).status, 404);
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"A-2"_s}, {u"quantity"_s, 0}}).status, 400);
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"A-2"_s}, {u"quantity"_s, 3}}).status, 201);
    QCOMPARE(order(u"o-1"_s, {{u"sku"_s, u"A-1"_s}, {u"quantity"_s, 1}}).status, 409); // repeat id
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-2"_s)->quantity, qint64(0));
    QCOMPARE(sim("GET", u"ebay"_s, u"listings"_s)
                 .json.value("A-2"_L1)
                 .toObject()
                 .value("status"_L1)
                 .toString(),
             u"paused"_s);
}

void TestSimChannel::webhookRetry()
{
    m_receiverStatuses = {500, 503};
    QSignalSpy attempts(m_sim->channel(u"shop-us"_s), &SimChannel::webhookDelivered);
    QCOMPARE(
        sim("POST", u"shop-us"_s, u"orders"_s,
            {{u"order_id"_s, u"7"_s},
             {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"MUG-RED"_s}, {u"quantity"_s, 1}}}}})
            .status,
        201);
    QTRY_COMPARE(attempts.size(), 3);
    QCOMPARE(attempts.at(0).at(2).toInt(), 500);
    QCOMPARE(attempts.at(1).at(2).toInt(), 503);
    QCOMPARE(attempts.at(2).at(3).toBool(), true);
    QCOMPARE(m_received.size(), 3);
    // Retries carry the same webhook id and body.
    QCOMPARE(m_received.at(2).headers.value("x-shopify-webhook-id"),
             m_received.at(0).headers.value("x-shopify-webhook-id"));
    QCOMPARE(m_received.at(2).body, m_received.at(0).body);
    const QJsonObject events = stats(u"shop-us"_s).value("events"_L1).toObject();
    QCOMPARE(events.value("webhook_attempts"_L1).toInt(), 3);
    QCOMPARE(events.value("webhook_delivered"_L1).toInt(), 1);
}

void TestSimChannel::statsRecordWrites()
{
    QCOMPARE(shopify(setQuantitiesBody(u"v1"_s, {quantity(u"30322695"_s, 10, 12)})).status, 200);
    m_clock->advance(10);
    QCOMPARE(shopify(setQuantitiesBody(u"v2"_s, {quantity(u"30322695"_s, 9, 99)})).status, 200);
    m_clock->advance(10);
    QCOMPARE(shopify(setQuantitiesBody(u"v3"_s, {quantity(u"30322695"_s, 8, 10)})).status, 200);

    const QJsonObject all = stats(u"shop-us"_s);
    QCOMPARE(all.value("calls"_L1).toInt(), 3);
    QCOMPARE(all.value("write_count"_L1).toInt(), 3);
    const QJsonArray writes = all.value("writes"_L1).toObject().value("30322695"_L1).toArray();
    QCOMPARE(writes.size(), 3);
    QCOMPARE(writes.at(0).toObject().value("key"_L1).toString(), u"v1"_s);
    QCOMPARE(writes.at(0).toObject().value("applied"_L1).toBool(), true);
    QCOMPARE(writes.at(1).toObject().value("error"_L1).toString(), u"CHANGE_FROM_QUANTITY_STALE"_s);
    QCOMPARE(writes.at(2).toObject().value("quantity"_L1).toInt(), 8);
    QCOMPARE(writes.at(2).toObject().value("previous"_L1).toInt(), 10);
    QCOMPARE(writes.at(2).toObject().value("at_ms"_L1).toInteger() -
                 writes.at(0).toObject().value("at_ms"_L1).toInteger(),
             20);

    QCOMPARE(sim("DELETE", u"shop-us"_s, u"stats"_s).status, 200);
    QCOMPARE(stats(u"shop-us"_s).value("calls"_L1).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSimChannel)
#include "tst_simchannel.moc"
