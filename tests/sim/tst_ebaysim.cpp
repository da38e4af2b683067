// The simulated eBay Inventory and Fulfillment APIs over loopback HTTP: bulk quantity updates,
// the daily revision limit, and the order feed.
#include "simfixture.h"

#include <QDateTime>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestEbaySim : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void ebayBulkUpdate();
    void ebayRevisionLimit();
    void ebayOrders();
};

void TestEbaySim::ebayBulkUpdate()
{
    const QString path = u"/ebay/sell/inventory/v1/bulk_update_price_quantity"_s;
    const QList<std::pair<QByteArray, QByteArray>> auth {{"Authorization", "Bearer v^1.1#ebay"}};
    auto request = [](const QString &sku, qint64 value) {
        return QJsonObject {
            {u"sku"_s, sku},
            {u"shipToLocationAvailability"_s, QJsonObject {{u"quantity"_s, value}}}};
    };
    auto body = [](const QJsonArray &requests) {
        return QJsonDocument(QJsonObject {{u"requests"_s, requests}}).toJson();
    };

    const Reply ok = call("POST", path, body({request(u"A-1"_s, 9), request(u"A-2"_s, 2)}), auth);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json.value("responses"_L1).toArray().size(), 2);
    QCOMPARE(
        ok.json.value("responses"_L1).toArray().at(0).toObject().value("statusCode"_L1).toInt(),
        200);

    const Reply mixed =
        call("POST", path, body({request(u"A-1"_s, 8), request(u"NOPE"_s, 1)}), auth);
    QCOMPARE(mixed.status, 207);
    const QJsonObject failed = mixed.json.value("responses"_L1).toArray().at(1).toObject();
    QCOMPARE(failed.value("sku"_L1).toString(), u"NOPE"_s);
    QCOMPARE(failed.value("statusCode"_L1).toInt(), 404);
    QVERIFY(!failed.value("errors"_L1).toArray().isEmpty());
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-1"_s)->quantity, qint64(8));

    QJsonArray tooMany;
    for (int i = 0; i < 26; ++i)
        tooMany.append(request(u"A-1"_s, i));
    QCOMPARE(call("POST", path, body(tooMany), auth).status, 400);

    const Reply unauthorized =
        call("POST", path, body({request(u"A-1"_s, 1)}), {{"Authorization", "Bearer expired"}});
    QCOMPARE(unauthorized.status, 401);
    QCOMPARE(unauthorized.json.value("errors"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("errorId"_L1)
                 .toInt(),
             1001);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-1"_s)->quantity, qint64(8));
}

void TestEbaySim::ebayRevisionLimit()
{
    // Configured limit: 2 revisions per listing per calendar day (eBay's is 250).
    const QString path = u"/ebay/sell/inventory/v1/bulk_update_price_quantity"_s;
    auto revise = [&](qint64 value) {
        const QJsonObject item {
            {u"sku"_s, u"A-2"_s},
            {u"shipToLocationAvailability"_s, QJsonObject {{u"quantity"_s, value}}}};
        return call("POST", path,
                    QJsonDocument(QJsonObject {{u"requests"_s, QJsonArray {item}}}).toJson(),
                    {{"Authorization", "Bearer v^1.1#ebay"}});
    };
    m_clock->set(QDateTime(QDate(2026, 3, 1), QTime(22, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(revise(2).status, 200);
    QCOMPARE(revise(1).status, 200);
    const Reply limited = revise(0);
    QCOMPARE(limited.status, 207);
    QCOMPARE(limited.json.value("responses"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("statusCode"_L1)
                 .toInt(),
             400);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-2"_s)->quantity, qint64(1));
    m_clock->advance(3 * 3600 * 1000); // past midnight: a new day, a new allowance
    QCOMPARE(revise(0).status, 200);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-2"_s)->quantity, qint64(0));
}

void TestEbaySim::ebayOrders()
{
    const QString before = QDateTime::fromMSecsSinceEpoch(m_clock->nowMs() - 1000, Qt::UTC)
                               .toString(Qt::ISODateWithMs);
    const Reply placed =
        sim("POST", u"ebay"_s, u"orders"_s,
            {{u"order_id"_s, u"12-34567-89012"_s},
             {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"A-1"_s}, {u"quantity"_s, 2}}}}});
    QCOMPARE(placed.status, 201);
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"A-1"_s)->quantity, qint64(8));
    m_clock->advance(5000);
    const QString after =
        QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC).toString(Qt::ISODateWithMs);
    auto fetch = [&](const QString &from) {
        QUrlQuery query;
        query.addQueryItem(u"filter"_s, u"lastmodifieddate:[%1..]"_s.arg(from));
        return call("GET",
                    u"/ebay/sell/fulfillment/v1/order?"_s + query.toString(QUrl::FullyEncoded), {},
                    {{"Authorization", "Bearer v^1.1#ebay"}});
    };
    const Reply found = fetch(before);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.json.value("total"_L1).toInt(), 1);
    const QJsonObject order = found.json.value("orders"_L1).toArray().first().toObject();
    QCOMPARE(order.value("orderId"_L1).toString(), u"12-34567-89012"_s);
    QVERIFY(!order.value("lastModifiedDate"_L1).toString().isEmpty());
    const QJsonObject line = order.value("lineItems"_L1).toArray().first().toObject();
    QCOMPARE(line.value("sku"_L1).toString(), u"A-1"_s);
    QCOMPARE(line.value("quantity"_L1).toInt(), 2);
    QVERIFY(!line.value("legacyItemId"_L1).toString().isEmpty());
    QCOMPARE(fetch(after).json.value("orders"_L1).toArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestEbaySim)
#include "tst_ebaysim.moc"
