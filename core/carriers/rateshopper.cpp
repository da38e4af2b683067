#include "rateshopper.h"

#include "carriers/carrieradapter.h"
#include "carriers/carrierlog.h"
#include "carriers/quoteranker.h"
#include "carriers/reliabilitystore.h"
#include "util/clock.h"

#include <QDateTime>
#include <QTimer>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

struct RateShopper::Run
{
    ShipmentRequest request;
    QHash<CarrierAdapter *, quint64> pending; // adapter -> its request id
    QList<CarrierQuote> quotes;
    QList<CarrierError> errors;
    qint64 startedNs = 0;
    QObject context; // owns the deadline timers; deleting it stops them
};

RateShopper::RateShopper(const CarrierSettings &settings, QNetworkAccessManager *network,
                         const Clock &clock, ReliabilityStore *store, QObject *parent)
    : QObject(parent)
    , m_settings(settings.quote)
    , m_clock(clock)
    , m_store(store)
{
    qRegisterMetaType<ChannelDesk::QuoteResult>();
    for (const CarrierConfig &c : settings.carriers) {
        if (c.enabled)
            m_adapters.append(CarrierAdapter::create(c, network, clock, this));
    }
}

RateShopper::~RateShopper()
{
    qDeleteAll(m_runs);
}

quint64 RateShopper::quote(const ShipmentRequest &original)
{
    const quint64 id = m_nextId++;
    auto *run = new Run;
    run->request = original;
    // Every carrier quotes the same ship date: the order's, or today by the clock.
    if (!run->request.shipDate.isValid())
        run->request.shipDate = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).date();
    run->startedNs = m_clock.monotonicNs();
    m_runs.insert(id, run);

    for (CarrierAdapter *adapter : std::as_const(m_adapters)) {
        const quint64 call =
            adapter->requestRates(run->request, [this, id, adapter](const CarrierResult &result) {
                carrierAnswered(id, adapter, result.quotes, result.errors);
            });
        run->pending.insert(adapter, call);
        const int deadline = adapter->config().timeoutMs;
        QTimer::singleShot(deadline, &run->context, [this, id, adapter, deadline] {
            const auto it = m_runs.constFind(id);
            if (it == m_runs.constEnd() || !(*it)->pending.contains(adapter))
                return;
            adapter->cancel((*it)->pending.value(adapter));
            CarrierError e;
            e.source = adapter->source();
            e.kind = CarrierErrorKind::Timeout;
            e.message = u"no answer within the %1 ms deadline"_s.arg(deadline);
            qCInfo(lcCarriers) << adapter->source() << "missed its deadline of" << deadline << "ms";
            carrierAnswered(id, adapter, {}, {e});
        });
    }
    if (m_adapters.isEmpty()) {
        // Nothing to wait for; still answer from the event loop, like every other quote.
        QMetaObject::invokeMethod(
            this, [this, id] { complete(id); }, Qt::QueuedConnection);
    }
    return id;
}

void RateShopper::carrierAnswered(quint64 id, CarrierAdapter *adapter,
                                  const QList<CarrierQuote> &quotes,
                                  const QList<CarrierError> &errors)
{
    const auto it = m_runs.constFind(id);
    if (it == m_runs.constEnd())
        return;
    Run *run = *it;
    if (run->pending.remove(adapter) == 0)
        return; // answered after its deadline already counted it
    run->quotes += quotes;
    run->errors += errors;
    if (run->pending.isEmpty())
        complete(id);
}

void RateShopper::complete(quint64 id)
{
    Run *run = m_runs.take(id);
    if (!run)
        return;
    QuoteRanker::HistoryLookup lookup;
    if (m_store) {
        lookup = [this](const QString &carrier, const QString &service, const QString &zone,
                        OnTimeCounts *inZone, OnTimeCounts *allZones) {
            const auto history = m_store->history(carrier, service, zone);
            if (!history) {
                qCWarning(lcCarriers) << "cannot read delivery history:" << history.error();
                return;
            }
            *inZone = history->inZone;
            *allZones = history->allZones;
        };
    }
    // Errors in the order the carriers are configured, so output is stable.
    std::stable_sort(run->errors.begin(), run->errors.end(),
                     [this](const CarrierError &a, const CarrierError &b) {
                         auto index = [this](const QString &source) {
                             for (qsizetype i = 0; i < m_adapters.size(); ++i) {
                                 if (m_adapters.at(i)->source() == source)
                                     return i;
                             }
                             return m_adapters.size();
                         };
                         return index(a.source) < index(b.source);
                     });
    QuoteResult result =
        QuoteRanker(m_settings, lookup).rank(run->request, run->quotes, run->errors);
    result.elapsedMs = (m_clock.monotonicNs() - run->startedNs) / 1'000'000;
    if (m_store) {
        if (const Status recorded = m_store->recordQuoteRequest(result); !recorded)
            qCWarning(lcCarriers) << "cannot record the quote request:" << recorded.error();
    }
    delete run;
    Q_EMIT finished(id, result);
}

} // namespace ChannelDesk
