// Bad arguments to every channeldesk-cli command (issue 11, "Bad input"): wrong types, huge and
// negative numbers, control characters, empty ids, over-long SKUs, bad config files. Each gets
// its own clear message on stderr and exit status 1 (README's exit table), and changes nothing:
// every table of every database file reads the same before and after.
#include "clirun.h"
#include "domain/sku.h"
#include "store/database.h"
#include "store/deadletterqueue.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ChannelDesk::Testing::CliRun;

class TestCliBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badArguments_data();
    void badArguments();
    void deliveryImportTwiceCountsOnce();

private:
    CliRun cli(QStringList args) { return ChannelDesk::Testing::runCli(std::move(args), m_db); }
    QString write(const QString &name, const QByteArray &content)
    {
        return ChannelDesk::Testing::writeFile(m_dir.filePath(name), content);
    }
    // Every database file in the directory, every table, every row, as text.
    QString snapshot() const;
    qint64 count(const QString &table) const;

    QTemporaryDir m_dir;
    QString m_db;
};

namespace {

// The SKU one past the limit: refused, never cut to the 128 characters of another SKU.
QString longSku()
{
    return QString(ChannelDesk::Sku::kMaxLength, u'L') + u'X';
}

const QByteArray kConfigHead = R"({"channels": [{"id": "shop", "type": "ebay",
 "base_url": "http://127.0.0.1:1", "credentials": {"token_env": "HOME"}, )";

const QByteArray kCarriers = R"({"carriers": [{"id": "ep", "type": "easypost",
 "base_url": "http://127.0.0.1:1", "credentials": {"api_key_env": "HOME"}}]})";

} // namespace

void TestCliBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"inv.sqlite"_s);
    // Stock, a mapping, an oversold order, an unmatched line, a delivery history, a dead letter:
    // something for every command to change if it wrongly would.
    QCOMPARE(cli({u"import-stock"_s, write(u"seed.csv"_s, "sku,available\nA,10\nB,1\n")}).code, 0);
    QCOMPARE(
        cli({u"map-import"_s, write(u"map.csv"_s, "channel,sku,remote_id\nshop,A,101\n")}).code, 0);
    const QByteArray orders =
        R"({"channel":"shop","order_id":"1","lines":[{"sku":"B","qty":3}]}
{"channel":"shop","order_id":"2","lines":[{"remote_id":"999","qty":1}]}
)";
    QCOMPARE(cli({u"apply-orders"_s, write(u"orders.jsonl"_s, orders)}).code, 0);
    QCOMPARE(cli({u"delivery-import"_s,
                  write(u"deliveries.csv"_s,
                        "carrier,service,zone,promised,delivered\n"
                        "UPS,Ground,US-941,2026-11-20,2026-11-19\n")})
                 .code,
             0);
    {
        QString error;
        auto db = ChannelDesk::Database::open(m_db, &error);
        QVERIFY2(db, qPrintable(error));
        ChannelDesk::DeadLetterQueue::Failure failure;
        failure.version = 1;
        failure.attempts = 1;
        failure.kind = ChannelDesk::DeadLetterQueue::kPermanent;
        failure.message = u"listing not found"_s;
        QVERIFY(ChannelDesk::DeadLetterQueue(*db).deadLetter(u"shop"_s, u"A"_s, failure));
    }
    QCOMPARE(count(u"dead_letters"_s), 1);
}

