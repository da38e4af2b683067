#include "console/consoleworker.h"

#include "metrics/alertrules.h"
#include "metrics/lagmonitor.h"
#include "metrics/whatif.h"
#include "runtime/coreruntime.h"
#include "store/bufferstore.h"
#include "store/database.h"
#include "store/deadletterqueue.h"
#include "store/mutationlog.h"
#include "store/orderledger.h"
#include "store/ordertimeline.h"
#include "store/propagationstore.h"
#include "sync/propagator.h"
#include "sync/syncengine.h"

#include <QHash>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcConsole, "channeldesk.console")

namespace {
constexpr qint64 kOrderRateWindowMs = 5000;

QString keyOf(const QString &channel, const QString &sku)
{
    return channel + u'\n' + sku;
}
} // namespace

ConsoleWorker::ConsoleWorker(Options options, QObject *parent)
    : ConsoleEvents(parent)
    , m_options(std::move(options))
    , m_clock(SystemClock::instance())
    , m_settings(
          {m_options.configPath, m_options.demo, m_options.configRequired, m_options.secretStore},
          this)
    , m_stock(m_clock)
    , m_quotes(m_clock, this)
    , m_flush(this) // a child, so it moves to the worker thread with this object
{
    m_flush.setInterval(m_options.flushIntervalMs);
    connect(&m_flush, &QTimer::timeout, this, &ConsoleWorker::flush);
    connect(&m_settings, &SettingsController::logMessage, this, &ConsoleWorker::logMessage);
    connect(&m_settings, &SettingsController::settingsLoaded, this, &ConsoleWorker::settingsLoaded);
    connect(&m_settings, &SettingsController::settingsSaved, this,
            [this](SettingsSaveResult result) {
                // A new inventory location (or password) is opened by the restarted core, even
                // where --db named another for this session.
                if (result.ok && std::exchange(m_databaseChanged, false))
                    m_options.databaseLocation.clear();
                result.restarting = result.ok && m_startRequested;
                if (result.restarting)
                    restart();
                Q_EMIT settingsSaved(result);
            });
    connect(&m_quotes, &QuoteService::quoteFinished, this, &ConsoleWorker::quoteFinished);
}

ConsoleWorker::~ConsoleWorker()
{
    m_flush.stop();
    // Quotes in flight are abandoned unanswered; the shopper reads the core's database.
    disconnect(&m_quotes, nullptr, this, nullptr);
    m_quotes.stop({});
    // The demo feeds the runtime: stop it first, then the core, then drop the database files.
    m_demo.reset();
    m_propagation.reset();
    m_deadLetters.reset();
    m_inventory.reset();
    m_runtime.reset();
}

void ConsoleWorker::start()
{
    m_startRequested = true;
    if (m_options.demo || m_options.config || m_options.configPath.isEmpty()) {
        startWith({});
        return;
    }
    m_settings.readStartConfig([this](const SettingsController::StartConfig &config) {
        if (!config.error.isEmpty()) {
            Q_EMIT startFailed(config.error);
            return;
        }
        startWith(config);
    });
}

void ConsoleWorker::startWith(const SettingsController::StartConfig &fileConfig)
{
    QString error;
    if (!startRuntime(fileConfig, &error)) {
        m_demo.reset();
        m_runtime.reset();
        Q_EMIT startFailed(error);
        return;
    }
    connectCore();
    connectDrift();
    connectDeliveries();
    listenForOthers(); // before the stock is read: nothing committed after is missed
    startQuoting(fileConfig.carriers);
    ConsoleInfo info;
    info.channels = m_channelIds;
    info.channelTypes = m_channelTypes;
    info.databaseLocation = m_runtime->database()->shownLocation(); // the status bar
    info.demo = m_options.demo;
    info.port = m_runtime->port();
    info.carriers = m_quotes.carrierIds();
    info.alerts = m_alerts;
    info.channelBuffers = m_channelBuffers;
    Q_EMIT started(info);
    emitChannels();
    m_flush.start();
    loadStock(); // its first part now, the rest between the core's other work
}

