#include "propagationhub.h"

#include "propagator.h"
#include "store/database.h"
#include "store/mutationlog.h"
#include "store/storequery.h"
#include "synclog.h"

namespace ChannelDesk {

using namespace Qt::StringLiterals;

PropagationHub::PropagationHub(Database &db, QObject *parent)
    : PropagationHub(db, Options {}, parent)
{
}

PropagationHub::PropagationHub(Database &db, const Options &options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_options(options)
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &PropagationHub::flush);
    m_poll.setInterval(std::max(1, options.pollIntervalMs));
    connect(&m_poll, &QTimer::timeout, this, &PropagationHub::poll);
}

PropagationHub::~PropagationHub() = default;

Status PropagationHub::attach(Propagator *propagator)
{
    if (!m_stockLoaded) {
        if (const Status loaded = loadStock(); !loaded)
            return loaded;
    }
    if (m_position < 0) {
        const auto end = MutationLog(m_db).lastId();
        if (!end)
            return Error {end.error()};
        m_position = *end;
    }
    // Memory behind what the hub has read catches up from its own cursor (a channel that was
    // stopped, or whose lease this worker just took).
    ListingMemory &memory = propagator->m_memory;
    while (memory.cursor() < m_position) {
        const auto rows = MutationLog(m_db).feed(memory.cursor(), m_options.ingestLimit);
        if (!rows)
            return Error {rows.error()};
        if (rows->isEmpty())
            break;
        applyStock(*rows);
        memory.fold(*rows);
    }
    if (!m_propagators.contains(propagator))
        m_propagators.append(propagator);
    if (!m_poll.isActive())
        m_poll.start();
    return {};
}

void PropagationHub::detach(Propagator *propagator)
{
    m_propagators.removeAll(propagator);
    m_propagators.removeAll(nullptr);
}

Status PropagationHub::loadStock()
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT sku, available, version, paused FROM stock"_s))
        return queryError(q, "cannot read the stock:");
    m_stock.clear();
    while (q.next())
        m_stock.insert(sharedSku(q.value(0).toString()),
                       {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toInt() != 0});
    m_stockLoaded = true;
    return {};
}

QString PropagationHub::sharedSku(const QString &sku)
{
    if (const auto it = m_skuNames.constFind(sku); it != m_skuNames.cend())
        return *it;
    m_skuNames.insert(sku);
    return sku;
}

const StockSnapshot *PropagationHub::stock(const QString &sku)
{
    if (const auto it = m_stock.constFind(sku); it != m_stock.cend())
        return &*it;
    // A SKU made after the stock was read, whose row the feed has not brought yet.
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT available, version, paused FROM stock WHERE sku = ?"_s);
    q.addBindValue(sku);
    if (!q.exec() || !q.next())
        return nullptr;
    return &*m_stock.insert(
        sku, {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt() != 0});
}

Result<std::optional<BufferStore::SendInputs>> PropagationHub::bufferInputs(const QString &sku,
                                                                            const QString &channel)
{
    const auto it = m_stock.find(sku);
    if (it == m_stock.end() || it->safetyBuffer < 0) {
        const auto read = BufferStore(m_db).skuInputs(sku);
        if (!read)
            return Error {read.error()};
        if (!*read)
            return std::optional<BufferStore::SendInputs> {};
        if (it == m_stock.end())
            return std::optional((*read)->forChannel(channel)); // no snapshot to keep it in
        it->safetyBuffer = (*read)->safetyBuffer;
        if ((*read)->overrides.isEmpty())
            m_overrides.remove(sku);
        else
            m_overrides.insert(it.key(), std::move((*read)->overrides));
    }
    const BufferStore::SkuInputs kept {it->safetyBuffer, m_overrides.value(sku)};
    return std::optional(kept.forChannel(channel));
}

namespace {
// Rows of the order path (SyncEngine's sales, cancels, refunds, edits, shipments): they move
// stock and never a safety buffer or a buffer rule, which only imports and `buffer` rows
// change. Every other row drops what the hub keeps of the SKU's buffer inputs; the next batch
// reads them again, after the row (so a version made by a rule change is never sent under the
// rule it replaced: the hub holds that version only once it read the row).
bool keepsBufferInputs(MutationKind kind)
{
    switch (kind) {
    case MutationKind::Order:
    case MutationKind::Cancel:
    case MutationKind::Refund:
    case MutationKind::Edit:
    case MutationKind::Ship:
        return true;
    default:
        return false;
    }
}
} // namespace

