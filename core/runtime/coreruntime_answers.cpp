// The local API's reads (GET /v1/inventory/<sku>, /healthz, /metrics), from the store and the
// monitor on the core's thread; HttpApi makes statuses of them.
#include "coreruntime.h"
#include "intake/orderintake.h"
#include "metrics/prometheus.h"
#include "store/bufferstore.h"
#include "store/inventorystore.h"
#include "store/propagationstore.h"
#include "util/timeformat.h"

#include <QJsonArray>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

Result<std::optional<QJsonObject>> CoreRuntime::inventory(const QString &sku) const
{
    const auto found = InventoryStore(*m_db).stock(sku);
    if (!found)
        return Error {found.error()};
    const std::optional<StockLevel> &level = *found;
    if (!level)
        return std::optional<QJsonObject>();
    const auto overrides = BufferStore(*m_db).overrides({}, sku);
    if (!overrides)
        return Error {overrides.error()};
    BufferRules rules = m_bufferRules;
    rules.setOverrides(*overrides);
    const qint64 now = m_clock.nowMs();
    QJsonArray channels;
    const auto listings = m_propagation->listings({}, sku);
    if (!listings)
        return Error {listings.error()};
    for (const ListingState &l : *listings) {
        const ShownQuantity expected =
            rules.expected(l.channel, sku, level->available, level->safetyBuffer);
        QJsonObject c {{u"channel"_s, l.channel},
                       {u"remote_id"_s, l.remoteId},
                       {u"state"_s, stateName(l.state)},
                       {u"acked_version"_s, l.ackedVersion},
                       {u"in_sync"_s, l.ackedVersion >= level->version},
                       {u"expected"_s, expected.quantity},
                       {u"expected_paused"_s, expected.paused}};
        c.insert(u"acked_quantity"_s,
                 l.ackedQuantity ? QJsonValue(*l.ackedQuantity) : QJsonValue(QJsonValue::Null));
        c.insert(u"acked_at"_s,
                 l.ackedAtMs > 0 ? QJsonValue(isoUtc(l.ackedAtMs)) : QJsonValue(QJsonValue::Null));
        c.insert(u"age_ms"_s,
                 l.ackedAtMs > 0 ? QJsonValue(now - l.ackedAtMs) : QJsonValue(QJsonValue::Null));
        channels.append(c);
    }
    return std::optional<QJsonObject>(QJsonObject {{u"sku"_s, level->sku},
                                                   {u"title"_s, level->title},
                                                   {u"available"_s, level->available},
                                                   {u"committed"_s, level->committed},
                                                   {u"on_hand"_s, level->onHand()},
                                                   {u"safety_buffer"_s, level->safetyBuffer},
                                                   {u"version"_s, level->version},
                                                   {u"paused"_s, level->paused},
                                                   {u"channels"_s, channels}});
}

Result<QJsonObject> CoreRuntime::health() const
{
    const auto lastMutation = InventoryStore(*m_db).lastMutationId();
    if (!lastMutation)
        return Error {u"database: %1"_s.arg(lastMutation.error())};
    return QJsonObject {{u"status"_s, u"ok"_s},
                        {u"channels"_s, qint64(m_channels.size())},
                        {u"running"_s, m_running}};
}

QByteArray CoreRuntime::metricsText() const
{
    const auto backlog = m_intake ? m_intake->inbox().backlog() : Result<qint64>(qint64(0));
    return prometheusText(*m_monitor, m_counters, m_ledgerGauges) +
        prometheusIntakeText(m_deliveryCounts, backlog.valueOr(-1));
}

} // namespace ChannelDesk