bool ConsoleWorker::startRuntime(const SettingsController::StartConfig &fileConfig, QString *error)
{
    QString location = m_options.databaseLocation;
    ChannelsConfig config;
    if (m_options.demo) {
        m_demo = std::make_unique<DemoDriver>(m_clock, m_options.demoOptions);
        connect(m_demo.get(), &DemoDriver::event, this, &ConsoleWorker::logMessage);
        if (!m_demo->listen(error))
            return false;
        config = m_demo->channelsConfig();
        m_settings.setDemoConfig(config);
        if (location.isEmpty()) {
            m_tempDir = std::make_unique<QTemporaryDir>();
            if (!m_tempDir->isValid()) {
                *error = tr("cannot create a temporary folder for the demo database");
                return false;
            }
            location = m_tempDir->filePath(u"demo.sqlite"_s);
        }
        auto db = Database::open(location, error);
        if (!db || !m_demo->seed(*db, error))
            return false;
    } else if (m_options.config) {
        config = *m_options.config;
    } else if (fileConfig.channels) {
        config = *fileConfig.channels;
    }
    if (location.isEmpty())
        location = databaseFromSettings(fileConfig);

    CoreRuntime::Options options;
    options.databaseLocation = location;
    options.config = config;
    options.listen = m_options.listen || m_options.demo;
    options.monitor =
        !m_options.propagate && !m_options.demo && Database::isPostgresLocation(location);
    if (m_options.demo) {
        options.orderPollIntervalMs = 2000;
        options.propagation.backoffBaseMs = 300;
        options.propagation.backoffCapMs = 4000;
        options.propagation.maxAttempts = 6;
        options.propagation.pollIntervalMs = 500;
    }
    for (const ChannelConfig &c : std::as_const(config.channels)) {
        m_channelIds.append(c.id);
        m_channelTypes.append(c.type);
        m_channelBuffers.append(c.buffer);
    }
    m_stock.setChannels(m_channelIds);
    m_alerts = config.alerts;
    m_runtime = std::make_unique<CoreRuntime>(options, m_clock);
    if (!m_runtime->start(error))
        return false;
    m_inventory = std::make_unique<InventoryStore>(*m_runtime->database());
    m_propagation = std::make_unique<PropagationStore>(*m_runtime->database());
    m_deadLetters = std::make_unique<DeadLetterQueue>(*m_runtime->database());
    m_settings.setDatabaseInUse(m_runtime->database()->shownLocation());
    if (m_demo && !m_demo->start(m_runtime->port(), m_runtime->engine(), error))
        return false;
    Q_EMIT logMessage(options.monitor
                          ? tr("Core started on %1 in monitor mode: the workers propagate")
                                .arg(m_runtime->database()->shownLocation())
                          : tr("Core started on %1").arg(m_runtime->database()->shownLocation()));
    return true;
}

void ConsoleWorker::connectCore()
{
    connect(m_runtime->engine(), &SyncEngine::mutationsCommitted, this,
            &ConsoleWorker::onMutations);
    connect(m_runtime.get(), &CoreRuntime::orderApplied, this,
            [this] { m_orderTimes.push_back(m_clock.nowMs()); });
    connect(m_runtime.get(), &CoreRuntime::ordersApplied, &m_quotes, &QuoteService::addApplied);
    connect(m_runtime.get(), &CoreRuntime::alertRaised, this, [this](const Alert &alert) {
        m_alertsDirty = true;
        Q_EMIT alertRaised(alert);
    });
    connect(m_runtime.get(), &CoreRuntime::alertResolved, this, [this] { m_alertsDirty = true; });
    const QList<Propagator *> propagators = m_runtime->propagators();
    for (Propagator *p : propagators) {
        connect(p, &Propagator::acknowledged, this,
                [this](const QString &channel, const QString &sku, qint64 version, qint64 quantity,
                       qint64 lagMs) {
                    m_stock.acknowledge(channel, sku, version, quantity, lagMs);
                    touchDeadLetter(channel, sku);
                });
        connect(p, &Propagator::attemptFailed, this,
                [this](const QString &channel, const QString &sku, qint64, bool permanent,
                       const QString &message) {
                    m_stock.attemptFailed(channel, sku, permanent, message);
                    m_lastErrors.insert(channel, {message, m_clock.nowMs()});
                    touchDeadLetter(channel, sku);
                });
        connect(p, &Propagator::deadLettered, this,
                [this](const QString &channel, const QString &sku, const QString &message) {
                    m_stock.deadLettered(channel, sku, message);
                    m_deadLettersDirty = true;
                });
        connect(p, &Propagator::redriven, this, [this] {
            m_deadLettersDirty = true;
            reloadListings(QString());
        });
    }
}

