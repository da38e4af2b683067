// Runs the real channeldesk-cli binary on files with good and bad rows: the CLI contract for
// stock and orders (import-stock, apply-orders, adjust, audit; maps, dead letters, lag, serve:
// tst_cli_operations).
#include "clitest.h"

#include <QProcess>

#include <csignal>

using namespace Qt::StringLiterals;

class TestCli : public ChannelDesk::Testing::CliTest
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void noCommandIsBadInput();
    void importStock();
    void importStockBadRows_data();
    void importStockBadRows();
    void applyOrders();
    void orderLifecycle();
    void applyOrdersWorkers();
    void applyOrdersUnreadableFile();
    void adjust_data();
    void adjust();
    void auditFilters();
    void unusableDatabase();
    void crashMidApplyLosesAndDoublesNothing();
};

void TestCli::noCommandIsBadInput()
{
    QCOMPARE(cli({}).code, 1);
    QCOMPARE(cli({u"frobnicate"_s}).code, 1);
    QCOMPARE(cli({u"stock"_s, u"--no-such-option"_s}).code, 1);
}

void TestCli::importStock()
{
    const QString csv = write(u"s.csv"_s,
                              "sku,available,title,safety_buffer\n"
                              "A-1,10,\"Mug, blue\",2\nB-2,0,Plate,\n");
    const Run r = cli({u"import-stock"_s, csv});
    QCOMPARE(r.code, 0);
    const QJsonArray stock = stockJson();
    QCOMPARE(stock.size(), 2);
    const QJsonObject a = stock.at(0).toObject();
    QCOMPARE(a.keys(),
             (QStringList {u"available"_s, u"committed"_s, u"on_hand"_s, u"paused"_s,
                           u"safety_buffer"_s, u"sku"_s, u"title"_s, u"version"_s}));
    QCOMPARE(a[u"sku"_s].toString(), u"A-1"_s);
    QCOMPARE(a[u"title"_s].toString(), u"Mug, blue"_s);
    QCOMPARE(a[u"available"_s].toInt(), 10);
    QCOMPARE(a[u"safety_buffer"_s].toInt(), 2);
    QCOMPARE(a[u"paused"_s].toBool(), false);
    QCOMPARE(stock.at(1)[u"paused"_s].toBool(), true); // 0 available: paused

    const Run text = cli({u"stock"_s});
    QCOMPARE(text.code, 0);
    const QList<QByteArray> lines = text.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith("SKU"));
    // aligned: the AVAILABLE column ends at the same place on every line
    const qsizetype end = lines.at(0).indexOf("AVAILABLE") + 9;
    QVERIFY(lines.at(1).at(end - 1) == '0');
    QVERIFY(lines.at(2).at(end - 1) == '0');
}

void TestCli::importStockBadRows_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("missing field")
        << QByteArray("sku,available\nOK,1\nA\n") << QByteArray("line 3: expected 2 fields");
    QTest::newRow("non-integer") << QByteArray("sku,available\nOK,1\nA,x\n")
                                 << QByteArray("line 3: available \"x\" is not a whole number");
    QTest::newRow("negative") << QByteArray("sku,available\nOK,1\nA,-1\n")
                              << QByteArray("line 3: available \"-1\" is negative");
    QTest::newRow("duplicate sku")
        << QByteArray("sku,available\nOK,1\nOK,2\n") << QByteArray("line 3: duplicate SKU");
    QTest::newRow("over 2^31") << QByteArray("sku,available\nOK,1\nA,2147483648\n")
                               << QByteArray("line 3: available \"2147483648\" is over");
    QTest::newRow("bad header") << QByteArray("sku,qty\nOK,1\n")
                                << QByteArray("line 1: unknown column \"qty\"");
}

