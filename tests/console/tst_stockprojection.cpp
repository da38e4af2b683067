// The console's stock projection: which mutations move a row (stale ones do not, a shipment
// with the row's own version moves committed only), how listings follow, and that changes are
// flushed once each, no more often than the interval, on the clock it is given.
#include "console/stockprojection.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
const QString kSku = u"A-1"_s;

Mutation mutation(MutationKind kind, qint64 version, qint64 available, qint64 committed,
                  qint64 atMs = 1000)
{
    Mutation m;
    m.sku = kSku;
    m.kind = kind;
    m.version = version;
    m.availableAfter = available;
    m.committedAfter = committed;
    m.atMs = atMs;
    return m;
}

// One SKU at available 10, committed 2, version 2, listed and in sync on "shop".
StockProjection loaded(const Clock &clock, StockProjection::Options options = {})
{
    StockProjection p(clock, options);
    p.setChannels({u"shop"_s, u"woo"_s});
    StockLevel level;
    level.sku = kSku;
    level.available = 10;
    level.committed = 2;
    level.version = 2;
    ListingState listing;
    listing.channel = u"shop"_s;
    listing.sku = kSku;
    listing.state = ListingState::State::InSync;
    listing.ackedQuantity = 10;
    p.load({level}, {listing});
    return p;
}
} // namespace

class TestStockProjection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mutations_data();
    void mutations();
    void loadLeavesNothingDirty();
    void flushIsCoalescedOnTheClock();
    void acknowledgementFollowsTheVersion();
    void failuresMarkTheListingOutOfSyncNow();
    void unknownChannelIsIgnored();
    void buffersFollowTheListingsOverrides();
    void loadInParts_data();
    void loadInParts();
};

void TestStockProjection::mutations_data()
{
    QTest::addColumn<QList<Mutation>>("batch");
    QTest::addColumn<qint64>("available");
    QTest::addColumn<qint64>("committed");
    QTest::addColumn<qint64>("version");
    QTest::addColumn<bool>("dirty");
    QTest::addColumn<bool>("pending"); // the listing waits for a push

    QTest::newRow("sale moves available to committed")
        << QList<Mutation> {mutation(MutationKind::Order, 3, 8, 4)} << 8LL << 4LL << 3LL << true
        << true;
    QTest::newRow("sale below zero is shown as it is")
        << QList<Mutation> {mutation(MutationKind::Order, 3, -2, 14)} << -2LL << 14LL << 3LL << true
        << true;
    QTest::newRow("stale version is dropped")
        << QList<Mutation> {mutation(MutationKind::Adjust, 1, 50, 0)} << 10LL << 2LL << 2LL << false
        << false;
    QTest::newRow("shipment with the same version moves committed")
        << QList<Mutation> {mutation(MutationKind::Ship, 2, 10, 0)} << 10LL << 0LL << 2LL << true
        << false;
    QTest::newRow("shipment seen twice changes nothing")
        << QList<Mutation> {mutation(MutationKind::Ship, 2, 10, 2)} << 10LL << 2LL << 2LL << false
        << false;
    QTest::newRow("stale shipment is dropped")
        << QList<Mutation> {mutation(MutationKind::Ship, 1, 10, 0)} << 10LL << 2LL << 2LL << false
        << false;
    QTest::newRow("write-off refund keeps the version")
        << QList<Mutation> {mutation(MutationKind::Refund, 2, 10, 1)} << 10LL << 1LL << 2LL << true
        << false;
    QTest::newRow("sale then shipment in one batch")
        << QList<Mutation> {mutation(MutationKind::Order, 3, 9, 3),
                            mutation(MutationKind::Ship, 3, 9, 0)}
        << 9LL << 0LL << 3LL << true << true;
    QTest::newRow("cancel gives back") << QList<Mutation> {mutation(MutationKind::Cancel, 3, 12, 0)}
                                       << 12LL << 0LL << 3LL << true << true;
    QTest::newRow("waiting line moves nothing")
        << QList<Mutation> {mutation(MutationKind::Unmatched, 9, 0, 0)} << 10LL << 2LL << 2LL
        << false << false;
    QTest::newRow("resolution moves nothing")
        << QList<Mutation> {mutation(MutationKind::Resolve, 9, 0, 0)} << 10LL << 2LL << 2LL << false
        << false;
    QTest::newRow("dead-letter retry moves nothing")
        << QList<Mutation> {mutation(MutationKind::DeadLetterRetry, 9, 0, 0)} << 10LL << 2LL << 2LL
        << false << false;
}

