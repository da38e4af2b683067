#pragma once

#include "carriers/carrierconfig.h"
#include "channels/channelconfig.h"
#include "domain/mutation.h"
#include "domain/orderevent.h"
#include "sim/orderstream.h"
#include "util/clock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMultiMap>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

class QHttpServer;

namespace ChannelDesk {

class CarrierSim;
class ChannelSimulator;
class Database;
class SimTcpServer;
class SyncEngine;

// The console's demo: six simulated channels (two Shopify, two WooCommerce, eBay, Amazon) on a
// loopback HTTP server in this process, a seeded catalogue with listings on them (and a few on
// shop-eu that are not mapped yet, for the console's Import listings…), and a stream
// of orders placed ON THE SIMULATED CHANNELS (the way /_sim/<id>/orders does), so they reach the
// core through real signed webhooks and real order polling. Every minute a flash sale multiplies
// the rate on a few hot SKUs, and fault episodes (503 storms, slow answers, 404s) are injected
// into one channel at a time, so lag, retries, alerts and dead letters all show. The same server
// answers four simulated carriers (UPS, FedEx, EasyPost, Shippo wire formats) with their own
// prices and transit times, FedEx now and then too slow for its deadline and Shippo now and then
// down, and the seed gives each carrier a delivery history. Orders then live on as they do in a
// shop: most ship after a few seconds, a few percent are cancelled, refunded or edited, through
// the core's order path; a few carry a gift card (a line that is no stock, which waits for the
// merchant), and a SKU sold below zero is restocked only after a while, so the Orders tab shows
// oversold orders before the delivery settles them. Lives on the thread of the core it feeds.
class DemoDriver : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int skus = 2000;
        double ordersPerSecond = 12;
        double flashOrdersPerSecond = 120;
        int flashEveryMs = 60'000;
        int firstFlashMs = 4000;
        int flashDurationMs = 10'000;
        int faultEveryMs = 20'000;
        int firstFaultMs = 3000;
        quint64 seed = 1;
        // The share of FedEx rate requests never answered (half as many Shippo ones answer 503).
        double carrierFaultShare = 0.2;
        // What happens to a sale afterwards: these shares are cancelled, refunded (one unit,
        // restocked, after shipping) or edited (one line's quantity changed, then shipped);
        // the rest ship, shipDelayMinMs to shipDelayMaxMs after the sale.
        double cancelShare = 0.03;
        double refundShare = 0.02;
        double editShare = 0.02;
        int shipDelayMinMs = 4000;
        int shipDelayMaxMs = 15'000;
        double giftCardShare = 0.01; // sales on shop-us that also sell a gift card
        int owedRestockDelayMs = 60'000; // a SKU below zero waits this long for its restock
        // Non-zero: the simulated shops run elsewhere (channeldesk-sim, bench_console --real)
        // on this loopback port; listen() is not called and channelsConfig() points there.
        quint16 simulatorPort = 0;
    };
    // An order for a simulated shop, as /_sim/<channel>/orders takes it.
    struct PlacedOrder
    {
        QString channel;
        QJsonObject body;
    };
    // What the demo did to orders after their sale, through the order path.
    struct LifecycleCounts
    {
        qint64 cancelled = 0;
        qint64 refunded = 0;
        qint64 edited = 0;
        qint64 shipped = 0;
        qint64 ignored = 0; // the order path had nothing to do (the order was settled already)
    };

    explicit DemoDriver(const Clock &clock, QObject *parent = nullptr);
    DemoDriver(const Clock &clock, Options options, QObject *parent = nullptr);
    ~DemoDriver() override;

    // Step 1: listens on a loopback port and returns the channels config the core should use.
    bool listen(QString *error);
    ChannelsConfig channelsConfig() const;
    // The simulated carriers as a config's "carriers" array would give them. Their credentials
    // are environment variables that listen() sets in this process.
    CarrierSettings carrierSettings() const;
    // The simulated channels as channeldesk-sim's config takes them ("channels"), holding what
    // the seed left them showing, their webhooks sent to `webhookBase` + the channel's id.
    QJsonArray simulatorChannels(const QString &webhookBase) const;
    // Step 2: seeds the catalogue, the listing mappings and the carriers' delivery history into a
    // database the core has not opened yet.
    bool seed(Database &db, QString *error);
    // Step 3: once the core listens on `corePort`, configures the simulated channels (webhooks to
    // the core) and starts the order stream, the flash sales and the faults. `engine` is the
    // core's, used to restock what sells out as a merchant would.
    bool start(quint16 corePort, SyncEngine *engine, QString *error);

    // Follows the sales the engine commits: restocks what sells out and plays the rest of each
    // order's life (start() calls it with the core's engine).
    void followOrders(SyncEngine *engine);
    // Applies the lifecycle events that are due by the clock (a timer calls it every 250 ms).
    void runLifecycle();
    const LifecycleCounts &lifecycleCounts() const { return m_counts; }
    qsizetype lifecyclePending() const { return m_steps.size(); }

    // The next order of the stream, for the shop it is listed on (nullopt: none of its SKUs is).
    std::optional<PlacedOrder> nextOrder();

    quint16 port() const;
    bool inFlashSale() const { return m_flashUntilMs > m_clock.nowMs(); }
    qint64 ordersPlaced() const { return m_placed; }
    qint64 ordersRefused() const { return m_refused; }
    ChannelSimulator *simulator() const { return m_sim.get(); }