QString TestCliBadInput::snapshot() const
{
    QString text;
    const QDir dir(m_dir.path());
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        // SQLite's own companions come and go with every connection.
        if (file.endsWith(u"-wal"_s) || file.endsWith(u"-shm"_s) || file.endsWith(u"-journal"_s))
            continue;
        text += u"file "_s + file + u'\n';
        if (!file.endsWith(u".sqlite"_s))
            continue;
        const QString name = u"snapshot-"_s + file;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(dir.filePath(file));
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (!db.open())
                qFatal("cannot open %s", qPrintable(file));
            QSqlQuery tables(db);
            tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
            QStringList names;
            while (tables.next())
                names.append(tables.value(0).toString());
            for (const QString &table : std::as_const(names)) {
                text += u"table "_s + table + u'\n';
                QSqlQuery rows(db);
                rows.exec(u"SELECT * FROM \"%1\""_s.arg(table));
                QStringList lines;
                while (rows.next()) {
                    QStringList values;
                    for (int i = 0; i < rows.record().count(); ++i)
                        values.append(rows.value(i).toString());
                    lines.append(values.join(u'|'));
                }
                lines.sort();
                text += lines.join(u'\n') + u'\n';
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
    return text;
}

qint64 TestCliBadInput::count(const QString &table) const
{
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        db.setDatabaseName(m_db);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT COUNT(*) FROM "_s + table) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(u"count"_s);
    return n;
}

void TestCliBadInput::badArguments_data()
{
    QTest::addColumn<QStringList>("args"); // %FILE% is replaced by the path of `file`
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("message"); // on stderr

    const QString reason = u"--reason"_s;
    const QString why = u"counted"_s;
    const QString ctrl = u"A\x01"_s;
    const QByteArray none;

    // adjust SKU DELTA
    const QString deltaError = u"DELTA must be a non-zero whole number"_s;
    for (const char *delta : {"abc", "0", "1.5", "1e3", "0x10", "", "99999999999999999999", "-0"})
        QTest::addRow("adjust DELTA %s", delta)
            << QStringList {u"adjust"_s, u"A"_s, QString::fromLatin1(delta), reason, why} << none
            << deltaError;
    QTest::newRow("adjust DELTA past 2^31")
        << QStringList {u"adjust"_s, u"A"_s, u"2147483648"_s, reason, why} << none
        << u"the adjustment is out of range"_s;
    QTest::newRow("adjust DELTA below -2^31")
        << QStringList {u"adjust"_s, u"A"_s, u"-9999999999"_s, reason, why} << none
        << u"the adjustment is out of range"_s;
    QTest::newRow("adjust empty SKU")
        << QStringList {u"adjust"_s, u""_s, u"3"_s, reason, why} << none << u"SKU is empty"_s;
    QTest::newRow("adjust SKU over the limit")
        << QStringList {u"adjust"_s, longSku(), u"3"_s, reason, why} << none
        << u"SKU is longer than 128 characters"_s;
    QTest::newRow("adjust SKU control character")
        << QStringList {u"adjust"_s, ctrl, u"3"_s, reason, why} << none
        << u"SKU contains a control character"_s;
    QTest::newRow("adjust SKU with a tab")
        << QStringList {u"adjust"_s, u"A\tB"_s, u"3"_s, reason, why} << none
        << u"SKU contains a control character"_s;
    QTest::newRow("adjust SKU padded") << QStringList {u"adjust"_s, u" A"_s, u"3"_s, reason, why}
                                       << none << u"SKU has leading or trailing white space"_s;
    QTest::newRow("adjust unknown SKU")
        << QStringList {u"adjust"_s, u"Q"_s, u"3"_s, reason, why} << none << u"unknown SKU Q"_s;
    QTest::newRow("adjust reason blank")
        << QStringList {u"adjust"_s, u"A"_s, u"3"_s, reason, u"  "_s} << none
        << u"--reason is required"_s;
    QTest::newRow("adjust reason control character")
        << QStringList {u"adjust"_s, u"A"_s, u"3"_s, reason, u"ok\x1b[2Jgone"_s} << none
        << u"--reason must not contain control characters"_s;
    QTest::newRow("adjust actor control character")
        << QStringList {u"adjust"_s, u"A"_s, u"3"_s, reason, why, u"--actor"_s, u"me\nyou"_s}
        << none << u"--actor must not contain control characters"_s;
    QTest::newRow("adjust missing DELTA") << QStringList {u"adjust"_s, u"A"_s, reason, why} << none
                                          << u"adjust takes SKU and DELTA"_s;

    // apply-orders --workers N
    for (const char *n : {"-1", "0", "65", "abc", "1.5", "99999999999", ""})
        QTest::addRow("apply-orders --workers %s", n)
            << QStringList {u"apply-orders"_s, u"%FILE%"_s, u"--workers"_s, QString::fromLatin1(n)}
            << QByteArray(R"({"channel":"shop","order_id":"9","lines":[{"sku":"A","qty":1}]})")
            << u"--workers must be a whole number from 1 to 64"_s;
    QTest::newRow("apply-orders no file")
        << QStringList {u"apply-orders"_s, m_dir.filePath(u"absent.jsonl"_s)} << none
        << u"absent.jsonl"_s;

    // deliveries / delivery-replay
    for (const char *n : {"-1", "0", "abc", "99999999999"})
        QTest::addRow("deliveries --limit %s", n)
            << QStringList {u"deliveries"_s, u"--limit"_s, QString::fromLatin1(n)} << none
            << u"--limit: must be a whole number of 1 or more"_s;
    QTest::newRow("deliveries --status unknown")
        << QStringList {u"deliveries"_s, u"--status"_s, u"lost"_s} << none
        << u"--status: unknown status \"lost\""_s;
    for (const char *id : {"abc", "0", "", "1.0", "99999999999999999999"})
        QTest::addRow("delivery-replay %s", id)
            << QStringList {u"delivery-replay"_s, QString::fromLatin1(id)} << none
            << u"name one delivery by its id"_s;
    QTest::newRow("delivery-replay negative")
        << QStringList {u"delivery-replay"_s, u"-1"_s} << none
        << u"\"-1\": a negative number is not accepted here"_s;
    QTest::newRow("delivery-replay unknown id") << QStringList {u"delivery-replay"_s, u"424242"_s}
                                                << none << u"no delivery 424242 in the inbox"_s;

    // demo --duration S --rate N (a temporary database: here, nothing may be created either)
    for (const char *s : {"-1", "0", "abc", "nan", "inf", "86401"})
        QTest::addRow("demo --duration %s", s)
            << QStringList {u"demo"_s, u"--duration"_s, QString::fromLatin1(s)} << none
            << u"--duration must be a number of seconds"_s;
    for (const char *n : {"-5", "0", "abc", "1000001", "1.5"})
        QTest::addRow("demo --rate %s", n)
            << QStringList {u"demo"_s, u"--rate"_s, QString::fromLatin1(n)} << none
            << u"--rate must be a whole number from 1 to 1000000"_s;

    // lag --window
    for (const char *w : {"-5m", "0s", "abc", "1d", "9999999h"})
        QTest::addRow("lag --window %s", w)
            << QStringList {u"lag"_s, u"--window"_s, QString::fromLatin1(w)} << none
            << u"--window: expected a span of at most a day"_s;

    // oversold-resolve CHANNEL ORDER_ID / unmatched-resolve CHANNEL ORDER_ID LINE
    QTest::newRow("oversold-resolve empty channel")
        << QStringList {u"oversold-resolve"_s, u""_s, u"1"_s, reason, why} << none
        << u"CHANNEL must not be empty"_s;
    QTest::newRow("oversold-resolve empty order")
        << QStringList {u"oversold-resolve"_s, u"shop"_s, u""_s, reason, why} << none
        << u"ORDER_ID must not be empty"_s;
    QTest::newRow("oversold-resolve control character")
        << QStringList {u"oversold-resolve"_s, u"shop"_s, u"1\x7f"_s, reason, why} << none
        << u"ORDER_ID must not contain control characters"_s;
    QTest::newRow("oversold-resolve unknown order")
        << QStringList {u"oversold-resolve"_s, u"shop"_s, u"77"_s, reason, why} << none << u"77"_s;
    for (const char *line : {"abc", "0", "1.5", "99999999999"})
        QTest::addRow("unmatched-resolve LINE %s", line)
            << QStringList {u"unmatched-resolve"_s,    u"shop"_s,  u"2"_s,
                            QString::fromLatin1(line), u"--sku"_s, u"A"_s}
            << none << u"LINE must be a line number from 1"_s;
    QTest::newRow("unmatched-resolve LINE negative")
        << QStringList {u"unmatched-resolve"_s, u"shop"_s, u"2"_s, u"-1"_s, u"--sku"_s, u"A"_s}
        << none << u"\"-1\": a negative number is not accepted here"_s;
    QTest::newRow("unmatched-resolve empty SKU")
        << QStringList {u"unmatched-resolve"_s, u"shop"_s, u"2"_s, u"1"_s, u"--sku"_s, u""_s}
        << none << u"--sku needs a SKU"_s;
    QTest::newRow("unmatched-resolve SKU over the limit")
        << QStringList {u"unmatched-resolve"_s, u"shop"_s, u"2"_s, u"1"_s, u"--sku"_s, longSku()}
        << none << u"SKU is longer than 128 characters"_s;
    QTest::newRow("unmatched-resolve SKU control character")
        << QStringList {u"unmatched-resolve"_s, u"shop"_s, u"2"_s, u"1"_s, u"--sku"_s, ctrl} << none
        << u"--sku must not contain control characters"_s;
    QTest::newRow("unmatched-resolve empty order")
        << QStringList {u"unmatched-resolve"_s, u"shop"_s, u""_s, u"1"_s, u"--sku"_s, u"A"_s}
        << none << u"ORDER_ID must not be empty"_s;

    // dlq-retry / dlq-discard: an empty selector value is not "everything"
    QTest::newRow("dlq-discard empty channel")
        << QStringList {u"dlq-discard"_s, u"--channel"_s, u""_s, reason, why} << none
        << u"--channel needs a channel id"_s;
    QTest::newRow("dlq-retry empty SKU")
        << QStringList {u"dlq-retry"_s, u"--sku"_s, u""_s} << none << u"--sku needs a SKU"_s;
    QTest::newRow("dlq-retry SKU over the limit")
        << QStringList {u"dlq-retry"_s, u"--sku"_s, longSku()} << none
        << u"SKU is longer than 128 characters"_s;
    QTest::newRow("dlq-discard SKU control character")
        << QStringList {u"dlq-discard"_s, u"--sku"_s, ctrl, reason, why} << none
        << u"--sku must not contain control characters"_s;

    // The files the commands read: each CSV's own table is in tests/core/io and
    // tests/core/carriers; these rows prove the command changes nothing on them.
    QTest::newRow("import-stock SKU over the limit")
        << QStringList {u"import-stock"_s, u"%FILE%"_s}
        << QByteArray(QByteArray("sku,available\nA,3\n") + longSku().toUtf8() + ",1\n")
        << u"line 3: SKU is longer than 128 characters"_s;
    QTest::newRow("import-stock truncated quote")
        << QStringList {u"import-stock"_s, u"%FILE%"_s} << QByteArray("sku,available\nA,3\n\"B,1\n")
        << u"nothing was imported"_s;
    QTest::newRow("map-import SKU over the limit")
        << QStringList {u"map-import"_s, u"%FILE%"_s}
        << QByteArray(QByteArray("channel,sku,remote_id\nshop,") + longSku().toUtf8() + ",7\n")
        << u"line 2: SKU is longer than 128 characters"_s;
    QTest::newRow("map-import SKU control character")
        << QStringList {u"map-import"_s, u"%FILE%"_s}
        << QByteArray("channel,sku,remote_id\nshop,A\x01,7\n")
        << u"line 2: SKU contains a control character"_s;
    QTest::newRow("map-import remote id control character")
        << QStringList {u"map-import"_s, u"%FILE%"_s}
        << QByteArray("channel,sku,remote_id\nshop,B,7\x1b\n")
        << u"line 2: remote_id must not contain control characters"_s;
    QTest::newRow("map-import remote id over the limit")
        << QStringList {u"map-import"_s, u"%FILE%"_s}
        << QByteArray(QByteArray("channel,sku,remote_id\nshop,B,") + QByteArray(129, '7') + "\n")
        << u"line 2: remote_id is longer than 128 characters"_s;
    QTest::newRow("map-import channel not an id")
        << QStringList {u"map-import"_s, u"%FILE%"_s}
        << QByteArray("channel,sku,remote_id\nsh op,B,7\n")
        << u"line 2: channel \"sh op\" must be 1-64 letters, digits"_s;
    QTest::newRow("buffer-import SKU over the limit")
        << QStringList {u"buffer-import"_s, u"%FILE%"_s, u"--config"_s,
                        write(u"channels.json"_s, kConfigHead + "}]}")}
        << QByteArray(QByteArray("channel,sku,reserve\nshop,") + longSku().toUtf8() + ",1\n")
        << u"line 2: SKU is longer than 128 characters"_s;
    QTest::newRow("delivery-import control character")
        << QStringList {u"delivery-import"_s, u"%FILE%"_s}
        << QByteArray("carrier,service,zone,promised,delivered\n"
                      "UPS\x07,Ground,US-941,2026-11-20,2026-11-19\n")
        << u"line 2: carrier must not contain control characters"_s;
    QTest::newRow("quote order not json")
        << QStringList {u"quote"_s, u"--config"_s, write(u"carriers.json"_s, kCarriers),
                        u"%FILE%"_s}
        << QByteArray(R"({"order_id": "1", )") << u"not valid JSON"_s;

    // The config file, as --config reads it (its own table: tst_channelconfig::badField).
    const QStringList stockChannels {u"stock"_s, u"--channels"_s, u"--config"_s, u"%FILE%"_s};
    QTest::newRow("config truncated")
        << stockChannels << kConfigHead << u"config: not valid JSON"_s;
    QTest::newRow("config safety_buffer past 2^31")
        << stockChannels << QByteArray(kConfigHead + R"("safety_buffer": 1e12}]})")
        << u"channels[0].safety_buffer: must be a whole number from 0 to 2147483647"_s;
    QTest::newRow("config negative buffer")
        << stockChannels << QByteArray(kConfigHead + R"("buffer": {"reserve": -1}}]})")
        << u"channels[0].buffer.reserve: must be a whole number from 0 to"_s;
    QTest::newRow("config control character")
        << stockChannels << QByteArray(kConfigHead + R"("api_version": "2026\u0007-10"}]})")
        << u"channels[0].api_version: must not contain control characters"_s;
    QTest::newRow("config duplicate channel")
        << stockChannels
        << QByteArray(kConfigHead + R"("max_requests_per_second": 2}, {"id": "shop", "type": "ebay",
 "base_url": "http://127.0.0.1:1", "credentials": {"token_env": "HOME"}}]})")
        << u"channels[1].id: \"shop\" is used by an earlier channel"_s;
    QTest::newRow("serve config wrong type")
        << QStringList {u"serve"_s, u"--config"_s, u"%FILE%"_s}
        << QByteArray(kConfigHead + R"("request_timeout_ms": "5000"}]})")
        << u"channels[0].request_timeout_ms: must be a whole number from 100 to 600000"_s;
    QTest::newRow("map-pull config huge poll interval")
        << QStringList {u"map-pull"_s, u"--config"_s, u"%FILE%"_s, u"shop"_s}
        << QByteArray(kConfigHead + R"("poll_interval_s": 1e300}]})")
        << u"channels[0].poll_interval_s: must be a whole number of seconds"_s;
    QTest::newRow("quote config negative timeout")
        << QStringList {u"quote"_s, u"--config"_s, u"%FILE%"_s, write(u"order.json"_s, "{}")}
        << QByteArray(R"({"carriers": [{"id": "ep", "type": "easypost",
            "base_url": "http://127.0.0.1:1", "credentials": {"api_key_env": "HOME"},
            "timeout_ms": -5}]})")
        << u"carriers[0].timeout_ms: expected a whole number of milliseconds"_s;

    // No command, an unknown one, an unknown option.
    QTest::newRow("unknown command") << QStringList {u"frobnicate"_s} << none << u"frobnicate"_s;
    QTest::newRow("unknown option")
        << QStringList {u"stock"_s, u"--colour"_s} << none << u"colour"_s;
}

