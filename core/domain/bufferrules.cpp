#include "bufferrules.h"

namespace ChannelDesk {

BufferRules::BufferRules(QHash<QString, BufferOverride> channels)
    : m_channels(std::move(channels))
{
}

void BufferRules::setChannel(const QString &channel, const BufferOverride &buffer)
{
    m_channels.insert(channel, buffer);
}

void BufferRules::setOverrides(const QList<ListingBuffer> &overrides)
{
    m_overrides.clear();
    for (const ListingBuffer &o : overrides)
        setOverride(o.channel, o.sku, o.buffer);
}

void BufferRules::setOverride(const QString &channel, const QString &sku,
                              const BufferOverride &buffer)
{
    if (!buffer.isEmpty()) {
        m_overrides[channel].insert(sku, buffer);
        return;
    }
    const auto it = m_overrides.find(channel);
    if (it == m_overrides.end())
        return;
    it->remove(sku);
    if (it->isEmpty())
        m_overrides.erase(it);
}

BufferOverride BufferRules::override(const QString &channel, const QString &sku) const
{
    const auto it = m_overrides.constFind(channel);
    return it == m_overrides.constEnd() ? BufferOverride() : it->value(sku);
}

BufferRule BufferRules::rule(const QString &channel, const QString &sku) const
{
    return resolveBufferRule(override(channel, sku), m_channels.value(channel));
}

ShownQuantity BufferRules::expected(const QString &channel, const QString &sku, qint64 available,
                                    qint64 safetyBuffer) const
{
    return shownQuantity(rule(channel, sku), available, safetyBuffer);
}

} // namespace ChannelDesk
