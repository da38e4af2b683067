// A console on a PostgreSQL inventory shared with other processes (issue 12): a change another
// process commits (here another connection's engine, as serve or channeldesk-cli would) reaches
// the console's stock live, through LISTEN/NOTIFY (ConsoleWorker::listenForOthers), without the
// console's own engine taking part and without polling.
#include "console/corebridge.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestSharedConsole : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void othersChangesArriveLive_data();
    void othersChangesArriveLive();
};

void TestSharedConsole::othersChangesArriveLive_data()
{
    QTest::addColumn<bool>("sale"); // the other process: a sale, or an adjustment
    QTest::newRow("a sale") << true;
    QTest::newRow("an adjustment") << false;
}

void TestSharedConsole::othersChangesArriveLive()
{
    QFETCH(bool, sale);
    if (!testOnPostgres())
        QSKIP("a shared inventory is a PostgreSQL one");
    TestDatabase t;
    QVERIFY(SyncEngine(t.db()).importStock({stockRow(u"A"_s, 10)}, u"t"_s, u"seed"_s).ok());

    ConsoleWorker::Options options;
    options.databaseLocation = t.path();
    options.config = ChannelsConfig();
    options.listen = false;
    CoreBridge bridge(options);
    QSignalSpy loaded(&bridge, &CoreBridge::stockLoaded);
    QSignalSpy changed(&bridge, &CoreBridge::stockChanged);
    bridge.start();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10'000);

    // Another process's engine on its own connection.
    auto other = t.another();
    SyncEngine engine(*other);
    if (sale)
        QCOMPARE(engine.apply(order(u"shop"_s, u"1"_s, {{u"A"_s, 3}})).outcome,
                 ApplyOutcome::Applied);
    else
        QVERIFY(engine.adjust(u"A"_s, -3, u"t"_s, u"count"_s).ok());

    const auto shown = [&changed]() -> qint64 {
        for (qsizetype i = changed.size() - 1; i >= 0; --i) {
            for (const StockRow &r : changed.at(i).at(0).value<QList<StockRow>>()) {
                if (r.sku == u"A"_s)
                    return r.available;
            }
        }
        return -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(shown(), 7, 10'000);
}

QTEST_GUILESS_MAIN(TestSharedConsole)
#include "tst_sharedconsole.moc"
