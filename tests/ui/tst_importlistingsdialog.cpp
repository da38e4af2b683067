// The Channels tab's "Import listings…" on GuiTestBase, against the eBay simulator: the real core
// on its thread pulls the simulated catalogue through the channel's read pacer. A dry look shows
// the report and maps nothing; Map with the chosen policy maps the new listings (ours sends our
// numbers, theirs takes the channel's, none leaves the drift alone); a channel that refuses the
// read is shown in its own words; Cancel stops the pull with nothing mapped.
#include "channels/channelspanel.h"
#include "channels/importlistingsdialog.h"
#include "guitestbase.h"
#include "sim/channelsim.h"
#include "sim/simchannel.h"
#include "store/database.h"
#include "store/driftstore.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ChannelDesk::AdoptPolicy)

namespace {
constexpr int kWaitMs = 20'000;
const QByteArray kToken = "v^1.1#ebay";
} // namespace

class TestImportListingsDialog : public GuiTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTestCase(u"tst_importlistingsdialog"_s); }
    void init();
    void cleanup();

    void importNeedsASelectedChannel();
    void dryLookThenMap_data();
    void dryLookThenMap();
    void unreadableChannelInItsOwnWords();
    void cancelMapsNothing();

private:
    // The eBay simulator on loopback: SKU-0001..SKU-0020 listed with 40 each but SKU-0003 (35)
    // and SKU-0007 (44), and OTHER-1, a SKU we do not stock. The store holds 25 SKUs of 40.
    bool startCore(const QByteArray &token = kToken);
    ImportListingsDialog *openDialog();
    QList<ListingMapping> mappings();
    qint64 available(const QString &sku);
    template<typename T> T *in(ImportListingsDialog *dialog, const QString &name)
    {
        return dialog->findChild<T *>(name);
    }

    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<QHttpServer> m_server;
    QString m_databaseLocation;
};

void TestImportListingsDialog::init()
{
    initGuiTest();
    QJsonObject listings;
    for (int i = 1; i <= 20; ++i) {
        const QString sku = u"SKU-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        listings.insert(sku, i == 3 ? 35 : (i == 7 ? 44 : 40));
    }
    listings.insert(u"OTHER-1"_s, 5);
    m_sim = std::make_unique<ChannelSimulator>(SystemClock::instance());
    QString error;
    QVERIFY2(m_sim->configure({QJsonObject {{u"id"_s, u"ebay"_s},
                                            {u"type"_s, u"ebay"_s},
                                            {u"token"_s, QString::fromLatin1(kToken)},
                                            {u"listings"_s, listings}}},
                              &error),
             qPrintable(error));
    m_server = std::make_unique<QHttpServer>();
    m_sim->install(*m_server);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0) != 0);
}

void TestImportListingsDialog::cleanup()
{
    cleanupGuiTest();
    m_server.reset();
    m_sim.reset();
}

bool TestImportListingsDialog::startCore(const QByteArray &token)
{
    ConsoleWorker::Options options = seededOptions(25, 40);
    m_databaseLocation = options.databaseLocation;
    ChannelConfig ebay;
    ebay.id = u"ebay"_s;
    ebay.type = u"ebay"_s;
    ebay.baseUrl = QUrl(u"http://127.0.0.1:%1/ebay"_s.arg(m_server->serverPorts().constFirst()));
    ebay.requestTimeoutMs = 5000;
    ebay.credentials = {{u"token"_s, token}};
    ChannelsConfig config;
    config.channels = {ebay};
    options.config = config;
    return startWindow(options);
}

ImportListingsDialog *TestImportListingsDialog::openDialog()
{
    window()->tabs()->setCurrentWidget(window()->channelsPanel());
    QTableView *view = widget<QTableView>(u"channelsView"_s);
    if (!view || !QTest::qWaitFor([view] { return view->model()->rowCount() == 1; }, kWaitMs))
        return nullptr;
    view->setCurrentIndex(view->model()->index(0, 0));
    if (!trigger(u"actionImportListings"_s))
        return nullptr;
    return window()->findChild<ImportListingsDialog *>();
}

QList<ListingMapping> TestImportListingsDialog::mappings()
{
    // The test's own connection to the console's database file.
    QString error;
    auto db = Database::open(m_databaseLocation, &error);
    if (!db)
        qFatal("cannot open the console's database: %s", qPrintable(error));
    return MappingStore(*db).mappings(u"ebay"_s).valueOr({});
}