void TestStockProjection::mutations()
{
    QFETCH(QList<Mutation>, batch);
    QFETCH(qint64, available);
    QFETCH(qint64, committed);
    QFETCH(qint64, version);
    QFETCH(bool, dirty);
    QFETCH(bool, pending);

    ManualClock clock;
    StockProjection p = loaded(clock);
    p.applyMutations(batch);
    const StockRow *row = p.row(kSku);
    QVERIFY(row);
    QCOMPARE(row->available, available);
    QCOMPARE(row->committed, committed);
    QCOMPARE(row->onHand(), available + committed);
    QCOMPARE(row->version, version);
    QCOMPARE(p.hasChanges(), dirty);
    QCOMPARE(row->channels.at(0).state,
             pending ? ListingState::State::Pending : ListingState::State::InSync);
    QCOMPARE(row->channels.at(0).outOfSyncSinceMs, qint64(pending ? 1000 : 0));
    QVERIFY(!row->channels.at(1).listed); // not on the second channel: never pending
    QCOMPARE(row->channels.at(1).state, ListingState::State::InSync);
    QCOMPARE(p.flush().size(), dirty ? 1 : 0);
}

void TestStockProjection::loadLeavesNothingDirty()
{
    ManualClock clock;
    StockProjection p = loaded(clock);
    QVERIFY(!p.hasChanges());
    QVERIFY(p.flush().isEmpty());
    QCOMPARE(p.rows().size(), 1);
    QCOMPARE(p.rows().first().committed, 2LL);
    QCOMPARE(p.rows().first().channels.at(0).ackedQuantity, 10LL);
}

void TestStockProjection::flushIsCoalescedOnTheClock()
{
    ManualClock clock;
    StockProjection p = loaded(clock, {50});
    p.applyMutations({mutation(MutationKind::Order, 3, 9, 3)});
    p.applyMutations({mutation(MutationKind::Order, 4, 8, 4)});
    QList<StockRow> rows = p.flush();
    QCOMPARE(rows.size(), 1); // one row, once, with the newest numbers
    QCOMPARE(rows.first().available, 8LL);
    QCOMPARE(rows.first().committed, 4LL);

    clock.advance(10);
    p.applyMutations({mutation(MutationKind::Order, 5, 7, 5)});
    QVERIFY(p.flush().isEmpty()); // too soon: kept for the next flush
    QVERIFY(p.hasChanges());
    clock.advance(39);
    QVERIFY(p.flush().isEmpty());
    clock.advance(1);
    rows = p.flush();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().available, 7LL);
    QVERIFY(!p.hasChanges());
    clock.advance(500);
    QVERIFY(p.flush().isEmpty()); // nothing changed, nothing sent
}

void TestStockProjection::acknowledgementFollowsTheVersion()
{
    ManualClock clock;
    StockProjection p = loaded(clock);
    p.applyMutations({mutation(MutationKind::Order, 3, 9, 3), //
                      mutation(MutationKind::Order, 4, 8, 4)});
    p.acknowledge(u"shop"_s, kSku, 3, 9, 120);
    const StockRow *row = p.row(kSku);
    QCOMPARE(row->channels.at(0).state, ListingState::State::Pending); // version 4 not sent yet
    QCOMPARE(row->channels.at(0).ackedQuantity, 9LL);
    QCOMPARE(row->channels.at(0).outOfSyncSinceMs, 1000LL);
    p.acknowledge(u"shop"_s, kSku, 4, 8, 80);
    QCOMPARE(row->channels.at(0).state, ListingState::State::InSync);
    QCOMPARE(row->channels.at(0).lagMs, 80LL);
    QCOMPARE(row->channels.at(0).outOfSyncSinceMs, 0LL);
}

