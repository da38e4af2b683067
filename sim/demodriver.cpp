#include "sim/demodriver.h"

#include "sim/carriersim.h"
#include "sim/channelsim.h"
#include "sim/demobuffers.h"
#include "sim/democarriers.h"
#include "sim/simchannel.h"
#include "sim/simtcpserver.h"
#include "sync/syncengine.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcDemo, "channeldesk.demo")

namespace {
constexpr int kTickMs = 100;
constexpr int kFaultEpisodeMs = 12'000;
constexpr int kRestockEveryMs = 3000;
// A few listings on the outlet store point at products that do not exist there: the channel
// refuses them for good, so the dead-letter queue has something in it from the start.
constexpr int kBrokenFirst = 700;
constexpr int kBrokenCount = 8;
// A product every Shopify store sells that is not stock: its lines wait for the merchant.
constexpr auto kGiftCardSku = "GIFT-CARD-25";
constexpr auto kGiftCardRemoteId = "39999";
constexpr int kLifecycleTickMs = 250;
constexpr int kLifecycleStepsPerTick = 500;
constexpr qsizetype kMaxLifecycleSteps = 50'000;

// The demo carriers' credentials: environment variables, as a real config names them, set in this
// process by listen().
constexpr const char *kCarrierCredentials[][2] = {
    {"CHANNELDESK_DEMO_UPS_CLIENT_ID", "demo-ups-id"},
    {"CHANNELDESK_DEMO_UPS_CLIENT_SECRET", "demo-ups-secret"},
    {"CHANNELDESK_DEMO_FEDEX_CLIENT_ID", "demo-fedex-id"},
    {"CHANNELDESK_DEMO_FEDEX_CLIENT_SECRET", "demo-fedex-secret"},
    {"CHANNELDESK_DEMO_EASYPOST_KEY", "demo-easypost-key"},
    {"CHANNELDESK_DEMO_SHIPPO_TOKEN", "demo-shippo-token"},
};
constexpr int kCarrierDeadlineMs = 2500;

QJsonObject baselineFaults()
{
    // A healthy channel between incidents: the odd 429 and 500, well above the 99% alert line.
    return {
        {u"latency_ms"_s, 15},
        {u"errors"_s, QJsonObject {{u"429"_s, 0.002}, {u"500"_s, 0.001}, {u"timeout"_s, 0.0005}}}};
}
} // namespace

DemoDriver::DemoDriver(const Clock &clock, QObject *parent)
    : DemoDriver(clock, Options(), parent)
{
}

