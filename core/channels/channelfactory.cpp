#include "channelfactory.h"

#include "channels/amazon/amazonadapter.h"
#include "channels/ebay/ebayadapter.h"
#include "channels/shopify/shopifyadapter.h"
#include "channels/shopify/shopifywebhookparser.h"
#include "channels/woocommerce/wooadapter.h"
#include "channels/woocommerce/woowebhookparser.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk {

std::unique_ptr<ChannelAdapter> createChannelAdapter(const ChannelConfig &config,
                                                     QNetworkAccessManager *network,
                                                     const Clock &clock, QObject *parent)
{
    if (config.type == u"shopify"_s) {
        ShopifySettings settings;
        settings.channelId = config.id;
        settings.baseUrl = config.baseUrl;
        settings.apiVersion = config.apiVersion;
        settings.locationId = config.locationId;
        settings.accessToken = config.credential(u"token"_s);
        settings.timeoutMs = config.requestTimeoutMs;
        // Without webhooks, order edits come from the poll (ShopifyOrderPoll).
        settings.pollEdits = effectiveIntake(config) == IntakeMode::Poll;
        return std::make_unique<ShopifyAdapter>(settings, network, clock, parent);
    }
    if (config.type == u"woocommerce"_s) {
        WooSettings settings;
        settings.channelId = config.id;
        settings.baseUrl = config.baseUrl;
        settings.apiVersion = config.apiVersion;
        settings.consumerKey = config.credential(u"consumer_key"_s);
        settings.consumerSecret = config.credential(u"consumer_secret"_s);
        settings.timeoutMs = config.requestTimeoutMs;
        return std::make_unique<WooAdapter>(settings, network, clock, parent);
    }
    if (config.type == u"ebay"_s) {
        EbaySettings settings;
        settings.channelId = config.id;
        settings.baseUrl = config.baseUrl;
        settings.token = config.credential(u"token"_s);
        settings.timeoutMs = config.requestTimeoutMs;
        return std::make_unique<EbayAdapter>(settings, network, clock, parent);
    }
    if (config.type == u"amazon"_s) {
        AmazonSettings settings;
        settings.channelId = config.id;
        settings.baseUrl = config.baseUrl;
        settings.sellerId = config.sellerId;
        settings.marketplaceId = config.marketplaceId;
        settings.lwa.tokenBase =
            config.lwaUrl.isEmpty() ? QUrl(u"https://api.amazon.com"_s) : config.lwaUrl;
        settings.lwa.clientId = config.credential(u"lwa_client_id"_s);
        settings.lwa.clientSecret = config.credential(u"lwa_client_secret"_s);
        settings.lwa.refreshToken = config.credential(u"refresh_token"_s);
        settings.timeoutMs = config.requestTimeoutMs;
        settings.feedThreshold = config.feedThreshold.value_or(settings.feedThreshold);
        return std::make_unique<AmazonAdapter>(settings, network, clock, parent);
    }
    return nullptr;
}

namespace {

// What each adapter declares for a channel type.
template<typename Adapter> std::pair<IntakeMode, int> intakeDefaults()
{
    return {Adapter::kDefaultIntake, Adapter::kDefaultPollIntervalSeconds};
}

std::pair<IntakeMode, int> intakeDefaults(const QString &type)
{
    if (type == u"shopify"_s)
        return intakeDefaults<ShopifyAdapter>();
    if (type == u"woocommerce"_s)
        return intakeDefaults<WooAdapter>();
    if (type == u"ebay"_s)
        return intakeDefaults<EbayAdapter>();
    return intakeDefaults<AmazonAdapter>();
}

} // namespace

IntakeMode defaultIntake(const QString &type)
{
    return intakeDefaults(type).first;
}

int defaultPollIntervalSeconds(const QString &type)
{
    return intakeDefaults(type).second;
}

IntakeMode effectiveIntake(const ChannelConfig &config)
{
    return config.intake.value_or(defaultIntake(config.type));
}

int effectivePollIntervalSeconds(const ChannelConfig &config)
{
    return config.pollIntervalSeconds.value_or(defaultPollIntervalSeconds(config.type));
}

std::unique_ptr<WebhookParser> createWebhookParser(const QString &type)
{
    if (type == u"shopify"_s)
        return std::make_unique<ShopifyWebhookParser>();
    if (type == u"woocommerce"_s)
        return std::make_unique<WooWebhookParser>();
    return nullptr;
}

} // namespace ChannelDesk
