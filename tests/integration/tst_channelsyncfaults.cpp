// The sync core end to end over loopback HTTP while the simulated channels fail: transient
// faults, a permanent refusal dead-lettered and retried, Retry-After honoured.
#include "channelsynctest.h"

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestChannelSyncFaults : public ChannelSyncTest
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void convergesUnderTransientFaults();
    void permanentFailureIsDeadLetteredAndRetrySendsCurrentQuantity();
    void retryAfterIsHonoured_data();
    void retryAfterIsHonoured();
};

void TestChannelSyncFaults::convergesUnderTransientFaults()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    // 20% of every channel API call fails transiently: 429 with Retry-After, 503, or a reset.
    for (const QString &channel : kChannels) {
        setFaults(
            channel,
            QJsonObject {
                {u"errors"_s, QJsonObject {{u"429"_s, 0.08}, {u"503"_s, 0.08}, {u"reset"_s, 0.04}}},
                {u"retry_after"_s, u"decimal"_s},
                {u"retry_after_seconds"_s, 0.2}});
    }
    // 5,000 orders placed on the channels themselves: Shopify and WooCommerce send signed
    // webhooks, eBay and Amazon queue them for their order APIs. Under AddressSanitizer (a Debug
    // build several times slower: CI's sanitizer step) 1,000 take the same paths.
    constexpr int kOrders = Testing::kUnderAsan ? 1000 : 5000;
    // Bounds on "eventually", not speed figures (those are the benchmarks'): on a quiet machine
    // each wait below takes 20-40 s; a shared 2-core machine under a parallel build has needed
    // just over 60 s.
    constexpr int kLiveness = 180'000;
    QRandomGenerator random(2026);
    int placed = 0;
    int outstanding = 0;
    // The orders' answers through the manager's finished(), not a connection per reply (Qt may
    // drop a reply's connections on its HTTP thread: see core/channels/httpexchange.cpp).
    const auto answered =
        connect(m_network.get(), &QNetworkAccessManager::finished, this,
                [&placed, &outstanding](QNetworkReply *reply) {
                    if (!reply->url().path().endsWith(u"/orders"_s) ||
                        reply->operation() != QNetworkAccessManager::PostOperation)
                        return; // the harness's own reads and settings
                    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                        ++placed;
                    --outstanding;
                    reply->deleteLater();
                });
    for (int n = 0; n < kOrders; ++n) {
        const QString channel = kChannels.at(n % 4);
        const int sku = random.bounded(kSkus);
        QNetworkRequest request(
            QUrl(u"http://127.0.0.1:%1/_sim/%2/orders"_s.arg(m_simPort).arg(channel)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QJsonObject order {{u"order_id"_s, QString::number(100'000 + n)},
                                 {u"lines"_s,
                                  QJsonArray {QJsonObject {{u"remote_id"_s, remoteId(channel, sku)},
                                                           {u"quantity"_s, 1}}}}};
        m_network->post(request, QJsonDocument(order).toJson());
        ++outstanding;
        // A few dozen orders at a time, as a busy shop would.
        QTRY_VERIFY_WITH_TIMEOUT(outstanding < 32, 10'000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(placed, kOrders, kLiveness);
    disconnect(answered);

    // Every order reaches the source of truth exactly once...
    auto perChannel = [this] {
        QSqlQuery q(m_runtime->database()->connection());
        q.exec(u"SELECT channel, COUNT(*) FROM orders GROUP BY channel"_s);
        QStringList counts;
        while (q.next())
            counts.append(q.value(0).toString() + u'=' + q.value(1).toString());
        return counts.join(u' ');
    };
    QTRY_VERIFY2_WITH_TIMEOUT(m_runtime->orderCounters().applied == kOrders,
                              qPrintable(perChannel()), kLiveness);
    // ...and once the faults stop, every channel converges on it.
    for (const QString &channel : kChannels)
        setFaults(channel, QJsonObject {{u"errors"_s, QJsonObject {}}});
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), kLiveness);

    qint64 onHand = 0;
    const auto levels = InventoryStore(*m_runtime->database()).allStock();
    QVERIFY2(levels, qPrintable(levels.error()));
    for (const StockLevel &s : *levels)
        onHand += s.available;
    QCOMPARE(onHand, qint64(kSkus) * 1000 - kOrders);
    QCOMPARE(m_runtime->orderCounters().duplicate >= 0, true);
    // Faults happened and were retried rather than dropped.
    qint64 failures = 0;
    for (const QString &channel : kChannels)
        failures += m_runtime->lagMonitor()->totals(channel).failures +
            m_runtime->lagMonitor()->totals(channel).throttled +
            m_runtime->lagMonitor()->totals(channel).unanswered;
    QVERIFY(failures > 0);
}

void TestChannelSyncFaults::permanentFailureIsDeadLetteredAndRetrySendsCurrentQuantity()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    setFaults(u"woo"_s, QJsonObject {{u"errors"_s, QJsonObject {{u"404"_s, 1.0}}}});
    QVERIFY(m_runtime->engine()->adjust(skuName(7), -100, u"test"_s, u"damaged"_s).ok());
    PropagationStore listings(*m_runtime->database());
    DeadLetterQueue queue(*m_runtime->database());
    auto woo7 = [&] { return listings.listings(u"woo"_s, skuName(7))->constFirst(); };
    QTRY_COMPARE_WITH_TIMEOUT(woo7().state, ListingState::State::Dead, 10'000);
    QList<DeadLetter> dead = queue.deadLetters({u"woo"_s, {}}).valueOr({});
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.first().attempts, 1); // permanent: no retries
    QVERIFY2(dead.first().lastError.contains(u"rest_no_route"_s),
             qPrintable(dead.first().lastError)); // the channel's own words are kept
    // The other channels were not held up by the broken one.
    QCOMPARE(simQuantity(u"shop"_s, 7), 900);

    // Stock moves on (the newer version is refused too); the merchant retries by hand.
    QVERIFY(m_runtime->engine()->adjust(skuName(7), -50, u"test"_s, u"damaged"_s).ok());
    QTRY_VERIFY_WITH_TIMEOUT(woo7().state == ListingState::State::Dead &&
                                 queue.deadLetters({u"woo"_s, {}})->first().attempts == 1 &&
                                 queue.deadLetters({u"woo"_s, {}})->first().version >
                                     dead.first().version,
                             10'000);
    setFaults(u"woo"_s, QJsonObject {{u"errors"_s, QJsonObject {}}});
    QCOMPARE(
        queue.retry({u"woo"_s, {}}, u"test"_s, QDateTime::currentMSecsSinceEpoch()).valueOr(-1), 1);
    for (Propagator *p : m_runtime->propagators())
        p->wake();
    QTRY_COMPARE_WITH_TIMEOUT(simQuantity(u"woo"_s, 7), 850, 10'000); // the current quantity
    QTRY_COMPARE_WITH_TIMEOUT(woo7().state, ListingState::State::InSync, 10'000);
    const auto left = queue.deadLetters({u"woo"_s, {}});
    QVERIFY(left);
    QVERIFY(left->isEmpty());
}

void TestChannelSyncFaults::retryAfterIsHonoured_data()
{
    QTest::addColumn<QString>("form");
    QTest::newRow("delay-seconds") << u"seconds"_s;
    QTest::newRow("HTTP-date") << u"date"_s;
}

void TestChannelSyncFaults::retryAfterIsHonoured()
{
    QFETCH(QString, form);
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
    setFaults(u"ebay"_s,
              QJsonObject {{u"errors"_s, QJsonObject {{u"429"_s, 1.0}}},
                           {u"retry_after"_s, form},
                           {u"retry_after_seconds"_s, 3}});
    QVERIFY(m_runtime->engine()->adjust(skuName(8), -1, u"test"_s, u"count"_s).ok());
    PropagationStore listings(*m_runtime->database());
    auto ebay8 = [&] { return listings.listings(u"ebay"_s, skuName(8))->constFirst(); };
    QTRY_COMPARE_WITH_TIMEOUT(ebay8().state, ListingState::State::Retrying, 10'000);
    const qint64 wait = ebay8().nextAttemptAtMs - QDateTime::currentMSecsSinceEpoch();
    // Three seconds asked (an HTTP-date has whole seconds, so at least two remain).
    QVERIFY2(wait >= 1'500, qPrintable(u"retries in %1 ms"_s.arg(wait)));
    setFaults(u"ebay"_s, QJsonObject {{u"errors"_s, QJsonObject {}}});
    QTRY_VERIFY2_WITH_TIMEOUT(converged(&why), qPrintable(why), 20'000);
}

QTEST_GUILESS_MAIN(TestChannelSyncFaults)
#include "tst_channelsyncfaults.moc"
