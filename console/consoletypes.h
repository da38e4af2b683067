#pragma once

#include "channels/channelconfig.h"
#include "channels/connectioncheck.h"
#include "domain/ledger.h"
#include "intake/inboxstore.h"
#include "metrics/alert.h"
#include "metrics/channellagstats.h"
#include "store/deadletterqueue.h"
#include "store/orderledger.h"
#include "store/propagationstore.h"
#include "sync/listingpull.h"
#include "sync/stockimportpreview.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// The small value types the console's worker thread hands to the GUI thread through queued
// signals. None of them refers to anything that lives on the worker.

// One SKU's listing on one channel, as the stock table shows it.
struct ListingCell
{
    bool listed = false; // false: the SKU is not mapped on this channel
    ListingState::State state = ListingState::State::InSync;
    qint64 ackedQuantity = -1; // -1: never acknowledged
    qint64 lagMs = -1; // the sync lag of the last acknowledged change, -1: none seen yet
    qint64 outOfSyncSinceMs = 0; // when the oldest unacknowledged change was committed, 0: in sync
    QString lastError;

    friend bool operator==(const ListingCell &, const ListingCell &) = default;
};

// A listing's own buffer override (what its channel is shown of the SKU), by its channel's
// index in ConsoleInfo::channels.
struct CellBuffer
{
    int channel = -1;
    BufferOverride buffer;

    friend bool operator==(const CellBuffer &, const CellBuffer &) = default;
};

// One row of the stock table: the source of truth and, per channel (in the order of
// ConsoleInfo::channels), where its listing stands.
struct StockRow
{
    QString sku;
    QString title;
    qint64 available = 0; // what channels sell from; below zero: units owed to customers
    qint64 committed = 0; // sold, not yet shipped
    qint64 safetyBuffer = 0;
    qint64 version = 0;
    bool paused = false;
    QList<ListingCell> channels;
    QList<CellBuffer> buffers; // only the listings with an override of their own

    qint64 onHand() const { return available + committed; } // on the shelf
    // The override of the listing on channel `channel` (empty: it follows its channel's rule).
    BufferOverride bufferOf(int channel) const;
    // What channel `channel`, whose config rule is `channelRule`, should show of the SKU now.
    ShownQuantity expected(int channel, const BufferOverride &channelRule) const;

    friend bool operator==(const StockRow &, const StockRow &) = default;
};

// One channel as the Channels tab shows it.
struct ChannelRow
{
    QString id;
    QString type;
    ChannelLagStats stats; // 5-minute window
    bool suspended = false;
    double tokens = 0; // rate-limit headroom: tokens in the bucket now
    double rate = 0; // and the current rate, per second
    QString lastError;
    qint64 lastErrorAtMs = -1;
    // On a PostgreSQL inventory shared by several workers: the worker that holds the channel's
    // propagation lease (empty: none does, or no leases: SQLite), and whether it is this console.
    QString holder;
    bool heldHere = false;
};

// What the status bar shows.
struct ConsoleStatus
{
    bool running = false;
    double ordersPerSecond = 0;
    double worstP99Ms = 0;
    QString worstChannel;
    qint64 deadLetters = 0;
    qint64 pending = 0;
};

// What the console is connected to, once the core has started.
struct ConsoleInfo
{
    QStringList channels; // ids, in config order
    QStringList channelTypes;
    QString databaseLocation;
    bool demo = false;
    quint16 port = 0; // the local API, 0 when not listening
    QStringList carriers; // the enabled carriers' ids, in config order
    AlertThresholds alerts; // the config's alert thresholds (the lag chart draws the p99 one)
    QList<BufferOverride> channelBuffers; // each channel's config "buffer", in channels' order
};

// One channel's lag chart over a window.
struct LagSeries
{
    QString channel;
    QList<LagPoint> points;
    QList<qint64> distribution; // the window's lags per bin of LagSeriesSet::binBoundsMs
};
struct LagSeriesSet
{
    qint64 windowMs = 0;
    QList<qint64> binBoundsMs; // upper bounds; the last bin holds the lags above the last one
    QList<LagSeries> channels;
};

// A dead letter is named by its channel and SKU.
struct DeadLetterKey
{
    QString channel;
    QString sku;

    friend bool operator==(const DeadLetterKey &, const DeadLetterKey &) = default;
};

// What the Orders tab shows: the orders that need the merchant (oversold, with lines waiting)
// and the most recently changed ones.
struct OrdersSnapshot
{
    QList<OrderLedger::OrderSummary> recent; // newest first
    QList<OversoldEntry> oversold;
    QList<UnmatchedEntry> unmatched;
    QString error; // the ledger could not be read
};

// A resolve action's answer, for the Orders tab.
struct OrderActionResult
{
    QString channel;
    QString orderId;
    bool ok = false;
    QString message;
};

// The answer to an import of listings from the Channels tab (a dry look or the mapping).
struct ListingPullAnswer
{
    quint64 requestId = 0;
    bool cancelled = false; // the merchant cancelled it while the catalogue was read
    PullReport report; // report.error says why it did not go through, in the channel's words
};

// Registers the types above (and the core types the console passes) for queued connections.
void registerConsoleTypes();

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::ListingCell)
Q_DECLARE_METATYPE(ChannelDesk::StockRow)
Q_DECLARE_METATYPE(ChannelDesk::ChannelRow)
Q_DECLARE_METATYPE(ChannelDesk::ConsoleStatus)
Q_DECLARE_METATYPE(ChannelDesk::ConsoleInfo)
Q_DECLARE_METATYPE(ChannelDesk::LagSeriesSet)
Q_DECLARE_METATYPE(ChannelDesk::DeadLetterKey)
Q_DECLARE_METATYPE(ChannelDesk::OrdersSnapshot)
Q_DECLARE_METATYPE(ChannelDesk::OrderActionResult)
Q_DECLARE_METATYPE(ChannelDesk::DeadLetter)
Q_DECLARE_METATYPE(ChannelDesk::ListingPullAnswer)
Q_DECLARE_METATYPE(ChannelDesk::InboxEntry)
Q_DECLARE_METATYPE(ChannelDesk::StockImportPreview)
Q_DECLARE_METATYPE(ChannelDesk::ConnectionCheck)
