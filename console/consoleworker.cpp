#include "console/consoleworker.h"

#include "carriers/carrierconfig.h"
#include "carriers/rateshopper.h"
#include "carriers/reliabilitystore.h"
#include "console/settingsstore.h"
#include "metrics/alertrules.h"
#include "metrics/lagmonitor.h"
#include "runtime/coreruntime.h"
#include "secrets/secretstore.h"
#include "store/database.h"
#include "store/listingstore.h"
#include "sync/propagator.h"
#include "sync/syncengine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <algorithm>

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
    , m_flush(this) // a child, so it moves to the worker thread with this object
{
    m_flush.setInterval(m_options.flushIntervalMs);
    connect(&m_flush, &QTimer::timeout, this, &ConsoleWorker::flush);
}

ConsoleWorker::~ConsoleWorker()
{
    m_flush.stop();
    // Quotes in flight are abandoned; the shopper reads the core's database.
    m_shopper.reset();
    m_reliability.reset();
    m_network.reset();
    // The demo feeds the runtime: stop it first, then the core, then drop the database files.
    m_demo.reset();
    m_listings.reset();
    m_inventory.reset();
    m_runtime.reset();
}

void ConsoleWorker::start()
{
    m_startRequested = true;
    if (m_options.demo || m_options.config || m_options.configPath.isEmpty()) {
        startWith(std::nullopt);
        return;
    }
    // The keychain entries the file names are read first, on this thread, then the file parsed.
    settings()->load([this](const SettingsStore::Loaded &loaded) {
        if (m_options.secretStore && !loaded.keychainAvailable)
            Q_EMIT logMessage(tr("No keychain service (%1): secrets come from the environment")
                                  .arg(loaded.keychainDetail));
        QString error = loaded.error;
        ChannelsConfig config;
        if (error.isEmpty() && !loaded.fileExists && m_options.configRequired)
            error = tr("config: cannot read %1: no such file").arg(m_options.configPath);
        else if (error.isEmpty() && !loaded.fileExists)
            Q_EMIT logMessage(
                tr("No config at %1 yet: File > Settings creates it").arg(m_options.configPath));
        else if (error.isEmpty())
            readConfig(loaded.json, loaded.secrets, &config, &error);
        if (!error.isEmpty()) {
            Q_EMIT startFailed(error);
            return;
        }
        startWith(config);
    });
}

bool ConsoleWorker::readConfig(const QByteArray &json, const QHash<QString, QByteArray> &keychain,
                               ChannelsConfig *config, QString *error)
{
    SecretSources sources;
    sources.environment = QProcessEnvironment::systemEnvironment();
    if (m_options.secretStore)
        sources.keychain = [keychain](const QString &key) -> std::optional<QByteArray> {
            const auto it = keychain.constFind(key);
            return it == keychain.constEnd() ? std::nullopt : std::optional(*it);
        };
    const ChannelsConfigResult parsed = parseChannelsConfig(json, sources);
    if (!parsed.ok()) {
        *error = parsed.error;
        return false;
    }
    *config = *parsed.config;
    // Carriers do not stop the core: a carrier without its credentials only cannot quote.
    m_fileCarriers.reset();
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.contains(u"carriers"_s)) {
        CarrierSettings carriers;
        QString carrierError;
        if (parseCarrierSettings(json, sources, &carriers, &carrierError))
            m_fileCarriers = carriers;
        else
            Q_EMIT logMessage(tr("Carrier quotes are off: %1").arg(carrierError));
    }
    return true;
}

void ConsoleWorker::startWith(const std::optional<ChannelsConfig> &fileConfig)
{
    QString error;
    if (!startRuntime(fileConfig, &error)) {
        m_demo.reset();
        m_runtime.reset();
        Q_EMIT startFailed(error);
        return;
    }
    connectCore();
    loadStock();
    startQuoting();
    ConsoleInfo info;
    info.channels = m_channelIds;
    info.channelTypes = m_channelTypes;
    info.databaseLocation = m_runtime->database()->location();
    info.demo = m_options.demo;
    info.port = m_runtime->port();
    info.carriers = m_carrierIds;
    info.alerts = m_alerts;
    Q_EMIT started(info);
    Q_EMIT stockLoaded(m_rows.values());
    m_dirty.clear();
    emitChannels();
    m_flush.start();
}

