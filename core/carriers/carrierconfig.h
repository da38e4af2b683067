#pragma once

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
// name environment variables, read when the adapter sends a request.
struct CarrierConfig
{
    QString id;
    CarrierType type = CarrierType::EasyPost;
    QUrl baseUrl; // the API's root without a version path
    QString apiKeyEnv; // EasyPost, Shippo
    QString clientIdEnv; // UPS, FedEx (OAuth client credentials)
    QString clientSecretEnv;
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

} // namespace ChannelDesk
