// The simulated Amazon SP-API over loopback HTTP: the LWA token exchange and listing patches,
// the rate limit, and the orders API.
#include "simfixture.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestAmazonSim : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void amazonTokenAndPatch();
    void amazonRateLimit();
    void amazonOrders();
};

void TestAmazonSim::amazonTokenAndPatch()
{
    const Reply badGrant = call("POST", u"/amz/auth/o2/token"_s,
                                "grant_type=refresh_token&refresh_token=wrong&client_id=amzn1."
                                "application-oa2-client.x&client_secret=lwa-secret",
                                {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(badGrant.status, 400);
    QCOMPARE(badGrant.json.value("error"_L1).toString(), u"invalid_grant"_s);
    const QString token = amazonToken();
    QVERIFY(token.startsWith("Atza|"_L1));

    const QString path =
        u"/amz/listings/2021-08-01/items/A2SELLER/%1?marketplaceIds=ATVPDKIKX0DER"_s;
    auto patch = [&](const QString &sku, const QJsonValue &value, const QString &accessToken) {
        const QJsonObject body {
            {u"productType"_s, u"PRODUCT"_s},
            {u"patches"_s,
             QJsonArray {QJsonObject {{u"op"_s, u"replace"_s},
                                      {u"path"_s, u"/attributes/fulfillment_availability"_s},
                                      {u"value"_s, value}}}}};
        return call("PATCH", path.arg(sku), QJsonDocument(body).toJson(),
                    {{"x-amz-access-token", accessToken.toUtf8()}});
    };
    const QJsonArray eleven {
        QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s}, {u"quantity"_s, 11}}};
    const Reply accepted = patch(u"B-1"_s, eleven, token);
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.json.value("status"_L1).toString(), u"ACCEPTED"_s);
    QCOMPARE(accepted.json.value("sku"_L1).toString(), u"B-1"_s);
    QCOMPARE(accepted.header("x-amzn-RateLimit-Limit"), "5.0"_ba);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"B-1"_s)->quantity, qint64(11));

    const QJsonArray negative {
        QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s}, {u"quantity"_s, -3}}};
    const Reply invalid = patch(u"B-1"_s, negative, token);
    QCOMPARE(invalid.status, 200);
    QCOMPARE(invalid.json.value("status"_L1).toString(), u"INVALID"_s);
    QCOMPARE(invalid.json.value("issues"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("severity"_L1)
                 .toString(),
             u"ERROR"_s);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"B-1"_s)->quantity, qint64(11));

    const Reply forbidden = patch(u"B-1"_s, eleven, u"Atza|forged"_s);
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(
        forbidden.json.value("errors"_L1).toArray().first().toObject().value("code"_L1).toString(),
        u"Unauthorized"_s);
    QCOMPARE(patch(u"NOPE"_s, eleven, token).status, 404);

    m_clock->advance(3600 * 1000); // the token expires after expires_in
    QCOMPARE(patch(u"B-1"_s, eleven, token).status, 403);
}

void TestAmazonSim::amazonRateLimit()
{
    const QString token = amazonToken();
    const QString path =
        u"/amz/listings/2021-08-01/items/A2SELLER/B-1?marketplaceIds=ATVPDKIKX0DER"_s;
    auto patch = [&](qint64 value) {
        const QJsonObject body {
            {u"productType"_s, u"PRODUCT"_s},
            {u"patches"_s,
             QJsonArray {QJsonObject {
                 {u"op"_s, u"replace"_s},
                 {u"path"_s, u"/attributes/fulfillment_availability"_s},
                 {u"value"_s,
                  QJsonArray {QJsonObject {{u"fulfillment_channel_code"_s, u"DEFAULT"_s},
                                           {u"quantity"_s, value}}}}}}}};
        return call("PATCH", path, QJsonDocument(body).toJson(),
                    {{"x-amz-access-token", token.toUtf8()}});
    };
    for (int i = 0; i < 5; ++i)
        QCOMPARE(patch(20 + i).status, 200); // burst 5
    const Reply limited = patch(1);
    QCOMPARE(limited.status, 429);
    QCOMPARE(
        limited.json.value("errors"_L1).toArray().first().toObject().value("code"_L1).toString(),
        u"QuotaExceeded"_s);
    QCOMPARE(limited.header("x-amzn-RateLimit-Limit"), "5.0"_ba);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"B-1"_s)->quantity, qint64(24));
    m_clock->advance(200); // one token at 5/s
    QCOMPARE(patch(1).status, 200);
    QCOMPARE(patch(2).status, 429);
}

