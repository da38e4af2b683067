#pragma once

#include "carriers/carrierconfig.h"
#include "carriers/quoteresult.h"
#include "channels/channelconfig.h"
#include "console/consoleevents.h"
#include "console/consoletypes.h"
#include "console/quoteservice.h"
#include "console/settingscontroller.h"
#include "console/settingstypes.h"
#include "console/stockprojection.h"
#include "domain/applyresult.h"
#include "sim/demodriver.h"
#include "store/inventorystore.h"
#include "sync/listingpull.h"
#include "sync/stockimportpreview.h"
#include "util/clock.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QTemporaryDir;

namespace ChannelDesk {

class ConnectionTester;
class CoreRuntime;
class DeadLetterQueue;
class PropagationStore;
class SecretStore;

// The console side of the core thread: creates the CoreRuntime (and in demo mode the simulated
// channels) on the thread it lives on, answers the GUI requests there, and wires the core's
// signals to the parts that turn them into coalesced batches of value types, flushed at most
// every flushIntervalMs, so a flash sale cannot flood the GUI event loop: the stock table
// (StockProjection), carrier quotes and recent sales (QuoteService) and the config
// (SettingsController). Only CoreBridge talks to it; it reports through ConsoleEvents.
class ConsoleWorker : public ConsoleEvents
{
    Q_OBJECT
public:
    struct Options
    {
        QString databaseLocation; // empty: a temporary one in demo mode, the default otherwise
        QString configPath; // a channels config file (ignored in demo mode)
        std::optional<ChannelsConfig> config; // or the config itself
        // The carriers to quote with; unset: the demo's, or the config file's "carriers"
        std::optional<CarrierSettings> carriers;
        bool demo = false;
        DemoDriver::Options demoOptions;
        bool listen = true;
        int flushIntervalMs = 50;
        int statsEveryFlushes = 10; // channel figures and the status bar: every 500 ms
        QString actor = QStringLiteral("console");
        // Makes the keychain, on the worker thread where its jobs run. Empty: secrets come from
        // the environment variables the config names, and the settings cannot store any.
        std::function<std::unique_ptr<SecretStore>()> secretStore;
        // false: a configPath that does not exist yet means no channels (the default location
        // before the first save in the settings).
        bool configRequired = true;
        // On a shared PostgreSQL inventory the console only watches (monitor mode,
        // CoreRuntime::Options::monitor) unless this is set (`channeldesk --propagate`): then
        // it takes part in the channels' leases and propagates like a `serve` worker. No
        // effect on a SQLite inventory, whose only writer process is the console.
        bool propagate = false;
        // On a shared inventory, everything the workers change is read again this often even
        // without a notification (one lost while a connection was re-made, a lease that
        // expired untaken). Tests set it high to prove the notifications alone suffice.
        int sharedFallbackMs = 5'000;
    };

    explicit ConsoleWorker(Options options, QObject *parent = nullptr);
    ~ConsoleWorker() override;

    // All of these run on the worker thread (CoreBridge posts them there).
    void start();
    void adjustStock(const QString &sku, qint64 delta, const QString &reason);
    // What one channel is shown of one SKU (empty: the channel's rule); bufferSaved answers.
    void setListingBuffer(const QString &channel, const QString &sku,
                          const ChannelDesk::BufferOverride &buffer);
    void refreshDeadLetters();
    void retryDeadLetters(const QList<ChannelDesk::DeadLetterKey> &keys);
    void discardDeadLetters(const QList<ChannelDesk::DeadLetterKey> &keys, const QString &reason);
    // deadLetterDetailReady answers.
    void requestDeadLetterDetail(const ChannelDesk::DeadLetterKey &key);
    void requestLagSeries(qint64 windowMs, int points);
    // Replays the audit log (WhatIf::replay); whatIfReady answers.
    void requestWhatIf(int pollMinutes, int sinceDays);
    void requestAudit(const ChannelDesk::InventoryStore::AuditFilter &filter);
    void setChannelSuspended(const QString &channel, bool suspended);
    // The settings dialog: the config file and which secrets the keychain holds; then the
    // dialog's changes, after which a started core restarts with the new config.
    void loadSettings();
    void saveSettings(const ChannelDesk::SettingsChange &change);
    // Asks every carrier at once; quoteFinished(requestId, ...) answers, later.
    void requestQuote(quint64 requestId, const ChannelDesk::ShipmentRequest &request);
    // The Orders tab asks now and then while it is shown; ordersChanged answers only when an
    // order changed since the last answer (or when force is Force).
    enum class OrdersRefresh { IfChanged, Force };
    void requestOrders(ChannelDesk::ConsoleWorker::OrdersRefresh refresh);
    void requestOrderTimeline(const QString &channel, const QString &orderId);
    void resolveOversold(const QString &channel, const QString &orderId, const QString &reason);
    // sku empty: the line is not stock and is ignored, with the reason.
    void resolveUnmatched(const QString &channel, const QString &orderId, int line,
                          const QString &sku, const QString &reason);
    // The Drift view: the drift as stored; send these listings ours again (normal propagation,
    // audited as reconcile); reconcile a channel now (every channel when empty).
    void refreshDrift();
    void fixDrift(const QList<ChannelDesk::DeadLetterKey> &listings);
    void reconcileNow(const QString &channel);
    // The Deliveries view: the inbox under this filter (empty: all; status as
    // deliveryStatusName), read again with the figures after a drain; a refused delivery put
    // back in the queue (consoleworker_deliveries.cpp).
    void setDeliveryFilter(const QString &channel, const QString &status);
    void refreshDeliveries();
    void replayDelivery(qint64 id);
    // The Channels tab's "Import listings…": pulls the channel's catalogue through its
    // ReadPacer and maps it (PullMode::DryRun: reports what mapping would do, writes nothing);
    // listingPullProgress after each page, listingPullFinished(requestId) once. A cancelled
    // pull reads no further page and answers at once, with nothing mapped.
    void pullListings(quint64 requestId, const QString &channel, ChannelDesk::AdoptPolicy adopt,
                      ChannelDesk::PullMode mode);
    void cancelListingPull(quint64 requestId);
    // File > Import stock… (consoleworker_import.cpp): reads and checks the file against the
    // stock (stockImportPreviewed), then imports the rows the merchant saw, all or nothing
    // (stockImportFinished). File > Export stock… writes its text (fileWritten).
    void previewStockImport(quint64 requestId, const QString &path);
    void importStock(quint64 requestId, const QList<ChannelDesk::StockImportRow> &rows,
                     const QString &reason);
    void writeTextFile(quint64 requestId, const QString &path, const QString &text);
    // Connect a channel's "Test connection": one real read call with the address and
    // credentials as typed, before they are saved (connectionTested answers).
    void testConnection(quint64 requestId, const ChannelDesk::ChannelConfig &config);

