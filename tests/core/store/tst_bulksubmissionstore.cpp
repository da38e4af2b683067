// The bulk submissions in flight (core/store/bulksubmissionstore.h, migration 13): kept from
// before the channel is asked until their outcome is written, with what they carry in order.
#include "store/bulksubmissionstore.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestBulkSubmissionStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keptUntilRemoved_data();
    void keptUntilRemoved();
    void perChannelOldestFirst();
};

namespace {
StoredBulkSubmission submission(const QString &channel, const QString &id, qint64 at, int listings)
{
    StoredBulkSubmission s;
    s.channel = channel;
    s.submission = id;
    s.submittedAtMs = at;
    for (int i = 0; i < listings; ++i)
        s.listings.append({u"S-%1"_s.arg(i), u"R-%1"_s.arg(i), 10 + i, 100 + i, i % 2 == 1});
    return s;
}
} // namespace

void TestBulkSubmissionStore::keptUntilRemoved_data()
{
    QTest::addColumn<int>("listings");
    QTest::addColumn<int>("carried");
    QTest::newRow("all carried") << 3 << 3;
    QTest::newRow("the feed was full after two") << 3 << 2;
    QTest::newRow("more carried than kept") << 2 << 5;
}

void TestBulkSubmissionStore::keptUntilRemoved()
{
    QFETCH(int, listings);
    QFETCH(int, carried);
    TestDatabase t;
    BulkSubmissionStore store(t.db());
    const Status recorded = store.record(submission(u"amz"_s, u"b1"_s, 1000, listings));
    QVERIFY2(recorded, qPrintable(recorded.error()));
    auto read = store.forChannel(u"amz"_s);
    QVERIFY(read);
    QCOMPARE(read->size(), 1);
    QCOMPARE(read->first().remoteId, QString());
    QCOMPARE(read->first().listings.size(), listings);

    const Status accepted = store.accepted(u"amz"_s, u"b1"_s, u"50001019901"_s, carried);
    QVERIFY2(accepted, qPrintable(accepted.error()));
    read = store.forChannel(u"amz"_s);
    QVERIFY(read);
    const StoredBulkSubmission &s = read->first();
    QCOMPARE(s.remoteId, u"50001019901"_s);
    QCOMPARE(s.submittedAtMs, 1000);
    QCOMPARE(s.listings.size(), std::min(listings, carried));
    for (qsizetype i = 0; i < s.listings.size(); ++i) {
        QCOMPARE(s.listings.at(i).sku, u"S-%1"_s.arg(i));
        QCOMPARE(s.listings.at(i).remoteId, u"R-%1"_s.arg(i));
        QCOMPARE(s.listings.at(i).version, 10 + i);
        QCOMPARE(s.listings.at(i).quantity, 100 + i);
        QCOMPARE(s.listings.at(i).paused, i % 2 == 1);
    }
    QVERIFY(store.remove(u"amz"_s, u"b1"_s));
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM bulk_submissions"_s), 0);
    // A submission that is not kept cannot be given an id.
    QVERIFY(!store.accepted(u"amz"_s, u"b1"_s, u"1"_s, 1));
}

void TestBulkSubmissionStore::perChannelOldestFirst()
{
    TestDatabase t;
    BulkSubmissionStore store(t.db());
    QVERIFY(store.record(submission(u"amz"_s, u"late"_s, 2000, 1)));
    QVERIFY(store.record(submission(u"amz-eu"_s, u"other"_s, 500, 1)));
    QVERIFY(store.record(submission(u"amz"_s, u"early"_s, 1000, 1)));
    // The same id twice is refused: a submission is recorded once.
    QVERIFY(!store.record(submission(u"amz"_s, u"early"_s, 3000, 1)));
    const auto read = store.forChannel(u"amz"_s);
    QVERIFY(read);
    QCOMPARE(read->size(), 2);
    QCOMPARE(read->at(0).submission, u"early"_s);
    QCOMPARE(read->at(1).submission, u"late"_s);
}

QTEST_GUILESS_MAIN(TestBulkSubmissionStore)
#include "tst_bulksubmissionstore.moc"
