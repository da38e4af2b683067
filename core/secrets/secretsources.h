#pragma once

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ChannelDesk {

// Whether a secret must be found. Commands that talk to no channel (dlq, lag) may read the file
// without the secrets present.
enum class SecretPolicy { Require, Optional };

// Looks a secret up by its keychain key ("channel/shop-us/token"); nullopt when there is none.
using SecretLookup = std::function<std::optional<QByteArray>(const QString &key)>;

// Where a config's secrets come from. With a keychain lookup, an entry there wins and the file's
// *_env fields become optional; without one, every secret comes from the environment variable
// its *_env field names (the headless CLI).
struct SecretSources
{
    QProcessEnvironment environment;
    SecretLookup keychain; // empty: the environment only
    SecretPolicy policy = SecretPolicy::Require;
};

// One secret of a channel or carrier type: its role (the last part of its keychain key) and the
// field of the config file that names its environment variable.
struct SecretField
{
    QString role; // "token", "consumer_secret", "webhook_secret", "api_key", ...
    QString envField; // "token_env", "webhook_secret_env", ...
    bool inCredentials = true; // the field lives in "credentials", else in the entry itself
    bool required = true; // false: the previous webhook secret during a rotation
};

namespace SecretKeys {

inline constexpr char kService[] = "ChannelDesk"; // the keychain's service name

// "channel/<id>/<role>" and "carrier/<id>/<role>".
QString channel(const QString &id, const QString &role);
QString carrier(const QString &id, const QString &role);

// The secrets of a channel type ("shopify", ...) and of a carrier type ("ups", ...), in the order
// the config file lists them; empty for an unknown type.
QList<SecretField> channelFields(const QString &type);
QList<SecretField> carrierFields(const QString &type);

// Every keychain key a config file's channels and carriers may use, from their ids and types.
// Entries without a string id or type are skipped; a file that is not JSON gives none.
QStringList keysIn(const QByteArray &configJson);

} // namespace SecretKeys

} // namespace ChannelDesk
