// map-pull's mapping: listings are mapped by SKU, both kinds of unmatched are reported, a new
// mapping never pushes unasked, and --adopt ours / theirs decide whose number wins.
#include "store/driftstore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/listingpull.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(AdoptPolicy)
Q_DECLARE_METATYPE(FailureKind)

namespace {

// A catalogue served in pages of two, synchronously.
ListingReads pagedCatalogue(const QList<RemoteListing> &all, int *pagesRead)
{
    ListingReads r;
    r.listListings = [all, pagesRead](const QString &token,
                                      std::function<void(const ListingPage &)> done) {
        const int from = token.isEmpty() ? 0 : token.toInt();
        ListingPage page;
        page.listings = all.mid(from, 2);
        if (from + 2 < all.size())
            page.nextPageToken = QString::number(from + 2);
        ++*pagesRead;
        done(page);
    };
    r.readQuantities = [](const QStringList &, std::function<void(const QuantitiesRead &)> done) {
        done(QuantitiesRead {});
    };
    return r;
}

RemoteListing listing(const QString &id, const QString &sku, std::optional<qint64> quantity)
{
    return {id, sku, quantity, {}};
}

} // namespace

class TestListingPull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pullPagesThroughTheCatalogue();
    void laterPageIsReadAgain_data();
    void laterPageIsReadAgain();
    void mapsBySkuAndReportsBothUnmatched();
    void secondPullFindsThemMapped();
    void adopt_data();
    void adopt();
    void theirsOnlyForTheFirstChannel();
    void waitingOrderLineIsApplied();
    void dryRunWritesNothing_data();
    void dryRunWritesNothing();

private:
    PullReport pull(const QList<RemoteListing> &listings, AdoptPolicy adopt = AdoptPolicy::None,
                    const QString &channel = u"shop"_s, PullMode mode = PullMode::Map)
    {
        SyncEngine engine(m_t->db(), m_clock);
        return applyPull(m_t->db(), engine, channel, listings, adopt, u"ann"_s, m_clock.nowMs(),
                         mode);
    }
    ListingState state(const QString &channel, const QString &sku)
    {
        return PropagationStore(m_t->db()).listings(channel, sku)->constFirst();
    }

    std::unique_ptr<TestDatabase> m_t;
    ManualClock m_clock;
    const QList<RemoteListing> m_catalogue {
        listing(u"101"_s, u"A"_s, 10), // shows what it should
        listing(u"102"_s, u"B"_s, 9), // shows 9, we have 5
        listing(u"103"_s, u"GIFT"_s, 1), // no such SKU here
        listing(u"104"_s, {}, 4), // no SKU at all
        listing(u"105"_s, u"D"_s, std::nullopt), // no count kept
    };
};

void TestListingPull::init()
{
    m_t = std::make_unique<TestDatabase>();
    SyncEngine engine(m_t->db(), m_clock);
    QVERIFY(engine
                .importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 5), stockRow(u"C"_s, 2),
                              stockRow(u"D"_s, 1)},
                             u"t"_s, u"seed"_s)
                .ok());
}

void TestListingPull::cleanup()
{
    m_t.reset();
}

void TestListingPull::pullPagesThroughTheCatalogue()
{
    int pages = 0;
    QList<RemoteListing> got;
    QString error = u"unanswered"_s;
    pullCatalogue(pagedCatalogue(m_catalogue, &pages),
                  [&](const QList<RemoteListing> &all, const QString &e) {
                      got = all;
                      error = e;
                  });
    QVERIFY(error.isEmpty());
    QCOMPARE(pages, 3);
    QCOMPARE(got, m_catalogue);
}

void TestListingPull::laterPageIsReadAgain_data()
{
    // How the second page is answered, how often in a row; then what the pull gives.
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("failures");
    QTest::addColumn<QString>("error"); // empty: every listing read
    QTest::addColumn<int>("calls");
    const QString failed = u"reading the catalogue failed: no"_s;
    QTest::newRow("throttled once: read again")
        << FailureKind::Throttled << 429 << 1 << QString() << 4;
    QTest::newRow("503 once: read again") << FailureKind::Transient << 503 << 1 << QString() << 4;
    QTest::newRow("throttled every time: gives up")
        << FailureKind::Throttled << 429 << 1000 << failed << 1 + 7;
    QTest::newRow("no answer (refused): at once")
        << FailureKind::Transient << 0 << 1 << failed << 2;
    QTest::newRow("401: at once") << FailureKind::Permanent << 401 << 1 << failed << 2;
}

