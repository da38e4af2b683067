#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// The options every command reads the same way (--db, --config, --json), accepted before the
// command too, as git, kubectl and systemctl users type them: `channeldesk-cli --db X stock` is
// `channeldesk-cli stock --db X`.
namespace Cli {

struct CommandLine
{
    QString program;
    // The first word that is not a global option: a command, help, --help, -h or --version;
    // empty when there is none.
    QString command;
    QStringList globalOptions; // given before the command, with their values
    QStringList rest; // after the command

    // What the command's parser reads: "PROGRAM COMMAND" as the program name, the global options
    // given before the command, then the arguments after it. A global option given on both
    // sides takes the value after the command (the parser's last value).
    QStringList commandArguments() const;
};

// Splits `channeldesk-cli [GLOBAL OPTIONS] COMMAND [ARGS]` (args: program name first). Anything
// before the command that is not a global option, or a global option without its value, prints
// why and returns nothing.
std::optional<CommandLine> splitCommandLine(const QStringList &args);

// The global options, one per line, for the top-level --help.
QString globalOptionsHelp();

} // namespace Cli
