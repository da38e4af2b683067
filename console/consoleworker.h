#pragma once

#include "carriers/carrierconfig.h"
#include "carriers/quoteresult.h"
#include "channels/channelconfig.h"
#include "console/consoleevents.h"
#include "console/consoletypes.h"
#include "console/settingstypes.h"
#include "domain/applyresult.h"
#include "sim/demodriver.h"
#include "store/inventorystore.h"
#include "util/clock.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTemporaryDir;

namespace ChannelDesk {

class CoreRuntime;
class ListingStore;
class SecretStore;
class SettingsStore;
class RateShopper;
class ReliabilityStore;

// The console side of the core thread: creates the CoreRuntime (and in demo mode the simulated
// channels) on the thread it lives on, answers the GUI requests there, and turns the core
// signals into coalesced batches of value types, flushed at most every flushIntervalMs, so a
// flash sale cannot flood the GUI event loop. It also keeps the last orders applied (for the
// quotes panel to pick from) and quotes shipments with a RateShopper over the configured
// carriers. Only CoreBridge talks to it; it reports through the signals of ConsoleEvents.
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
    };

    explicit ConsoleWorker(Options options, QObject *parent = nullptr);
    ~ConsoleWorker() override;

    // All of these run on the worker thread (CoreBridge posts them there).
    void start();
    void adjustStock(const QString &sku, qint64 delta, const QString &reason);
    void refreshDeadLetters();
    void retryDeadLetters(const QList<ChannelDesk::DeadLetterKey> &keys);
    void discardDeadLetters(const QList<ChannelDesk::DeadLetterKey> &keys, const QString &reason);
    void requestLagSeries(qint64 windowMs, int points);
    void requestAudit(const ChannelDesk::InventoryStore::AuditFilter &filter);
    void setChannelSuspended(const QString &channel, bool suspended);
    // The settings dialog: the config file and which secrets the keychain holds; then the
    // dialog's changes, after which a started core restarts with the new config.
    void loadSettings();
    void saveSettings(const ChannelDesk::SettingsChange &change);
    // Asks every carrier at once; quoteFinished(requestId, ...) answers, later.
    void requestQuote(quint64 requestId, const ChannelDesk::ShipmentRequest &request);

    // How many applied orders are kept for the quotes panel.
    static constexpr int kRecentOrders = 200;

private:
    SettingsStore *settings();
    void startWith(const std::optional<ChannelsConfig> &fileConfig);
    bool readConfig(const QByteArray &json, const QHash<QString, QByteArray> &keychain,
                    ChannelsConfig *config, QString *error);
    void restart();
    void finishRestart();
    bool startRuntime(const std::optional<ChannelsConfig> &fileConfig, QString *error);
    void connectCore();
    void loadStock();
    StockRow &row(const QString &sku);
    ListingCell *cell(const QString &channel, const QString &sku);
    void reloadListings(const QString &sku);
    void onMutations(const QList<Mutation> &mutations);
    void onAcknowledged(const QString &channel, const QString &sku, qint64 version, qint64 quantity,
                        qint64 lagMs);
    void onAttemptFailed(const QString &channel, const QString &sku, bool permanent,
                         const QString &message);
    void onDeadLettered(const QString &channel, const QString &sku, const QString &message);
    void touchDeadLetter(const QString &channel, const QString &sku);
    void flush();
    void emitChannels();
    void startQuoting();
    void onOrdersApplied(const QList<OrderEvent> &events, const QList<ApplyResult> &results);

    Options m_options;
    const Clock &m_clock;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<DemoDriver> m_demo;
    std::unique_ptr<CoreRuntime> m_runtime;
    std::unique_ptr<InventoryStore> m_inventory;
    std::unique_ptr<ListingStore> m_listings;
    std::unique_ptr<SettingsStore> m_settings; // made on the worker thread, on first use
    bool m_startRequested = false;
    bool m_restarting = false;
    QTimer m_flush;
    int m_flushes = 0;
    QStringList m_channelIds;
    QStringList m_channelTypes;
    AlertThresholds m_alerts;
    QHash<QString, int> m_channelIndex;
    QHash<QString, StockRow> m_rows;
    QSet<QString> m_dirty;
    QSet<QString> m_deadLetterKeys; // "channel\nsku" of what the GUI last saw in the DLQ
    bool m_deadLettersDirty = true;
    bool m_alertsDirty = true;
    QHash<QString, std::pair<QString, qint64>> m_lastErrors;
    std::deque<qint64> m_orderTimes; // applied orders of the last few seconds
    std::deque<OrderEvent> m_recentOrders; // the last kRecentOrders applied, oldest first
    qsizetype m_unsentOrders = 0; // how many of them the GUI has not seen yet
    std::unique_ptr<QNetworkAccessManager> m_network; // the carriers'
    std::unique_ptr<ReliabilityStore> m_reliability;
    std::unique_ptr<RateShopper> m_shopper;
    QStringList m_carrierIds;
    std::optional<CarrierSettings> m_fileCarriers; // from the config file, secrets resolved
    QHash<quint64, quint64> m_quoteRequests; // the shopper's id -> the requester's
};

} // namespace ChannelDesk
