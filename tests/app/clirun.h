#pragma once

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

// Runs the real channeldesk-cli binary (CLI_PATH) for the CLI contract tests.
namespace ChannelDesk::Testing {

struct CliRun
{
    int code = -1; // -1: it crashed
    QByteArray out;
    QByteArray err;
};

// Runs `channeldesk-cli args...` against the database at `db` (unless args name one), with
// `input` on its standard input.
inline CliRun runCli(QStringList args, const QString &db, const QByteArray &input = {})
{
    if (!args.isEmpty() && !args.contains(QStringLiteral("--db")))
        args << QStringLiteral("--db") << db;
    QProcess p;
    p.start(QStringLiteral(CLI_PATH), args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120'000))
        qFatal("channeldesk-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// Writes `content` to `path` and returns the path.
inline QString writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

} // namespace ChannelDesk::Testing
