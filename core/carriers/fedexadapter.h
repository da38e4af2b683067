#pragma once

#include "carriers/oauthcarrieradapter.h"

namespace ChannelDesk {

// FedEx Rate API: an OAuth token (POST /oauth/token), then POST /rate/v1/rates/quotes without a
// serviceType, which rates every eligible service with its transit time.
// Followed: https://developer.fedex.com/api/en-us/catalog/rate/v1/docs.html (Rates and Transit
// Times API) and https://developer.fedex.com/api/en-us/catalog/authorization/docs.html.
class FedexAdapter final : public OAuthCarrierAdapterFor<FedexAdapter>
{
    Q_OBJECT
public:
    using OAuthCarrierAdapterFor::OAuthCarrierAdapterFor;

    // Pounds and inches from a US origin, kilograms and centimetres elsewhere.
    static QJsonObject buildBody(const ShipmentRequest &request, QDate shipDate,
                                 const QString &accountNumber);
    static CarrierResult parseResponse(int httpStatus, const QByteArray &body,
                                       const QString &source, QDate shipDate);
    static CarrierError parseErrorBody(int httpStatus, const QByteArray &body,
                                       const QString &source);

private:
    QNetworkRequest tokenRequest(const QString &clientId, const QString &clientSecret,
                                 QByteArray *body) const override;
    QNetworkRequest rateRequest(const ShipmentRequest &request, QDate shipDate,
                                QByteArray *body) const override;
};

} // namespace ChannelDesk