void TestCli::importStockBadRows()
{
    QFETCH(QByteArray, csv);
    QFETCH(QByteArray, message);
    QCOMPARE(cli({u"import-stock"_s, write(u"seed.csv"_s, "sku,available\nOK,50\n")}).code, 0);
    const Run r = cli({u"import-stock"_s, write(u"bad.csv"_s, csv)});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(r.err.contains("nothing was imported"));
    QCOMPARE(available(u"OK"_s), 50); // nothing changed, not even the good row
    QCOMPARE(stockJson().size(), 1);
}

void TestCli::applyOrders()
{
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA-1,5\nB-2,1\n")}).code, 0);
    const QString orders =
        write(u"o.jsonl"_s,
              R"({"channel":"shopify","order_id":"1001","lines":[{"sku":"A-1","qty":2}]}
{"channel":"shopify","order_id":"1001","lines":[{"sku":"A-1","qty":2}]}
{"channel":"ebay","order_id":"1001","lines":[{"sku":"A-1","qty":1}]}
not json at all

{"channel":"woo","order_id":"7","lines":[{"sku":"B-2","qty":2}]}
{"channel":"woo","order_id":"8","lines":[{"sku":"NOPE","qty":1}]}
{"channel":"woo","order_id":"9","lines":[{"sku":"A-1","qty":0}]}
{"channel":"woo","order_id":"10","lines":[{"sku":"A-1","qty":1},{"sku":"B-2","qty":1}]}
)");
    const Run r = cli({u"apply-orders"_s, orders});
    QCOMPARE(r.code, 0);
    const QList<QByteArray> out = r.out.trimmed().split('\n');
    QCOMPARE(out.size(), 1); // exactly one JSON line, its keys in the contract's order
    // A sale is a fact: the short ones are applied (oversold), the unknown SKU waits.
    QCOMPARE(out.first(),
             QByteArray(R"({"applied":2,"oversold":2,"duplicates":1,"unmatched":1,"invalid":2,)"
                        R"("cancelled":0,"refunded":0,"edited":0,"shipped":0,"ignored":0})"));
    const QJsonObject counts = QJsonDocument::fromJson(out.first()).object();
    QCOMPARE(counts.size(), 10);
    QVERIFY2(r.err.contains("line 4:"), r.err.constData());
    QVERIFY2(r.err.contains("line 8:"), r.err.constData());
    QCOMPARE(available(u"A-1"_s), 1);
    QCOMPARE(available(u"B-2"_s), -2);

    // Applying the same file again changes nothing: every order is a duplicate now.
    const Run again = cli({u"apply-orders"_s, orders});
    const QJsonObject counts2 = QJsonDocument::fromJson(again.out.trimmed()).object();
    QCOMPARE(counts2[u"applied"_s].toInt(), 0);
    QCOMPARE(counts2[u"duplicates"_s].toInt(), 6);
    QCOMPARE(available(u"A-1"_s), 1);
}

