#pragma once

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace ChannelDesk {

// The simulator's listening socket, bound to its QHttpServer. It remembers which connection the
// request being handled arrived on, so a simulated slow answer is written only while its client
// is still connected (a client that gave up has closed the connection, and QHttpServer 6.4's
// responder would write to a deleted socket).
class SimTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

    // The connection whose request is being routed right now.
    QPointer<QTcpSocket> currentConnection() const { return m_current; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    QPointer<QTcpSocket> m_current;
};

} // namespace ChannelDesk
