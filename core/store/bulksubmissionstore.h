#pragma once

#include "util/result.h"

#include <QList>
#include <QString>

namespace ChannelDesk {

class Database;

// A bulk submission a channel may still be processing (Amazon's JSON_LISTINGS_FEED), as kept
// while its outcome is not recorded (issue 13): what it carries, in the order of its messages.
struct StoredBulkSubmission
{
    struct Listing
    {
        QString sku;
        QString remoteId;
        qint64 version = 0;
        qint64 quantity = 0; // what the submission sets on the channel
        bool paused = false;
    };

    QString channel;
    QString submission; // ours, made before the channel was asked
    QString remoteId; // the channel's id for it (Amazon's feedId); empty until it gave one
    qint64 submittedAtMs = 0;
    QList<Listing> listings;
};

// The bulk submissions in flight (table bulk_submissions, migration 13). A submission is
// recorded before the channel is asked, given the channel's id when it answers, and removed once
// its outcome (acknowledgements, retries, dead letters) is written: a restart finds every
// submission that may still land, and nothing that cannot.
class BulkSubmissionStore
{
public:
    explicit BulkSubmissionStore(Database &db)
        : m_db(db)
    {
    }

    Status record(const StoredBulkSubmission &submission);
    // The channel took it: its id, and how many of the listings it carries (the first
    // `carried`; the rest were left for a later submission and are no longer kept).
    Status accepted(const QString &channel, const QString &submission, const QString &remoteId,
                    qsizetype carried);
    Status remove(const QString &channel, const QString &submission);
    // The channel's submissions, oldest first.
    Result<QList<StoredBulkSubmission>> forChannel(const QString &channel) const;

private:
    Database &m_db;
};

} // namespace ChannelDesk
