#pragma once

#include "channels/channeladapter.h"
#include "channels/httpexchange.h"
#include "util/clock.h"

#include <QUrl>

class QNetworkAccessManager;

namespace ChannelDesk {

struct ShopifySettings
{
    QString channelId;
    QUrl baseUrl; // https://<shop>.myshopify.com
    QString apiVersion; // empty: ShopifyAdapter::kDefaultApiVersion
    QString locationId; // digits or gid://shopify/Location/<n>
    QByteArray accessToken;
    int timeoutMs = 10000;
};

// Shopify through the GraphQL Admin API: stock is set with inventorySetQuantities, many items
// per call, guarded by changeFromQuantity and made retry-safe by the @idempotent directive.
// A listing's remote id is its inventory item id, digits or gid://shopify/InventoryItem/<n>.
class ShopifyAdapter final : public ChannelAdapter
{
    Q_OBJECT
public:
    static constexpr const char *kDefaultApiVersion = "2026-10";
    // The mutation's requested cost is 10 points and a standard plan restores 100 points/s.
    static constexpr double kDocumentedRequestsPerSecond = 10.0;
    static constexpr int kMaxBatchSize = 100;

    ShopifyAdapter(ShopifySettings settings, QNetworkAccessManager *network, const Clock &clock,
                   QObject *parent = nullptr);

    QString channelId() const override { return m_settings.channelId; }
    QString type() const override { return QStringLiteral("shopify"); }
    int maxBatchSize() const override { return kMaxBatchSize; }
    double documentedRequestsPerSecond() const override { return kDocumentedRequestsPerSecond; }

    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override;
    void readListing(const QString &remoteId,
                     std::function<void(const ReadListingResult &)> done) override;

    QUrl graphqlUrl() const;
    // gid://shopify/<type>/<n> for digits, the id itself when it already is a gid of that type,
    // empty when it is neither.
    static QString globalId(const QString &type, const QString &id);
    // The @idempotent key of one push: a name-based UUID over the channel and, per listing, the
    // SKU, version and the exact arguments sent, so a retry of the same push replays Shopify's
    // first answer and a changed argument never reuses a key (IDEMPOTENCY_KEY_PARAMETER_MISMATCH).
    static QString idempotencyKey(const QString &channelId, const QList<ListingUpdate> &updates);
    // How a userErrors code is treated.
    static FailureKind classifyUserError(const QString &code);

private:
    PushReport interpretPush(const QList<ListingUpdate> &sent, const HttpResponse &response) const;
    QNetworkRequest graphqlRequest() const;

    ShopifySettings m_settings;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
};

} // namespace ChannelDesk
