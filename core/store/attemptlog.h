#pragma once

#include "util/result.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace ChannelDesk {

class Database;

// One failed attempt to send a listing to a channel: when, which version, what was sent and what
// came back.
struct ListingAttempt
{
    qint64 atMs = 0;
    qint64 version = 0;
    int attempt = 0; // the listing's attempt count after it (throttling uses none)
    QString kind; // AttemptLog::kTransient, kPermanent, kThrottled or kUnanswered
    int httpStatus = 0; // 0: no HTTP answer
    QString code; // the channel's own error code, when it gave one
    QString message;
    QString request; // the call's body, at most AttemptLog::kMaxBodyChars (then marked)
    QString response;

    friend bool operator==(const ListingAttempt &, const ListingAttempt &) = default;
};

// The failed attempts of the listings that are not on the channel yet (issue 10: "every attempt
// is kept"): retried or dead-lettered, each with its request and answer, so the dead-letter
// queue can show all of them, not only the last. Bounded: the newest kKeepPerListing attempts of
// a listing, bodies cut at kMaxBodyChars. A listing's attempts go when the channel acknowledges
// it (PropagationStore::acknowledge) or its letter is discarded.
class AttemptLog
{
public:
    // How an attempt failed. Transient: an error answer worth retrying (5xx, a timeout answer, a
    // stale compare value). Permanent: the channel refused this listing or the call for good.
    // Throttled: the channel paced us (429, THROTTLED); it uses no attempt. Unanswered: no HTTP
    // answer at all (connection refused, reset, timeout).
    static constexpr QLatin1StringView kTransient {"transient"};
    static constexpr QLatin1StringView kPermanent {"permanent"};
    static constexpr QLatin1StringView kThrottled {"throttled"};
    static constexpr QLatin1StringView kUnanswered {"unanswered"};
    static constexpr int kKeepPerListing = 20;
    static constexpr int kMaxBodyChars = 4096;

    explicit AttemptLog(Database &db)
        : m_db(db)
    {
    }

    struct Entry
    {
        QString channel;
        QString sku;
        ListingAttempt attempt;
    };
    // Every entry or none, in one transaction; each listing keeps its newest kKeepPerListing.
    Status record(const QList<Entry> &entries);
    // A listing's kept attempts, oldest first.
    Result<QList<ListingAttempt>> attempts(const QString &channel, const QString &sku) const;
    // Drops a listing's attempts, inside the caller's write transaction.
    Status forget(const QString &channel, const QString &sku);

    // The body as kept: at most kMaxBodyChars characters, a cut one ends with a note saying how
    // long it was.
    static QString keptBody(const QString &body);

private:
    Database &m_db;
};

} // namespace ChannelDesk
