#pragma once

#include "util/result.h"

#include <QList>
#include <QString>

namespace ChannelDesk {

class Database;

// A listing the channel would not take: one per (channel, SKU), however many versions it
// covers, with every failed attempt in its history.
struct DeadLetter
{
    QString channel;
    QString sku;
    qint64 version = 0;
    int attempts = 0;
    QString errorKind; // "permanent" or "exhausted"
    QString lastError;
    QString request;
    QString response;
    QString history; // JSON array of every failed attempt
    qint64 firstFailedAtMs = 0;
    qint64 lastFailedAtMs = 0;
    bool retrying = false; // sent again (by hand), answer not in yet
};

// The dead-letter queue (DESIGN §3): listings parked after a permanent failure or exhausted
// retries, never dropped; a person's retry (with the CURRENT quantity) or discard, each audited
// in the mutation log. A letter is closed when its listing is acknowledged
// (PropagationStore::acknowledge).
class DeadLetterQueue
{
public:
    explicit DeadLetterQueue(Database &db)
        : m_db(db)
    {
    }

    // One failed attempt that parks the listing.
    struct Failure
    {
        qint64 version = 0;
        int attempts = 0;
        QString kind; // "permanent" or "exhausted"
        int httpStatus = 0;
        QString code;
        QString message;
        QString request;
        QString response;
        qint64 atMs = 0;
    };
    // Names a channel, a SKU, both, or neither (= every letter).
    struct Selector
    {
        QString channel;
        QString sku;
    };

    // Parks the listing (state dead) and adds the attempt to its letter's history, creating the
    // letter on its first failure; one transaction.
    Status deadLetter(const QString &channel, const QString &sku, const Failure &failure);
    // The selected letters, the oldest failure first.
    Result<QList<DeadLetter>> deadLetters(const Selector &selector = {}) const;
    // Queues the selected dead listings to be sent again now, with the CURRENT quantity; each is
    // audited. Answers how many.
    Result<int> retry(const Selector &selector, const QString &actor, qint64 nowMs);
    // Drops the selected letters (audited with the reason); the listing goes back to waiting for
    // the next change. Answers how many.
    Result<int> discard(const Selector &selector, const QString &actor, const QString &reason,
                        qint64 nowMs);

private:
    enum class Action { Retry, Discard };
    Result<int> change(const Selector &selector, Action action, const QString &actor,
                       const QString &reason, qint64 nowMs);

    Database &m_db;
};

} // namespace ChannelDesk
