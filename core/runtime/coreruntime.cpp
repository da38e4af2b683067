#include "coreruntime.h"

#include "channels/channeladapter.h"
#include "channels/channelfactory.h"
#include "channels/networkthread.h"
#include "coreruntime_p.h"
#include "domain/sku.h"
#include "intake/orderintake.h"
#include "metrics/alertrules.h"
#include "metrics/lagmonitor.h"
#include "metrics/prometheus.h"
#include "runtime/reconcilescheduler.h"
#include "store/database.h"
#include "store/inventorystore.h"
#include "store/metricslog.h"
#include "store/orderledger.h"
#include "store/propagationstore.h"
#include "store/pushlog.h"
#include "sync/listingreads.h"
#include "sync/propagationhub.h"
#include "sync/propagator.h"
#include "sync/readpacer.h"
#include "sync/syncengine.h"
#include "util/timeformat.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSet>

#include <algorithm>

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcRuntime, "channeldesk.runtime")

using namespace Qt::StringLiterals;

CoreRuntime::CoreRuntime(Options options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_bufferRules(ChannelDesk::bufferRules(m_options.config))
    , m_clock(clock)
{
    m_housekeeping.setInterval(m_options.housekeepingIntervalMs);
    connect(&m_housekeeping, &QTimer::timeout, this, &CoreRuntime::housekeeping);
    // When a poll is due is the clock's to say (a test's clock moves by hand); this only looks.
    m_pollTick.setInterval(kPollTickMs);
    connect(&m_pollTick, &QTimer::timeout, this, &CoreRuntime::pollDueChannels);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &CoreRuntime::drainInbox);
    m_metricsTick.setSingleShot(true);
    m_metricsTick.setInterval(std::max(1, m_options.metricsFlushIntervalMs));
    connect(&m_metricsTick, &QTimer::timeout, this, &CoreRuntime::flushMetrics);
    m_drainTick.setInterval(1000);
    connect(&m_drainTick, &QTimer::timeout, this, &CoreRuntime::drainInbox);
}

CoreRuntime::~CoreRuntime()
{
    // Adapters and propagators go before the network manager and the database they use. The
    // intake takes no more (the listener's thread may still hand it deliveries: it answers them
    // 503), commits and answers what it took while the listener can still send those answers;
    // then the listener stops, and only then does the intake go, whom its thread called.
    if (m_intake)
        m_intake->close();
    m_api.reset();
    m_intake.reset();
    m_reconcile.reset();
    m_channels.clear();
}

ReadPacer *CoreRuntime::reads(const QString &channelId) const
{
    for (const auto &c : m_channels) {
        if (c->config.id == channelId)
            return c->reads.get();
    }
    return nullptr;
}

QList<Propagator *> CoreRuntime::propagators() const
{
    QList<Propagator *> list;
    for (const auto &c : m_channels)
        list.append(c->propagator.get());
    return list;
}

