#include "console/stockprojection.h"

namespace ChannelDesk {

StockProjection::StockProjection(const Clock &clock)
    : StockProjection(clock, Options())
{
}

StockProjection::StockProjection(const Clock &clock, Options options)
    : m_clock(clock)
    , m_options(options)
{
}

void StockProjection::setChannels(const QStringList &channels)
{
    clear();
    m_channels = channels;
    m_channelIndex.clear();
    for (qsizetype i = 0; i < channels.size(); ++i)
        m_channelIndex.insert(channels.at(i), int(i));
}

void StockProjection::clear()
{
    m_rows.clear();
    m_dirty.clear();
    m_lastFlushMs = -1;
    m_loading = false;
    m_missed.clear();
}

void StockProjection::load(const QList<StockLevel> &levels, const QList<ListingState> &listings,
                           const QList<ListingBuffer> &buffers)
{
    beginLoad();
    m_rows.reserve(levels.size());
    loadPart(levels, listings, buffers);
    endLoad();
}

void StockProjection::beginLoad()
{
    m_rows.clear();
    m_dirty.clear();
    m_missed.clear();
    m_loading = true;
}

QList<StockRow> StockProjection::loadPart(const QList<StockLevel> &levels,
                                          const QList<ListingState> &listings,
                                          const QList<ListingBuffer> &buffers)
{
    QSet<QString> part;
    part.reserve(levels.size());
    for (const StockLevel &s : levels) {
        StockRow &r = rowFor(s.sku);
        r.title = s.title;
        r.available = s.available;
        r.committed = s.committed;
        r.safetyBuffer = s.safetyBuffer;
        r.version = s.version;
        r.paused = s.paused;
        r.buffers.clear();
        for (ListingCell &c : r.channels)
            c = ListingCell();
        part.insert(s.sku);
        m_missed.remove(s.sku);
    }
    for (const ListingState &l : listings) {
        if (part.contains(l.sku))
            setListing(l);
    }
    for (const ListingBuffer &b : buffers) {
        if (part.contains(b.sku))
            setBuffer(b.channel, b.sku, b.buffer);
    }
    QList<StockRow> rows;
    rows.reserve(levels.size());
    for (const StockLevel &s : levels) {
        m_dirty.remove(s.sku); // read now: nothing newer to send
        rows.append(m_rows.value(s.sku));
    }
    return rows;
}

QStringList StockProjection::endLoad()
{
    m_loading = false;
    return QStringList(m_missed.cbegin(), m_missed.cend());
}

bool StockProjection::unread(const QString &sku)
{
    if (!m_loading || m_rows.contains(sku))
        return false;
    m_missed.insert(sku);
    return true;
}

void StockProjection::setBuffer(const QString &channel, const QString &sku,
                                const BufferOverride &buffer)
{
    const int index = m_channelIndex.value(channel, -1);
    if (index < 0 || !m_rows.contains(sku))
        return; // also while loading: the SKU's part reads its buffers
    StockRow &r = rowFor(sku);
    r.buffers.removeIf([index](const CellBuffer &b) { return b.channel == index; });
    if (!buffer.isEmpty())
        r.buffers.append({index, buffer});
    m_dirty.insert(sku);
}

void StockProjection::applyListings(const QList<ListingState> &listings)
{
    for (const ListingState &l : listings)
        setListing(l);
}

void StockProjection::setListing(const ListingState &l)
{
    const int index = m_channelIndex.value(l.channel, -1);
    if (index < 0 || unread(l.sku))
        return;
    ListingCell &c = rowFor(l.sku).channels[index];
    ListingCell read = c;
    read.listed = true;
    read.state = l.state;
    read.ackedQuantity = l.ackedQuantity.value_or(-1);
    read.outOfSyncSinceMs = l.state == ListingState::State::InSync ? 0 : l.pendingSinceMs;
    read.lastError = l.lastError;
    // Only what moved goes to the GUI: a console on a shared inventory reads a channel's
    // listings again whenever its workers write some.
    if (read == c)
        return;
    c = std::move(read);
    m_dirty.insert(l.sku);
}

void StockProjection::applyMutations(const QList<Mutation> &mutations)
{
    for (const Mutation &m : mutations) {
        if (!changesStock(m.kind) && m.kind != MutationKind::Ship)
            continue; // nothing on the row moved (dead letters, waiting lines, resolutions)
        if (unread(m.sku))
            continue;
        StockRow &r = rowFor(m.sku);
        if (m.version < r.version)
            continue; // stale: a later version is shown already
        if (m.version == r.version) {
            // Only committed moved (a shipment, a write-off): the version, and what the
            // channels show, stay.
            if (r.committed != m.committedAfter) {
                r.committed = m.committedAfter;
                m_dirty.insert(m.sku);
            }
            continue;
        }
        r.available = m.availableAfter;
        r.committed = m.committedAfter;
        r.version = m.version;
        r.paused = m.pausedAfter;
        const qint64 since = m.atMs > 0 ? m.atMs : m_clock.nowMs();
        for (ListingCell &c : r.channels) {
            if (!c.listed)
                continue;
            if (c.outOfSyncSinceMs == 0)
                c.outOfSyncSinceMs = since;
            if (c.state != ListingState::State::Dead)
                c.state = ListingState::State::Pending;
        }
        m_dirty.insert(m.sku);
    }
}

void StockProjection::applyDetails(const StockLevel &level)
{
    if (unread(level.sku))
        return;
    StockRow &r = rowFor(level.sku);
    if (r.title == level.title && r.safetyBuffer == level.safetyBuffer)
        return;
    r.title = level.title;
    r.safetyBuffer = level.safetyBuffer;
    m_dirty.insert(level.sku);
}

void StockProjection::acknowledge(const QString &channel, const QString &sku, qint64 version,
                                  qint64 quantity, qint64 lagMs)
{
    ListingCell *c = cell(channel, sku);
    if (!c)
        return;
    c->listed = true;
    c->ackedQuantity = quantity;
    c->lagMs = lagMs;
    c->state = version >= m_rows.value(sku).version ? ListingState::State::InSync
                                                    : ListingState::State::Pending;
    if (c->state == ListingState::State::InSync)
        c->outOfSyncSinceMs = 0;
    c->lastError.clear();
}

void StockProjection::attemptFailed(const QString &channel, const QString &sku, bool permanent,
                                    const QString &message)
{
    if (ListingCell *c = cell(channel, sku)) {
        c->state = permanent ? ListingState::State::Dead : ListingState::State::Retrying;
        c->lastError = message;
        if (c->outOfSyncSinceMs == 0)
            c->outOfSyncSinceMs = m_clock.nowMs();
    }
}

void StockProjection::deadLettered(const QString &channel, const QString &sku,
                                   const QString &message)
{
    if (ListingCell *c = cell(channel, sku)) {
        c->state = ListingState::State::Dead;
        c->lastError = message;
        if (c->outOfSyncSinceMs == 0)
            c->outOfSyncSinceMs = m_clock.nowMs();
    }
}

const StockRow *StockProjection::row(const QString &sku) const
{
    const auto it = m_rows.constFind(sku);
    return it == m_rows.constEnd() ? nullptr : &*it;
}

QList<StockRow> StockProjection::flush()
{
    const qint64 now = m_clock.nowMs();
    if (m_dirty.isEmpty() ||
        (m_lastFlushMs >= 0 && now - m_lastFlushMs < m_options.minFlushIntervalMs))
        return {};
    m_lastFlushMs = now;
    QList<StockRow> rows;
    rows.reserve(m_dirty.size());
    for (const QString &sku : std::as_const(m_dirty))
        rows.append(m_rows.value(sku));
    m_dirty.clear();
    return rows;
}

StockRow &StockProjection::rowFor(const QString &sku)
{
    auto it = m_rows.find(sku);
    if (it == m_rows.end()) {
        it = m_rows.insert(sku, StockRow());
        it->sku = sku;
        it->channels.resize(m_channels.size());
    }
    return *it;
}

ListingCell *StockProjection::cell(const QString &channel, const QString &sku)
{
    const int index = m_channelIndex.value(channel, -1);
    if (index < 0 || unread(sku))
        return nullptr;
    m_dirty.insert(sku);
    return &rowFor(sku).channels[index];
}

} // namespace ChannelDesk
