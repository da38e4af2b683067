#include "listingmemory.h"

#include "duepriority.h"
#include "store/database.h"

#include <algorithm>

namespace ChannelDesk {

using namespace Qt::StringLiterals;
using State = ListingState::State;

namespace {
bool isUnsettled(State s)
{
    return s == State::Pending || s == State::Retrying;
}
} // namespace

void ListingMemory::setState(const QString &sku, Listing &l, State state)
{
    l.state = state;
    if (isUnsettled(state))
        m_unsettled.insert(sku);
    else
        m_unsettled.remove(sku);
}

void ListingMemory::put(const QString &sku, const ListingState &row)
{
    Listing &l = m_listings[sku];
    l = Listing {};
    // Amazon and eBay list by SKU: one copy of it serves both.
    l.remoteId = row.remoteId == sku ? sku : row.remoteId;
    l.ackedVersion = row.ackedVersion;
    l.setAckedQuantity(row.ackedQuantity);
    l.ackedPaused = row.ackedPaused;
    l.ackedAtMs = row.ackedAtMs;
    l.pendingVersion = row.pendingVersion;
    l.pendingSinceMs = row.pendingVersion > row.ackedVersion ? row.pendingSinceMs : 0;
    l.attempts = row.attempts;
    l.nextAttemptAtMs = row.nextAttemptAtMs;
    l.hasHistory = row.attempts > 0 || row.state != State::InSync || !row.lastError.isEmpty();
    // The changes memory saw and the database does not keep (when each version was made).
    if (const auto d = m_details.find(sku); d != m_details.end())
        d->changes.removeIf([&](const auto &c) { return c.first <= row.ackedVersion; });
    setError(sku, row.lastError); // sets or clears, and drops an empty detail
    setState(sku, l, row.state);
}

void ListingMemory::setError(const QString &sku, const QString &error)
{
    if (!error.isEmpty())
        m_details[sku].lastError = error;
    else if (const auto d = m_details.find(sku); d != m_details.end())
        d->lastError.clear();
    tidyDetail(sku);
}

void ListingMemory::tidyDetail(const QString &sku)
{
    if (const auto d = m_details.find(sku);
        d != m_details.end() && d->lastError.isEmpty() && d->changes.isEmpty())
        m_details.erase(d);
}

const ListingMemory::Detail *ListingMemory::detail(const QString &sku) const
{
    const auto it = m_details.constFind(sku);
    return it == m_details.cend() ? nullptr : &*it;
}

Status ListingMemory::load(Database &db, const std::function<QString(const QString &)> &shared)
{
    PropagationStore store(db);
    auto from = store.cursor(m_channel);
    if (!from)
        return Error {from.error()};
    if (!*from) {
        // Seen for the first time: the cursor starts at the end of the log.
        if (const auto started = store.ingest(m_channel, 0); !started)
            return Error {started.error()};
        from = store.cursor(m_channel);
        if (!from)
            return Error {from.error()};
    }
    // Read into empty memory; what it held comes back if the read fails.
    auto listings = std::exchange(m_listings, {});
    auto details = std::exchange(m_details, {});
    auto unsettled = std::exchange(m_unsettled, {});
    const Status read = store.forEachListing(
        m_channel, [&](const ListingState &row) { put(shared ? shared(row.sku) : row.sku, row); });
    if (!read) {
        m_listings = std::move(listings);
        m_details = std::move(details);
        m_unsettled = std::move(unsettled);
        return read;
    }
    m_listings.squeeze();
    m_dirty.clear();
    m_delivered.clear();
    m_rearmed.clear();
    m_cursorDirty = false;
    m_cursor = from->value_or(0);
    return {};
}

Status ListingMemory::refresh(Database &db)
{
    PropagationStore store(db);
    const auto rows = store.unsettled(m_channel);
    if (!rows)
        return Error {rows.error()};
    QSet<QString> seen;
    for (const ListingState &row : *rows) {
        seen.insert(row.sku);
        if (!m_dirty.contains(row.sku))
            put(row.sku, row);
    }
    // Settled by someone else (a dead letter discarded), or no longer listed.
    QStringList gone;
    for (auto it = m_listings.cbegin(); it != m_listings.cend(); ++it) {
        if (it->state != State::InSync && !seen.contains(it.key()) && !m_dirty.contains(it.key()))
            gone.append(it.key());
    }
    for (const QString &sku : std::as_const(gone)) {
        const auto row = store.listings(m_channel, sku);
        if (!row)
            return Error {row.error()};
        if (row->isEmpty()) {
            m_unsettled.remove(sku);
            m_listings.remove(sku);
            m_details.remove(sku);
        } else {
            put(sku, row->constFirst());
        }
    }
    return {};
}

bool ListingMemory::fold(const QList<Mutation> &rows)
{
    bool due = false;
    // Dead listings a newer version re-arms, with the newest version of this fold.
    QHash<QString, std::pair<qint64, qint64>> rearm;
    for (const Mutation &m : rows) {
        if (m.id <= m_cursor)
            continue;
        m_cursor = m.id;
        m_cursorDirty = true;
        if (!changesStock(m.kind))
            continue;
        const auto it = m_listings.find(m.sku);
        if (it == m_listings.end())
            continue; // not listed on this channel
        Listing &l = *it;
        if (m.version <= l.ackedVersion)
            continue;
        // The channel took this order itself and already shows that much less: what we compare
        // against must say so; it is still sent the truth (PropagationStore::ingest).
        if (m.kind == MutationKind::Order && m.channel == m_channel && l.hasAckedQuantity)
            l.ackedQuantityValue += m.delta;
        l.pendingVersion = std::max(l.pendingVersion, m.version);
        if (l.pendingSinceMs == 0)
            l.pendingSinceMs = m.atMs;
        m_details[it.key()].changes.append({m.version, m.atMs});
        if (l.state == State::Dead)
            rearm.insert(m.sku, {m.version, m.atMs});
        else if (l.state == State::InSync && l.pendingVersion > l.ackedVersion)
            setState(m.sku, l, State::Pending);
        due = due || isUnsettled(l.state);
        touch(m.sku);
    }
    for (auto it = rearm.cbegin(); it != rearm.cend(); ++it) {
        Listing &l = m_listings[it.key()];
        // A newer version goes out: a dead listing starts over with its normal backoff, and its
        // dead letter keeps the history until the channel acknowledges it.
        l.attempts = 0;
        l.nextAttemptAtMs = 0;
        setError(it.key(), u"re-armed by version %1"_s.arg(it->first));
        setState(it.key(), l, State::Pending);
        m_rearmed.append({it.key(), it->first, it->second});
        due = true;
    }
    return due;
}

QList<DueListing>
ListingMemory::due(qint64 nowMs, int limit, const QSet<QString> &busy,
                   const std::function<const StockSnapshot *(const QString &)> &stock) const
{
    QList<DueListing> out;
    for (const QString &sku : m_unsettled) {
        if (busy.contains(sku))
            continue;
        const auto it = m_listings.constFind(sku);
        if (it == m_listings.cend())
            continue;
        const Listing &l = *it;
        if (l.nextAttemptAtMs > nowMs)
            continue;
        const StockSnapshot *s = stock(sku);
        if (!s || s->version <= l.ackedVersion)
            continue;
        DueListing d;
        d.sku = sku;
        d.remoteId = l.remoteId;
        d.available = s->available;
        d.version = s->version;
        d.paused = s->paused;
        d.quantityToSend = d.paused ? 0 : std::max<qint64>(0, d.available);
        d.ackedQuantity = l.ackedQuantity();
        d.ackedVersion = l.ackedVersion;
        d.ackedPaused = l.ackedPaused;
        d.attempts = l.attempts;
        d.pendingSinceMs = l.pendingSinceMs;
        out.append(std::move(d));
    }
    const qsizetype n = std::min<qsizetype>(limit, out.size());
    std::partial_sort(out.begin(), out.begin() + n, out.end(), DuePriority::before);
    out.resize(n);
    return out;
}

std::optional<qint64> ListingMemory::nextAttemptAt() const
{
    std::optional<qint64> next;
    for (const QString &sku : m_unsettled) {
        const auto it = m_listings.constFind(sku);
        if (it == m_listings.cend())
            continue;
        const Listing &l = *it;
        if (l.state == State::Retrying && l.nextAttemptAtMs > 0)
            next = next ? std::min(*next, l.nextAttemptAtMs) : l.nextAttemptAtMs;
    }
    return next;
}

const ListingMemory::Listing *ListingMemory::listing(const QString &sku) const
{
    const auto it = m_listings.constFind(sku);
    return it == m_listings.cend() ? nullptr : &*it;
}

void ListingMemory::acknowledge(const PropagationStore::Ack &ack, qint64 atMs)
{
    const auto it = m_listings.find(ack.sku);
    if (it == m_listings.end() || it->ackedVersion >= ack.version)
        return; // never backwards
    Listing &l = *it;
    const QString &sku = it.key();
    l.ackedVersion = ack.version;
    l.setAckedQuantity(ack.quantity);
    l.ackedPaused = ack.paused;
    l.ackedAtMs = atMs;
    l.attempts = 0;
    l.nextAttemptAtMs = 0;
    std::optional<qint64> nextChangeAtMs;
    if (const auto d = m_details.find(sku); d != m_details.end()) {
        d->lastError.clear();
        d->changes.removeIf([&](const auto &c) { return c.first <= ack.version; });
        if (!d->changes.isEmpty())
            nextChangeAtMs = d->changes.constFirst().second;
        tidyDetail(sku);
    }
    // Still behind: the oldest change this acknowledgement does not cover starts the clock.
    if (l.pendingVersion > ack.version) {
        if (nextChangeAtMs)
            l.pendingSinceMs = *nextChangeAtMs;
        setState(ack.sku, l, State::Pending);
    } else {
        l.pendingSinceMs = 0;
        setState(ack.sku, l, State::InSync);
    }
    if (l.hasHistory) {
        m_delivered.append(ack.sku);
        l.hasHistory = false;
    }
    touch(ack.sku);
}

void ListingMemory::setAckedQuantity(const QString &sku, qint64 quantity)
{
    const auto it = m_listings.find(sku);
    if (it == m_listings.end())
        return;
    it->setAckedQuantity(quantity);
    touch(sku);
}

void ListingMemory::scheduleRetry(const QString &sku, int attempts, qint64 nextAttemptAtMs,
                                  const QString &error)
{
    const auto it = m_listings.find(sku);
    if (it == m_listings.end() || it->state == State::Dead)
        return;
    it->attempts = attempts;
    it->nextAttemptAtMs = nextAttemptAtMs;
    it->hasHistory = true;
    setError(sku, error);
    setState(sku, *it, State::Retrying);
    touch(sku);
}

void ListingMemory::markDead(const QString &sku, int attempts, const QString &error)
{
    const auto it = m_listings.find(sku);
    if (it == m_listings.end())
        return;
    it->attempts = attempts;
    it->nextAttemptAtMs = 0;
    it->hasHistory = true;
    setError(sku, error);
    // Its new letter is not history of an earlier delivery.
    m_delivered.removeAll(sku);
    setState(sku, *it, State::Dead);
    touch(sku);
}

void ListingMemory::noteHistory(const QString &sku)
{
    m_delivered.removeAll(sku);
    if (const auto it = m_listings.find(sku); it != m_listings.end())
        it->hasHistory = true;
}

bool ListingMemory::isDirty() const
{
    return !m_dirty.isEmpty() || !m_delivered.isEmpty() || !m_rearmed.isEmpty() || m_cursorDirty;
}

ListingMemory::Batch ListingMemory::takeBatch()
{
    Batch b;
    b.channel = m_channel;
    b.rows.reserve(m_dirty.size());
    for (const QString &sku : std::as_const(m_dirty)) {
        const auto it = m_listings.constFind(sku);
        if (it == m_listings.cend())
            continue; // no longer listed (refresh() dropped it): no row to write
        const Listing &l = *it;
        ListingState row;
        row.channel = m_channel;
        row.sku = sku;
        row.remoteId = l.remoteId;
        row.ackedVersion = l.ackedVersion;
        row.ackedQuantity = l.ackedQuantity();
        row.ackedPaused = l.ackedPaused;
        row.ackedAtMs = l.ackedAtMs;
        row.pendingVersion = l.pendingVersion;
        row.pendingSinceMs = l.pendingSinceMs;
        row.attempts = l.attempts;
        row.nextAttemptAtMs = l.nextAttemptAtMs;
        row.state = l.state;
        if (const Detail *d = detail(sku))
            row.lastError = d->lastError;
        b.rows.append(std::move(row));
    }
    b.delivered = std::move(m_delivered);
    b.rearmed = std::move(m_rearmed);
    if (m_cursorDirty)
        b.cursor = m_cursor;
    m_dirty.clear();
    m_delivered.clear();
    m_rearmed.clear();
    m_cursorDirty = false;
    return b;
}

} // namespace ChannelDesk
