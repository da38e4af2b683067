#include "simtcpserver.h"

namespace ChannelDesk {

void SimTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    // Connected before QHttpServer connects its own handler, so this runs first for each chunk.
    connect(socket, &QIODevice::readyRead, this, [this, socket] { m_current = socket; });
    addPendingConnection(socket);
}

} // namespace ChannelDesk