bool ConsoleWorker::startRuntime(const std::optional<ChannelsConfig> &fileConfig, QString *error)
{
    QString location = m_options.databaseLocation;
    ChannelsConfig config;
    if (m_options.demo) {
        m_demo = std::make_unique<DemoDriver>(m_clock, m_options.demoOptions);
        connect(m_demo.get(), &DemoDriver::event, this, &ConsoleWorker::logMessage);
        if (!m_demo->listen(error))
            return false;
        config = m_demo->channelsConfig();
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
    } else if (fileConfig) {
        config = *fileConfig;
    }
    if (location.isEmpty())
        location = Database::defaultLocation();

    CoreRuntime::Options options;
    options.databaseLocation = location;
    options.config = config;
    options.listen = m_options.listen || m_options.demo;
    if (m_options.demo) {
        options.orderPollIntervalMs = 2000;
        options.propagation.backoffBaseMs = 300;
        options.propagation.backoffCapMs = 4000;
        options.propagation.maxAttempts = 6;
        options.propagation.pollIntervalMs = 500;
    }
    for (const ChannelConfig &c : std::as_const(config.channels)) {
        m_channelIndex.insert(c.id, int(m_channelIds.size()));
        m_channelIds.append(c.id);
        m_channelTypes.append(c.type);
    }
    m_alerts = config.alerts;
    m_runtime = std::make_unique<CoreRuntime>(options, m_clock);
    if (!m_runtime->start(error))
        return false;
    m_inventory = std::make_unique<InventoryStore>(*m_runtime->database());
    m_listings = std::make_unique<ListingStore>(*m_runtime->database());
    if (m_demo && !m_demo->start(m_runtime->port(), m_runtime->engine(), error))
        return false;
    Q_EMIT logMessage(tr("Core started on %1").arg(location));
    return true;
}

void ConsoleWorker::connectCore()
{
    connect(m_runtime->engine(), &SyncEngine::mutationsCommitted, this,
            &ConsoleWorker::onMutations);
    connect(m_runtime.get(), &CoreRuntime::orderApplied, this,
            [this] { m_orderTimes.push_back(m_clock.nowMs()); });
    connect(m_runtime.get(), &CoreRuntime::ordersApplied, this, &ConsoleWorker::onOrdersApplied);
    connect(m_runtime.get(), &CoreRuntime::alertRaised, this, [this](const Alert &alert) {
        m_alertsDirty = true;
        Q_EMIT alertRaised(alert);
    });
    connect(m_runtime.get(), &CoreRuntime::alertResolved, this, [this] { m_alertsDirty = true; });
    const QList<Propagator *> propagators = m_runtime->propagators();
    for (Propagator *p : propagators) {
        connect(p, &Propagator::acknowledged, this, &ConsoleWorker::onAcknowledged);
        connect(
            p, &Propagator::attemptFailed, this,
            [this](const QString &channel, const QString &sku, qint64, bool permanent,
                   const QString &message) { onAttemptFailed(channel, sku, permanent, message); });
        connect(p, &Propagator::deadLettered, this, &ConsoleWorker::onDeadLettered);
    }
}

