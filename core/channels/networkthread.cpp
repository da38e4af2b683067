#include "networkthread.h"

#include <QNetworkAccessManager>

#include <future>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

NetworkThread::NetworkThread()
{
    m_thread.setObjectName(u"channel-network"_s);
    m_calls.moveToThread(&m_thread);
    m_thread.start();
}

NetworkThread::~NetworkThread()
{
    std::promise<void> done;
    m_calls.push([this, managers = m_managers, here = QThread::currentThread(), &done] {
        // Aborts their calls; the answers they post are never run (m_answers goes with this).
        qDeleteAll(managers);
        m_calls.moveToThread(here); // destroyed with this object, on the caller's thread
        done.set_value();
    });
    done.get_future().wait();
    m_thread.quit();
    m_thread.wait();
}

QNetworkAccessManager *NetworkThread::createManager()
{
    // Made on the thread, so that whatever it creates as it starts lives there too.
    std::promise<QNetworkAccessManager *> made;
    m_calls.push([this, &made] { made.set_value(new QNetworkAccessManager(&m_calls)); });
    QNetworkAccessManager *manager = made.get_future().get();
    m_managers.append(manager);
    return manager;
}

} // namespace ChannelDesk
