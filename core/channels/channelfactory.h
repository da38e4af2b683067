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

// A channel type's order intake and poll interval when its config says nothing (issue 10):
// webhook and poll for Shopify and WooCommerce (every 30 s), poll for eBay (every 5 s) and
// Amazon (every 60 s). As each adapter declares them (ChannelReader).
IntakeMode defaultIntake(const QString &type);
int defaultPollIntervalSeconds(const QString &type);
// The config's, else the type's.
IntakeMode effectiveIntake(const ChannelConfig &config);
int effectivePollIntervalSeconds(const ChannelConfig &config);

// The webhook parser of a channel type: Shopify and WooCommerce; nullptr for the types that
// deliver no order webhooks (eBay and Amazon are polled).
std::unique_ptr<WebhookParser> createWebhookParser(const QString &type);

} // namespace ChannelDesk