void ConsoleWorker::startQuoting()
{
    CarrierSettings carriers;
    if (m_options.carriers) {
        carriers = *m_options.carriers;
    } else if (m_demo) {
        carriers = m_demo->carrierSettings();
    } else if (m_fileCarriers) {
        // The channels config file may hold the carriers too (docs/carriers.md), read with the
        // channels (keychain first, then the environment); without them, or with a bad entry,
        // the console runs and quoting says there is no carrier.
        carriers = *m_fileCarriers;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_reliability = std::make_unique<ReliabilityStore>(*m_runtime->database(), m_clock);
    m_shopper =
        std::make_unique<RateShopper>(carriers, m_network.get(), m_clock, m_reliability.get());
    connect(m_shopper.get(), &RateShopper::finished, this,
            [this](quint64 id, const QuoteResult &result) {
                Q_EMIT quoteFinished(m_quoteRequests.take(id), result);
            });
    m_carrierIds.clear();
    for (const CarrierConfig &c : std::as_const(carriers.carriers)) {
        if (c.enabled)
            m_carrierIds.append(c.id);
    }
}

void ConsoleWorker::onOrdersApplied(const QList<OrderEvent> &events,
                                    const QList<ApplyResult> &results)
{
    // Memory only, and bounded: the order path pays for a few list operations, no I/O.
    for (qsizetype i = 0; i < events.size() && i < results.size(); ++i) {
        if (results.at(i).outcome != ApplyOutcome::Applied)
            continue;
        m_recentOrders.push_back(events.at(i));
        if (m_recentOrders.size() > size_t(kRecentOrders))
            m_recentOrders.pop_front();
        m_unsentOrders = std::min<qsizetype>(m_unsentOrders + 1, kRecentOrders);
    }
}

void ConsoleWorker::requestQuote(quint64 requestId, const ShipmentRequest &request)
{
    if (!m_shopper) {
        QuoteResult result;
        result.orderId = request.orderId;
        result.explanation = tr("The core is not running.");
        Q_EMIT quoteFinished(requestId, result);
        return;
    }
    m_quoteRequests.insert(m_shopper->quote(request), requestId);
}

void ConsoleWorker::loadStock()
{
    const auto read = m_inventory->allStock();
    if (!read)
        Q_EMIT logMessage(tr("Cannot read the stock: %1").arg(read.error()));
    const QList<StockLevel> levels = read.valueOr({});
    m_rows.clear();
    m_rows.reserve(levels.size());
    for (const StockLevel &s : std::as_const(levels)) {
        StockRow &r = row(s.sku);
        r.title = s.title;
        r.available = s.available;
        r.safetyBuffer = s.safetyBuffer;
        r.version = s.version;
        r.paused = s.paused;
    }
    const QList<ListingState> listings = m_listings->listings();
    for (const ListingState &l : listings) {
        if (ListingCell *c = cell(l.channel, l.sku)) {
            c->listed = true;
            c->state = l.state;
            c->ackedQuantity = l.ackedQuantity.value_or(-1);
            c->outOfSyncSinceMs = l.state == ListingState::State::InSync ? 0 : l.pendingSinceMs;
            c->lastError = l.lastError;
        }
    }
}

StockRow &ConsoleWorker::row(const QString &sku)
{
    auto it = m_rows.find(sku);
    if (it == m_rows.end()) {
        it = m_rows.insert(sku, StockRow());
        it->sku = sku;
        it->channels.resize(m_channelIds.size());
    }
    return *it;
}

ListingCell *ConsoleWorker::cell(const QString &channel, const QString &sku)
{
    const int index = m_channelIndex.value(channel, -1);
    if (index < 0)
        return nullptr;
    m_dirty.insert(sku);
    return &row(sku).channels[index];
}

void ConsoleWorker::reloadListings(const QString &sku)
{
    const QList<ListingState> listings = m_listings->listings(QString(), sku);
    for (const ListingState &l : listings) {
        if (ListingCell *c = cell(l.channel, l.sku)) {
            c->listed = true;
            c->state = l.state;
            c->ackedQuantity = l.ackedQuantity.value_or(-1);
            c->outOfSyncSinceMs = l.state == ListingState::State::InSync ? 0 : l.pendingSinceMs;
            c->lastError = l.lastError;
        }
    }
}

void ConsoleWorker::onMutations(const QList<Mutation> &mutations)
{
    for (const Mutation &m : mutations) {
        if (m.kind == MutationKind::DeadLetterRetry || m.kind == MutationKind::DeadLetterDiscard) {
            m_deadLettersDirty = true;
            continue;
        }
        if (m.kind == MutationKind::OversellAttempt || m.kind == MutationKind::UnknownSku ||
            m.kind == MutationKind::Unmatched || m.kind == MutationKind::Resolve)
            continue; // no stock moved
        StockRow &r = row(m.sku);
        if (m.version < r.version)
            continue;
        r.available = m.availableAfter;
        r.version = m.version;
        r.paused = m.pausedAfter;
        for (ListingCell &c : r.channels) {
            if (!c.listed)
                continue;
            if (c.outOfSyncSinceMs == 0)
                c.outOfSyncSinceMs = m.atMs;
            if (c.state != ListingState::State::Dead)
                c.state = ListingState::State::Pending;
        }
        m_dirty.insert(m.sku);
    }
}

void ConsoleWorker::onAcknowledged(const QString &channel, const QString &sku, qint64 version,
                                   qint64 quantity, qint64 lagMs)
{
    if (ListingCell *c = cell(channel, sku)) {
        c->listed = true;
        c->ackedQuantity = quantity;
        c->lagMs = lagMs;
        c->state = version >= m_rows.value(sku).version ? ListingState::State::InSync
                                                        : ListingState::State::Pending;
        if (c->state == ListingState::State::InSync)
            c->outOfSyncSinceMs = 0;
        c->lastError.clear();
    }
    touchDeadLetter(channel, sku);
}

void ConsoleWorker::onAttemptFailed(const QString &channel, const QString &sku, bool permanent,
                                    const QString &message)
{
    if (ListingCell *c = cell(channel, sku)) {
        c->state = permanent ? ListingState::State::Dead : ListingState::State::Retrying;
        c->lastError = message;
    }
    m_lastErrors.insert(channel, {message, m_clock.nowMs()});
    touchDeadLetter(channel, sku);
}

void ConsoleWorker::onDeadLettered(const QString &channel, const QString &sku,
                                   const QString &message)
{
    if (ListingCell *c = cell(channel, sku)) {
        c->state = ListingState::State::Dead;
        c->lastError = message;
    }
    m_deadLettersDirty = true;
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
        const int n = m_listings->retryDeadLetters({k.channel, k.sku}, m_options.actor,
                                                   m_clock.nowMs(), &error);
        if (n < 0)
            break;
        count += n;
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

void ConsoleWorker::discardDeadLetters(const QList<DeadLetterKey> &keys, const QString &reason)
{
    if (!m_runtime)
        return;
    int count = 0;
    QString error;
    for (const DeadLetterKey &k : keys) {
        const int n = m_listings->discardDeadLetters({k.channel, k.sku}, m_options.actor, reason,
                                                     m_clock.nowMs(), &error);
        if (n < 0)
            break;
        count += n;
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
    if (!m_dirty.isEmpty()) {
        QList<StockRow> rows;
        rows.reserve(m_dirty.size());
        for (const QString &sku : std::as_const(m_dirty))
            rows.append(m_rows.value(sku));
        m_dirty.clear();
        Q_EMIT stockChanged(rows);
    }
    if (m_deadLettersDirty) {
        m_deadLettersDirty = false;
        QList<ListingStore::DeadLetter> letters;
        QString error;
        if (m_listings->deadLetters({}, &letters, &error)) {
            m_deadLetterKeys.clear();
            for (const ListingStore::DeadLetter &d : std::as_const(letters))
                m_deadLetterKeys.insert(keyOf(d.channel, d.sku));
            Q_EMIT deadLettersChanged(letters);
        }
    }
    if (m_alertsDirty) {
        m_alertsDirty = false;
        Q_EMIT alertsChanged(m_runtime->alertRules()->activeAlerts());
    }
    if (m_unsentOrders > 0) {
        QList<OrderEvent> orders;
        orders.reserve(m_unsentOrders);
        for (auto it = m_recentOrders.end() - m_unsentOrders; it != m_recentOrders.end(); ++it)
            orders.append(*it);
        m_unsentOrders = 0;
        Q_EMIT ordersReceived(orders);
    }
    if (++m_flushes % std::max(1, m_options.statsEveryFlushes) == 0)
        emitChannels();
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

SettingsStore *ConsoleWorker::settings()
{
    if (!m_settings) {
        std::unique_ptr<SecretStore> secrets;
        if (m_options.secretStore)
            secrets = m_options.secretStore();
        m_settings = std::make_unique<SettingsStore>(m_options.configPath, std::move(secrets));
    }
    return m_settings.get();
}

void ConsoleWorker::loadSettings()
{
    if (m_options.demo && m_demo) {
        SettingsSnapshot snapshot;
        snapshot.demo = true;
        snapshot.json = QJsonDocument(channelsConfigToJson(m_demo->channelsConfig())).toJson();
        Q_EMIT settingsLoaded(snapshot);
        return;
    }
    settings()->load([this](const SettingsStore::Loaded &loaded) {
        SettingsSnapshot snapshot;
        snapshot.configPath = m_settings->configPath();
        snapshot.json = loaded.json;
        snapshot.fileExists = loaded.fileExists;
        snapshot.error = loaded.error;
        snapshot.demo = m_options.demo;
        snapshot.keychainAvailable = loaded.keychainAvailable;
        snapshot.keychainName = loaded.keychainName;
        snapshot.keychainDetail = loaded.keychainDetail;
        snapshot.storedSecrets = loaded.secrets.keys(); // the keys only, never the values
        snapshot.storedSecrets.sort();
        Q_EMIT settingsLoaded(snapshot);
    });
}

void ConsoleWorker::saveSettings(const SettingsChange &change)
{
    if (m_options.demo) {
        SettingsSaveResult result;
        result.message = tr("the demo's simulated channels cannot be changed");
        Q_EMIT settingsSaved(result);
        return;
    }
    settings()->save(change, [this](SettingsSaveResult result) {
        if (result.ok) {
            Q_EMIT logMessage(tr("Settings saved to %1").arg(result.configPath));
            result.restarting = m_startRequested;
            if (m_startRequested)
                restart();
        }
        Q_EMIT settingsSaved(result);
    });
}

void ConsoleWorker::restart()
{
    if (m_restarting)
        return;
    m_restarting = true;
    m_flush.stop();
    Q_EMIT logMessage(tr("Restarting the core with the new settings"));
    if (m_runtime && m_runtime->isRunning()) {
        // Calls in flight land first; the runtime is dropped outside its own signal.
        connect(
            m_runtime.get(), &CoreRuntime::stopped, this,
            [this] {
                QMetaObject::invokeMethod(this, &ConsoleWorker::finishRestart,
                                          Qt::QueuedConnection);
            },
            Qt::SingleShotConnection);
        m_runtime->stop();
        return;
    }
    QMetaObject::invokeMethod(this, &ConsoleWorker::finishRestart, Qt::QueuedConnection);
}

void ConsoleWorker::finishRestart()
{
    // Quotes in flight are abandoned (the panel can ask again); the shopper reads the database.
    m_shopper.reset();
    m_reliability.reset();
    m_network.reset();
    for (const quint64 requester : std::as_const(m_quoteRequests)) {
        QuoteResult abandoned;
        abandoned.explanation = tr("The core restarted with new settings; ask for quotes again.");
        Q_EMIT quoteFinished(requester, abandoned);
    }
    m_quoteRequests.clear();
    m_listings.reset();
    m_inventory.reset();
    m_runtime.reset();
    m_channelIds.clear();
    m_channelTypes.clear();
    m_channelIndex.clear();
    m_rows.clear();
    m_dirty.clear();
    m_deadLetterKeys.clear();
    m_lastErrors.clear();
    m_orderTimes.clear();
    m_deadLettersDirty = true;
    m_alertsDirty = true;
    m_flushes = 0;
    m_restarting = false;
    start();
}

} // namespace ChannelDesk
