#pragma once

#include "channels/channeladapter.h"
#include "channels/httpexchange.h"
#include "channels/shopify/shopifygraphql.h"
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
    qint64 initialLookbackMs = 10 * 60 * 1000; // first order poll, without a high-water mark
    // Whether order polls report units removed by order edits. Only without webhooks: an edit
    // seen by poll cannot carry the id orders/edited gives it (ShopifyOrderPoll).
    bool pollEdits = false;
};

// Shopify through the GraphQL Admin API: stock is set with inventorySetQuantities, many items
// per call, guarded by changeFromQuantity and made retry-safe by the @idempotent directive.
// A listing's remote id is its inventory item id, digits or gid://shopify/InventoryItem/<n>.
// Reads: the catalogue from productVariants, quantities from nodes(ids:) on inventory items,
// orders from orders(query: "updated_at:>=...", sortKey: UPDATED_AT) (shopifyorderpoll.h).
class ShopifyAdapter final : public ChannelAdapter, public ChannelReader
{
    Q_OBJECT
public:
    static constexpr IntakeMode kDefaultIntake = IntakeMode::Both;
    static constexpr int kDefaultPollIntervalSeconds = 30;
    static constexpr const char *kDefaultApiVersion = "2026-10";
    // The mutation's requested cost is 10 points and a standard plan restores 100 points/s.
    static constexpr double kDocumentedRequestsPerSecond = 10.0;
    static constexpr int kMaxBatchSize = 100;
    // Requested cost stays well under the 1,000 points a single query may cost: a variant with
    // its item and level is about 4 points, an inventory item read about 3.
    static constexpr int kListingsPageSize = 100;
    static constexpr int kQuantitiesPerRead = 100;

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
    ChannelReader *reader() override { return this; }

    // ChannelReader
    void listListings(const QString &pageToken,
                      std::function<void(const ListingPage &)> done) override;
    int maxQuantitiesPerRead() const override { return kQuantitiesPerRead; }
    void fetchOrders(const QString &highWaterMark,
                     std::function<void(const FetchOrdersResult &)> done) override;
    void checkConnection(std::function<void(const ConnectionCheck &)> done) override;
    bool hasOrderWebhooks() const override { return true; }
    IntakeMode defaultIntake() const override { return kDefaultIntake; }
    int defaultPollIntervalSeconds() const override { return kDefaultPollIntervalSeconds; }

    // The query texts, for tests that check them against the schema's fields.
    static QString listListingsQuery();
    static QString readQuantitiesQuery();

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

    // Sends one GraphQL query and answers with its data or its failure (ShopifyGraphql).
    void query(const QString &text, const QJsonObject &variables,
               std::function<void(const ShopifyGraphql::QueryAnswer &)> done);
    const ShopifySettings &settings() const { return m_settings; }
    const Clock &clock() const { return m_clock; }

protected:
    void readQuantityBatch(const QStringList &remoteIds,
                           std::function<void(const QuantitiesRead &)> done) override;
    QObject *readContext() override { return this; }

private:
    PushReport interpretPush(const QList<ListingUpdate> &sent, const HttpResponse &response) const;
    QNetworkRequest graphqlRequest() const;

    ShopifySettings m_settings;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
};

} // namespace ChannelDesk
