#include "console/corebridge.h"

#include <QMetaMethod>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

CoreBridge::CoreBridge(ConsoleWorker::Options options, QObject *parent)
    : ConsoleEvents(parent)
    , m_worker(new ConsoleWorker(std::move(options)))
    , m_calls(new PostedCalls)
{
    registerConsoleTypes();
    registerSettingsTypes();
    m_thread.setObjectName(u"channeldesk-core"_s);
    m_worker->moveToThread(&m_thread);
    m_calls->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(&m_thread, &QThread::finished, m_calls, &QObject::deleteLater);

    // started is not forwarded by Qt: its info is copied on the core thread, when the worker
    // emits it, and handed to this thread through m_back's std::mutex (ThreadSanitizer does not
    // see the lock of Qt's event queue, and the info is read here). It is posted before the
    // worker's next signals are queued, so the bridge knows the info when the GUI hears of it.
    connect(
        m_worker, &ConsoleEvents::started, this,
        [this](const ConsoleInfo &info) {
            m_back.push([this, info] {
                m_info = info;
                m_started = true;
                Q_EMIT started(m_info);
            });
        },
        Qt::DirectConnection);
    // Every other signal of ConsoleEvents, from the worker's thread to its twin here.
    const QMetaObject &events = ConsoleEvents::staticMetaObject;
    const QMetaMethod startedSignal = QMetaMethod::fromSignal(&ConsoleEvents::started);
    for (int i = events.methodOffset(); i < events.methodCount(); ++i) {
        const QMetaMethod signal = events.method(i);
        if (signal.methodType() == QMetaMethod::Signal && signal != startedSignal)
            connect(m_worker, signal, this, signal, Qt::QueuedConnection);
    }
    m_thread.start();
}

CoreBridge::~CoreBridge()
{
    m_thread.quit();
    m_thread.wait();
}

template<typename F> void CoreBridge::post(F &&f)
{
    m_calls->push(std::forward<F>(f));
}

void CoreBridge::start()
{
    post([w = m_worker] { w->start(); });
}

quint64 CoreBridge::previewStockImport(const QString &path)
{
    const quint64 id = m_nextFileId++;
    post([w = m_worker, id, path] { w->previewStockImport(id, path); });
    return id;
}

quint64 CoreBridge::importStock(const QList<StockImportRow> &rows, const QString &reason)
{
    const quint64 id = m_nextFileId++;
    post([w = m_worker, id, rows, reason] { w->importStock(id, rows, reason); });
    return id;
}

quint64 CoreBridge::writeTextFile(const QString &path, const QString &text)
{
    const quint64 id = m_nextFileId++;
    post([w = m_worker, id, path, text] { w->writeTextFile(id, path, text); });
    return id;
}

quint64 CoreBridge::testConnection(const ChannelConfig &config)
{
    const quint64 id = m_nextFileId++;
    post([w = m_worker, id, config] { w->testConnection(id, config); });
    return id;
}

void CoreBridge::adjustStock(const QString &sku, qint64 delta, const QString &reason)
{
    post([w = m_worker, sku, delta, reason] { w->adjustStock(sku, delta, reason); });
}

void CoreBridge::setListingBuffer(const QString &channel, const QString &sku,
                                  const BufferOverride &buffer)
{
    post([w = m_worker, channel, sku, buffer] { w->setListingBuffer(channel, sku, buffer); });
}

void CoreBridge::refreshDeadLetters()
{
    post([w = m_worker] { w->refreshDeadLetters(); });
}

void CoreBridge::refreshDrift()
{
    post([w = m_worker] { w->refreshDrift(); });
}

void CoreBridge::fixDrift(const QList<DeadLetterKey> &listings)
{
    post([w = m_worker, listings] { w->fixDrift(listings); });
}

void CoreBridge::reconcileNow(const QString &channel)
{
    post([w = m_worker, channel] { w->reconcileNow(channel); });
}

void CoreBridge::setDeliveryFilter(const QString &channel, const QString &status)
{
    post([w = m_worker, channel, status] { w->setDeliveryFilter(channel, status); });
}

void CoreBridge::replayDelivery(qint64 id)
{
    post([w = m_worker, id] { w->replayDelivery(id); });
}

quint64 CoreBridge::pullListings(const QString &channel, AdoptPolicy adopt, PullMode mode)
{
    const quint64 id = m_nextPullId++;
    post([w = m_worker, id, channel, adopt, mode] { w->pullListings(id, channel, adopt, mode); });
    return id;
}

void CoreBridge::cancelListingPull(quint64 requestId)
{
    post([w = m_worker, requestId] { w->cancelListingPull(requestId); });
}

void CoreBridge::retryDeadLetters(const QList<DeadLetterKey> &keys)
{
    post([w = m_worker, keys] { w->retryDeadLetters(keys); });
}

void CoreBridge::requestDeadLetterDetail(const DeadLetterKey &key)
{
    post([w = m_worker, key] { w->requestDeadLetterDetail(key); });
}

void CoreBridge::discardDeadLetters(const QList<DeadLetterKey> &keys, const QString &reason)
{
    post([w = m_worker, keys, reason] { w->discardDeadLetters(keys, reason); });
}

void CoreBridge::requestLagSeries(qint64 windowMs, int points)
{
    post([w = m_worker, windowMs, points] { w->requestLagSeries(windowMs, points); });
}

void CoreBridge::requestWhatIf(int pollMinutes, int sinceDays)
{
    post([w = m_worker, pollMinutes, sinceDays] { w->requestWhatIf(pollMinutes, sinceDays); });
}

void CoreBridge::requestAudit(const InventoryStore::AuditFilter &filter)
{
    post([w = m_worker, filter] { w->requestAudit(filter); });
}

void CoreBridge::setChannelSuspended(const QString &channel, bool suspended)
{
    post([w = m_worker, channel, suspended] { w->setChannelSuspended(channel, suspended); });
}

void CoreBridge::loadSettings()
{
    post([w = m_worker] { w->loadSettings(); });
}

void CoreBridge::saveSettings(const SettingsChange &change)
{
    post([w = m_worker, change] { w->saveSettings(change); });
}

quint64 CoreBridge::requestQuote(const ShipmentRequest &request)
{
    const quint64 id = m_nextQuoteId++;
    post([w = m_worker, id, request] { w->requestQuote(id, request); });
    return id;
}

void CoreBridge::requestOrders(ConsoleWorker::OrdersRefresh refresh)
{
    post([w = m_worker, refresh] { w->requestOrders(refresh); });
}

void CoreBridge::requestOrderTimeline(const QString &channel, const QString &orderId)
{
    post([w = m_worker, channel, orderId] { w->requestOrderTimeline(channel, orderId); });
}

void CoreBridge::resolveOversold(const QString &channel, const QString &orderId,
                                 const QString &reason)
{
    post(
        [w = m_worker, channel, orderId, reason] { w->resolveOversold(channel, orderId, reason); });
}

void CoreBridge::resolveUnmatched(const QString &channel, const QString &orderId, int line,
                                  const QString &sku, const QString &reason)
{
    post([w = m_worker, channel, orderId, line, sku, reason] {
        w->resolveUnmatched(channel, orderId, line, sku, reason);
    });
}

} // namespace ChannelDesk
