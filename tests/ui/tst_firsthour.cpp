// "The first hour of a merchant" (issue 15), driven offscreen by objectName the way a new user
// goes: an empty database and no config show the empty states; the stock comes in from a CSV
// (preview, then Import); Connect a channel with a wrong token is refused in the channel's words,
// then fixed and saved (secrets to the keychain, the core restarts with the channel, orders
// polled: this console does not listen); the listings are read, their drift shown before
// anything is sent, and adopted: our numbers go to the simulated Shopify.
#include "channels/channelmodel.h"
#include "channels/channelspanel.h"
#include "channels/connectchanneldialog.h"
#include "channels/importlistingsdialog.h"
#include "guitestbase.h"
#include "sim/channelsim.h"
#include "sim/simchannel.h"
#include "stock/stockfiles.h"
#include "stock/stockimportdialog.h"
#include "stock/stockmodel.h"
#include "stock/stockpanel.h"
#include "widgets/emptystate.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 20'000;
const QString kToken = u"shpat_first_hour"_s;
} // namespace

class TestFirstHour : public GuiTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTestCase(u"tst_firsthour"_s); }
    void init();
    void cleanup();

    void fromAnEmptyWindowToAConnectedShop();

private:
    // With CHANNELDESK_FIRSTHOUR_SCREENSHOTS=DIR, each step is written there as a PNG (the
    // README's first-hour pictures); otherwise nothing.
    static void shoot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CHANNELDESK_FIRSTHOUR_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QTest::qWait(300); // let it lay out
        QDir().mkpath(dir);
        widget->grab().save(dir + u'/' + name + u".png"_s);
    }

    template<typename T> T *in(QWidget *parent, const QString &name)
    {
        T *child = parent->findChild<T *>(name);
        if (!child)
            qWarning("no %s", qPrintable(name));
        return child;
    }

    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<QHttpServer> m_server;
};

void TestFirstHour::init()
{
    initGuiTest();
    // The merchant's Shopify: MUG-1 shows 7 where the shelf has 12, TEE-1 matches, GIFT-1 is
    // not stock we keep.
    const QJsonObject listings {
        {u"40001"_s, QJsonObject {{u"quantity"_s, 7}, {u"sku"_s, u"MUG-1"_s}}},
        {u"40002"_s, QJsonObject {{u"quantity"_s, 3}, {u"sku"_s, u"TEE-1"_s}}},
        {u"40003"_s, QJsonObject {{u"quantity"_s, 1}, {u"sku"_s, u"GIFT-1"_s}}}};
    m_sim = std::make_unique<ChannelSimulator>(SystemClock::instance());
    QString error;
    QVERIFY2(m_sim->configure({QJsonObject {{u"id"_s, u"shop"_s},
                                            {u"type"_s, u"shopify"_s},
                                            {u"token"_s, kToken},
                                            {u"listings"_s, listings}}},
                              &error),
             qPrintable(error));
    m_server = std::make_unique<QHttpServer>();
    m_sim->install(*m_server);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0) != 0);
}

void TestFirstHour::cleanup()
{
    cleanupGuiTest();
    m_server.reset();
    m_sim.reset();
}

