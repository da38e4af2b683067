#pragma once

#include "channels/channeladapter.h"
#include "channels/channelconfig.h"
#include "channels/webhook.h"
#include "util/clock.h"

#include <memory>

class QNetworkAccessManager;

namespace ChannelDesk {

// The adapter for a configured channel. `network` and `clock` are owned by the caller and must
// outlive the adapter. Returns nullptr for an unknown type (the config parser rejects those).
std::unique_ptr<ChannelAdapter> createChannelAdapter(const ChannelConfig &config,
                                                     QNetworkAccessManager *network,
                                                     const Clock &clock, QObject *parent = nullptr);

// The webhook parser of a channel type: Shopify and WooCommerce; nullptr for the types that
// deliver no order webhooks (eBay and Amazon are polled).
std::unique_ptr<WebhookParser> createWebhookParser(const QString &type);

} // namespace ChannelDesk
