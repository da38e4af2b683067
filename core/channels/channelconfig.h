#pragma once

#include "channels/intakemode.h"
#include "domain/bufferrules.h"
#include "secrets/secretsources.h"
#include "server/listenerlimits.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace ChannelDesk {

// One channel of the config file (issue 3, "Configuration"), with its secrets already read from
// the keychain or the environment variables the file names. Secrets live only in memory: never
// logged, never written back.
struct ChannelConfig
{
    QString id; // also names the webhook route /webhooks/<id>
    QString type; // "shopify", "woocommerce", "ebay", "amazon"
    QUrl baseUrl; // the API's root, without a version path
    QString apiVersion; // empty: the adapter's default (Shopify "2026-10")

    // Shopify
    QString locationId; // numeric or gid://shopify/Location/<n>
    // Amazon
    QString sellerId;
    QString marketplaceId;
    QUrl lwaUrl; // default https://api.amazon.com
    // "feed_threshold": more listings due than this and a JSON_LISTINGS_FEED carries the rest
    // (0: never); empty: the adapter's default (AmazonSettings::feedThreshold).
    std::optional<int> feedThreshold;

    // Secret values by role: Shopify/eBay "token"; WooCommerce "consumer_key",
    // "consumer_secret"; Amazon "lwa_client_id", "lwa_client_secret", "refresh_token".
    QHash<QString, QByteArray> credentials;
    // Every secret that may sign this channel's webhooks: the current one first, then the
    // previous one during a rotation. Empty for channels without webhooks.
    QList<QByteArray> webhookSecrets;

    std::optional<double> maxRequestsPerSecond;
    // What the channel is shown (domain/buffer.h): the "buffer" object, each field empty =
    // the default. pause_at also comes from the older keys, in this order: buffer.pause_at,
    // the channel's "safety_buffer", the file's top-level "safety_buffer"; with none of them
    // it is the SKU's own safety buffer.
    BufferOverride buffer;
    int requestTimeoutMs = 10000;
    // How often `serve` and the console read this channel's listings back and list drift
    // (config "reconcile_interval_s"; 0 turns the schedule off, a recovery still runs one).
    int reconcileIntervalS = 900;

    // How orders come in ("intake": "webhook" | "poll" | "both") and how often a poll runs
    // ("poll_interval_s"); empty: the channel type's defaults (channelfactory.h).
    std::optional<IntakeMode> intake;
    std::optional<int> pollIntervalSeconds;

    QByteArray credential(const QString &role) const { return credentials.value(role); }
};

// The config file's optional "alerts" object: the thresholds of the lag and success-rate alerts.
struct AlertThresholds
{
    double lagP99Seconds = 5; // "lag_p99_seconds": a channel's p99 sync lag above this
    double lagMaxSeconds = 30; // "lag_max_seconds": any single sync lag above this
    double successRateMin = 0.99; // "success_rate_min": propagation success rate below this

    friend bool operator==(const AlertThresholds &, const AlertThresholds &) = default;
};

// The parts of the config file that belong to the sync core: where to listen, the channels and
// the alert thresholds. Other top-level keys (the carriers) are read elsewhere and ignored here.
struct ChannelsConfig
{
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8787;
    ListenerLimits listener; // the optional "listener" object
    QList<ChannelConfig> channels;
    // The top-level "safety_buffer": the pause_at of the channels that set none.
    std::optional<qint64> defaultSafetyBuffer;
    AlertThresholds alerts;
    // "durability": "full" (the default) syncs every commit of the inbox and of the order path
    // to disk (SQLite synchronous=FULL), so an acknowledged delivery survives a power cut;
    // "normal" survives a crash of the process only, and is faster.
    bool durabilityFull = true;
    // "inbox_retention_days": drained deliveries are pruned from the inbox after this long.
    int inboxRetentionDays = 30;

    const ChannelConfig *channel(const QString &id) const;
};

struct ChannelsConfigResult
{
    std::optional<ChannelsConfig> config;
    QString error; // names the field: "channels[1].base_url: missing"

    bool ok() const { return config.has_value(); }
};

// Secrets from the environment variables the file names (the CLI). A secret that must be there
// and is not is an error naming its field.
ChannelsConfigResult parseChannelsConfig(const QByteArray &json,
                                         const QProcessEnvironment &environment,
                                         SecretPolicy secrets = SecretPolicy::Require);
ChannelsConfigResult loadChannelsConfig(const QString &path, const QProcessEnvironment &environment,
                                        SecretPolicy secrets = SecretPolicy::Require);
// Secrets from the keychain first ("channel/<id>/<role>"), then from the environment; with a
// keychain lookup the *_env fields are optional, but a secret found in neither place is still an
// error naming its field.
ChannelsConfigResult parseChannelsConfig(const QByteArray &json, const SecretSources &sources);

// The file's form of a config, without any secret (the *_env names are not kept in
// ChannelsConfig either): what the console's settings show for a config it did not read from a
// file, such as the demo's.
QJsonObject channelsConfigToJson(const ChannelsConfig &config);

// Every channel's buffer rule, for what channels should show (the per-listing overrides come
// from the store: BufferStore).
BufferRules bufferRules(const ChannelsConfig &config);

} // namespace ChannelDesk
