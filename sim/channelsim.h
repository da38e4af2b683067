#pragma once

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QHttpServer;
class QNetworkAccessManager;

namespace ChannelDesk {

class Clock;
class SimChannel;

// The simulated sales channels of channeldesk-sim, the demo and the integration tests. Each
// configured channel answers its real API's paths under "/<channel-id>" (so an adapter's
// base_url is "http://host:port/<channel-id>") and has control endpoints under
// "/_sim/<channel-id>/" (faults, listings, orders, stats). See docs/simulator.md.
class ChannelSimulator : public QObject
{
    Q_OBJECT
public:
    explicit ChannelSimulator(const Clock &clock, QObject *parent = nullptr);
    ~ChannelSimulator() override;

    // Reads the sim config's "channels" array; on error names the field and adds nothing.
    bool configure(const QJsonArray &channels, QString *error);
    // Installs every configured channel's routes on `server` (call after configure()).
    void install(QHttpServer &server);

    QStringList channelIds() const;
    SimChannel *channel(const QString &id) const;

private:
    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    QList<SimChannel *> m_channels; // children of this object
};

} // namespace ChannelDesk
