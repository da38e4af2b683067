#pragma once

#include "sim/simfaults.h"
#include "sim/simtypes.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace ChannelDesk {

class Clock;

// One simulated sales channel: holds its own listings, answers its real API's paths under
// "/<channel-id>", injects the faults it is told to, places orders (signed webhook or order
// queue), and records what it received. The channel types derive from it; this base holds what
// they share. Lives on the thread of the HTTP server it is installed on.
class SimChannel : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        int status = 200;
        QJsonObject body;
    };

    SimChannel(const Clock &clock, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~SimChannel() override;

    // Reads the channel's configuration object (the "channels" entries of the sim config).
    bool configure(const QJsonObject &config, QString *error);

    QString id() const { return m_id; }
    virtual QString type() const = 0;
    int latencyMs() const { return m_faults.latencyMs; }

    // One API request under the channel prefix: counts it, injects faults, then lets the
    // channel type answer it.
    SimResponse serve(const SimRequest &request);

    // The /_sim control endpoints.
    QJsonObject listingsJson() const;
    bool seedListings(const QJsonObject &listings, QString *error);
    Result setFaults(const QJsonObject &body);
    QJsonObject faultsJson() const;
    QJsonObject statsJson() const;
    void resetStats();
    // body: order_id, lines, deliveries, allow_oversell, and ship_to {name, street, city, state,
    // postal_code, country}; without ship_to one of a dozen real US addresses is picked.
    Result placeOrder(const QJsonObject &body);
    // body: order_id (the channel's, as placeOrder answered it), deliveries. The channel puts
    // the units back on its listings and tells ChannelDesk its way (a webhook, or the order
    // APIs show the order cancelled from now on).
    Result cancelOrder(const QJsonObject &body);
    // Webhooks on or off (config "webhooks": false; POST /_sim/<id>/webhooks {"enabled": ...}).
    // Off, orders placed and cancelled reach ChannelDesk only through the channel's order API,
    // as for a desktop behind a router. Channels without order webhooks ignore it.
    void setWebhooksEnabled(bool enabled);
    bool webhooksEnabled() const { return m_webhooksEnabled; }
    Result setWebhooks(const QJsonObject &body);
    // A merchant changes what a listing shows in the channel's own admin, behind ChannelDesk's
    // back: no API write is recorded, the listing shows the new quantity from now on (and a
    // Shopify push comparing with the old one is refused as stale). false: no such listing.
    bool setShownQuantity(const QString &remoteId, qint64 quantity);
    // POST /_sim/<id>/adjust {"remote_id": ..., "quantity": N} or {"remote_id", "delta": D}.
    Result adjustListing(const QJsonObject &body);

    const SimListing *listing(const QString &remoteId) const;

Q_SIGNALS:
    // One webhook delivery attempt finished: its number, the HTTP status (0 when no answer
    // came) and whether it was delivered (2xx).
    void webhookDelivered(const QString &orderId, int attempt, int httpStatus, bool delivered);

protected:
    virtual SimResponse handleApi(const SimRequest &request) = 0;
    // The channel's own shape of an injected failure.
    virtual SimResponse faultResponse(SimFault fault) = 0;
    // Type-specific configuration keys (credentials, ids, limits).
    virtual bool configureType(const QJsonObject &config, QString *error) = 0;
    virtual bool configureRateLimit(const QJsonObject &rateLimit, QString *error) = 0;
    virtual QJsonObject rateLimitJson() const = 0;
    // Turns a requested order id into the channel's own form.
    virtual QString channelOrderId(const QString &requested, qint64 number) const;
    // Hands a placed order to ChannelDesk the channel's way (webhook or order queue).
    virtual void deliverOrder(const SimOrder &order, int deliveries) = 0;
    // Tells ChannelDesk an order was cancelled; polled channels need nothing (their order APIs
    // show it).
    virtual void deliverCancel(const SimOrder &order, int deliveries);
    // The channel-specific listing status (paused when quantity is 0 or status inactive).
    virtual bool isActive(const SimListing &listing) const;
    // Applies type-specific keys of a seeded listing object.
    virtual void seedListingExtras(SimListing &listing, const QJsonObject &seed);

    SimListing *findListing(const QString &remoteId);
    SimListing *findBySku(const QString &sku);
    void recordWrite(SimListing &listing, qint64 quantity, const QString &key, bool applied,
                     const QString &error);
    void countEvent(const QString &name);
    // Retry-After as the fault configuration asks (seconds, decimal seconds or HTTP-date).
    QByteArray retryAfterValue() const;
    QString isoNow() const;
    qint64 nowMs() const;
    qint64 monotonicMs() const;
    QString randomHex(int bytes);

    // POSTs `body` to the configured webhook URL with `headers`, retrying failed deliveries
    // (no answer or non-2xx) with doubling delays. `freshHeaders` is called for every attempt
    // and may add headers that change per delivery (WooCommerce's delivery id).
    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;
    void sendWebhook(const QString &orderId, const QByteArray &body, const HeaderList &headers,
                     std::function<HeaderList()> freshHeaders = {});

    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    QString m_id;
    QJsonObject m_config;
    QMap<QString, SimListing> m_listings;
    QList<SimOrder> m_orders; // orders placed, for the order APIs
    SimFaultConfig m_faults;
    QRandomGenerator m_random;
    QUrl m_webhookUrl;
    QByteArray m_webhookSecret;
    int m_webhookAttempts = 4;
    int m_webhookRetryMs = 1000;
    qint64 m_nextOrderNumber = 1001;
    bool m_webhooksEnabled = true;
    qint64 m_nextListingCreatedMs = 0; // listings' creation times, one second apart
    QSet<QString> m_requestedOrderIds; // order ids asked for via /_sim, to refuse repeats

private:
    void attemptWebhook(const QString &orderId, const QByteArray &body, const HeaderList &headers,
                        const std::function<HeaderList()> &freshHeaders, int attempt);

    qint64 m_calls = 0;
    QMap<QString, qint64> m_events; // faults injected, throttles, replays, webhook outcomes
};

} // namespace ChannelDesk
