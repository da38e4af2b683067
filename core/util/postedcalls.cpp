#include "util/postedcalls.h"

namespace ChannelDesk {

void PostedCalls::push(std::function<void()> call)
{
    {
        const std::lock_guard lock(m_mutex);
        m_calls.push_back(std::move(call));
    }
    // By name: a functor or member pointer would be stored in memory Qt hands over unseen.
    QMetaObject::invokeMethod(this, "runPending", Qt::QueuedConnection);
}

void PostedCalls::runPending()
{
    // One wake-up per push, and each runs what is waiting: a call posted by a call runs after it.
    std::deque<std::function<void()>> calls;
    {
        const std::lock_guard lock(m_mutex);
        calls.swap(m_calls);
    }
    for (auto &call : calls)
        call();
}

} // namespace ChannelDesk