DemoDriver::DemoDriver(const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(options)
    , m_random(quint32(options.seed))
{
    const int n = m_options.skus;
    m_channels = {
        {u"shop-us"_s, u"shopify"_s, n, 40'000, false},
        {u"shop-eu"_s, u"shopify"_s, n * 3 / 4, 60'000, false, std::min(n - n * 3 / 4, 24)},
        {u"woo-main"_s, u"woocommerce"_s, n, 500, false},
        {u"woo-outlet"_s, u"woocommerce"_s, std::min(n, 800), 20'000, true},
        {u"ebay"_s, u"ebay"_s, n * 3 / 5, 0, false},
        {u"amazon"_s, u"amazon"_s, std::min(n, 600), 0, false},
    };
    for (int i = 0; i < n; ++i) {
        m_skus.append(u"SKU-%1"_s.arg(i + 1, 5, 10, QChar(u'0')));
        m_skuIndex.insert(m_skus.last(), i);
    }

    OrderStream::Options normal;
    normal.skus = m_skus;
    normal.channels.clear();
    for (const DemoChannel &c : std::as_const(m_channels))
        normal.channels.append(c.id);
    normal.hotSkus = kHotSkus;
    normal.hotShare = 0.2;
    normal.duplicateShare = 0;
    normal.seed = m_options.seed;
    m_normal = std::make_unique<OrderStream>(normal);
    OrderStream::Options flash = normal;
    flash.hotShare = 0.9;
    flash.seed = m_options.seed + 1;
    m_flash = std::make_unique<OrderStream>(flash);

    m_orderTimer.setInterval(kTickMs);
    connect(&m_orderTimer, &QTimer::timeout, this, &DemoDriver::placeOrders);
    m_flashTimer.setSingleShot(true);
    connect(&m_flashTimer, &QTimer::timeout, this, &DemoDriver::startFlashSale);
    m_faultTimer.setSingleShot(true);
    connect(&m_faultTimer, &QTimer::timeout, this, &DemoDriver::nextFaultEpisode);
    m_restockTimer.setInterval(kRestockEveryMs);
    connect(&m_restockTimer, &QTimer::timeout, this, &DemoDriver::restock);
    m_lifecycleTimer.setInterval(kLifecycleTickMs);
    connect(&m_lifecycleTimer, &QTimer::timeout, this, &DemoDriver::runLifecycle);
}

DemoDriver::~DemoDriver()
{
    m_sim.reset();
    m_carriers.reset(); // answers what it held back while the connections still exist
    m_server.reset();
}

QString DemoDriver::remoteId(const DemoChannel &channel, int index) const
{
    if (channel.broken && index >= kBrokenFirst && index < kBrokenFirst + kBrokenCount)
        return QString::number(99'000 + index); // no such product on the channel
    if (channel.remoteBase > 0)
        return QString::number(channel.remoteBase + index);
    return m_skus.at(index);
}

bool DemoDriver::sellable(const DemoChannel &channel, int index) const
{
    const bool broken =
        channel.broken && index >= kBrokenFirst && index < kBrokenFirst + kBrokenCount;
    return index < channel.listed && !broken;
}

bool DemoDriver::listen(QString *error)
{
    m_server = std::make_unique<QHttpServer>();
    m_tcpOwned = std::make_unique<SimTcpServer>();
    m_tcp = m_tcpOwned.get();
    if (!m_tcp->listen(QHostAddress::LocalHost, 0)) {
        *error = u"the demo simulator cannot listen: %1"_s.arg(m_tcp->errorString());
        return false;
    }
    for (const auto &[name, value] : kCarrierCredentials)
        qputenv(name, value);
    return true;
}

quint16 DemoDriver::port() const
{
    return m_tcp ? m_tcp->serverPort() : m_options.simulatorPort;
}

ChannelsConfig DemoDriver::channelsConfig() const
{
    ChannelsConfig config;
    config.listenHost = u"127.0.0.1"_s;
    config.listenPort = 0;
    const QString base = u"http://127.0.0.1:%1/"_s.arg(port());
    for (const DemoChannel &c : m_channels) {
        ChannelConfig cc;
        cc.id = c.id;
        cc.type = c.type;
        cc.baseUrl = QUrl(base + c.id);
        cc.requestTimeoutMs = 3000;
        cc.buffer = demoChannelBuffer(c.id);
        if (c.type == "shopify"_L1) {
            cc.locationId = u"124656943"_s;
            cc.credentials.insert(u"token"_s, "shpat_demo");
            cc.webhookSecrets = {"demo-hook-secret"};
        } else if (c.type == "woocommerce"_L1) {
            cc.credentials.insert(u"consumer_key"_s, "ck_demo");
            cc.credentials.insert(u"consumer_secret"_s, "cs_demo");
            cc.webhookSecrets = {"demo-hook-secret"};
        } else if (c.type == "ebay"_L1) {
            cc.credentials.insert(u"token"_s, "ebay-demo");
        } else {
            cc.sellerId = u"A2DEMO"_s;
            cc.marketplaceId = u"ATVPDKIKX0DER"_s;
            cc.lwaUrl = QUrl(base + c.id);
            cc.credentials.insert(u"lwa_client_id"_s, "amz-demo");
            cc.credentials.insert(u"lwa_client_secret"_s, "amz-demo-secret");
            cc.credentials.insert(u"refresh_token"_s, "amz-demo-refresh");
            cc.maxRequestsPerSecond = 20;
        }
        config.channels.append(cc);
    }
    return config;
}

CarrierSettings DemoDriver::carrierSettings() const
{
    CarrierSettings settings;
    const QString base = u"http://127.0.0.1:%1/"_s.arg(port());
    const QList<SimCarrier> carriers = demoCarriers(0);
    for (const SimCarrier &c : carriers) {
        CarrierConfig cc;
        cc.id = c.id;
        cc.type = c.type;
        cc.baseUrl = QUrl(base + c.id);
        cc.timeoutMs = kCarrierDeadlineMs;
        const QString env = u"CHANNELDESK_DEMO_"_s + c.id.toUpper();
        if (c.type == CarrierType::Ups || c.type == CarrierType::Fedex) {
            cc.clientIdEnv = env + u"_CLIENT_ID"_s;
            cc.clientSecretEnv = env + u"_CLIENT_SECRET"_s;
            cc.accountNumber = c.type == CarrierType::Ups ? u"A1B2C3"_s : u"740561073"_s;
        } else {
            cc.apiKeyEnv = env + (c.type == CarrierType::Shippo ? u"_TOKEN"_s : u"_KEY"_s);
        }
        settings.carriers.append(cc);
    }
    return settings;
}

qint64 DemoDriver::seedQuantity(int index)
{
    return index < kHotSkus ? 300 : 15 + (index * 37) % 240;
}

QJsonArray DemoDriver::simulatorChannels(const QString &webhookBase) const
{
    const QString &hooks = webhookBase;
    QJsonArray channels;
    for (const DemoChannel &c : std::as_const(m_channels)) {
        // The channels start where the seed left the store, except the broken mappings.
        QJsonObject listings;
        for (int i = 0; i < c.listed; ++i) {
            if (!sellable(c, i))
                continue;
            listings.insert(
                remoteId(c, i),
                QJsonObject {{u"quantity"_s,
                              m_seededShown.value(c.id + u'\n' + m_skus.at(i), seedQuantity(i))},
                             {u"sku"_s, m_skus.at(i)}});
        }
        for (int i = c.listed; i < c.listed + c.unmapped; ++i) {
            listings.insert(remoteId(c, i),
                            QJsonObject {{u"quantity"_s, seedQuantity(i) + (i % 4 == 0 ? 3 : 0)},
                                         {u"sku"_s, m_skus.at(i)}});
        }
        if (c.id == m_channels.first().id)
            listings.insert(QString::fromLatin1(kGiftCardRemoteId),
                            QJsonObject {{u"quantity"_s, 1'000'000},
                                         {u"sku"_s, QString::fromLatin1(kGiftCardSku)}});
        QJsonObject o {{u"id"_s, c.id},
                       {u"type"_s, c.type},
                       {u"listings"_s, listings},
                       {u"faults"_s, baselineFaults()},
                       {u"seed"_s, qint64(m_options.seed) + channels.size()}};
        if (c.type == "shopify"_L1) {
            o.insert(u"token"_s, u"shpat_demo"_s);
            o.insert(u"location_id"_s, 124656943);
            o.insert(u"webhook_secret"_s, u"demo-hook-secret"_s);
            o.insert(u"webhook_url"_s, QString(hooks + c.id));
            o.insert(u"webhook_retry_ms"_s, 500);
        } else if (c.type == "woocommerce"_L1) {
            o.insert(u"consumer_key"_s, u"ck_demo"_s);
            o.insert(u"consumer_secret"_s, u"cs_demo"_s);
            o.insert(u"webhook_secret"_s, u"demo-hook-secret"_s);
            o.insert(u"webhook_url"_s, QString(hooks + c.id));
            o.insert(u"webhook_retry_ms"_s, 500);
        } else if (c.type == "ebay"_L1) {
            o.insert(u"token"_s, u"ebay-demo"_s);
        } else {
            o.insert(u"seller_id"_s, u"A2DEMO"_s);
            o.insert(u"marketplace_id"_s, u"ATVPDKIKX0DER"_s);
            o.insert(u"lwa_client_id"_s, u"amz-demo"_s);
            o.insert(u"lwa_client_secret"_s, u"amz-demo-secret"_s);
            o.insert(u"refresh_token"_s, u"amz-demo-refresh"_s);
            o.insert(u"rate_limit"_s, QJsonObject {{u"rate"_s, 25}, {u"burst"_s, 25}});
        }
        channels.append(o);
    }
    return channels;
}

bool DemoDriver::start(quint16 corePort, SyncEngine *engine, QString *error)
{
    m_engine = engine;
    const QJsonArray channels = simulatorChannels(u"http://127.0.0.1:%1/webhooks/"_s.arg(corePort));
    m_sim = std::make_unique<ChannelSimulator>(m_clock);
    if (!m_sim->configure(channels, error))
        return false;
    m_sim->install(*m_server);
    m_carriers = std::make_unique<CarrierSim>(m_clock);
    m_carriers->setSeed(m_options.seed);
    m_carriers->setCarriers(demoCarriers(m_options.carrierFaultShare));
    m_carriers->attach(m_server.get(), m_tcp);
    m_tcpOwned.release(); // the server owns it from here
    m_server->bind(m_tcp);

    if (m_engine)
        followOrders(m_engine);
    m_orderTimer.start();
    m_restockTimer.start();
    m_lifecycleTimer.start();
    m_flashTimer.start(m_options.firstFlashMs);
    m_faultTimer.start(m_options.firstFaultMs);
    Q_EMIT event(tr("Demo: %1 SKUs on %2 simulated channels and %3 carriers at "
                    "http://127.0.0.1:%4")
                     .arg(m_skus.size())
                     .arg(m_channels.size())
                     .arg(4)
                     .arg(port()));
    return true;
}

void DemoDriver::placeOrders()
{
    const bool flash = inFlashSale();
    m_owed +=
        (flash ? m_options.flashOrdersPerSecond : m_options.ordersPerSecond) * kTickMs / 1000.0;
    const int count = int(m_owed);
    m_owed -= count;
    for (int n = 0; n < count; ++n) {
        const std::optional<PlacedOrder> order = nextOrder();
        if (!order)
            continue;
        const SimChannel::Result result = m_sim->channel(order->channel)->placeOrder(order->body);
        if (result.status == 201)
            ++m_placed;
        else
            ++m_refused;
    }
}

std::optional<DemoDriver::PlacedOrder> DemoDriver::nextOrder()
{
    OrderStream &stream = inFlashSale() ? *m_flash : *m_normal;
    const OrderEvent order = stream.next(m_clock.nowMs());
    const DemoChannel *channel = &m_channels.first();
    for (const DemoChannel &c : std::as_const(m_channels)) {
        if (c.id == order.channel)
            channel = &c;
    }
    QJsonArray lines;
    for (const OrderLine &line : order.lines) {
        const int index = m_skuIndex.value(line.sku, -1);
        if (index < 0)
            continue;
        if (!sellable(*channel, index))
            channel = &m_channels.first(); // sold where it is listed
        lines.append(QJsonObject {{u"sku"_s, line.sku}, {u"quantity"_s, line.quantity}});
    }
    if (lines.isEmpty())
        return std::nullopt;
    if (channel == &m_channels.first() && m_random.generateDouble() < m_options.giftCardShare)
        lines.append(
            QJsonObject {{u"sku"_s, QString::fromLatin1(kGiftCardSku)}, {u"quantity"_s, 1}});
    const QJsonObject body {{u"order_id"_s, u"D%1"_s.arg(m_orderNumber++)},
                            {u"lines"_s, lines},
                            {u"deliveries"_s, m_orderNumber % 20 == 0 ? 2 : 1}};
    return PlacedOrder {channel->id, body};
}

void DemoDriver::startFlashSale()
{
    m_flashUntilMs = m_clock.nowMs() + m_options.flashDurationMs;
    Q_EMIT event(tr("Demo: flash sale for %1 s on %2 hot SKUs")
                     .arg(m_options.flashDurationMs / 1000)
                     .arg(kHotSkus));
    m_flashTimer.start(m_options.flashEveryMs);
}

void DemoDriver::nextFaultEpisode()
{
    struct Episode
    {
        const char *channel;
        QJsonObject faults;
        const char *what;
    };
    const Episode episodes[] = {
        {"shop-eu",
         QJsonObject {{u"errors"_s, QJsonObject {{u"503"_s, 0.7}}}, {u"retry_after_seconds"_s, 2}},
         "503 storm"},
        {"ebay", QJsonObject {{u"errors"_s, QJsonObject {{u"404"_s, 0.2}}}}, "404 errors"},
        {"amazon", QJsonObject {{u"latency_ms"_s, 1200}}, "slow answers (1.2 s)"},
        {"woo-main",
         QJsonObject {{u"errors"_s, QJsonObject {{u"timeout"_s, 0.3}, {u"reset"_s, 0.2}}}},
         "timeouts and resets"},
    };
    const Episode &e = episodes[m_faultEpisode++ % 4];
    m_faultedChannel = QString::fromLatin1(e.channel);
    if (SimChannel *c = m_sim->channel(m_faultedChannel)) {
        c->setFaults(e.faults);
        Q_EMIT event(tr("Demo: %1 on %2 for %3 s")
                         .arg(QString::fromLatin1(e.what), m_faultedChannel)
                         .arg(kFaultEpisodeMs / 1000));
    }
    const QString faulted = m_faultedChannel;
    QTimer::singleShot(kFaultEpisodeMs, this, [this, faulted] {
        if (SimChannel *c = m_sim->channel(faulted))
            c->setFaults(baselineFaults());
        Q_EMIT event(tr("Demo: %1 recovered").arg(faulted));
    });
    m_faultTimer.start(m_options.faultEveryMs);
}

void DemoDriver::restock()
{
    if (!m_engine || m_soldOut.isEmpty())
        return;
    const QSet<QString> skus = std::exchange(m_soldOut, {});
    const qint64 now = m_clock.nowMs();
    for (const QString &sku : skus) {
        // Sold below zero: the delivery takes a while, and the oversold orders wait for it.
        const auto owed = m_owedSince.constFind(sku);
        if (owed != m_owedSince.constEnd() && now - *owed < m_options.owedRestockDelayMs) {
            m_soldOut.insert(sku);
            continue;
        }
        const int index = m_skuIndex.value(sku, -1);
        const qint64 amount = index >= 0 && index < kHotSkus ? 300 : 60;
        const SyncEngine::ChangeResult r = m_engine->adjust(sku, amount, u"demo"_s, u"restock"_s);
        if (!r.ok())
            qCWarning(lcDemo) << "restock of" << sku << "failed:" << r.message;
    }
}

void DemoDriver::followOrders(SyncEngine *engine)
{
    if (m_engine && m_engine != engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    connect(m_engine, &SyncEngine::mutationsCommitted, this, &DemoDriver::onCommitted,
            Qt::UniqueConnection);
}

void DemoDriver::onCommitted(const QList<Mutation> &mutations)
{
    const qint64 now = m_clock.nowMs();
    QHash<QString, DemoOrder> sales;
    QStringList arrival;
    QSet<QString> owing; // sales that took a SKU below zero: nothing to ship until restocked
    for (const Mutation &m : mutations) {
        if ((changesStock(m.kind) && m.availableAfter <= 2) ||
            m.kind == MutationKind::OversellAttempt)
            m_soldOut.insert(m.sku);
        if (changesStock(m.kind) && m.availableAfter < 0 && !m_owedSince.contains(m.sku))
            m_owedSince.insert(m.sku, now);
        else if (changesStock(m.kind) && m.availableAfter >= 0)
            m_owedSince.remove(m.sku);
        if (m.kind != MutationKind::Order || m.orderId.isEmpty() || !m.eventId.isEmpty() ||
            m.delta >= 0)
            continue;
        const QString key = m.channel + u'\n' + m.orderId;
        DemoOrder &order = sales[key];
        if (order.orderId.isEmpty()) {
            order.channel = m.channel;
            order.orderId = m.orderId;
            arrival.append(key);
        }
        order.lines.append({m.sku, -m.delta});
        if (m.availableAfter < 0)
            owing.insert(key);
    }
    // Each sale's future, decided now: most ship after a few seconds, a few percent not.
    const int shipSpread = std::max(1, m_options.shipDelayMaxMs - m_options.shipDelayMinMs);
    for (const QString &key : std::as_const(arrival)) {
        const DemoOrder &order = sales.value(key);
        const double fate = m_random.generateDouble();
        const qint64 shipAt = now + m_options.shipDelayMinMs + m_random.bounded(shipSpread) +
            (owing.contains(key) ? m_options.owedRestockDelayMs : 0);
        const qint64 early =
            now + m_random.bounded(std::max(1, m_options.shipDelayMinMs)); // before it ships
        if (fate < m_options.cancelShare) {
            schedule(Step::Cancel, order, early);
        } else if (fate < m_options.cancelShare + m_options.refundShare) {
            schedule(Step::Ship, order, shipAt);
            schedule(Step::Refund, order, shipAt + m_options.shipDelayMinMs);
        } else if (fate < m_options.cancelShare + m_options.refundShare + m_options.editShare) {
            schedule(Step::Edit, order, early); // and ships after the edit
        } else {
            schedule(Step::Ship, order, shipAt);
        }
    }
}

void DemoDriver::schedule(Step step, const DemoOrder &order, qint64 atMs)
{
    if (m_steps.size() < kMaxLifecycleSteps) // bounded: a long flash sale sheds the excess
        m_steps.insert(atMs, {step, order});
}

void DemoDriver::runLifecycle()
{
    if (!m_engine)
        return;
    const qint64 now = m_clock.nowMs();
    for (int n = 0; n < kLifecycleStepsPerTick && !m_steps.isEmpty() && m_steps.firstKey() <= now;
         ++n) {
        const auto [step, order] = m_steps.first();
        m_steps.erase(m_steps.begin());
        OrderEvent event;
        event.channel = order.channel;
        event.orderId = order.orderId;
        event.receivedAtMs = now;
        DemoOrder edited = order;
        switch (step) {
        case Step::Ship:
            event.kind = OrderEventKind::Ship;
            event.eventId = u"F%1"_s.arg(m_eventNumber++);
            event.lines = order.lines;
            break;
        case Step::Cancel:
            event.kind = OrderEventKind::Cancel;
            break;
        case Step::Refund:
            event.kind = OrderEventKind::Refund;
            event.eventId = u"R%1"_s.arg(m_eventNumber++);
            event.lines = {{order.lines.constFirst().sku, 1}};
            break;
        case Step::Edit: {
            // The customer adds one unit of the first line, or takes one off.
            qint64 &quantity = edited.lines.first().quantity;
            quantity += quantity > 1 && m_random.bounded(2) == 0 ? -1 : 1;
            event.kind = OrderEventKind::Edit;
            event.eventId = u"E%1"_s.arg(m_eventNumber++);
            event.lines = edited.lines;
            break;
        }
        }
        const ApplyResult result = m_engine->apply(event);
        switch (result.outcome) {
        case ApplyOutcome::Shipped:
            ++m_counts.shipped;
            break;
        case ApplyOutcome::Cancelled:
            ++m_counts.cancelled;
            break;
        case ApplyOutcome::Refunded:
            ++m_counts.refunded;
            break;
        case ApplyOutcome::Edited:
            ++m_counts.edited;
            break;
        default:
            ++m_counts.ignored;
            if (!result.isFinal())
                qCWarning(lcDemo) << "order" << order.orderId
                                  << "lifecycle event not applied:" << result.message;
            break;
        }
        if (step == Step::Edit)
            schedule(Step::Ship, edited,
                     now + m_options.shipDelayMinMs +
                         m_random.bounded(
                             std::max(1, m_options.shipDelayMaxMs - m_options.shipDelayMinMs)));
    }
}

} // namespace ChannelDesk
