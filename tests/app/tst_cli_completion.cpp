// packaging/channeldesk-cli.bash-completion, as bash runs it: the file is sourced, COMP_WORDS and
// COMP_CWORD are set as bash sets them for a half-typed line, _channeldesk_cli is called and
// COMPREPLY is compared. The commands and options come from the real binary's --help; channel ids
// from the config named by --config.
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliCompletion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void completes_data();
    void completes();

private:
    QStringList complete(const QStringList &words);

    QTemporaryDir m_dir;
};

void TestCliCompletion::initTestCase()
{
    if (QStandardPaths::findExecutable(u"bash"_s).isEmpty())
        QSKIP("bash is not installed");
    QVERIFY(m_dir.isValid());
    QFile config(m_dir.filePath(u"shop.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"listen": "127.0.0.1:8080",
  "channels": [{"id": "shop-us", "type": "shopify", "base_url": "http://127.0.0.1:1/"},
               {"id": "ebay-uk", "type": "ebay", "base_url": "http://127.0.0.1:1/"}],
  "carriers": [{"id": "not-a-channel", "type": "dhl"}]})");
    config.close();
    QFile stock(m_dir.filePath(u"stock.csv"_s));
    QVERIFY(stock.open(QIODevice::WriteOnly));
}

// Completes the last word of `words` (the program name is added in front), split as bash
// splits them: "--channel=sh" is three words, "--channel" "=" "sh" (COMP_WORDBREAKS has "=").
QStringList TestCliCompletion::complete(const QStringList &words)
{
    static const QRegularExpression option(u"^(--[a-z-]+)=(.*)$"_s);
    QStringList split {QStringLiteral(CLI_PATH)};
    for (const QString &w : words) {
        const QRegularExpressionMatch m = option.match(w);
        if (!m.hasMatch()) {
            split << w;
            continue;
        }
        split << m.captured(1) << u"="_s;
        if (!m.captured(2).isEmpty())
            split << m.captured(2);
    }
    QStringList quoted;
    for (const QString &w : split)
        quoted << u"'"_s + w + u"'"_s;
    const QString script = u"source '%1' || exit 3\n"
                           "COMP_WORDS=(%2)\n"
                           "COMP_CWORD=%3\n"
                           "_channeldesk_cli\n"
                           "printf '%s\\n' \"${COMPREPLY[@]}\"\n"_s
                               .arg(QStringLiteral(COMPLETION_PATH), quoted.join(u' '))
                               .arg(split.size() - 1);
    QProcess bash;
    bash.start(u"bash"_s, {u"--norc"_s, u"--noprofile"_s, u"-c"_s, script});
    if (!bash.waitForFinished(60'000) || bash.exitCode() != 0)
        qFatal("bash failed: %s", bash.readAllStandardError().constData());
    QStringList reply = QString::fromUtf8(bash.readAllStandardOutput()).split(u'\n');
    reply.removeAll(QString());
    reply.sort();
    return reply;
}

void TestCliCompletion::completes_data()
{
    QTest::addColumn<QString>("line"); // CONFIG and DIR stand for the test's files
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("a command") << u"sto"_s << QStringList {u"stock"_s};
    QTest::newRow("commands sharing a prefix")
        << u"dlq"_s << QStringList {u"dlq"_s, u"dlq-discard"_s, u"dlq-retry"_s};
    QTest::newRow("a command after a global option")
        << u"--db x.sqlite st"_s << QStringList {u"stock"_s};
    QTest::newRow("help COMMAND") << u"help map-"_s << QStringList {u"map-import"_s, u"map-pull"_s};
    QTest::newRow("global options")
        << u"--"_s
        << QStringList {u"--config="_s, u"--db="_s, u"--help"_s, u"--json"_s, u"--version"_s};
    QTest::newRow("the command's options")
        << u"stock --c"_s << QStringList {u"--channels"_s, u"--config="_s};
    QTest::newRow("an option's value is not a command")
        << u"reconcile --channel shop-us --j"_s << QStringList {u"--json"_s};
    QTest::newRow("--channel: the config's channels")
        << u"reconcile --config CONFIG --channel "_s << QStringList {u"ebay-uk"_s, u"shop-us"_s};
    QTest::newRow("--config before the command, --channel=")
        << u"--config=CONFIG reconcile --channel=sh"_s << QStringList {u"shop-us"_s};
    QTest::newRow("--channel= and nothing yet")
        << u"--config CONFIG reconcile --channel="_s << QStringList {u"ebay-uk"_s, u"shop-us"_s};
    QTest::newRow("a CHANNEL argument")
        << u"--config CONFIG map-pull e"_s << QStringList {u"ebay-uk"_s};
    QTest::newRow("no config, no channel ids") << u"map-pull "_s << QStringList {};
    QTest::newRow("a FILE argument")
        << u"import-stock DIR/sto"_s << QStringList {u"DIR/stock.csv"_s};
    QTest::newRow("--db: files") << u"--db DIR/sh"_s << QStringList {u"DIR/shop.json"_s};
}

void TestCliCompletion::completes()
{
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    const QString config = m_dir.filePath(u"shop.json"_s);
    QStringList words =
        line.replace(u"CONFIG"_s, config).replace(u"DIR"_s, m_dir.path()).split(u' ');
    for (QString &e : expected)
        e.replace(u"DIR"_s, m_dir.path());
    QCOMPARE(complete(words), expected);
}

QTEST_GUILESS_MAIN(TestCliCompletion)
#include "tst_cli_completion.moc"
