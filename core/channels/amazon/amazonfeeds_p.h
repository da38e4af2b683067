#pragma once

// What amazonfeeds.cpp and amazonfeeds_resume.cpp share: one JSON_LISTINGS_FEED under way.
#include "amazonadapter.h"
#include "channels/httperror.h"

namespace ChannelDesk {

struct AmazonAdapter::Feed
{
    QList<ListingUpdate> updates; // messageId i + 1 is updates[i]
    qsizetype sent = 0; // the first `sent` updates are in the document; the rest wait
    QByteArray document;
    QString documentId;
    QString feedId;
    qint64 startedMs = 0; // when it was submitted (before a restart, for a resumed one)
    qint64 pollMs = 0; // the wait before the next getFeed
    BulkProgress progress; // none for a feed resumed after a restart
    std::function<void(const PushReport &)> done;
    // Found by getFeeds after a restart, its createFeed never answered: it may be another
    // tool's, so its report is not read as ours.
    bool adopted = false;
    bool cancelAsked = false; // cancelFeed answered (or refused): not asked again
    bool lateLogged = false;
};

// A body as kept with each listing of a failed feed (PushReport::response): its first 4 KiB.
inline QString excerpt(const QByteArray &body)
{
    return bodyForInspector(body.left(4096));
}

} // namespace ChannelDesk