void TestCli::orderLifecycle()
{
    QCOMPARE(
        cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA-1,5\nB-2,1\nC-3,4\n")}).code,
        0);
    const QString events = write(u"e.jsonl"_s, R"(
{"channel":"shop","order_id":"1","lines":[{"sku":"A-1","qty":2,"line_id":"L1"}]}
{"channel":"shop","order_id":"1","event":"refund","refund_id":"R1","lines":[{"sku":"A-1","qty":1,"restock":true}]}
{"channel":"shop","order_id":"9999","lines":[{"sku":"A-1","qty":2}],"cancelled":true}
{"channel":"shop","order_id":"2","lines":[{"sku":"B-2","qty":3},{"remote_id":"gid-7","qty":1}]}
{"channel":"shop","order_id":"3","event":"ship","shipment_id":"F1"}
{"channel":"shop","order_id":"3","lines":[{"sku":"C-3","qty":2}]}
{"channel":"shop","order_id":"3","event":"edit","edit_id":"E1","lines":[{"sku":"C-3","qty":3}]}
{"channel":"shop","order_id":"1","event":"cancel"}
{"channel":"shop","order_id":"1","event":"cancel"}
{"channel":"shop","order_id":"404","event":"refund","refund_id":"R9","lines":[{"sku":"A-1","qty":1}]}
{"channel":"shop","order_id":"1","event":"nonsense"}
)");
    const Run r = cli({u"apply-orders"_s, events});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(),
             QByteArray(R"({"applied":2,"oversold":0,"duplicates":1,"unmatched":1,"invalid":1,)"
                        R"("cancelled":2,"refunded":1,"edited":1,"shipped":0,"ignored":2})"));
    // 1: took 2, one refunded back, the cancel gave back the other: A-1 as before.
    QCOMPARE(available(u"A-1"_s), 5);
    // 2: B-2 short by 2 and a line waiting for gid-7; 3: shipped at once (the shipment came
    // first and waited), then edited to 3: one more taken.
    QCOMPARE(available(u"B-2"_s), -2);
    QCOMPARE(available(u"C-3"_s), 1);

    const Run oversold = cli({u"oversold"_s, u"--json"_s});
    QCOMPARE(oversold.code, 0);
    const QJsonArray owed = QJsonDocument::fromJson(oversold.out).array();
    QCOMPARE(owed.size(), 1);
    QCOMPARE(owed.at(0)[u"order_id"_s].toString(), u"2"_s);
    QCOMPARE(owed.at(0)[u"sku"_s].toString(), u"B-2"_s);
    QCOMPARE(owed.at(0)[u"owed"_s].toInt(), 2);
    for (const char *key : {"channel", "order_id", "sku", "owed", "at"})
        QVERIFY(owed.at(0).toObject().contains(QLatin1StringView(key)));

    const Run unmatched = cli({u"unmatched"_s, u"--json"_s});
    const QJsonArray waiting = QJsonDocument::fromJson(unmatched.out).array();
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.at(0)[u"line"_s].toInt(), 2);
    QCOMPARE(waiting.at(0)[u"remote_id"_s].toString(), u"gid-7"_s);
    QCOMPARE(waiting.at(0)[u"qty"_s].toInt(), 1);
    for (const char *key : {"channel", "order_id", "line", "sku", "remote_id", "qty", "at"})
        QVERIFY(waiting.at(0).toObject().contains(QLatin1StringView(key)));

    // The mapping arrives: the waiting line takes its stock by itself.
    const Run mapped =
        cli({u"map-import"_s, write(u"m.csv"_s, "channel,sku,remote_id\nshop,C-3,gid-7\n")});
    QCOMPARE(mapped.code, 0);
    QVERIFY2(mapped.out.contains("1 waiting order line(s) applied"), mapped.out.constData());
    QCOMPARE(available(u"C-3"_s), 0);
    QCOMPARE(QJsonDocument::fromJson(cli({u"unmatched"_s, u"--json"_s}).out).array().size(), 0);

    // The timeline of order 1.
    const Run timeline = cli({u"order"_s, u"shop"_s, u"1"_s, u"--json"_s});
    QCOMPARE(timeline.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(timeline.out).object();
    QCOMPARE(o[u"status"_s].toString(), u"cancelled"_s);
    const QJsonObject line = o[u"lines"_s].toArray().at(0).toObject();
    QCOMPARE(line[u"line_id"_s].toString(), u"L1"_s);
    QCOMPARE(line[u"ordered"_s].toInt(), 2);
    QCOMPARE(line[u"applied"_s].toInt(), 2);
    QCOMPARE(line[u"restocked"_s].toInt(), 2);
    QCOMPARE(line[u"shipped"_s].toInt(), 0);
    QCOMPARE(line[u"waiting"_s].toInt(), 0);
    QStringList kinds;
    for (const QJsonValue &e : o[u"events"_s].toArray())
        kinds.append(e[u"kind"_s].toString());
    QVERIFY2(kinds.contains(u"refund"_s) && kinds.contains(u"cancel"_s) &&
                 kinds.contains(u"order"_s),
             qPrintable(kinds.join(u',')));
    QVERIFY(o.contains(u"pushes"_s));
    QCOMPARE(cli({u"order"_s, u"shop"_s, u"nope"_s}).code, 1);

    // Settling by hand.
    QCOMPARE(cli({u"oversold-resolve"_s, u"shop"_s, u"2"_s}).code, 1); // --reason required
    const Run resolved =
        cli({u"oversold-resolve"_s, u"shop"_s, u"2"_s, u"--reason"_s, u"told the customer"_s});
    QCOMPARE(resolved.code, 0);
    QCOMPARE(QJsonDocument::fromJson(cli({u"oversold"_s, u"--json"_s}).out).array().size(), 0);
    QCOMPARE(cli({u"oversold-resolve"_s, u"shop"_s, u"2"_s, u"--reason"_s, u"again"_s}).code, 1);
    QCOMPARE(cli({u"unmatched-resolve"_s, u"shop"_s, u"2"_s, u"2"_s, u"--sku"_s, u"A-1"_s}).code,
             1); // line 2 no longer waits

    // stock --json: committed and on hand beside the old fields.
    for (const QJsonValue &v : stockJson()) {
        const QJsonObject s = v.toObject();
        QCOMPARE(s[u"on_hand"_s].toInt(), s[u"available"_s].toInt() + s[u"committed"_s].toInt());
        if (s[u"sku"_s].toString() == u"B-2"_s)
            QCOMPARE(s[u"committed"_s].toInt(), 3);
    }
    // Counting the shelf: on hand 10 with 3 committed leaves 7 to sell; fewer than committed is
    // refused, and changes nothing.
    QCOMPARE(cli({u"import-stock"_s, write(u"h.csv"_s, "sku,on_hand\nB-2,10\n")}).code, 0);
    QCOMPARE(available(u"B-2"_s), 7);
    QCOMPARE(cli({u"import-stock"_s, write(u"h2.csv"_s, "sku,on_hand\nB-2,2\n")}).code, 1);
    QCOMPARE(available(u"B-2"_s), 7);
    QCOMPARE(cli({u"import-stock"_s, write(u"h3.csv"_s, "sku,on_hand,available\nB-2,2,2\n")}).code,
             1);
}

