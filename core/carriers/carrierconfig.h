#pragma once

#include "secrets/secretsources.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace ChannelDesk {

// The wire formats ChannelDesk speaks; several configured carriers may share one.
enum class CarrierType { EasyPost, Shippo, Ups, Fedex };
QString toString(CarrierType type);

// One entry of the config file's "carriers" array. Secrets are never in the file: credentials
// name environment variables, read when the adapter sends a request, unless the config was read
// with SecretSources, which resolves them at once (keychain first) into `secrets`.
struct CarrierConfig
{
    QString id;
    CarrierType type = CarrierType::EasyPost;
    QUrl baseUrl; // the API's root without a version path
    QString apiKeyEnv; // EasyPost, Shippo
    QString clientIdEnv; // UPS, FedEx (OAuth client credentials)
    QString clientSecretEnv;
    // Resolved secrets by role ("api_key", "client_id", "client_secret"); a role without one here
    // is read from its environment variable at request time.
    QHash<QString, QByteArray> secrets;
    QString accountNumber; // UPS ShipperNumber / FedEx accountNumber (optional, not a secret)
    int timeoutMs = 3000; // the RateShopper's deadline for this carrier
    bool enabled = true;
};

// How quotes are compared; the config file's optional "quote" object (docs/carriers.md).
struct QuoteSettings
{
    // Scores compare costs in this currency; a quote in another currency needs a rate below.
    QString currency = QStringLiteral("USD");
    // One unit of the key currency is worth this many units of `currency`.
    QHash<QString, double> exchangeRates;
    // A quote without an estimated delivery date is dropped unless this is set.
    bool allowUnknownDelivery = false;
    // The Beta prior of every carrier-service's on-time rate: its mean and its weight in
    // deliveries. A carrier with no history is scored as on time this often.
    double priorOnTimeRate = 0.9;
    double priorWeight = 10.0;
};

struct CarrierSettings
{
    QList<CarrierConfig> carriers;
    QuoteSettings quote;
};

// Reads "carriers" and "quote" from a config file's root object. On a bad value returns false with
// *error naming the field ("carriers[1].base_url: ...").
bool parseCarrierSettings(const QJsonObject &root, CarrierSettings *settings, QString *error);
// The same from the file's bytes.
bool parseCarrierSettings(const QByteArray &json, CarrierSettings *settings, QString *error);
// The same, resolving every credential now: the keychain ("carrier/<id>/<role>") wins, then the
// environment variable the file names; with a keychain lookup the *_env fields are optional. A
// credential found in neither place is an error naming its field (unless sources.policy is
// Optional, when the carrier answers an auth error at request time instead).
bool parseCarrierSettings(const QByteArray &json, const SecretSources &sources,
                          CarrierSettings *settings, QString *error);

} // namespace ChannelDesk
