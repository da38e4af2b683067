// The stock table's first load: a part of the SKUs at a time, so that the console shows its first
// rows at once with a large catalogue and the core thread goes on with orders and propagation
// between the parts; StockProjection holds back what happens to SKUs not read yet.
#include "console/consoleworker.h"
#include "runtime/coreruntime.h"
#include "store/bufferstore.h"
#include "store/mutationlog.h"
#include "store/propagationstore.h"

#include <QTimer>

namespace ChannelDesk {

namespace {
constexpr int kFirstStockPart = 500; // more than a window shows
constexpr int kStockPart = 5'000;
constexpr int kStockPartGapMs = 1;
} // namespace

void ConsoleWorker::loadStock()
{
    // Where the log stands before the stock is read: what commits in between is read again.
    if (const auto last = MutationLog(*m_runtime->database()).lastId())
        m_seenMutationId = *last;
    const auto buffers = BufferStore(*m_runtime->database()).overrides();
    if (!buffers)
        Q_EMIT logMessage(tr("Cannot read the buffer overrides: %1").arg(buffers.error()));
    m_stockLoadBuffers = buffers.valueOr({});
    m_stockReadTo.clear();
    m_stock.beginLoad();
    loadStockPart(++m_stockLoad);
}

void ConsoleWorker::loadStockPart(quint64 load)
{
    if (!m_runtime || load != m_stockLoad || !m_stock.isLoading())
        return; // stopped or restarted since
    const bool first = m_stockReadTo.isEmpty();
    const int limit = first ? kFirstStockPart : kStockPart;
    const auto levels = m_inventory->stockPage(m_stockReadTo, limit);
    if (!levels)
        Q_EMIT logMessage(tr("Cannot read the stock: %1").arg(levels.error()));
    QList<ListingState> listings;
    if (levels && !levels->isEmpty()) {
        for (const QString &channel : std::as_const(m_channelIds)) {
            const auto part = m_propagation->listingsBetween(channel, levels->constFirst().sku,
                                                             levels->constLast().sku);
            if (!part)
                Q_EMIT logMessage(tr("Cannot read the stock: %1").arg(part.error()));
            listings.append(part.valueOr({}));
        }
    }
    const QList<StockRow> rows = m_stock.loadPart(levels.valueOr({}), listings, m_stockLoadBuffers);
    if (first)
        Q_EMIT stockLoaded(rows);
    else if (!rows.isEmpty())
        Q_EMIT stockChanged(rows);
    if (levels && levels->size() == limit) {
        m_stockReadTo = levels->constLast().sku;
        // A timer, not a posted call: posted calls one after the other would keep the flush
        // timer (the batches, the status bar) waiting until the last part.
        QTimer::singleShot(kStockPartGapMs, this, [this, load] { loadStockPart(load); });
        return;
    }
    // The last part. SKUs that changed while no part held them (added since their part was
    // read) are read one by one.
    const QStringList missed = m_stock.endLoad();
    QList<StockLevel> late;
    QList<ListingState> lateListings;
    for (const QString &sku : missed) {
        const auto level = m_inventory->stock(sku);
        const auto listed = m_propagation->listings(QString(), sku);
        if (level && *level && listed) {
            late.append(**level);
            lateListings.append(*listed);
        }
    }
    if (const QList<StockRow> added = m_stock.loadPart(late, lateListings, m_stockLoadBuffers);
        !added.isEmpty())
        Q_EMIT stockChanged(added);
    m_stockLoadBuffers.clear();
}

void ConsoleWorker::reloadListings(const QString &sku)
{
    // A failed read leaves the rows as they were (the store logged why).
    if (const auto listings = m_propagation->listings(QString(), sku))
        m_stock.applyListings(*listings);
}

} // namespace ChannelDesk
