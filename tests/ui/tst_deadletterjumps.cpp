// The Dead letters tab in the whole window (GuiTestBase): a letter shows every kept attempt and
// the orders behind it, its channel's errors are counted in the group tree, and it jumps to its
// SKU (the Stock tab selects the row, even behind a filter), to its orders (the Orders tab shows
// only those, until "Show all orders") and to an order's timeline.
#include "console/deadletterdetail.h"
#include "dlq/attemptmodel.h"
#include "dlq/deadletterdetailpane.h"
#include "dlq/deadletterfilterproxy.h"
#include "dlq/deadlettergroupmodel.h"
#include "dlq/deadlettermodel.h"
#include "dlq/deadletterpanel.h"
#include "guitestbase.h"
#include "orders/orderfilterproxy.h"
#include "orders/ordermodel.h"
#include "orders/orderspanel.h"
#include "orders/ordertimelinedialog.h"
#include "stock/stockpanel.h"
#include "store/attemptlog.h"
#include "store/deadletterqueue.h"
#include "store/mappingstore.h"
#include "testdatabase.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestDeadLetterJumps : public GuiTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTestCase(u"tst_deadletterjumps"_s); }
    void init() { initGuiTest(); }
    void cleanup() { cleanupGuiTest(); }

    void letterShowsItsAttemptsAndJumps();

private:
    // Two letters on eBay: SKU-0003 (three failed attempts, two orders behind it) and SKU-0007.
    ConsoleWorker::Options seedLetters();
};

ConsoleWorker::Options TestDeadLetterJumps::seedLetters()
{
    const ConsoleWorker::Options options = seededOptions(25, 40);
    QString error;
    auto db = Database::open(options.databaseLocation, &error);
    if (!db)
        qFatal("cannot open the database: %s", qPrintable(error));
    if (!MappingStore(*db).importMappings(
            {{u"ebay"_s, u"SKU-0003"_s, u"SKU-0003"_s}, {u"ebay"_s, u"SKU-0007"_s, u"SKU-0007"_s}},
            1000))
        qFatal("cannot map");
    SyncEngine engine(*db);
    for (const OrderEvent &o : {order(u"shop"_s, u"1001"_s, {{u"SKU-0003"_s, 2}}),
                                order(u"shop"_s, u"1002"_s, {{u"SKU-0003"_s, 1}}),
                                order(u"shop"_s, u"1003"_s, {{u"SKU-0005"_s, 1}})}) {
        if (engine.apply(o).outcome != ApplyOutcome::Applied)
            qFatal("cannot apply an order");
    }
    QList<AttemptLog::Entry> attempts;
    const QList<int> statuses {500, 429, 401};
    for (int i = 0; i < statuses.size(); ++i) {
        ListingAttempt a;
        a.atMs = 1'767'225'600'000 + i * 60'000;
        a.version = 3;
        a.attempt = i == 0 ? 1 : 2;
        a.kind = i == 1 ? u"throttled"_s : i == 2 ? u"permanent"_s : u"transient"_s;
        a.httpStatus = statuses.at(i);
        a.message = u"attempt %1"_s.arg(i + 1);
        a.request = u"{\"requests\": [{\"sku\": \"SKU-0003\", \"try\": %1}]}"_s.arg(i + 1);
        a.response = u"{\"errors\": [{\"errorId\": %1}]}"_s.arg(25000 + i);
        attempts.append({u"ebay"_s, u"SKU-0003"_s, a});
    }
    if (!AttemptLog(*db).record(attempts))
        qFatal("cannot record attempts");
    DeadLetterQueue::Failure f;
    f.version = 3;
    f.attempts = 2;
    f.kind = DeadLetterQueue::kUnauthorized;
    f.httpStatus = 401;
    f.message = u"HTTP 401 invalid token"_s;
    f.atMs = 1'767'225'720'000;
    if (!DeadLetterQueue(*db).deadLetter(u"ebay"_s, u"SKU-0003"_s, f))
        qFatal("cannot park");
    f.httpStatus = 400;
    f.code = u"25001"_s;
    f.kind = DeadLetterQueue::kPermanent;
    if (!DeadLetterQueue(*db).deadLetter(u"ebay"_s, u"SKU-0007"_s, f))
        qFatal("cannot park");
    return options;
}