bool CoreRuntime::start(QString *error)
{
    // "durability": "full" syncs every commit of the inbox and of the order path (an
    // acknowledged delivery survives a power cut); "normal" survives a process crash only.
    // Propagation's bookkeeping stays at Normal either way (Database::Options).
    const bool full = m_options.config.durabilityFull;
    Database::Options dbOptions;
    dbOptions.synchronous = Database::Synchronous::Normal;
    dbOptions.durableSynchronous =
        full ? Database::Synchronous::Full : Database::Synchronous::Normal;
    m_db = Database::open(m_options.databaseLocation, dbOptions, error);
    if (!m_db)
        return false;
    const QString inboxLocation = m_options.inboxLocation.isEmpty()
        ? InboxStore::locationFor(m_options.databaseLocation)
        : m_options.inboxLocation;
    m_inboxDb = InboxStore::open(inboxLocation, full, error);
    if (!m_inboxDb)
        return false;
    // The listener refuses a larger body before reading it; the intake's own check is the same
    // limit for deliveries handed to it by other ways. Its writer appends on a thread of its
    // own, with its own connection to the inbox file (this thread's reads it).
    m_intake = std::make_unique<OrderIntake>(
        *m_inboxDb, m_clock,
        OrderIntake::Options {m_options.intakeMaxBatch, m_options.intakeMaxWaitMs,
                              m_options.config.listener.maxBodyBytes});
    if (!m_intake->start(
            [inboxLocation, full](QString *openError) {
                return InboxStore::open(inboxLocation, full, openError);
            },
            error))
        return false;
    connect(m_intake.get(), &OrderIntake::appended, this, [this](const QStringList &channels) {
        for (const QString &channel : channels)
            ++m_deliveryCounts[{channel, u"pending"_s}];
        scheduleDrain();
    });
    m_engine = std::make_unique<SyncEngine>(*m_db, m_clock);
    m_propagation = std::make_unique<PropagationStore>(*m_db);
    const Propagator::Options &po = m_options.propagation;
    m_hub = std::make_unique<PropagationHub>(
        *m_db, PropagationHub::Options {po.ingestLimit, po.flushTickMs, po.pollIntervalMs});
    connect(m_engine.get(), &SyncEngine::mutationsCommitted, m_hub.get(), &PropagationHub::wake);
    m_monitor = std::make_unique<LagMonitor>(m_clock);
    m_alerts = std::make_unique<AlertRules>(*m_monitor, m_clock);
    // The config's thresholds; the rules' windows and pending periods keep their defaults.
    const AlertThresholds &thresholds = m_options.config.alerts;
    for (const auto &[rule, threshold] :
         {std::pair {AlertRule::LagP99, thresholds.lagP99Seconds * 1000.0},
          std::pair {AlertRule::LagMax, thresholds.lagMaxSeconds * 1000.0},
          std::pair {AlertRule::SuccessRate, thresholds.successRateMin}}) {
        AlertRuleConfig c = m_alerts->config(rule);
        c.threshold = threshold;
        m_alerts->setConfig(rule, c);
    }
    m_metricsLog = std::make_unique<MetricsLog>(*m_db);
    // A channel rule changed since its listings were last sent: those whose shown quantity
    // it changes go out again, before propagation starts.
    const auto resent =
        BufferStore(*m_db).applyChannelRules(m_bufferRules, u"config"_s, m_clock.nowMs());
    if (!resent) {
        *error = u"cannot apply the channels' buffer rules: %1"_s.arg(resent.error());
        return false;
    }
    if (*resent > 0)
        qCInfo(lcRuntime) << *resent << "listings are sent again under their channel's new rule";
    connect(m_alerts.get(), &AlertRules::alertRaised, this, [this](const Alert &a) {
        qCWarning(lcRuntime).noquote() << "alert:" << a.message;
        Q_EMIT alertRaised(a);
    });
    connect(m_alerts.get(), &AlertRules::alertResolved, this, &CoreRuntime::alertResolved);
    for (const ChannelConfig &config : std::as_const(m_options.config.channels)) {
        auto channel = std::make_unique<Channel>();
        channel->config = config;
        if (!m_network)
            m_network = std::make_unique<NetworkThread>();
        channel->network = m_network->createManager();
        channel->adapter = createChannelAdapter(config, channel->network, m_clock);
        if (!channel->adapter) {
            *error = u"channel %1: unknown type %2"_s.arg(config.id, config.type);
            return false;
        }
        channel->parser = createWebhookParser(config.type);
        Propagator::Options options = m_options.propagation;
        if (config.maxRequestsPerSecond)
            options.requestsPerSecond = *config.maxRequestsPerSecond;
        options.buffer = config.buffer;
        channel->propagator = std::make_unique<Propagator>(*m_db, channel->adapter.get(), m_clock,
                                                           options, m_hub.get());
        Propagator *p = channel->propagator.get();
        if (ChannelReader *reader = channel->adapter->reader())
            channel->reads = std::make_unique<ReadPacer>(reader, p->rateLimiter(), m_clock);
        connect(p, &Propagator::acknowledged, this,
                [this](const QString &ch, const QString &, qint64, qint64, qint64 lagMs) {
                    m_monitor->recordLag(ch, lagMs * 1000);
                    m_lagBuffer.append({ch, m_clock.nowMs(), lagMs});
                    metricsBuffered();
                });
        connect(p, &Propagator::pushed, this, [this](const QList<PushRecord> &records) {
            m_pushBuffer.append(records);
            metricsBuffered();
        });
        connect(p, &Propagator::callFinished, this,
                [this](const QString &ch, AttemptOutcome outcome, int listings, int failed) {
                    m_monitor->recordCall(ch, outcome, listings, failed);
                    m_callBuffer.append({ch, m_clock.nowMs(), outcome, listings, failed});
                    metricsBuffered();
                    if (m_stopping)
                        checkStopped();
                });
        // Orders by webhook, by polling from the durable high-water mark, or both.
        channel->intake = effectiveIntake(config);
        if (intakePolls(channel->intake) && channel->adapter->reader())
            channel->pollIntervalMs = m_options.orderPollIntervalMs > 0
                ? m_options.orderPollIntervalMs
                : qint64(effectivePollIntervalSeconds(config)) * 1000;
        m_channels.push_back(std::move(channel));
    }

    QList<OrderIntake::Channel> intakeChannels;
    for (const auto &c : m_channels)
        intakeChannels.append({c->config.id, c->config.type, c->parser.get(),
                               c->config.webhookSecrets, intakeTakesWebhooks(c->intake)});
    m_intake->setChannels(intakeChannels);

    if (m_options.listen) {
        m_api = std::make_unique<HttpApi>(httpHandlers(), m_options.config.listener);
        m_port = m_api->listen(m_options.config.listenHost, m_options.config.listenPort, error);
        if (m_port == 0)
            return false;
        qCInfo(lcRuntime).noquote() << "listening on" << m_options.config.listenHost << m_port;
    }
    // Reconciliation by itself: on each channel's schedule and after an outage.
    m_reconcile = std::make_unique<ReconcileScheduler>(*m_db, m_clock, m_monitor.get());
    for (auto &c : m_channels)
        m_reconcile->addChannel(c->config.id, listingReadsOf(c->reads.get()),
                                c->config.reconcileIntervalS, c->config.buffer);
    m_running = true;
    m_housekeeping.start();
    if (m_options.monitor) {
        qCInfo(lcRuntime) << "monitor mode: no propagation, polling or draining here";
        followSharedMetrics();
        housekeeping();
        return true;
    }
    if (m_db->dialect() == Database::Dialect::Postgres) {
        startLeases(); // each propagator starts once its channel's lease is held
    } else {
        // Each propagator rebuilds its listings in memory from the database as it starts
        // (seconds for six channels of 100,000 listings): on the next turn of the event loop,
        // so that whoever started the core (the console's first stock part) goes first.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_running)
                    return;
                for (auto &c : m_channels)
                    c->propagator->start();
            },
            Qt::QueuedConnection);
    }
    for (auto &c : m_channels) {
        if (c->pollIntervalMs > 0)
            pollOrders(*c); // the first poll at once, the next ones by the clock
    }
    m_pollTick.start();
    m_drainTick.start();
    scheduleDrain(); // what a previous run kept and did not apply
    housekeeping();
    return true;
}

