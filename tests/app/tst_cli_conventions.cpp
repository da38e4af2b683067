// The habits a command-line user brings from git, kubectl and systemctl, on the real
// channeldesk-cli binary: the global options (--db, --config, --json) before the command do what
// they do after it, every command answers --help (and `help COMMAND`) with the exit status table,
// and the exit codes are the ones that table lists.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int code = -1; // -1: it crashed
    QByteArray out;
    QByteArray err;
};

// Runs channeldesk-cli with exactly these arguments ("DB" stands for the test's database, "JUNK"
// for a file next to it that is not a database).
Run run(const QStringList &args, const QString &db)
{
    QStringList real;
    for (const QString &a : args)
        real << QString(a).replace(u"JUNK"_s, db + u".junk"_s).replace(u"DB"_s, db);
    QProcess p;
    p.start(QStringLiteral(CLI_PATH), real);
    p.closeWriteChannel();
    if (!p.waitForFinished(60'000))
        qFatal("channeldesk-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList words(const char *line)
{
    return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
}

const QByteArray kExitStatus =
    "Exit status:\n"
    "  0  success\n"
    "  1  bad input: an unknown command or option, a missing or bad value, a file\n"
    "     with errors (nothing was changed)\n"
    "  2  the database cannot be opened or used, or (demo) its books do not balance\n"
    "  3  no carrier's quote qualifies (quote)\n"
    "  4  a channel could not be read (map-pull, reconcile)";

} // namespace

class TestCliConventions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void globalOptionsBeforeTheCommand_data();
    void globalOptionsBeforeTheCommand();
    void badGlobalOptions_data();
    void badGlobalOptions();
    void everyCommandHasHelp_data();
    void everyCommandHasHelp();
    void exitCodes_data();
    void exitCodes();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestCliConventions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"inv.sqlite"_s);
    QFile junk(m_db + u".junk"_s);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray("definitely not sqlite ").repeated(100));
    junk.close();
    QFile csv(m_dir.filePath(u"stock.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("sku,available,title\nA-1,10,Mug\nB-2,3,Plate\n");
    csv.close();
    QCOMPARE(run({u"import-stock"_s, csv.fileName(), u"--db"_s, u"DB"_s}, m_db).code, 0);
}

void TestCliConventions::globalOptionsBeforeTheCommand_data()
{
    // Each row's output must equal the same command with its options after it.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<int>("code");
    QTest::newRow("--db X stock") << words("--db DB stock") << words("stock --db DB") << 0;
    QTest::newRow("--db=X stock") << words("--db=DB stock") << words("stock --db DB") << 0;
    QTest::newRow("--json --db X stock")
        << words("--json --db DB stock") << words("stock --json --db DB") << 0;
    QTest::newRow("--db X --json audit --sku A-1")
        << words("--db DB --json audit --sku A-1") << words("audit --sku A-1 --db DB --json") << 0;
    QTest::newRow("both sides: the one after wins")
        << words("--db JUNK stock --db DB") << words("stock --db DB") << 0;
    // A global option the command does not take is refused the same way on either side.
    QTest::newRow("--json adjust") << words("--db DB --json adjust A-1 1 --reason r")
                                   << words("adjust A-1 1 --reason r --db DB --json") << 1;
    QTest::newRow("--config quote without carriers")
        << words("--config /nonexistent.json --db DB quote -")
        << words("quote - --config /nonexistent.json --db DB") << 1;
}

void TestCliConventions::globalOptionsBeforeTheCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, after);
    QFETCH(int, code);
    const Run before = run(args, m_db);
    const Run reference = run(after, m_db);
    QCOMPARE(reference.code, code);
    QCOMPARE(before.code, code);
    QCOMPARE(before.out, reference.out);
    QCOMPARE(before.err, reference.err);
    if (code == 0)
        QVERIFY(before.out.contains("A-1"));
}

