#include "cli.h"

#include "store/database.h"
#include "util/controlchars.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <utility>

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

QString helpRow(const QString &term, qsizetype termWidth, const QString &text)
{
    constexpr qsizetype kWidth = 79;
    const qsizetype indent = 2 + termWidth + 2;
    QString out = u"  "_s + term.leftJustified(termWidth) + u"  "_s;
    qsizetype column = out.size();
    bool first = true;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!first && column + 1 + word.size() > kWidth) {
            out += u'\n' + QString(indent, u' ');
            column = indent;
        } else if (!first) {
            out += u' ';
            ++column;
        }
        out += word;
        column += word.size();
        first = false;
    }
    return out + u'\n';
}

QString exitStatusHelp()
{
    const std::pair<int, const char *> codes[] = {
        {kOk, "success"},
        {kBadInput,
         "bad input: an unknown command or option, a missing or bad value, a file with errors "
         "(nothing was changed)"},
        {kUnusableDatabase,
         "the database cannot be opened or used, or (demo) its books do not balance"},
        {kNoQualifyingQuote, "no carrier's quote qualifies (quote)"},
        {kChannelFailed, "a channel could not be read (map-pull, reconcile)"},
    };
    QString text = u"Exit status:\n"_s;
    for (const auto &[code, meaning] : codes)
        text += helpRow(QString::number(code), 1, QString::fromLatin1(meaning));
    return text;
}

bool parse(QCommandLineParser &parser, const QStringList &args, int *exitCode)
{
    if (!parser.parse(args)) {
        QString error = parser.errorText();
        // A negative number reads as an option ("-1": unknown option '1'): say what it is.
        const QStringList unknown = parser.unknownOptionNames();
        for (const QString &name : unknown) {
            bool number = false;
            name.toDouble(&number);
            if (number) {
                error = u"\"-%1\": a negative number is not accepted here"_s.arg(name);
                break;
            }
        }
        printError(error);
        *exitCode = kBadInput;
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        // QCommandLineParser names the program by argv[0]; the command's usage names the
        // command too: "Usage: channeldesk-cli stock [options]".
        QString help = parser.helpText();
        const QString usage = u"Usage: "_s + QCoreApplication::arguments().value(0);
        if (help.startsWith(usage))
            help.replace(0, usage.size(), u"Usage: "_s + args.value(0));
        printLine(help + u'\n' + exitStatusHelp().trimmed());
        *exitCode = kOk;
        return false;
    }
    // Every option's value is a name, a number, a path or a one-line note: a control character
    // in it (a newline in --actor, an escape in --reason) is a mistake, never recorded.
    const QStringList names = parser.optionNames();
    for (const QString &name : names) {
        const QStringList values = parser.values(name);
        for (const QString &value : values) {
            if (ChannelDesk::hasControlCharacter(value)) {
                printError(u"--%1 must not contain control characters"_s.arg(name));
                *exitCode = kBadInput;
                return false;
            }
        }
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
