// The Carrier quotes tab without a core: the answer on screen with the choice explained, the
// order picker (its model has tst_recentordermodel), the shipment built from a picked or typed
// order, and the ship-from and parcel defaults kept across sessions.
#include "carriers/quoteresult.h"
#include "quotes/quotemodel.h"
#include "quotes/quotepanel.h"
#include "quotes/recentordermodel.h"
#include "quotetestdata.h"

#include <QCheckBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Test;
using namespace Qt::StringLiterals;

namespace {
OrderEvent order(const QString &id, const QString &postalCode = u"94105"_s)
{
    OrderEvent o;
    o.channel = u"shop-us"_s;
    o.orderId = id;
    o.lines = {{u"SKU-00012"_s, 2}};
    o.receivedAtMs = 1'796'112'000'000;
    if (!postalCode.isEmpty())
        o.shipTo = ShipTo::from(postalCode, u"us"_s, u"San Francisco"_s, u"CA"_s);
    return o;
}
} // namespace

class TestQuotePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { QSettings().clear(); }
    void explanationNamesTheChosenCarrier();
    void pickingAnOrderFillsTheShipment_data();
    void pickingAnOrderFillsTheShipment();
    void pickedOrderStaysPickedAsOrdersArrive();
    void frozenListHoldsNewOrders();
    void typedShipment();
    void defaultsPersist();
};

void TestQuotePanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ChannelDeskTests"_s);
    QCoreApplication::setApplicationName(u"tst_quotepanel"_s);
    QLocale::setDefault(QLocale::c());
}

void TestQuotePanel::explanationNamesTheChosenCarrier()
{
    QuotePanel panel(nullptr);
    QSignalSpy shown(&panel, &QuotePanel::quoteShown);
    panel.show();
    panel.showResult(sampleQuoteResult());
    QCOMPARE(shown.count(), 1);
    const QString sentence = panel.explanationLabel()->text();
    QVERIFY2(sentence.startsWith("USPS Priority Mail via shippo chosen: 9.85 USD"_L1),
             qPrintable(sentence));
    QVERIFY2(sentence.contains("the lowest of 3 qualifying quotes"_L1), qPrintable(sentence));
    // The table as the user sees it (through the sort proxy): the chosen quote on top, the
    // errors at the bottom.
    const QAbstractItemModel *shownModel = panel.view()->model();
    QCOMPARE(shownModel->rowCount(), 7);
    QCOMPARE(shownModel->index(0, QuoteModel::Source).data().toString(), u"shippo"_s);
    QCOMPARE(shownModel->index(0, QuoteModel::Fate).data().toString(), u"Chosen"_s);
    QCOMPARE(shownModel->index(6, QuoteModel::Fate).data().toString(), u"Error"_s);
    // What is on screen can be asked again.
    QCOMPARE(panel.quoteButton()->text(), u"Re-quo&te"_s);
    panel.findChild<QLineEdit *>(u"quoteToPostalCode"_s)->setText(u"10001"_s);
    QCOMPARE(panel.quoteButton()->text(), u"&Get quotes"_s);

    QuoteResult none = sampleQuoteResult();
    none.quotes = {none.quotes.at(0)};
    panel.showResult(none);
    QVERIFY2(panel.explanationLabel()->text().startsWith("No quote qualified"_L1),
             qPrintable(panel.explanationLabel()->text()));
}

void TestQuotePanel::pickingAnOrderFillsTheShipment_data()
{
    QTest::addColumn<QString>("postalCode");
    QTest::newRow("with ship-to") << u"94105"_s;
    QTest::newRow("without") << QString();
}

void TestQuotePanel::pickingAnOrderFillsTheShipment()
{
    QFETCH(QString, postalCode);
    QuotePanel panel(nullptr);
    panel.orders()->addOrders({order(u"1001"_s, postalCode), order(u"1002"_s)});
    panel.orderView()->selectRow(1); // rows are newest first: 1001 is the second
    const ShipmentRequest r = panel.request();
    QCOMPARE(r.orderId, u"1001"_s);
    QCOMPARE(r.to.postalCode, postalCode);
    QCOMPARE(r.to.country, postalCode.isEmpty() ? QString() : u"US"_s);
    QCOMPARE(r.from.postalCode, u"10001"_s); // the merchant default
    QCOMPARE(r.from.country, u"US"_s);
    QCOMPARE(r.parcels.size(), 1);
    QCOMPARE(r.parcels.first().weightGrams, 1200);
    QCOMPARE(r.promisedBy, addBusinessDays(QDateTime::currentDateTimeUtc().date(), 3));
    if (postalCode.isEmpty()) {
        QVERIFY(panel.findChild<QLabel *>(u"quoteStatus"_s)->text().contains("no ship-to"_L1));
    }
}

void TestQuotePanel::pickedOrderStaysPickedAsOrdersArrive()
{
    QuotePanel panel(nullptr);
    panel.orders()->setMaxRows(3);
    panel.addOrders({order(u"1"_s), order(u"2"_s, u"60614"_s)});
    panel.orderView()->selectRow(0);
    QCOMPARE(panel.request().orderId, u"2"_s);
    // A flash sale: the picked order slides down and off the list; the shipment stays its own.
    for (int i = 3; i < 8; ++i)
        panel.addOrders({order(QString::number(i), u"33131"_s)});
    QCOMPARE(panel.orders()->rowCount(), 3);
    QCOMPARE(panel.request().orderId, u"2"_s);
    QCOMPARE(panel.request().to.postalCode, u"60614"_s);
    // No other row pretends to be the one picked.
    QVERIFY(!panel.orderView()->selectionModel()->hasSelection());
}

void TestQuotePanel::frozenListHoldsNewOrders()
{
    QuotePanel panel(nullptr);
    panel.addOrders({order(u"1"_s)});
    panel.freezeToggle()->setChecked(true);
    panel.addOrders({order(u"2"_s), order(u"3"_s)});
    QCOMPARE(panel.orders()->rowCount(), 1);
    panel.freezeToggle()->setChecked(false);
    QCOMPARE(panel.orders()->rowCount(), 3);
    QCOMPARE(panel.orders()->index(0, RecentOrderModel::Order).data().toString(), u"3"_s);
}

void TestQuotePanel::typedShipment()
{
    QuotePanel panel(nullptr);
    panel.show();
    QTest::keyClicks(panel.findChild<QLineEdit *>(u"quoteOrderId"_s), u"PHONE-7"_s);
    QTest::keyClicks(panel.findChild<QLineEdit *>(u"quoteToPostalCode"_s), u"M5V 2T6"_s);
    QTest::keyClicks(panel.findChild<QLineEdit *>(u"quoteToCountry"_s), u"ca9"_s);
    const ShipmentRequest r = panel.request();
    QCOMPARE(r.orderId, u"PHONE-7"_s);
    QCOMPARE(r.to.postalCode, u"M5V 2T6"_s);
    QCOMPARE(r.to.country, u"CA"_s); // upper-cased, the digit refused
}

void TestQuotePanel::defaultsPersist()
{
    {
        QuotePanel panel(nullptr);
        panel.findChild<QLineEdit *>(u"quoteFromPostalCode"_s)->setText(u"07302"_s);
        panel.findChild<QSpinBox *>(u"quoteWeight"_s)->setValue(2500);
    }
    QuotePanel again(nullptr);
    QCOMPARE(again.request().from.postalCode, u"07302"_s);
    QCOMPARE(again.request().parcels.first().weightGrams, 2500);
}

QTEST_MAIN(TestQuotePanel)
#include "tst_quotepanel.moc"
