#pragma once

#include <QList>
#include <QObject>
#include <QThread>

class QNetworkAccessManager;

namespace ChannelDesk {

// The channels' HTTP on a thread of its own (issue 13). A QNetworkReply costs the thread it
// lives on about seven queued events, and its request only leaves after turns of that thread's
// event loop (Qt starts a reply, and hands it its body, from queued calls): on the core's busy
// thread every call of every channel waited behind the propagators' work twice before it left.
// With the managers here, sendHttp() makes the request on this idle thread and only the answer
// comes back to the caller's thread, as one queued call.
class NetworkThread
{
public:
    NetworkThread();
    // Deletes its managers on the thread (aborting what is in flight: no answer is delivered),
    // then stops it.
    ~NetworkThread();
    NetworkThread(const NetworkThread &) = delete;
    NetworkThread &operator=(const NetworkThread &) = delete;

    // A manager that lives on this thread, owned by it: one per channel (Qt keeps at most 6
    // connections per host and manager).
    QNetworkAccessManager *createManager();

private:
    QThread m_thread;
    QObject m_context; // lives on m_thread while it runs: where calls to it are made
    QList<QNetworkAccessManager *> m_managers;
};

} // namespace ChannelDesk
