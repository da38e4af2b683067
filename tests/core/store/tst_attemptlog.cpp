// AttemptLog: every failed attempt of a listing not yet on its channel is kept with its request
// and answer, oldest first, bounded per listing (the newest kKeepPerListing, bodies cut at
// kMaxBodyChars); an acknowledgement or a discard of the listing's letter drops them.
#include "store/attemptlog.h"
#include "store/deadletterqueue.h"
#include "store/mappingstore.h"
#include "store/migrations.h"
#include "store/propagationstore.h"
#include "testdatabase.h"

#include <QSqlError>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestAttemptLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void keepsEveryAttemptInOrder();
    void keepsTheNewestPerListing();
    void bodiesAreCut_data();
    void bodiesAreCut();
    void acknowledgementForgetsTheAttempts();
    void discardForgetsTheAttempts();
    void oneBadEntryKeepsNone();
    void lettersParkedBeforeKeepTheirLastAttempt();

private:
    AttemptLog log() { return AttemptLog(m_t->db()); }
    static AttemptLog::Entry entry(const QString &channel, const QString &sku, qint64 atMs,
                                   const QString &kind = u"transient"_s)
    {
        ListingAttempt a;
        a.atMs = atMs;
        a.version = 2;
        a.attempt = int(atMs % 100);
        a.kind = kind;
        a.httpStatus = kind == u"unanswered"_s ? 0 : 503;
        a.code = u"E%1"_s.arg(atMs);
        a.message = u"attempt at %1"_s.arg(atMs);
        a.request = u"{\"sku\": \"%1\"}"_s.arg(sku);
        a.response = u"{\"error\": %1}"_s.arg(atMs);
        return {channel, sku, a};
    }
    QList<qint64> times(const QString &channel, const QString &sku)
    {
        const auto kept = log().attempts(channel, sku);
        if (!kept)
            qFatal("cannot read attempts: %s", qPrintable(kept.error()));
        QList<qint64> out;
        for (const ListingAttempt &a : *kept)
            out.append(a.atMs);
        return out;
    }

    std::unique_ptr<TestDatabase> m_t;
    ManualClock m_clock;
};

void TestAttemptLog::init()
{
    m_t = std::make_unique<TestDatabase>();
    m_clock.set(1'000'000);
    SyncEngine engine(m_t->db(), m_clock);
    QVERIFY(engine.importStock({stockRow(u"A"_s, 10), stockRow(u"B"_s, 20)}, u"t"_s, u"s"_s).ok());
    QVERIFY(MappingStore(m_t->db()).importMappings(
        {{u"shop"_s, u"A"_s, u"1"_s}, {u"shop"_s, u"B"_s, u"2"_s}, {u"ebay"_s, u"A"_s, u"A"_s}},
        m_clock.nowMs()));
}

void TestAttemptLog::cleanup()
{
    m_t.reset();
}

void TestAttemptLog::keepsEveryAttemptInOrder()
{
    QVERIFY(log().record({entry(u"shop"_s, u"A"_s, 10, u"unanswered"_s),
                          entry(u"ebay"_s, u"A"_s, 11, u"throttled"_s)}));
    QVERIFY(log().record({entry(u"shop"_s, u"A"_s, 20, u"throttled"_s)}));
    QVERIFY(log().record({entry(u"shop"_s, u"A"_s, 30, u"permanent"_s)}));
    const auto kept = log().attempts(u"shop"_s, u"A"_s);
    QVERIFY2(kept, qPrintable(kept.error()));
    QCOMPARE(kept->size(), 3);
    // Each one whole, as it was recorded, oldest first.
    QCOMPARE(kept->at(0), entry(u"shop"_s, u"A"_s, 10, u"unanswered"_s).attempt);
    QCOMPARE(kept->at(1), entry(u"shop"_s, u"A"_s, 20, u"throttled"_s).attempt);
    QCOMPARE(kept->at(2).kind, u"permanent"_s);
    // Per listing: the other channel's attempt of the same SKU is its own.
    QCOMPARE(times(u"ebay"_s, u"A"_s), QList<qint64> {11});
    QVERIFY(times(u"shop"_s, u"B"_s).isEmpty());
}

