#pragma once

#include "carriers/carrierconfig.h"
#include "carriers/quoteresult.h"

#include <QHash>
#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace ChannelDesk {

class CarrierAdapter;
class Clock;
class ReliabilityStore;

// Asks every enabled carrier for rates at once and chooses one (DESIGN §5). Each carrier has its
// own deadline (CarrierConfig::timeoutMs, default 3 s): a carrier that is slow or fails becomes
// an error in a partial result, never a blocked quote. The choice is QuoteRanker's. With a
// ReliabilityStore, history comes from it and every request and its choice is recorded there.
// Lives on the thread of its QNetworkAccessManager; never blocks.
class RateShopper : public QObject
{
    Q_OBJECT
public:
    RateShopper(const CarrierSettings &settings, QNetworkAccessManager *network, const Clock &clock,
                ReliabilityStore *store = nullptr, QObject *parent = nullptr);
    ~RateShopper() override;

    // Starts a quote; finished(id, ...) answers it, later, on this thread.
    quint64 quote(const ShipmentRequest &request);
    // How many quote requests are still waiting for carriers.
    int pendingCount() const { return int(m_runs.size()); }

    const QList<CarrierAdapter *> &adapters() const { return m_adapters; }
    const QuoteSettings &settings() const { return m_settings; }

Q_SIGNALS:
    void finished(quint64 id, const ChannelDesk::QuoteResult &result);

private:
    struct Run;
    void carrierAnswered(quint64 id, CarrierAdapter *adapter, const QList<CarrierQuote> &quotes,
                         const QList<CarrierError> &errors);
    void complete(quint64 id);

    QuoteSettings m_settings;
    const Clock &m_clock;
    ReliabilityStore *m_store;
    QList<CarrierAdapter *> m_adapters;
    quint64 m_nextId = 1;
    QHash<quint64, Run *> m_runs;
};

} // namespace ChannelDesk