Result<BufferStore::Applied> CoreRuntime::setListingBuffers(const QList<ListingBuffer> &rows,
                                                            const QString &actor,
                                                            const QString &reason)
{
    if (!m_db)
        return Error {u"the core is not running"_s};
    auto applied =
        BufferStore(*m_db).setOverrides(rows, m_bufferRules, actor, reason, m_clock.nowMs());
    if (applied && applied->resent > 0) {
        for (auto &c : m_channels)
            c->propagator->wake();
    }
    return applied;
}

void CoreRuntime::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_stopping = true;
    // Every delivery taken is kept and answered, then no new webhooks (the intake answers
    // those 503, the listener what it still holds, and the channel delivers them again).
    if (m_intake)
        m_intake->close();
    m_api.reset();
    m_pollTick.stop();
    m_drainTick.stop();
    m_drainTimer.stop();
    for (auto &c : m_channels)
        c->propagator->stop(); // no new calls; the ones in flight still land
    releaseLeases();
    checkStopped();
}

void CoreRuntime::checkStopped()
{
    for (const auto &c : m_channels) {
        if (c->propagator->inFlight() > 0)
            return;
    }
    if (!m_stopping)
        return;
    m_stopping = false;
    m_hub->flush(); // the last answers' acknowledgements
    m_housekeeping.stop();
    flushMetrics();
    QMetaObject::invokeMethod(this, &CoreRuntime::stopped, Qt::QueuedConnection);
}

