#pragma once

#include "intake/delivery.h"
#include "util/result.h"

#include <QList>
#include <QStringList>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace ChannelDesk {

class Database;
class InboxStore;

// The inbox's one writer (issue 13): a thread of its own with its own connection to the inbox
// file. It appends the deliveries handed to it in group commits (everything that waits, up to
// maxBatch deliveries: under load, what arrived while the last commit synced; maxWaitMs makes
// the first wait for company too) and calls each one's `kept` only after the commit that holds it,
// so an answer never goes out before its delivery is on disk; the thread that hands deliveries over
// (the listener's, the core's) never waits on the disk. Tasks (the order path's outcomes, the
// pruning) run on the same thread between group commits, in the order they were handed over,
// so the inbox file has one writer and no two of its writes wait on each other's lock.
//
// Hand-offs go through a std::mutex and a condition variable (ThreadSanitizer sees both); every
// method but the constructor and destructor may be called from any thread except the writer's.
class IntakeWriter
{
public:
    struct Options
    {
        int maxBatch = 256; // a group commit as soon as this many deliveries wait
        int maxWaitMs = 0; // the first waits this long for others (0: the commit in progress)
    };
    // Opens the writer's connection; called once, on the writer's thread.
    using Opener = std::function<std::unique_ptr<Database>(QString *error)>;
    // The ids the inbox gave the deliveries (in order), or why none was kept (the whole group
    // commit failed: nothing of it was kept). Called on the writer's thread.
    using Kept = std::function<void(const Result<QList<qint64>> &ids)>;
    // Runs on the writer's thread, with its connection, between group commits.
    using Task = std::function<void(Database &inbox)>;
    // After each group commit that kept deliveries: their channels, one per delivery. Called on
    // the writer's thread.
    using Appended = std::function<void(const QStringList &channels)>;

    IntakeWriter(Options options, Appended appended);
    // Does what was handed over, then ends the thread (close()).
    ~IntakeWriter();
    IntakeWriter(const IntakeWriter &) = delete;
    IntakeWriter &operator=(const IntakeWriter &) = delete;

    // Starts the thread and opens the connection there; false (and *error) when it cannot be
    // opened, and then nothing is taken.
    bool start(Opener open, QString *error);

    // Hands deliveries over, kept together (all or none, in one group commit); false when the
    // writer is closed or not started (kept is then never called).
    bool append(QList<Delivery> deliveries, Kept kept);
    // Hands a task over; false when closed or not started.
    bool post(Task task);
    // Waits until everything handed over before the call is done (its commit and its calls).
    void flush();
    // Takes nothing more, does what was handed over and ends the thread; waits for it.
    void close();

private:
    struct Item
    {
        QList<Delivery> deliveries; // an append when task is empty
        Kept kept;
        Task task;
        quint64 seq = 0;
    };
    void run(Database &db);
    // The next group: every item that waits (appends up to maxBatch deliveries), once the
    // window is over; empty when closed and nothing waits.
    std::deque<Item> takeGroup(std::unique_lock<std::mutex> &lock);
    void commitAppends(Database &db, std::vector<Item> &appends);

    const Options m_options;
    const Appended m_appended;
    std::thread m_thread;
    std::mutex m_mutex; // guards everything below
    std::condition_variable m_wake; // the writer: work, a flush, a close
    std::condition_variable m_done; // flush(): m_doneSeq moved
    std::deque<Item> m_queue;
    int m_queuedDeliveries = 0;
    std::chrono::steady_clock::time_point m_firstQueuedAt;
    quint64 m_nextSeq = 1;
    quint64 m_doneSeq = 0; // every item up to this one is done
    quint64 m_flushTo = 0; // a flush waits for this item: no window for it
    bool m_opened = false; // the thread tried to open its connection
    bool m_started = false; // and did: items are taken
    bool m_closing = false;
    QString m_openError;
};

} // namespace ChannelDesk
