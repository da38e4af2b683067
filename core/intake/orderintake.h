#pragma once

#include "intake/delivery.h"
#include "intake/inboxstore.h"
#include "intake/intakewriter.h"
#include "util/clock.h"
#include "util/postedcalls.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>

namespace ChannelDesk {

class Database;
class WebhookParser;

// The front door of the order path (issue 11): verifies a delivery's signature with its
// channel's parser on the thread that received it (the listener's: HMAC is CPU only), hands it
// to the inbox's writer (IntakeWriter: a thread of its own with its own connection to the inbox
// file), which appends it raw with the deliveries that arrived together in one group commit,
// and only then answers, from the writer's thread. Neither the listener nor the core thread
// waits on the disk: the core thread is only told afterwards (appended()) and drains the inbox
// into the order path (CoreRuntime); the inbox is a file of its own that only the writer
// writes, so the inventory's write lock cannot hold an answer back either.
//
// Answers: 200 once kept (a signed delivery that does not parse is kept too, with its reason
// written when drained); 401 for a missing or wrong signature and 404 for an unknown or
// poll-only channel (nothing kept); 413 over the body limit; 503 when the inbox cannot be
// written (disk full, read-only: nothing kept, so the channel's retry is right) or the intake
// is closing.
//
// Lives on the core thread: start(), close(), appendPolled(), recordOutcomes() and prune() are
// called there, and their results and appended() come back there. receive() and setChannels()
// may be called from any thread.
class OrderIntake : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(int status, QJsonObject body)>;
    using Done = std::function<void(const Status &)>;

    struct Channel
    {
        QString id;
        QString type;
        const WebhookParser *parser = nullptr; // null: the channel sends no webhooks
        QList<QByteArray> secrets;
        bool takesWebhooks = true; // false: its orders are polled only (intake "poll")
    };
    struct Options
    {
        int maxBatch = 256; // a group commit as soon as this many wait
        int maxWaitMs = 0; // the first waits this long for others (IntakeWriter)
        qint64 maxBodyBytes = 1 << 20;
    };

    // inbox: the core thread's own connection to the inbox file, for reading it (the drain,
    // the Deliveries view) and for a replay; the writer opens another.
    OrderIntake(Database &inbox, const Clock &clock, Options options, QObject *parent = nullptr);
    // Closes: every delivery taken is kept and answered first.
    ~OrderIntake() override;

    // Starts the writer's thread, which opens its connection with open (InboxStore::open).
    bool start(IntakeWriter::Opener open, QString *error);
    void setChannels(const QList<Channel> &channels);

    // Answers through reply: at once for a refusal, from the writer's thread once kept.
    void receive(const Delivery &delivery, Reply reply);
    // A poll's orders, appended together in one transaction; done (on this thread) says
    // whether they were kept (the poll's high-water mark moves only after they were).
    void appendPolled(const QList<Delivery> &deliveries, Done done);
    // The order path's outcomes, written by the writer between its group commits; done (on
    // this thread) once they are.
    void recordOutcomes(const QList<InboxStore::Outcome> &outcomes, qint64 nowMs, Done done);
    // Deletes drained deliveries received before cutoffMs, by the writer (InboxStore::prune).
    void prune(qint64 cutoffMs);
    // Waits until everything handed to the writer so far is committed and answered, then runs
    // what it sent back (done callbacks, appended()) at once (tests).
    void flush();
    // Takes nothing more (receive() answers 503), keeps and answers what it took.
    void close();
    // Runs call on the writer's thread with its connection, between group commits (tests make
    // the inbox refuse writes with it); false when closed.
    bool onWriter(std::function<void(Database &)> call);

    InboxStore &inbox() { return m_store; }
    Database &database() { return m_db; }

Q_SIGNALS:
    // Deliveries were kept and wait for the order path (their channels, one per delivery).
    void appended(const QStringList &channels);

private:
    // The channel a delivery names, copied (the list may be replaced from another thread).
    std::optional<Channel> channel(const QString &id) const;
    // Runs call on this object's thread (from the writer's).
    void back(std::function<void()> call);

    Database &m_db;
    InboxStore m_store;
    const Clock &m_clock;
    const Options m_options;
    mutable std::mutex m_channelsMutex;
    QList<Channel> m_channels;
    // Before the writer: the writer's last calls back are posted while it ends.
    PostedCalls m_back;
    std::unique_ptr<IntakeWriter> m_writer;
};

} // namespace ChannelDesk