void TestListingPull::laterPageIsReadAgain()
{
    QFETCH(FailureKind, kind);
    QFETCH(int, httpStatus);
    QFETCH(int, failures);
    QFETCH(QString, error);
    QFETCH(int, calls);
    int pages = 0;
    int called = 0;
    const ListingReads paged = pagedCatalogue(m_catalogue, &pages);
    ListingReads r = paged;
    r.listListings = [&, paged](const QString &token,
                                std::function<void(const ListingPage &)> done) {
        ++called;
        if (token == "2"_L1 && failures-- > 0) {
            ListingPage page;
            page.failure = kind;
            page.httpStatus = httpStatus;
            page.throttled = kind == FailureKind::Throttled;
            page.message = u"no"_s;
            page.retryAfterMs = 0; // as the channel says: no real time passes in the test
            done(page);
            return;
        }
        paged.listListings(token, std::move(done));
    };
    QList<RemoteListing> got;
    QString answer = u"unanswered"_s;
    bool answered = false;
    pullCatalogue(r, [&](const QList<RemoteListing> &all, const QString &e) {
        got = all;
        answer = e;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(answer, error);
    QCOMPARE(called, calls);
    if (error.isEmpty())
        QCOMPARE(got, m_catalogue);
}

void TestListingPull::mapsBySkuAndReportsBothUnmatched()
{
    const PullReport r = pull(m_catalogue);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.listings, 5);
    QCOMPARE(r.mapped, 2);
    QCOMPARE(r.alreadyMapped, 0);
    QCOMPARE(r.unmatchedRemote.size(), 3);
    QCOMPARE(r.unmatchedRemote.at(0).remoteId, u"103"_s);
    QCOMPARE(r.unmatchedRemote.at(1).remoteId, u"104"_s);
    QCOMPARE(r.unmatchedRemote.at(2).remoteId, u"105"_s);
    QCOMPARE(r.unmatchedLocal, (QStringList {u"C"_s, u"D"_s}));
    QCOMPARE(r.drift.size(), 1);
    QCOMPARE(r.drift.at(0).sku, u"B"_s);
    QCOMPARE(r.drift.at(0).shown, 9);
    QCOMPARE(r.drift.at(0).expected, 5);
    QCOMPARE(MappingStore(m_t->db()).bySku(u"shop"_s, u"B"_s)->value().remoteId, u"102"_s);
    // Nothing is pushed: both are acknowledged at what they show.
    QCOMPARE(state(u"shop"_s, u"A"_s).state, ListingState::State::InSync);
    QCOMPARE(state(u"shop"_s, u"B"_s).state, ListingState::State::InSync);
    QCOMPARE(state(u"shop"_s, u"B"_s).ackedQuantity, std::optional<qint64>(9));
    QVERIFY(PropagationStore(m_t->db()).due(u"shop"_s, m_clock.nowMs(), 10)->isEmpty());
    QCOMPARE(DriftStore(m_t->db()).drift(u"shop"_s)->size(), 1);
    QCOMPARE(m_t->stock(u"B"_s).available, 5);
}

void TestListingPull::secondPullFindsThemMapped()
{
    QVERIFY(pull(m_catalogue).ok());
    const PullReport r = pull(m_catalogue);
    QCOMPARE(r.mapped, 0);
    QCOMPARE(r.alreadyMapped, 2);
    QVERIFY(r.drift.isEmpty());
}

void TestListingPull::adopt_data()
{
    QTest::addColumn<AdoptPolicy>("policy");
    QTest::addColumn<qint64>("available");
    QTest::addColumn<bool>("due");
    QTest::newRow("none: left alone, listed") << AdoptPolicy::None << 5LL << false;
    QTest::newRow("ours: our 5 is sent") << AdoptPolicy::Ours << 5LL << true;
    QTest::newRow("theirs: 9 becomes ours") << AdoptPolicy::Theirs << 9LL << false;
}

void TestListingPull::adopt()
{
    QFETCH(AdoptPolicy, policy);
    QFETCH(qint64, available);
    QFETCH(bool, due);
    const PullReport r = pull(m_catalogue, policy);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(m_t->stock(u"B"_s).available, available);
    const auto dueNow = PropagationStore(m_t->db()).due(u"shop"_s, m_clock.nowMs(), 10);
    QCOMPARE(dueNow->size(), due ? 1 : 0);
    if (due)
        QCOMPARE(dueNow->at(0).sku, u"B"_s);
    QCOMPARE(r.pushed.size(), policy == AdoptPolicy::Ours ? 1 : 0);
    QCOMPARE(r.adopted.size(), policy == AdoptPolicy::Theirs ? 1 : 0);
    if (policy == AdoptPolicy::Theirs) {
        const Mutation last = m_t->log(u"B"_s).constLast();
        QCOMPARE(last.kind, MutationKind::Adjust);
        QCOMPARE(last.actor, u"ann"_s);
        QVERIFY(last.reason.contains(u"adopt theirs"_s));
        QCOMPARE(state(u"shop"_s, u"B"_s).state, ListingState::State::InSync);
    }
}

void TestListingPull::theirsOnlyForTheFirstChannel()
{
    QVERIFY(MappingStore(m_t->db())
                .importMappings({{u"ebay"_s, u"B"_s, u"B"_s}}, m_clock.nowMs())
                .ok());
    const PullReport r = pull(m_catalogue, AdoptPolicy::Theirs);
    QVERIFY(r.adopted.isEmpty());
    QCOMPARE(r.drift.size(), 1);
    QCOMPARE(m_t->stock(u"B"_s).available, 5); // ours stays
    QVERIFY(PropagationStore(m_t->db()).due(u"shop"_s, m_clock.nowMs(), 10)->isEmpty());
}

void TestListingPull::waitingOrderLineIsApplied()
{
    SyncEngine engine(m_t->db(), m_clock);
    OrderLine line;
    line.remoteId = u"102"_s;
    line.quantity = 2;
    QCOMPARE(engine.apply(order(u"shop"_s, u"o1"_s, {line})).outcome, ApplyOutcome::Unmatched);
    QCOMPARE(m_t->stock(u"B"_s).available, 5); // waits for its mapping
    const PullReport r = pull(m_catalogue);
    QCOMPARE(r.waitingLinesApplied, 1);
    QCOMPARE(m_t->stock(u"B"_s).available, 3);
    QCOMPARE(r.drift.at(0).expected, 3); // compared with what we hold after it
}

void TestListingPull::dryRunWritesNothing_data()
{
    QTest::addColumn<AdoptPolicy>("policy");
    QTest::newRow("none") << AdoptPolicy::None;
    QTest::newRow("ours") << AdoptPolicy::Ours;
    QTest::newRow("theirs") << AdoptPolicy::Theirs;
}

void TestListingPull::dryRunWritesNothing()
{
    QFETCH(AdoptPolicy, policy);
    // A line waiting for listing 102 would be applied by a real pull.
    SyncEngine engine(m_t->db(), m_clock);
    OrderLine line;
    line.remoteId = u"102"_s;
    line.quantity = 1;
    QCOMPARE(engine.apply(order(u"shop"_s, u"o1"_s, {line})).outcome, ApplyOutcome::Unmatched);
    const qsizetype logRows = m_t->log().size();

    const PullReport dry = pull(m_catalogue, policy, u"shop"_s, PullMode::DryRun);
    QVERIFY2(dry.ok(), qPrintable(dry.error));
    QVERIFY(dry.dryRun);
    // Nothing written: no mapping, no listing state, no drift, no stock change, no log row.
    QVERIFY(MappingStore(m_t->db()).mappings()->isEmpty());
    QVERIFY(PropagationStore(m_t->db()).listings(u"shop"_s)->isEmpty());
    QVERIFY(DriftStore(m_t->db()).drift()->isEmpty());
    QCOMPARE(m_t->stock(u"B"_s).available, 5);
    QCOMPARE(m_t->log().size(), logRows);
    QCOMPARE(dry.waitingLinesApplied, 0);

    // ...and it tells what the real pull does (the waiting line aside: not applied, B is 5).
    QCOMPARE(dry.listings, 5);
    QCOMPARE(dry.mapped, 2);
    QCOMPARE(dry.unmatchedRemote.size(), 3);
    QCOMPARE(dry.unmatchedLocal, (QStringList {u"C"_s, u"D"_s}));
    QCOMPARE(dry.drift.size(), 1);
    QCOMPARE(dry.drift.at(0).shown, 9);
    QCOMPARE(dry.drift.at(0).expected, 5);
    const PullReport real = pull(m_catalogue, policy);
    QVERIFY2(real.ok(), qPrintable(real.error));
    QVERIFY(!real.dryRun);
    QCOMPARE(real.mapped, dry.mapped);
    QCOMPARE(real.pushed, dry.pushed);
    QCOMPARE(real.adopted, dry.adopted);
    QCOMPARE(real.waitingLinesApplied, 1);
    QCOMPARE(MappingStore(m_t->db()).mappings()->size(), 2);
}

QTEST_GUILESS_MAIN(TestListingPull)
#include "tst_listingpull.moc"
