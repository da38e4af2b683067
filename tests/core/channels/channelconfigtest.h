#pragma once

// What tst_channelconfig and tst_channelconfigfields parse: a valid config naming one channel of
// every type, and the environment its *_env keys read.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace ChannelDesk::Testing {

using namespace Qt::StringLiterals;

inline QProcessEnvironment environment()
{
    QProcessEnvironment env;
    env.insert(u"SHOP_TOKEN"_s, u"shpat_secret"_s);
    env.insert(u"SHOP_HOOK"_s, u"hook-new"_s);
    env.insert(u"SHOP_HOOK_OLD"_s, u"hook-old"_s);
    env.insert(u"WC_KEY"_s, u"ck_1"_s);
    env.insert(u"WC_SECRET"_s, u"cs_1"_s);
    env.insert(u"WC_HOOK"_s, u"wc-hook"_s);
    env.insert(u"EBAY_TOKEN"_s, u"v^1.1#token"_s);
    env.insert(u"LWA_ID"_s, u"amzn1.application-oa2-client.x"_s);
    env.insert(u"LWA_SECRET"_s, u"lwa-secret"_s);
    env.insert(u"LWA_REFRESH"_s, u"Atzr|refresh"_s);
    return env;
}

inline QJsonObject validConfig()
{
    const QByteArray json = R"({
      "listen": "127.0.0.1:9900",
      "channels": [
        {"id": "shop-us", "type": "shopify", "base_url": "https://shop-us.myshopify.com",
         "location_id": "124656943", "credentials": {"token_env": "SHOP_TOKEN"},
         "webhook_secret_env": "SHOP_HOOK", "previous_webhook_secret_env": "SHOP_HOOK_OLD",
         "api_version": "2026-07", "max_requests_per_second": 4, "safety_buffer": 2},
        {"id": "woo", "type": "woocommerce", "base_url": "https://woo.example",
         "credentials": {"consumer_key_env": "WC_KEY", "consumer_secret_env": "WC_SECRET"},
         "webhook_secret_env": "WC_HOOK"},
        {"id": "ebay-us", "type": "ebay", "base_url": "https://api.ebay.com",
         "credentials": {"token_env": "EBAY_TOKEN"}},
        {"id": "amz", "type": "amazon", "base_url": "https://sellingpartnerapi-na.amazon.com",
         "seller_id": "A2SELLER", "marketplace_id": "ATVPDKIKX0DER",
         "credentials": {"lwa_client_id_env": "LWA_ID", "lwa_client_secret_env": "LWA_SECRET",
                         "refresh_token_env": "LWA_REFRESH"},
         "lwa_url": "http://127.0.0.1:9999", "feed_threshold": 50}
      ],
      "carriers": [{"id": "ep", "type": "easypost"}]
    })";
    return QJsonDocument::fromJson(json).object();
}

} // namespace ChannelDesk::Testing
