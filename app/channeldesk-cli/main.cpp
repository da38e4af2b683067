// channeldesk-cli: the headless front-end of ChannelDesk's core.
#include "cli.h"
#include "globaloptions.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct Command
{
    std::function<int(const QStringList &)> run;
    const char *summary;
};

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> table {
        {u"import-stock"_s, {runImportStock, "set stock absolutely from a CSV file"}},
        {u"adjust"_s, {runAdjust, "correct one SKU's stock by a delta, with a reason"}},
        {u"buffer-import"_s,
         {runBufferImport, "set what channels show of SKUs (reserve, percent, max, pause_at)"}},
        {u"apply-orders"_s, {runApplyOrders, "apply a JSON-lines file of orders"}},
        {u"stock"_s, {runStock, "list every SKU"}},
        {u"audit"_s, {runAudit, "print the mutation log"}},
        {u"demo"_s, {runDemo, "run a synthetic order stream against a temporary inventory"}},
        {u"quote"_s, {runQuote, "quote every carrier for an order and choose one"}},
        {u"delivery-import"_s, {runDeliveryImport, "record delivery outcomes from a CSV file"}},
        {u"serve"_s, {runServe, "run the sync core headless (webhooks, propagation, /metrics)"}},
        {u"map-import"_s, {runMapImport, "map SKUs to channel listings from a CSV file"}},
        {u"map-pull"_s,
         {runMapPull, "map a channel's listings by SKU from its catalogue; list drift"}},
        {u"reconcile"_s,
         {runReconcile, "read what channels show, list drift; --fix sends ours again"}},
        {u"deliveries"_s, {runDeliveries, "list the inbox: deliveries and their outcomes"}},
        {u"delivery-replay"_s, {runDeliveryReplay, "apply a refused delivery again"}},
        {u"dlq"_s, {runDlq, "list the dead-letter queue"}},
        {u"dlq-retry"_s, {runDlqRetry, "send dead letters again with the current quantity"}},
        {u"dlq-discard"_s, {runDlqDiscard, "drop dead letters, with a reason (audited)"}},
        {u"lag"_s, {runLag, "per channel sync lag, success rate, dead letters and status"}},
        {u"order"_s, {runOrder, "one order's lines, events and channel pushes"}},
        {u"oversold"_s, {runOversold, "orders that took a SKU below zero: units owed"}},
        {u"oversold-resolve"_s, {runOversoldResolve, "mark an oversold order resolved (audited)"}},
        {u"unmatched"_s, {runUnmatched, "order lines waiting for a mapping or a SKU"}},
        {u"unmatched-resolve"_s,
         {runUnmatchedResolve, "apply a waiting line to a SKU, or ignore it (audited)"}},
        {u"whatif"_s,
         {runWhatIf, "orders taken against stale stock: polling every N minutes vs measured lag"}},
        {u"workers"_s, {runWorkers, "serve workers on this inventory and the channels each holds"}},
    };
    return table;
}

void printUsage()
{
    qsizetype width = 0;
    for (const auto &[name, command] : commands())
        width = std::max(width, name.size());
    QString text = u"Usage: channeldesk-cli [--db PATH] [--config FILE] [--json] COMMAND "
                   "[ARGS...]\n"
                   "The headless front end of ChannelDesk: stock, orders, channels and the\n"
                   "sync core, on the same database as the console.\n\nCommands:\n"_s;
    for (const auto &[name, command] : commands())
        text += Cli::helpRow(name, width, QString::fromLatin1(command.summary));
    text += u"\nGlobal options, before or after the command:\n"_s + Cli::globalOptionsHelp();
    text += Cli::helpRow(u"-h, --help"_s, 13,
                         u"This help. 'channeldesk-cli COMMAND --help' (or 'channeldesk-cli "
                         "help COMMAND') describes a command."_s);
    text += Cli::helpRow(u"--version"_s, 13, u"The version."_s) + u'\n';
    text += Cli::exitStatusHelp().trimmed();
    Cli::printLine(text);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Progress chatter stays out of the command's output; QT_LOGGING_RULES brings it back.
    QLoggingCategory::setFilterRules(u"channeldesk.*.debug=false\nchanneldesk.*.info=false"_s);
    QCoreApplication::setOrganizationName(u"ChannelDesk"_s);
    QCoreApplication::setApplicationName(u"ChannelDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CHANNELDESK_VERSION));

    std::optional<Cli::CommandLine> line = Cli::splitCommandLine(QCoreApplication::arguments());
    if (!line)
        return Cli::kBadInput;
    if (line->command == "help"_L1 && !line->rest.isEmpty()) { // "help X" is "X --help"
        line->command = line->rest.takeFirst();
        line->rest = {u"--help"_s};
    }
    const QString &name = line->command;
    if (name.isEmpty() || name == "--help"_L1 || name == "-h"_L1 || name == "help"_L1) {
        printUsage();
        return name.isEmpty() ? Cli::kBadInput : Cli::kOk;
    }
    if (name == "--version"_L1) {
        Cli::printLine(u"channeldesk-cli "_s + QCoreApplication::applicationVersion());
        return Cli::kOk;
    }
    const auto it = commands().find(name);
    if (it == commands().end()) {
        Cli::printError(u"unknown command \"%1\"; 'channeldesk-cli --help' lists them"_s.arg(name));
        return Cli::kBadInput;
    }
    // The command sees "channeldesk-cli COMMAND" as its program name.
    return it->second.run(line->commandArguments());
}