void ConsoleWorker::startQuoting(const std::optional<CarrierSettings> &fileCarriers)
{
    CarrierSettings carriers;
    if (m_options.carriers) {
        carriers = *m_options.carriers;
    } else if (m_demo) {
        carriers = m_demo->carrierSettings();
    } else if (fileCarriers) {
        // The channels config file may hold the carriers too (docs/carriers.md), read with the
        // channels (keychain first, then the environment); without them, or with a bad entry,
        // the console runs and quoting says there is no carrier.
        carriers = *fileCarriers;
    }
    m_quotes.start(carriers, *m_runtime->database());
}

void ConsoleWorker::requestQuote(quint64 requestId, const ShipmentRequest &request)
{
    m_quotes.quote(requestId, request);
}

void ConsoleWorker::requestOrders(OrdersRefresh refresh)
{
    if (!m_runtime || (!m_ordersDirty && refresh == OrdersRefresh::IfChanged))
        return;
    m_ordersDirty = false;
    OrdersSnapshot snapshot;
    const OrderLedger ledger(*m_runtime->database());
    const auto recent = ledger.recentOrders(kOrdersShown);
    const auto oversold = ledger.oversold();
    const auto unmatched = ledger.unmatched();
    snapshot.recent = recent.valueOr({});
    snapshot.oversold = oversold.valueOr({});
    snapshot.unmatched = unmatched.valueOr({});
    for (const QString &error : {recent.error(), oversold.error(), unmatched.error()}) {
        if (!error.isEmpty() && snapshot.error.isEmpty())
            snapshot.error = error;
    }
    if (!snapshot.error.isEmpty())
        m_ordersDirty = true; // try again next time
    Q_EMIT ordersChanged(snapshot);
}

void ConsoleWorker::requestOrderTimeline(const QString &channel, const QString &orderId)
{
    if (!m_runtime) {
        Q_EMIT orderTimelineReady(channel, orderId, {}, tr("the core is not running"));
        return;
    }
    const auto timeline = loadOrderTimeline(*m_runtime->database(), channel, orderId);
    Q_EMIT orderTimelineReady(channel, orderId, timeline.valueOr({}), timeline.error());
}

void ConsoleWorker::resolveOversold(const QString &channel, const QString &orderId,
                                    const QString &reason)
{
    OrderActionResult result {channel, orderId, false, tr("the core is not running")};
    if (m_runtime) {
        const SyncEngine::ChangeResult r =
            m_runtime->engine()->resolveOversold(channel, orderId, m_options.actor, reason);
        result.ok = r.ok();
        result.message = r.message;
    }
    Q_EMIT orderActionFinished(result);
    requestOrders(OrdersRefresh::Force);
}

void ConsoleWorker::resolveUnmatched(const QString &channel, const QString &orderId, int line,
                                     const QString &sku, const QString &reason)
{
    OrderActionResult result {channel, orderId, false, tr("the core is not running")};
    if (m_runtime) {
        const SyncEngine::ChangeResult r = m_runtime->engine()->resolveUnmatched(
            channel, orderId, line, sku, m_options.actor, reason);
        result.ok = r.ok();
        result.message = r.message;
    }
    Q_EMIT orderActionFinished(result);
    requestOrders(OrdersRefresh::Force);
}

void ConsoleWorker::onMutations(const QList<Mutation> &mutations)
{
    for (const Mutation &m : mutations) {
        if (m.kind == MutationKind::DeadLetterRetry || m.kind == MutationKind::DeadLetterDiscard ||
            m_deadLetterSkus.contains(m.sku))
            m_deadLettersDirty = true;
        else if (!m.orderId.isEmpty() || m.kind == MutationKind::Adjust ||
                 m.kind == MutationKind::Import)
            m_ordersDirty = true; // an order's life, or a restock that may settle an oversell
    }
    m_stock.applyMutations(mutations);
}