void CoreRuntime::count(const ApplyResult &result, const OrderEvent &event)
{
    for (const Mutation &m : result.mutations) {
        if (result.outcome == ApplyOutcome::Oversold && m.owed() > 0)
            m_monitor->noteOversold({-1, m.sku, event.channel, event.orderId, m.reason});
        else if (result.outcome == ApplyOutcome::Unmatched && m.kind == MutationKind::Unmatched)
            m_monitor->noteUnmatched({-1, m.sku, event.channel, event.orderId, m.reason});
    }
    // Each event once, by its outcome when it first arrived: a sale delivered again is a
    // duplicate here even when its waiting lines took their stock now (the ledger's gauges say
    // what waits now), so one order never counts in two of applied, oversold and unmatched.
    switch (result.redelivered ? ApplyOutcome::Duplicate : result.outcome) {
    case ApplyOutcome::Applied:
        ++m_counters.applied;
        break;
    case ApplyOutcome::Duplicate:
        ++m_counters.duplicate;
        break;
    case ApplyOutcome::Oversold:
        ++m_counters.oversold;
        break;
    case ApplyOutcome::Unmatched:
        ++m_counters.unmatched;
        break;
    case ApplyOutcome::Cancelled:
        ++m_counters.cancelled;
        break;
    case ApplyOutcome::Refunded:
        ++m_counters.refunded;
        break;
    case ApplyOutcome::Edited:
        ++m_counters.edited;
        break;
    case ApplyOutcome::Shipped:
        ++m_counters.shipped;
        break;
    case ApplyOutcome::Ignored:
        ++m_counters.ignored;
        break;
    case ApplyOutcome::Invalid:
        ++m_counters.invalid;
        break;
    case ApplyOutcome::ConcurrentUpdate:
    case ApplyOutcome::StorageError:
        break;
    }
    Q_EMIT orderApplied(event.channel, event.orderId, result.outcome);
}

void CoreRuntime::applyOrders(const QString &, const QList<OrderEvent> &events,
                              QList<ApplyResult> *results)
{
    *results = m_engine->applyBatch(events);
    for (qsizetype i = 0; i < events.size(); ++i)
        count(results->at(i), events.at(i));
    Q_EMIT ordersApplied(events, *results);
}

QList<OrderEvent> CoreRuntime::prepareEvents(const QString &channel, QList<OrderEvent> events,
                                             const QString &orderId)
{
    const qint64 now = m_clock.nowMs();
    for (OrderEvent &event : events) {
        event.channel = channel;
        if (event.orderId.isEmpty())
            event.orderId = orderId;
        event.receivedAtMs = now;
        for (OrderLine &line : event.lines) {
            // No SKU in the payload (deleted product, or none set): the order path resolves the
            // product id through the listing mappings, and the line waits while none maps it.
            // A SKU or id over its limit is refused by the event's validation, never cut: a cut
            // one can name another product.
            // A sold line naming nothing still took something off a shelf: it waits under a
            // name the merchant can resolve.
            if (event.kind == OrderEventKind::Sale && line.sku.isEmpty() && line.remoteId.isEmpty())
                line.sku = u"unnamed-line"_s;
        }
    }
    return events;
}

