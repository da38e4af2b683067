#pragma once

#include "sim/simchannel.h"

namespace ChannelDesk {

// WooCommerce's REST API v3 for stock: products and variations (GET/PUT), products/batch and
// variations/batch (at most 100 objects), Basic auth with the consumer key and secret,
// WooCommerce's error body, an optional host rate limit, and order.created webhooks. Reads
// (woocommercesim_reads.cpp): GET products and products/<id>/variations (per_page, page,
// include, X-WP-Total/X-WP-TotalPages; listings with a variation id are variations of a
// variable product) and GET orders (modified_after, dates_are_gmt, orderby, order, paged).
// Remote ids: "<product_id>" for a simple product, "<product_id>/<variation_id>" (or ':') for
// a variation.
class WooCommerceSim final : public SimChannel
{
    Q_OBJECT
public:
    using SimChannel::SimChannel;
    QString type() const override { return QStringLiteral("woocommerce"); }

protected:
    SimResponse handleApi(const SimRequest &request) override;
    SimResponse faultResponse(SimFault fault) override;
    bool configureType(const QJsonObject &config, QString *error) override;
    bool configureRateLimit(const QJsonObject &rateLimit, QString *error) override;
    QJsonObject rateLimitJson() const override;
    QString channelOrderId(const QString &requested, qint64 number) const override;
    void deliverOrder(const SimOrder &order, int deliveries) override;
    // order.updated with status "cancelled" (WooCommerce has put the stock back).
    void deliverCancel(const SimOrder &order, int deliveries) override;
    void seedListingExtras(SimListing &listing, const QJsonObject &seed) override;

private:
    void sendOrderWebhook(const SimOrder &order, const QByteArray &event, int deliveries);
    QJsonObject orderJson(const SimOrder &order);
    // The collections: products, one product's variations, orders.
    SimResponse listProducts(const SimRequest &request);
    SimResponse listVariations(const SimRequest &request, qint64 parentId);
    SimResponse listOrders(const SimRequest &request);
    struct Outcome
    {
        int status = 200;
        QJsonObject body; // the product, or the error body
    };

    bool authorized(const SimRequest &request) const;
    SimListing *find(qint64 productId, qint64 variationId);
    Outcome update(qint64 productId, qint64 variationId, const QJsonObject &changes);
    SimResponse batch(qint64 parentId, const QJsonObject &body);
    QJsonObject productJson(const SimListing &listing) const;

    QString m_consumerKey;
    QString m_consumerSecret;
    QString m_siteUrl;
    int m_webhookIdNumber = 1;
    int m_batchLimit = 100;
    SimTokenBucket m_bucket; // a host's limit; WooCommerce itself has none
    int m_limitedStatus = 429;
    qint64 m_nextDeliveryId = 1;
};

} // namespace ChannelDesk