void TestStockProjection::failuresMarkTheListingOutOfSyncNow()
{
    ManualClock clock;
    StockProjection p = loaded(clock);
    p.flush();
    clock.set(5000);
    p.attemptFailed(u"shop"_s, kSku, false, u"HTTP 503"_s);
    const StockRow *row = p.row(kSku);
    QCOMPARE(row->channels.at(0).state, ListingState::State::Retrying);
    QCOMPARE(row->channels.at(0).outOfSyncSinceMs, 5000LL);
    QCOMPARE(row->channels.at(0).lastError, u"HTTP 503"_s);
    clock.set(9000);
    p.deadLettered(u"shop"_s, kSku, u"HTTP 404"_s);
    QCOMPARE(row->channels.at(0).state, ListingState::State::Dead);
    QCOMPARE(row->channels.at(0).outOfSyncSinceMs, 5000LL); // since the first failure
    // A dead listing stays dead when stock moves again: it waits for a person.
    p.applyMutations({mutation(MutationKind::Order, 3, 9, 3)});
    QCOMPARE(row->channels.at(0).state, ListingState::State::Dead);
    QCOMPARE(p.flush().size(), 1);
}

void TestStockProjection::unknownChannelIsIgnored()
{
    ManualClock clock;
    StockProjection p = loaded(clock);
    p.acknowledge(u"gone"_s, kSku, 2, 10, 5);
    p.attemptFailed(u"gone"_s, u"B-2"_s, true, u"x"_s);
    QVERIFY(!p.hasChanges());
    QVERIFY(!p.row(u"B-2"_s));
}

void TestStockProjection::buffersFollowTheListingsOverrides()
{
    ManualClock clock;
    StockProjection p(clock);
    p.setChannels({u"shop"_s, u"woo"_s});
    StockLevel level;
    level.sku = kSku;
    level.available = 10;
    level.safetyBuffer = 1;
    const BufferOverride half {{}, 50, {}, {}};
    p.load({level}, {}, {{u"woo"_s, kSku, half}, {u"gone"_s, kSku, half}});
    QVERIFY(!p.hasChanges());
    const StockRow *row = p.row(kSku);
    QVERIFY(row);
    QCOMPARE(row->buffers, (QList<CellBuffer> {{1, half}})); // an unknown channel is ignored
    QCOMPARE(row->bufferOf(1), half);
    QVERIFY(row->bufferOf(0).isEmpty());
    // What each channel should show: its own override over the channel's rule.
    const BufferOverride max3 {{}, {}, 3, {}};
    QCOMPARE(row->expected(0, max3), (ShownQuantity {3, false}));
    QCOMPARE(row->expected(1, max3), (ShownQuantity {3, false}));
    QCOMPARE(row->expected(1, {}), (ShownQuantity {5, false}));

    // Set, replaced, removed: each a change to flush.
    p.setBuffer(u"shop"_s, kSku, max3);
    QCOMPARE(p.flush().first().buffers.size(), 2);
    p.setBuffer(u"woo"_s, kSku, max3);
    QCOMPARE(p.row(kSku)->bufferOf(1), max3);
    QCOMPARE(p.row(kSku)->buffers.size(), 2);
    p.setBuffer(u"woo"_s, kSku, {});
    p.setBuffer(u"shop"_s, kSku, {});
    QVERIFY(p.flush().first().buffers.isEmpty());
    p.setBuffer(u"shop"_s, u"B-2"_s, max3); // no such SKU: nothing
    QVERIFY(!p.hasChanges());
}

