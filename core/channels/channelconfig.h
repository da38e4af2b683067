#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace ChannelDesk {

// One channel of the config file (issue 3, "Configuration"), with its secrets already read from
// the environment variables the file names. Secrets live only in memory: never logged, never
// written back.
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

    // Secret values by role: Shopify/eBay "token"; WooCommerce "consumer_key",
    // "consumer_secret"; Amazon "lwa_client_id", "lwa_client_secret", "refresh_token".
    QHash<QString, QByteArray> credentials;
    // Every secret that may sign this channel's webhooks: the current one first, then the
    // previous one during a rotation. Empty for channels without webhooks.
    QList<QByteArray> webhookSecrets;

    std::optional<double> maxRequestsPerSecond;
    std::optional<qint64> safetyBuffer;
    int requestTimeoutMs = 10000;

    QByteArray credential(const QString &role) const { return credentials.value(role); }
};

// The parts of the config file that belong to the sync core: where to listen and the channels.
// Other top-level keys (the carriers) are read elsewhere and ignored here.
struct ChannelsConfig
{
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8787;
    QList<ChannelConfig> channels;

    const ChannelConfig *channel(const QString &id) const;
};

struct ChannelsConfigResult
{
    std::optional<ChannelsConfig> config;
    QString error; // names the field: "channels[1].base_url: missing"

    bool ok() const { return config.has_value(); }
};

// Whether a secret's environment variable must be set. Commands that talk to no channel (dlq,
// lag) may read the file without the secrets present.
enum class SecretPolicy { Require, Optional };

ChannelsConfigResult parseChannelsConfig(const QByteArray &json,
                                         const QProcessEnvironment &environment,
                                         SecretPolicy secrets = SecretPolicy::Require);
ChannelsConfigResult loadChannelsConfig(const QString &path, const QProcessEnvironment &environment,
                                        SecretPolicy secrets = SecretPolicy::Require);

} // namespace ChannelDesk
