#include "console/quoteservice.h"

#include "carriers/rateshopper.h"
#include "carriers/reliabilitystore.h"

#include <QNetworkAccessManager>

#include <algorithm>

namespace ChannelDesk {

QuoteService::QuoteService(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

QuoteService::~QuoteService()
{
    // The shopper's adapters use the network manager: they go first.
    m_shopper.reset();
    m_reliability.reset();
    m_network.reset();
}

void QuoteService::start(const CarrierSettings &carriers, Database &db)
{
    m_shopper.reset();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_reliability = std::make_unique<ReliabilityStore>(db, m_clock);
    m_shopper =
        std::make_unique<RateShopper>(carriers, m_network.get(), m_clock, m_reliability.get());
    connect(m_shopper.get(), &RateShopper::finished, this,
            [this](quint64 id, const QuoteResult &result) {
                Q_EMIT quoteFinished(m_requests.take(id), result);
            });
    m_carrierIds.clear();
    for (const CarrierConfig &c : carriers.carriers) {
        if (c.enabled)
            m_carrierIds.append(c.id);
    }
}

void QuoteService::stop(const QString &explanation)
{
    // The shopper reads the database that is about to go: it goes first, unanswered.
    m_shopper.reset();
    m_reliability.reset();
    m_network.reset();
    m_carrierIds.clear();
    const QList<quint64> requesters = m_requests.values();
    m_requests.clear();
    for (const quint64 requester : requesters) {
        QuoteResult abandoned;
        abandoned.explanation = explanation;
        Q_EMIT quoteFinished(requester, abandoned);
    }
}

void QuoteService::quote(quint64 requestId, const ShipmentRequest &request)
{
    if (!m_shopper) {
        QuoteResult result;
        result.orderId = request.orderId;
        result.explanation = tr("The core is not running.");
        Q_EMIT quoteFinished(requestId, result);
        return;
    }
    m_requests.insert(m_shopper->quote(request), requestId);
}

void QuoteService::addApplied(const QList<OrderEvent> &events, const QList<ApplyResult> &results)
{
    // Memory only, and bounded: the order path pays for a few list operations, no I/O. Every
    // sale that took stock is a shipment to quote, oversold or partly waiting alike.
    for (qsizetype i = 0; i < events.size() && i < results.size(); ++i) {
        const ApplyOutcome outcome = results.at(i).outcome;
        if (events.at(i).kind != OrderEventKind::Sale ||
            (outcome != ApplyOutcome::Applied && outcome != ApplyOutcome::Oversold &&
             outcome != ApplyOutcome::Unmatched))
            continue;
        m_recentOrders.push_back(events.at(i));
        if (m_recentOrders.size() > size_t(kRecentOrders))
            m_recentOrders.pop_front();
        m_unsent = std::min<qsizetype>(m_unsent + 1, kRecentOrders);
    }
}

QList<OrderEvent> QuoteService::takeNewOrders()
{
    QList<OrderEvent> orders;
    orders.reserve(m_unsent);
    for (auto it = m_recentOrders.end() - m_unsent; it != m_recentOrders.end(); ++it)
        orders.append(*it);
    m_unsent = 0;
    return orders;
}

} // namespace ChannelDesk
