#pragma once

#include "sim/simchannel.h"

#include <QHash>

namespace ChannelDesk {

// Amazon's Selling Partner API as far as stock and orders go: the Login with Amazon token
// exchange (/auth/o2/token), Listings Items patch/get (JSON Patch of
// /attributes/fulfillment_availability, 200 ACCEPTED or 200 INVALID with issues, 403 for bad
// tokens, a token bucket with x-amzn-RateLimit-Limit and 429 QuotaExceeded), and Orders v0
// getOrders/getOrderItems for the orders placed here, and searchListingsItems (by SKU or the
// whole catalogue, 20 a page, at most 1,000 results a search). Remote ids are seller SKUs.
class AmazonSim final : public SimChannel
{
    Q_OBJECT
public:
    using SimChannel::SimChannel;
    QString type() const override { return QStringLiteral("amazon"); }

protected:
    SimResponse handleApi(const SimRequest &request) override;
    SimResponse faultResponse(SimFault fault) override;
    bool configureType(const QJsonObject &config, QString *error) override;
    bool configureRateLimit(const QJsonObject &rateLimit, QString *error) override;
    QJsonObject rateLimitJson() const override;
    void deliverOrder(const SimOrder &order, int deliveries) override;
    void seedListingExtras(SimListing &listing, const QJsonObject &seed) override;

private:
    SimResponse token(const SimRequest &request);
    bool tokenValid(const QByteArray &token) const;
    SimResponse listingsItem(const SimRequest &request, const QString &sellerId,
                             const QString &sku);
    SimResponse patchListing(const SimRequest &request, SimListing &listing);
    // searchListingsItems: GET /listings/2021-08-01/items/{sellerId} (amazonsim_search.cpp)
    SimResponse searchListings(const SimRequest &request, const QString &sellerId);
    QJsonObject itemJson(const SimListing &listing, const QStringList &includedData) const;
    SimResponse getOrders(const SimRequest &request);
    SimResponse getOrderItems(const QString &orderId);
    SimResponse withRate(SimResponse response, double rate) const;

    QString m_sellerId; // empty: any
    QString m_marketplaceId = QStringLiteral("ATVPDKIKX0DER");
    QString m_clientId;
    QString m_clientSecret;
    QString m_refreshToken;
    QString m_staticToken; // an access token accepted without the exchange (optional)
    int m_tokenTtlSeconds = 3600;
    QHash<QByteArray, qint64> m_tokens; // access token -> expiry (ms since epoch)
    SimTokenBucket m_patchBucket;
    SimTokenBucket m_readBucket;
    SimTokenBucket m_ordersBucket; // off unless configured
};

} // namespace ChannelDesk
