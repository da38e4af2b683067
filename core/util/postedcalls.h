#pragma once

#include <QObject>

#include <deque>
#include <functional>
#include <mutex>

namespace ChannelDesk {

// Calls posted from other threads to the thread this object lives on, run there in order. The
// calls wait here, under a std::mutex, and that thread is only woken by a queued invocation that
// carries nothing: so what a call captured is handed over through a lock every tool can see,
// ThreadSanitizer included (Debian's Qt is not instrumented, and a functor queued with
// QMetaObject::invokeMethod is handed over through Qt's own lock, which TSan cannot see and
// reports as a race). Used where a thread hands work to another: the console's GUI thread to
// its core (CoreBridge), the listener's thread to the order path (HttpServer).
// push() may be called from any thread.
class PostedCalls : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void push(std::function<void()> call);
    // Runs the calls posted so far now, on this object's thread (one that waited for the
    // posting thread to finish its work, and wants its results before its event loop runs).
    Q_INVOKABLE void runPending();

private:
    std::mutex m_mutex;
    std::deque<std::function<void()>> m_calls;
};

} // namespace ChannelDesk
