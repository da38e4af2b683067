#pragma once

#include "intake/delivery.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace ChannelDesk {

class Database;

// One row of the inbox: a delivery and what the order path made of it.
struct InboxEntry
{
    qint64 id = 0; // arrival order
    Delivery delivery;
    DeliveryStatus status = DeliveryStatus::Pending;
    QString error; // why, for invalid and ignored (and the outcome's message otherwise)
    qint64 appliedAtMs = 0; // 0 while pending
};

// The durable inbox between the wire and the order path (DESIGN §2): deliveries appended raw in
// group commits, drained in arrival order, each given its outcome. Beside a SQLite inventory it
// is a SQLite file of its own (Database::Schema::Inbox) so that appending never waits for the
// inventory's write lock. Beside a PostgreSQL inventory it is a table of the same database, on
// a connection of its own under a write lock of its own (the inventory's key + 1): every worker
// appends to it and any worker drains it, so a delivery accepted by a worker that then dies
// for good is applied by another.
class InboxStore
{
public:
    explicit InboxStore(Database &db)
        : m_db(db)
    {
    }

    // The inbox that goes with an inventory location: "<dir>/<name>.inbox.sqlite" beside a
    // SQLite file; a PostgreSQL inventory's own URL (one inbox shared by every worker).
    static QString locationFor(const QString &inventoryLocation);
    // Opens (creating and migrating) the inbox at location; full: synchronous=FULL.
    static std::unique_ptr<Database> open(const QString &location, bool full, QString *error);
    // Opens it for commands that only look (deliveries): never waits for or takes the write
    // lock of a running intake (Database::Access::ReadOnly).
    static std::unique_ptr<Database> openReadOnly(const QString &location, QString *error);

    // Appends every delivery in one transaction, all or none; their ids in order.
    Result<QList<qint64>> append(const QList<Delivery> &deliveries);

    struct Outcome
    {
        qint64 id = 0;
        DeliveryStatus status = DeliveryStatus::Applied;
        QString error;
    };
    // Records outcomes in one transaction (appliedAtMs: now).
    Status recordOutcomes(const QList<Outcome> &outcomes, qint64 nowMs);

    // The oldest pending deliveries, in arrival order, at most limit.
    Result<QList<InboxEntry>> pending(int limit) const;

    struct Filter
    {
        QString channel; // empty: every channel
        std::optional<DeliveryStatus> status;
        int limit = 1000; // newest first
    };
    Result<QList<InboxEntry>> list(const Filter &filter) const;
    Result<std::optional<InboxEntry>> entry(qint64 id) const;

    // Puts a refused delivery (invalid, ignored or unmatched) back in the queue, to be applied
    // again by the next drain; refuses one that was applied or is pending.
    Status replay(qint64 id);

    // How many deliveries wait to be drained.
    Result<qint64> backlog() const;
    // Deliveries by (channel, status name).
    Result<QHash<QPair<QString, QString>, qint64>> counts() const;
    // Deletes drained deliveries received before cutoffMs; a pending one is never pruned.
    Result<qint64> prune(qint64 cutoffMs);

private:
    Database &m_db;
};

} // namespace ChannelDesk
