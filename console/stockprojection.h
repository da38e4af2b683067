#pragma once

#include "console/consoletypes.h"
#include "domain/bufferrules.h"
#include "domain/mutation.h"
#include "domain/stocklevel.h"
#include "store/propagationstore.h"
#include "util/clock.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace ChannelDesk {

// The stock table as the console shows it, kept on the core thread: one StockRow per SKU,
// changed by the core's mutations and the propagators' answers, and a dirty set flushed as one
// batch of changed rows at most every minFlushIntervalMs of its clock. Pure: it reads no
// database and emits nothing, so every rule of it is tested with a ManualClock.
class StockProjection
{
public:
    struct Options
    {
        qint64 minFlushIntervalMs = 0; // flush() returns nothing sooner than this after the last
    };

    explicit StockProjection(const Clock &clock);
    StockProjection(const Clock &clock, Options options);

    // The channels, in the order of StockRow::channels. Clears the rows.
    void setChannels(const QStringList &channels);
    const QStringList &channels() const { return m_channels; }
    void clear();

    // Replaces every row (the first load); nothing is dirty afterwards.
    void load(const QList<StockLevel> &levels, const QList<ListingState> &listings,
              const QList<ListingBuffer> &buffers = {});
    // The first load a part at a time, so that the first rows show before the last are read:
    // beginLoad() clears the rows; each loadPart() adds the SKUs of `levels` with their listings
    // (and those of `buffers` that are theirs) and answers their rows, in the order of `levels`.
    // Until endLoad(), what happens to a SKU no part has held yet is not applied, as its part,
    // read later, holds it; endLoad() answers those no part held (new since they were read,
    // say), to be read and given to loadPart() once more.
    void beginLoad();
    QList<StockRow> loadPart(const QList<StockLevel> &levels, const QList<ListingState> &listings,
                             const QList<ListingBuffer> &buffers = {});
    QStringList endLoad();
    bool isLoading() const { return m_loading; }
    // A listing's buffer override was set (empty: removed).
    void setBuffer(const QString &channel, const QString &sku, const BufferOverride &buffer);
    // Listings read again from the store (after a dead-letter retry or discard).
    void applyListings(const QList<ListingState> &listings);
    // The order path's mutations, in log order. A mutation older than the row's version is
    // stale and dropped; one with the row's version (a shipment) moves only committed units.
    void applyMutations(const QList<Mutation> &mutations);
    // What a mutation does not carry: the title and safety buffer an import (or Add a SKU) set.
    void applyDetails(const StockLevel &level);
    // A propagator's answers.
    void acknowledge(const QString &channel, const QString &sku, qint64 version, qint64 quantity,
                     qint64 lagMs);
    void attemptFailed(const QString &channel, const QString &sku, bool permanent,
                       const QString &message);
    void deadLettered(const QString &channel, const QString &sku, const QString &message);

    QList<StockRow> rows() const { return m_rows.values(); }
    // The row of a SKU, or nullptr when it has none.
    const StockRow *row(const QString &sku) const;
    bool hasChanges() const { return !m_dirty.isEmpty(); }
    // The rows changed since the last flush (each once), or nothing while the last flush is
    // younger than minFlushIntervalMs; the dirty set is kept for the next one then.
    QList<StockRow> flush();

private:
    StockRow &rowFor(const QString &sku);
    // While loading: a SKU not read yet (noted for endLoad()), whose change is not applied.
    bool unread(const QString &sku);
    ListingCell *cell(const QString &channel, const QString &sku);
    void setListing(const ListingState &listing);

    const Clock &m_clock;
    Options m_options;
    QStringList m_channels;
    QHash<QString, int> m_channelIndex;
    QHash<QString, StockRow> m_rows;
    QSet<QString> m_dirty;
    qint64 m_lastFlushMs = -1;
    bool m_loading = false;
    QSet<QString> m_missed; // changed while loading before any part held them
};

} // namespace ChannelDesk