void TestAmazonSim::amazonOrders()
{
    const QString token = amazonToken();
    const QString since =
        QDateTime::fromMSecsSinceEpoch(m_clock->nowMs() - 60000, Qt::UTC).toString(Qt::ISODate);
    QCOMPARE(
        sim("POST", u"amz"_s, u"orders"_s,
            {{u"order_id"_s, u"113-1234567-1234567"_s},
             {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"B-1"_s}, {u"quantity"_s, 3}}}}})
            .status,
        201);
    const QList<std::pair<QByteArray, QByteArray>> auth {{"x-amz-access-token", token.toUtf8()}};
    QCOMPARE(call("GET", u"/amz/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER"_s, {}, auth).status,
             400);
    const Reply orders =
        call("GET",
             u"/amz/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter="_s +
                 QString::fromLatin1(QUrl::toPercentEncoding(since)),
             {}, auth);
    QCOMPARE(orders.status, 200);
    const QJsonArray list = orders.json.value("payload"_L1).toObject().value("Orders"_L1).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value("AmazonOrderId"_L1).toString(),
             u"113-1234567-1234567"_s);
    QCOMPARE(list.first().toObject().value("OrderStatus"_L1).toString(), u"Unshipped"_s);

    const Reply items =
        call("GET", u"/amz/orders/v0/orders/113-1234567-1234567/orderItems"_s, {}, auth);
    QCOMPARE(items.status, 200);
    const QJsonObject item = items.json.value("payload"_L1)
                                 .toObject()
                                 .value("OrderItems"_L1)
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(item.value("SellerSKU"_L1).toString(), u"B-1"_s);
    QCOMPARE(item.value("QuantityOrdered"_L1).toInt(), 3);
    QCOMPARE(m_sim->channel(u"amz"_s)->listing(u"B-1"_s)->quantity, qint64(27));

    // Paging: two more orders, two per page; the token alone fetches the rest.
    for (const QString &id : {u"113-0000000-0000002"_s, u"113-0000000-0000003"_s}) {
        m_clock->advance(1000);
        QCOMPARE(
            sim("POST", u"amz"_s, u"orders"_s,
                {{u"order_id"_s, id},
                 {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"B-1"_s}, {u"quantity"_s, 1}}}}})
                .status,
            201);
    }
    const Reply first =
        call("GET",
             u"/amz/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&MaxResultsPerPage=2"
             u"&LastUpdatedAfter="_s +
                 QString::fromLatin1(QUrl::toPercentEncoding(since)),
             {}, auth);
    const QJsonObject firstPage = first.json.value("payload"_L1).toObject();
    QCOMPARE(firstPage.value("Orders"_L1).toArray().size(), 2);
    const QString nextToken = firstPage.value("NextToken"_L1).toString();
    QVERIFY(!nextToken.isEmpty());
    const Reply second = call("GET",
                              u"/amz/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&NextToken="_s +
                                  QString::fromLatin1(QUrl::toPercentEncoding(nextToken)),
                              {}, auth);
    const QJsonObject secondPage = second.json.value("payload"_L1).toObject();
    QCOMPARE(secondPage.value("Orders"_L1).toArray().size(), 1);
    QCOMPARE(secondPage.value("Orders"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("AmazonOrderId"_L1)
                 .toString(),
             u"113-0000000-0000003"_s);
    QVERIFY(!secondPage.contains("NextToken"_L1));
}

QTEST_GUILESS_MAIN(TestAmazonSim)
#include "tst_amazonsim.moc"