void TestAttemptLog::keepsTheNewestPerListing()
{
    const int total = AttemptLog::kKeepPerListing + 7;
    for (int i = 0; i < total; ++i) {
        // One at a time and two per call for another listing: the bound holds either way.
        QVERIFY(log().record({entry(u"shop"_s, u"A"_s, i)}));
        QVERIFY(
            log().record({entry(u"shop"_s, u"B"_s, 2 * i), entry(u"shop"_s, u"B"_s, 2 * i + 1)}));
    }
    QList<qint64> expected;
    for (int i = total - AttemptLog::kKeepPerListing; i < total; ++i)
        expected.append(i);
    QCOMPARE(times(u"shop"_s, u"A"_s), expected);
    const QList<qint64> b = times(u"shop"_s, u"B"_s);
    QCOMPARE(b.size(), AttemptLog::kKeepPerListing);
    QCOMPARE(b.last(), 2 * total - 1);
    QCOMPARE(b.first(), 2 * total - AttemptLog::kKeepPerListing);
    QCOMPARE(m_t->count(u"SELECT COUNT(*) FROM listing_attempts"_s),
             2 * AttemptLog::kKeepPerListing);
}

void TestAttemptLog::bodiesAreCut_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("cut");
    QTest::newRow("empty") << 0 << false;
    QTest::newRow("small") << 200 << false;
    QTest::newRow("at the bound") << AttemptLog::kMaxBodyChars << false;
    QTest::newRow("one over") << AttemptLog::kMaxBodyChars + 1 << true;
    QTest::newRow("a big batch") << 250'000 << true;
}

void TestAttemptLog::bodiesAreCut()
{
    QFETCH(int, size);
    QFETCH(bool, cut);
    AttemptLog::Entry e = entry(u"shop"_s, u"A"_s, 1);
    e.attempt.request = QString(size, u'q');
    e.attempt.response = QString(size, u'r');
    QVERIFY(log().record({e}));
    const ListingAttempt kept = log().attempts(u"shop"_s, u"A"_s)->first();
    for (const QString &body : {kept.request, kept.response}) {
        QVERIFY(body.size() <= AttemptLog::kMaxBodyChars + 60);
        QCOMPARE(body.contains(u"cut: %1 characters"_s.arg(size)), cut);
        if (!cut)
            QCOMPARE(body.size(), size);
    }
    QVERIFY(kept.request.startsWith(QString(std::min(size, AttemptLog::kMaxBodyChars), u'q')));
}

void TestAttemptLog::acknowledgementForgetsTheAttempts()
{
    QVERIFY(log().record(
        {entry(u"shop"_s, u"A"_s, 1), entry(u"shop"_s, u"B"_s, 2), entry(u"ebay"_s, u"A"_s, 3)}));
    QVERIFY(PropagationStore(m_t->db()).acknowledge(u"shop"_s, {{u"A"_s, 1, 10, false}}, 5));
    QVERIFY(times(u"shop"_s, u"A"_s).isEmpty()); // on the channel: nothing left to explain
    QCOMPARE(times(u"shop"_s, u"B"_s), QList<qint64> {2});
    QCOMPARE(times(u"ebay"_s, u"A"_s), QList<qint64> {3});
}

