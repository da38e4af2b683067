#pragma once

// What tst_propagator and tst_propagatorfailures share: a channel whose answers the test
// scripts, and a database with two SKUs (A: 100, B: 5) that listings are mapped to.
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/propagator.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

#include <deque>

namespace ChannelDesk::Testing {

using namespace Qt::StringLiterals;

// A channel whose answers the test scripts; unscripted calls succeed. Answers come on the next
// event-loop turn, as a network reply would.
class ScriptedChannel : public ChannelAdapter
{
public:
    explicit ScriptedChannel(QString id, int batch = 50, double rate = 1000, int dailyLimit = 0)
        : m_id(std::move(id))
        , m_batch(batch)
        , m_rate(rate)
        , m_dailyLimit(dailyLimit)
    {
    }
    int maxRevisionsPerListingPerDay() const override { return m_dailyLimit; }
    QString channelId() const override { return m_id; }
    QString type() const override { return u"scripted"_s; }
    int maxBatchSize() const override { return m_batch; }
    double documentedRequestsPerSecond() const override { return m_rate; }

    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override
    {
        calls.append(updates);
        PushReport report;
        std::optional<PushOutcome> scripted;
        if (!script.empty()) {
            scripted = script.front();
            script.pop_front();
        }
        for (const ListingUpdate &u : updates) {
            PushOutcome o = refused.value(u.sku, scripted.value_or(PushOutcome {}));
            o.sku = u.sku;
            o.version = u.version;
            if (o.ok())
                held[u.remoteId] = u.quantityToSend();
            report.outcomes.append(o);
        }
        report.retryAfterMs = retryAfter;
        retryAfter.reset();
        if (holdAnswers) {
            heldAnswers.append([done, report] { done(report); });
            return;
        }
        QMetaObject::invokeMethod(
            this, [done, report] { done(report); }, Qt::QueuedConnection);
    }
    // Answers every call held so far (holdAnswers), in the order they were made.
    void releaseAnswers()
    {
        const auto answers = std::exchange(heldAnswers, {});
        for (const auto &answer : answers)
            answer();
    }
    void readListing(const QString &remoteId,
                     std::function<void(const ReadListingResult &)> done) override
    {
        ReadListingResult r;
        r.quantity = held.value(remoteId);
        QMetaObject::invokeMethod(
            this, [done, r] { done(r); }, Qt::QueuedConnection);
    }

    QList<QList<ListingUpdate>> calls;
    std::deque<PushOutcome> script;
    QHash<QString, PushOutcome> refused; // by SKU: that item's answer, whatever the script says
    std::optional<qint64> retryAfter;
    QHash<QString, qint64> held;
    // While set, answers wait for releaseAnswers(): calls stay in flight.
    bool holdAnswers = false;
    QList<std::function<void()>> heldAnswers;

private:
    QString m_id;
    int m_batch;
    double m_rate;
    int m_dailyLimit;
};

// The propagator tests' fixture: setUp() in each test's init(), tearDown() in its cleanup().
class PropagatorTest : public QObject
{
protected:
    void setUp()
    {
        m_t = std::make_unique<TestDatabase>();
        m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
        QVERIFY(m_engine->importStock({stockRow(u"A"_s, 100), stockRow(u"B"_s, 5)}, u"t"_s, u"s"_s)
                    .ok());
    }
    void tearDown()
    {
        m_engine.reset();
        m_t.reset();
    }
    void map(const QString &channel, const QStringList &skus)
    {
        QList<ListingMapping> rows;
        for (const QString &sku : skus)
            rows.append({channel, sku, u"r-"_s + sku});
        const Status mapped = MappingStore(m_t->db()).importMappings(rows, m_clock.nowMs());
        QVERIFY2(mapped, qPrintable(mapped.error()));
    }
    void runUntilIdle(Propagator &p)
    {
        QSignalSpy idle(&p, &Propagator::idle);
        p.wake();
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() > 0 && p.inFlight() == 0, 5000);
    }
    QList<ListingState> listings(const QString &channel)
    {
        const auto out = PropagationStore(m_t->db()).listings(channel);
        if (!out)
            qFatal("cannot read listings: %s", qPrintable(out.error()));
        return *out;
    }

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
};

} // namespace ChannelDesk::Testing
