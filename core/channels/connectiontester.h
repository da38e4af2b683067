#pragma once

#include "channels/channelconfig.h"
#include "channels/connectioncheck.h"
#include "util/clock.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace ChannelDesk {

// "Test connection" for a channel that is being set up, before it is saved or runs: builds the
// channel's adapter from the config (address and credentials as typed), makes its one read call
// (ChannelReader::checkConnection) and drops the adapter once it answered. Runs on the thread
// it lives on (the core's, in the console; the CLI's own).
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(const Clock &clock, QObject *parent = nullptr);
    ~ConnectionTester() override;

    // `done` is called once, later, never from inside this call.
    void test(const ChannelConfig &config, std::function<void(const ConnectionCheck &)> done);

private:
    const Clock &m_clock;
    QNetworkAccessManager *m_network;
};

} // namespace ChannelDesk
