#pragma once

#include "carriers/carrierconfig.h"
#include "channels/channelconfig.h"
#include "sim/orderstream.h"
#include "util/clock.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QHttpServer;

namespace ChannelDesk {

class CarrierSim;
class ChannelSimulator;
class Database;
class SimTcpServer;
class SyncEngine;

// The console's demo: six simulated channels (two Shopify, two WooCommerce, eBay, Amazon) on a
// loopback HTTP server in this process, a seeded catalogue with listings on them, and a stream
// of orders placed ON THE SIMULATED CHANNELS (the way /_sim/<id>/orders does), so they reach the
// core through real signed webhooks and real order polling. Every minute a flash sale multiplies
// the rate on a few hot SKUs, and fault episodes (503 storms, slow answers, 404s) are injected
// into one channel at a time, so lag, retries, alerts and dead letters all show. The same server
// answers four simulated carriers (UPS, FedEx, EasyPost, Shippo wire formats) with their own
// prices and transit times, FedEx now and then too slow for its deadline and Shippo now and then
// down, and the seed gives each carrier a delivery history. Lives on the thread of the core it
// feeds.
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
    // Step 2: seeds the catalogue, the listing mappings and the carriers' delivery history into a
    // database the core has not opened yet.
    bool seed(Database &db, QString *error);
    // Step 3: once the core listens on `corePort`, configures the simulated channels (webhooks to
    // the core) and starts the order stream, the flash sales and the faults. `engine` is the
    // core's, used to restock what sells out as a merchant would.
    bool start(quint16 corePort, SyncEngine *engine, QString *error);

    quint16 port() const;
    bool inFlashSale() const { return m_flashUntilMs > m_clock.nowMs(); }
    qint64 ordersPlaced() const { return m_placed; }
    qint64 ordersRefused() const { return m_refused; }
    ChannelSimulator *simulator() const { return m_sim.get(); }

Q_SIGNALS:
    // A line for the console's log: a flash sale started, a fault episode began or ended.
    void event(const QString &message);

private:
    struct DemoChannel;
    void placeOrders();
    void startFlashSale();
    void nextFaultEpisode();
    void restock();
    QString remoteId(const DemoChannel &channel, int index) const;
    bool sellable(const DemoChannel &channel, int index) const;
    // What the store and the simulated shops start with for the index-th SKU.
    static qint64 seedQuantity(int index);

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
    QSet<QString> m_soldOut;
    double m_owed = 0;
    qint64 m_flashUntilMs = 0;
    int m_faultEpisode = 0;
    QString m_faultedChannel;
    qint64 m_placed = 0;
    qint64 m_refused = 0;
    quint64 m_orderNumber = 1;
};

} // namespace ChannelDesk
