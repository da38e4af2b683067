// The propagator sends what each channel should show (its buffer rule, overridden per listing),
// pauses per channel at its own pause_at, and a changed override goes out through the normal
// propagation, under the new rule and never under the old one.
#include "store/bufferstore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/propagator.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// A channel that takes everything and remembers what it was sent. Answers come on the next
// event-loop turn, as a network reply would.
class RecordingChannel : public ChannelAdapter
{
public:
    explicit RecordingChannel(QString id)
        : m_id(std::move(id))
    {
    }
    QString channelId() const override { return m_id; }
    QString type() const override { return u"recording"_s; }
    int maxBatchSize() const override { return 50; }
    double documentedRequestsPerSecond() const override { return 1000; }
    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override
    {
        sent.append(updates);
        PushReport report;
        for (const ListingUpdate &u : updates) {
            held[u.sku] = u.quantityToSend();
            PushOutcome o;
            o.sku = u.sku;
            o.version = u.version;
            report.outcomes.append(o);
        }
        QMetaObject::invokeMethod(
            this, [done, report] { done(report); }, Qt::QueuedConnection);
    }
    void readListing(const QString &, std::function<void(const ReadListingResult &)> done) override
    {
        done(ReadListingResult {FailureKind::Permanent, u"not read"_s, 0});
    }
    // The last update sent for a SKU.
    ListingUpdate last(const QString &sku) const
    {
        for (auto it = sent.crbegin(); it != sent.crend(); ++it) {
            if (it->sku == sku)
                return *it;
        }
        return {};
    }

    QList<ListingUpdate> sent;
    QHash<QString, qint64> held;

private:
    QString m_id;
};

} // namespace

class TestPropagatorBuffers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void eachChannelIsSentWhatItsRuleShows();
    void pausesPerChannelAtItsOwnPauseAt();
    void listingOverrideWinsOverTheChannelsRule();
    void changedOverrideIsSentAgain();
    void overrideThatChangesNothingSendsNothing();
    void safetyBufferRaisedByAnImportIsSentAgain();

private:
    void runUntilIdle(Propagator &p);
    std::unique_ptr<Propagator> propagator(RecordingChannel &channel, const BufferOverride &rule);

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
    BufferRules m_rules;
};

void TestPropagatorBuffers::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
    QVERIFY(m_engine->importStock({stockRow(u"A"_s, 100)}, u"t"_s, u"s"_s).ok());
    QString error;
    QVERIFY(MappingStore(m_t->db()).importMappings(
        {{u"shop"_s, u"A"_s, u"1"_s}, {u"ebay"_s, u"A"_s, u"A"_s}}, m_clock.nowMs()));
    // shop shows half of what is left after a reserve of 4; eBay at most 10, pausing at 20.
    m_rules = BufferRules({{u"shop"_s, BufferOverride {4, 50, {}, {}}},
                           {u"ebay"_s, BufferOverride {{}, {}, 10, 20}}});
}

void TestPropagatorBuffers::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

void TestPropagatorBuffers::runUntilIdle(Propagator &p)
{
    QSignalSpy idle(&p, &Propagator::idle);
    p.wake();
    QTRY_VERIFY_WITH_TIMEOUT(idle.count() > 0 && p.inFlight() == 0, 5000);
}

std::unique_ptr<Propagator> TestPropagatorBuffers::propagator(RecordingChannel &channel,
                                                              const BufferOverride &rule)
{
    Propagator::Options options;
    options.buffer = rule;
    auto p = std::make_unique<Propagator>(m_t->db(), &channel, m_clock, options);
    p->start();
    return p;
}

void TestPropagatorBuffers::eachChannelIsSentWhatItsRuleShows()
{
    RecordingChannel shop(u"shop"_s), ebay(u"ebay"_s);
    auto ps = propagator(shop, m_rules.channel(u"shop"_s));
    auto pe = propagator(ebay, m_rules.channel(u"ebay"_s));
    runUntilIdle(*ps);
    runUntilIdle(*pe);
    QCOMPARE(shop.held.value(u"A"_s), 48); // (100 - 4) * 50%
    QCOMPARE(ebay.held.value(u"A"_s), 10); // at most 10

    // A sale on a third channel: 100 -> 31.
    m_engine->apply(order(u"amz"_s, u"1"_s, {{u"A"_s, 69}}));
    runUntilIdle(*ps);
    runUntilIdle(*pe);
    QCOMPARE(shop.held.value(u"A"_s), 13); // (31 - 4) * 50%, rounded down
    QCOMPARE(ebay.held.value(u"A"_s), 10);
    // What was acknowledged is what the channel shows, not what is available.
    for (const ListingState &l : PropagationStore(m_t->db()).listings({}, u"A"_s).value()) {
        QCOMPARE(l.ackedQuantity, l.channel == "shop"_L1 ? 13 : 10);
        QCOMPARE(l.state, ListingState::State::InSync);
    }
}

