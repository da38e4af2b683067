#include "webhooksignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace ChannelDesk {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

bool verifyBase64HmacSha256(const QByteArray &body, const QByteArray &signatureHeader,
                            const QList<QByteArray> &secrets)
{
    const auto decoded = QByteArray::fromBase64Encoding(signatureHeader.trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return false;
    const QByteArray &presented = decoded.decoded;
    bool matched = false;
    // Every secret is tried, even after a match, so the time taken says nothing about which.
    for (const QByteArray &secret : secrets) {
        if (secret.isEmpty())
            continue;
        const QByteArray expected =
            QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256);
        matched = constantTimeEquals(expected, presented) || matched;
    }
    return matched;
}

} // namespace ChannelDesk