std::optional<LedgerOrder> CoreRuntime::readOrder(const QString &channel, const QString &orderId,
                                                  bool *failed)
{
    OrderLedger ledger(*m_db);
    LedgerOrder order;
    bool found = false;
    *failed = !ledger.readOrder(channel, orderId, &order, &found);
    if (*failed)
        qCWarning(lcRuntime).noquote()
            << channel << "cannot read order" << orderId << ":" << ledger.lastError();
    return found ? std::optional(order) : std::nullopt;
}

bool CoreRuntime::orderKnown(const QString &channel, const QString &orderId)
{
    bool failed = false;
    const bool found = readOrder(channel, orderId, &failed).has_value();
    return found || failed; // unreadable: let the order path decide (it keeps such an event)
}

QString CoreRuntime::stillWaiting(const QString &channel, const QString &orderId)
{
    bool failed = false;
    const std::optional<LedgerOrder> order = readOrder(channel, orderId, &failed);
    if (!order)
        return {};
    ApplyResult described;
    SyncEngine::describeOrder(*order, described);
    return described.outcome == ApplyOutcome::Unmatched ? described.message : QString();
}

QStringList CoreRuntime::unseenRefunds(const QString &channel, const QString &orderId,
                                       const QStringList &refundIds)
{
    const auto events = OrderLedger(*m_db).events(channel, orderId);
    if (!events) {
        qCWarning(lcRuntime).noquote()
            << channel << "cannot read the events of order" << orderId << ":" << events.error();
        return refundIds; // reading again is harmless: each refund id applies once
    }
    const QList<OrderLedger::EventRecord> &recorded = *events;
    QStringList unseen;
    for (const QString &id : refundIds) {
        const bool seen = std::any_of(recorded.cbegin(), recorded.cend(), [&](const auto &r) {
            return r.kind == OrderEventKind::Refund && r.eventId == id;
        });
        if (!seen && !unseen.contains(id))
            unseen.append(id);
    }
    return unseen;
}