void TestCli::applyOrdersWorkers()
{
    QCOMPARE(
        cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nH1,100000\nH2,100000\n")}).code,
        0);
    QByteArray lines;
    qint64 units = 0;
    for (int i = 0; i < 3000; ++i) {
        const int qty = 1 + i % 3;
        units += qty;
        lines += QByteArray(R"({"channel":"c","order_id":")") + QByteArray::number(i) +
            R"(","lines":[{"sku":"H)" + QByteArray::number(1 + i % 2) + R"(","qty":)" +
            QByteArray::number(qty) + "}]}\n";
    }
    lines += lines.left(lines.indexOf('\n', 5000) + 1); // some redeliveries
    const Run r = cli({u"apply-orders"_s, write(u"o.jsonl"_s, lines), u"--workers"_s, u"4"_s});
    QCOMPARE(r.code, 0);
    const QJsonObject counts = QJsonDocument::fromJson(r.out.trimmed()).object();
    QCOMPARE(counts[u"applied"_s].toInt(), 3000);
    QVERIFY(counts[u"duplicates"_s].toInt() > 0);
    QCOMPARE(available(u"H1"_s) + available(u"H2"_s), 200000 - units);

    // An order's events stay in the file's order whatever the workers: sales, then shipments of
    // one unit, then cancels, far apart in the file. A cancel that overtook its shipment would
    // give back both units and the shipment would ship nothing.
    QCOMPARE(cli({u"import-stock"_s, write(u"l.csv"_s, "sku,available\nL,1000\n")}).code, 0);
    QByteArray life;
    for (const char *part : {"sale", "ship", "cancel"}) {
        for (int i = 0; i < 300; ++i) {
            const QByteArray id = QByteArray::number(i);
            if (qstrcmp(part, "sale") == 0)
                life += R"({"channel":"l","order_id":")" + id +
                    R"(","lines":[{"sku":"L","qty":2}]})"
                    "\n";
            else if (qstrcmp(part, "ship") == 0)
                life += R"({"channel":"l","order_id":")" + id +
                    R"(","event":"ship","shipment_id":"s)" + id +
                    R"(","lines":[{"sku":"L","qty":1}]})"
                    "\n";
            else
                life += R"({"channel":"l","order_id":")" + id +
                    R"(","event":"cancel"})"
                    "\n";
        }
    }
    const Run lr = cli({u"apply-orders"_s, write(u"l.jsonl"_s, life), u"--workers"_s, u"4"_s});
    QCOMPARE(lr.code, 0);
    QCOMPARE(lr.out.trimmed(),
             QByteArray(R"({"applied":300,"oversold":0,"duplicates":0,"unmatched":0,"invalid":0,)"
                        R"("cancelled":300,"refunded":0,"edited":0,"shipped":300,"ignored":0})"));
    QCOMPARE(available(u"L"_s), 700);

    QCOMPARE(cli({u"apply-orders"_s, write(u"x.jsonl"_s, ""), u"--workers"_s, u"0"_s}).code, 1);
}

