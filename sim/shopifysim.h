#pragma once

#include "sim/simchannel.h"

#include <QHash>

namespace ChannelDesk {

// Shopify's GraphQL Admin API as far as stock goes: inventorySetQuantities (with
// changeFromQuantity/compareQuantity and the @idempotent directive), a read of an inventory
// item's level, the cost-based throttle reported in extensions.cost, the access-token header,
// and orders/create webhooks signed like Shopify signs them. Reads (shopifysim_reads.cpp): the
// catalogue through productVariants, levels through nodes(ids:), orders through orders(query:
// "updated_at:>=...", sortKey: UPDATED_AT) and the follow-ups order(id:) / node(id:), each
// paged by its `first` and costed as Shopify calculates it (over 1,000 points is refused).
class ShopifySim final : public SimChannel
{
    Q_OBJECT
public:
    using SimChannel::SimChannel;
    QString type() const override { return QStringLiteral("shopify"); }

protected:
    SimResponse handleApi(const SimRequest &request) override;
    SimResponse faultResponse(SimFault fault) override;
    bool configureType(const QJsonObject &config, QString *error) override;
    bool configureRateLimit(const QJsonObject &rateLimit, QString *error) override;
    QJsonObject rateLimitJson() const override;
    QString channelOrderId(const QString &requested, qint64 number) const override;
    void deliverOrder(const SimOrder &order, int deliveries) override;
    // orders/cancelled: the order with cancelled_at and the refund that restocked its lines
    // (restock_type "cancel"), as Shopify sends it.
    void deliverCancel(const SimOrder &order, int deliveries) override;
    void seedListingExtras(SimListing &listing, const QJsonObject &seed) override;

private:
    QJsonObject orderBody(const SimOrder &order) const;
    void sendOrderWebhook(const SimOrder &order, const QByteArray &topic, const QJsonObject &body,
                          int deliveries);
    struct Idempotent
    {
        QByteArray fingerprint; // the mutation's input, canonical JSON
        QJsonObject payload; // data.inventorySetQuantities of the first answer
    };

    SimResponse setQuantities(const QString &apiVersion, const QString &query,
                              const QJsonObject &variables);
    SimResponse readItem(const QString &query, const QJsonObject &variables);
    // The read queries: cost checked and taken from the bucket, then answered.
    SimResponse readQuery(const QString &query, const QJsonObject &variables);
    QJsonObject variantsPage(const QString &query, const QJsonObject &variables);
    QJsonObject inventoryNodes(const QString &query, const QJsonObject &variables);
    QJsonObject itemJson(const SimListing &listing, const QString &locationGid) const;
    QJsonObject ordersPage(const QString &query, const QJsonObject &variables, QString *error);
    QJsonObject orderDetail(const QString &query, const QJsonObject &variables);
    QJsonObject childNode(const QString &query, const QJsonObject &variables);
    QJsonObject orderJson(const SimOrder &order, const QString &query,
                          const QJsonObject &variables) const;
    const SimOrder *findOrder(const QString &orderGid) const;
    QJsonObject setQuantitiesPayload(const QString &apiVersion, const QJsonObject &input,
                                     const QString &key);
    QJsonObject costExtension(double requested, double actual);
    QString shopName() const; // what `shop { name }` answers
    SimResponse answer(const QJsonObject &data, double cost);
    SimResponse topLevelError(const QString &message, const QString &code, double cost);
    // The empty bucket's answer: errors [{message: "Throttled", extensions: {code: THROTTLED}}],
    // no data, the cost asked for and what is left.
    SimResponse throttled(double requested);

    QString m_token;
    QString m_locationGid; // empty: any location is accepted
    QString m_shopDomain;
    QString m_apiVersion = QStringLiteral("2026-07");
    SimTokenBucket m_bucket;
    double m_mutationCost = 10;
    double m_queryCost = 2;
    int m_throttledStatus = 200;
    QHash<QString, Idempotent> m_idempotency;
};

} // namespace ChannelDesk
