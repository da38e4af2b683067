#pragma once

#include "util/postedcalls.h"

#include <QList>
#include <QThread>

class QNetworkAccessManager;

namespace ChannelDesk {

// What a NetworkThread's managers hang off (their parent, on the network thread): the calls
// handed to that thread, and where their answers go back, the thread that made the NetworkThread.
class NetworkCalls : public PostedCalls
{
    Q_OBJECT
public:
    explicit NetworkCalls(PostedCalls *answers)
        : m_answers(answers)
    {
    }
    PostedCalls *answers() const { return m_answers; }

private:
    PostedCalls *m_answers;
};

// The channels' HTTP on a thread of its own (issue 13). A QNetworkReply costs the thread it
// lives on about seven queued events, and its request only leaves after turns of that thread's
// event loop (Qt starts a reply, and hands it its body, from queued calls): on the core's busy
// thread every call of every channel waited behind the propagators' work before it left. With
// the managers here, sendHttp() makes the request on this thread and only the answer comes back
// to the thread that made the NetworkThread, as one posted call. Both hand-offs go through
// PostedCalls (a std::mutex ThreadSanitizer sees).
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
    // connections per host and manager). Its calls are answered to this object's thread.
    QNetworkAccessManager *createManager();

private:
    QThread m_thread;
    PostedCalls m_answers; // on the thread that made this object
    NetworkCalls m_calls {&m_answers}; // on m_thread while it runs
    QList<QNetworkAccessManager *> m_managers;
};

} // namespace ChannelDesk
