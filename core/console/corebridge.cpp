#include "console/corebridge.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk {

CoreBridge::CoreBridge(ConsoleWorker::Options options, QObject *parent)
    : QObject(parent)
    , m_worker(new ConsoleWorker(std::move(options)))
{
    registerConsoleTypes();
    registerSettingsTypes();
    m_thread.setObjectName(u"channeldesk-core"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &ConsoleWorker::started, this, [this](const ConsoleInfo &info) {
        m_info = info;
        m_started = true;
        Q_EMIT started(info);
    });
    connect(m_worker, &ConsoleWorker::startFailed, this, &CoreBridge::startFailed);
    connect(m_worker, &ConsoleWorker::stockLoaded, this, &CoreBridge::stockLoaded);
    connect(m_worker, &ConsoleWorker::stockChanged, this, &CoreBridge::stockChanged);
    connect(m_worker, &ConsoleWorker::channelsChanged, this, &CoreBridge::channelsChanged);
    connect(m_worker, &ConsoleWorker::statusChanged, this, &CoreBridge::statusChanged);
    connect(m_worker, &ConsoleWorker::deadLettersChanged, this, &CoreBridge::deadLettersChanged);
    connect(m_worker, &ConsoleWorker::lagSeriesReady, this, &CoreBridge::lagSeriesReady);
    connect(m_worker, &ConsoleWorker::auditReady, this, &CoreBridge::auditReady);
    connect(m_worker, &ConsoleWorker::alertsChanged, this, &CoreBridge::alertsChanged);
    connect(m_worker, &ConsoleWorker::alertRaised, this, &CoreBridge::alertRaised);
    connect(m_worker, &ConsoleWorker::adjustFinished, this, &CoreBridge::adjustFinished);
    connect(m_worker, &ConsoleWorker::deadLetterActionFinished, this,
            &CoreBridge::deadLetterActionFinished);
    connect(m_worker, &ConsoleWorker::logMessage, this, &CoreBridge::logMessage);
    connect(m_worker, &ConsoleWorker::settingsLoaded, this, &CoreBridge::settingsLoaded);
    connect(m_worker, &ConsoleWorker::settingsSaved, this, &CoreBridge::settingsSaved);
    connect(m_worker, &ConsoleWorker::ordersReceived, this, &CoreBridge::ordersReceived);
    connect(m_worker, &ConsoleWorker::quoteFinished, this, &CoreBridge::quoteFinished);
    m_thread.start();
}

CoreBridge::~CoreBridge()
{
    m_thread.quit();
    m_thread.wait();
}

template<typename F> void CoreBridge::post(F &&f)
{
    QMetaObject::invokeMethod(m_worker, std::forward<F>(f), Qt::QueuedConnection);
}

void CoreBridge::start()
{
    post([w = m_worker] { w->start(); });
}

void CoreBridge::adjustStock(const QString &sku, qint64 delta, const QString &reason)
{
    post([w = m_worker, sku, delta, reason] { w->adjustStock(sku, delta, reason); });
}

void CoreBridge::refreshDeadLetters()
{
    post([w = m_worker] { w->refreshDeadLetters(); });
}

void CoreBridge::retryDeadLetters(const QList<DeadLetterKey> &keys)
{
    post([w = m_worker, keys] { w->retryDeadLetters(keys); });
}

void CoreBridge::discardDeadLetters(const QList<DeadLetterKey> &keys, const QString &reason)
{
    post([w = m_worker, keys, reason] { w->discardDeadLetters(keys, reason); });
}

void CoreBridge::requestLagSeries(qint64 windowMs, int points)
{
    post([w = m_worker, windowMs, points] { w->requestLagSeries(windowMs, points); });
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

} // namespace ChannelDesk
