#pragma once

#include "domain/buffer.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ChannelDesk {

// A listing's buffer override as stored: one SKU on one channel.
struct ListingBuffer
{
    QString channel;
    QString sku;
    BufferOverride buffer;

    friend bool operator==(const ListingBuffer &, const ListingBuffer &) = default;
};

// What every channel should show for every SKU: each channel's config `buffer` and the
// per-listing overrides, resolved by precedence (override, then channel, then the defaults).
// A value: build one from the config (bufferRules() in channels/channelconfig.h) and the
// overrides the store holds (BufferStore::overrides()), then ask it per channel and SKU.
class BufferRules
{
public:
    BufferRules() = default;
    explicit BufferRules(QHash<QString, BufferOverride> channels);

    // The configured channels: overrides for any other channel are refused.
    bool hasChannel(const QString &channel) const { return m_channels.contains(channel); }
    QStringList channels() const { return m_channels.keys(); }
    BufferOverride channel(const QString &channel) const { return m_channels.value(channel); }
    void setChannel(const QString &channel, const BufferOverride &buffer);

    // Replaces every override.
    void setOverrides(const QList<ListingBuffer> &overrides);
    // Sets one override; an empty one removes it.
    void setOverride(const QString &channel, const QString &sku, const BufferOverride &buffer);
    BufferOverride override(const QString &channel, const QString &sku) const;

    BufferRule rule(const QString &channel, const QString &sku) const;
    // What `channel` should show of `sku` with this much available (safetyBuffer is the SKU's).
    ShownQuantity expected(const QString &channel, const QString &sku, qint64 available,
                           qint64 safetyBuffer) const;

private:
    QHash<QString, BufferOverride> m_channels;
    QHash<QString, QHash<QString, BufferOverride>> m_overrides; // channel -> SKU -> override
};

} // namespace ChannelDesk
