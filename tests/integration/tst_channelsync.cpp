// The sync core end to end over loopback HTTP: CoreRuntime (webhooks in, polling, propagation)
// against the simulated Shopify, WooCommerce, eBay and Amazon in their real wire formats (the
// channels failing: tst_channelsyncfaults).
#include "channelsynctest.h"

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestChannelSync : public ChannelSyncTest
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void firstStartSetsEveryChannel();
    void burstOnOneSkuIsCoalesced();
    void webhooksAreAppliedOnceAndVerified();
    void cancelGivesStockBackOnceOnEveryChannel();
    void pauseAtZeroReachesEveryChannelAndRestockResumes();
};

void TestChannelSync::firstStartSetsEveryChannel()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    QCOMPARE(simQuantity(u"shop"_s, 0), 1000);
    QCOMPARE(simQuantity(u"amz"_s, kSkus - 1), 1000);
}

void TestChannelSync::burstOnOneSkuIsCoalesced()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    // Clear the recorded writes, then 1,000 orders on one SKU from a point of sale.
    QNetworkRequest clear(QUrl(u"http://127.0.0.1:%1/_sim/shop/stats"_s.arg(m_simPort)));
    QNetworkReply *reply = m_network->deleteResource(clear);
    QSignalSpy cleared(reply, &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || cleared.wait(5000));
    reply->deleteLater();

    for (int batch = 0; batch < 10; ++batch) {
        QList<OrderEvent> orders;
        for (int i = 0; i < 100; ++i)
            orders.append({u"pos"_s, QString::number(batch * 100 + i), {{skuName(3), 1}}, 0});
        m_runtime->engine()->applyBatch(orders);
        // Each batch reaches the shop before the next one is sold, so that the writes below are
        // several, in the order the stock fell (paused at 0 after the last batch).
        const qint64 left = 1000 - (batch + 1) * 100;
        QTRY_COMPARE_WITH_TIMEOUT(simQuantity(u"shop"_s, 3), left, 10'000);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    QCOMPARE(simQuantity(u"shop"_s, 3), 0); // 1000 - 1000, paused
    const QJsonObject stats = simGet(u"/_sim/shop/stats"_s);
    const QJsonArray writes =
        stats.value(u"writes"_s).toObject().value(remoteId(u"shop"_s, 3)).toArray();
    // One write per batch at least (one for every order would be 1,000).
    QVERIFY2(writes.size() >= 10, QJsonDocument(stats).toJson().constData());
    QVERIFY2(writes.size() < 100, qPrintable(u"%1 writes for 1,000 orders"_s.arg(writes.size())));
    // Stock only fell, so a write of a higher quantity than an earlier one would be an older
    // version sent after a newer one.
    qint64 last = std::numeric_limits<qint64>::max();
    for (const QJsonValue &w : writes) {
        if (!w.toObject().value(u"applied"_s).toBool())
            continue;
        const qint64 q = w.toObject().value(u"quantity"_s).toInteger();
        QVERIFY2(q <= last, "an older quantity was written after a newer one");
        last = q;
    }
}

void TestChannelSync::webhooksAreAppliedOnceAndVerified()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    // Each webhook channel delivers its order three times: applied once.
    for (const QString &channel : {u"shop"_s, u"woo"_s}) {
        QJsonObject answer;
        QCOMPARE(
            simPost(u"/_sim/%1/orders"_s.arg(channel),
                    QJsonObject {{u"order_id"_s, u"4242"_s},
                                 {u"deliveries"_s, 3},
                                 {u"lines"_s,
                                  QJsonArray {QJsonObject {{u"remote_id"_s, remoteId(channel, 1)},
                                                           {u"quantity"_s, 2}}}}},
                    &answer),
            201);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->orderCounters().applied, qint64(2), 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->orderCounters().duplicate, qint64(4), 10'000);
    QCOMPARE((*InventoryStore(*m_runtime->database()).stock(skuName(1)))->available, 996);

    // A bad signature is refused and changes nothing; so is an oversized body. A signed but
    // malformed one is kept (200: the channel has delivered) and recorded invalid, with its
    // reason, changing nothing.
    const QByteArray body = R"({"id": 777, "line_items": [{"sku": "SKU-2", "quantity": 1}]})";
    const QByteArray good =
        QMessageAuthenticationCode::hash(body, "hook-secret", QCryptographicHash::Sha256)
            .toBase64();
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, body,
                         {{"X-Shopify-Topic", "orders/create"}, {"X-Shopify-Hmac-Sha256", "AAAA"}}),
             401);
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, body, {{"X-Shopify-Topic", "orders/create"}}), 401);
    const QByteArray malformed = "{not json";
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, malformed,
                         {{"X-Shopify-Topic", "orders/create"},
                          {"X-Shopify-Hmac-Sha256",
                           QMessageAuthenticationCode::hash(malformed, "hook-secret",
                                                            QCryptographicHash::Sha256)
                               .toBase64()}}),
             200);
    const auto invalidDeliveries = [this] {
        InboxStore::Filter filter;
        filter.channel = u"shop"_s;
        filter.status = DeliveryStatus::Invalid;
        const auto listed = m_runtime->intake()->inbox().list(filter);
        return listed ? listed->size() : qsizetype(-1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(invalidDeliveries(), qsizetype(1), 10'000);
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, QByteArray(1'100'000, 'x'),
                         {{"X-Shopify-Hmac-Sha256", good}}),
             413);
    QCOMPARE(runtimePost(u"/webhooks/woo"_s, "webhook_id=12", {}), 200); // the save-time ping
    QCOMPARE((*InventoryStore(*m_runtime->database()).stock(skuName(2)))->available, 1000);
    QCOMPARE(runtimePost(u"/webhooks/shop"_s, body,
                         {{"X-Shopify-Topic", "orders/create"}, {"X-Shopify-Hmac-Sha256", good}}),
             200);
    // Answered once kept; applied by the order path right after.
    QTRY_COMPARE_WITH_TIMEOUT(
        (*InventoryStore(*m_runtime->database()).stock(skuName(2)))->available, 999, 10'000);
}

void TestChannelSync::cancelGivesStockBackOnceOnEveryChannel()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    auto level = [this](int sku) {
        return **InventoryStore(*m_runtime->database()).stock(skuName(sku));
    };
    auto place = [this](const QString &channel, const QString &orderId, int sku) {
        QJsonObject answer;
        const int status =
            simPost(u"/_sim/%1/orders"_s.arg(channel),
                    QJsonObject {{u"order_id"_s, orderId},
                                 {u"deliveries"_s, 2},
                                 {u"lines"_s,
                                  QJsonArray {QJsonObject {{u"remote_id"_s, remoteId(channel, sku)},
                                                           {u"quantity"_s, 2}}}}},
                    &answer);
        return status == 201 ? answer.value(u"order_id"_s).toString() : QString();
    };
    // Two units of SKU-4 sold on each channel.
    QHash<QString, QString> placed;
    for (const QString &channel : kChannels) {
        placed.insert(channel, place(channel, QString::number(61'000 + placed.size()), 4));
        QVERIFY(!placed.value(channel).isEmpty());
    }
    QTRY_COMPARE_WITH_TIMEOUT(level(4).available, 1000 - 8, 20'000);
    QCOMPARE(level(4).committed, 8);
    // Each channel cancels its order, its own way: Shopify's orders/cancelled (with the refund
    // that restocked it) and WooCommerce's order.updated to cancelled, each delivered three
    // times; eBay's cancelStatus and Amazon's Canceled, seen by every later poll.
    for (const QString &channel : kChannels) {
        QCOMPARE(
            simPost(u"/_sim/%1/cancel"_s.arg(channel),
                    QJsonObject {{u"order_id"_s, placed.value(channel)}, {u"deliveries"_s, 3}}),
            200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(level(4).available, 1000, 20'000);
    QCOMPARE(level(4).committed, 0);
    // Later orders on every channel, applied after the cancels were seen again (redelivered,
    // polled again): SKU-4 has not moved, and every channel shows it.
    const qint64 applied = m_runtime->orderCounters().applied;
    for (const QString &channel : kChannels)
        QVERIFY(!place(channel, QString::number(62'000 + kChannels.indexOf(channel)), 6).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->orderCounters().applied, applied + 4, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(level(6).available, 1000 - 8, 20'000);
    QCOMPARE(level(4).available, 1000);
    QCOMPARE(level(4).committed, 0);
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
}

void TestChannelSync::pauseAtZeroReachesEveryChannelAndRestockResumes()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    QCOMPARE(m_runtime->engine()->apply({u"pos"_s, u"big"_s, {{skuName(5), 1000}}, 0}).outcome,
             ApplyOutcome::Applied);
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    for (const QString &channel : kChannels) {
        const QJsonObject l =
            simGet(u"/_sim/%1/listings"_s.arg(channel)).value(remoteId(channel, 5)).toObject();
        QCOMPARE(l.value(u"status"_s).toString(), u"paused"_s);
    }
    QVERIFY(m_runtime->engine()->adjust(skuName(5), 25, u"test"_s, u"restock"_s).ok());
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    for (const QString &channel : kChannels) {
        const QJsonObject l =
            simGet(u"/_sim/%1/listings"_s.arg(channel)).value(remoteId(channel, 5)).toObject();
        QCOMPARE(l.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(l.value(u"quantity"_s).toInteger(), 25);
    }
}

QTEST_GUILESS_MAIN(TestChannelSync)
#include "tst_channelsync.moc"
