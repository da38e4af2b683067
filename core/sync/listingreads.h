#pragma once

// The two catalogue reads reconciliation and map-pull need, as plain functions, so their logic
// is tested against a fake and wired to a channel's ChannelReader in one place (listingReadsOf).
#if __has_include("channels/channelreader.h")
#include "channels/channelreader.h"
#define CHANNELDESK_HAS_CHANNEL_READER 1
#else
// Until the channel read interface (core/channels/channelreader.h) is merged: the same shapes.
#include "channels/channeladapter.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ChannelDesk {
struct ReadStatus
{
    FailureKind failure = FailureKind::None;
    QString message;
    int httpStatus = 0;
    QString errorCode;
    std::optional<qint64> retryAfterMs;
    bool throttled = false;
    bool ok() const { return failure == FailureKind::None; }
};
struct RemoteListing
{
    QString remoteId;
    QString sku;
    std::optional<qint64> quantity;
    QString title;
    friend bool operator==(const RemoteListing &, const RemoteListing &) = default;
};
struct ListingPage : ReadStatus
{
    QList<RemoteListing> listings;
    QString nextPageToken;
};
struct QuantitiesRead : ReadStatus
{
    QHash<QString, qint64> quantities;
    QHash<QString, QString> missing;
};
} // namespace ChannelDesk
#endif

#include <QStringList>

#include <functional>

namespace ChannelDesk {

class ChannelAdapter;

struct ListingReads
{
    // One page of the catalogue (start with an empty token).
    std::function<void(const QString &pageToken, std::function<void(const ListingPage &)> done)>
        listListings;
    // The quantity each listing shows now, in bulk.
    std::function<void(const QStringList &remoteIds,
                       std::function<void(const QuantitiesRead &)> done)>
        readQuantities;

    bool isValid() const { return listListings && readQuantities; }
};

// The adapter's reads, called directly (the CLI); invalid when the adapter cannot read.
ListingReads listingReadsOf(ChannelAdapter *adapter);

} // namespace ChannelDesk