void TestStockProjection::loadInParts_data()
{
    QTest::addColumn<QString>("sku"); // changed between the first part and the second
    QTest::addColumn<QString>("change"); // sale, ack, failure, details
    QTest::addColumn<bool>("applied"); // at once: its part was read
    QTest::addColumn<QStringList>("missed"); // what endLoad() answers

    QTest::newRow("sale of a SKU read") << u"A"_s << u"sale"_s << true << QStringList();
    QTest::newRow("sale of a SKU of the next part")
        << u"B"_s << u"sale"_s << false << QStringList();
    QTest::newRow("acknowledgement of the next part")
        << u"B"_s << u"ack"_s << false << QStringList();
    QTest::newRow("failure of the next part") << u"B"_s << u"failure"_s << false << QStringList();
    QTest::newRow("details of the next part") << u"B"_s << u"details"_s << false << QStringList();
    QTest::newRow("listing of the next part read again")
        << u"B"_s << u"listing"_s << false << QStringList();
    QTest::newRow("sale of a SKU no part holds")
        << u"Z"_s << u"sale"_s << false << QStringList {u"Z"_s};
}

void TestStockProjection::loadInParts()
{
    QFETCH(QString, sku);
    QFETCH(QString, change);
    QFETCH(bool, applied);
    QFETCH(QStringList, missed);
    const auto level = [](const QString &name, qint64 available) {
        StockLevel l;
        l.sku = name;
        l.available = available;
        l.version = 1;
        return l;
    };
    const auto listed = [](const QString &name, qint64 acked) {
        ListingState l;
        l.channel = u"shop"_s;
        l.sku = name;
        l.ackedQuantity = acked;
        return l;
    };
    ManualClock clock;
    StockProjection p(clock);
    p.setChannels({u"shop"_s});
    p.beginLoad();
    QVERIFY(p.isLoading());
    const QList<StockRow> first = p.loadPart({level(u"A"_s, 10)}, {listed(u"A"_s, 10)});
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().sku, u"A"_s);
    QCOMPARE(first.first().channels.at(0).ackedQuantity, 10LL);
    QVERIFY(!p.hasChanges());

    Mutation sale = mutation(MutationKind::Order, 2, 7, 3);
    sale.sku = sku;
    if (change == "sale"_L1)
        p.applyMutations({sale});
    else if (change == "ack"_L1)
        p.acknowledge(u"shop"_s, sku, 1, 4, 50);
    else if (change == "failure"_L1)
        p.attemptFailed(u"shop"_s, sku, true, u"HTTP 404"_s);
    else if (change == "listing"_L1)
        p.applyListings({listed(sku, 4)});
    else
        p.applyDetails(level(sku, 0));
    QCOMPARE(p.row(sku) != nullptr, applied);
    QCOMPARE(p.hasChanges(), applied);

    // The next part holds the SKUs as they are now, the change included.
    const QList<StockRow> second = p.loadPart({level(u"B"_s, 20), level(u"C"_s, 30)},
                                              {listed(u"B"_s, 20), listed(u"C"_s, 30)});
    QCOMPARE(second.size(), 2);
    QCOMPARE(second.at(0).sku, u"B"_s);
    QCOMPARE(second.at(0).available, 20LL);
    QCOMPARE(second.at(0).channels.at(0).ackedQuantity, 20LL);
    QCOMPARE(second.at(0).channels.at(0).state, ListingState::State::InSync);
    QCOMPARE(p.endLoad(), missed);
    QVERIFY(!p.isLoading());
    QCOMPARE(p.rows().size(), 3);
    QCOMPARE(p.row(u"A"_s)->available, applied ? 7LL : 10LL);

    // Loaded: every SKU's changes apply again.
    Mutation later = mutation(MutationKind::Order, 5, 1, 0);
    later.sku = u"B"_s;
    p.applyMutations({later});
    QCOMPARE(p.row(u"B"_s)->available, 1LL);
}

QTEST_GUILESS_MAIN(TestStockProjection)
#include "tst_stockprojection.moc"
