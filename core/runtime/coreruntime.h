#pragma once

#include "channels/channelconfig.h"
#include "channels/webhook.h"
#include "domain/applyresult.h"
#include "domain/ledger.h"
#include "intake/inboxstore.h"
#include "metrics/ordercounters.h"
#include "server/httpapi.h"
#include "store/bufferstore.h"
#include "store/metricslog.h"
#include "store/pushlog.h"
#include "sync/propagator.h"
#include "util/clock.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace ChannelDesk {

class AlertRules;
class ChannelAdapter;
class Database;
class HttpApi;
class LagMonitor;
class NetworkThread;
class OrderIntake;
class PropagationHub;
class PropagationStore;
class ReconcileScheduler;
class ReadPacer;
class SyncEngine;
class WebhookParser;
struct Alert;

// The one place that wires the sync core from a config: the database, the order path, one
// adapter and propagator per channel, order polling for channels without webhooks, lag
// metrics and alerts, and the local HTTP endpoints. `channeldesk-cli serve` runs it on the main
// thread; the console runs it on a worker thread. Everything it owns lives on its thread.
class CoreRuntime : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString databaseLocation;
        ChannelsConfig config;
        bool listen = true; // serve the HTTP endpoints
        // 0: each channel's poll_interval_s, else its type's default (Shopify and WooCommerce
        // 30 s, eBay 5 s, Amazon 60 s).
        int orderPollIntervalMs = 0;
        int housekeepingIntervalMs = 1000; // gauges, alerts
        // How long lag samples, call outcomes and pushes wait in memory to be written together:
        // a second's worth at a thousand orders a second is thousands of rows, which written at
        // once would hold the core's thread (and every channel's next call) for tens of ms.
        int metricsFlushIntervalMs = 100;
        // The inbox file; empty: InboxStore::locationFor(databaseLocation).
        QString inboxLocation;
        // The intake's group commit: at most this many deliveries, and the first waits this
        // long for company (0: none; its writer's commit in progress is the window: what
        // arrives meanwhile shares the next one).
        int intakeMaxWaitMs = 0;
        int intakeMaxBatch = 256;
        // Backoff, attempts and in-flight bounds of every channel's propagator; a channel's
        // max_requests_per_second overrides the rate.
        Propagator::Options propagation;
        // Monitor mode (a console watching a shared PostgreSQL inventory, docs/deployment.md):
        // no propagator runs, no lease is taken and no heartbeat written (the process is not a
        // worker), no channel is polled for orders, no reconciliation is scheduled and the inbox
        // is not drained: the workers do all of that. The lag figures and alerts follow the
        // metrics the workers record (followSharedMetrics); what the merchant asks (adjust,
        // retry, resolve, replay, reconcile now) still goes through this core's engine.
        bool monitor = false;
    };

    explicit CoreRuntime(Options options, const Clock &clock = SystemClock::instance(),
                         QObject *parent = nullptr);
    ~CoreRuntime() override;

    // Opens everything and starts listening and propagating. Sets *error and returns false when
    // something cannot start (the database, the port).
    bool start(QString *error);
    // Stops taking webhooks and polling; propagation finishes what is in flight, then
    // stopped() is emitted.
    void stop();
    bool isRunning() const { return m_running; }
    bool isMonitor() const { return m_options.monitor; }
    // Monitor mode: reads the lag samples and call outcomes the workers recorded since the last
    // call into lagMonitor() (the first call: the last day's), then evaluates the alerts. The
    // console calls it when the workers notify new metrics (Database::Change::Metrics).
    void followSharedMetrics();
    // This process among the workers of a shared PostgreSQL inventory (empty on SQLite).
    const QString &workerId() const { return m_workerId; }

    quint16 port() const { return m_port; }
    SyncEngine *engine() const { return m_engine.get(); }
    LagMonitor *lagMonitor() const { return m_monitor.get(); }
    AlertRules *alertRules() const { return m_alerts.get(); }
    Database *database() const { return m_db.get(); }
    const OrderCounters &orderCounters() const { return m_counters; }
    const LedgerGauges &ledgerGauges() const { return m_ledgerGauges; }
    QList<Propagator *> propagators() const;
    // What every configured channel should show of a SKU: the config's rules (the overrides are
    // read from the store wherever they are needed).
    const BufferRules &bufferRules() const { return m_bufferRules; }

    // Sets per-listing buffer overrides (the console's per-cell editor, like the CLI's
    // buffer-import): all or none, audited; the listings whose shown quantity changes are sent
    // again by the propagators.
    Result<BufferStore::Applied> setListingBuffers(const QList<ListingBuffer> &rows,
                                                   const QString &actor, const QString &reason);

    // Scheduled and on-demand reconciliation (null before start()).
    ReconcileScheduler *reconcileScheduler() const { return m_reconcile.get(); }

    // A channel's catalogue and quantity reads, paced with its pushes' bucket (ReadPacer);
    // null for an unknown channel or before start().
    ReadPacer *reads(const QString &channelId) const;

    // Where deliveries come in (webhooks by HttpApi, polls by the runtime itself): verified,
    // kept in the inbox, answered; null before start().
    OrderIntake *intake() const { return m_intake.get(); }
    Database *inboxDatabase() const { return m_inboxDb.get(); }
    // Applies what waits in the inbox, in arrival order, in group commits, and hands each
    // delivery's outcome to the intake's writer (intake()->flush() waits until it is written;
    // deliveriesDrained() says it was). Runs by itself after each append and every second;
    // public for tests and for a replay asked from the console.
    void drainInbox();
    // Puts a refused delivery back in the inbox queue and drains it (the console's Replay).
    Status replayDelivery(qint64 id);

    // A delivery's answer, as {HTTP status, JSON body} (the intake's; tests hand deliveries
    // to it directly).
    struct HttpAnswer
    {
        int status = 200;
        QJsonObject body;
    };
    // The local API's reads; the HTTP layer (HttpApi) makes statuses of them. A SKU's stock and
    // listings, no value for an unknown SKU, an error when the store cannot read.
    Result<std::optional<QJsonObject>> inventory(const QString &sku) const;
    // The health body, or why the core is unhealthy.
    Result<QJsonObject> health() const;
    QByteArray metricsText() const;

