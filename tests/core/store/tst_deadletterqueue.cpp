// DeadLetterQueue: one letter per listing with every failed attempt in its history; a person's
// retry or discard acts on the selected dead listings only, and each is audited.
#include "store/deadletterqueue.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestDeadLetterQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void oneLetterPerListingWithItsHistory();
    void selectors_data();
    void selectors();
    void retrySendsTheCurrentQuantityAgain();
    void retryPicksOnlyDeadListings();
    void discardDropsTheLetterAndIsAudited();
    void failedAuditRollsBack();
    void redriveTakesTheChannelsFailuresOnly_data();
    void redriveTakesTheChannelsFailuresOnly();
    void redriveIsBounded();
    void historyKeepsTheNewestEntries();

private:
    DeadLetterQueue queue() { return DeadLetterQueue(m_t->db()); }
    ListingState listing(const QString &channel, const QString &sku)
    {
        const auto out = PropagationStore(m_t->db()).listings(channel, sku);
        if (!out || out->size() != 1)
            qFatal("no listing %s/%s", qPrintable(channel), qPrintable(sku));
        return out->constFirst();
    }
    static DeadLetterQueue::Failure failure(qint64 atMs, int status = 404,
                                            const QString &kind = u"permanent"_s)
    {
        DeadLetterQueue::Failure f;
        f.version = 1;
        f.attempts = 1;
        f.kind = kind;
        f.httpStatus = status;
        f.code = u"not_found"_s;
        f.message = u"HTTP %1 gone"_s.arg(status);
        f.request = u"{}"_s;
        f.atMs = atMs;
        return f;
    }

    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SyncEngine> m_engine;
    ManualClock m_clock;
};

void TestDeadLetterQueue::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_clock.set(1'000'000);
    m_engine = std::make_unique<SyncEngine>(m_t->db(), m_clock);
    QVERIFY(
        m_engine->importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 20)}, u"t"_s, u"s"_s).ok());
    QVERIFY(MappingStore(m_t->db()).importMappings(
        {{u"shop"_s, u"A"_s, u"1"_s}, {u"shop"_s, u"B"_s, u"2"_s}, {u"ebay"_s, u"A"_s, u"A"_s}},
        m_clock.nowMs()));
}

void TestDeadLetterQueue::cleanup()
{
    m_engine.reset();
    m_t.reset();
}

void TestDeadLetterQueue::oneLetterPerListingWithItsHistory()
{
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(100, 503, u"exhausted"_s)));
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(200, 404)));
    const auto letters = queue().deadLetters();
    QVERIFY2(letters, qPrintable(letters.error()));
    QCOMPARE(letters->size(), 1);
    const DeadLetter &d = letters->first();
    QCOMPARE(d.firstFailedAtMs, 100);
    QCOMPARE(d.lastFailedAtMs, 200);
    QCOMPARE(d.errorKind, u"permanent"_s); // the newest attempt's
    QCOMPARE(d.lastError, u"HTTP 404 gone"_s);
    QVERIFY(!d.retrying);
    const QJsonArray history = QJsonDocument::fromJson(d.history.toUtf8()).array();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).toObject().value(u"http_status"_s).toInt(), 503);
    QCOMPARE(history.at(1).toObject().value(u"kind"_s).toString(), u"permanent"_s);
    QCOMPARE(listing(u"shop"_s, u"A"_s).state, ListingState::State::Dead);
}

void TestDeadLetterQueue::selectors_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QStringList>("expected"); // oldest failure first
    QTest::newRow("all") << QString() << QString()
                         << QStringList {u"shop/A"_s, u"ebay/A"_s, u"shop/B"_s};
    QTest::newRow("channel") << u"shop"_s << QString() << QStringList {u"shop/A"_s, u"shop/B"_s};
    QTest::newRow("sku") << QString() << u"A"_s << QStringList {u"shop/A"_s, u"ebay/A"_s};
    QTest::newRow("both") << u"ebay"_s << u"A"_s << QStringList {u"ebay/A"_s};
    QTest::newRow("none") << u"woo"_s << QString() << QStringList();
}