void ConsoleWorker::touchDeadLetter(const QString &channel, const QString &sku)
{
    if (m_deadLetterKeys.contains(keyOf(channel, sku)))
        m_deadLettersDirty = true;
}

void ConsoleWorker::adjustStock(const QString &sku, qint64 delta, const QString &reason)
{
    if (!m_runtime) {
        Q_EMIT adjustFinished(sku, false, tr("the core is not running"));
        return;
    }
    const SyncEngine::ChangeResult r =
        m_runtime->engine()->adjust(sku, delta, m_options.actor, reason);
    Q_EMIT adjustFinished(sku, r.ok(), r.message);
}

void ConsoleWorker::setListingBuffer(const QString &channel, const QString &sku,
                                     const BufferOverride &buffer)
{
    if (!m_runtime) {
        Q_EMIT bufferSaved(channel, sku, false, tr("the core is not running"));
        return;
    }
    // The same store call as buffer-import: audited, and the listing is sent again through the
    // normal propagation when what it shows changed.
    const auto applied = m_runtime->setListingBuffers({{channel, sku, buffer}}, m_options.actor,
                                                      u"set in the console"_s);
    if (!applied) {
        Q_EMIT bufferSaved(channel, sku, false, applied.error());
        return;
    }
    m_stock.setBuffer(channel, sku, buffer);
    onMutations(applied->mutations);
    Q_EMIT bufferSaved(channel, sku, true, QString());
}

void ConsoleWorker::refreshDeadLetters()
{
    m_deadLettersDirty = true;
    flush();
}

void ConsoleWorker::retryDeadLetters(const QList<DeadLetterKey> &keys)
{
    if (!m_runtime)
        return;
    int count = 0;
    QString error;
    QSet<QString> channels;
    for (const DeadLetterKey &k : keys) {
        const auto n = m_deadLetters->retry({k.channel, k.sku}, m_options.actor, m_clock.nowMs());
        if (!n) {
            error = n.error();
            break;
        }
        count += *n;
        channels.insert(k.channel);
        reloadListings(k.sku);
    }
    // Tell the propagators now rather than at their next poll.
    const QList<Propagator *> propagators = m_runtime->propagators();
    for (Propagator *p : propagators) {
        if (channels.contains(p->channelId()))
            p->wake();
    }
    m_deadLettersDirty = true;
    flush();
    Q_EMIT deadLetterActionFinished(count, error);
}

void ConsoleWorker::requestDeadLetterDetail(const DeadLetterKey &key)
{
    if (!m_runtime) {
        DeadLetterDetail none;
        none.channel = key.channel;
        none.sku = key.sku;
        none.error = tr("the core is not running");
        Q_EMIT deadLetterDetailReady(none);
        return;
    }
    Q_EMIT deadLetterDetailReady(
        DeadLetterDetail::load(*m_runtime->database(), key.channel, key.sku));
}

void ConsoleWorker::discardDeadLetters(const QList<DeadLetterKey> &keys, const QString &reason)
{
    if (!m_runtime)
        return;
    int count = 0;
    QString error;
    for (const DeadLetterKey &k : keys) {
        const auto n =
            m_deadLetters->discard({k.channel, k.sku}, m_options.actor, reason, m_clock.nowMs());
        if (!n) {
            error = n.error();
            break;
        }
        count += *n;
        reloadListings(k.sku);
    }
    m_deadLettersDirty = true;
    flush();
    Q_EMIT deadLetterActionFinished(count, error);
}

void ConsoleWorker::requestLagSeries(qint64 windowMs, int points)
{
    if (!m_runtime)
        return;
    LagSeriesSet set;
    set.windowMs = windowMs;
    set.binBoundsMs = {50, 100, 250, 500, 1000, 2000, 5000, 10'000, 30'000};
    const LagMonitor *monitor = m_runtime->lagMonitor();
    for (const QString &channel : std::as_const(m_channelIds)) {
        set.channels.append({channel, monitor->series(channel, windowMs, points),
                             monitor->distribution(channel, windowMs, set.binBoundsMs)});
    }
    Q_EMIT lagSeriesReady(set);
}

void ConsoleWorker::requestWhatIf(int pollMinutes, int sinceDays)
{
    if (!m_runtime)
        return;
    const auto report =
        WhatIf::replay(*m_runtime->database(), {pollMinutes, sinceDays}, m_clock.nowMs());
    Q_EMIT whatIfReady(report.valueOr({}), report.error());
}