void TestCli::applyOrdersUnreadableFile()
{
    const Run r = cli({u"apply-orders"_s, m_dir->filePath(u"missing.jsonl"_s)});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("cannot read"));
}

void TestCli::adjust_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<qint64>("after");
    QTest::newRow("up") << QStringList {u"A"_s, u"5"_s, u"--reason"_s, u"count"_s} << 0
                        << qint64(15);
    QTest::newRow("down") << QStringList {u"A"_s, u"-4"_s, u"--reason"_s, u"broken"_s} << 0
                          << qint64(6);
    QTest::newRow("reason first") << QStringList {u"--reason"_s, u"x"_s, u"A"_s, u"-10"_s} << 0
                                  << qint64(0);
    QTest::newRow("below zero") << QStringList {u"A"_s, u"-11"_s, u"--reason"_s, u"x"_s} << 1
                                << qint64(10);
    QTest::newRow("no reason") << QStringList {u"A"_s, u"3"_s} << 1 << qint64(10);
    QTest::newRow("not a number") << QStringList {u"A"_s, u"3x"_s, u"--reason"_s, u"x"_s} << 1
                                  << qint64(10);
    QTest::newRow("unknown sku") << QStringList {u"Q"_s, u"3"_s, u"--reason"_s, u"x"_s} << 1
                                 << qint64(10);
}

void TestCli::adjust()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(qint64, after);
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA,10\n")}).code, 0);
    const Run r = cli(QStringList {u"adjust"_s} + args);
    QCOMPARE(r.code, code);
    if (code != 0)
        QVERIFY(!r.err.isEmpty());
    QCOMPARE(available(u"A"_s), after);
}

