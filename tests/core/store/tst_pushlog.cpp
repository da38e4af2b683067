// The push history behind an order's timeline (core/store/pushlog.h).
#include "store/pushlog.h"
#include "testdatabase.h"

#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestPushLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void attemptsUntilAcknowledgedPerChannel();
    void pruneKeepsSevenDays();
    void unansweredPushHasNoAckOrLag_data();
    void unansweredPushHasNoAckOrLag();
};

namespace {
PushRecord push(const QString &channel, qint64 version, const QString &state, qint64 at)
{
    PushRecord r;
    r.channel = channel;
    r.sku = u"A"_s;
    r.version = version;
    r.state = state;
    r.sentAtMs = at;
    if (state == u"acknowledged"_s) {
        r.ackedAtMs = at + 20;
        r.lagMs = 25;
    } else {
        r.error = u"HTTP 503 busy"_s;
    }
    return r;
}

Mutation made(qint64 version, MutationKind kind = MutationKind::Order)
{
    Mutation m;
    m.sku = u"A"_s;
    m.version = version;
    m.kind = kind;
    return m;
}
} // namespace

void TestPushLog::attemptsUntilAcknowledgedPerChannel()
{
    TestDatabase t;
    PushLog log(t.db());
    const Status recorded = log.record(
        {push(u"shop"_s, 3, u"acknowledged"_s, 100), push(u"ebay"_s, 4, u"failed"_s, 110),
         push(u"shop"_s, 5, u"acknowledged"_s, 120), push(u"ebay"_s, 5, u"acknowledged"_s, 130),
         push(u"ebay"_s, 6, u"acknowledged"_s, 140)});
    QVERIFY2(recorded, qPrintable(recorded.error()));
    // The order made version 4 (and a pause made 5): shop's push of 5 carried it; eBay failed at
    // 4 and then got 5 through. Later pushes (eBay's 6) are not this order's, nor is version 3.
    const auto read = log.forMutations({made(4), made(5, MutationKind::Pause)});
    QVERIFY2(read, qPrintable(read.error()));
    const QList<PushRecord> &out = *read;
    QCOMPARE(out.size(), 3);
    QCOMPARE(out.at(0).channel, u"ebay"_s);
    QCOMPARE(out.at(0).state, u"failed"_s);
    QCOMPARE(out.at(0).error, u"HTTP 503 busy"_s);
    QCOMPARE(out.at(1).channel, u"shop"_s);
    QCOMPARE(out.at(1).version, 5);
    QCOMPARE(out.at(1).lagMs, 25);
    QCOMPARE(out.at(2).channel, u"ebay"_s);
    QCOMPARE(out.at(2).version, 5);
    // Mutations that channels are not sent (a waiting line) bring no pushes.
    const auto none = log.forMutations({made(4, MutationKind::Unmatched)});
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

void TestPushLog::pruneKeepsSevenDays()
{
    TestDatabase t;
    PushLog log(t.db());
    const qint64 now = PushLog::kKeepMs * 2;
    QVERIFY(log.record({push(u"shop"_s, 1, u"acknowledged"_s, now - PushLog::kKeepMs - 1),
                        push(u"shop"_s, 2, u"acknowledged"_s, now - PushLog::kKeepMs + 1)}));
    const Status pruned = log.prune(now);
    QVERIFY2(pruned, qPrintable(pruned.error()));
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM push_log"_s), 1);
    QCOMPARE(t.count(u"SELECT version FROM push_log"_s), 2);
}

void TestPushLog::unansweredPushHasNoAckOrLag_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("nullAcks");
    QTest::addColumn<int>("nullLags");
    QTest::newRow("failed") << u"failed"_s << 1 << 1;
    QTest::newRow("acknowledged") << u"acknowledged"_s << 0 << 0;
}

void TestPushLog::unansweredPushHasNoAckOrLag()
{
    // A push nobody acknowledged has no acknowledgement time and no lag (NULL, not 0: a lag of
    // 0 ms would be a real figure on the order's timeline).
    QFETCH(QString, state);
    QFETCH(int, nullAcks);
    QFETCH(int, nullLags);
    TestDatabase t;
    PushLog log(t.db());
    PushRecord r = push(u"shop"_s, 2, state, 100);
    if (state != u"acknowledged"_s) {
        r.ackedAtMs = 0;
        r.lagMs = -1;
    }
    const Status recorded = log.record({r});
    QVERIFY2(recorded, qPrintable(recorded.error()));
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM push_log WHERE acked_at IS NULL"_s), nullAcks);
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM push_log WHERE lag_ms IS NULL"_s), nullLags);
    QCOMPARE(t.count(u"SELECT COUNT(*) FROM push_log WHERE error = ''"_s), 1 - nullLags);
}

QTEST_GUILESS_MAIN(TestPushLog)
#include "tst_pushlog.moc"
