#pragma once

#include "carriers/quoteresult.h"
#include "channels/connectioncheck.h"
#include "console/consoletypes.h"
#include "console/deadletterdetail.h"
#include "console/settingstypes.h"
#include "domain/mutation.h"
#include "domain/orderevent.h"
#include "metrics/alert.h"
#include "metrics/whatif.h"
#include "store/deadletterqueue.h"
#include "store/driftstore.h"
#include "store/ordertimeline.h"
#include "sync/stockimportpreview.h"

#include <QList>
#include <QObject>
#include <QString>

namespace ChannelDesk {

// What the core thread tells the console, declared once. ConsoleWorker emits these on the core
// thread; CoreBridge connects each of them to its own twin and so re-emits it on the GUI thread.
// A new signal is added here only, and reaches the GUI without a second declaration.
class ConsoleEvents : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void started(const ChannelDesk::ConsoleInfo &info);
    void startFailed(const QString &error);
    void stockLoaded(const QList<ChannelDesk::StockRow> &rows);
    void stockChanged(const QList<ChannelDesk::StockRow> &rows);
    void channelsChanged(const QList<ChannelDesk::ChannelRow> &channels);
    void statusChanged(const ChannelDesk::ConsoleStatus &status);
    void deadLettersChanged(const QList<ChannelDesk::DeadLetter> &letters);
    void lagSeriesReady(const ChannelDesk::LagSeriesSet &series);
    // The Lag tab's what-if: the audit log replayed at a polling interval (error: why not).
    void whatIfReady(const ChannelDesk::WhatIf::Report &report, const QString &error);
    void auditReady(const QList<ChannelDesk::Mutation> &mutations, const QString &error);
    void alertsChanged(const QList<ChannelDesk::Alert> &active);
    void alertRaised(const ChannelDesk::Alert &alert);
    void adjustFinished(const QString &sku, bool ok, const QString &message);
    // A listing's buffer override was saved (or refused, with why).
    void bufferSaved(const QString &channel, const QString &sku, bool ok, const QString &message);
    void deadLetterActionFinished(int count, const QString &error);
    void logMessage(const QString &message);
    void settingsLoaded(const ChannelDesk::SettingsSnapshot &snapshot);
    void settingsSaved(const ChannelDesk::SettingsSaveResult &result);
    // Orders applied since the last flush, oldest first (at most ConsoleWorker::kRecentOrders).
    void ordersReceived(const QList<ChannelDesk::OrderEvent> &orders);
    void quoteFinished(quint64 requestId, const ChannelDesk::QuoteResult &result);
    // The Orders tab's data, when it asked and something changed since the last answer.
    void ordersChanged(const ChannelDesk::OrdersSnapshot &orders);
    // One order's timeline; timeline.found is false when there is no such order.
    void orderTimelineReady(const QString &channel, const QString &orderId,
                            const ChannelDesk::OrderTimeline &timeline, const QString &error);
    void orderActionFinished(const ChannelDesk::OrderActionResult &result);
    // The Drift view: every listing the last reconciliations found drifting, by channel and SKU.
    void driftChanged(const QList<ChannelDesk::DriftRow> &rows);
    // The Deliveries view: the inbox's deliveries under its filter, newest first, and how many
    // wait to be applied.
    void deliveriesChanged(const QList<ChannelDesk::InboxEntry> &rows, qint64 backlog);
    // A fix or a reconciliation asked from the Drift view finished: how many listings were sent
    // again (a fix) or compared (a run), or why not.
    void driftActionFinished(int count, const QString &error);
    // One dead letter's attempts and the orders behind it (requestDeadLetterDetail).
    void deadLetterDetailReady(const ChannelDesk::DeadLetterDetail &detail);
    // An import of listings (ConsoleWorker::pullListings): how many listings were read so far,
    // after each page of the catalogue; then its answer, once.
    void listingPullProgress(quint64 requestId, int listingsRead);
    void listingPullFinished(const ChannelDesk::ListingPullAnswer &answer);
    // File > Import stock…: the file checked against the stock, then the import's outcome.
    void stockImportPreviewed(quint64 requestId, const QString &path,
                              const ChannelDesk::StockImportPreview &preview);
    void stockImportFinished(quint64 requestId, bool ok, const QString &message);
    // A file the console asked to write (an export): error is empty when it was written.
    void fileWritten(quint64 requestId, const QString &path, const QString &error);
    // Connect a channel's "Test connection": the channel's answer to one read call.
    void connectionTested(quint64 requestId, const ChannelDesk::ConnectionCheck &check);
};

} // namespace ChannelDesk