void TestDeadLetterQueue::selectors()
{
    QFETCH(QString, channel);
    QFETCH(QString, sku);
    QFETCH(QStringList, expected);
    QVERIFY(queue().deadLetter(u"shop"_s, u"B"_s, failure(300)));
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(100)));
    QVERIFY(queue().deadLetter(u"ebay"_s, u"A"_s, failure(200)));
    const auto letters = queue().deadLetters({channel, sku});
    QVERIFY(letters);
    QStringList got;
    for (const DeadLetter &d : *letters)
        got.append(d.channel + u'/' + d.sku);
    QCOMPARE(got, expected);
}

void TestDeadLetterQueue::retrySendsTheCurrentQuantityAgain()
{
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(100)));
    QVERIFY(m_engine->adjust(u"A"_s, -3, u"t"_s, u"count"_s).ok());
    QCOMPARE(queue().retry({u"shop"_s, u"A"_s}, u"alice"_s, m_clock.nowMs()).valueOr(-1), 1);
    const ListingState l = listing(u"shop"_s, u"A"_s);
    QCOMPARE(l.state, ListingState::State::Retrying);
    QCOMPARE(l.attempts, 0);
    QCOMPARE(l.nextAttemptAtMs, m_clock.nowMs());
    const auto due = PropagationStore(m_t->db()).due(u"shop"_s, m_clock.nowMs(), 10);
    QVERIFY(due);
    const auto a = std::find_if(due->cbegin(), due->cend(),
                                [](const DueListing &d) { return d.sku == u"A"_s; });
    QVERIFY(a != due->cend());
    QCOMPARE(a->available, 7);
    // The letter stays, marked as being retried, until the channel acknowledges.
    QCOMPARE(queue().deadLetters()->size(), 1);
    QVERIFY(queue().deadLetters()->first().retrying);
    const Mutation audit = m_t->log(u"A"_s).last();
    QCOMPARE(audit.kind, MutationKind::DeadLetterRetry);
    QCOMPARE(audit.actor, u"alice"_s);
    QCOMPARE(audit.channel, u"shop"_s);
    QCOMPARE(audit.availableAfter, 7);
}

void TestDeadLetterQueue::retryPicksOnlyDeadListings()
{
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(100)));
    QVERIFY(queue().deadLetter(u"shop"_s, u"B"_s, failure(100)));
    QCOMPARE(queue().retry({u"shop"_s, u"A"_s}, u"t"_s, m_clock.nowMs()).valueOr(-1), 1);
    // A is already on its way: a second retry of the whole channel picks B only.
    QCOMPARE(queue().retry({u"shop"_s, {}}, u"t"_s, m_clock.nowMs()).valueOr(-1), 1);
    QCOMPARE(queue().retry({}, u"t"_s, m_clock.nowMs()).valueOr(-1), 0);
    QCOMPARE(m_t->log().size(), 4); // two imports, two retries
}

void TestDeadLetterQueue::discardDropsTheLetterAndIsAudited()
{
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(100)));
    QVERIFY(queue().deadLetter(u"ebay"_s, u"A"_s, failure(100)));
    QCOMPARE(queue()
                 .discard({u"shop"_s, {}}, u"bob"_s, u"listing deleted"_s, m_clock.nowMs())
                 .valueOr(-1),
             1);
    const auto left = queue().deadLetters();
    QCOMPARE(left->size(), 1);
    QCOMPARE(left->first().channel, u"ebay"_s);
    const ListingState l = listing(u"shop"_s, u"A"_s);
    QCOMPARE(l.state, ListingState::State::InSync);
    QCOMPARE(l.lastError, u"discarded: listing deleted"_s);
    const Mutation audit = m_t->log(u"A"_s).last();
    QCOMPARE(audit.kind, MutationKind::DeadLetterDiscard);
    QCOMPARE(audit.reason, u"listing deleted"_s);
    QCOMPARE(audit.actor, u"bob"_s);
}

void TestDeadLetterQueue::failedAuditRollsBack()
{
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(100)));
    QVERIFY(m_t->injectFault(u"no_audit"_s, u"INSERT"_s, u"mutations"_s, u"audit is full"_s));
    const auto discarded = queue().discard({}, u"bob"_s, u"gone"_s, m_clock.nowMs());
    QVERIFY(!discarded);
    QVERIFY(!m_t->db().inTransaction());
    // Nothing was dropped without its audit row.
    QCOMPARE(queue().deadLetters()->size(), 1);
    QCOMPARE(listing(u"shop"_s, u"A"_s).state, ListingState::State::Dead);
}

