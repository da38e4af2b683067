// The real channeldesk-cli's dead-letter listing: `dlq --json` keeps its fields and adds each
// letter's kept failed attempts (attempt_log, oldest first, with request and answer), the
// failure's HTTP status and the channel's code; `--sku` narrows it.
#include "store/attemptlog.h"
#include "store/database.h"
#include "store/deadletterqueue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestCliDlq : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void listsEveryAttempt();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(QStringList args)
    {
        args << u"--db"_s << m_db;
        QProcess p;
        p.start(QStringLiteral(CLI_PATH), args);
        p.closeWriteChannel();
        if (!p.waitForFinished(120'000))
            qFatal("channeldesk-cli did not finish");
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCliDlq::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(u"inv.sqlite"_s);
}

void TestCliDlq::listsEveryAttempt()
{
    QCOMPARE(cli({u"import-stock"_s, write(u"s.csv"_s, "sku,available\nA,3\nB,4\n")}).code, 0);
    QCOMPARE(cli({u"map-import"_s,
                  write(u"m.csv"_s,
                        "channel,sku,remote_id\nwoo,A,101\n"
                        "woo,B,102\n")})
                 .code,
             0);
    {
        QString error;
        auto db = Database::open(m_db, &error);
        QVERIFY2(db, qPrintable(error));
        const qint64 t0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
        QList<AttemptLog::Entry> entries;
        const QStringList kinds {u"unanswered"_s, u"throttled"_s, u"transient"_s, u"permanent"_s};
        for (int i = 0; i < kinds.size(); ++i) {
            ListingAttempt a;
            a.atMs = t0 + i * 1000;
            a.version = 1 + i / 2;
            a.attempt = i + 1;
            a.kind = kinds.at(i);
            a.httpStatus = QList<int> {0, 429, 503, 400}.at(i);
            a.code = i == 3 ? u"woocommerce_rest_product_invalid_id"_s : QString();
            a.message = u"try %1"_s.arg(i + 1);
            a.request = u"{\"update\":[{\"id\":101,\"stock_quantity\":%1}]}"_s.arg(3 - i);
            a.response = i == 0 ? QString() : u"{\"code\":\"e%1\"}"_s.arg(i);
            entries.append({u"woo"_s, u"A"_s, a});
        }
        QVERIFY(AttemptLog(*db).record(entries));
        DeadLetterQueue::Failure f;
        f.version = 2;
        f.attempts = 4;
        f.kind = DeadLetterQueue::kPermanent;
        f.httpStatus = 400;
        f.code = u"woocommerce_rest_product_invalid_id"_s;
        f.message = u"HTTP 400 woocommerce_rest_product_invalid_id: Invalid ID."_s;
        f.atMs = t0 + 3000;
        QVERIFY(DeadLetterQueue(*db).deadLetter(u"woo"_s, u"A"_s, f));
        f.httpStatus = 0;
        f.code.clear();
        QVERIFY(DeadLetterQueue(*db).deadLetter(u"woo"_s, u"B"_s, f));
    }
    const Run run = cli({u"dlq"_s, u"--json"_s});
    QCOMPARE(run.code, 0);
    const QJsonArray letters = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(letters.size(), 2);
    const QJsonObject a = letters.at(0).toObject();
    QCOMPARE(a[u"sku"_s].toString(), u"A"_s);
    // The fields it had stay; the new ones are added.
    for (const QString &key : {u"channel"_s, u"sku"_s, u"state"_s, u"version"_s, u"attempts"_s,
                               u"error_kind"_s, u"last_error"_s, u"first_failed_at"_s,
                               u"last_failed_at"_s, u"request"_s, u"response"_s, u"history"_s})
        QVERIFY2(a.contains(key), qPrintable(key));
    QCOMPARE(a[u"attempts"_s].toInt(), 4);
    QCOMPARE(a[u"http_status"_s].toInt(), 400);
    QCOMPARE(a[u"code"_s].toString(), u"woocommerce_rest_product_invalid_id"_s);
    const QJsonArray log = a[u"attempt_log"_s].toArray();
    QCOMPARE(log.size(), 4);
    QStringList kinds;
    for (const QJsonValue &v : log)
        kinds.append(v[u"kind"_s].toString());
    QCOMPARE(kinds,
             (QStringList {u"unanswered"_s, u"throttled"_s, u"transient"_s, u"permanent"_s}));
    const QJsonObject second = log.at(1).toObject();
    QCOMPARE(second[u"at"_s].toString(), u"2026-01-01T00:00:01.000Z"_s);
    QCOMPARE(second[u"version"_s].toInteger(), 1);
    QCOMPARE(second[u"attempt"_s].toInt(), 2);
    QCOMPARE(second[u"http_status"_s].toInt(), 429);
    QCOMPARE(second[u"message"_s].toString(), u"try 2"_s);
    QCOMPARE(second[u"request"_s].toString(),
             u"{\"update\":[{\"id\":101,\"stock_quantity\":2}]}"_s);
    QCOMPARE(second[u"response"_s].toString(), u"{\"code\":\"e1\"}"_s);
    QCOMPARE(log.at(3)[u"code"_s].toString(), u"woocommerce_rest_product_invalid_id"_s);

    const QJsonObject b = letters.at(1).toObject();
    QCOMPARE(b[u"http_status"_s].toInt(), 0);
    QVERIFY(b[u"attempt_log"_s].toArray().isEmpty());

    const QJsonArray onlyB =
        QJsonDocument::fromJson(cli({u"dlq"_s, u"--sku"_s, u"B"_s, u"--json"_s}).out).array();
    QCOMPARE(onlyB.size(), 1);
    QCOMPARE(onlyB.at(0)[u"sku"_s].toString(), u"B"_s);
}

QTEST_GUILESS_MAIN(TestCliDlq)
#include "tst_cli_dlq.moc"