void PropagationHub::applyStock(const QList<Mutation> &rows)
{
    for (const Mutation &m : rows) {
        StockSnapshot &s = m_stock[m.sku];
        if (!keepsBufferInputs(m.kind)) {
            s.safetyBuffer = -1;
            m_overrides.remove(m.sku);
        }
        // The stock read at start may be newer than rows the feed still brings.
        if (m.version < s.version)
            continue;
        s.available = m.availableAfter;
        s.version = m.version;
        s.paused = m.pausedAfter;
    }
}

void PropagationHub::wake()
{
    m_woken = true;
    if (m_ingestQueued)
        return;
    m_ingestQueued = true;
    QMetaObject::invokeMethod(this, &PropagationHub::ingest, Qt::QueuedConnection);
}

void PropagationHub::ingestIfWoken()
{
    if (m_woken)
        ingest();
}

void PropagationHub::ingest()
{
    m_ingestQueued = false;
    if (m_position < 0 || !m_woken)
        return;
    m_woken = false;
    m_propagators.removeAll(nullptr);
    QList<Propagator *> due;
    for (int step = 0; step < 4; ++step) {
        const auto rows = MutationLog(m_db).feed(m_position, m_options.ingestLimit);
        ++m_feedReads;
        if (!rows) {
            qCWarning(lcSync) << "cannot read the change feed:" << rows.error();
            m_woken = true; // the poll tries again
            return;
        }
        if (rows->isEmpty())
            break;
        m_position = rows->constLast().id;
        applyStock(*rows);
        for (const QPointer<Propagator> &p : std::as_const(m_propagators)) {
            if (p->m_running && p->m_memory.fold(*rows) && !due.contains(p.get()))
                due.append(p.get());
        }
        if (rows->size() < m_options.ingestLimit)
            break;
        m_woken = true; // more to read
    }
    for (Propagator *p : std::as_const(due))
        p->pumpSoon();
    requestFlush();
}

void PropagationHub::requestFlush()
{
    if (!m_tick.isActive())
        m_tick.start(m_options.tickMs);
}

bool PropagationHub::flush()
{
    if (m_flushing)
        return true;
    m_tick.stop();
    m_propagators.removeAll(nullptr);
    QList<PropagationStore::Batch> batches;
    QList<Propagator *> written;
    for (const QPointer<Propagator> &p : std::as_const(m_propagators)) {
        if (!p->m_memory.isLoaded())
            continue;
        written.append(p.get());
        if (!p->m_memory.isDirty())
            continue;
        PropagationStore::Batch b = p->m_memory.takeBatch();
        b.fenceWorker = p->m_fenceWorker;
        b.fenceToken = p->m_fenceToken;
        batches.append(std::move(b));
    }
    m_flushing = true;
    QStringList refused;
    const Status done = PropagationStore(m_db).writeBatches(batches, &refused);
    m_flushing = false;
    if (!done)
        qCWarning(lcSync) << "cannot record the propagation state of" << batches.size()
                          << "channels:" << done.error();
    for (Propagator *p : std::as_const(written)) {
        const bool lost = !done || refused.contains(p->channelId());
        if (lost && refused.contains(p->channelId()))
            qCWarning(lcSync) << p->channelId() << "lease lost: its state was not recorded";
        p->afterFlush(!lost);
    }
    return bool(done);
}

void PropagationHub::poll()
{
    // Commits of other processes, and listings changed by other writers (a dead letter retried
    // from the command line, a drift re-sent, a new mapping): memory is written first, then
    // re-read where the database may know better.
    m_woken = true;
    ingest();
    if (!flush())
        return;
    for (const QPointer<Propagator> &p : std::as_const(m_propagators)) {
        if (p && p->m_running)
            p->refreshMemory();
    }
}

} // namespace ChannelDesk
