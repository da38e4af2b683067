// ConsoleWorker's side of the Settings dialog: settings read and saved through the
// SettingsController, and the core restarted on the new ones (stopped first, so calls in flight
// land, then started again with everything derived from the old core dropped). Runs on the
// worker thread.
#include "console/consoleworker.h"
#include "runtime/coreruntime.h"
#include "store/database.h"
#include "store/deadletterqueue.h"
#include "store/inventorystore.h"
#include "store/propagationstore.h"

#include <QUrl>

namespace ChannelDesk {

void ConsoleWorker::loadSettings()
{
    m_settings.loadSettings();
}

void ConsoleWorker::saveSettings(const SettingsChange &change)
{
    m_databaseChanged = change.databaseLocation.has_value();
    m_settings.saveSettings(change);
}

QString ConsoleWorker::databaseFromSettings(const SettingsController::StartConfig &fileConfig)
{
    if (fileConfig.databaseLocation.isEmpty())
        return Database::defaultLocation();
    QString location = fileConfig.databaseLocation;
    // The keychain's password joins the URL only here, in memory: the core opens it and every
    // message shows it redacted (Database::shownLocation).
    if (Database::isPostgresLocation(location) && !fileConfig.databasePassword.isEmpty()) {
        QUrl url(location);
        if (url.password().isEmpty()) {
            url.setPassword(QString::fromUtf8(fileConfig.databasePassword));
            location = url.toString();
        }
    }
    return location;
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
    m_quotes.stop(tr("The core restarted with new settings; ask for quotes again."));
    abandonListingPulls(tr("The core restarted with new settings; import the listings again."));
    m_propagation.reset();
    m_deadLetters.reset();
    m_inventory.reset();
    m_runtime.reset();
    m_channelIds.clear();
    m_channelTypes.clear();
    m_channelBuffers.clear();
    m_stock.setChannels({});
    m_deadLetterKeys.clear();
    m_deadLetterSkus.clear();
    m_lastErrors.clear();
    m_orderTimes.clear();
    m_shared = {};
    m_deadLettersDirty = true;
    m_alertsDirty = true;
    m_ordersDirty = true;
    m_flushes = 0;
    m_restarting = false;
    start();
}

} // namespace ChannelDesk
