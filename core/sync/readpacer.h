#pragma once

#include "channels/channelreader.h"
#include "util/clock.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace ChannelDesk {

class RateLimiter;

// Paces one channel's catalogue and quantity reads (map-pull, reconciliation) with the token
// bucket its propagator sends with, so reads never starve pushes: a read takes a token only
// while the bucket holds more than a reserve kept for pushes (half its burst; none for a bucket
// of one token), one read at a time; otherwise it waits. What a read's answer says about the
// channel's limits (Retry-After, 429, THROTTLED) tightens the same bucket, as a push's answer does.
// Order polls are not paced here: they run at their own interval. Lives on the core's thread.
class ReadPacer : public QObject
{
    Q_OBJECT
public:
    ReadPacer(ChannelReader *reader, RateLimiter &limiter, const Clock &clock,
              QObject *parent = nullptr);
    ~ReadPacer() override;

    // As ChannelReader's, paced. readQuantities takes one token per call the channel needs
    // (maxQuantitiesPerRead() ids a call) and answers once with all of them.
    void listListings(const QString &pageToken, std::function<void(const ListingPage &)> done);
    void readQuantities(const QStringList &remoteIds,
                        std::function<void(const QuantitiesRead &)> done);

    ChannelReader *reader() const { return m_reader; }
    // Tokens reads leave in the bucket for pushes.
    double reserve() const;
    // Reads waiting for a token, and whether one is under way.
    int waiting() const { return int(m_queue.size()); }
    bool busy() const { return m_busy; }

private:
    // One call to the channel: started when a token is taken; it reports the answer's status.
    using Call = std::function<void(std::function<void(const ReadStatus &)> finished)>;
    void enqueue(Call call);
    void pump();
    void finished(const ReadStatus &status);

    ChannelReader *m_reader;
    RateLimiter &m_limiter;
    const Clock &m_clock;
    std::deque<Call> m_queue;
    QTimer m_timer;
    bool m_busy = false;
};

} // namespace ChannelDesk
