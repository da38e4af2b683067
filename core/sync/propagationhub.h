#pragma once

#include "store/bufferstore.h"
#include "sync/listingmemory.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace ChannelDesk {

class Database;
class Propagator;

// The one reader of the change feed for every channel's propagator (DESIGN §3, issue 13). Each
// commit is read from the mutation log once, folded into the listings every attached
// propagator holds in memory (ListingMemory) and kept as the SKUs' current stock; the
// propagators pick what to send from memory. What they change (folds, acknowledgements,
// retries, cursors) is written for all channels together in one transaction per tick, each
// channel's part under its own lease (PropagationStore::writeBatches). Lives on the core's
// thread, owned by the runtime (or by a propagator made on its own).
class PropagationHub : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int ingestLimit = 5000; // log rows read per step
        int tickMs = 10; // how long changes wait in memory to be written with others
        int pollIntervalMs = 1000; // commits of other processes, and other writers' listings
    };

    explicit PropagationHub(Database &db, QObject *parent = nullptr);
    PropagationHub(Database &db, const Options &options, QObject *parent = nullptr);
    ~PropagationHub() override;

    // A propagator joins with its memory loaded (ListingMemory::load); memory behind what the
    // hub has read is caught up here. Fan-out skips propagators that are stopped.
    Status attach(Propagator *propagator);
    void detach(Propagator *propagator);

    // The one copy of a SKU's name every channel's memory keys its listing by (six channels of
    // 100,000 SKUs would otherwise hold 600,000 copies).
    QString sharedSku(const QString &sku);

    // What the SKU holds now (nullptr: no such SKU).
    const StockSnapshot *stock(const QString &sku);
    // What the channel's listing of the SKU is shown from besides its stock: the SKU's safety
    // buffer and the channel's override (nullopt: no such SKU). Read for every channel at once
    // (BufferStore::skuInputs) and kept until the feed brings a row that may change them (an
    // import, a `buffer` row), so a batch costs no query: the safety buffer in the SKU's
    // snapshot, the overrides only for the few SKUs that have any (a console holds 100,000).
    Result<std::optional<BufferStore::SendInputs>> bufferInputs(const QString &sku,
                                                                const QString &channel);
    // Reads the feed now when something was committed since the last read.
    void ingestIfWoken();
    // Writes every propagator's changes now; false when they could not be written (their
    // memory is then rebuilt from the database).
    bool flush();
    // Writes within the tick.
    void requestFlush();

    // The last log row read, and how many times the log was read (one read serves every
    // channel).
    qint64 position() const { return m_position; }
    int feedReads() const { return m_feedReads; }

public Q_SLOTS:
    // Something was committed: read the feed soon.
    void wake();

private:
    void ingest();
    void poll();
    Status loadStock();
    void applyStock(const QList<Mutation> &rows);

    Database &m_db;
    Options m_options;
    QList<QPointer<Propagator>> m_propagators;
    QHash<QString, StockSnapshot> m_stock;
    QHash<QString, QList<std::pair<QString, BufferOverride>>> m_overrides; // by SKU, then channel
    QSet<QString> m_skuNames;
    bool m_stockLoaded = false;
    qint64 m_position = -1;
    int m_feedReads = 0;
    bool m_woken = false;
    bool m_ingestQueued = false;
    bool m_flushing = false;
    QTimer m_tick;
    QTimer m_poll;
};

} // namespace ChannelDesk