Q_SIGNALS:
    void orderApplied(const QString &channel, const QString &orderId,
                      ChannelDesk::ApplyOutcome outcome);
    // Every batch the order path took, webhooks and polls alike, with each event's result
    // (results[i] answers events[i]). Emitted on this thread after the batch committed.
    void ordersApplied(const QList<ChannelDesk::OrderEvent> &events,
                       const QList<ChannelDesk::ApplyResult> &results);
    void alertRaised(const ChannelDesk::Alert &alert);
    void alertResolved(const ChannelDesk::Alert &alert);
    void stopped();
    // Deliveries got their outcome (the console's Deliveries view refreshes).
    void deliveriesDrained(int count);

private:
    struct Channel;
    static constexpr int kRefundReadAttempts = 6;
    static constexpr int kRefundReadFirstDelayMs = 1000;
    static constexpr int kPollTickMs = 200;
    void applyOrders(const QString &channel, const QList<OrderEvent> &events,
                     QList<ApplyResult> *results);
    void count(const ApplyResult &result, const OrderEvent &event);
    // A delivery's events (a webhook's, a poll's) with the channel, the time and bounded names
    // filled in.
    QList<OrderEvent> prepareEvents(const QString &channel, QList<OrderEvent> events,
                                    const QString &orderId = {});
    // The order as the ledger holds it; nullopt when never seen, or (*failed, logged) unreadable.
    std::optional<LedgerOrder> readOrder(const QString &channel, const QString &orderId,
                                         bool *failed);
    bool orderKnown(const QString &channel, const QString &orderId);
    // Why the order's lines still wait ("waiting: line 2: no SKU X in stock"); empty when none
    // waits (or the order is cancelled, or unknown).
    QString stillWaiting(const QString &channel, const QString &orderId);
    QStringList unseenRefunds(const QString &channel, const QString &orderId,
                              const QStringList &refundIds);
    // Reads an order's refunds through the channel's adapter and applies those named; a failed
    // read is retried with doubling delays, kRefundReadAttempts times in all.
    void readRefunds(const QString &channelId, const QString &orderId, const QStringList &refundIds,
                     int attempt);
    // Polls every channel whose intake polls and whose next poll is due by the clock.
    void pollDueChannels();
    void pollOrders(Channel &channel);
    void applyPolled(Channel &channel, const FetchOrdersResult &result);
    // A poll's orders kept in the inbox (or not): its high-water mark, and what comes next.
    void polledKept(Channel &channel, const FetchOrdersResult &result, const Status &kept);
    void scheduleDrain(int delayMs = 0);
    // One group commit of pending deliveries; false when it must be tried again later.
    bool drainOnce(int limit, int *drained);
    // Lets the other workers drain the shared inbox again (once this drain's outcomes are
    // written); does nothing when the lock is not held.
    void releaseDrainLock();
    void pruneInbox(qint64 now);
    void housekeeping();
    // Several workers on one PostgreSQL inventory: the heartbeat, and each channel's lease
    // taken or renewed; a channel's propagator runs only while its lease is held
    // (coreruntime_leases.cpp).
    void startLeases();
    void renewLeases();
    void releaseLeases();
    void refreshLedgerGauges();
    void flushMetrics();
    // Something was buffered: written within metricsFlushIntervalMs.
    void metricsBuffered();
    void checkStopped();
    // What the HTTP endpoints call (coreruntime_http.cpp).
    HttpApi::Handlers httpHandlers();

    Options m_options;
    BufferRules m_bufferRules;
    const Clock &m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<PropagationStore> m_propagation;
    // One read of the change feed per commit for every channel's propagator, and one write of
    // their state per tick (before m_channels: it outlives the propagators).
    std::unique_ptr<PropagationHub> m_hub;
    std::unique_ptr<LagMonitor> m_monitor;
    std::unique_ptr<AlertRules> m_alerts;
    std::unique_ptr<MetricsLog> m_metricsLog; // what `lag` in another process reads
    QList<LagSample> m_lagBuffer;
    QList<PropagationCall> m_callBuffer;
    QList<PushRecord> m_pushBuffer;
    QTimer m_metricsTick; // the buffers' next write
    qint64 m_lastPruneMs = 0;
    qint64 m_lastInboxPruneMs = 0;
    // The channels' network managers, on a thread of their own (outlives m_channels).
    std::unique_ptr<NetworkThread> m_network;
    std::vector<std::unique_ptr<Channel>> m_channels;
    std::unique_ptr<Database> m_inboxDb; // the intake's own connection to its own file
    std::unique_ptr<OrderIntake> m_intake;
    QTimer m_drainTimer; // the next drain (at once after an append, later after a lock)
    QTimer m_drainTick; // a drain every second: retries, and replays asked by another process
    QHash<QPair<QString, QString>, qint64> m_deliveryCounts; // (channel, status) since start
    QSet<qint64> m_outcomesInFlight; // drained, their outcomes not written by the intake yet
    bool m_drainAfterOutcomes = false; // a drain was asked for while they were in flight
    bool m_drainLocked = false; // this worker holds the inbox's drain lock
    std::unique_ptr<HttpApi> m_api;
    std::unique_ptr<ReconcileScheduler> m_reconcile;
    QTimer m_housekeeping;
    QTimer m_leaseTick; // renews the leases (PostgreSQL)
    QString m_workerId; // this worker in the workers table (PostgreSQL)
    qint64 m_workerStartedAtMs = 0;
    QTimer m_pollTick; // looks for due polls; when they are due is the clock's to say
    MetricsLog::Position m_metricsFollowed; // monitor mode: the workers' metrics read up to
    OrderCounters m_counters;
    LedgerGauges m_ledgerGauges;
    quint16 m_port = 0;
    bool m_running = false;
    bool m_stopping = false;
};

} // namespace ChannelDesk
