// The demo's starting state: the catalogue with its titles, safety buffers and quantities, the
// buffer rules of its channels, the listings mapped and acknowledged as the simulated shops will
// show them, and two months of delivery history.
#include "carriers/reliabilitystore.h"
#include "sim/demobuffers.h"
#include "sim/democarriers.h"
#include "sim/demodriver.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
const char *const kAdjectives[] = {"Ceramic", "Linen",  "Walnut", "Copper",  "Wool",
                                   "Oak",     "Canvas", "Glass",  "Leather", "Bamboo"};
const char *const kNouns[] = {"mug",    "tote",  "lamp",    "scarf", "notebook", "bowl",
                              "candle", "apron", "cushion", "tray",  "vase",     "blanket"};
const char *const kColours[] = {"red", "sand", "ink", "sage", "clay", "snow", "rust"};
} // namespace

bool DemoDriver::seed(Database &db, QString *error)
{
    SyncEngine engine(db, m_clock);
    QList<StockImportRow> rows;
    for (int i = 0; i < m_skus.size(); ++i) {
        StockImportRow r;
        r.sku = m_skus.at(i);
        r.available = seedQuantity(i);
        r.title = u"%1 %2, %3"_s.arg(QLatin1StringView(kAdjectives[i % 10]),
                                     QLatin1StringView(kNouns[(i / 10) % 12]),
                                     QLatin1StringView(kColours[(i / 120) % 7]));
        r.safetyBuffer = i < kHotSkus ? 5 : (i % 10 == 0 ? 2 : 0);
        rows.append(r);
    }
    const SyncEngine::ChangeResult seeded = engine.importStock(rows, u"demo"_s, u"demo seed"_s);
    if (!seeded.ok()) {
        *error = seeded.message;
        return false;
    }
    const auto buffers = seedDemoBuffers(db, channelsConfig(), m_skus, kHotSkus, m_clock.nowMs());
    if (!buffers) {
        *error = buffers.error();
        return false;
    }
    QList<ListingMapping> mappings;
    for (const DemoChannel &c : std::as_const(m_channels)) {
        for (int i = 0; i < c.listed; ++i)
            mappings.append({c.id, m_skus.at(i), remoteId(c, i)});
    }
    if (const Status mapped = MappingStore(db).importMappings(mappings, m_clock.nowMs()); !mapped) {
        *error = mapped.error();
        return false;
    }
    // The simulated shops start out holding the seeded quantities (start() gives them the same
    // numbers), as real ones do after a stock count: their listings begin in sync, so the lag
    // charts show the running state rather than a first push of the whole catalogue. The broken
    // mappings stay pending and end in the dead-letter queue, as they would in life.
    const auto read = InventoryStore(db).allStock();
    if (!read) {
        *error = read.error();
        return false;
    }
    const QList<StockLevel> &levels = *read;
    QHash<QString, StockLevel> bySku;
    for (const StockLevel &level : std::as_const(levels))
        bySku.insert(level.sku, level);
    for (const DemoChannel &c : std::as_const(m_channels)) {
        QList<PropagationStore::Ack> acks;
        for (int i = 0; i < c.listed; ++i) {
            const StockLevel &s = bySku[m_skus.at(i)];
            const ShownQuantity shown = buffers->expected(c.id, s.sku, s.available, s.safetyBuffer);
            m_seededShown.insert(c.id + u'\n' + s.sku, shown.quantity);
            if (sellable(c, i))
                acks.append({s.sku, s.version, shown.quantity, shown.paused});
        }
        if (const Status acked = PropagationStore(db).acknowledge(c.id, acks, m_clock.nowMs());
            !acked) {
            *error = acked.error();
            return false;
        }
    }
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).date();
    const Result<qsizetype> recorded =
        ReliabilityStore(db, m_clock).recordOutcomes(demoDeliveryHistory(today));
    if (!recorded)
        *error = recorded.error();
    return recorded.ok();
}

} // namespace ChannelDesk
