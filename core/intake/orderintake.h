#pragma once

#include "intake/delivery.h"
#include "intake/inboxstore.h"
#include "util/clock.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace ChannelDesk {

class Database;
class WebhookParser;

// The front door of the order path (issue 11): verifies a delivery's signature with its
// channel's parser, appends it raw to the durable inbox in a group commit with the deliveries
// that arrived together, and only then answers. It never waits for the order path: the inbox is
// a file of its own that only the intake writes, so the inventory's write lock cannot hold an
// answer back; the order path drains the inbox afterwards (CoreRuntime).
//
// Answers: 200 once kept (a signed delivery that does not parse is kept too, with its reason
// written when drained); 401 for a missing or wrong signature and 404 for an unknown or
// poll-only channel (nothing kept); 413 over the body limit; 503 when the inbox cannot be
// written (disk full, read-only: nothing kept, so the channel's retry is right).
// Lives on the core thread; receive() must be called there.
class OrderIntake : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(int status, QJsonObject body)>;

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
        int maxWaitMs = 2; // or once the first has waited this long
        qint64 maxBodyBytes = 1 << 20;
    };

    OrderIntake(Database &inbox, const Clock &clock, Options options, QObject *parent = nullptr);
    // Flushes what still waits, so every delivery taken is answered.
    ~OrderIntake() override;

    void setChannels(const QList<Channel> &channels);

    // Answers through reply (later, from this thread's event loop, or at once for a refusal).
    void receive(const Delivery &delivery, Reply reply);
    // A poll's orders, appended at once in one transaction (the poll's high-water mark moves
    // only after this succeeded).
    Status appendPolled(const QList<Delivery> &deliveries);
    // Commits what waits now and answers it.
    void flush();

    InboxStore &inbox() { return m_store; }
    Database &database() { return m_db; }

Q_SIGNALS:
    // Deliveries were kept and wait for the order path (their channels, one per delivery).
    void appended(const QStringList &channels);

private:
    struct Waiting
    {
        Delivery delivery;
        Reply reply;
    };
    const Channel *channel(const QString &id) const;

    Database &m_db;
    InboxStore m_store;
    const Clock &m_clock;
    Options m_options;
    QList<Channel> m_channels;
    QList<Waiting> m_waiting;
    QTimer m_flushTimer;
};

} // namespace ChannelDesk
