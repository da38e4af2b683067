#pragma once

#include "console/consoleworker.h"
#include "util/postedcalls.h"

#include <QObject>
#include <QThread>

namespace ChannelDesk {

// The GUI thread facade of the core: owns the worker thread ("channeldesk-core") and the
// ConsoleWorker on it, posts every request there (in order, through PostedCalls) and re-emits the
// answers, which arrive as queued signals carrying value types. Destroying it quits and waits for
// the thread, which deletes the worker (and the core) on that thread.
class CoreBridge : public ConsoleEvents
{
    Q_OBJECT
public:
    explicit CoreBridge(ConsoleWorker::Options options, QObject *parent = nullptr);
    ~CoreBridge() override;

    void start();
    QThread *workerThread() { return &m_thread; }
    bool isStarted() const { return m_started; }
    const ConsoleInfo &info() const { return m_info; }

    void adjustStock(const QString &sku, qint64 delta, const QString &reason);
    // bufferSaved answers; the stock row follows with its new override.
    void setListingBuffer(const QString &channel, const QString &sku,
                          const ChannelDesk::BufferOverride &buffer);
    void refreshDeadLetters();
    // The Drift view: drift as stored, a fix of these listings, a reconciliation now (every
    // channel when empty).
    void refreshDrift();
    void fixDrift(const QList<ChannelDesk::DeadLetterKey> &listings);
    void reconcileNow(const QString &channel = {});
    // The Deliveries view: the inbox under this filter (empty: all; status as
    // deliveryStatusName), answered by deliveriesChanged now and after every drain; a refused
    // delivery put back in the queue.
    void setDeliveryFilter(const QString &channel, const QString &status);
    void replayDelivery(qint64 id);
    // The Channels tab's "Import listings…": returns the id listingPullProgress and
    // listingPullFinished carry. PullMode::DryRun maps nothing.
    quint64 pullListings(const QString &channel, ChannelDesk::AdoptPolicy adopt,
                         ChannelDesk::PullMode mode);
    void cancelListingPull(quint64 requestId);
    // File > Import stock… and Export stock…: each returns the id its answer carries
    // (stockImportPreviewed, stockImportFinished, fileWritten).
    quint64 previewStockImport(const QString &path);
    quint64 importStock(const QList<ChannelDesk::StockImportRow> &rows, const QString &reason);
    quint64 writeTextFile(const QString &path, const QString &text);
    // Connect a channel: connectionTested answers with the id returned.
    quint64 testConnection(const ChannelDesk::ChannelConfig &config);
    void retryDeadLetters(const QList<ChannelDesk::DeadLetterKey> &keys);
    void discardDeadLetters(const QList<ChannelDesk::DeadLetterKey> &keys, const QString &reason);
    // deadLetterDetailReady answers.
    void requestDeadLetterDetail(const ChannelDesk::DeadLetterKey &key);
    void requestLagSeries(qint64 windowMs, int points);
    // whatIfReady answers, computed on the core thread.
    void requestWhatIf(int pollMinutes, int sinceDays);
    void requestAudit(const ChannelDesk::InventoryStore::AuditFilter &filter);
    void setChannelSuspended(const QString &channel, bool suspended);
    void loadSettings();
    void saveSettings(const ChannelDesk::SettingsChange &change);
    // Quotes a shipment on the core thread; returns the id quoteFinished will carry.
    quint64 requestQuote(const ChannelDesk::ShipmentRequest &request);
    // The Orders tab: ordersChanged answers (only when something changed, unless forced).
    void requestOrders(ChannelDesk::ConsoleWorker::OrdersRefresh refresh =
                           ConsoleWorker::OrdersRefresh::IfChanged);
    // orderTimelineReady answers.
    void requestOrderTimeline(const QString &channel, const QString &orderId);
    // orderActionFinished answers, then ordersChanged.
    void resolveOversold(const QString &channel, const QString &orderId, const QString &reason);
    void resolveUnmatched(const QString &channel, const QString &orderId, int line,
                          const QString &sku, const QString &reason);

private:
    template<typename F> void post(F &&f);

    QThread m_thread;
    ConsoleWorker *m_worker; // lives on m_thread, deleted there when it finishes
    PostedCalls *m_calls; // the same; post() queues every request to the worker here
    PostedCalls m_back; // on this thread: what the worker hands back here (started's info)
    ConsoleInfo m_info;
    bool m_started = false;
    quint64 m_nextQuoteId = 1;
    quint64 m_nextPullId = 1;
    quint64 m_nextFileId = 1;
};

} // namespace ChannelDesk
