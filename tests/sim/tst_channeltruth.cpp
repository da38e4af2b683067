// Channels stay true, end to end against each simulator (issue 10): map-pull's mapping maps a
// catalogue by SKU and reports both kinds of unmatched; a quantity changed on the channel behind
// our back is listed by reconciliation and gone after a fix sent by normal propagation.
#include "channels/channelfactory.h"
#include "simfixture.h"
#include "store/driftstore.h"
#include "store/mappingstore.h"
#include "sync/listingpull.h"
#include "sync/propagator.h"
#include "sync/reconciler.h"
#include "testdatabase.h"

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

class TestChannelTruth : public QObject, public SimFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        setUp();
        m_db = std::make_unique<TestDatabase>();
    }
    void cleanup()
    {
        m_adapter.reset();
        m_db.reset();
        tearDown();
    }
    void pullMapsBySkuAndReconcileFixesDrift_data();
    void pullMapsBySkuAndReconcileFixesDrift();

private:
    ChannelAdapter *adapter(const QString &channel, const QString &type)
    {
        const ChannelConfig config = channelConfig(channel, type);
        m_adapter = createChannelAdapter(config, m_network.get(), *m_clock);
        return m_adapter.get();
    }
    // Waits for an answer, letting the simulators' buckets refill on the manual clock.
    bool waitFor(const bool &answered)
    {
        return QTest::qWaitFor(
            [&] {
                m_clock->advance(200);
                return answered;
            },
            20000);
    }
    ReconcileReport reconcile(const QString &channel)
    {
        ReconcileReport out;
        bool answered = false;
        reconcileChannel(m_db->db(), channel, listingReadsOf(m_adapter.get()), *m_clock,
                         [&](const ReconcileReport &r) {
                             out = r;
                             answered = true;
                         });
        if (!waitFor(answered))
            qWarning() << "no answer from reconciliation";
        return out;
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ChannelAdapter> m_adapter;
};

void TestChannelTruth::pullMapsBySkuAndReconcileFixesDrift_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("ids"); // T-1, T-2 and an SKU we do not have
    QTest::newRow("shopify") << u"shop-us"_s << u"shopify"_s
                             << QStringList {u"50001"_s, u"50002"_s, u"50003"_s};
    QTest::newRow("woocommerce") << u"woo"_s << u"woocommerce"_s
                                 << QStringList {u"301"_s, u"302"_s, u"303"_s};
    // eBay and Amazon address a listing by its SKU.
    QTest::newRow("ebay") << u"ebay"_s << u"ebay"_s << QStringList {u"T-1"_s, u"T-2"_s, u"T-X"_s};
    QTest::newRow("amazon") << u"amz"_s << u"amazon"_s
                            << QStringList {u"T-1"_s, u"T-2"_s, u"T-X"_s};
}

void TestChannelTruth::pullMapsBySkuAndReconcileFixesDrift()
{
    QFETCH(QString, channel);
    QFETCH(QString, type);
    QFETCH(QStringList, ids);
    QString error;
    QVERIFY2(m_sim->channel(channel)->seedListings(
                 {{ids.at(0), QJsonObject {{u"quantity"_s, 10}, {u"sku"_s, u"T-1"_s}}},
                  {ids.at(1), QJsonObject {{u"quantity"_s, 9}, {u"sku"_s, u"T-2"_s}}},
                  {ids.at(2), QJsonObject {{u"quantity"_s, 1}, {u"sku"_s, u"T-X"_s}}}},
                 &error),
             qPrintable(error));
    SyncEngine engine(m_db->db(), *m_clock);
    QVERIFY(
        engine
            .importStock({stockRow(u"T-1"_s, 10), stockRow(u"T-2"_s, 5), stockRow(u"T-LOCAL"_s, 3)},
                         u"t"_s, u"seed"_s)
            .ok());
    ChannelAdapter *a = adapter(channel, type);

    // map-pull: the whole catalogue, mapped by SKU; nothing pushed.
    QList<RemoteListing> pulled;
    bool answered = false;
    pullCatalogue(listingReadsOf(a), [&](const QList<RemoteListing> &all, const QString &e) {
        pulled = all;
        error = e;
        answered = true;
    });
    QVERIFY(waitFor(answered));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const PullReport pull =
        applyPull(m_db->db(), engine, channel, pulled, AdoptPolicy::None, u"t"_s, m_clock->nowMs());
    QVERIFY2(pull.ok(), qPrintable(pull.error));
    QCOMPARE(pull.mapped, 2);
    QCOMPARE(MappingStore(m_db->db()).bySku(channel, u"T-2"_s)->value().remoteId, ids.at(1));
    bool unknownListed = false;
    for (const RemoteListing &l : pull.unmatchedRemote)
        unknownListed = unknownListed || (l.remoteId == ids.at(2) && l.sku == "T-X"_L1);
    QVERIFY(unknownListed);
    QCOMPARE(pull.unmatchedLocal, QStringList {u"T-LOCAL"_s});
    QCOMPARE(pull.drift.size(), 1);
    QCOMPARE(pull.drift.at(0).sku, u"T-2"_s);
    QCOMPARE(pull.drift.at(0).shown, 9);
    QCOMPARE(pull.drift.at(0).expected, 5);
    QCOMPARE(stats(channel).value("write_count"_L1).toInt(), 0);

    // Someone types 4 for T-1 in the channel's admin.
    QVERIFY(m_sim->channel(channel)->setShownQuantity(ids.at(0), 4));
    ReconcileReport r = reconcile(channel);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.drift.size(), 2);
    QCOMPARE(r.drift.at(0).sku, u"T-1"_s);
    QCOMPARE(r.drift.at(0).shown, 4);
    QCOMPARE(r.drift.at(0).expected, 10);

    // --fix: normal propagation sends ours again.
    QVERIFY(DriftStore(m_db->db()).resend(r.drift, u"t"_s, m_clock->nowMs()).ok());
    Propagator propagator(m_db->db(), a, *m_clock);
    bool idle = false;
    connect(&propagator, &Propagator::idle, this, [&] { idle = true; });
    propagator.start();
    QVERIFY(waitFor(idle));
    propagator.stop();
    QCOMPARE(m_sim->channel(channel)->listing(ids.at(0))->quantity, 10);
    QCOMPARE(m_sim->channel(channel)->listing(ids.at(1))->quantity, 5);
    r = reconcile(channel);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.drift.isEmpty());
    QCOMPARE(r.compared, 2);
}

QTEST_MAIN(TestChannelTruth)
#include "tst_channeltruth.moc"