qint64 TestImportListingsDialog::available(const QString &sku)
{
    QString error;
    auto db = Database::open(m_databaseLocation, &error);
    if (!db)
        qFatal("cannot open the console's database: %s", qPrintable(error));
    const auto level = InventoryStore(*db).stock(sku);
    return level && *level ? (*level)->available : -1;
}

void TestImportListingsDialog::importNeedsASelectedChannel()
{
    QVERIFY(startCore());
    QTableView *view = widget<QTableView>(u"channelsView"_s);
    QVERIFY(view);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kWaitMs);
    QVERIFY(!action(u"actionImportListings"_s)->isEnabled());
    QVERIFY(!widget<QPushButton>(u"importListings"_s)->isEnabled());
    view->setCurrentIndex(view->model()->index(0, 0));
    QVERIFY(action(u"actionImportListings"_s)->isEnabled());
    QVERIFY(widget<QPushButton>(u"importListings"_s)->isEnabled());
    // In the window's Channels menu, with a shortcut.
    QVERIFY(window()->findChild<QMenu *>(u"menuChannels"_s));
    QVERIFY(window()
                ->findChild<QMenu *>(u"menuChannels"_s)
                ->actions()
                .contains(action(u"actionImportListings"_s)));
    QVERIFY(!action(u"actionImportListings"_s)->shortcut().isEmpty());
    QVERIFY(quitWindow());
}

void TestImportListingsDialog::dryLookThenMap_data()
{
    QTest::addColumn<AdoptPolicy>("policy");
    QTest::addColumn<QString>("choice");
    QTest::addColumn<qint64>("listing3"); // what the channel shows for SKU-0003 in the end
    QTest::addColumn<qint64>("available3"); // and our available of SKU-0003
    QTest::addColumn<int>("driftLeft");
    QTest::newRow("leave drift alone") << AdoptPolicy::None << u"adoptNone"_s << 35LL << 40LL << 2;
    QTest::newRow("send our numbers") << AdoptPolicy::Ours << u"adoptOurs"_s << 40LL << 40LL << 0;
    QTest::newRow("take the channel's")
        << AdoptPolicy::Theirs << u"adoptTheirs"_s << 35LL << 35LL << 0;
}

