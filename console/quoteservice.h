#pragma once

#include "carriers/carrierconfig.h"
#include "carriers/quoteresult.h"
#include "domain/applyresult.h"
#include "domain/orderevent.h"
#include "util/clock.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <deque>
#include <memory>

class QNetworkAccessManager;

namespace ChannelDesk {

class Database;
class RateShopper;
class ReliabilityStore;

// Carrier quotes for the console, on the core thread: a RateShopper over the configured
// carriers (with their delivery history from the core's database), the requester's ids mapped
// to the shopper's, and the last sales the core took, for the quotes panel to pick from.
class QuoteService : public QObject
{
    Q_OBJECT
public:
    // How many sales are kept for the quotes panel.
    static constexpr int kRecentOrders = 200;

    explicit QuoteService(const Clock &clock, QObject *parent = nullptr);
    ~QuoteService() override;

    // Quotes with these carriers from now on; the reliability history is read from db.
    void start(const CarrierSettings &carriers, Database &db);
    // Abandons the quotes in flight (each answered with `explanation`) and forgets the
    // carriers and the database; the recent orders are kept.
    void stop(const QString &explanation);
    bool isStarted() const { return m_shopper != nullptr; }
    // The enabled carriers' ids, in config order.
    const QStringList &carrierIds() const { return m_carrierIds; }

    // Asks every carrier at once; quoteFinished(requestId, ...) answers, later (at once when
    // the service is not started).
    void quote(quint64 requestId, const ChannelDesk::ShipmentRequest &request);

    // A batch of the order path (results[i] answers events[i]): its sales are remembered.
    void addApplied(const QList<ChannelDesk::OrderEvent> &events,
                    const QList<ChannelDesk::ApplyResult> &results);
    // The sales remembered since the last call, oldest first (at most kRecentOrders).
    QList<OrderEvent> takeNewOrders();
    qsizetype recentCount() const { return qsizetype(m_recentOrders.size()); }

Q_SIGNALS:
    void quoteFinished(quint64 requestId, const ChannelDesk::QuoteResult &result);

private:
    const Clock &m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ReliabilityStore> m_reliability;
    std::unique_ptr<RateShopper> m_shopper;
    QStringList m_carrierIds;
    QHash<quint64, quint64> m_requests; // the shopper's id -> the requester's
    std::deque<OrderEvent> m_recentOrders; // oldest first
    qsizetype m_unsent = 0; // how many of them takeNewOrders() has not returned yet
};

} // namespace ChannelDesk
