#include "globaloptions.h"

#include "cli.h"

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

struct GlobalOption
{
    QLatin1StringView name;
    QLatin1StringView valueName; // empty: a flag
    const char *help;
};

constexpr GlobalOption kGlobalOptions[] = {
    {"db"_L1, "PATH"_L1,
     "The inventory database: a SQLite file, or postgresql://user@host/db (default: "
     "inventory.sqlite in ~/.local/share/ChannelDesk/ChannelDesk)."},
    {"config"_L1, "FILE"_L1,
     "The config file: channels, carriers, listen address (the commands that read one)."},
    {"json"_L1, {}, "Print JSON instead of a table (the commands that list things)."},
};

const GlobalOption *findGlobal(QStringView name)
{
    for (const GlobalOption &option : kGlobalOptions) {
        if (name == option.name)
            return &option;
    }
    return nullptr;
}

} // namespace

std::optional<CommandLine> splitCommandLine(const QStringList &args)
{
    CommandLine line;
    line.program = args.value(0);
    qsizetype i = 1;
    for (; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith("--"_L1) || arg == "--help"_L1 || arg == "--version"_L1)
            break;
        const qsizetype equals = arg.indexOf(u'=');
        const QStringView name = QStringView(arg).mid(2, equals < 0 ? -1 : equals - 2);
        const GlobalOption *option = findGlobal(name);
        if (!option) {
            printError(
                u"unknown option \"%1\" before the command; only %2 may come before it"_s.arg(
                    arg, u"--db, --config and --json"_s));
            return std::nullopt;
        }
        line.globalOptions << arg;
        if (option->valueName.isEmpty()) {
            if (equals >= 0) {
                printError(u"option \"--%1\" takes no value"_s.arg(name));
                return std::nullopt;
            }
        } else if (equals < 0) {
            if (i + 1 >= args.size()) {
                printError(u"option \"--%1\" needs a value"_s.arg(name));
                return std::nullopt;
            }
            line.globalOptions << args.at(++i);
        }
    }
    if (i < args.size())
        line.command = args.at(i++);
    line.rest = args.mid(i);
    return line;
}

QStringList CommandLine::commandArguments() const
{
    return QStringList {program + u' ' + command} + globalOptions + rest;
}

QString globalOptionsHelp()
{
    QString text;
    for (const GlobalOption &option : kGlobalOptions) {
        QString synopsis = u"--"_s + option.name;
        if (!option.valueName.isEmpty())
            synopsis += u' ' + option.valueName;
        text += helpRow(synopsis, 13, QString::fromLatin1(option.help));
    }
    return text;
}

} // namespace Cli