void TestCli::auditFilters()
{
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA,3\nB,3\n")}).code, 0);
    write(u"o.jsonl"_s, R"({"channel":"shopify","order_id":"1","lines":[{"sku":"A","qty":3}]}
{"channel":"shopify","order_id":"2","lines":[{"sku":"B","qty":1}]}
{"channel":"shopify","order_id":"3","lines":[{"sku":"A","qty":1}]}
)");
    QCOMPARE(cli({u"apply-orders"_s, m_dir->filePath(u"o.jsonl"_s)}).code, 0);
    QCOMPARE(cli({u"adjust"_s, u"A"_s, u"2"_s, u"--reason"_s, u"restock"_s}).code, 0);

    const Run all = cli({u"audit"_s, u"--json"_s});
    QCOMPARE(all.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(all.out).array();
    // import A, import B, order A, pause A, order B, order A (below zero: owed), adjust A,
    // resume A, resolve A (the restock covers what order 3 was owed)
    QCOMPARE(rows.size(), 9);
    const QJsonObject first = rows.first().toObject();
    QCOMPARE(
        first.keys(),
        (QStringList {u"actor"_s, u"at"_s, u"available_after"_s, u"channel"_s, u"committed_after"_s,
                      u"committed_delta"_s, u"delta"_s, u"event_id"_s, u"id"_s, u"kind"_s,
                      u"order_id"_s, u"reason"_s, u"sku"_s, u"version"_s}));
    qint64 lastId = 0;
    for (const QJsonValue &v : rows) {
        QVERIFY(v[u"id"_s].toInteger() > lastId); // oldest first
        lastId = v[u"id"_s].toInteger();
    }

    const QJsonArray a =
        QJsonDocument::fromJson(cli({u"audit"_s, u"--sku"_s, u"A"_s, u"--json"_s}).out).array();
    QStringList kinds;
    for (const QJsonValue &v : a)
        kinds.append(v[u"kind"_s].toString());
    QCOMPARE(kinds,
             (QStringList {u"import"_s, u"order"_s, u"pause"_s, u"order"_s, u"adjust"_s,
                           u"resume"_s, u"resolve"_s}));
    QCOMPARE(a.at(1)[u"delta"_s].toInt(), -3);
    QCOMPARE(a.at(1)[u"committed_delta"_s].toInt(), 3);
    QCOMPARE(a.at(2)[u"delta"_s].toInt(), 0);
    QCOMPARE(a.at(3)[u"delta"_s].toInt(), -1);
    QCOMPARE(a.at(3)[u"available_after"_s].toInt(), -1);
    QCOMPARE(a.at(4)[u"actor"_s].toString().isEmpty(), false);
    QCOMPARE(a.at(4)[u"reason"_s].toString(), u"restock"_s);

    const QJsonArray o =
        QJsonDocument::fromJson(cli({u"audit"_s, u"--order"_s, u"3"_s, u"--json"_s}).out).array();
    QCOMPARE(o.size(), 2);
    QCOMPARE(o.at(0)[u"kind"_s].toString(), u"order"_s);
    QCOMPARE(o.at(1)[u"kind"_s].toString(), u"resolve"_s);

    const Run text = cli({u"audit"_s});
    QCOMPARE(text.code, 0);
    QCOMPARE(text.out.trimmed().split('\n').size(), 10);
}

void TestCli::unusableDatabase()
{
    const QString notADb =
        write(u"junk.sqlite"_s, QByteArray("definitely not sqlite ").repeated(100));
    for (const QStringList &args : {QStringList {u"stock"_s}, QStringList {u"audit"_s},
                                    QStringList {u"apply-orders"_s, write(u"o.jsonl"_s, "")}}) {
        const Run r = cli(args + QStringList {u"--db"_s, notADb});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unusable database"));
    }
    QCOMPARE(cli({u"stock"_s, u"--db"_s, m_dir->path()}).code, 2);
}

void TestCli::crashMidApplyLosesAndDoublesNothing()
{
    // Kill the CLI mid-file, run the same file again: every order lands exactly once.
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nK,10000000\n")}).code, 0);
    QByteArray lines;
    constexpr int kOrders = 60'000;
    for (int i = 0; i < kOrders; ++i)
        lines += R"({"channel":"c","order_id":")" + QByteArray::number(i) +
            R"(","lines":[{"sku":"K","qty":1}]})" + '\n';
    const QString path = write(u"big.jsonl"_s, lines);

    QProcess p;
    p.start(QStringLiteral(CLI_PATH), {u"apply-orders"_s, path, u"--db"_s, m_db});
    QVERIFY(p.waitForStarted());
    // Wait until some orders have landed, then kill it without warning.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const qint64 a = available(u"K"_s);
            return a >= 0 && a < 10000000;
        }(),
        60'000);
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished());
    const qint64 afterCrash = available(u"K"_s);
    QVERIFY(afterCrash < 10000000);

    const Run r = cli({u"apply-orders"_s, path});
    QCOMPARE(r.code, 0);
    const QJsonObject counts = QJsonDocument::fromJson(r.out.trimmed()).object();
    QCOMPARE(counts[u"applied"_s].toInt() + counts[u"duplicates"_s].toInt(), kOrders);
    QCOMPARE(available(u"K"_s), 10000000 - kOrders);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
