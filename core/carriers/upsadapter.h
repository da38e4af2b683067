#pragma once

#include "carriers/oauthcarrieradapter.h"

namespace ChannelDesk {

// UPS Rating API: an OAuth client-credentials token, then "Shoptimeintransit", which rates every
// UPS service and adds its time in transit.
// Followed: https://developer.ups.com/api/reference/rating (Rating.yaml in
// github.com/UPS-API/api-documentation: /rating/{version}/{requestoption}, RateResponse) and
// https://developer.ups.com/api/reference/oauth/client-credentials (POST /security/v1/oauth/token).
class UpsAdapter final : public OAuthCarrierAdapterFor<UpsAdapter>
{
    Q_OBJECT
public:
    using OAuthCarrierAdapterFor::OAuthCarrierAdapterFor;

    static constexpr const char *kVersion = "v2409";
    static QString ratePath();
    // Weights in pounds (LBS), dimensions in inches; DeliveryTimeInformation asks for transit.
    static QJsonObject buildBody(const ShipmentRequest &request, QDate shipDate,
                                 const QString &shipperNumber);
    static CarrierResult parseResponse(int httpStatus, const QByteArray &body,
                                       const QString &source, QDate shipDate);
    // UPS's service codes to the names on its rate sheets ("03" is Ground).
    static QString serviceName(const QString &code);
    static CarrierError parseErrorBody(int httpStatus, const QByteArray &body,
                                       const QString &source);

private:
    QNetworkRequest tokenRequest(const QString &clientId, const QString &clientSecret,
                                 QByteArray *body) const override;
    QNetworkRequest rateRequest(const ShipmentRequest &request, QDate shipDate,
                                QByteArray *body) const override;
};

} // namespace ChannelDesk