void TestImportListingsDialog::dryLookThenMap()
{
    QFETCH(AdoptPolicy, policy);
    QFETCH(QString, choice);
    QFETCH(qint64, listing3);
    QFETCH(qint64, available3);
    QFETCH(int, driftLeft);
    QVERIFY(startCore());
    QSignalSpy progress(bridge(), &CoreBridge::listingPullProgress);
    ImportListingsDialog *dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->channel(), u"ebay"_s);

    // The dry look: the report, and nothing mapped.
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), ImportListingsDialog::Stage::Looked, kWaitMs);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(1).toInt(), 21);
    QCOMPARE(in<QLabel>(dialog, u"importListingsCount"_s)->text(), u"21"_s);
    QCOMPARE(in<QLabel>(dialog, u"importMapped"_s)->text(), u"20"_s);
    QCOMPARE(in<QLabel>(dialog, u"importAlreadyMapped"_s)->text(), u"0"_s);
    QAbstractItemModel *drift = in<QTableView>(dialog, u"importDriftView"_s)->model();
    QCOMPARE(drift->rowCount(), 2);
    QCOMPARE(drift->index(0, 0).data().toString(), u"SKU-0003"_s); // sorted by SKU
    QCOMPARE(drift->index(0, 2).data().toString(), u"35"_s); // the channel shows
    QCOMPARE(drift->index(0, 3).data().toString(), u"40"_s); // we would show
    QAbstractItemModel *remote = in<QTableView>(dialog, u"importUnmatchedRemoteView"_s)->model();
    QCOMPARE(remote->rowCount(), 1);
    QCOMPARE(remote->index(0, 0).data().toString(), u"OTHER-1"_s);
    QCOMPARE(remote->index(0, 2).data().toString(), u"5"_s);
    QAbstractItemModel *local = in<QListView>(dialog, u"importUnmatchedLocalView"_s)->model();
    QCOMPARE(local->rowCount(), 5); // SKU-0021..SKU-0025
    QCOMPARE(local->index(0, 0).data().toString(), u"SKU-0021"_s);
    QVERIFY(mappings().isEmpty());
    QCOMPARE(m_sim->channel(u"ebay"_s)->listing(u"SKU-0003"_s)->quantity, 35LL);

    // The merchant's choice, then Map.
    auto *radio = in<QRadioButton>(dialog, choice);
    QVERIFY(radio);
    radio->click();
    QCOMPARE(dialog->adoptPolicy(), policy);
    auto *map = in<QPushButton>(dialog, u"mapListings"_s);
    QVERIFY(map->isEnabled());
    QTest::mouseClick(map, Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QVERIFY(!map->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), ImportListingsDialog::Stage::Mapped, kWaitMs);
    QCOMPARE(in<QLabel>(dialog, u"importMapped"_s)->text(), u"20"_s);
    QVERIFY(!map->isEnabled()); // nothing left to map until the next look

    const QList<ListingMapping> mapped = mappings();
    QCOMPARE(mapped.size(), 20);
    QVERIFY(std::any_of(mapped.cbegin(), mapped.cend(), [](const ListingMapping &m) {
        return m.sku == "SKU-0003"_L1 && m.remoteId == "SKU-0003"_L1;
    }));
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->channel(u"ebay"_s)->listing(u"SKU-0003"_s)->quantity, listing3,
                              kWaitMs);
    QCOMPARE(available(u"SKU-0003"_s), available3);
    if (policy == AdoptPolicy::Theirs)
        QCOMPARE(available(u"SKU-0007"_s), 44LL);
    // What was left alone is on the Drift tab.
    auto *driftTab = widget<QTableView>(u"driftView"_s);
    QTRY_COMPARE_WITH_TIMEOUT(driftTab->model()->rowCount(), driftLeft, kWaitMs);

    // A second look finds them mapped.
    QTest::mouseClick(in<QPushButton>(dialog, u"lookAgain"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), ImportListingsDialog::Stage::Looked, kWaitMs);
    QCOMPARE(in<QLabel>(dialog, u"importAlreadyMapped"_s)->text(), u"20"_s);
    QCOMPARE(in<QLabel>(dialog, u"importMapped"_s)->text(), u"0"_s);
    QVERIFY(!map->isEnabled());
    QTest::mouseClick(in<QPushButton>(dialog, u"closeImport"_s), Qt::LeftButton);
    QTRY_VERIFY(!window()->findChild<ImportListingsDialog *>());
    QVERIFY(quitWindow());
}

void TestImportListingsDialog::unreadableChannelInItsOwnWords()
{
    allowChannelDeskWarnings(); // the core logs the refused reads
    QVERIFY(startCore("v^1.1#wrong"));
    ImportListingsDialog *dialog = openDialog();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), ImportListingsDialog::Stage::Failed, kWaitMs);
    const QString status = in<QLabel>(dialog, u"importStatus"_s)->text();
    QVERIFY2(status.contains(u"Invalid access token"_s), qPrintable(status));
    QVERIFY2(status.contains(u"nothing was mapped"_s), qPrintable(status));
    QVERIFY(!in<QPushButton>(dialog, u"mapListings"_s)->isEnabled());
    QVERIFY(in<QPushButton>(dialog, u"lookAgain"_s)->isEnabled());
    QVERIFY(mappings().isEmpty());
    QVERIFY(quitWindow());
}

void TestImportListingsDialog::cancelMapsNothing()
{
    QVERIFY(startCore());
    ImportListingsDialog *dialog = openDialog();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), ImportListingsDialog::Stage::Looked, kWaitMs);
    // Map, cancelled before the catalogue's answer is in: nothing is mapped.
    QTest::mouseClick(in<QPushButton>(dialog, u"mapListings"_s), Qt::LeftButton);
    auto *cancel = in<QPushButton>(dialog, u"cancelPull"_s);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), ImportListingsDialog::Stage::Looked, kWaitMs);
    QCOMPARE(in<QLabel>(dialog, u"importStatus"_s)->text(), u"Cancelled; nothing was mapped."_s);
    QVERIFY(!cancel->isEnabled());
    // The core thread has taken the cancel before this look: the cancelled pull never maps.
    QTest::mouseClick(in<QPushButton>(dialog, u"lookAgain"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), ImportListingsDialog::Stage::Looked, kWaitMs);
    QCOMPARE(in<QLabel>(dialog, u"importMapped"_s)->text(), u"20"_s);
    QVERIFY(mappings().isEmpty());
    QVERIFY(quitWindow());
}

QTEST_MAIN(TestImportListingsDialog)
#include "tst_importlistingsdialog.moc"
