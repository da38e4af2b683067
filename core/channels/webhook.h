#pragma once

#include "domain/orderevent.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace ChannelDesk {

// An incoming webhook as the HTTP server hands it over: raw body bytes (signatures are over
// these exact bytes) and headers with lower-case names.
struct WebhookRequest
{
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case name -> value
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

// One order line as the channel names it: by SKU when it gives one, else by its own id for the
// product or variant, which the listing mapping (channel, sku, remote_id) resolves.
struct WebhookLine
{
    QString sku;
    QString remoteId;
    qint64 quantity = 0;
};

struct WebhookResult
{
    enum class Kind {
        Order, // a well-formed, signed order that takes stock
        Ignored, // signed (or a ping) but nothing to apply: other topic, pending status...
        BadSignature, // missing or wrong signature: answer 401, change nothing
        BadRequest, // signed but not a valid order: answer 400, change nothing
    };
    Kind kind = Kind::BadRequest;
    QString message; // why, for anything but Order
    QString orderId; // the channel's order id
    QString deliveryId; // the channel's delivery id when it sends one (for logs)
    QList<WebhookLine> lines;
    ShipTo shipTo {}; // the shipping address; empty when the payload has none
};

// Verifies and parses one channel type's order webhooks. `secrets` holds every secret that may
// have signed the body (after a rotation Shopify signs with the old secret for up to an hour).
// Signatures are checked in constant time over the raw bytes, before any parsing.
class WebhookParser
{
public:
    virtual ~WebhookParser() = default;
    virtual WebhookResult parse(const WebhookRequest &request,
                                const QList<QByteArray> &secrets) const = 0;
};

} // namespace ChannelDesk