void TestDeadLetterQueue::redriveTakesTheChannelsFailuresOnly_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("redriven");
    QTest::newRow("exhausted retries") << QString(DeadLetterQueue::kExhausted) << true;
    QTest::newRow("credentials refused") << QString(DeadLetterQueue::kUnauthorized) << true;
    QTest::newRow("the listing's own failure") << QString(DeadLetterQueue::kPermanent) << false;
}

void TestDeadLetterQueue::redriveTakesTheChannelsFailuresOnly()
{
    QFETCH(QString, kind);
    QFETCH(bool, redriven);
    QVERIFY(queue().deadLetter(u"shop"_s, u"B"_s, failure(200, 503, kind)));
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(100, 503, kind)));
    QVERIFY(queue().deadLetter(u"ebay"_s, u"A"_s, failure(50, 503, kind))); // another channel
    QCOMPARE(queue().redrivable(u"shop"_s).valueOr(-1), redriven ? 2 : 0);
    QCOMPARE(queue().oldestRedrivable(u"shop"_s).valueOr(std::nullopt).value_or(QString()),
             redriven ? u"A"_s : QString());
    QCOMPARE(queue().redrive(u"shop"_s, u"auto-redrive"_s, m_clock.nowMs()).valueOr(-1),
             redriven ? 2 : 0);
    QCOMPARE(listing(u"ebay"_s, u"A"_s).state, ListingState::State::Dead);
    QCOMPARE(listing(u"shop"_s, u"A"_s).state,
             redriven ? ListingState::State::Retrying : ListingState::State::Dead);
    if (!redriven)
        return;
    // Oldest letter first, each audited; the letters stay, marked, until acknowledged.
    QList<Mutation> audit;
    for (const Mutation &m : m_t->log()) {
        if (m.kind == MutationKind::DeadLetterRetry)
            audit.append(m);
    }
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(0).sku, u"A"_s);
    QCOMPARE(audit.at(1).sku, u"B"_s);
    QCOMPARE(audit.at(0).actor, u"auto-redrive"_s);
    const QList<DeadLetter> shop = queue().deadLetters({u"shop"_s, {}}).valueOr({});
    QCOMPARE(shop.size(), 2);
    for (const DeadLetter &d : shop)
        QCOMPARE(d.state, u"redriven"_s);
}

void TestDeadLetterQueue::redriveIsBounded()
{
    // A listing that fails whatever the channel's state is not sent for ever.
    for (int i = 0; i < DeadLetterQueue::kMaxRedrives; ++i) {
        QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s,
                                   failure(100 + i, 503, QString(DeadLetterQueue::kExhausted))));
        QCOMPARE(queue().redrive(u"shop"_s, u"auto-redrive"_s, m_clock.nowMs()).valueOr(-1), 1);
    }
    QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s,
                               failure(200, 503, QString(DeadLetterQueue::kExhausted))));
    QCOMPARE(queue().redrivable(u"shop"_s).valueOr(-1), 0);
    QCOMPARE(queue().redrive(u"shop"_s, u"auto-redrive"_s, m_clock.nowMs()).valueOr(-1), 0);
    // A person still can.
    QCOMPARE(queue().retry({u"shop"_s, u"A"_s}, u"alice"_s, m_clock.nowMs()).valueOr(-1), 1);
    QCOMPARE(queue().deadLetters()->first().state, u"retrying"_s);
}

void TestDeadLetterQueue::historyKeepsTheNewestEntries()
{
    for (int i = 0; i < DeadLetterQueue::kHistoryLimit + 5; ++i)
        QVERIFY(queue().deadLetter(u"shop"_s, u"A"_s, failure(i, 404)));
    const DeadLetter d = queue().deadLetters()->first();
    const QJsonArray history = QJsonDocument::fromJson(d.history.toUtf8()).array();
    QCOMPARE(history.size(), DeadLetterQueue::kHistoryLimit);
    QCOMPARE(history.first().toObject().value(u"at"_s).toInteger(), 5);
    QCOMPARE(d.firstFailedAtMs, 0); // the letter still knows when it began
}

QTEST_GUILESS_MAIN(TestDeadLetterQueue)
#include "tst_deadletterqueue.moc"
