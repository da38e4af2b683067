// channeldesk-sim: simulated carriers (and channels) on loopback, for the demo and the tests.
//
//   channeldesk-sim --config SIM.json
//
// SIM.json: {"listen": "127.0.0.1:9900", "carriers": [...], "channels": [...]}. Each part is
// served under its own path prefix on one HTTP server: a carrier "ups" at /ups/..., so its
// base_url is http://127.0.0.1:9900/ups. docs/carriers.md describes the "carriers" entries.
#include "sim/carriersim.h"
#include "sim/channelsim.h"
#include "sim/simtcpserver.h"
#include "util/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "channeldesk-sim: %s\n", qUtf8Printable(message));
    return 1;
}

// "127.0.0.1:9900" (port 0: any free port).
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || p > 65535 || !address->setAddress(text.left(colon)))
        return false;
    *port = quint16(p);
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"channeldesk-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CHANNELDESK_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Serves simulated carriers and channels on loopback."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"config"_s, u"The simulator's SIM.json."_s, u"file"_s});
    parser.process(app);
    if (!parser.isSet(u"config"_s))
        return fail(u"--config SIM.json is required"_s);

    QFile file(parser.value(u"config"_s));
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonObject config = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"%1: not valid JSON: %2"_s.arg(file.fileName(), parseError.errorString()));

    QHostAddress address(QHostAddress::LocalHost);
    quint16 port = 9900;
    if (config.contains("listen"_L1) &&
        !parseListen(config.value("listen"_L1).toString(), &address, &port))
        return fail(
            u"%1: listen: expected host:port such as 127.0.0.1:9900"_s.arg(file.fileName()));

    QHttpServer server;
    SimTcpServer tcp;
    const Clock &clock = SystemClock::instance();

    // Carriers under /<carrier id>.
    CarrierSim carriers(clock);
    QList<SimCarrier> carrierList;
    QString error;
    if (!CarrierSim::parseConfig(config.value("carriers"_L1).toArray(), &carrierList, &error))
        return fail(u"%1: %2"_s.arg(file.fileName(), error));
    carriers.setCarriers(carrierList);
    carriers.attach(&server, &tcp);

    // Channels under /<channel id>, control endpoints under /_sim/<channel id>/ (see
    // docs/simulator.md).
    ChannelSimulator channels(clock);
    if (!channels.configure(config.value("channels"_L1).toArray(), &error))
        return fail(u"%1: %2"_s.arg(file.fileName(), error));
    for (const QString &id : channels.channelIds()) {
        if (std::any_of(carrierList.cbegin(), carrierList.cend(),
                        [&](const SimCarrier &carrier) { return carrier.id == id; }))
            return fail(
                u"%1: id \"%2\" names both a carrier and a channel"_s.arg(file.fileName(), id));
    }
    channels.install(server);

    if (!tcp.listen(address, port))
        return fail(u"cannot listen on %1:%2: %3"_s.arg(address.toString())
                        .arg(port)
                        .arg(tcp.errorString()));
    server.bind(&tcp);
    // The first line on stdout says where the simulator listens (useful with port 0).
    std::printf("listening on http://%s:%u\n", qUtf8Printable(address.toString()),
                unsigned(tcp.serverPort()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