void TestDeadLetterJumps::letterShowsItsAttemptsAndJumps()
{
    QVERIFY(startWindow(seedLetters()));
    DeadLetterPanel *panel = window()->deadLetterPanel();
    QVERIFY(trigger(u"actionShow-dead-letters"_s));
    QCOMPARE(window()->tabs()->currentWidget(), panel);
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, 10'000);

    // Counted by channel and error.
    DeadLetterGroupModel *groups = panel->groups();
    QCOMPARE(groups->rowCount(), 1);
    const QModelIndex ebay = groups->index(0, 0);
    QCOMPARE(ebay.data().toString(), u"ebay"_s);
    QCOMPARE(groups->index(0, DeadLetterGroupModel::Letters).data().toInt(), 2);
    QCOMPARE(groups->rowCount(ebay), 2);
    // Selecting an error narrows the table to its letters.
    panel->groupView()->setCurrentIndex(groups->index(1, 0, ebay)); // "HTTP 401"
    QCOMPARE(groups->index(1, 0, ebay).data().toString(), u"HTTP 401"_s);
    QCOMPARE(panel->proxy()->rowCount(), 1);
    QTableView *view = panel->view();
    view->selectRow(0);
    QCOMPARE(view->currentIndex().data(DeadLetterModel::KeySkuRole).toString(), u"SKU-0003"_s);

    // Every attempt, the newest selected with its request and answer.
    DeadLetterDetailPane *detail = panel->detailPane();
    QTRY_COMPARE_WITH_TIMEOUT(detail->attempts()->rowCount(), 3, 5'000);
    QCOMPARE(detail->attempts()->index(0, AttemptModel::Status).data().toInt(), 500);
    QCOMPARE(detail->attempts()->index(1, AttemptModel::Kind).data().toString(), u"throttled"_s);
    QCOMPARE(detail->attemptView()->currentIndex().row(), 2);
    auto *request = panel->findChild<QPlainTextEdit *>(u"dlqAttemptRequest"_s);
    auto *response = panel->findChild<QPlainTextEdit *>(u"dlqAttemptResponse"_s);
    QVERIFY(request && response);
    QVERIFY2(request->toPlainText().contains(u"\"try\": 3"_s), qPrintable(request->toPlainText()));
    QVERIFY(response->toPlainText().contains(u"25002"_s));
    detail->attemptView()->selectRow(0);
    QVERIFY(request->toPlainText().contains(u"\"try\": 1"_s));
    // The orders behind it: those that moved SKU-0003, not the one of SKU-0005.
    QCOMPARE(detail->orders()->topLevelItemCount(), 2);
    QCOMPARE(detail->orders()->topLevelItem(0)->text(2), u"1002"_s); // newest first

    // To the SKU, even when the Stock tab's filter hides it.
    StockPanel *stock = window()->stockPanel();
    stock->filterEdit()->setText(u"SKU-0010"_s);
    QTRY_COMPARE_WITH_TIMEOUT(stock->view()->model()->rowCount(), 1, 5'000);
    auto *showSku = panel->findChild<QPushButton *>(u"dlqShowSku"_s);
    QVERIFY(showSku && showSku->isEnabled());
    QTest::mouseClick(showSku, Qt::LeftButton);
    QCOMPARE(window()->tabs()->currentWidget(), stock);
    QCOMPARE(stock->currentSku(), u"SKU-0003"_s);
    QVERIFY(stock->filterEdit()->text().isEmpty());
    QVERIFY(stock->view()->selectionModel()->isRowSelected(stock->view()->currentIndex().row()));

    // To its orders: the Orders tab shows those two only, until "Show all orders".
    QVERIFY(trigger(u"actionShow-dead-letters"_s));
    auto *showOrders = panel->findChild<QPushButton *>(u"dlqShowOrders"_s);
    QVERIFY(showOrders);
    QTRY_VERIFY_WITH_TIMEOUT(showOrders->isEnabled(), 5'000);
    QTest::mouseClick(showOrders, Qt::LeftButton);
    OrdersPanel *orders = window()->ordersPanel();
    QCOMPARE(window()->tabs()->currentWidget(), orders);
    QTRY_COMPARE_WITH_TIMEOUT(orders->model()->rowCount(), 3, 10'000);
    QCOMPARE(orders->proxy()->rowCount(), 2);
    for (int r = 0; r < 2; ++r)
        QVERIFY(orders->proxy()->index(r, 0).data(OrderModel::OrderIdRole).toString() != u"1003"_s);
    auto *showAll = orders->findChild<QPushButton *>(u"ordersShowAll"_s);
    QVERIFY(showAll && showAll->isVisible());
    QTest::mouseClick(showAll, Qt::LeftButton);
    QCOMPARE(orders->proxy()->rowCount(), 3);
    QVERIFY(!showAll->isVisible());

    // To an order's timeline, from the letter's list.
    QVERIFY(trigger(u"actionShow-dead-letters"_s));
    QTreeWidget *list = detail->orders();
    list->setFocus();
    list->setCurrentItem(list->topLevelItem(1));
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window()->findChildren<OrderTimelineDialog *>().size(), 1, 5'000);
    OrderTimelineDialog *timeline = window()->findChildren<OrderTimelineDialog *>().first();
    QCOMPARE(timeline->channel(), u"shop"_s);
    QCOMPARE(timeline->orderId(), u"1001"_s);
    timeline->close();
    QVERIFY(quitWindow());
}

QTEST_MAIN(TestDeadLetterJumps)
#include "tst_deadletterjumps.moc"