void CoreRuntime::readRefunds(const QString &channelId, const QString &orderId,
                              const QStringList &refundIds, int attempt)
{
    auto it = std::find_if(m_channels.begin(), m_channels.end(),
                           [&](const auto &c) { return c->config.id == channelId; });
    if (it == m_channels.end() || !m_running)
        return;
    auto retry = [this, channelId, orderId, refundIds, attempt](const QString &why) {
        if (attempt + 1 >= kRefundReadAttempts || !m_running) {
            // The next delivery naming these refunds (WooCommerce sends order.updated on every
            // change of the order) reads them again.
            qCWarning(lcRuntime).noquote() << channelId << "order" << orderId << "refunds"
                                           << refundIds.join(u", "_s) << "not read:" << why;
            return;
        }
        const int delayMs = std::min(kRefundReadFirstDelayMs << attempt, 60'000);
        QTimer::singleShot(delayMs, this, [this, channelId, orderId, refundIds, attempt] {
            readRefunds(channelId, orderId, refundIds, attempt + 1);
        });
    };
    ChannelReader *reader = (*it)->adapter->reader();
    if (!reader)
        return;
    reader->fetchRefunds(
        orderId, [this, channelId, orderId, refundIds, retry](const FetchOrdersResult &r) {
            if (r.failure != FailureKind::None) {
                retry(r.message);
                return;
            }
            QList<OrderEvent> events;
            for (OrderEvent event : r.orders) {
                if (event.kind != OrderEventKind::Refund || !refundIds.contains(event.eventId))
                    continue;
                event.channel = channelId;
                event.orderId = orderId;
                event.receivedAtMs = m_clock.nowMs();
                events.append(event);
            }
            if (events.isEmpty()) {
                retry(u"the channel does not list them yet"_s);
                return;
            }
            QList<ApplyResult> results;
            applyOrders(channelId, events, &results);
            if (!std::all_of(results.cbegin(), results.cend(),
                             [](const ApplyResult &a) { return a.isFinal(); }))
                retry(u"not applied yet"_s);
        });
}

void CoreRuntime::metricsBuffered()
{
    if (!m_metricsTick.isActive())
        m_metricsTick.start();
}

void CoreRuntime::flushMetrics()
{
    m_metricsTick.stop();
    // One transaction per tick, not a row per acknowledgement.
    if (!m_lagBuffer.isEmpty() || !m_callBuffer.isEmpty()) {
        if (const Status recorded = m_metricsLog->record(m_lagBuffer, m_callBuffer); !recorded)
            qCWarning(lcRuntime) << "cannot persist lag metrics:" << recorded.error();
        m_lagBuffer.clear();
        m_callBuffer.clear();
    }
    if (!m_pushBuffer.isEmpty()) {
        // Kept for the orders' timelines; losing a tick's worth on a database error loses
        // history, not stock.
        if (const Status recorded = PushLog(*m_db).record(m_pushBuffer); !recorded)
            qCWarning(lcRuntime) << "cannot record pushes:" << recorded.error();
        m_pushBuffer.clear();
    }
    const qint64 now = m_clock.nowMs();
    if (now - m_lastPruneMs > 60'000) {
        if (const Status pruned = m_metricsLog->prune(now - MetricsLog::kRetentionMs); !pruned)
            qCWarning(lcRuntime) << "cannot prune the metrics log:" << pruned.error();
        if (const Status pruned = PushLog(*m_db).prune(now); !pruned)
            qCWarning(lcRuntime) << "cannot prune the push log:" << pruned.error();
        m_lastPruneMs = now;
    }
}

void CoreRuntime::housekeeping()
{
    flushMetrics();
    for (const auto &c : m_channels) {
        const QString id = c->config.id;
        const auto dead = m_propagation->count(id, ListingState::State::Dead);
        const auto pending = m_propagation->count(id, ListingState::State::Pending);
        const auto retrying = m_propagation->count(id, ListingState::State::Retrying);
        if (!dead || !pending || !retrying)
            continue; // the store logged why; the gauges keep their last values
        m_monitor->setDeadLetterDepth(id, *dead);
        m_monitor->setPending(id, *pending + *retrying);
    }
    refreshLedgerGauges();
    if (m_reconcile && !m_stopping && !m_options.monitor)
        m_reconcile->tick();
    m_alerts->evaluate();
}

void CoreRuntime::followSharedMetrics()
{
    if (!m_options.monitor || !m_metricsLog)
        return;
    const qint64 since = m_clock.nowMs() - MetricsLog::kRetentionMs;
    if (const Status read = m_metricsLog->follow(*m_monitor, since, &m_metricsFollowed); !read)
        qCWarning(lcRuntime) << "cannot read the workers' metrics:" << read.error();
    m_alerts->evaluate();
}

void CoreRuntime::refreshLedgerGauges()
{
    OrderLedger ledger(*m_db);
    const auto oversold = ledger.oversold();
    const auto unmatched = ledger.unmatched();
    if (!oversold || !unmatched) {
        qCWarning(lcRuntime) << "cannot read the order ledger:"
                             << (oversold ? unmatched.error() : oversold.error());
        return;
    }
    LedgerGauges g;
    QSet<QString> orders;
    for (const OversoldEntry &e : *oversold) {
        orders.insert(e.channel + u'\n' + e.orderId);
        g.unitsOwed += e.owed;
    }
    g.oversoldOrders = orders.size();
    g.unmatchedLines = unmatched->size();
    m_ledgerGauges = g;
}

} // namespace ChannelDesk