void ConsoleWorker::requestAudit(const InventoryStore::AuditFilter &filter)
{
    if (!m_inventory)
        return;
    const auto out = m_inventory->audit(filter);
    Q_EMIT auditReady(out.valueOr({}), out.error());
}

void ConsoleWorker::setChannelSuspended(const QString &channel, bool suspended)
{
    if (!m_runtime)
        return;
    const QList<Propagator *> propagators = m_runtime->propagators();
    for (Propagator *p : propagators) {
        if (p->channelId() == channel) {
            p->setSuspended(suspended);
            Q_EMIT logMessage(suspended ? tr("Propagation to %1 paused").arg(channel)
                                        : tr("Propagation to %1 resumed").arg(channel));
        }
    }
    emitChannels();
}

void ConsoleWorker::flush()
{
    if (!m_runtime)
        return;
    if (const QList<StockRow> rows = m_stock.flush(); !rows.isEmpty())
        Q_EMIT stockChanged(rows);
    if (m_deadLettersDirty) {
        m_deadLettersDirty = false;
        if (const auto letters = m_deadLetters->deadLetters()) {
            m_deadLetterKeys.clear();
            m_deadLetterSkus.clear();
            for (const DeadLetter &d : *letters) {
                m_deadLetterKeys.insert(keyOf(d.channel, d.sku));
                m_deadLetterSkus.insert(d.sku);
            }
            Q_EMIT deadLettersChanged(*letters);
        }
    }
    if (m_alertsDirty) {
        m_alertsDirty = false;
        Q_EMIT alertsChanged(m_runtime->alertRules()->activeAlerts());
    }
    readSharedChanges();
    if (const QList<OrderEvent> orders = m_quotes.takeNewOrders(); !orders.isEmpty())
        Q_EMIT ordersReceived(orders);
    if (++m_flushes % std::max(1, m_options.statsEveryFlushes) == 0) {
        emitChannels();
        // The newest deliveries, read again after drains: as often as the figures, not at every
        // flush (at thousands of orders a second the core drains all the time).
        if (m_deliveriesDirty)
            refreshDeliveries();
    }
}

void ConsoleWorker::emitChannels()
{
    if (!m_runtime)
        return;
    const qint64 now = m_clock.nowMs();
    while (!m_orderTimes.empty() && m_orderTimes.front() < now - kOrderRateWindowMs)
        m_orderTimes.pop_front();

    ConsoleStatus status;
    status.running = m_runtime->isRunning();
    status.ordersPerSecond = double(m_orderTimes.size()) * 1000.0 / kOrderRateWindowMs;
    QList<ChannelRow> rows;
    const QList<Propagator *> propagators = m_runtime->propagators();
    // Who propagates each channel, when workers share the inventory (PostgreSQL).
    const QHash<QString, QString> holders = leaseHolders();
    for (qsizetype i = 0; i < m_channelIds.size(); ++i) {
        ChannelRow r;
        r.id = m_channelIds.at(i);
        r.type = m_channelTypes.at(i);
        r.stats = m_runtime->lagMonitor()->snapshot(r.id, LagMonitor::kFiveMinutesMs);
        for (Propagator *p : propagators) {
            if (p->channelId() == r.id) {
                r.suspended = p->isSuspended();
                r.tokens = p->rateLimiter().tokens();
                r.rate = p->rateLimiter().rate();
            }
        }
        r.holder = holders.value(r.id);
        r.heldHere = !r.holder.isEmpty() && r.holder == m_runtime->workerId();
        const auto error = m_lastErrors.value(r.id);
        r.lastError = error.first;
        r.lastErrorAtMs = error.first.isEmpty() ? -1 : error.second;
        if (r.stats.p99Ms >= status.worstP99Ms && r.stats.count > 0) {
            status.worstP99Ms = r.stats.p99Ms;
            status.worstChannel = r.id;
        }
        status.deadLetters += r.stats.deadLetters;
        status.pending += r.stats.pending;
        rows.append(r);
    }
    Q_EMIT channelsChanged(rows);
    Q_EMIT statusChanged(status);
}

} // namespace ChannelDesk
