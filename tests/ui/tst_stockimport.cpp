// File > Import stock… and Export stock… on GuiTestBase: the file is read and checked on the core
// thread with the rules of `channeldesk-cli import-stock`, the preview says what will change
// before anything is written, a file with a bad row shows every bad row by line number and
// imports nothing, and Import applies every row (audited). Export writes what the Stock tab
// shows, spreadsheet-safe.
#include "guitestbase.h"
#include "stock/stockfiles.h"
#include "stock/stockimportdialog.h"
#include "stock/stockmodel.h"
#include "stock/stockpanel.h"
#include "widgets/taskprogress.h"

#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace ChannelDesk;
using namespace ChannelDesk::Testing;
using namespace Qt::StringLiterals;

class TestStockImport : public GuiTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTestCase(u"tst_stockimport"_s); }
    void init() { initGuiTest(); }
    void cleanup() { cleanupGuiTest(); }

    void badFileImportsNothing_data();
    void badFileImportsNothing();
    void previewThenImport();
    void exportIsSpreadsheetSafe();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    StockImportDialog *preview(const QString &path);
    qint64 available(const QString &sku) const;
};

QString TestStockImport::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = dataDir() + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

StockImportDialog *TestStockImport::preview(const QString &path)
{
    window()->stockFiles()->importFrom(path);
    if (!QTest::qWaitFor([this] { return window()->stockFiles()->previewDialog(); }, 10'000))
        return nullptr;
    return window()->stockFiles()->previewDialog();
}

qint64 TestStockImport::available(const QString &sku) const
{
    const StockModel *model = window()->stockPanel()->model();
    const StockRow *row = model->rowAt(model->rowOf(sku));
    return row ? row->available : -1;
}

void TestStockImport::badFileImportsNothing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("not a number") << "sku,available\nSKU-0001,7\nSKU-0002,many\n"_ba
                                  << QStringList {u"line 3:"_s};
    QTest::newRow("negative and duplicate") << "sku,available\nSKU-0001,-1\nNEW-1,4\nNEW-1,5\n"_ba
                                            << QStringList {u"line 2:"_s, u"line 4:"_s};
    QTest::newRow("missing field")
        << "sku,available,title\nSKU-0002\nNEW-2,3,Mug\n"_ba << QStringList {u"line 2:"_s};
    QTest::newRow("wrong header") << "product,qty\nSKU-0001,3\n"_ba << QStringList {u"line 1:"_s};
    QTest::newRow("on hand not a number")
        << "sku,on_hand\nSKU-0001,5\nSKU-0002,x\n"_ba << QStringList {u"line 3:"_s};
}

void TestStockImport::badFileImportsNothing()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, errors);
    QVERIFY(startWindow(seededOptions(2, 40)));
    QTRY_COMPARE(window()->stockPanel()->model()->rowCount(), 2);
    StockImportDialog *dialog = preview(writeFile(u"bad.csv"_s, csv));
    QVERIFY(dialog);
    auto *shown = dialog->findChild<QPlainTextEdit *>(u"importErrors"_s);
    QVERIFY(shown);
    for (const QString &error : std::as_const(errors))
        QVERIFY2(shown->toPlainText().contains(error), qPrintable(shown->toPlainText()));
    // Every message names its line; the rows that are fine are not listed.
    for (const QString &line : shown->toPlainText().split(u'\n'))
        QVERIFY2(line.startsWith(u"line "_s), qPrintable(line));
    auto *apply = dialog->findChild<QPushButton *>(u"importApply"_s);
    QVERIFY(apply && !apply->isEnabled());
    QVERIFY(dialog->rows().isEmpty());
    dialog->reject();
    QCOMPARE(available(u"SKU-0001"_s), 40);
    QCOMPARE(available(u"SKU-0002"_s), 40);
    QCOMPARE(window()->stockPanel()->model()->rowCount(), 2);
}

void TestStockImport::previewThenImport()
{
    QVERIFY(startWindow(seededOptions(3, 40)));
    QTRY_COMPARE(window()->stockPanel()->model()->rowCount(), 3);
    StockImportDialog *dialog = preview(
        writeFile(u"stock.csv"_s,
                  "sku,available,title\nSKU-0001,12,\nSKU-0002,40,\nNEW-1,5,\"Mug, blue\"\n"_ba));
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QPlainTextEdit *>(u"importErrors"_s));
    auto *table = dialog->findChild<QTableWidget *>(u"importChanges"_s);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 0)->text(), u"SKU-0001"_s);
    QCOMPARE(table->item(0, 2)->text(), u"40 \u2192 12"_s);
    QCOMPARE(table->item(1, 1)->text(), u"unchanged"_s);
    QCOMPARE(table->item(2, 1)->text(), u"new SKU"_s);
    QCOMPARE(table->item(2, 3)->text(), u"Mug, blue"_s);
    // Nothing is written while the merchant looks.
    QTest::qWait(200);
    QCOMPARE(available(u"SKU-0001"_s), 40);
    QCOMPARE(window()->stockPanel()->model()->rowOf(u"NEW-1"_s), -1);

    auto *apply = dialog->findChild<QPushButton *>(u"importApply"_s);
    QVERIFY(apply && apply->isEnabled());
    auto *reason = dialog->findChild<QLineEdit *>(u"importReason"_s);
    reason->clear();
    QVERIFY(!apply->isEnabled()); // the audit log needs a reason
    reason->setText(u"spring count"_s);
    QSignalSpy finished(bridge(), &CoreBridge::stockImportFinished);
    apply->click();
    QVERIFY(finished.wait(10'000));
    QVERIFY(finished.at(0).at(1).toBool());
    QCOMPARE(finished.at(0).at(2).toString(), u"Imported 3 rows: 2 changed, 1 unchanged"_s);
    QTRY_COMPARE(available(u"SKU-0001"_s), 12);
    QTRY_COMPARE(available(u"NEW-1"_s), 5);
    QCOMPARE(available(u"SKU-0002"_s), 40);
    QVERIFY(!window()->taskProgress()->isRunning());
}

void TestStockImport::exportIsSpreadsheetSafe()
{
    QVERIFY(startWindow(seededOptions(0)));
    StockImportDialog *dialog = preview(
        writeFile(u"stock.csv"_s,
                  "sku,available,title\nA-1,3,\"=HYPERLINK(\"\"http://x\"\")\"\nB-2,0,@SUM\n"_ba));
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QPlainTextEdit *>(u"importErrors"_s));
    dialog->findChild<QPushButton *>(u"importApply"_s)->click();
    QTRY_COMPARE(window()->stockPanel()->model()->rowCount(), 2);

    const QString path = dataDir() + u"/export.csv"_s;
    QSignalSpy written(bridge(), &CoreBridge::fileWritten);
    window()->stockFiles()->exportTo(path);
    QVERIFY(written.wait(10'000));
    QCOMPARE(written.at(0).at(2).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(u"SKU,"_s), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(u"A-1,\"'=HYPERLINK(\"\"http://x\"\")\""_s),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(u"B-2,'@SUM,"_s), qPrintable(lines.at(2)));
}

QTEST_MAIN(TestStockImport)
#include "tst_stockimport.moc"
