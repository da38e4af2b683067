#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace ChannelDesk::Fuzz {

// The fuzzer's bytes, read front to back: a selector byte, a header line, the rest as a body.
// Every target reads its input through this so one corpus file format serves them all.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_bytes(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)))
    {
    }
    // One byte (0 when none is left): picks a topic, a status or a variant.
    uint8_t takeByte()
    {
        if (m_pos >= m_bytes.size())
            return 0;
        return uint8_t(m_bytes.at(m_pos++));
    }
    // Up to the next '\n' (not included), or everything left.
    QByteArray takeLine()
    {
        qsizetype end = m_bytes.indexOf('\n', m_pos);
        if (end < 0)
            end = m_bytes.size();
        QByteArray line(m_bytes.constData() + m_pos, end - m_pos);
        m_pos = qMin(end + 1, m_bytes.size());
        return line;
    }
    // Everything left, as a deep copy (the parsers may keep it).
    QByteArray rest()
    {
        QByteArray all(m_bytes.constData() + m_pos, m_bytes.size() - m_pos);
        m_pos = m_bytes.size();
        return all;
    }

private:
    QByteArray m_bytes;
    qsizetype m_pos = 0;
};

// The HTTP statuses the answer parsers tell apart, picked by a byte.
inline int statusFor(uint8_t selector)
{
    static constexpr int kStatuses[] = {200, 201, 207, 400, 401, 403, 404, 409,
                                        413, 422, 429, 500, 502, 503, 504, 0};
    return kStatuses[selector % (sizeof(kStatuses) / sizeof(kStatuses[0]))];
}

} // namespace ChannelDesk::Fuzz
