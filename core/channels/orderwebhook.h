#pragma once

#include "channels/webhook.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace ChannelDesk {

// How a channel signs and labels its order webhooks (Shopify, WooCommerce): a base64
// HMAC-SHA256 of the raw body in one header, the topic in another. Header names are lower-case.
struct OrderWebhookFormat
{
    QByteArray deliveryIdHeader;
    QByteArray signatureHeader;
    QString signatureName; // the header as the channel's docs spell it, for messages
    QByteArray topicHeader;
    QStringList orderTopics; // the topics that take stock; a webhook without a topic is one
    // A ping the channel sends on saving a webhook, signed or not: Ignored, unless its signature
    // is present and wrong. Null: the channel sends none.
    bool (*isPing)(const QByteArray &body) = nullptr;
};

// The checks every order webhook opens with, in order: the signature (before any parsing), the
// ping, the topic, then a JSON object body. Returns that object, with result's deliveryId and
// topic set and its kind BadRequest (for the channel's own checks to follow); anything else
// sets result's kind and message and returns nothing.
std::optional<QJsonObject> openOrderWebhook(const WebhookRequest &request,
                                            const QList<QByteArray> &secrets,
                                            const OrderWebhookFormat &format,
                                            WebhookResult *result);

// Reads the id named `key` of `object` (a number, or a string of digits) into result's orderId;
// false, with result's message naming `field`, when it is missing.
bool readOrderId(const QJsonObject &object, const QString &key, const QString &field,
                 WebhookResult *result);

// Reads an array of line items into lines. Each must be an object with a positive integer
// `quantityKey`, else *error names the first that is not (as field[i].quantityKey) and false is
// returned. A line's sku is trimmed, its "id" is the line id, and remoteIdOf(line) names the
// channel's product or variant (may be empty).
bool readOrderLines(const QJsonArray &items, const QString &field,
                    const std::function<QString(const QJsonObject &line)> &remoteIdOf,
                    QList<OrderLine> *lines, QString *error, const QString &quantityKey = {});

} // namespace ChannelDesk
