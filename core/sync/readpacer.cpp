#include "readpacer.h"

#include "sync/ratelimiter.h"

#include <QPointer>

#include <memory>

namespace ChannelDesk {

namespace {
constexpr qint64 kMaxWaitMs = 250; // look again at least this often (the clock may be a test's)
}

ReadPacer::ReadPacer(ChannelReader *reader, RateLimiter &limiter, const Clock &clock,
                     QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_limiter(limiter)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReadPacer::pump);
}

ReadPacer::~ReadPacer() = default;

double ReadPacer::reserve() const
{
    // Half the bucket; a bucket of one token leaves nothing to keep (a read then waits for a
    // full bucket, as a push does).
    return std::max(0.0, std::min(m_limiter.burst() / 2.0, m_limiter.burst() - 1.0));
}

void ReadPacer::listListings(const QString &pageToken,
                             std::function<void(const ListingPage &)> done)
{
    enqueue([this, pageToken, done = std::move(done)](auto finished) {
        m_reader->listListings(pageToken, [done, finished](const ListingPage &page) {
            finished(page);
            done(page);
        });
    });
}

void ReadPacer::readQuantities(const QStringList &remoteIds,
                               std::function<void(const QuantitiesRead &)> done)
{
    if (remoteIds.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done)] { done(QuantitiesRead {}); }, Qt::QueuedConnection);
        return;
    }
    const int size = std::max(1, m_reader->maxQuantitiesPerRead());
    struct Merged
    {
        QuantitiesRead read;
        qsizetype remaining = 0;
        std::function<void(const QuantitiesRead &)> done;
    };
    auto merged = std::make_shared<Merged>();
    merged->done = std::move(done);
    merged->remaining = (remoteIds.size() + size - 1) / size;
    for (qsizetype i = 0; i < remoteIds.size(); i += size) {
        const QStringList chunk = remoteIds.mid(i, size);
        enqueue([this, chunk, merged](auto finished) {
            m_reader->readQuantities(chunk, [merged, finished](const QuantitiesRead &part) {
                finished(part);
                merged->read.quantities.insert(part.quantities);
                merged->read.missing.insert(part.missing);
                if (!part.ok()) {
                    static_cast<ReadStatus &>(merged->read) = part;
                }
                if (--merged->remaining == 0)
                    merged->done(merged->read);
            });
        });
    }
}

void ReadPacer::enqueue(Call call)
{
    m_queue.push_back(std::move(call));
    if (!m_busy && !m_timer.isActive())
        QMetaObject::invokeMethod(this, &ReadPacer::pump, Qt::QueuedConnection);
}

void ReadPacer::pump()
{
    if (m_busy || m_queue.empty())
        return;
    if (!m_limiter.tryAcquireAbove(reserve())) {
        const qint64 wait = m_limiter.msUntilAvailableAbove(reserve());
        m_timer.start(int(std::clamp<qint64>(wait, 1, kMaxWaitMs)));
        return;
    }
    Call call = std::move(m_queue.front());
    m_queue.pop_front();
    m_busy = true;
    QPointer<ReadPacer> self(this);
    call([self](const ReadStatus &status) {
        if (self)
            self->finished(status);
    });
}

void ReadPacer::finished(const ReadStatus &status)
{
    m_busy = false;
    if (status.retryAfterMs)
        m_limiter.blockUntil(m_clock.nowMs() + *status.retryAfterMs);
    if (status.throttled || status.failure == FailureKind::Throttled)
        m_limiter.onThrottled();
    pump();
}

} // namespace ChannelDesk
