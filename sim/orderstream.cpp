#include "orderstream.h"

namespace ChannelDesk {

OrderStream::OrderStream(Options options)
    : m_options(std::move(options))
    , m_random(quint32(m_options.seed))
{
    Q_ASSERT(!m_options.skus.isEmpty());
    Q_ASSERT(!m_options.channels.isEmpty());
}

QString OrderStream::pickSku()
{
    const int hot = std::min<int>(m_options.hotSkus, int(m_options.skus.size()));
    if (hot > 0 && m_random.generateDouble() < m_options.hotShare)
        return m_options.skus.at(m_random.bounded(hot));
    return m_options.skus.at(m_random.bounded(int(m_options.skus.size())));
}

OrderEvent OrderStream::next(qint64 receivedAtMs)
{
    if (!m_recent.isEmpty() && m_random.generateDouble() < m_options.duplicateShare) {
        OrderEvent again = m_recent.at(m_random.bounded(int(m_recent.size())));
        again.receivedAtMs = receivedAtMs;
        return again;
    }
    OrderEvent e;
    e.channel = m_options.channels.at(m_random.bounded(int(m_options.channels.size())));
    e.orderId = QString::number(m_nextOrder++);
    e.receivedAtMs = receivedAtMs;
    const int lines = m_random.generateDouble() < m_options.multiLineShare ? 2 : 1;
    for (int i = 0; i < lines; ++i)
        e.lines.append({pickSku(), 1 + qint64(m_random.bounded(m_options.maxQuantity))});
    if (m_recent.size() < 256)
        m_recent.append(e);
    else
        m_recent[m_random.bounded(256)] = e;
    return e;
}

QList<OrderEvent> OrderStream::take(int count, qint64 receivedAtMs)
{
    QList<OrderEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i)
        events.append(next(receivedAtMs));
    return events;
}

} // namespace ChannelDesk
