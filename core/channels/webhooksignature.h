#pragma once

#include <QByteArray>
#include <QList>

namespace ChannelDesk {

// True when `signatureHeader` is the base64 HMAC-SHA256 of `body` under any of `secrets`
// (Shopify's X-Shopify-Hmac-Sha256 and WooCommerce's X-WC-Webhook-Signature both use this
// scheme). The comparison takes the same time wherever the first difference is.
bool verifyBase64HmacSha256(const QByteArray &body, const QByteArray &signatureHeader,
                            const QList<QByteArray> &secrets);

// Compares two byte strings in time that depends only on their lengths.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace ChannelDesk
