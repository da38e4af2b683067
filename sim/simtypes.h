#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <utility>

namespace ChannelDesk {

// One HTTP request as a simulated channel sees it: the path below the channel's prefix
// ("/<channel-id>"), split into percent-decoded segments, and headers with lower-case names.
struct SimRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // below the channel prefix, starting with '/'
    QStringList segments; // path segments, percent-decoded, no empty ones
    QUrlQuery query;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case name -> value

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

// What the simulator does with a request: answer it, hold it until the client gives up (a
// timeout as the client sees it), or reset the connection.
struct SimResponse
{
    enum class Delivery { Answer, Hold, Reset };

    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Delivery delivery = Delivery::Answer;

    static SimResponse json(int status, const QJsonValue &value);
    static SimResponse hold();
    static SimResponse reset();
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

// One quantity write a channel received for a listing, for GET /_sim/<id>/stats.
struct SimWrite
{
    qint64 atMs = 0;
    qint64 quantity = 0;
    qint64 previous = 0;
    QString key; // the client's idempotency key when the API carries one (Shopify)
    bool applied = false;
    QString error; // the channel's error code when not applied
};

// One listing as a simulated channel holds it, keyed by the channel's own id (remote id).
struct SimListing
{
    QString remoteId;
    QString sku; // may be empty (Shopify and WooCommerce payloads allow it)
    QString title;
    QString price = QStringLiteral("10.00");
    qint64 quantity = 0;
    bool active = true; // the channel-specific listing status (WooCommerce "publish", ...)
    bool manageStock = true; // WooCommerce: stock_quantity only counts when stock is managed
    qint64 productId = 0; // Shopify/WooCommerce product id
    qint64 variantId = 0; // Shopify variant id, WooCommerce variation id (0 for simple)
    QString offerId; // eBay offer id, when offers are addressed
    qint64 offerQuantity = -1; // eBay offer-level quantity, -1 when never set
    QString legacyItemId; // eBay listing id
    QString asin; // Amazon
    qint64 createdMs = 0; // when the listing was created (Amazon's search sorts by it)
    int revisionsToday = 0; // eBay daily revision counter
    qint64 revisionDay = -1; // days since epoch (UTC) the counter belongs to
    QList<SimWrite> writes;

    // The quantity buyers can buy (eBay shows the lower of item and offer quantity).
    qint64 effectiveQuantity() const
    {
        return offerQuantity >= 0 ? qMin(quantity, offerQuantity) : quantity;
    }
};

struct SimOrderLine
{
    QString remoteId;
    QString sku;
    QString title;
    QString price;
    qint64 quantity = 0;
    qint64 productId = 0;
    qint64 variantId = 0;
    QString legacyItemId;
    QString asin;
};

// Where a simulated order ships to.
struct SimAddress
{
    QString name;
    QString street;
    QString city;
    QString state;
    QString postalCode;
    QString country; // ISO 3166-1 alpha-2
};

// An order the simulated channel placed (POST /_sim/<id>/orders).
struct SimOrder
{
    QString orderId; // the channel's own id, as it appears in webhooks and order APIs
    qint64 number = 0; // a running number (Shopify "#1001", WooCommerce "number")
    qint64 createdMs = 0;
    qint64 lastModifiedMs = 0;
    QList<SimOrderLine> lines;
    SimAddress shipTo;
    bool cancelled = false; // cancelled by POST /_sim/<id>/cancel (lastModifiedMs moves)
};

} // namespace ChannelDesk
