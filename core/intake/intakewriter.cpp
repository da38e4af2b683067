#include "intakewriter.h"

#include "intake/inboxstore.h"
#include "store/database.h"

#include <pthread.h>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

IntakeWriter::IntakeWriter(Options options, Appended appended)
    : m_options(options)
    , m_appended(std::move(appended))
{
}

IntakeWriter::~IntakeWriter()
{
    close();
}

bool IntakeWriter::start(Opener open, QString *error)
{
    m_thread = std::thread([this, open = std::move(open)] {
        pthread_setname_np(pthread_self(), "inbox-writer");
        QString openError;
        std::unique_ptr<Database> db = open(&openError);
        {
            const std::lock_guard lock(m_mutex);
            m_opened = true;
            m_started = db != nullptr;
            m_openError = openError;
        }
        m_done.notify_all();
        if (db)
            run(*db);
        // The connection closes on the thread that opened it (Qt Sql's rule).
    });
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_opened; });
    if (m_started)
        return true;
    *error = m_openError;
    lock.unlock();
    m_thread.join();
    return false;
}

bool IntakeWriter::append(QList<Delivery> deliveries, Kept kept)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_started || m_closing)
            return false;
        if (m_queuedDeliveries == 0)
            m_firstQueuedAt = std::chrono::steady_clock::now();
        m_queuedDeliveries += int(deliveries.size());
        m_queue.push_back(Item {std::move(deliveries), std::move(kept), {}, m_nextSeq++});
    }
    m_wake.notify_one();
    return true;
}

bool IntakeWriter::post(Task task)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_started || m_closing)
            return false;
        m_queue.push_back(Item {{}, {}, std::move(task), m_nextSeq++});
    }
    m_wake.notify_one();
    return true;
}

void IntakeWriter::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_nextSeq - 1;
    if (!m_started || m_doneSeq >= target)
        return;
    m_flushTo = std::max(m_flushTo, target);
    m_wake.notify_one();
    m_done.wait(lock, [this, target] { return m_doneSeq >= target; });
}

void IntakeWriter::close()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

std::deque<IntakeWriter::Item> IntakeWriter::takeGroup(std::unique_lock<std::mutex> &lock)
{
    m_wake.wait(lock, [this] { return !m_queue.empty() || m_closing; });
    if (m_queue.empty())
        return {};
    if (m_queuedDeliveries > 0 && m_options.maxWaitMs > 0) {
        // The window: the first delivery waits a little for others to share its commit (under
        // load it has waited already, behind the last commit), unless enough wait, the writer
        // is closing, or someone waits for it (flush).
        m_wake.wait_until(lock, m_firstQueuedAt + std::chrono::milliseconds(m_options.maxWaitMs),
                          [this] {
                              return m_queuedDeliveries >= m_options.maxBatch || m_closing ||
                                  m_flushTo > m_doneSeq;
                          });
    }
    std::deque<Item> group;
    int deliveries = 0;
    while (!m_queue.empty()) {
        Item &next = m_queue.front();
        const int size = int(next.deliveries.size());
        if (!next.task && deliveries > 0 && deliveries + size > m_options.maxBatch)
            break; // the next group's, which starts at once: it has waited already
        deliveries += size;
        group.push_back(std::move(next));
        m_queue.pop_front();
    }
    m_queuedDeliveries -= deliveries;
    return group;
}

void IntakeWriter::run(Database &db)
{
    std::unique_lock lock(m_mutex);
    while (true) {
        std::deque<Item> group = takeGroup(lock);
        if (group.empty())
            return; // closing, and everything handed over is done
        lock.unlock();
        const quint64 last = group.back().seq;
        std::vector<Item> appends;
        for (Item &item : group) {
            if (!item.task) {
                appends.push_back(std::move(item));
                continue;
            }
            // A task sees every delivery handed over before it committed.
            commitAppends(db, appends);
            item.task(db);
        }
        commitAppends(db, appends);
        group.clear(); // what the calls captured goes here, not under the lock
        lock.lock();
        m_doneSeq = last;
        m_done.notify_all();
    }
}

void IntakeWriter::commitAppends(Database &db, std::vector<Item> &appends)
{
    if (appends.empty())
        return;
    QList<Delivery> deliveries;
    for (const Item &item : appends)
        deliveries.append(item.deliveries);
    // One transaction for the group: all kept, or none (and every one of them is told so).
    const auto ids = InboxStore(db).append(deliveries);
    qsizetype at = 0;
    for (const Item &item : appends) {
        if (!ids) {
            item.kept(Error {ids.error()});
            continue;
        }
        item.kept(ids->mid(at, item.deliveries.size()));
        at += item.deliveries.size();
    }
    appends.clear();
    if (ids && m_appended) {
        QStringList channels;
        channels.reserve(deliveries.size());
        for (const Delivery &d : std::as_const(deliveries))
            channels.append(d.channel);
        m_appended(channels);
    }
}

} // namespace ChannelDesk
