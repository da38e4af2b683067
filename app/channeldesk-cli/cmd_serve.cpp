// serve: the sync core, headless, until SIGINT or SIGTERM.
#include "channels/channelconfig.h"
#include "cli.h"
#include "runtime/coreruntime.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

} // namespace

int runServe(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"serve"_s,
                     u"Run the sync core headless: take signed order webhooks, fetch orders from "
                     "channels without webhooks, push stock to every channel, serve /metrics, "
                     "/v1/inventory/<sku> and /healthz. Stops cleanly on SIGINT or SIGTERM."_s);
    parser.addOption({u"config"_s, u"The config file (channels, listen address)."_s, u"FILE"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    if (!parser.isSet(u"config"_s)) {
        Cli::printError(u"--config FILE is required"_s);
        return Cli::kBadInput;
    }
    const ChannelsConfigResult config =
        loadChannelsConfig(parser.value(u"config"_s), QProcessEnvironment::systemEnvironment());
    if (!config.ok()) {
        Cli::printError(u"%1: %2"_s.arg(parser.value(u"config"_s), config.error));
        return Cli::kBadInput;
    }

    CoreRuntime::Options options;
    options.databaseLocation =
        parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Database::defaultLocation();
    options.config = *config.config;
    CoreRuntime runtime(options);
    QString error;
    if (!runtime.start(&error)) {
        Cli::printError(error);
        return runtime.database() ? Cli::kBadInput : Cli::kUnusableDatabase;
    }
    Cli::printLine(
        u"serving %1 channel%2 on http://%3:%4 (Ctrl+C stops)"_s.arg(options.config.channels.size())
            .arg(options.config.channels.size() == 1 ? ""_L1 : "s"_L1)
            .arg(options.config.listenHost)
            .arg(runtime.port()));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        Cli::printError(u"cannot set up signal handling"_s);
        return Cli::kUnusableDatabase;
    }
    QSocketNotifier notifier(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &runtime, [&] {
        char byte;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[1], &byte, 1);
        notifier.setEnabled(false);
        Cli::printLine(u"stopping: no new webhooks; finishing the calls in flight"_s);
        runtime.stop();
    });
    QObject::connect(&runtime, &CoreRuntime::stopped, qApp, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    QCoreApplication::exec();
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    Cli::printLine(u"stopped"_s);
    return Cli::kOk;
}
