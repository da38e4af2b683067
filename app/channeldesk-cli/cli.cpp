#include "cli.h"

#include "store/database.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace Cli {

using namespace Qt::StringLiterals;

void setUpParser(QCommandLineParser &parser, const QString &command, const QString &description)
{
    parser.setApplicationDescription(command + u": "_s + description);
    parser.addHelpOption();
    parser.addOption({u"db"_s,
                      u"The inventory database: a SQLite file, or postgresql://user@host/db "
                      "(default: %1)."_s.arg(ChannelDesk::Database::defaultLocation()),
                      u"path"_s});
}

bool parse(QCommandLineParser &parser, const QStringList &args, int *exitCode)
{
    if (!parser.parse(args)) {
        printError(parser.errorText());
        *exitCode = kBadInput;
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        printLine(parser.helpText().trimmed());
        *exitCode = kOk;
        return false;
    }
    return true;
}

std::unique_ptr<ChannelDesk::Database> openDatabase(const QCommandLineParser &parser,
                                                    ChannelDesk::Database::Access access)
{
    const QString location =
        parser.isSet(u"db"_s) ? parser.value(u"db"_s) : ChannelDesk::Database::defaultLocation();
    QString error;
    ChannelDesk::Database::Options options;
    options.access = access;
    auto db = ChannelDesk::Database::open(location, options, &error);
    if (!db)
        printError(u"unusable database: %1"_s.arg(error));
    return db;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "channeldesk-cli: %s\n", qUtf8Printable(message));
    std::fflush(stderr);
}

void printLine(const QString &line)
{
    const QByteArray utf8 = line.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printJson(const QJsonArray &array)
{
    printLine(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

void printJson(const QJsonObject &object)
{
    printLine(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void printTable(const QStringList &headers, const QList<QStringList> &rows,
                const QList<int> &rightAligned)
{
    QList<qsizetype> widths(headers.size());
    for (qsizetype c = 0; c < headers.size(); ++c)
        widths[c] = headers.at(c).size();
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    auto format = [&](const QStringList &cells) {
        QString line;
        for (qsizetype c = 0; c < headers.size(); ++c) {
            const QString cell = cells.value(c);
            const bool last = c == headers.size() - 1;
            if (c > 0)
                line += u"  "_s;
            if (rightAligned.contains(int(c)))
                line += cell.rightJustified(widths[c]);
            else
                line += last ? cell : cell.leftJustified(widths[c]);
        }
        return line;
    };
    printLine(format(headers));
    for (const QStringList &row : rows)
        printLine(format(row));
}

bool readTextFile(const QString &path, QByteArray *out)
{
    QFile file(path);
    const bool opened =
        path == "-"_L1 ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened) {
        printError(u"cannot read %1: %2"_s.arg(path, file.errorString()));
        return false;
    }
    *out = file.readAll();
    return true;
}

} // namespace Cli

namespace Cli {

bool readFileArgument(const QCommandLineParser &parser, const QString &what, QString *path,
                      QByteArray *out)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(u"expected exactly one %1, got %2 arguments"_s.arg(what).arg(positional.size()));
        return false;
    }
    *path = positional.constFirst();
    return readTextFile(*path, out);
}

int reportImportErrors(const QString &path, const QStringList &messages)
{
    for (const QString &message : messages)
        printError(path + u": "_s + message);
    printError(u"nothing was imported (%1 error%2)"_s.arg(messages.size())
                   .arg(messages.size() == 1 ? ""_L1 : "s"_L1));
    return kBadInput;
}

} // namespace Cli
