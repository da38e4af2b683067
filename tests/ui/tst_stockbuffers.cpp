// The Stock tab's per-cell buffer editor on GuiTestBase: each channel cell says what the channel
// should show beside what it acknowledged; editing a cell goes through the core thread to the
// same store call as buffer-import (audited), and the row follows.
#include "buffers/bufferdialog.h"
#include "buffers/bufferfields.h"
#include "guitestbase.h"
#include "stock/stockfilterproxy.h"
#include "stock/stockmodel.h"
#include "stock/stockpanel.h"
#include "store/bufferstore.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestStockBuffers : public GuiTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTestCase(u"tst_stockbuffers"_s); }
    void init() { initGuiTest(); }
    void cleanup() { cleanupGuiTest(); }

    void cellEditorSetsTheListingsBuffer();

private:
    // Three SKUs of 40 listed on an eBay channel that shows half, which nothing answers (its
    // pushes fail and retry; what the cells expect does not depend on them).
    ConsoleWorker::Options optionsWithChannel();
    QString cellText(const QString &sku, int channel);

    QString m_location;
};

ConsoleWorker::Options TestStockBuffers::optionsWithChannel()
{
    ConsoleWorker::Options options = seededOptions(3, 40);
    m_location = options.databaseLocation;
    ChannelConfig ebay;
    ebay.id = u"ebay"_s;
    ebay.type = u"ebay"_s;
    ebay.baseUrl = QUrl(u"http://127.0.0.1:9"_s);
    ebay.credentials.insert(u"token"_s, "t");
    ebay.buffer.percent = 50;
    ChannelsConfig config;
    config.channels = {ebay};
    options.config = config;
    QString error;
    auto db = Database::open(m_location, &error);
    if (!db)
        qFatal("cannot open the database: %s", qPrintable(error));
    const Status mapped = MappingStore(*db).importMappings(
        {{u"ebay"_s, u"SKU-0001"_s, u"SKU-0001"_s}, {u"ebay"_s, u"SKU-0002"_s, u"SKU-0002"_s}}, 0);
    if (!mapped)
        qFatal("cannot map the listings: %s", qPrintable(mapped.error()));
    return options;
}

QString TestStockBuffers::cellText(const QString &sku, int channel)
{
    auto *panel = widget<StockPanel>(u"stockPanel"_s);
    const int row = panel->model()->rowOf(sku);
    return panel->model()->index(row, StockModel::FirstChannel + channel).data().toString();
}

void TestStockBuffers::cellEditorSetsTheListingsBuffer()
{
    allowChannelDeskWarnings(); // the channel never answers: its retries warn
    QVERIFY(startWindow(optionsWithChannel()));
    auto *panel = widget<StockPanel>(u"stockPanel"_s);
    QVERIFY(panel);
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 3, 10'000);
    // The channel's rule: half of 40.
    QVERIFY2(cellText(u"SKU-0001"_s, 0).startsWith(u"20/"_s),
             qPrintable(cellText(u"SKU-0001"_s, 0)));
    QCOMPARE(cellText(u"SKU-0003"_s, 0), u"\u2014"_s); // not listed there

    // Select the SKU's eBay cell, open its editor with the button.
    QTableView *view = panel->view();
    const QModelIndex source =
        panel->model()->index(panel->model()->rowOf(u"SKU-0001"_s), StockModel::FirstChannel);
    view->setCurrentIndex(panel->proxy()->mapFromSource(source));
    auto *button = widget<QPushButton>(u"bufferButton"_s);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    BufferDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<BufferDialog *>(u"bufferDialog"_s)));
    auto *percent = dialog->findChild<QSpinBox *>(u"bufferPercent"_s);
    auto *max = dialog->findChild<QSpinBox *>(u"bufferMax"_s);
    QVERIFY(percent && max);
    QCOMPARE(percent->text(), u"50% (the channel's)"_s); // inherited, said so
    percent->setValue(100);
    max->setValue(30);
    QCOMPARE(dialog->findChild<QLabel *>(u"bufferShown"_s)->text(), u"ebay would show 30."_s);
    QSignalSpy saved(bridge(), &CoreBridge::bufferSaved);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"bufferOk"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10'000);
    QVERIFY2(saved.first().at(2).toBool(), qPrintable(saved.first().at(3).toString()));

    // The row follows: 30 expected, and italic for a rule of its own.
    QTRY_VERIFY_WITH_TIMEOUT(cellText(u"SKU-0001"_s, 0).startsWith(u"30/"_s), 10'000);
    const QModelIndex cell =
        panel->model()->index(panel->model()->rowOf(u"SKU-0001"_s), StockModel::FirstChannel);
    QVERIFY(cell.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(cellText(u"SKU-0002"_s, 0).startsWith(u"20/"_s));

    // Stored like buffer-import stores it, and audited with the console as actor.
    QString error;
    auto db = Database::open(m_location, &error);
    QVERIFY2(db, qPrintable(error));
    const auto overrides = BufferStore(*db).overrides();
    QVERIFY(overrides);
    QCOMPARE(*overrides,
             (QList<ListingBuffer> {{u"ebay"_s, u"SKU-0001"_s, BufferOverride {{}, 100, 30, {}}}}));
    InventoryStore::AuditFilter filter;
    filter.sku = u"SKU-0001"_s;
    filter.kind = MutationKind::Buffer;
    const auto audit = InventoryStore(*db).audit(filter);
    QVERIFY2(audit, qPrintable(audit.error()));
    // The first start sent the channel's rule (half, where the defaults had shown all) to
    // its listings; then the console's edit.
    QCOMPARE(audit->size(), 2);
    QCOMPARE(audit->first().actor, u"config"_s);
    QCOMPARE(audit->last().actor, u"console"_s);
    QCOMPARE(audit->last().channel, u"ebay"_s);
    db.reset();

    // Double-clicking the cell opens it again, with the listing's own values.
    const QModelIndex viewCell = panel->proxy()->mapFromSource(cell);
    view->scrollTo(viewCell);
    const QPoint at = view->visualRect(viewCell).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY((dialog = window()->findChild<BufferDialog *>(u"bufferDialog"_s)));
    QCOMPARE(dialog->buffer(), (BufferOverride {{}, 100, 30, {}}));
    // "Use the channel's rule" empties every field: back to half.
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"bufferInherit"_s), Qt::LeftButton);
    QVERIFY(dialog->buffer().isEmpty());
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"bufferOk"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(cellText(u"SKU-0001"_s, 0).startsWith(u"20/"_s), 10'000);
    QVERIFY(!panel->model()
                 ->index(panel->model()->rowOf(u"SKU-0001"_s), StockModel::FirstChannel)
                 .data(Qt::FontRole)
                 .value<QFont>()
                 .italic());
    QVERIFY(quitWindow());
}

QTEST_MAIN(TestStockBuffers)
#include "tst_stockbuffers.moc"