void TestPropagatorBuffers::pausesPerChannelAtItsOwnPauseAt()
{
    RecordingChannel shop(u"shop"_s), ebay(u"ebay"_s);
    auto ps = propagator(shop, m_rules.channel(u"shop"_s));
    auto pe = propagator(ebay, m_rules.channel(u"ebay"_s));
    // 100 -> 20: eBay pauses at 20; the shop (pausing at the SKU's safety buffer, 0) does not,
    // and the SKU's own guard does not pause it either.
    m_engine->apply(order(u"amz"_s, u"1"_s, {{u"A"_s, 80}}));
    runUntilIdle(*ps);
    runUntilIdle(*pe);
    QVERIFY(!m_t->stock(u"A"_s).paused);
    QCOMPARE(ebay.last(u"A"_s).paused, true);
    QCOMPARE(ebay.held.value(u"A"_s), 0);
    QCOMPARE(shop.last(u"A"_s).paused, false);
    QCOMPARE(shop.held.value(u"A"_s), 8);
    QCOMPARE(PropagationStore(m_t->db()).listings(u"ebay"_s).value().first().ackedPaused, true);

    // Restocked above eBay's pause_at: it resumes.
    QVERIFY(m_engine->adjust(u"A"_s, 5, u"t"_s, u"found"_s).ok());
    runUntilIdle(*pe);
    QCOMPARE(ebay.last(u"A"_s).paused, false);
    QCOMPARE(ebay.held.value(u"A"_s), 10);
}

void TestPropagatorBuffers::listingOverrideWinsOverTheChannelsRule()
{
    // Read from the store with the batch: set before the propagator ever ran.
    QVERIFY(
        BufferStore(m_t->db()).setOverrides({{u"shop"_s, u"A"_s, BufferOverride {0, {}, 7, {}}}},
                                            m_rules, u"t"_s, {}, m_clock.nowMs()));
    RecordingChannel shop(u"shop"_s), ebay(u"ebay"_s);
    auto ps = propagator(shop, m_rules.channel(u"shop"_s));
    auto pe = propagator(ebay, m_rules.channel(u"ebay"_s));
    runUntilIdle(*ps);
    runUntilIdle(*pe);
    QCOMPARE(shop.held.value(u"A"_s), 7); // reserve 0 and max 7; percent 50 inherited
    QCOMPARE(ebay.held.value(u"A"_s), 10);
}

void TestPropagatorBuffers::changedOverrideIsSentAgain()
{
    RecordingChannel shop(u"shop"_s), ebay(u"ebay"_s);
    auto ps = propagator(shop, m_rules.channel(u"shop"_s));
    auto pe = propagator(ebay, m_rules.channel(u"ebay"_s));
    runUntilIdle(*ps);
    runUntilIdle(*pe);
    QCOMPARE(shop.held.value(u"A"_s), 48);
    const qint64 sentBefore = shop.sent.size();

    // The merchant shows the shop all of it.
    const auto set =
        BufferStore(m_t->db()).setOverrides({{u"shop"_s, u"A"_s, BufferOverride {0, 100, {}, {}}}},
                                            m_rules, u"t"_s, {}, m_clock.nowMs());
    QVERIFY2(set, qPrintable(set.error()));
    QCOMPARE(set->resent, 1);
    runUntilIdle(*ps);
    runUntilIdle(*pe);
    QCOMPARE(shop.sent.size(), sentBefore + 1);
    QCOMPARE(shop.held.value(u"A"_s), 100);
    QCOMPARE(shop.last(u"A"_s).version, m_t->stock(u"A"_s).version);
    // eBay's listing is sent its unchanged quantity under the new version (one version per SKU).
    QCOMPARE(ebay.held.value(u"A"_s), 10);
    for (const ListingState &l : PropagationStore(m_t->db()).listings({}, u"A"_s).value())
        QCOMPARE(l.ackedVersion, m_t->stock(u"A"_s).version);
}

void TestPropagatorBuffers::overrideThatChangesNothingSendsNothing()
{
    RecordingChannel shop(u"shop"_s);
    auto ps = propagator(shop, m_rules.channel(u"shop"_s));
    runUntilIdle(*ps);
    const qint64 sentBefore = shop.sent.size();
    // A max above what is shown: audited, nothing to send.
    const auto set = BufferStore(m_t->db()).setOverrides(
        {{u"shop"_s, u"A"_s, BufferOverride {{}, {}, 1000, {}}}}, m_rules, u"t"_s, {},
        m_clock.nowMs());
    QVERIFY(set);
    QCOMPARE(set->changed, 1);
    QCOMPARE(set->resent, 0);
    runUntilIdle(*ps);
    QCOMPARE(shop.sent.size(), sentBefore);
}

// The hub keeps each SKU's safety buffer between batches: an import that raises it must be
// what the next send of the SKU's listings follows.
void TestPropagatorBuffers::safetyBufferRaisedByAnImportIsSentAgain()
{
    RecordingChannel shop(u"shop"_s);
    auto ps = propagator(shop, m_rules.channel(u"shop"_s));
    runUntilIdle(*ps);
    QCOMPARE(shop.held.value(u"A"_s), 48);

    // The shop's rule sets no pause_at: it pauses at the SKU's safety buffer, now all of it.
    QVERIFY(m_engine->importStock({stockRow(u"A"_s, 100, 100)}, u"t"_s, u"s"_s).ok());
    runUntilIdle(*ps);
    QCOMPARE(shop.held.value(u"A"_s), 0);
    QCOMPARE(shop.last(u"A"_s).version, m_t->stock(u"A"_s).version);
}

QTEST_GUILESS_MAIN(TestPropagatorBuffers)
#include "tst_propagatorbuffers.moc"
