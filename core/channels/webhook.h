#pragma once

#include "domain/orderevent.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ChannelDesk {

// An incoming webhook as the HTTP server hands it over: raw body bytes (signatures are over
// these exact bytes) and headers with lower-case names.
struct WebhookRequest
{
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case name -> value
    // Set by the order path for a delivery the intake verified before keeping it in the inbox:
    // the parser reads it without checking the signature again (the secret may have been
    // rotated since; a replay days later must still read).
    bool signatureVerified = false;
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct WebhookResult
{
    enum class Kind {
        Order, // a well-formed, signed delivery about an order: its events are applied
        Ignored, // signed (or a ping) but nothing to apply: other topic, pending status...
        BadSignature, // missing or wrong signature: answer 401, change nothing
        BadRequest, // signed but not a valid payload: answer 400, change nothing
    };
    Kind kind = Kind::BadRequest;
    QString message; // why, for anything but Order (or a warning about an Order)
    QString topic; // the channel's topic header, when it sent one
    QString orderId; // the channel's order id
    QString deliveryId; // the channel's delivery id when it sends one (for logs)
    // What the delivery says happened, in the order to apply them (Shopify's orders/cancelled:
    // its refunds, then the cancel). channel and receivedAtMs are left for the runtime. Lines
    // carry the SKU when the payload gives one, the channel's line id and its product or
    // variant id (the listing mappings resolve it when there is no SKU).
    QList<OrderEvent> events;
    // The events take effect only on an order whose sale is already recorded (WooCommerce
    // gives stock back on pending or failed only after having taken it): for an order never
    // seen, nothing is applied and the delivery is answered as ignored.
    bool onlyForKnownOrder = false;
    // Refund ids of orderId whose lines the payload does not carry (WooCommerce's refunds[]):
    // the runtime reads them through the channel's adapter (ChannelAdapter::fetchRefunds).
    QStringList refundsToRead;
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