    // How many deliveries the Deliveries view shows, newest first.
    static constexpr int kDeliveriesShown = 1000;
    // How many recently changed orders the Orders tab shows.
    static constexpr int kOrdersShown = 500;

    // How many applied orders are kept for the quotes panel.
    static constexpr int kRecentOrders = QuoteService::kRecentOrders;

private:
    void startWith(const SettingsController::StartConfig &fileConfig);
    void restart();
    void finishRestart();
    bool startRuntime(const SettingsController::StartConfig &fileConfig, QString *error);
    // The inventory the settings name (with the keychain's password), else the default one
    // (consoleworker_settings.cpp).
    static QString databaseFromSettings(const SettingsController::StartConfig &fileConfig);
    void connectCore();
    void connectDrift(); // consoleworker_drift.cpp
    void connectDeliveries(); // consoleworker_deliveries.cpp
    void afterListingPull(const PullReport &report); // consoleworker_pull.cpp
    void abandonListingPulls(const QString &why);
    // The stock table's rows, a part at a time (consoleworker_stock.cpp): stockLoaded with the
    // first part, stockChanged with each next one.
    void loadStock();
    void loadStockPart(quint64 load);
    void reloadListings(const QString &sku);
    void onMutations(const QList<Mutation> &mutations);
    // On a shared PostgreSQL inventory: LISTEN for other processes' commits and read the log
    // past what was seen (consoleworker_shared.cpp).
    void listenForOthers();
    void readOthersChanges();
    void onSharedChange(const QString &kind);
    // At each flush: what the workers' notifications marked (listings, metrics, leases), at
    // most every kSharedReadMs, and everything every Options::sharedFallbackMs.
    void readSharedChanges();
    // Which worker holds each channel's unexpired lease (read again after a lease notification).
    QHash<QString, QString> leaseHolders();
    void touchDeadLetter(const QString &channel, const QString &sku);
    void flush();
    void emitChannels();
    void startQuoting(const std::optional<CarrierSettings> &fileCarriers);

    Options m_options;
    const Clock &m_clock;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<DemoDriver> m_demo;
    std::unique_ptr<CoreRuntime> m_runtime;
    qint64 m_seenMutationId = 0; // the log read up to (shared inventory)
    struct Shared // what the workers of a shared inventory changed, not read yet
    {
        bool listings = false;
        bool metrics = false;
        bool leases = true;
        qint64 lastReadMs = 0;
        qint64 lastFallbackMs = 0;
        QHash<QString, QString> holders; // channel -> worker, as last read
    } m_shared;
    std::unique_ptr<InventoryStore> m_inventory;
    std::unique_ptr<PropagationStore> m_propagation;
    std::unique_ptr<DeadLetterQueue> m_deadLetters;
    SettingsController m_settings; // a child: moves to the worker thread with this object
    StockProjection m_stock;
    quint64 m_stockLoad = 0; // which load the parts belong to (a restart starts another)
    QString m_stockReadTo; // the last SKU the load read
    QList<ListingBuffer> m_stockLoadBuffers; // the overrides, given to each part
    QuoteService m_quotes; // a child
    bool m_startRequested = false;
    bool m_restarting = false;
    bool m_databaseChanged = false; // the settings being saved name a new inventory location
    QTimer m_flush;
    int m_flushes = 0;
    QStringList m_channelIds;
    QStringList m_channelTypes;
    AlertThresholds m_alerts;
    QList<BufferOverride> m_channelBuffers; // each channel's config rule, as m_channelIds
    QSet<QString> m_deadLetterKeys; // "channel\nsku" of what the GUI last saw in the DLQ
    QSet<QString> m_deadLetterSkus; // their SKUs: a new version re-arms their letters
    bool m_deadLettersDirty = true;
    bool m_alertsDirty = true;
    std::pair<QString, QString> m_deliveryFilter; // channel, status name
    bool m_deliveriesDirty = false;
    QHash<QString, std::pair<QString, qint64>> m_lastErrors;
    std::deque<qint64> m_orderTimes; // applied orders of the last few seconds
    bool m_ordersDirty = true; // an order changed since the Orders tab last heard
    QHash<quint64, std::shared_ptr<bool>> m_listingPulls; // running pulls: request -> stopped
    ConnectionTester *m_connectionTester = nullptr; // a child, made on the first test
};

} // namespace ChannelDesk
