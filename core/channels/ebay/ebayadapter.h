#pragma once

#include "channels/channeladapter.h"
#include "channels/httpexchange.h"
#include "util/clock.h"

#include <QJsonObject>
#include <QUrl>

class QNetworkAccessManager;

namespace ChannelDesk {

struct EbaySettings
{
    QString channelId;
    QUrl baseUrl; // https://api.ebay.com (sandbox: https://api.sandbox.ebay.com)
    QByteArray token; // OAuth user access token
    int timeoutMs = 10000;
    qint64 initialLookbackMs = 10 * 60 * 1000; // first order poll, without a high-water mark
};

// eBay through the Sell Inventory API (bulk_update_price_quantity, up to 25 inventory items a
// call, per-item status in a 200/207 answer) and, since eBay's REST APIs have no order webhook,
// the Fulfillment API's getOrders polled by last-modified date. A listing's remote id is the
// inventory item's SKU on eBay (the ChannelDesk SKU when empty). Each listing may be revised at
// most 250 times a day, which is why the propagator coalesces. Reads: the catalogue from GET
// inventory_item (up to 200 a page), quantities from bulk_get_inventory_item (up to 25).
class EbayAdapter final : public ChannelAdapter, public ChannelReader
{
    Q_OBJECT
public:
    static constexpr IntakeMode kDefaultIntake = IntakeMode::Poll;
    static constexpr int kDefaultPollIntervalSeconds = 5;
    static constexpr int kMaxBatchSize = 25;
    // eBay documents daily call quotas, not a rate; spread them out.
    static constexpr double kDocumentedRequestsPerSecond = 5.0;
    static constexpr int kOrdersPageSize = 200;
    static constexpr int kListingsPageSize = 200;
    static constexpr int kQuantitiesPerRead = 25;

    EbayAdapter(EbaySettings settings, QNetworkAccessManager *network, const Clock &clock,
                QObject *parent = nullptr);

    QString channelId() const override { return m_settings.channelId; }
    QString type() const override { return QStringLiteral("ebay"); }
    int maxBatchSize() const override { return kMaxBatchSize; }
    double documentedRequestsPerSecond() const override { return kDocumentedRequestsPerSecond; }
    // Each listing may be revised at most 250 times a calendar day (Sell Inventory API limits).
    int maxRevisionsPerListingPerDay() const override { return 250; }

    void push(const QList<ListingUpdate> &updates,
              std::function<void(const PushReport &)> done) override;
    void readListing(const QString &remoteId,
                     std::function<void(const ReadListingResult &)> done) override;
    ChannelReader *reader() override { return this; }

    // ChannelReader
    void listListings(const QString &pageToken,
                      std::function<void(const ListingPage &)> done) override;
    int maxQuantitiesPerRead() const override { return kQuantitiesPerRead; }
    // Every page of getOrders since the mark. The mark is "<ISO time>", or "<ISO time>#<offset>"
    // after a poll cut short: the next one goes on at that offset of the same filter (eBay lists
    // the newest orders first, so a new order only moves others to later pages: nothing
    // unread is skipped, some are read twice).
    void fetchOrders(const QString &highWaterMark,
                     std::function<void(const FetchOrdersResult &)> done) override;
    void checkConnection(std::function<void(const ConnectionCheck &)> done) override;
    bool hasOrderWebhooks() const override { return false; }
    IntakeMode defaultIntake() const override { return kDefaultIntake; }
    int defaultPollIntervalSeconds() const override { return kDefaultPollIntervalSeconds; }

protected:
    void readQuantityBatch(const QStringList &remoteIds,
                           std::function<void(const QuantitiesRead &)> done) override;
    QObject *readContext() override { return this; }

    // A failed answer as a ReadStatus, with eBay's first error (errorId, message); a read that
    // succeeded but is not a JSON object is a transient failure too.
    static ReadStatus readFailure(const HttpResponse &response, const Clock &clock);

private:
    struct OrderPoll;
    QNetworkRequest request(const QUrl &url) const;
    void fetchOrderPage(std::shared_ptr<OrderPoll> poll);
    // One getOrders order as events: its sale (cancelled when eBay says CANCELED), then a
    // cancel, its line refunds and one shipment per fulfilled line.
    QList<OrderEvent> orderEvents(const QJsonObject &order) const;

    EbaySettings m_settings;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
};

} // namespace ChannelDesk
