#pragma once

#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "testbackend.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>

#include <memory>

namespace ChannelDesk {
class CoreRuntime;
}

namespace ChannelDesk::Bench {

// One channel of a sync benchmark: simulated by channeldesk-sim, configured in the core the way
// a merchant's config file would.
struct Channel
{
    QString id;
    QString type; // shopify, woocommerce, ebay, amazon
    int latencyMs = 10;
    double requestsPerSecond = 0; // the channel's own limit (0: none), and the core's pacing
    QString intake {}; // the config's "intake" ("webhook", "poll", "both"); empty: the default
};

// The remote id of SKU-<index> on a channel of this type.
QString remoteId(const QString &type, int index);
QString skuName(int index);

// channeldesk-sim in its own process, as remote shops would be: the core's thread is not the
// simulator's.
class SimProcess
{
public:
    ~SimProcess();
    // Each channel lists SKU-0 .. SKU-<skus - 1> with `quantity` each.
    bool start(const QList<Channel> &channels, int skus, qint64 quantity, const QString &directory,
               QString *error);
    // Channels as channeldesk-sim's config gives them ("channels"), on `port`.
    bool start(const QJsonArray &channels, quint16 port, const QString &directory, QString *error);
    // "http://127.0.0.1:<port>/"
    QString baseUrl() const { return m_baseUrl; }
    qint64 processId() const { return m_process.processId(); }
    // A loopback port free now (for a process that listens on it next).
    static quint16 freePort();

private:
    QProcess m_process;
    QString m_baseUrl;
};

// What every sync benchmark sets up: the channels in channeldesk-sim, a seeded inventory in
// `directory` with every listing in sync, and the real CoreRuntime on them (not listening unless
// asked: then on a free loopback port, CoreRuntime::port()). `extraConfig` adds top-level keys
// to the config file ("durability"). Aborts with the reason when any of it fails.
class Core
{
public:
    // `intakeMaxWaitMs` >= 0 overrides the intake's group-commit window (CoreRuntime::Options).
    Core(const QList<Channel> &channels, int skus, const QString &directory, bool listen = false,
         const QJsonObject &extraConfig = {}, int intakeMaxWaitMs = -1);
    ~Core();
    CoreRuntime &runtime() { return *m_runtime; }

private:
    SimProcess m_simulator;
    // The inventory: a file in the directory, or (CHANNELDESK_TEST_BACKEND=postgres) a fresh
    // database of the cluster at CHANNELDESK_TEST_PG_URL (tests/common/testbackend.h).
    std::unique_ptr<Testing::TestLocation> m_location;
    std::unique_ptr<CoreRuntime> m_runtime;
};

} // namespace ChannelDesk::Bench