void TestFirstHour::fromAnEmptyWindowToAConnectedShop()
{
    // An empty database, no config file: every panel says what to do.
    QVERIFY(startWindow(seededOptions(0)));
    EmptyState *stockEmpty = window()->stockPanel()->emptyState();
    QVERIFY(stockEmpty->isEmptyShown());
    for (const QString &button : {u"emptyImportStock"_s, u"emptyAddSku"_s, u"emptyTryDemo"_s})
        QVERIFY2(in<QPushButton>(stockEmpty, button)->isVisibleTo(window()), qPrintable(button));
    window()->tabs()->setCurrentWidget(window()->channelsPanel());
    auto *connectButton = widget<QPushButton>(u"emptyConnectChannel"_s);
    QVERIFY(connectButton && connectButton->isVisible());
    window()->tabs()->setCurrentWidget(window()->stockPanel());
    shoot(window(), u"1-empty"_s);

    // The stock from a CSV: previewed, then imported; the empty state gives way to the table.
    const QString csv = dataDir() + u"/stock.csv"_s;
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sku,available,title\nMUG-1,12,Blue mug\nTEE-1,3,T-shirt\nCAP-1,9,Cap\n");
    file.close();
    window()->stockFiles()->importFrom(csv);
    QTRY_VERIFY_WITH_TIMEOUT(window()->stockFiles()->previewDialog(), kWaitMs);
    StockImportDialog *preview = window()->stockFiles()->previewDialog();
    QCOMPARE(in<QTableWidget>(preview, u"importChanges"_s)->rowCount(), 3);
    shoot(preview, u"2-import-preview"_s);
    in<QPushButton>(preview, u"importApply"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(window()->stockPanel()->model()->rowCount(), 3, kWaitMs);
    QVERIFY(!stockEmpty->isEmptyShown());

    // Connect the shop, first with a wrong token: refused, in the channel's words, not saved.
    connectButton->click();
    auto *dialog = window()->findChild<ConnectChannelDialog *>();
    QVERIFY(dialog);
    in<QComboBox>(dialog, u"connectType"_s)->setCurrentIndex(0); // Shopify
    in<QLineEdit>(dialog, u"connectId"_s)->setText(u"shop"_s);
    const quint16 port = m_server->serverPorts().constFirst();
    in<QLineEdit>(dialog, u"connectAddress"_s)->setText(u"http://127.0.0.1:%1/shop"_s.arg(port));
    in<QLineEdit>(dialog, u"connectLocation"_s)->setText(u"124656943"_s);
    auto *token = in<QLineEdit>(dialog, u"connectSecret-token"_s);
    QVERIFY(token->isVisibleTo(dialog));
    token->setText(u"shpat_wrong"_s);
    // This console does not listen: orders are polled, and no webhook secret is asked for.
    auto *polling = in<QRadioButton>(dialog, u"connectPolling"_s);
    polling->click();
    QVERIFY(!in<QLineEdit>(dialog, u"connectSecret-webhook_secret"_s)->isVisibleTo(dialog));
    auto *result = in<QLabel>(dialog, u"connectResult"_s);
    auto *save = in<QPushButton>(dialog, u"connectSave"_s);
    in<QPushButton>(dialog, u"connectTest"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"The token was refused"_s), kWaitMs);
    QVERIFY2(result->text().contains(u"401"_s), qPrintable(result->text()));
    QVERIFY(!save->isEnabled());
    shoot(dialog, u"3-connect-refused"_s);

    // Fixed: the shop answers with its name, and it can be saved.
    token->setText(kToken);
    in<QPushButton>(dialog, u"connectTest"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), u"Connected to Simulated shop shop."_s, kWaitMs);
    QTRY_VERIFY(save->isEnabled());
    shoot(dialog, u"4-connect-ok"_s);
    save->click();

    // Saved: the core restarts with the channel and its listings are read, drift first.
    QTRY_VERIFY_WITH_TIMEOUT(window()->findChild<ImportListingsDialog *>(), kWaitMs);
    auto *pull = window()->findChild<ImportListingsDialog *>();
    QCOMPARE(pull->channel(), u"shop"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pull->stage(), ImportListingsDialog::Stage::Looked, kWaitMs);
    QAbstractItemModel *drift = in<QTableView>(pull, u"importDriftView"_s)->model();
    QCOMPARE(drift->rowCount(), 1);
    QCOMPARE(drift->index(0, 0).data().toString(), u"MUG-1"_s);
    QCOMPARE(drift->index(0, 2).data().toString(), u"7"_s); // the channel shows
    QCOMPARE(drift->index(0, 3).data().toString(), u"12"_s); // we would show
    in<QTabWidget>(pull, u"importReportTabs"_s)
        ->setCurrentWidget(in<QTableView>(pull, u"importDriftView"_s));
    shoot(pull, u"5-listings-drift"_s);
    // Nothing was sent while the merchant looked.
    QCOMPARE(m_sim->channel(u"shop"_s)->listing(u"40001"_s)->quantity, 7LL);

    // Adopt: our numbers go to the shop.
    in<QRadioButton>(pull, u"adoptOurs"_s)->click();
    in<QPushButton>(pull, u"mapListings"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(pull->stage(), ImportListingsDialog::Stage::Mapped, kWaitMs);
    QCOMPARE(pull->report().pushed, QStringList {u"MUG-1"_s});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->channel(u"shop"_s)->listing(u"40001"_s)->quantity, 12LL,
                              kWaitMs);
    QCOMPARE(window()->channelsPanel()->model()->rowCount(), 1);
    QVERIFY(quitWindow());
}

QTEST_MAIN(TestFirstHour)
#include "tst_firsthour.moc"