void TestCliBadInput::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, file);
    QFETCH(QString, message);
    const QString path = write(u"input"_s, file);
    for (QString &arg : args)
        arg.replace(u"%FILE%"_s, path);
    const QString before = snapshot();
    const CliRun r = cli(args);
    QCOMPARE(r.code, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(message), qPrintable(err));
    const QString after = snapshot();
    if (after != before) {
        const QStringList a = before.split(u'\n'), b = after.split(u'\n');
        QStringList changed;
        for (const QString &line : b) {
            if (!a.contains(line))
                changed.append(u"+ "_s + line);
        }
        for (const QString &line : a) {
            if (!b.contains(line))
                changed.append(u"- "_s + line);
        }
        QFAIL(qPrintable(u"the database changed:\n"_s + changed.join(u'\n')));
    }
}

void TestCliBadInput::deliveryImportTwiceCountsOnce()
{
    const QByteArray deliveries = "carrier,service,zone,promised,delivered\n"
                                  "FedEx,Express,US-100,2026-11-20,2026-11-21\n"
                                  "FedEx,Express,US-100,2026-11-20,2026-11-21\n"
                                  "USPS,Priority,US-100,2026-11-20,2026-11-19\n";
    const qint64 before = count(u"carrier_deliveries"_s);
    const QString path = write(u"twice.csv"_s, deliveries);
    CliRun r = cli({u"delivery-import"_s, path});
    QCOMPARE(r.code, 0);
    QCOMPARE(count(u"carrier_deliveries"_s), before + 3); // two identical parcels are two
    r = cli({u"delivery-import"_s, path});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("3 already recorded, counted once"), r.out.constData());
    QCOMPARE(count(u"carrier_deliveries"_s), before + 3);
    // A later export that repeats the file and adds one more parcel adds only that one.
    r = cli({u"delivery-import"_s,
             write(u"later.csv"_s, deliveries + "FedEx,Express,US-100,2026-11-20,2026-11-21\n")});
    QCOMPARE(r.code, 0);
    QCOMPARE(count(u"carrier_deliveries"_s), before + 4);
}

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_badinput.moc"