Q_SIGNALS:
    // A line for the console's log: a flash sale started, a fault episode began or ended.
    void event(const QString &message);

private:
    struct DemoChannel
    {
        QString id;
        QString type;
        int listed = 0; // the first `listed` SKUs have a listing here
        int remoteBase = 0; // numeric remote ids (Shopify, WooCommerce): base + index
        bool broken = false; // has the broken mappings
        // The next SKUs after the `listed` ones are on the channel but not mapped yet (new in
        // the shop), so that Import listings… has something to find; a few show another quantity.
        int unmapped = 0;
    };
    void placeOrders();
    void startFlashSale();
    void nextFaultEpisode();
    void restock();
    void onCommitted(const QList<Mutation> &mutations);
    struct DemoOrder
    {
        QString channel;
        QString orderId;
        QList<OrderLine> lines; // SKU and quantity, as the order holds them now
    };
    enum class Step { Ship, Cancel, Refund, Edit };
    void schedule(Step step, const DemoOrder &order, qint64 atMs);
    QString remoteId(const DemoChannel &channel, int index) const;
    bool sellable(const DemoChannel &channel, int index) const;
    // What the store and the simulated shops start with for the index-th SKU.
    static qint64 seedQuantity(int index);
    static constexpr int kHotSkus = 5; // the SKUs most orders and the flash sales are for

    const Clock &m_clock;
    Options m_options;
    QList<DemoChannel> m_channels;
    QStringList m_skus;
    QHash<QString, int> m_skuIndex;
    std::unique_ptr<QHttpServer> m_server;
    SimTcpServer *m_tcp = nullptr; // owned by m_server once bound, by this before
    std::unique_ptr<SimTcpServer> m_tcpOwned;
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<CarrierSim> m_carriers;
    SyncEngine *m_engine = nullptr;
    std::unique_ptr<OrderStream> m_normal;
    std::unique_ptr<OrderStream> m_flash;
    QTimer m_orderTimer;
    QTimer m_flashTimer;
    QTimer m_faultTimer;
    QTimer m_restockTimer;
    QTimer m_lifecycleTimer;
    QSet<QString> m_soldOut;
    QHash<QString, qint64> m_owedSince; // SKUs below zero, since when
    QHash<QString, qint64> m_seededShown; // "channel\nSKU" -> what the seed says it shows
    QMultiMap<qint64, std::pair<Step, DemoOrder>> m_steps; // due time -> what to do
    QRandomGenerator m_random;
    LifecycleCounts m_counts;
    quint64 m_eventNumber = 1;
    double m_owed = 0;
    qint64 m_flashUntilMs = 0;
    int m_faultEpisode = 0;
    QString m_faultedChannel;
    qint64 m_placed = 0;
    qint64 m_refused = 0;
    quint64 m_orderNumber = 1;
};

} // namespace ChannelDesk
