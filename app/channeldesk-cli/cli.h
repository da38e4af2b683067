#pragma once

#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace ChannelDesk {
class BufferRules;
} // namespace ChannelDesk

// Shared plumbing of channeldesk-cli's commands: exit codes, the --db option, output.
namespace Cli {

// The exit codes are part of the CLI contract: every command answers with these and no other
// (exitStatusHelp() prints them in --help and so in the man page).
enum ExitCode : int {
    kOk = 0,
    kBadInput = 1,
    kUnusableDatabase = 2,
    kNoQualifyingQuote = 3,
    kChannelFailed = 4, // a channel could not be read (map-pull, reconcile)
};
// The "Exit status:" section of every --help.
QString exitStatusHelp();
// One "  TERM  text" row of a --help list, the text wrapped to 79 columns under itself.
QString helpRow(const QString &term, qsizetype termWidth, const QString &text);

// Sets up a parser for one command: its description, --db, and --help.
void setUpParser(QCommandLineParser &parser, const QString &command, const QString &description);
// Parses args (program name first). On failure prints the error and returns false; *exitCode is
// then kBadInput, or kOk when --help was asked for (the help ends with the exit status table).
bool parse(QCommandLineParser &parser, const QStringList &args, int *exitCode);
// Opens the database named by --db (or the default location); prints why and returns null when
// it cannot be used. Commands that only look open it ReadOnly (no write lock, no write).
std::unique_ptr<ChannelDesk::Database>
openDatabase(const QCommandLineParser &parser,
             ChannelDesk::Database::Access access = ChannelDesk::Database::Access::ReadWrite);

void printError(const QString &message);
void printLine(const QString &line);
void printJson(const QJsonArray &array);
void printJson(const QJsonObject &object);
// Prints rows under headers as an aligned table; columns listed in rightAligned are numbers.
void printTable(const QStringList &headers, const QList<QStringList> &rows,
                const QList<int> &rightAligned = {});

// Reads a whole file as UTF-8 ("-" is standard input). Prints why and returns false on failure.
bool readTextFile(const QString &path, QByteArray *out);
// For commands that take exactly one input file: checks there is exactly one positional
// argument (named `what` in the error) and reads it. Prints why and returns false on failure.
bool readFileArgument(const QCommandLineParser &parser, const QString &what, QString *path,
                      QByteArray *out);
// Reports every line-numbered error of an all-or-nothing import and that nothing changed;
// returns kBadInput.
int reportImportErrors(const QString &path, const QStringList &messages);

// What channels should show: the rules of the config named by --config (secrets not needed), or
// without it the rules serve or the console last sent with, and the overrides in the database.
// Prints why and returns nothing when they cannot be read.
std::optional<ChannelDesk::BufferRules> loadBufferRules(const QCommandLineParser &parser,
                                                        ChannelDesk::Database &db);

} // namespace Cli

// The commands; each takes the arguments after the command name, program name first.
int runImportStock(const QStringList &args);
int runBufferImport(const QStringList &args);
int runAdjust(const QStringList &args);
int runStock(const QStringList &args);
int runApplyOrders(const QStringList &args);
int runAudit(const QStringList &args);
int runDemo(const QStringList &args);
int runQuote(const QStringList &args);
int runDeliveryImport(const QStringList &args);
int runDlq(const QStringList &args);
int runDeliveries(const QStringList &args);
int runDeliveryReplay(const QStringList &args);
int runDlqRetry(const QStringList &args);
int runDlqDiscard(const QStringList &args);
int runMapImport(const QStringList &args);
int runLag(const QStringList &args);
int runWorkers(const QStringList &args);
int runServe(const QStringList &args);
int runOrder(const QStringList &args);
int runOversold(const QStringList &args);
int runOversoldResolve(const QStringList &args);
int runUnmatched(const QStringList &args);
int runUnmatchedResolve(const QStringList &args);
int runMapPull(const QStringList &args);
int runReconcile(const QStringList &args);
int runWhatIf(const QStringList &args);