void TestCliConventions::badGlobalOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("not a global option")
        << words("--actor me stock") << QByteArray("unknown option \"--actor\"");
    QTest::newRow("unknown option")
        << words("--frobnicate stock") << QByteArray("unknown option \"--frobnicate\"");
    QTest::newRow("--db without its value") << words("--db") << QByteArray("needs a value");
    QTest::newRow("--json with a value")
        << words("--json=yes stock") << QByteArray("takes no value");
    QTest::newRow("no command after the options") << words("--db DB") << QByteArray("Usage:");
    QTest::newRow("unknown command after the options")
        << words("--db DB frobnicate") << QByteArray("unknown command \"frobnicate\"");
}

void TestCliConventions::badGlobalOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run r = run(args, m_db);
    QCOMPARE(r.code, 1);
    const QByteArray said = r.err + r.out;
    QVERIFY2(said.contains(message), said.constData());
}

void TestCliConventions::everyCommandHasHelp_data()
{
    QTest::addColumn<QString>("command");
    // The commands, as the top-level --help lists them.
    const Run help = run({u"--help"_s}, m_db);
    QCOMPARE(help.code, 0);
    const QString text = QString::fromUtf8(help.out);
    const qsizetype from = text.indexOf(u"\nCommands:\n"_s);
    QVERIFY(from >= 0);
    const QStringList lines = text.mid(from + 11).section(u"\n\n"_s, 0, 0).split(u'\n');
    QVERIFY(lines.size() >= 20);
    for (const QString &line : lines) {
        if (!line.startsWith(u"  "_s) || line.at(2) == u' ')
            continue; // a row's wrapped text
        const QString command = line.trimmed().section(u' ', 0, 0);
        QTest::newRow(qPrintable(command)) << command;
    }
}

void TestCliConventions::everyCommandHasHelp()
{
    QFETCH(QString, command);
    const Run help = run({command, u"--help"_s}, m_db);
    QCOMPARE(help.code, 0);
    const QByteArray usage = "Usage: " CLI_PATH " " + command.toUtf8() + " [options]";
    QVERIFY2(help.out.startsWith(usage), help.out.constData());
    QVERIFY2(help.out.contains("--db <path>"), help.out.constData());
    QVERIFY2(help.out.endsWith(QByteArray(kExitStatus + '\n')), help.out.constData());
    QVERIFY(help.err.isEmpty());
    // git's habit: `help COMMAND` is `COMMAND --help`, global options before it or not.
    QCOMPARE(run({u"help"_s, command}, m_db).out, help.out);
    QCOMPARE(run({u"--db"_s, u"DB"_s, u"help"_s, command}, m_db).out, help.out);
}

void TestCliConventions::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("--help") << words("--help") << 0;
    QTest::newRow("-h") << words("-h") << 0;
    QTest::newRow("help") << words("help") << 0;
    QTest::newRow("--version") << words("--version") << 0;
    QTest::newRow("no command") << QStringList() << 1;
    QTest::newRow("unknown command") << words("frobnicate") << 1;
    QTest::newRow("unknown option") << words("stock --frobnicate --db DB") << 1;
    QTest::newRow("missing argument") << words("adjust --db DB") << 1;
    QTest::newRow("unusable database, after") << words("stock --db JUNK") << 2;
    QTest::newRow("unusable database, before") << words("--db JUNK stock") << 2;
}

void TestCliConventions::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const Run r = run(args, m_db);
    QCOMPARE(r.code, code);
    if (args.value(0) == "--help"_L1) {
        // The table every command's help ends with, at the end of the top-level help too.
        QVERIFY2(r.out.endsWith(QByteArray(kExitStatus + '\n')), r.out.constData());
        QVERIFY(r.out.startsWith("Usage: channeldesk-cli [--db PATH] [--config FILE] [--json] "
                                 "COMMAND"));
    }
}

QTEST_GUILESS_MAIN(TestCliConventions)
#include "tst_cli_conventions.moc"
