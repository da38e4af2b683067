#pragma once

// Builds the signed webhook requests the Shopify and WooCommerce parser tests send.

#include "channels/webhook.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QPair>
#include <QTest>

namespace ChannelDesk::WebhookTest {

// Base64 HMAC-SHA256 of the body, as both channels sign.
inline QByteArray sign(const QByteArray &body, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toBase64();
}

// One channel's webhook headers: its signature and topic header names, the topic a test sends
// unless it says otherwise, and the headers every delivery carries.
struct Channel
{
    QByteArray signatureHeader;
    QByteArray topicHeader;
    QByteArray defaultTopic;
    QList<QPair<QByteArray, QByteArray>> always;

    // A null signature or topic leaves that header out.
    WebhookRequest request(const QByteArray &body, const QByteArray &signature,
                           const QByteArray &topic) const
    {
        WebhookRequest r;
        r.body = body;
        if (!signature.isNull())
            r.headers.insert(signatureHeader, signature);
        if (!topic.isNull())
            r.headers.insert(topicHeader, topic);
        for (const auto &[name, value] : always)
            r.headers.insert(name, value);
        return r;
    }
    WebhookRequest request(const QByteArray &body, const QByteArray &signature) const
    {
        return request(body, signature, defaultTopic);
    }
};

// For a shipTo test: the order has a ship-to exactly when hasShipTo, and then it matches the
// data row's postalCode, country and city.
inline void verifyShipTo(const WebhookResult &result, bool hasShipTo)
{
    QCOMPARE(result.kind, WebhookResult::Kind::Order);
    QCOMPARE(!result.events.value(0).shipTo.isEmpty(), hasShipTo);
    if (!hasShipTo)
        return;
    QTEST(result.events.value(0).shipTo.postalCode, "postalCode");
    QTEST(result.events.value(0).shipTo.country, "country");
    QTEST(result.events.value(0).shipTo.city, "city");
}

} // namespace ChannelDesk::WebhookTest
