#pragma once

#include "util/result.h"

#include <QJsonArray>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

namespace ChannelDesk {

class Database;

// A listing the channel would not take: one per (channel, SKU), however many versions it
// covers, with the failures that parked it in its history. Every failed attempt of the listing,
// with its request and answer, is in AttemptLog.
struct DeadLetter
{
    QString channel;
    QString sku;
    qint64 version = 0;
    int attempts = 0;
    QString errorKind; // DeadLetterQueue::kPermanent, kExhausted or kUnauthorized
    QString lastError;
    int httpStatus = 0; // of the failure that parked it last; 0: no HTTP answer
    QString code; // the channel's own error code of that failure, when it gave one
    QString request;
    QString response;
    // JSON array, oldest first, of the letter's life: every failed attempt that parked it
    // ({"at", "version", "attempts", "kind", "http_status", "code", "message"}) and every time
    // it was sent again ({"at", "event": "rearmed" | "retried" | "redriven", "version",
    // "actor"}); the newest DeadLetterQueue::kHistoryLimit entries.
    QString history;
    qint64 firstFailedAtMs = 0;
    qint64 lastFailedAtMs = 0;
    bool retrying = false; // sent again, answer not in yet
    // "dead"; or, while it is sent again: "retrying" (by hand), "rearmed" (a newer version
    // came) or "redriven" (the channel answers again).
    QString state;
};

// The dead-letter queue (DESIGN §3): listings parked after a permanent failure or exhausted
// retries, never dropped; a person's retry (with the CURRENT quantity) or discard, each audited
// in the mutation log. A parked listing is sent again by a newer version (PropagationStore's
// ingest re-arms it) and, when its failure was the channel's and not the listing's, by the
// channel answering again (redrive). A letter is closed when its listing is acknowledged
// (PropagationStore::acknowledge).
class DeadLetterQueue
{
public:
    // Failure kinds. Permanent: the listing's own (404 unknown listing, 400 rejected value);
    // it stays for the merchant. Exhausted: transient failures used up every attempt.
    // Unauthorized: the channel refused the call itself (HTTP 401, 402, 403: credentials,
    // scope, a frozen shop). The last two are the channel's, and are re-driven when it answers.
    static constexpr QLatin1StringView kPermanent {"permanent"};
    static constexpr QLatin1StringView kExhausted {"exhausted"};
    static constexpr QLatin1StringView kUnauthorized {"unauthorized"};
    static bool isRetryableKind(const QString &kind)
    {
        return kind == kExhausted || kind == kUnauthorized;
    }
    // A letter keeps this many history entries at most, the newest.
    static constexpr int kHistoryLimit = 100;
    // The channel's recoveries re-drive a letter this many times at most; then it waits for a
    // newer version or the merchant (a listing that fails whatever the channel's state must not
    // be sent for ever).
    static constexpr int kMaxRedrives = 5;

    explicit DeadLetterQueue(Database &db)
        : m_db(db)
    {
    }

    // One failed attempt that parks the listing.
    struct Failure
    {
        qint64 version = 0;
        int attempts = 0;
        QString kind; // kPermanent, kExhausted or kUnauthorized
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
    // The channel answers again: its dead listings with a retryable kind, each re-driven fewer
    // than kMaxRedrives times, are queued to be sent again now with the CURRENT quantity, oldest
    // letter first, each audited under `actor`. Answers how many.
    Result<int> redrive(const QString &channel, const QString &actor, qint64 nowMs);
    // The channel's dead listings that redrive() would send again.
    Result<int> redrivable(const QString &channel) const;
    // The oldest of them, or nullopt.
    Result<std::optional<QString>> oldestRedrivable(const QString &channel) const;

    // A parked listing is being sent again; kept in its letter's history (no letter: nothing).
    struct Event
    {
        enum Kind { Rearmed, Retried, Redriven };
        Kind kind = Retried;
        qint64 version = 0;
        qint64 atMs = 0;
        QString actor;
    };
    // Inside the caller's write transaction.
    Status noteEvent(const QString &channel, const QString &sku, const Event &event);

private:
    enum class Action { Retry, Discard, Redrive };
    struct Candidate
    {
        QString channel, sku, kind, history;
        qint64 available, version, committed;
    };
    // The letter's history, or nullopt when there is no letter.
    Result<std::optional<QJsonArray>> historyOf(const QString &channel, const QString &sku) const;
    // The dead listings a selector names (with their stock), oldest letter first.
    Result<QList<Candidate>> candidates(const Selector &selector) const;
    Result<int> change(const Selector &selector, Action action, const QString &actor,
                       const QString &reason, qint64 nowMs);

    Database &m_db;
};

} // namespace ChannelDesk
