#include "networkthread.h"

#include <QNetworkAccessManager>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

NetworkThread::NetworkThread()
{
    m_thread.setObjectName(u"channel-network"_s);
    m_context.moveToThread(&m_thread);
    m_thread.start();
}

NetworkThread::~NetworkThread()
{
    QThread *here = QThread::currentThread();
    QMetaObject::invokeMethod(
        &m_context,
        [this, here] {
            qDeleteAll(m_managers);
            m_managers.clear();
            m_context.moveToThread(here); // destroyed with this object, on this thread
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QNetworkAccessManager *NetworkThread::createManager()
{
    QNetworkAccessManager *manager = nullptr;
    // Made on the thread, so that whatever it creates as it starts lives there too.
    QMetaObject::invokeMethod(
        &m_context, [&manager] { manager = new QNetworkAccessManager; },
        Qt::BlockingQueuedConnection);
    m_managers.append(manager);
    return manager;
}

} // namespace ChannelDesk