void TestAttemptLog::discardForgetsTheAttempts()
{
    DeadLetterQueue queue(m_t->db());
    DeadLetterQueue::Failure f;
    f.version = 1;
    f.attempts = 1;
    f.kind = DeadLetterQueue::kPermanent;
    f.httpStatus = 404;
    f.atMs = 5;
    QVERIFY(queue.deadLetter(u"shop"_s, u"A"_s, f));
    QVERIFY(queue.deadLetter(u"shop"_s, u"B"_s, f));
    QVERIFY(log().record({entry(u"shop"_s, u"A"_s, 1), entry(u"shop"_s, u"B"_s, 2)}));
    // A retry keeps them: the letter is still open.
    QCOMPARE(*queue.retry({u"shop"_s, u"B"_s}, u"t"_s, 6), 1);
    QCOMPARE(times(u"shop"_s, u"B"_s), QList<qint64> {2});
    QCOMPARE(*queue.discard({u"shop"_s, u"A"_s}, u"t"_s, u"listing deleted"_s, 7), 1);
    QVERIFY(times(u"shop"_s, u"A"_s).isEmpty());
    QCOMPARE(times(u"shop"_s, u"B"_s), QList<qint64> {2});
}

void TestAttemptLog::oneBadEntryKeepsNone()
{
    QVERIFY(m_t->injectFault(u"refuse"_s, u"INSERT"_s, u"listing_attempts"_s, u"refused"_s,
                             u"NEW.sku = 'B'"_s));
    QVERIFY(!log().record({entry(u"shop"_s, u"A"_s, 1), entry(u"shop"_s, u"B"_s, 2)}));
    QVERIFY(times(u"shop"_s, u"A"_s).isEmpty());
    QVERIFY(log().record({entry(u"shop"_s, u"A"_s, 3)}));
    QCOMPARE(times(u"shop"_s, u"A"_s), QList<qint64> {3});
}

void TestAttemptLog::lettersParkedBeforeKeepTheirLastAttempt()
{
    // A database from before the attempts were kept, with a dead letter: its last request and
    // answer become the listing's one kept attempt.
    DeadLetterQueue::Failure f;
    f.version = 4;
    f.attempts = 8;
    f.kind = DeadLetterQueue::kExhausted;
    f.httpStatus = 503;
    f.message = u"HTTP 503 busy"_s;
    f.request = u"{\"q\": 1}"_s;
    f.response = QString(AttemptLog::kMaxBodyChars + 10, u'r');
    f.atMs = 77;
    QVERIFY(DeadLetterQueue(m_t->db()).deadLetter(u"shop"_s, u"A"_s, f));
    int version = 0;
    for (const Migration &m : allMigrations())
        version = qstrcmp(m.description, "listing attempts") == 0 ? m.version : version;
    QVERIFY(version > 0);
    QVERIFY(m_t->db().exec(u"DROP TABLE listing_attempts"_s));
    // And what later migrations made (11: workers and leases, 13: bulk submissions, 14: an
    // index), so they run again too.
    QVERIFY(m_t->db().exec(u"DROP TABLE workers"_s));
    QVERIFY(m_t->db().exec(u"DROP TABLE channel_leases"_s));
    QVERIFY(m_t->db().exec(u"DROP TABLE bulk_submissions"_s));
    QVERIFY(m_t->db().exec(u"DROP INDEX listing_buffers_by_sku"_s));
    QVERIFY(m_t->db().exec(u"DELETE FROM schema_migrations WHERE version >= %1"_s.arg(version)));
    QString error;
    const auto migrated = Database::open(m_t->path(), &error);
    QVERIFY2(migrated, qPrintable(error));
    const auto kept = AttemptLog(*migrated).attempts(u"shop"_s, u"A"_s);
    QVERIFY2(kept, qPrintable(kept.error()));
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->first().atMs, 77);
    QCOMPARE(kept->first().version, 4);
    QCOMPARE(kept->first().attempt, 8);
    QCOMPARE(kept->first().kind, u"transient"_s);
    QCOMPARE(kept->first().message, u"HTTP 503 busy"_s);
    QCOMPARE(kept->first().request, u"{\"q\": 1}"_s);
    QCOMPARE(kept->first().response.size(), AttemptLog::kMaxBodyChars);
}

QTEST_GUILESS_MAIN(TestAttemptLog)
#include "tst_attemptlog.moc"
