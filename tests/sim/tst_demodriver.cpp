// The demo's seed: listings start in sync with the simulated shops, which start with the same
// quantities, except the deliberately broken mappings, which stay pending.
#include "sim/demodriver.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/listingstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestDemoDriver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedStartsListingsInSync();
};

void TestDemoDriver::seedStartsListingsInSync()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"demo.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    DemoDriver::Options options;
    options.skus = 800; // past the broken mappings (SKUs 700 to 707 on one channel)
    DemoDriver demo(SystemClock::instance(), options);
    QVERIFY2(demo.listen(&error), qPrintable(error));
    QVERIFY2(demo.seed(*db, &error), qPrintable(error));

    QHash<QString, StockLevel> stock;
    QList<StockLevel> levels;
    QVERIFY(InventoryStore(*db).allStock(&levels, &error));
    for (const StockLevel &s : std::as_const(levels))
        stock.insert(s.sku, s);
    QHash<QString, int> inSync;
    int pending = 0;
    for (const ListingState &l : ListingStore(*db).listings()) {
        const StockLevel s = stock.value(l.sku);
        if (l.state == ListingState::State::InSync) {
            QCOMPARE(l.ackedVersion, s.version);
            QCOMPARE(l.ackedQuantity, std::optional<qint64>(s.available));
            ++inSync[l.channel];
        } else {
            QCOMPARE(l.state, ListingState::State::Pending);
            QVERIFY(!l.ackedQuantity);
            ++pending;
        }
    }
    QCOMPARE(inSync.size(), demo.channelsConfig().channels.size()); // every channel
    QCOMPARE(pending, 8); // the broken mappings, left to reach the dead-letter queue
}

QTEST_GUILESS_MAIN(TestDemoDriver)
#include "tst_demodriver.moc"
